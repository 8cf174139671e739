"""The Mock store page's actions, each with progress and a clear outcome."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from seed_data.demo import load_demo
from seed_data.tau import import_tau as tau_import
from seed_data.tau import load_tau_files
from services.admin import reset_store
from services.errors import DomainError
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
    st.markdown("Generate a realistic store with Faker: customers, catalogue, orders, shipments.")
    try:
        from seed_data import generator  # noqa: F401  (lands with the mock-store work)
    except ImportError:
        st.info("The store generator is not installed in this build yet.")
        return
    st.info("Generator available.")
