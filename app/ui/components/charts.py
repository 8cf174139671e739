"""Charts that stay readable: every category label shown, bars horizontal when the
categories are names, one colour per meaning (Altair, which Streamlit already ships)."""

from __future__ import annotations

from typing import Any

import altair as alt

BAR_PX = 26  # per category row: room for every label, never one in two


def horizontal_stacked(
    rows: list[dict[str, Any]], *, category: str, series: dict[str, str], title: str = ""
) -> alt.Chart:
    """One horizontal bar per category, stacked by `series` (field -> colour)."""
    long = [
        {category: r[category], "kind": field, "count": r[field]}
        for r in rows
        for field in series
        if r.get(field)
    ]
    order = [r[category] for r in rows]
    height = max(60, BAR_PX * len(order))
    return (
        alt.Chart(alt.Data(values=long), height=height, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=260),
            ),
            x=alt.X("sum(count):Q", title="calls"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=list(series), range=list(series.values())),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            order=alt.Order("kind_order:Q"),
            tooltip=[f"{category}:N", "kind:N", "count:Q"],
        )
        .transform_calculate(
            kind_order="indexof(" + repr(list(series)).replace("'", '"') + ", datum.kind)"
        )
    )


def daily_stacked(rows: list[dict[str, Any]], *, series: dict[str, str]) -> alt.Chart:
    """Days on x with every date labelled (angled), stacked by `series`."""
    long = [{"day": r["day"], "kind": f, "count": r[f]} for r in rows for f in series]
    return (
        alt.Chart(alt.Data(values=long), height=280)
        .mark_bar()
        .encode(
            x=alt.X(
                "day:O",
                title=None,
                axis=alt.Axis(labelOverlap=False, labelAngle=-60),
            ),
            y=alt.Y("sum(count):Q", title="conversations"),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=list(series), range=list(series.values())),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=["day:O", "kind:N", "count:Q"],
        )
    )
