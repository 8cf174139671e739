"""Insights (staff): how the desk is doing over a date range."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import streamlit as st

from app.ui import deps
from app.ui.components import price_table
from app.ui.components.fmt import money
from app.ui.components.gate import require_staff
from services.insights import compute_insights

require_staff()
uow = deps.uow_factory()

st.title("Insights")
today = datetime.now(UTC).date()
a, b = st.columns([2, 3])
picked = a.date_input(
    "Date range (UTC)", value=(today - timedelta(days=29), today), key="insights_range"
)
if not (isinstance(picked, tuple) and len(picked) == 2):
    st.info("Pick the last day of the range.")
    st.stop()
start = datetime.combine(picked[0], time.min, tzinfo=UTC)
end = datetime.combine(picked[1], time.min, tzinfo=UTC) + timedelta(days=1)
with b.expander("Token prices (USD per million tokens)"):
    prices = price_table.editor()

m = compute_insights(uow, start=start, end=end, prices=prices)


def pct(x: float) -> str:
    return f"{x:.0%}" if x * 100 == int(x * 100) else f"{x:.1%}"


def cost(x: Decimal) -> str:
    # Cents for ordinary sums; tenths of a cent matter for cheap models and small ranges.
    if x == 0 or x >= 1:
        return money(x)
    return f"${x:,.4f}"


def ms(x: int | None) -> str:
    return "—" if x is None else (f"{x / 1000:.1f} s" if x >= 1000 else f"{x} ms")


def tile(col, label: str, value: str, note: str | None = None, *, bad: bool = False) -> None:
    col.metric(
        label,
        value,
        note,
        delta_color="inverse" if bad else "off",
        delta_arrow="off",
        border=True,
    )


total_fb = m.feedback_up + m.feedback_down
row1 = st.columns(4)
tile(row1[0], "Conversations", f"{m.conversations:,}")
tile(
    row1[1],
    "Resolved without hand-off",
    f"{m.resolved_without_handoff:,}",
    f"{pct(m.resolution_rate)} of conversations",
)
tile(row1[2], "Hand-off rate", pct(m.handoff_rate), f"{m.handed_off:,} handed off")
tile(row1[3], "Turns per conversation", f"{m.turns_per_conversation:.1f}")
row2 = st.columns(4)
tile(row2[0], "Turn latency (median)", ms(m.p50_latency_ms), f"p95 {ms(m.p95_latency_ms)}")
tile(
    row2[1],
    "Tool calls",
    f"{m.tool_calls:,}",
    f"{pct(m.tool_error_rate)} errors",
    bad=m.tool_errors > 0,
)
tile(
    row2[2],
    "Estimated cost",
    cost(m.total_cost),
    f"{sum(u.input_tokens + u.output_tokens for u in m.models):,} tokens",
)
tile(
    row2[3],
    "Positive feedback",
    pct(m.feedback_up / total_fb) if total_fb else "—",
    f"{m.feedback_up} up · {m.feedback_down} down" if total_fb else "no ratings yet",
)

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Conversations per day")
    if m.daily:
        # Every day of the range, quiet days included, so the bars read as a timeline.
        by_day = {d.day: d for d in m.daily}
        days = [picked[0] + timedelta(days=i) for i in range((picked[1] - picked[0]).days + 1)]
        st.bar_chart(
            [
                {
                    "day": day.isoformat(),
                    "AI only": (by_day[day].conversations - by_day[day].handed_off)
                    if day in by_day
                    else 0,
                    "Handed off": by_day[day].handed_off if day in by_day else 0,
                }
                for day in days
            ],
            x="day",
            y=["AI only", "Handed off"],
            color=["#4f6bed", "#f5a524"],
            height=280,
        )
    else:
        st.caption("No conversations in this range.")
with right:
    st.subheader("Tool calls")
    if m.tools:
        st.bar_chart(
            [{"tool": t.name, "calls": t.calls} for t in m.tools],
            x="tool",
            y="calls",
            horizontal=True,
            height=280,
            color="#4f6bed",
        )
    else:
        st.caption("No tool calls in this range.")

st.subheader("Tools: errors and latency")
st.dataframe(
    [
        {
            "Tool": t.name,
            "Calls": t.calls,
            "Errors": t.errors,
            "Error rate": pct(t.error_rate),
            "p95 latency": ms(t.p95_ms),
        }
        for t in m.tools
    ],
    hide_index=True,
    width="stretch",
)
st.subheader("Tokens and cost by model")
st.dataframe(
    [
        {
            "Model": u.model,
            "Answers": u.answers,
            "Input tokens": u.input_tokens,
            "Output tokens": u.output_tokens,
            "Estimated cost": "no price set" if u.cost is None else cost(u.cost),
        }
        for u in m.models
    ],
    hide_index=True,
    width="stretch",
)
with st.expander("How these figures are defined"):
    import services.insights as definitions

    st.markdown(definitions.__doc__ or "")
