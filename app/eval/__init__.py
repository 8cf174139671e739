"""Evaluation of the agent: the scenario suite and the tau-bench retail harness.

No streamlit here: these run from the CLI and from tests. Every run works on its own
copy of a prepared store, so a trial can never see (or leave) another trial's changes.
"""
