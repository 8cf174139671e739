"""The Mock store page's actions, each with progress and a clear outcome."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from seed_data.demo import load_demo
from seed_data.generator import GenerateSpec, generate_store
from seed_data.generator.pools import SUPPORTED_LOCALES
from seed_data.tau import import_tau as tau_import
from seed_data.tau import load_tau_files
from services.admin import reset_store
from services.errors import DomainError
from services.stats import store_counts
from services.uow import UowFactory


def _done(message: str) -> None:
    st.session_state["mock_done"] = message
    st.rerun()


def reset_demo(uow: UowFactory, *, confirmed: bool) -> None:
    if not confirmed:
        st.warning("Tick the box to confirm: this deletes everything in the store.")
        return
    with st.status("Resetting the store…", expanded=True) as box:
        st.write("Deleting the current data")
        reset_store(uow)
        st.write("Loading the demo store")
        counts = load_demo(uow)
        box.update(label="Demo store loaded", state="complete")
    _done(f"Demo store loaded: {counts['customers']} customers, {counts['orders']} orders.")


def import_tau(uow: UowFactory, folder: str, *, confirmed: bool) -> None:
    path = Path(folder.strip()).expanduser()
    missing = [
        n for n in ("users.json", "orders.json", "products.json") if not (path / n).is_file()
    ]
    if not folder.strip() or missing:
        st.error(f"That folder does not hold the tau-bench files ({', '.join(missing) or 'none'}).")
        return
    if not confirmed:
        st.warning("Tick the box to confirm: the import replaces the current store.")
        return
    progress = st.progress(0.0, text="Reading the files…")
    try:
        load_tau_files(path)  # a broken file is found before anything is deleted
    except (ValueError, OSError) as exc:
        progress.empty()
        st.error(f"Those files cannot be read: {exc.__class__.__name__}. Nothing was changed.")
        return
    progress.progress(0.2, text="Deleting the current store…")
    reset_store(uow)
    progress.progress(0.3, text="Importing users, orders and products…")
    try:
        counts = tau_import(uow, path)
    except (DomainError, ValueError, OSError) as exc:
        progress.empty()
        st.error(
            f"The store was emptied but the import failed: {exc}. Reset to the demo store "
            "or try again."
        )
        return
    progress.progress(1.0, text="Done")
    _done(
        f"tau-bench store imported: {counts.get('customers', 0)} customers, "
        f"{counts.get('orders', 0)} orders, {counts.get('products', 0)} products."
    )


def generate_form(uow: UowFactory) -> None:
    now = store_counts(uow)
    st.markdown(
        "Generate a realistic store with Faker: customers, a catalogue with stock in every "
        "warehouse, orders with payments, shipments and tracking. The same seed gives the "
        "same store."
    )
    st.warning(
        "Generating **deletes the current store first**: its "
        f"{now['customers']:,} customers, {now['orders']:,} orders and {now['products']:,} "
        f"products, **and every conversation ({now['conversations']:,}) and hand-off ticket "
        f"({now['handoff_tickets']:,})**, with their transcripts. This cannot be undone.",
        icon=":material/delete_forever:",
    )
    with st.form("generate_form", border=False):
        a, b, c, d = st.columns(4)
        customers = a.number_input("Customers", 1, 2_000_000, 1_000, step=100)
        orders = b.number_input("Orders", 0, 10_000_000, 5_000, step=500)
        products = c.number_input("Products", 1, 100_000, 200, step=10)
        warehouses = d.number_input("Warehouses", 1, 100, 5)
        e, f = st.columns([3, 1])
        locales = e.multiselect("Customer locales", list(SUPPORTED_LOCALES), default=["en_US"])
        seed = f.number_input("Seed", 0, 2**31 - 1, 0)
        sure = st.checkbox(
            "Yes, delete the store, its conversations and tickets, then generate",
            key="generate_sure",
        )
        go = st.form_submit_button("Generate", type="primary")
    if not go:
        return
    if not sure:
        st.warning(
            "Nothing was changed. Tick the box to confirm: generating deletes the current "
            "store, its conversations and its hand-off tickets."
        )
        return
    spec = GenerateSpec(
        customers=int(customers),
        orders=int(orders),
        products=int(products),
        warehouses=int(warehouses),
        locales=tuple(locales),
        seed=int(seed),
    )
    try:
        spec.validate()
    except DomainError as exc:
        st.error(exc.message)
        return
    bar = st.progress(0.0, text="Deleting the current store…")
    reset_store(uow)
    stages = {"catalogue": (0.0, 0.1), "customers": (0.1, 0.3), "orders": (0.3, 1.0)}

    def progress(stage: str, done: int, total: int) -> None:
        lo, hi = stages.get(stage, (0.0, 1.0))
        share = done / total if total else 1.0
        bar.progress(min(1.0, lo + (hi - lo) * share), text=f"{stage}: {done:,} of {total:,}")

    try:
        counts = generate_store(uow, spec, progress=progress)
    except DomainError as exc:
        bar.empty()
        st.error(exc.message)
        return
    bar.progress(1.0, text="Done")
    _done(
        f"Generated {counts.get('customers', 0):,} customers, {counts.get('orders', 0):,} "
        f"orders and {counts.get('products', 0):,} products."
    )
