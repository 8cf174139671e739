"""Does an answer state anything the tools did not say?

Every value of the turn's tool results is written the ways the engine may write it
(as is, as money, as a date, as a translated status, option or tracking update, repeated
items as "2×"); those spans are taken out of the answer, and what is left must hold no
number, no order status and no colour. What the customer typed (an id, a colour asked
for) may be echoed.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Any

from app import i18n
from app.agent.offline import fmt

COLOURS = [
    "black",
    "white",
    "blue",
    "red",
    "green",
    "purple",
    "grey",
    "gray",
    "navy",
    "pink",
    "silver",
    "gold",
    "brown",
    "orange",
    "yellow",
]
STATUSES = (
    "pending",
    "processed",
    "shipped",
    "in_transit",
    "delivered",
    "cancelled",
    "pending (item modified)",
    "return requested",
    "exchange requested",
    "returned",
)


def _scalars(value: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        out = [(key, value)] if {"description", "status"} <= set(value) else []
        for k, v in value.items():
            out += _scalars(v, k)
        return out
    if isinstance(value, list):
        out = []
        for v in value:
            out += _scalars(v, key)
        ids = Counter(str(v.get("item_id")) for v in value if isinstance(v, dict))
        out += [("count", f"{n}×") for n in ids.values() if n > 1]
        return out
    return [(key, value)]


# Capped lists end with "and N more": N is a list's length less what was shown.
SHOWN = (5, 6, 8, 12)


def _lengths(value: Any) -> list[int]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _lengths(v)]
    if isinstance(value, list):
        sold = [v for v in value if not (isinstance(v, dict) and v.get("available") is False)]
        return [len(value), len(sold)] + [n for v in value for n in _lengths(v)]
    return []


def written_forms(results: list[Any], lang: str) -> set[str]:
    """Every way the engine may write a value of these results."""
    forms: set[str] = {
        i18n.t("engine.more_items", lang, items="", count=n - shown).strip()
        for n in _lengths(results)
        for shown in SHOWN
        if n > shown
    }
    for key, value in _scalars(results):
        if isinstance(value, dict):  # a tracking event: its update, translated
            forms.add(fmt.tracking(lang, value.get("description"), value.get("status")))
            continue
        if value is None or isinstance(value, bool):
            continue
        text = str(value)
        forms |= {text, fmt.status(lang, text), i18n.term("value", text, lang)}
        forms |= {i18n.term("option", key, lang), text.capitalize()}
        forms.add(fmt.tracking(lang, text, None))
        forms.add(fmt.reason(lang, text))
        try:
            Decimal(text)
            forms.add(fmt.money(lang, text))
        except (InvalidOperation, ValueError):
            pass
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            forms.add(fmt.when(lang, text))
    return {f for f in forms if f}


def _fact_words(lang: str) -> set[str]:
    words = set(COLOURS) | {i18n.term("value", c, lang) for c in COLOURS}
    words |= {fmt.status(lang, s) for s in STATUSES}
    return {w for w in words if w}


def unsupported(answer: str, results: list[Any], lang: str, said: str) -> list[str]:
    """Numbers, statuses and colours of the answer found in no tool result."""
    rest = answer
    for form in sorted(written_forms(results, lang) | set(said.split()), key=len, reverse=True):
        # Whole values only: a result's "1" must not excuse the "1" of an answer's "148".
        rest = re.sub(rf"(?<![\w.,]){re.escape(form)}(?!\w)", " ", rest)
    problems = re.findall(r"\d+", rest)
    for word in sorted(_fact_words(lang), key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", rest):
            problems.append(word)
            rest = rest.replace(word, " ")
    return problems
