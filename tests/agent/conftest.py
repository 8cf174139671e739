from __future__ import annotations

from dataclasses import replace

import pytest

from app.tools.context import ToolContext
from seed_data.demo import load_demo
from services import conversations
from services.models import Actor
from services.uow import UowFactory


@pytest.fixture
def staff_ctx(uow_factory: UowFactory) -> ToolContext:
    conv = conversations.start_conversation(uow_factory, actor=Actor.STAFF, provider="scripted")
    return ToolContext(
        uow_factory=uow_factory, actor=Actor.STAFF, conversation_id=conv.id, staff_name="Ana"
    )


SARAH = "CUST-9821"
MICHAEL = "CUST-4410"


@pytest.fixture
def demo(uow_factory: UowFactory) -> UowFactory:
    load_demo(uow_factory)
    return uow_factory


def customer_ctx(uow_factory: UowFactory, customer_id: str) -> ToolContext:
    conv = conversations.start_conversation(
        uow_factory, actor=Actor.CUSTOMER, customer_id=customer_id
    )
    return ToolContext(
        uow_factory=uow_factory,
        actor=Actor.CUSTOMER,
        customer_id=customer_id,
        conversation_id=conv.id,
    )


@pytest.fixture
def sarah(demo: UowFactory) -> ToolContext:
    return customer_ctx(demo, SARAH)


@pytest.fixture
def michael(demo: UowFactory) -> ToolContext:
    return customer_ctx(demo, MICHAEL)


@pytest.fixture
def staff(demo: UowFactory) -> ToolContext:
    conv = conversations.start_conversation(demo, actor=Actor.STAFF)
    return ToolContext(uow_factory=demo, actor=Actor.STAFF, conversation_id=conv.id)


@pytest.fixture
def staff_auto(staff: ToolContext) -> ToolContext:
    return replace(staff, confirmation="automatic")
