"""Sign-in on the chat page: a customer (demo pick, email, or name + zip) or staff."""

from __future__ import annotations

import streamlit as st

from app.i18n import t
from app.settings import AppSettings
from app.ui import deps, language, session
from app.ui.components.gate import staff_sign_in
from services import browse
from services.errors import DomainError

DEMO_PICKS = 50


def render() -> None:
    # A visitor has no profile yet: the language is their pick in the sidebar (English
    # until they choose); once signed in, their profile's language takes over.
    with st.sidebar:
        locale = language.selector(None, key="signin_locale_select")
    # Demo sign-in (pick, email, name + zip) proves nothing about who is typing: only
    # while demo mode is on (STOREDESK_DEMO_MODE; off once an identity secret is set).
    demo = AppSettings().demo_mode
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.title(t("signin.title", locale))
        st.markdown(t("signin.intro", locale))
        customer, staff = st.tabs([t("signin.tab_customer", locale), t("signin.tab_staff", locale)])
        with customer:
            if demo:
                _customer_tabs(locale)
            else:
                # A real deployment: customers arrive signed in by the store's own site.
                st.info(t("signin.use_store_link", locale), icon=":material/link:")
        with staff:
            staff_sign_in(key="chat_staff_login")
    if demo:
        with right, st.container(border=True):
            st.markdown(f"#### :material/lightbulb: {t('signin.demo_title', locale)}")
            st.markdown(t("signin.demo_tips", locale))


def _customer_tabs(locale: str) -> None:
    uow = deps.uow_factory()
    pick, email, name_zip = st.tabs(
        [
            t("signin.tab_demo", locale),
            t("signin.tab_email", locale),
            t("signin.tab_name_zip", locale),
        ]
    )
    with pick:
        customers = sorted(browse.search_customers(uow, limit=DEMO_PICKS), key=lambda c: -c.orders)
        if not customers:
            st.info(t("signin.no_customers", locale))
        else:
            labels = {c.id: f"{c.name} · {c.id} · {c.city or c.country}" for c in customers}
            chosen = st.selectbox(
                t("signin.customer", locale),
                options=list(labels),
                format_func=labels.__getitem__,
                key="signin_pick",
            )
            if st.button(t("signin.continue", locale), type="primary", key="signin_pick_go"):
                row = next(c for c in customers if c.id == chosen)
                _signed_in(row)
    with email:
        with st.form("signin_email", border=False):
            address = st.text_input(t("signin.email_label", locale), placeholder="you@example.com")
            go = st.form_submit_button(t("signin.continue", locale), type="primary")
        if go:
            _attempt(lambda: browse.customer_by_email(uow, email=address), locale)
    with name_zip:
        with st.form("signin_name_zip", border=False):
            a, b, c = st.columns([2, 2, 1])
            first = a.text_input(t("signin.first_name", locale))
            last = b.text_input(t("signin.last_name", locale))
            zip_code = c.text_input(t("signin.zip", locale))
            go = st.form_submit_button(t("signin.continue", locale), type="primary")
        if go:
            _attempt(
                lambda: browse.customer_by_name_zip(
                    uow, first_name=first, last_name=last, zip_code=zip_code
                ),
                locale,
            )


def _attempt(lookup, locale: str) -> None:
    try:
        row = lookup()
    except DomainError:
        # One message for every miss: the form must not reveal which detail was wrong.
        st.error(t("signin.not_found", locale))
        return
    _signed_in(row)


def _signed_in(row: browse.CustomerRow) -> None:
    language.forget_pick()
    session.sign_in_customer(customer_id=row.id, name=row.name, email=row.email, locale=row.locale)
    st.rerun()
