"""The scenario suite: conversations with known outcomes, run against any model adapter.

A scenario (YAML in `evals/scenarios/`) names the store it starts from, who is signed
in, what the customer says (and whether they press Confirm or Cancel on a preview), the
tool calls expected, the change expected in the database and the facts the answers must
hold. Each run starts on its own copy of a prepared store.
"""
