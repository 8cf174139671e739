from __future__ import annotations

import pytest

from app.tools.context import ToolContext
from services import conversations
from services.models import Actor
from services.uow import UowFactory


@pytest.fixture
def staff_ctx(uow_factory: UowFactory) -> ToolContext:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF, provider="scripted")
    return ToolContext(
        uow_factory=uow_factory, actor=Actor.STAFF, conversation_id=conv.id, staff_name="Ana"
    )
