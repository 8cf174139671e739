"""`storedesk tools list|call|confirm` and `storedesk chat`, end to end through typer."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app.cli import app
from services import conversations, orders
from services.models import Actor
from services.settings import DEFAULT_DATABASE_URL, database_settings
from services.uow import UowFactory
from tests.agent.fake_openai import FakeOpenAI, Reply, chunk, text_stream, tool_fragment

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # --database-url sets DATABASE_URL for the process; undo it for the other tests.
    monkeypatch.setenv("DATABASE_URL", os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    for name in ("OPENAI_API_KEY", "STOREDESK_PROVIDER", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir("/tmp")  # no developer .env
    yield
    database_settings.cache_clear()


def cli(url: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["--database-url", url, *args], input=input)
    return result.exit_code, result.output


def status(uf: UowFactory, order_id: str) -> str:
    return orders.get_order_status(uf, order_id=order_id, customer_id=None).status


def test_tools_list_in_every_format(db_url: str) -> None:
    for fmt, key in (("openai", "function"), ("anthropic", "input_schema")):
        code, out = cli(db_url, "tools", "list", "--format", fmt)
        assert code == 0 and key in json.loads(out)[0]
    _, staff = cli(db_url, "tools", "list", "--format", "turn")
    _, customer = cli(db_url, "tools", "list", "--format", "turn", "--customer")
    assert "find_customer" in staff and "find_customer" not in customer
    code, _ = cli(db_url, "tools", "list", "--format", "xml")
    assert code == 2
    code, out = cli(db_url, "tools", "list", "--toolset", "tau-retail")
    assert code == 0 and len(json.loads(out)) == 16


def test_tools_call_as_customer_previews_then_confirm_applies(
    db_url: str, demo: UowFactory
) -> None:
    args = json.dumps({"order_id": "ORD-92010", "reason": "no longer needed"})
    code, out = cli(db_url, "tools", "call", "cancel_order", args, "--as", "CUST-9821")
    assert code == 0
    shown = json.loads(out.splitlines()[0])
    assert shown["status"] == "confirmation_required" and status(demo, "ORD-92010") == "pending"
    code, out = cli(db_url, "tools", "confirm", shown["confirmation_id"], "--as", "CUST-9821")
    assert code == 0 and status(demo, "ORD-92010") == "cancelled"


def test_tools_call_errors_exit_non_zero(db_url: str, demo: UowFactory) -> None:
    code, out = cli(db_url, "tools", "call", "get_order_status", "{bad", "--as", "CUST-9821")
    assert code == 1 and json.loads(out)["error"] == "invalid_arguments"
    code, _ = cli(db_url, "tools", "call", "get_order_status", "{}", "--as", "NOBODY")
    assert code == 2
    code, _ = cli(db_url, "tools", "call", "get_order_status", "{}")  # neither --as nor --staff
    assert code == 2


def test_staff_auto_confirm_applies_at_once(db_url: str, demo: UowFactory) -> None:
    args = json.dumps({"order_id": "ORD-60215", "reason": "ordered by mistake"})
    code, _ = cli(db_url, "tools", "call", "cancel_order", args, "--staff", "--auto-confirm")
    assert code == 0 and status(demo, "ORD-60215") == "cancelled"


def test_chat_with_the_offline_engine(db_url: str, demo: UowFactory) -> None:
    code, out = cli(db_url, "chat", "--as", "CUST-9821", input="where is order ORD-78342?\nexit\n")
    assert code == 0, out
    assert "offline engine" in out and "→ get_order_status" in out and "in transit" in out
    convs = conversations.list_conversations(demo, customer_id="CUST-9821")
    assert len(convs) == 1 and convs[0].channel == "cli" and convs[0].actor == Actor.CUSTOMER


def test_chat_over_an_openai_compatible_server_with_confirm_prompt(
    db_url: str, demo: UowFactory
) -> None:
    fake = FakeOpenAI()
    args = '{"order_id": "ORD-92010", "reason": "no longer needed"}'
    fake.queue(
        Reply(
            events=[
                tool_fragment(0, call_id="c1", name="cancel_order", args=args),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text_stream("Shall I cancel it?"),
    )
    with fake.running():
        code, out = cli(
            db_url,
            "chat",
            "--as",
            "CUST-9821",
            "--provider",
            "openai",
            "--base-url",
            fake.base_url,
            "--model",
            "fake-model",
            input="cancel ORD-92010 please\ny\nexit\n",
        )
    assert code == 0, out
    assert "Shall I cancel it?" in out and "Done:" in out
    assert status(demo, "ORD-92010") == "cancelled"


def test_chat_refuses_a_provider_it_cannot_start(db_url: str, demo: UowFactory) -> None:
    code, out = cli(db_url, "chat", "--staff", "--provider", "openai", input="exit\n")
    assert code == 2 and "OPENAI_API_KEY" in out
