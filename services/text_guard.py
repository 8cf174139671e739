"""Text that PostgreSQL and SQLite can always store.

PostgreSQL refuses a NUL byte in a text column and SQLite's UTF-8 encoder a lone
surrogate; either would fail the whole transaction (a turn, a staff reply). The
conversation record's free-text columns are cleaned as they are set, whoever sets them
(the loop, a staff reply, the HTTP API), so no caller can forget. Each bad code point
becomes U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event

from services.models import Conversation, Feedback, HandoffTicket, Message, ToolCallRecord

REPLACEMENT = "\ufffd"
# One regex pass in C: a character-by-character generator cost about 0.1 ms per answer of
# a few hundred non-ASCII characters (Vietnamese, Portuguese, a dash), several per turn.
_BAD = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without NUL bytes and lone surrogates (each becomes U+FFFD)."""
    if text.isascii():
        return text.replace("\x00", REPLACEMENT) if "\x00" in text else text
    return _BAD.sub(REPLACEMENT, text)


def _clean_on_set(target: Any, value: Any, oldvalue: Any, initiator: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


_GUARDED = (
    Message.content,
    Message.name,
    Message.tool_call_id,
    Message.author,
    Conversation.title,
    ToolCallRecord.arguments,
    ToolCallRecord.name,
    ToolCallRecord.call_id,
    HandoffTicket.summary,
    Feedback.comment,
)
for _column in _GUARDED:
    event.listen(_column, "set", _clean_on_set, retval=True)
