"""Every bound the app puts on what crosses a boundary, in one place (SECURITY.md lists
them), and the one text cleaner used wherever text enters.

A model, a customer or a provider can send anything: an 8-million-character answer, a
5 MB tool argument, a 500-character tool name, a NUL byte (PostgreSQL refuses it in
text columns), a lone surrogate (SQLite's UTF-8 encoder refuses it), JSON nested 5,000
deep. Each is bounded or cleaned before it is stored or acted on, so no input of that
kind can fail a turn.
"""

from __future__ import annotations

from services.text_guard import clean_text as _clean

# One user message (characters).
MAX_INPUT_CHARS = 4_000
# One assistant answer, all rounds of a turn together: cut there, and stored cut.
MAX_ANSWER_CHARS = 20_000
# A turn's wall-clock deadline, streaming included (seconds); the default of the
# STOREDESK_TURN_DEADLINE_S setting.
TURN_DEADLINE_S = 120.0
# One tool call's JSON arguments (characters), checked before anything is stored.
MAX_TOOL_ARGUMENT_CHARS = 20_000
# Nesting of the JSON arguments (objects and arrays); deeper is invalid_arguments.
MAX_JSON_DEPTH = 32
# Tool names and call ids as the model sends them (the database columns' sizes).
MAX_TOOL_NAME_CHARS = 64
MAX_CALL_ID_CHARS = 100
# One tool result as the model receives it (characters of the JSON text, by construction).
MAX_RESULT_CHARS = 16_000
# Items of a list shown in one preview before the rest are paged (previews are not cut).
MAX_PREVIEW_ITEMS = 50

# The one key of the arguments that replace over-long ones before storage (the
# dispatcher answers it with invalid_arguments saying the arguments were too long).
TOO_LONG_KEY = "arguments_too_long"


def clean_text(text: str) -> str:
    """``text`` without NUL bytes and lone surrogates (each becomes U+FFFD); the same
    rule the database layer applies to the conversation record (services.text_guard)."""
    return _clean(text)
