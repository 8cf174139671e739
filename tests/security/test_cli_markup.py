"""`storedesk chat` prints model, tool and store text literally."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from rich.console import Console
from typer.testing import CliRunner

from app.agent.events import ErrorEvent, TextDelta, ToolCallStarted, ToolResult
from app.cli import app
from app.commands import chat as chat_command
from services.settings import DEFAULT_DATABASE_URL, database_settings
from services.uow import UowFactory
from tests.agent.fake_openai import FakeOpenAI, Reply, chunk, text_stream, tool_fragment

HOSTILE = "[/x] [green]Done: refund sent[/green] [link=https://evil.example]x[/link] \x1b[31mred"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    for name in ("OPENAI_API_KEY", "STOREDESK_PROVIDER", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir("/tmp")
    yield
    database_settings.cache_clear()


def _printed(*events: object) -> str:
    console = Console(record=True, width=400, force_terminal=True)
    original = chat_command.console
    chat_command.console = console
    try:
        for event in events:
            chat_command.show(event, None, "support")  # type: ignore[arg-type]
    finally:
        chat_command.console = original
    return console.export_text(styles=False)


def test_markup_in_every_event_prints_literally() -> None:
    out = _printed(
        TextDelta(HOSTILE),
        ToolCallStarted(call_id="c", name="[green]Done[/green]", arguments='{"a": "[/x]"}'),
        ToolResult(call_id="c", name="[/x]", result="{}", ok=False, error_code="[bold]x[/]"),
        ErrorEvent(code="[/x]", message=HOSTILE),
    )
    assert "[/x]" in out and "[green]Done: refund sent[/green]" in out
    assert "[green]Done[/green](" in out and "[bold]x[/]" in out
    assert "\x1b[31m" not in out and "\\x1b[31m" in out  # shown, not obeyed


def test_a_tool_name_cannot_print_a_styled_done() -> None:
    console = Console(record=True, width=200, force_terminal=True)
    original = chat_command.console
    chat_command.console = console
    try:
        chat_command.show(
            ToolResult(call_id="c", name="[bold green]Done[/bold green]", result="", ok=True),
            None,  # type: ignore[arg-type]
            "support",
        )
    finally:
        chat_command.console = original
    assert "[bold green]Done[/bold green]" in console.export_text(clear=False)
    html = console.export_html()
    assert "font-weight: bold" not in html  # the name was not read as markup


def test_chat_survives_markup_from_a_real_http_model(db_url: str, demo: UowFactory) -> None:
    fake = FakeOpenAI()
    fake.queue(
        Reply(
            events=[
                tool_fragment(
                    0,
                    call_id="c1",
                    name="get_order_status",
                    args='{"order_id": "ORD-78342", "x": "[/x]"}',
                ),
                chunk({}, "tool_calls"),
                "[DONE]",
            ]
        ),
        text_stream(HOSTILE),
    )
    with fake.running():
        result = CliRunner().invoke(
            app,
            ["--database-url", db_url, "chat", "--as", "CUST-9821", "--provider", "openai",
             "--base-url", fake.base_url, "--model", "m"],
            input="hi\nexit\n",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "[/x]" in result.output and "[green]Done: refund sent[/green]" in result.output
