"""The staff sign-in gate every staff page starts with."""

from __future__ import annotations

import streamlit as st

from app.ui import auth, session


def staff_sign_in(*, key: str = "staff_login") -> None:
    """The staff sign-in form: OIDC first when configured, then the password if set."""
    if auth.oidc_configured():
        logged_in, oidc_name = auth.oidc_user()
        if not logged_in:
            st.info("Staff sign in with your organisation's account.")
            st.button("Sign in with SSO", on_click=st.login, type="primary", key=f"{key}_sso")
            return
    else:
        oidc_name = ""
    with st.form(key, clear_on_submit=True, border=True):
        name = st.text_input("Your name", value=oidc_name, placeholder="e.g. Alex from support")
        password = ""
        if auth.staff_password_set():
            password = st.text_input("Staff password", type="password")
        else:
            st.caption(
                "No staff password is configured (set `STOREDESK_STAFF_PASSWORD` to require "
                "one); anyone who can open this app can sign in as staff."
            )
        submitted = st.form_submit_button("Sign in as staff", type="primary")
    if submitted:
        if auth.password_matches(password):
            session.sign_in_staff(name=name or oidc_name or "Staff")
            st.rerun()
        else:
            st.error("That password is not right.")


def require_staff() -> session.Identity:
    """Return the staff identity, or show the sign-in form and stop the page."""
    identity = session.current()
    if identity is not None and identity.is_staff:
        return identity
    if identity is not None:
        st.warning("This page is for store staff. Sign out first to sign in as staff.")
        st.stop()
    st.subheader("Staff sign-in")
    staff_sign_in()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises
