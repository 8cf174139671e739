"""The editable token-price table of the Insights page (kept for the session)."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from services.pricing import DEFAULT_PRICES, ModelPrice

KEY = "insights_prices"


def editor() -> list[ModelPrice]:
    # The editor always starts from the defaults and keeps the edits in its own widget
    # state; feeding it the edited table back would reset it on every rerun.
    edited = st.data_editor(
        [
            {
                "Model": p.label,
                "Name patterns": p.patterns,
                "Input $/M": float(p.input_per_million),
                "Output $/M": float(p.output_per_million),
            }
            for p in DEFAULT_PRICES
        ],
        num_rows="dynamic",
        hide_index=True,
        key="insights_price_editor",
        width="stretch",
    )
    rows: list[ModelPrice] = []
    try:
        for row in edited:
            if not row.get("Model") and not row.get("Name patterns"):
                continue
            rows.append(
                ModelPrice(
                    label=row["Model"],
                    patterns=row["Name patterns"],
                    # through str: the editor hands back floats; prices are Decimals
                    input_per_million=str(row["Input $/M"] or 0),
                    output_per_million=str(row["Output $/M"] or 0),
                )
            )
    except (ValidationError, KeyError, TypeError):
        st.warning("Some rows are incomplete; using the last valid price table.")
        return st.session_state.get(KEY) or DEFAULT_PRICES
    st.session_state[KEY] = rows
    st.caption("A model matches a row when its name contains a pattern; the longest wins.")
    return rows
