"""Whole flows with the offline engine through the real loop and `support` toolset on the
demo store: a return previewed then confirmed, other customers' orders, chat "yes",
restarts, and the stored transcript."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.agent.offline import OfflineModel
from seed_data.demo import load_demo
from seed_data.tau import import_tau
from services import conversations, orders
from services.models import ReturnRequest
from services.uow import UowFactory
from tests.agent.offline.live import LiveChat


@pytest.fixture
def chat(uow_factory: UowFactory) -> LiveChat:
    load_demo(uow_factory)
    return LiveChat(uow_factory)


def _status(uow_factory: UowFactory, order_id: str) -> str:
    return orders.get_order_status(uow_factory, order_id=order_id, customer_id=None).status


@pytest.mark.parametrize(
    ("lang", "ask", "reason", "done"),
    [
        (
            "en",
            "I'd like to return my order ORD-66120",
            "the headphones arrived broken",
            "awaiting your return",
        ),
        ("vi", "Tôi muốn trả hàng đơn ORD-66120", "tai nghe bị hỏng", "đang chờ bạn gửi trả"),
        (
            "pt",
            "Quero devolver o pedido ORD-66120",
            "o fone veio com defeito",
            "aguardando a sua devolução",
        ),
    ],
)
def test_a_full_return_previews_then_applies_only_on_confirm(
    chat: LiveChat, uow_factory: UowFactory, lang: str, ask: str, reason: str, done: str
) -> None:
    chat.say(ask)
    preview = chat.say(reason)
    assert preview.tools == ["get_order_status", "process_return"]
    assert len(preview.confirmations) == 1
    # The preview changed nothing.
    assert _status(uow_factory, "ORD-66120") == "delivered"
    with uow_factory() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ReturnRequest)) == 0
    outcome = chat.confirm(preview)
    assert outcome.ok and outcome.result and outcome.result["status"] == "return requested"
    assert _status(uow_factory, "ORD-66120") == "return requested"
    with uow_factory() as uow:
        request = uow.session.scalars(select(ReturnRequest)).one()
        assert request.order_id == "ORD-66120" and request.reason == "defective"
        # The customer named the headphones: the cable of the same order stays.
        assert request.item_ids == ["HPN-700-BLK"]
    # The engine reads the new state from the store in the next turn.
    after = chat.say("ORD-66120")
    assert after.tools == ["get_order_status"]
    assert done in after.text


@pytest.mark.parametrize(
    ("text", "lang_words"),
    [
        ("Where is ORD-{id}?", "I couldn't find order ORD-{id} on your account."),
        ("Đơn ORD-{id} của tôi đâu rồi?", "Tôi không tìm thấy đơn hàng ORD-{id}"),
        ("Onde está o pedido ORD-{id}?", "Não encontrei o pedido ORD-{id} na sua conta."),
    ],
)
def test_someone_elses_order_is_answered_like_a_missing_one(
    uow_factory: UowFactory, text: str, lang_words: str
) -> None:
    load_demo(uow_factory)
    answers = {}
    for order_id in ("60215", "99999"):  # Michael Chen's order, and no order at all
        turn = LiveChat(uow_factory).say(text.format(id=order_id))
        assert turn.tools == ["get_order_status"]
        assert lang_words.format(id=order_id) in turn.text
        answers[order_id] = turn.text.replace(order_id, "N")
    assert answers["60215"] == answers["99999"]  # nothing tells the two apart
    for leak in ("Michael", "MKR-104-RED", "pending", "pendente", "chờ"):
        assert leak not in answers["60215"]


@pytest.mark.parametrize(
    ("request_text", "yes", "hint"),
    [
        ("Cancel ORD-92010, I ordered it by mistake", "yes", "press Confirm"),
        ("Hủy đơn ORD-92010, tôi đặt nhầm", "vâng", "bấm Xác nhận"),
        ("Cancelar o pedido ORD-92010, comprei por engano", "sim", "clique em Confirmar"),
    ],
)
def test_a_yes_typed_in_the_chat_is_never_taken_as_the_confirmation(
    chat: LiveChat, uow_factory: UowFactory, request_text: str, yes: str, hint: str
) -> None:
    assert chat.say(request_text).confirmations
    turn = chat.say(yes)  # a channel with a Confirm button: the engine only points to it
    assert turn.tools == [] and hint in turn.text
    assert _status(uow_factory, "ORD-92010") == "pending"


def test_in_a_chat_only_channel_the_customers_yes_confirms_and_the_engine_goes_on(
    chat: LiveChat, uow_factory: UowFactory
) -> None:
    # A chat-only channel says so on every turn: the loop asks for the "yes" itself.
    chat.say("Cancelar o pedido ORD-92010, comprei por engano", confirm_on_yes=True)
    chat.say("sim", confirm_on_yes=True)  # the loop applies it, not the engine
    assert _status(uow_factory, "ORD-92010") == "cancelled"
    after = chat.say("sim")  # nothing is waiting any more
    assert "Confirmar" not in after.text
    status = chat.say("E o pedido ORD-92010?")
    assert "O pedido ORD-92010 está cancelado" in status.text


def test_someone_elses_order_cannot_be_cancelled_or_changed(
    chat: LiveChat, uow_factory: UowFactory
) -> None:
    turn = chat.say("Cancel ORD-60215, I ordered it by mistake")
    assert "couldn't find order ORD-60215" in turn.text
    assert turn.confirmations == []
    assert _status(uow_factory, "ORD-60215") == "pending"


def test_a_return_outside_the_window_is_refused_with_the_stores_reason(chat: LiveChat) -> None:
    turn = chat.say("I want to return ORD-30987, it is defective")
    assert turn.tools == ["get_order_status", "process_return"]
    assert turn.confirmations == []
    assert "return window" in turn.text


def test_a_pending_request_survives_a_restart(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    first = LiveChat(uow_factory)
    first.say("Quero devolver o pedido ORD-66120")
    # A new process: a new engine and context, the same stored conversation.
    second = LiveChat.resume(uow_factory, first.ctx.conversation_id or "")
    turn = second.say("veio com defeito")
    assert turn.tools == ["get_order_status", "process_return"]
    assert "Reembolso: US$\xa0263,99" in turn.text


def test_the_transcript_is_stored_with_the_engines_tool_calls(
    chat: LiveChat, uow_factory: UowFactory
) -> None:
    chat.say("Where is ORD-78342?")
    stored = conversations.load_messages(
        uow_factory, conversation_id=chat.ctx.conversation_id or ""
    )
    assert [m.role for m in stored] == ["user", "assistant", "tool", "assistant"]
    assert stored[1].tool_calls and stored[1].tool_calls[0]["name"] == "get_order_status"
    assert "in transit" in stored[3].content


def test_the_same_conversation_gives_the_same_answers(uow_factory: UowFactory) -> None:
    load_demo(uow_factory)
    texts = ["hello", "Where is ORD-78342?", "cancel ORD-92010", "ordered by mistake"]
    one, two = LiveChat(uow_factory), LiveChat(uow_factory)
    for text in texts:
        assert one.say(text).text == two.say(text).text
    assert OfflineModel().label == "offline engine"


@pytest.mark.parametrize(
    ("customer", "locale", "order", "words"),
    [
        ("CUST-7702", "vi", "ORD-70021", ["Đơn hàng ORD-70021 đã được giao", "DHL Express"]),
        ("CUST-5530", "pt", "ORD-80450", ["O pedido ORD-80450 está em trânsito", "DHL Express"]),
    ],
)
def test_customers_are_answered_in_their_own_language_from_the_first_message(
    uow_factory: UowFactory, customer: str, locale: str, order: str, words: list[str]
) -> None:
    load_demo(uow_factory)
    turn = LiveChat(uow_factory, customer_id=customer, locale=locale).say(order)
    assert turn.tools == ["get_order_status"]
    for word in words:
        assert word in turn.text


def test_a_benchmark_store_with_w_order_ids_and_ten_digit_items(
    uow_factory: UowFactory, tau_dir: Path
) -> None:
    import_tau(uow_factory, tau_dir)
    chat = LiveChat(uow_factory, customer_id="noah_brown_6181")
    status = chat.say("Where is #W7678072?")
    assert status.calls == [
        ("get_order_status", {"include_tracking": True, "order_id": "#W7678072"})
    ]
    assert "Order #W7678072 is delivered" in status.text
    assert "Tracking number: 517177699738" in status.text
    chat.say("Quero devolver o item 2193628750 do pedido #W7678072")
    preview = chat.say("veio com defeito")
    assert preview.calls[-1] == (
        "process_return",
        {
            "items_to_return": ["2193628750"],
            "order_id": "#W7678072",
            "reason": "defective",
            "request_pickup": False,
        },
    )
    assert "Gaming Mouse (2193628750)" in preview.text and len(preview.confirmations) == 1
