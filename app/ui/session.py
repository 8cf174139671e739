"""Who is using this browser session: nobody yet, a signed-in customer, or staff.

The identity lives in `st.session_state` (server-side, per browser tab) and is the only
source of the customer id a chat turn runs with; nothing the model says can change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import streamlit as st

IDENTITY_KEY = "identity"


@dataclass(frozen=True)
class Identity:
    kind: Literal["customer", "staff"]
    name: str
    customer_id: str | None = None
    email: str | None = None
    locale: str | None = None  # the customer's preferred locale, e.g. vi_VN

    @property
    def is_staff(self) -> bool:
        return self.kind == "staff"


def current() -> Identity | None:
    value = st.session_state.get(IDENTITY_KEY)
    return value if isinstance(value, Identity) else None


def sign_in_customer(
    *, customer_id: str, name: str, email: str | None = None, locale: str | None = None
) -> None:
    _reset_conversation_state()
    st.session_state[IDENTITY_KEY] = Identity(
        kind="customer", name=name, customer_id=customer_id, email=email, locale=locale
    )


def sign_in_staff(*, name: str) -> None:
    _reset_conversation_state()
    st.session_state[IDENTITY_KEY] = Identity(kind="staff", name=name.strip() or "Staff")


def sign_out() -> None:
    _reset_conversation_state()
    st.session_state.pop(IDENTITY_KEY, None)
    from app.ui import persist  # persist signs in through this module

    persist.forget()


def _reset_conversation_state() -> None:
    for key in list(st.session_state.keys()):
        if str(key).startswith(("chat_", "confirm_", "fb_")):
            del st.session_state[key]
