"""The messages a turn sends the model, kept per conversation between turns.

`services.recent_messages` reads only the end of a conversation, but that end is as long
as the context (about 140 messages at 60,000 characters) and re-reading and converting it
every turn made turn 200 cost three times turn 1. Here each process keeps, for recently
active conversations, the converted and bounded window and the id of the last message it
includes; a turn reads only the messages stored since (usually the customer's new one),
converts those, and bounds the whole again.

Stays equal to converting and bounding the whole history (a test compares them): the
conversion of a history is the conversion of its part before a non-tool message followed
by the conversion of the rest (`history.to_chat_messages` settles every open call before
such a message), and `history.bound` of a longer history never keeps an earlier message,
so what it dropped once stays dropped. Messages written by other processes are read like
any other new message, by id. The window is rebuilt when the new messages begin with a
tool answer (to a call this window already settled as interrupted), or when its last
message is no longer stored (the store was reset).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from app.agent import history
from app.agent.model import ChatMessage
from services.models import Message
from services.recent_messages import MessageFields, recent_messages
from services.uow import UowFactory

MAX_CONVERSATIONS = 256  # windows kept per process (each under the context bound)

_SINCE = (
    select(
        Message.id,
        Message.role,
        Message.content,
        Message.tool_calls,
        Message.tool_call_id,
        Message.name,
    )
    .where(Message.conversation_id == bindparam("conversation_id"))
    .where(Message.id >= bindparam("after"))
    .order_by(Message.id)
    .limit(bindparam("limit"))
)
_SINCE_LIMIT = 64  # this many new messages or more: rebuild from the end instead


@dataclass
class _Window:
    last: tuple[int, str, str]  # the last stored message included: id, role, content
    messages: list[ChatMessage]
    max_chars: int
    sizes: list[int]  # history.message_chars of each message, measured once

    @property
    def last_id(self) -> int:
        return self.last[0]


def _fingerprint(row: MessageFields | None) -> tuple[int, str, str]:
    return (row.id, row.role, row.content) if row is not None else (0, "", "")


_windows: OrderedDict[tuple[str, int], _Window] = OrderedDict()
_lock = threading.Lock()


def context_messages(
    uow_factory: UowFactory, *, conversation_id: str, max_chars: int
) -> list[ChatMessage]:
    """`history.bound(history.to_chat_messages(<every stored message>), max_chars)`."""
    key = (conversation_id, id(uow_factory.engine))
    with _lock:
        window = _windows.get(key)
    new: list[MessageFields] = []
    if window is not None and window.max_chars == max_chars:
        with uow_factory.reading() as connection:
            params = {"conversation_id": conversation_id, "after": window.last_id,
                      "limit": _SINCE_LIMIT}  # fmt: skip
            new = list(connection.execute(_SINCE, params).all())
        # The window's own last message must still be there (a store reset, say, would
        # reuse the conversation id with other messages): read from it on.
        if not new or _fingerprint(new[0]) != window.last or len(new) >= _SINCE_LIMIT:
            window = None
        else:
            new = new[1:]
            if new and new[0].role == "tool":
                window = None
    if window is None or window.max_chars != max_chars:
        stored = recent_messages(uow_factory, conversation_id=conversation_id, min_chars=max_chars)
        messages = history.to_chat_messages(stored)
        sizes = [history.message_chars(m) for m in messages]
        last = _fingerprint(stored[-1] if stored else None)
    else:
        messages, sizes = window.messages, window.sizes
        if new:
            added = history.to_chat_messages(new)
            messages = messages + added
            sizes = sizes + [history.message_chars(m) for m in added]
        last = _fingerprint(new[-1]) if new else window.last
    cut = history.keep_from(messages, max_chars, sizes)
    messages, sizes = messages[cut:], sizes[cut:]
    with _lock:
        _windows[key] = _Window(last=last, messages=messages, max_chars=max_chars, sizes=sizes)
        _windows.move_to_end(key)
        while len(_windows) > MAX_CONVERSATIONS:
            _windows.popitem(last=False)
    return list(messages)  # the caller appends this turn's messages to its own copy


def forget(conversation_id: str | None = None) -> None:
    """Drop kept windows (all, or one conversation's): for tests and tools that rewrite
    a conversation's stored messages."""
    with _lock:
        for key in [k for k in _windows if conversation_id in (None, k[0])]:
            del _windows[key]
