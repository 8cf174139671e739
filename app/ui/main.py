"""Streamlit entry point (`streamlit run app/ui/main.py`).

For now a single page with the store's counts; the full app (chat, inbox, store,
insights, mock store, settings) replaces it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st

from services.stats import store_counts
from services.uow import UowFactory


@st.cache_resource
def _uow_factory() -> UowFactory:
    return UowFactory.for_url()


st.set_page_config(page_title="Storedesk", page_icon="🛍️", layout="wide")
st.title("Storedesk")
st.caption("AI customer-service desk · offline engine")

counts = store_counts(_uow_factory())
cols = st.columns(4)
for i, (label, key) in enumerate(
    [
        ("Customers", "customers"),
        ("Orders", "orders"),
        ("Products", "products"),
        ("Variants", "variants"),
        ("Warehouses", "warehouses"),
        ("Order items", "order_items"),
        ("Payment methods", "payment_methods"),
        ("Conversations", "conversations"),
    ]
):
    cols[i % 4].metric(label, f"{counts[key]:,}")
