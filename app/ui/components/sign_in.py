"""Sign-in on the chat page: a customer (demo pick, email, or name + zip) or staff."""

from __future__ import annotations

import streamlit as st

from app.ui import deps, session
from app.ui.components.gate import staff_sign_in
from services import browse
from services.errors import DomainError

DEMO_PICKS = 50


def render() -> None:
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.title("How can we help?")
        st.markdown(
            "Ask about an order, track a parcel, check stock, start a return or exchange, "
            "or talk to a person. Sign in so we can look at **your** orders."
        )
        customer, staff = st.tabs(["I'm a customer", "I'm store staff"])
        with customer:
            _customer_tabs()
        with staff:
            staff_sign_in(key="chat_staff_login")
    with right, st.container(border=True):
        st.markdown("#### :material/lightbulb: Try the demo")
        st.markdown(
            "- Sign in as **Sarah Johnson** and ask *“Where is my order ORD-78342?”*\n"
            "- *“I want to return ORD-66120”*: you'll see the refund before anything changes\n"
            "- *“Is the UHD-4K-55 TV in stock near 60607?”*\n"
            "- *“I'd like to talk to a person”* opens a ticket in the staff inbox"
        )


def _customer_tabs() -> None:
    uow = deps.uow_factory()
    pick, email, name_zip = st.tabs(["Demo customer", "Email", "Name + zip"])
    with pick:
        customers = sorted(browse.search_customers(uow, limit=DEMO_PICKS), key=lambda c: -c.orders)
        if not customers:
            st.info("The store has no customers yet. Staff can load one on the Mock store page.")
        else:
            labels = {c.id: f"{c.name} · {c.id} · {c.city or c.country}" for c in customers}
            chosen = st.selectbox(
                "Customer",
                options=list(labels),
                format_func=labels.__getitem__,
                key="signin_pick",
            )
            if st.button("Continue", type="primary", key="signin_pick_go"):
                row = next(c for c in customers if c.id == chosen)
                _signed_in(row)
    with email:
        with st.form("signin_email", border=False):
            address = st.text_input("Email on your account", placeholder="you@example.com")
            go = st.form_submit_button("Continue", type="primary")
        if go:
            _attempt(lambda: browse.customer_by_email(uow, email=address))
    with name_zip:
        with st.form("signin_name_zip", border=False):
            a, b, c = st.columns([2, 2, 1])
            first = a.text_input("First name")
            last = b.text_input("Last name")
            zip_code = c.text_input("Zip code")
            go = st.form_submit_button("Continue", type="primary")
        if go:
            _attempt(
                lambda: browse.customer_by_name_zip(
                    uow, first_name=first, last_name=last, zip_code=zip_code
                )
            )


def _attempt(lookup) -> None:
    try:
        row = lookup()
    except DomainError:
        # One message for every miss: the form must not reveal which detail was wrong.
        st.error("We couldn't find an account with those details.")
        return
    _signed_in(row)


def _signed_in(row: browse.CustomerRow) -> None:
    session.sign_in_customer(customer_id=row.id, name=row.name, email=row.email, locale=row.locale)
    st.rerun()
