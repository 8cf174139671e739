"""Customer identity from the store's own site (Intercom-style identity verification).

The store's server, which knows who is logged in on its site, signs the customer id with
a secret the operator shares with Storedesk and opens the chat with the token (the chat
URL's ``?customer_token=`` query parameter, the HTTP API's header). Storedesk verifies it
and signs that customer in; nobody without the secret can make a token for another id.

Token: ``v1.<customer id, base64url>.<expires_at, unix seconds>.<HMAC-SHA256, base64url>``
where the MAC covers ``v1.<id b64>.<expires_at>``. The id is base64url-encoded so any id
(dots, unicode) round-trips and the token is safe in a URL without further escaping.

Secrets come from ``STOREDESK_IDENTITY_SECRETS`` (comma-separated): every listed secret
verifies, the first one signs, so an operator rotates by prepending the new secret,
updating the store's site, and later dropping the old one.

No streamlit, no database: the chat page, the HTTP API and tests all call these two
functions.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Sequence

VERSION = "v1"
# Bounds checked before any decoding or hashing: a token is short, an id is an id.
MAX_TOKEN_CHARS = 1024
MAX_CUSTOMER_ID_CHARS = 200
# A clock skew allowance would let an expired token live on; the expiry is exact, and
# the store's site should sign tokens valid for minutes to hours, not seconds.


class IdentityError(ValueError):
    """A token that does not sign anyone in. ``str(exc)`` is safe to show the customer.

    ``reason`` is a stable code for programs (the HTTP API maps it to a status):
    ``no_secret``, ``malformed``, ``bad_signature`` or ``expired``.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    padded = text + "=" * (-len(text) % 4)
    # validate=True rejects characters outside the alphabet instead of skipping them,
    # so two different strings never decode to the same id.
    return base64.b64decode(padded, altchars=b"-_", validate=True)


def _mac(secret: str, payload: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), payload.encode("ascii"), hashlib.sha256).digest()


def _check_customer_id(customer_id: str) -> None:
    if not customer_id or len(customer_id) > MAX_CUSTOMER_ID_CHARS:
        raise ValueError(f"customer_id must be 1 to {MAX_CUSTOMER_ID_CHARS} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in customer_id):
        raise ValueError("customer_id must not contain control characters")


def sign_customer_token(customer_id: str, *, secret: str, expires_at: int) -> str:
    """A token that signs ``customer_id`` in until ``expires_at`` (unix seconds)."""
    if not secret:
        raise ValueError("secret must not be empty")
    _check_customer_id(customer_id)
    payload = f"{VERSION}.{_b64(customer_id.encode('utf-8'))}.{int(expires_at)}"
    return f"{payload}.{_b64(_mac(secret, payload))}"


def verify_customer_token(token: str, *, secrets: Sequence[str], now: float | None = None) -> str:
    """The customer id ``token`` was signed for, or `IdentityError` saying why not."""
    usable = [s for s in secrets if s]
    if not usable:
        raise IdentityError(
            "Sign-in links are not enabled on this desk (no identity secret is configured).",
            reason="no_secret",
        )
    malformed = IdentityError(
        "This sign-in link is not valid (it is damaged or incomplete). "
        "Open the chat again from the store's website.",
        reason="malformed",
    )
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        raise malformed
    parts = token.strip().split(".")
    if len(parts) != 4 or parts[0] != VERSION:
        raise malformed
    _, id_b64, expiry_text, mac_b64 = parts
    if not expiry_text.isascii() or not expiry_text.isdigit() or len(expiry_text) > 12:
        raise malformed
    try:
        given_mac = _unb64(mac_b64)
        raw_id = _unb64(id_b64)
    except (binascii.Error, ValueError):
        raise malformed from None
    payload = f"{VERSION}.{id_b64}.{expiry_text}"
    # Every secret is tried with compare_digest (constant time per comparison), and the
    # loop does not stop early, so timing does not reveal which secret matched.
    matched = False
    for secret in usable:
        matched |= hmac.compare_digest(_mac(secret, payload), given_mac)
    if not matched:
        # A changed id, a changed expiry and a token signed with another secret all land
        # here: the signature does not match what was signed.
        raise IdentityError(
            "This sign-in link's signature does not match: it was changed after it was "
            "signed, or signed for another desk. Open the chat again from the store's "
            "website.",
            reason="bad_signature",
        )
    current = time.time() if now is None else now
    if int(expiry_text) <= current:
        raise IdentityError(
            "This sign-in link has expired. Open the chat again from the store's website "
            "to get a fresh one.",
            reason="expired",
        )
    try:
        customer_id = raw_id.decode("utf-8")
        _check_customer_id(customer_id)
    except (UnicodeDecodeError, ValueError):
        raise malformed from None
    return customer_id


def configured_secrets(raw: str | None) -> list[str]:
    """``STOREDESK_IDENTITY_SECRETS`` split on commas, blanks dropped, order kept."""
    if not raw:
        return []
    return [part.strip() for part in raw.split(",") if part.strip()]


def verify_with_settings(token: str, *, now: float | None = None) -> str:
    """`verify_customer_token` with the operator's ``STOREDESK_IDENTITY_SECRETS``.

    Settings are read fresh (not the cached ones) so a rotated secret applies at once.
    """
    from app.settings import AppSettings

    return verify_customer_token(token, secrets=AppSettings().identity_secrets, now=now)
