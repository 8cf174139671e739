"""Staff access: a shared password (STOREDESK_STAFF_PASSWORD) and/or OIDC via `st.login`.

The password is compared in constant time and never kept: the form clears its field on
submit, so it is in no session dump, log line or rerun after the check.
"""

from __future__ import annotations

import hmac

import streamlit as st

from app.settings import AppSettings


def _expected() -> str:
    # Fresh settings (environment, then .env) rather than the cached ones: a password set
    # or changed while the app runs applies at the next sign-in.
    secret = AppSettings().storedesk_staff_password
    return secret.get_secret_value() if secret is not None else ""


def staff_password_set() -> bool:
    return bool(_expected())


def password_matches(given: str) -> bool:
    expected = _expected()
    if not expected:
        return True
    # compare_digest on bytes: the time taken does not reveal how many characters match.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all: st.secrets raises on first access
        return False


def oidc_user() -> tuple[bool, str]:
    """(logged in, display name) from Streamlit's OIDC session."""
    try:
        user = st.user
        if not user.get("is_logged_in"):
            return False, ""
        return True, str(user.get("name") or user.get("email") or "Staff")
    except Exception:
        return False, ""
