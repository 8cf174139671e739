"""Insights (staff): how the desk is doing over a date range."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import streamlit as st

from app.ui import deps
from app.ui.components import charts, price_table
from app.ui.components.fmt import duration, money
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


def dur(seconds: float | None) -> str:
    return duration(seconds)


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
d = m.desk
row2 = st.columns(4)
tile(
    row2[0],
    "Durable resolution",
    pct(m.durable_resolution_rate) if d.resolutions else "—",
    f"{d.durable_resolutions} of {d.resolutions} not reopened within 72 h",
)
tile(
    row2[1],
    "Reopen rate",
    pct(m.reopen_rate) if d.resolved_by_person else "—",
    f"{d.reopened_conversations} of {d.resolved_by_person} resolved by a person",
    bad=d.reopened_conversations > 0,
)
tile(
    row2[2],
    "Human first response (median)",
    dur(d.first_response_median_s),
    f"p90 {dur(d.first_response_p90_s)} · {d.tickets_answered} of {d.tickets} answered",
)
tile(
    row2[3],
    "Human resolution time (median)",
    dur(d.resolution_median_s),
    f"p90 {dur(d.resolution_p90_s)}",
)
total_fb = m.feedback_up + m.feedback_down
row3 = st.columns(4)
tile(row3[0], "Turn latency (median)", ms(m.p50_latency_ms), f"p95 {ms(m.p95_latency_ms)}")
tile(
    row3[1],
    "Tool calls",
    f"{m.tool_calls:,}",
    f"{pct(m.tool_failure_rate)} failures · {m.tool_refusals} refusals · "
    f"{m.tool_mistakes} model mistakes",
    bad=m.tool_failures > 0,
)
tile(
    row3[2],
    "Estimated cost",
    cost(m.total_cost),
    f"{sum(u.input_tokens + u.output_tokens for u in m.models):,} tokens",
)
tile(
    row3[3],
    "Satisfaction",
    pct(m.satisfaction) if m.satisfaction is not None else "—",
    f"{m.feedback_up} up · {m.feedback_down} down" if total_fb else "no ratings yet",
)

OUTCOMES = {
    "ok": "#4f6bed",
    "refusal": "#8e9bb5",
    "mistake": "#f5a524",
    "failure": "#e5484d",
}
left, right = st.columns(2, gap="large")
with left:
    st.subheader("Conversations per day")
    if m.daily:
        # Every day of the range, quiet days included, so the bars read as a timeline.
        by_day = {p.day: p for p in m.daily}
        days = [picked[0] + timedelta(days=i) for i in range((picked[1] - picked[0]).days + 1)]
        st.altair_chart(
            charts.daily_stacked(
                [
                    {
                        "day": day.strftime("%d %b"),
                        "AI only": (by_day[day].conversations - by_day[day].handed_off)
                        if day in by_day
                        else 0,
                        "Handed off": by_day[day].handed_off if day in by_day else 0,
                    }
                    for day in days
                ],
                series={"AI only": "#4f6bed", "Handed off": "#f5a524"},
            ),
            width="stretch",
        )
    else:
        st.caption("No conversations in this range.")
with right:
    st.subheader("Tool calls by outcome")
    if m.tool_outcomes:
        st.altair_chart(
            charts.horizontal_stacked(
                [o.model_dump() for o in m.tool_outcomes], category="name", series=OUTCOMES
            ),
            width="stretch",
        )
        st.caption(
            "**refusal**: the store correctly said no (not found, not allowed, wrong state, "
            "gift card too small) · **mistake**: the model called a tool wrongly (unknown "
            "tool, invalid arguments) · **failure**: our fault (internal error, timeout)"
        )
    else:
        st.caption("No tool calls in this range.")

st.subheader("Tools: outcomes and latency")
outcomes = {o.name: o for o in m.tool_outcomes}
st.dataframe(
    [
        {
            "Tool": t.name,
            "Calls": t.calls,
            "Refusals": outcomes[t.name].refusal if t.name in outcomes else 0,
            "Model mistakes": outcomes[t.name].mistake if t.name in outcomes else 0,
            "Failures": outcomes[t.name].failure if t.name in outcomes else 0,
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
    import services.insights_desk as desk_definitions

    st.markdown(definitions.__doc__ or "")
    st.markdown(desk_definitions.__doc__ or "")
