"""Live mode end to end over real HTTP: `storedesk eval tau` with the agent and the
simulated customer on two local OpenAI-compatible servers (no network, no key)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.eval.tau.judge import LLMJudge
from app.eval.tau.tasks import parse_task
from tests.agent.fake_openai import FakeOpenAI, Reply, chunk, text_stream, tool_fragment
from tests.eval import tau_store

runner = CliRunner()


def _tool_call(call_id: str, name: str, args: dict[str, Any]) -> Reply:
    events: list[Any] = [
        chunk({"role": "assistant", "content": None}),
        tool_fragment(0, call_id=call_id, name=name, args=json.dumps(args)),
        chunk({}, "tool_calls"),
        "[DONE]",
    ]
    return Reply(events=events)


def _user_says(text: str) -> Reply:
    return Reply(
        body={
            "id": "chatcmpl-u",
            "object": "chat.completion",
            "created": 1,
            "model": "fake-user",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text},
                 "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 50, "completion_tokens": 9, "total_tokens": 59},
        }
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "STOREDESK_PROVIDER", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_a_live_trial_over_http(tmp_path: Path) -> None:
    store, tasks = tau_store.write(tmp_path / "bench")
    agent, user = FakeOpenAI(), FakeOpenAI()
    agent.queue(
        _tool_call("c1", *tau_store.FIND),
        _tool_call("c2", *tau_store.CANCEL),
        text_stream("Cancelled; 25.5 will be refunded to your card."),
    )
    user.queue(
        _user_says("Hi, please cancel order #W0000001. My email is ada@example.com."),
        _user_says("Thanks! ###STOP###"),
    )
    with agent.running(), user.running():
        result = runner.invoke(
            app,
            ["eval", "tau", "--store", str(store), "--tasks", str(tasks), "--task-ids",
             "cancel", "--provider", "openai", "--model", "fake-model", "--base-url",
             agent.base_url, "--user-model", "fake-user", "--user-base-url", user.base_url,
             "--out", str(tmp_path / "out")],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    (trial,) = json.loads((tmp_path / "out" / "results.json").read_text())["trials"]
    assert trial["reward"] == 1.0 and trial["termination"] == "user_stop"
    assert (trial["user_input_tokens"], trial["user_output_tokens"]) == (100, 18)
    assert trial["agent_input_tokens"] == 12 and trial["agent_cost"] is None  # unpriced model
    first = agent.requests[0]
    # The benchmark's policy is the system prompt; the tools are the tau-retail ones.
    assert "Authenticate the user first." in first["messages"][0]["content"]
    names = {t["function"]["name"] for t in first["tools"]}
    assert "cancel_pending_order" in names and "cancel_order" not in names
    # The customer model saw the agent's greeting and then its answer, as the "user".
    assert user.requests[0]["messages"][1]["content"] == "Hi! How can I help you today?"
    assert "25.5 will be refunded" in user.requests[1]["messages"][-1]["content"]


def test_the_judge_needs_every_assertion_met() -> None:
    class Completions:
        def __init__(self, verdicts: list[bool]) -> None:
            self.verdicts = verdicts

        def create(self, **kwargs: Any) -> Any:
            body = {"results": [{"expectedOutcome": "x", "metExpectation": v}
                                for v in self.verdicts]}  # fmt: skip
            message = type("M", (), {"content": "```json\n" + json.dumps(body) + "\n```"})
            return type("R", (), {"choices": [type("C", (), {"message": message})]})

    raw = tau_store.task("x", [tau_store.FIND], nl_assertions=["Agent is polite.", "No lies."])
    task = parse_task(raw)
    transcript = [{"role": "user", "text": "hi"}]
    for verdicts, ok in (([True, True], True), ([True, False], False), ([True], False)):
        chat = type("Chat", (), {"completions": Completions(verdicts)})
        judge = LLMJudge(model="judge", client=type("Client", (), {"chat": chat}))
        assert judge(task, transcript)[0] is ok
