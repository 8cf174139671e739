"""The tau-bench harness with scripted agents and customers (no network, no benchmark
data): passing, failing, transferred, endless and faulty trials, pass^k, resuming."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.agent.model import ModelFault
from app.agent.scripted import ScriptedModel, call, fault, reply
from app.cli import app
from app.eval.passk import pass_hat_k, pass_hat_ks
from app.eval.stores import prepare_tau_store
from app.eval.tau.run import RunConfig, run_tasks
from app.eval.tau.tasks import TauTask, load_tasks, parse_task
from app.eval.tau.user import STOP, LLMUser, ScriptedUser
from services.errors import InvalidRequest
from tests.eval import tau_store

runner = CliRunner()


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("tau")
    store, tasks_path = tau_store.write(folder)
    template = prepare_tau_store(store, folder / "template.db")
    tasks = {t.id: t for t in load_tasks(tasks_path)}
    return {"folder": folder, "template": template, "tasks": tasks, "tasks_path": tasks_path}


def _config(bench: dict[str, Any], tmp_path: Path, agent: Any, user: Any, **kw: Any) -> RunConfig:
    return RunConfig(
        template=bench["template"],
        workdir=tmp_path / "work",
        policy="Authenticate the user first.",
        agent_factory=agent,
        user_factory=user,
        agent_label="scripted",
        user_label="scripted user",
        **kw,
    )


def _cancel_agent(reason: str = "no longer needed") -> ScriptedModel:
    return ScriptedModel(
        [
            call(*tau_store.FIND),
            call("cancel_pending_order", {"order_id": tau_store.PENDING, "reason": reason}),
            reply("Done: cancelled, $25.5 goes back to your card."),
        ]
    )


def _user(_task: TauTask) -> ScriptedUser:
    return ScriptedUser(["Please cancel #W0000001, I'm ada@example.com."], forever=STOP)


def test_a_passing_trial(bench: dict[str, Any], tmp_path: Path) -> None:
    results = run_tasks(
        [bench["tasks"]["cancel"]], _config(bench, tmp_path, lambda t: _cancel_agent(), _user)
    )
    (trial,) = results.trials
    assert trial["reward"] == 1.0 and trial["termination"] == "user_stop"
    assert trial["db_match"] and trial["communicate_ok"] and trial["turns"] == 1
    assert [c["name"] for c in trial["tool_calls"]] == [
        "find_user_id_by_email",
        "cancel_pending_order",
    ]
    assert trial["agent_input_tokens"] == 30 and trial["agent_cost"] == 0.0


def test_a_wrong_write_fails_and_names_what_differs(bench: dict[str, Any], tmp_path: Path) -> None:
    results = run_tasks(
        [bench["tasks"]["cancel"]],
        _config(bench, tmp_path, lambda t: _cancel_agent("ordered by mistake"), _user),
    )
    (trial,) = results.trials
    assert trial["reward"] == 0.0 and not trial["db_match"]
    assert trial["db_diff"] == ["orders/#W0000001"]


def test_not_saying_the_required_information_fails(bench: dict[str, Any], tmp_path: Path) -> None:
    def agent(_t: TauTask) -> ScriptedModel:
        model = _cancel_agent()
        model._script[-1] = reply("Done.")  # the refund amount (25.5) is never said
        return model

    (trial,) = run_tasks([bench["tasks"]["cancel"]], _config(bench, tmp_path, agent, _user)).trials
    assert trial["db_match"] and trial["missing_info"] == ["25.5"] and trial["reward"] == 0.0


def test_a_transfer_ends_the_trial_and_is_scored(bench: dict[str, Any], tmp_path: Path) -> None:
    def agent(_t: TauTask) -> ScriptedModel:
        return ScriptedModel(
            [call(*tau_store.FIND), call(*tau_store.TRANSFER), reply("A person will help you.")]
        )

    user = ScriptedUser(["I want a person.", "Hello?", "Anyone?"])
    results = run_tasks(
        [bench["tasks"]["transfer"]], _config(bench, tmp_path, agent, lambda t: user)
    )
    (trial,) = results.trials
    assert trial["termination"] == "transfer" and trial["reward"] == 1.0
    assert trial["turns"] == 1 and len(user.heard) == 1  # nothing said after the transfer


def test_a_user_who_never_stops_is_bounded(bench: dict[str, Any], tmp_path: Path) -> None:
    def agent(_t: TauTask) -> ScriptedModel:
        return ScriptedModel(forever=reply("Could you tell me more?"))

    def user(_t: TauTask) -> ScriptedUser:
        return ScriptedUser([], forever="Hmm, let me think about it.")

    config = _config(bench, tmp_path, agent, user, max_turns=4)
    (trial,) = run_tasks([bench["tasks"]["cancel"]], config).trials
    assert trial["termination"] == "max_turns" and trial["turns"] == 4
    assert trial["reward"] == 0.0


def test_a_model_fault_mid_trial_is_recorded_and_the_run_goes_on(
    bench: dict[str, Any], tmp_path: Path
) -> None:
    def agent(task: TauTask) -> ScriptedModel:
        if task.id == "cancel":
            return ScriptedModel([call(*tau_store.FIND), fault(ModelFault("upstream 500"))])
        return ScriptedModel(
            [call(*tau_store.FIND), call(*tau_store.TRANSFER), reply("Transferred.")]
        )

    tasks = [bench["tasks"]["cancel"], bench["tasks"]["transfer"]]
    results = run_tasks(tasks, _config(bench, tmp_path, agent, _user, concurrency=2))
    by_id = {t["task_id"]: t for t in results.trials}
    assert by_id["cancel"]["termination"] == "agent_error"
    assert "provider_error" in by_id["cancel"]["error"] and by_id["cancel"]["reward"] == 0.0
    assert by_id["transfer"]["reward"] == 1.0


def test_a_user_simulator_fault_is_recorded(bench: dict[str, Any], tmp_path: Path) -> None:
    class Broken:
        model = "broken"

        def respond(self, agent_text: str) -> Any:
            raise TimeoutError("user model timed out")

    config = _config(bench, tmp_path, lambda t: _cancel_agent(), lambda t: Broken())
    (trial,) = run_tasks([bench["tasks"]["cancel"]], config).trials
    assert trial["termination"] == "user_error" and "timed out" in trial["error"]
    # An empty message is the simulator's fault too, not the agent's.
    config = _config(bench, tmp_path, lambda t: _cancel_agent(), lambda t: ScriptedUser(["  "]))
    (trial,) = run_tasks([bench["tasks"]["cancel"]], config).trials
    assert trial["termination"] == "user_error" and "empty_input" in trial["error"]


def test_pass_hat_k_as_the_benchmark_computes_it() -> None:
    assert pass_hat_k(3, 4, 2) == pytest.approx(3 / 6)  # C(3,2)/C(4,2)
    assert pass_hat_k(2, 4, 3) == 0.0
    assert pass_hat_k(4, 4, 4) == 1.0
    outcomes = {"a": [True, True, True, False], "b": [True, False, False, False]}
    # a: 3 of 4, b: 1 of 4 -> k=1 (0.75+0.25)/2; k=2 (0.5+0)/2; k=3 (0.25+0)/2; k=4 0
    assert pass_hat_ks(outcomes) == pytest.approx({1: 0.5, 2: 0.25, 3: 0.125, 4: 0.0})
    assert pass_hat_ks({"a": [True, True], "b": [True, True, False]}) == pytest.approx(
        {1: (1 + 2 / 3) / 2, 2: (1 + 1 / 3) / 2}
    )
    with pytest.raises(ValueError):
        pass_hat_k(1, 2, 3)


def test_a_resumed_run_does_not_redo_finished_trials(bench: dict[str, Any], tmp_path: Path) -> None:
    made: list[str] = []

    def agent(task: TauTask) -> ScriptedModel:
        made.append(task.id)
        return _cancel_agent()

    results_path = tmp_path / "results.json"
    template_digest = hashlib.sha256(bench["template"].read_bytes()).hexdigest()
    task = bench["tasks"]["cancel"]
    config = _config(bench, tmp_path, agent, _user, trials=2, results_path=results_path)
    run_tasks([task], config)
    assert len(made) == 2
    config.trials = 3
    results = run_tasks([task], config)
    assert len(made) == 3  # only the third trial ran
    assert [t["trial"] for t in results.trials] == [0, 1, 2]
    saved = json.loads(results_path.read_text())
    assert saved["summary"]["pass_hat_k"] == {"1": 1.0, "2": 1.0, "3": 1.0}
    run_tasks([task], config)
    assert len(made) == 3  # nothing left to do
    # Every trial worked on its own copy: the prepared store is untouched.
    assert hashlib.sha256(bench["template"].read_bytes()).hexdigest() == template_digest


def test_results_of_another_agent_are_not_mixed_in(bench: dict[str, Any], tmp_path: Path) -> None:
    results_path = tmp_path / "results.json"
    config = _config(bench, tmp_path, lambda t: _cancel_agent(), _user, results_path=results_path)
    run_tasks([bench["tasks"]["cancel"]], config)
    config.agent_label = "another model"
    with pytest.raises(InvalidRequest, match="another agent"):
        run_tasks([bench["tasks"]["cancel"]], config)


def test_the_llm_user_plays_the_customer_with_roles_flipped() -> None:
    class Completions:
        def __init__(self) -> None:
            self.seen: list[list[dict[str, str]]] = []

        def create(self, **kwargs: Any) -> Any:
            self.seen.append(list(kwargs["messages"]))
            message = type("M", (), {"content": "I want to cancel an order."})
            usage = type("U", (), {"prompt_tokens": 120, "completion_tokens": 8})
            return type("R", (), {"choices": [type("C", (), {"message": message})], "usage": usage})

    completions = Completions()
    client = type("Client", (), {"chat": type("Chat", (), {"completions": completions})})
    task = parse_task(tau_store.task("x", [tau_store.FIND]))
    user = LLMUser(task, model="gpt-test", client=client)
    answer = user.respond("Hi! How can I help you today?")
    assert answer.text == "I want to cancel an order." and answer.input_tokens == 120
    system, agent_line = completions.seen[0]
    assert system["role"] == "system" and "###STOP###" in system["content"]
    assert "You are Ada Lovelace" in system["content"]
    assert agent_line == {"role": "user", "content": "Hi! How can I help you today?"}


def test_cli_oracle_reads_a_db_json_store_and_writes_reports(
    bench: dict[str, Any], tmp_path: Path
) -> None:
    store = bench["folder"] / "db.json"
    result = runner.invoke(
        app,
        ["eval", "tau", "--oracle", "--store", str(store), "--tasks", str(bench["tasks_path"]),
         "--tasks-ids", "cancel,return", "--trials", "2", "--concurrency", "2",
         "--out", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "results.json").read_text())
    assert report["summary"]["trials"] == 4 and report["summary"]["pass_hat_k"] == {
        "1": 1.0,
        "2": 1.0,
    }
    markdown = (tmp_path / "results.md").read_text()
    assert "| model | pass^1 | pass^2 | pass^3 | pass^4 |" in markdown
    assert "| GPT-5.2 (leaderboard) | 81.6 | – | – | 51.8 |" in markdown


def test_cli_live_mode_needs_a_user_model(bench: dict[str, Any]) -> None:
    result = runner.invoke(
        app,
        ["eval", "tau", "--store", str(bench["folder"]), "--tasks", str(bench["tasks_path"]),
         "--provider", "offline"],
    )  # fmt: skip
    assert result.exit_code == 2 and "--user-model" in result.output


def test_cli_rejects_an_unknown_task_id(bench: dict[str, Any]) -> None:
    result = runner.invoke(
        app,
        ["eval", "tau", "--oracle", "--store", str(bench["folder"]), "--tasks",
         str(bench["tasks_path"]), "--task-ids", "nope"],
    )  # fmt: skip
    assert result.exit_code == 2 and "nope" in result.output


def test_cli_rerun_with_fewer_trials_reports_only_those(
    bench: dict[str, Any], tmp_path: Path
) -> None:
    args = ["eval", "tau", "--oracle", "--store", str(bench["folder"]), "--tasks",
            str(bench["tasks_path"]), "--task-ids", "cancel", "--results",
            str(tmp_path / "r.json")]  # fmt: skip
    assert runner.invoke(app, [*args, "--trials", "2"]).exit_code == 0
    result = runner.invoke(app, [*args, "--trials", "1"])
    assert result.exit_code == 0 and "1/1 trial(s) passed" in result.output
    assert len(json.loads((tmp_path / "r.json").read_text())["trials"]) == 2
