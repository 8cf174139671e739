"""A browser refresh keeps whoever is signed in.

Streamlit's session state lives in one websocket session; a refresh opens a new one.
So the sign-in is also kept where the browser carries it back:

- Customers: a signed, expiring customer token (`app.identity`) in the chat URL's
  ``?customer_token=``: the one the store's site opened the chat with, or, in demo mode,
  one minted here with a secret that never leaves this server process.
- Staff: a signed, expiring session cookie (``storedesk_staff``, SameSite=Strict) holding
  the staff name and an expiry under an HMAC. No password or long-lived secret is ever
  put in the URL or the cookie; changing the staff password invalidates every cookie.

Streamlit reads cookies (``st.context.cookies``, as sent when the session connected)
but has no API to set them; a one-line script rendered with `st.html` writes it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time

import streamlit as st

from app.identity import IdentityError, sign_customer_token, verify_customer_token
from app.settings import AppSettings
from app.ui import deps, session
from services import browse
from services.errors import DomainError

CUSTOMER_PARAM = "customer_token"
STAFF_COOKIE = "storedesk_staff"
CUSTOMER_TTL_S = 12 * 3600
STAFF_TTL_S = 8 * 3600
_STAFF_PREFIX = "staff:"
# Per server process: a restart signs demo customers and staff out (set
# STOREDESK_SESSION_SECRET to keep staff cookies valid across restarts).
_PROCESS_SECRET = secrets.token_urlsafe(32)
_DEMO_SECRET = secrets.token_urlsafe(32)
SIGNED_OUT = "persist_signed_out"
COOKIE_WRITTEN = "persist_cookie_written"


def _customer_secrets(settings: AppSettings) -> list[str]:
    return [*settings.identity_secrets, *([_DEMO_SECRET] if settings.demo_mode else [])]


def _staff_secret(settings: AppSettings) -> str:
    base = settings.storedesk_session_secret
    key = base.get_secret_value() if base is not None else _PROCESS_SECRET
    password = settings.storedesk_staff_password
    # Bound to the current staff password: changing it ends every staff session.
    salt = password.get_secret_value() if password is not None else ""
    return hmac.new(key.encode(), b"staff-session\0" + salt.encode(), hashlib.sha256).hexdigest()


def staff_cookie_value(name: str, *, now: float | None = None) -> str:
    expires = int((now or time.time()) + STAFF_TTL_S)
    return sign_customer_token(
        _STAFF_PREFIX + name[:100], secret=_staff_secret(AppSettings()), expires_at=expires
    )


def staff_from_cookie(value: str, *, now: float | None = None) -> str | None:
    try:
        subject = verify_customer_token(value, secrets=[_staff_secret(AppSettings())], now=now)
    except IdentityError:
        return None
    return subject[len(_STAFF_PREFIX) :] if subject.startswith(_STAFF_PREFIX) else None


def restore() -> None:
    """Before the page runs: sign in from the URL token or the staff cookie, if valid."""
    if session.current() is not None:
        return
    settings = AppSettings()
    token = st.query_params.get(CUSTOMER_PARAM)
    if token:
        try:
            customer_id = verify_customer_token(token, secrets=_customer_secrets(settings))
            row = browse.get_customer(deps.uow_factory(), customer_id=customer_id)
        except (IdentityError, DomainError) as exc:
            del st.query_params[CUSTOMER_PARAM]
            message = str(exc) if isinstance(exc, IdentityError) else "Unknown customer."
            st.session_state["persist_error"] = message
            return
        session.sign_in_customer(
            customer_id=row.id, name=row.name, email=row.email, locale=row.locale
        )
        return
    if st.session_state.get(SIGNED_OUT):
        return  # this tab signed out; the cookie it connected with is stale
    cookie = st.context.cookies.get(STAFF_COOKIE)
    name = staff_from_cookie(cookie) if cookie else None
    if name:
        session.sign_in_staff(name=name)
        st.session_state[COOKIE_WRITTEN] = cookie


def remember() -> None:
    """After sign-in: keep the customer's token in the URL, write the staff cookie once."""
    identity = session.current()
    if identity is None:
        if st.session_state.pop(SIGNED_OUT + "_pending", False):
            _write_cookie("", max_age=0)
        return
    if identity.is_staff:
        # Drawn on every full run with one value per session: a run cut short by a
        # rerun (a page's st.rerun right after sign-in) must not lose the cookie.
        value = st.session_state.get(COOKIE_WRITTEN)
        if not isinstance(value, str) or staff_from_cookie(value) != identity.name:
            value = st.session_state[COOKIE_WRITTEN] = staff_cookie_value(identity.name)
        _write_cookie(value, max_age=STAFF_TTL_S)
        return
    if st.query_params.get(CUSTOMER_PARAM) or not identity.customer_id:
        return
    settings = AppSettings()
    if not settings.demo_mode:
        return  # signed in by the store's token, which stays in the URL as it came
    st.query_params[CUSTOMER_PARAM] = sign_customer_token(
        identity.customer_id, secret=_DEMO_SECRET, expires_at=int(time.time()) + CUSTOMER_TTL_S
    )


def forget() -> None:
    """On sign-out (a callback): drop the URL token; the next run deletes the cookie."""
    st.query_params.pop(CUSTOMER_PARAM, None)
    st.query_params.pop("conversation", None)
    st.session_state[SIGNED_OUT] = True
    st.session_state[SIGNED_OUT + "_pending"] = True
    st.session_state.pop(COOKIE_WRITTEN, None)


def _write_cookie(value: str, *, max_age: int) -> None:
    cookie = f"{STAFF_COOKIE}={value}; Max-Age={max_age}; Path=/; SameSite=Strict"
    st.html(
        f"<script>document.cookie = {json.dumps(cookie)};</script>",
        unsafe_allow_javascript=True,
        width="content",
    )
