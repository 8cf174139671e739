"""Bounds of the dispatcher: JSON depth of arguments, the size of results.

Results are capped *by construction*: what is returned is valid JSON and at most
`MAX_RESULT_CHARS` characters as encoded, whatever the content (quotes and backslashes
grow when re-encoded, so the cut is measured on the final text, not guessed). A preview
(``confirmation_required``) is never cut: its long lists are paged instead, so the
confirmation id, the summary and the status always reach the model and the card.
"""

from __future__ import annotations

import json
from typing import Any

from app.limits import MAX_JSON_DEPTH, MAX_PREVIEW_ITEMS, MAX_RESULT_CHARS, clean_text

CUT_HINT = "The result was too long and was cut; ask a narrower question."


def too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether JSON text nests objects/arrays deeper than ``limit`` (checked before
    parsing, so 5,000 levels never reach the recursive decoder)."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _fit_partial(text: str, limit: int) -> str:
    """The envelope with the longest prefix of ``text`` whose encoding fits ``limit``."""
    lo, hi = 0, len(text)
    best = _dumps({"truncated": True, "partial": "", "hint": CUT_HINT})
    while lo <= hi:
        mid = (lo + hi) // 2
        candidate = _dumps({"truncated": True, "partial": text[:mid], "hint": CUT_HINT})
        if len(candidate) <= limit:
            best, lo = candidate, mid + 1
        else:
            hi = mid - 1
    return best


def _page_lists(value: Any, keep: int) -> Any:
    """A copy of ``value`` with every list longer than ``keep`` shortened, and a note
    of how many items were left out beside it."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if isinstance(item, list) and len(item) > keep:
                out[key] = [_page_lists(x, keep) for x in item[:keep]]
                out[f"{key}_not_shown"] = len(item) - keep
            else:
                out[key] = _page_lists(item, keep)
        return out
    if isinstance(value, list):
        return [_page_lists(x, keep) for x in value]
    if isinstance(value, str) and len(value) > 2_000:
        return value[:2_000] + "…"
    return value


def cap_result(text: str, limit: int = MAX_RESULT_CHARS) -> str:
    """``text`` (a tool's JSON or plain result) within ``limit`` characters, still JSON."""
    if len(text) <= limit:
        return text
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("status") == "confirmation_required":
        keep = MAX_PREVIEW_ITEMS
        while keep >= 1:
            paged = _page_lists(body, keep)
            paged["paged"] = "Long lists are shortened here; the change covers every item."
            encoded = _dumps(paged)
            if len(encoded) <= limit:
                return encoded
            keep //= 2
        # Still too long (huge scalar fields): keep only what the confirmation needs.
        essential = {
            k: (v[:1_000] if isinstance(v, str) else v)
            for k, v in body.items()
            if k in ("status", "action", "confirmation_id", "summary", "instructions")
            and isinstance(v, str)
        }
        essential["paged"] = "The preview's details are too long to show here."
        return _dumps(essential)  # at most five 1,000-character strings: under any cap
    return _fit_partial(text, limit)


def clean_value(value: Any) -> Any:
    """Parsed JSON with NUL bytes and lone surrogates cleaned out of every string."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value
