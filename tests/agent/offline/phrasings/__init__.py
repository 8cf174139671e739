"""Customers' phrasings per language for the conversation suite (test_phrasings.py).

Each case: what the customer types (after optional earlier messages), the tool calls the
engine must make (name and the arguments that matter), and words the answer must hold:
facts of the tool results (ids, counts, money, tracking numbers) and, in the customer's
language, the words that carry them. Sarah Johnson (CUST-9821) is signed in unless a
case names another customer of the demo store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    text: str
    calls: list[tuple[str, dict[str, Any]]]
    words: list[str]
    before: list[str] = field(default_factory=list)
    customer: str = "CUST-9821"
    intent: str = ""  # which support intent the case covers (for the report)
