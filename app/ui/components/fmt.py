"""Formatting shared by pages: money, times, statuses."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

STATUS_COLORS = {
    "pending": "orange",
    "pending (item modified)": "orange",
    "processed": "blue",
    "shipped": "blue",
    "in_transit": "violet",
    "delivered": "green",
    "cancelled": "gray",
    "return requested": "orange",
    "exchange requested": "orange",
    "returned": "gray",
    "open": "blue",
    "claimed": "violet",
    "resolved": "green",
    "handed_off": "orange",
    "assistant": "blue",
    "waiting": "orange",
    "with_person": "violet",
    "returned_to_ai": "gray",
    "requested": "orange",
    "received": "green",
}


def money(value: Decimal | None) -> str:
    return "—" if value is None else f"${value:,.2f}"


def when(value: datetime | date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%d %b %Y, %H:%M UTC")
    return value.strftime("%d %b %Y")


def status_badge(status: str) -> str:
    """A markdown badge for a status (Streamlit's `:color-badge[...]` directive)."""
    color = STATUS_COLORS.get(status, "gray")
    label = status.replace("_", " ")
    return f":{color}-badge[{label}]"


def duration(seconds: float | None) -> str:
    """A span for people: 45 s, 12 min, 3 h 05 min, 2 d 4 h."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} h {s % 3600 // 60:02d} min"
    return f"{s // 86400} d {s % 86400 // 3600} h"


def options(opts: dict[str, str]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in opts.items())
