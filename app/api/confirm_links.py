"""Signed one-time confirmation links for changes previewed over a tool webhook.

A platform's model can only preview a destructive change; the customer applies it by
opening the link the assistant passes on: a small page with Confirm / Cancel. The link
carries the confirmation id, the customer and an expiry under an HMAC (keys derived from
the operator's webhook secrets, so rotation works the same way). GET only shows the page
(link previews and scanners fetch URLs); the POST of the form applies, exactly once:
confirming an id twice returns the first result (the idempotency record).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import time
from collections.abc import Sequence

VERSION = "c1"
MAX_TOKEN_CHARS = 600


class LinkError(ValueError):
    """A link that is damaged, signed elsewhere or expired (message safe to show)."""


def link_keys(secrets: Sequence[str]) -> list[bytes]:
    # A key of its own, derived per secret: a confirmation link can never double as a
    # webhook signature or the other way round.
    return [hmac.new(s.encode("utf-8"), b"storedesk confirm link", hashlib.sha256).digest()
            for s in secrets if s]  # fmt: skip


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()


def sign_link(confirmation_id: str, customer_id: str, *, key: bytes, expires_at: int) -> str:
    payload = ".".join(
        (VERSION, _b64(confirmation_id.encode()), _b64(customer_id.encode()), str(expires_at))
    )
    return f"{payload}.{_b64(_mac(key, payload))}"


def verify_link(token: str, *, keys: Sequence[bytes], now: float | None = None) -> tuple[str, str]:
    """(confirmation id, customer id) of a genuine, unexpired link; else `LinkError`."""
    damaged = LinkError("This confirmation link is not valid. Ask the assistant for a new one.")
    if not token or len(token) > MAX_TOKEN_CHARS or not keys:
        raise damaged
    parts = token.split(".")
    if len(parts) != 5 or parts[0] != VERSION or not parts[3].isdigit() or len(parts[3]) > 12:
        raise damaged
    payload = ".".join(parts[:4])
    try:
        given = _unb64(parts[4])
        confirmation_id = _unb64(parts[1]).decode("utf-8")
        customer_id = _unb64(parts[2]).decode("utf-8")
    except (binascii.Error, ValueError):
        raise damaged from None
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(_mac(key, payload), given)
    if not matched:
        raise damaged
    if int(parts[3]) <= (time.time() if now is None else now):
        raise LinkError("This confirmation link has expired. Ask the assistant for a new one.")
    return confirmation_id, customer_id


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;
line-height:1.5}}button{{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem}}
.summary{{white-space:pre-wrap;background:#f4f4f5;padding:1rem;border-radius:.5rem}}</style>
</head><body><h1>{title}</h1>{body}</body></html>
"""

# No script, no outside resource, no framing; the link's token stays out of Referer.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def page(title: str, paragraphs: Sequence[str], *, summary: str | None = None,
         form_action: str | None = None) -> str:  # fmt: skip
    """A small page; every piece of text is escaped (it comes from the store and models)."""
    body = []
    if summary is not None:
        body.append(f'<p class="summary">{html.escape(summary)}</p>')
    body.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    if form_action is not None:
        action = html.escape(form_action, quote=True)
        body.append(
            f'<form method="post" action="{action}">'
            '<button type="submit" name="decision" value="confirm">Confirm</button>'
            '<button type="submit" name="decision" value="cancel">Cancel</button></form>'
        )
    return _PAGE.format(title=html.escape(title), body="".join(body))
