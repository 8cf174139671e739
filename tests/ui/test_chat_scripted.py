"""AppTest: the chat page with a scripted model, for what the offline engine never says:
hostile markup in an answer, a provider fault, a failing tool."""

from __future__ import annotations

import pytest

from app.agent.model import ProviderTimeout
from app.agent.scripted import ScriptedModel, call, fault, reply
from app.tools.base import NoArgs, Tool, ToolSet
from app.ui import runtime
from tests.ui.conftest import SARAH, STAFF, app, texts


def _broken(ctx, args):
    raise RuntimeError("database exploded: password=hunter2")


BROKEN = Tool(
    name="get_order_status", description="Order status.", args_model=NoArgs, handler=_broken
)


@pytest.fixture
def script(monkeypatch):
    """Make the chat use this script of model replies and a one-tool toolset."""

    def use(*steps):
        model = ScriptedModel(list(steps))
        monkeypatch.setattr(runtime, "_model", lambda: model)
        monkeypatch.setattr(runtime, "_toolset", lambda identity: ToolSet("test", [BROKEN]))
        return model

    return use


def test_model_markup_is_rendered_as_text(ui_db, script):
    script(reply("<script>alert(1)</script> ![pixel](https://evil.example/p.gif) costs $5"))
    at = app(identity=SARAH)
    at.run()
    at.chat_input[0].set_value("hi").run()
    answer = next(m.value for m in at.markdown if "costs" in m.value)
    assert "<script>" not in answer and "evil.example" not in answer
    assert "\\$5" in answer and "(image: pixel)" in answer


def test_a_provider_fault_is_shown_plainly_and_the_turn_is_kept(ui_db, script):
    script(fault(ProviderTimeout(), text="Let me check", after_chunks=2))
    at = app(identity=SARAH)
    at.run()
    at.chat_input[0].set_value("Where is ORD-78342?").run()
    assert not at.exception
    body = texts(at)
    assert "Let me check" in body  # what was already said stays
    assert "took too long" in body  # the notice, in plain words
    assert "Where is ORD-78342?" in body


def test_a_failing_tool_shows_red_for_staff_without_leaking_details(ui_db, script):
    script(call("get_order_status", {}), reply("Sorry, I could not look that up."))
    at = app(identity=STAFF)
    at.run()
    at.chat_input[0].set_value("status?").run()
    status = next(s for s in at.status if "get_order_status" in s.label)
    assert status.state == "error" and "✗" in status.label
    assert "hunter2" not in texts(at) + "".join(c.value for c in at.code)
