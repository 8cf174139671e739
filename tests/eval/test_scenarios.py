"""The scenario suite: its coverage, its checks, and the offline engine passing it
(the figure `make test` holds the engine to)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.agent.scripted import ScriptedModel, call, reply
from app.cli import app
from app.commands.eval import SCENARIOS_DIR
from app.eval.scenarios.checks import precision_recall
from app.eval.scenarios.spec import ExpectedCall, Scenario, load_suite
from app.eval.scenarios.suite import run_suite
from app.tools.support import SUPPORT
from services.errors import InvalidRequest

runner = CliRunner()


def test_the_suite_covers_every_tool_language_and_hard_case() -> None:
    suite = load_suite(SCENARIOS_DIR)
    assert len(suite) >= 60
    assert {s.language for s in suite} == {"en", "vi", "pt"}
    expected = {c.name for s in suite for c in s.calls} | {
        a.name for s in suite for c in s.calls for a in c.alternatives
    }
    assert {t.name for t in SUPPORT.tools} <= expected
    ids = {s.id for s in suite}
    for hard in (
        "unknown-order-en",
        "someone-elses-order-en",
        "partial-by-zip-pt",
        "variant-out-of-stock-en",
        "return-outside-window-en",
        "cancel-processed-en",
        "gift-card-too-small-en",
        "cancel-changes-mind-en",
        "return-changes-mind-en",
        "handoff-en",
    ):
        assert hard in ids
    assert any(s.is_staff for s in suite) and any(s.store != "demo" for s in suite)
    # The engine's known gaps (not gated) stay valid scenarios, with ids of their own.
    gaps = load_suite(SCENARIOS_DIR.parent / "known_gaps")
    assert gaps and not {g.id for g in gaps} & ids


def test_the_offline_engine_passes_at_least_95_percent(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "scenarios", "--min-pass", "0.95", "--out", str(tmp_path)])
    report = json.loads((tmp_path / "scenarios.json").read_text())
    summary = report["summary"]
    assert result.exit_code == 0, result.output
    assert summary["pass_rate"] >= 0.95 and summary["scenarios"] >= 60
    assert summary["pass_hat_k"]["1"] == summary["pass_rate"]
    table = (tmp_path / "scenarios.md").read_text()
    assert "| scenario | lang | passed |" in table and "cancel-confirmed-vi" in table


def _one(text: str) -> Scenario:
    data = {
        "id": "scripted-cancel",
        "signed_in": "CUST-9821",
        "turns": [{"user": text, "says": ["cancel"]}, {"confirm": True}],
        "calls": [{"name": "cancel_order", "args": {"order_id": "ORD-92010"}}],
        "db": [{"order": "ORD-92010", "status": "cancelled"}],
    }
    return Scenario.model_validate(data)


def test_a_scripted_model_that_does_the_right_thing_passes_with_pass_hat_k() -> None:
    def model() -> ScriptedModel:
        return ScriptedModel(
            [
                call("cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"}),
                reply("I can cancel it; press Confirm."),
            ]
        )

    result = run_suite([_one("cancel ORD-92010")], model, trials=2)
    assert [r.success for r in result.runs] == [True, True], result.runs[0].failures
    run = result.runs[0]
    assert (run.precision, run.recall, run.turns) == (1.0, 1.0, 1)
    assert run.input_tokens == 20 and run.cost == 0.0
    assert result.summary()["pass_hat_k"] == {"1": 1.0, "2": 1.0}


def test_a_wrong_write_fails_on_calls_and_on_the_store() -> None:
    def model() -> ScriptedModel:
        # Cancels the wrong order (one of the same customer's, so the tool accepts it).
        return ScriptedModel(
            [
                call("cancel_order", {"order_id": "ORD-91234", "reason": "no longer needed"}),
                reply("I tried to cancel it."),
            ]
        )

    run = run_suite([_one("cancel ORD-92010")], model).runs[0]
    assert not run.success
    assert (run.precision, run.recall) == (0.0, 0.0)
    assert any("status 'pending'" in f for f in run.failures)
    assert any("no preview to confirm" in f for f in run.failures)


def test_a_model_fault_fails_the_run_and_the_suite_goes_on() -> None:
    scenarios = [_one("cancel ORD-92010"), _one("cancel ORD-92010 again")]
    scenarios[1] = scenarios[1].model_copy(update={"id": "second"})
    models = iter([ScriptedModel([]), ScriptedModel([])])  # exhausted at once: a fault
    result = run_suite(scenarios, lambda: next(models, ScriptedModel([])))
    assert [r.success for r in result.runs] == [False, False]
    assert "script_exhausted" in result.runs[0].replies[0]


def test_precision_and_recall_arithmetic() -> None:
    want = [ExpectedCall(name="get_order_status", args={"order_id": "ORD-1"})]
    made = [("get_order_status", {"order_id": "ord-1 "}), ("list_product_types", {})]
    assert precision_recall(want, made) == (0.5, 1.0)
    assert precision_recall([], []) == (1.0, 1.0)
    assert precision_recall(want, []) == (0.0, 0.0)


def test_a_bad_scenario_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenarios:\n  - id: x1\n    turns: [{user: hi, confirm: true}]\n")
    with pytest.raises(InvalidRequest, match="x1"):
        load_suite(bad)
    result = runner.invoke(app, ["eval", "scenarios", "--path", str(bad)])
    assert result.exit_code == 2 and "x1" in result.output
