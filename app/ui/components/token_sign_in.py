"""Sign a customer in from the token the store's own site put in the chat's URL.

The store's server signs the logged-in customer's id (`app.identity`, Intercom-style
identity verification) and opens ``/?customer_token=...`` (``?token=`` also works). The
parameter stays in the URL, so a refresh signs the same customer in again; an expired,
changed or foreign token is refused with a clear message and signs nobody in (and signs
out a customer this browser session had signed in from an earlier token).
"""

from __future__ import annotations

import streamlit as st

from app.i18n import t
from app.identity import IdentityError, verify_with_settings
from app.ui import session
from services import browse
from services.errors import DomainError

TOKEN_PARAMS = ("customer_token", "token")
VERIFIED_KEY = "identity_token"  # the token this session's customer was signed in from


def _token() -> str | None:
    for name in TOKEN_PARAMS:
        value = st.query_params.get(name)
        if value:
            return str(value)
    return None


def apply(locale: str = "en") -> None:
    """Sign in from the URL's token if there is one; show why not if it is refused."""
    token = _token()
    current = session.current()
    if token is None or (current is not None and current.is_staff):
        return
    if current is not None and st.session_state.get(VERIFIED_KEY) == token:
        return  # already signed in from this very token
    try:
        customer_id = verify_with_settings(token)
        row = browse.get_customer(_uow(), customer_id=customer_id)
    except IdentityError as exc:
        _refuse(current, t(f"identity.error.{exc.reason}", locale))
        return
    except DomainError:
        _refuse(current, t("identity.error.unknown_customer", locale))
        return
    session.sign_in_customer(customer_id=row.id, name=row.name, email=row.email, locale=row.locale)
    st.session_state[VERIFIED_KEY] = token


def _refuse(current: session.Identity | None, message: str) -> None:
    if current is not None and st.session_state.get(VERIFIED_KEY):
        session.sign_out()  # the link changed under a token-signed session: trust neither
    st.session_state.pop(VERIFIED_KEY, None)
    st.error(message, icon=":material/gpp_bad:")


def _uow():  # imported late: deps reads the database settings of this run
    from app.ui import deps

    return deps.uow_factory()
