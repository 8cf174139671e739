"""Mock store (staff): the store's counts; generate, import or reset its data."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.ui import deps
from app.ui.components import mock_actions
from app.ui.components.gate import require_staff
from services.stats import store_counts

require_staff()
uow = deps.uow_factory()

st.title("Mock store")
counts = store_counts(uow)
labels = [
    ("Customers", "customers"),
    ("Orders", "orders"),
    ("Products", "products"),
    ("Variants", "variants"),
    ("Warehouses", "warehouses"),
    ("Stock levels", "stock_levels"),
    ("Returns & exchanges", "return_requests"),
    ("Conversations", "conversations"),
]
cols = st.columns(4)
for i, (label, key) in enumerate(labels):
    cols[i % 4].metric(label, f"{counts[key]:,}", border=True)

if message := st.session_state.pop("mock_done", None):
    st.success(message)

generate, tau, reset = st.tabs(["Generate", "Import tau-bench", "Reset to demo"])
with generate:
    mock_actions.generate_form(uow)
with tau:
    st.markdown(
        "Load the tau-bench retail store (`users.json`, `orders.json`, `products.json`) from a "
        "folder on this machine. It **replaces** the current store."
    )
    default = Path.cwd().parent / "shared" / "data" / "tau-retail"
    with st.form("tau_form", border=False):
        folder = st.text_input("Folder", value=str(default) if default.exists() else "")
        sure = st.checkbox("Replace the current store's data", key="tau_sure")
        go = st.form_submit_button("Import", type="primary")
    if go:
        mock_actions.import_tau(uow, folder, confirmed=sure)
with reset:
    st.markdown(
        "Wipe every customer, order, product and conversation and load the small demo store "
        "(Sarah Johnson's ORD-78342 and friends)."
    )
    with st.form("reset_form", border=False):
        sure = st.checkbox("Yes, wipe the store", key="reset_sure")
        go = st.form_submit_button("Reset to the demo store", type="primary")
    if go:
        mock_actions.reset_demo(uow, confirmed=sure)
