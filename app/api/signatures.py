"""Who may call the tool webhooks: signatures checked on the raw body, before parsing.

- Turn.io: ``X-Turn-Hook-Signature`` = base64 HMAC-SHA256 of the raw body.
- Standard Webhooks: ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature``
  (space-separated ``v1,<base64>`` entries) over ``id.timestamp.body``, 5 minutes of
  tolerance; verified by the `standardwebhooks` reference package.
- Bearer: ``Authorization: Bearer <secret>`` for platforms that cannot sign.

Every comparison is constant time and every configured secret is tried (rotation). Any
malformed header is simply "not verified": callers answer 401, never 500.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping, Sequence

from standardwebhooks.webhooks import Webhook

TURN_HEADER = "x-turn-hook-signature"
MAX_HEADER_CHARS = 2048
MAX_WEBHOOK_ID_CHARS = 200
SIGNATURE_BYTES = 32  # SHA-256


def turn_signature(body: bytes, secret: str) -> str:
    """What Turn.io sends for ``body`` (also what tests and clients compute)."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def _b64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None


def verify_turn(body: bytes, header: str | None, secrets: Sequence[str]) -> bool:
    if not header or len(header) > MAX_HEADER_CHARS or not secrets:
        return False
    given = _b64(header)
    if given is None or len(given) != SIGNATURE_BYTES:
        return False
    matched = False
    for secret in secrets:  # no early exit: timing does not tell which secret matched
        expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
        matched |= hmac.compare_digest(expected, given)
    return matched


def _webhook(secret: str) -> Webhook | None:
    try:
        # whsec_<base64> is the standard's form; any other string is used as raw bytes.
        if secret.startswith("whsec_"):
            return Webhook(secret)
        return Webhook(secret.encode("utf-8"))
    except Exception:  # a misconfigured secret verifies nothing rather than crashing
        return None


def _well_formed_entries(header: str) -> str | None:
    """Only ``v1,<32 bytes of base64>`` entries; the package trips on anything else."""
    kept = []
    for entry in header.split():
        version, sep, value = entry.partition(",")
        decoded = _b64(value) if sep and version == "v1" else None
        if decoded is not None and len(decoded) == SIGNATURE_BYTES:
            kept.append(entry)
    return " ".join(kept) or None


def verify_standard(body: bytes, headers: Mapping[str, str], secrets: Sequence[str]) -> str | None:
    """The verified ``webhook-id``, or None."""
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signature = headers.get("webhook-signature", "")
    if not (msg_id and timestamp and signature and secrets):
        return None
    if len(msg_id) > MAX_WEBHOOK_ID_CHARS or len(signature) > MAX_HEADER_CHARS:
        return None
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return None
    entries = _well_formed_entries(signature)
    if entries is None:
        return None
    try:
        data = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    clean = {"webhook-id": msg_id, "webhook-timestamp": timestamp, "webhook-signature": entries}
    verified = False
    for secret in secrets:
        hook = _webhook(secret)
        if hook is None:
            continue
        try:
            hook.verify(data, clean, json_parse=False)
            verified = True
        except Exception:  # WebhookVerificationError, or anything odd: not verified
            continue
    return msg_id if verified else None


def verify_bearer(authorization: str | None, secrets: Sequence[str]) -> bool:
    if not authorization or len(authorization) > MAX_HEADER_CHARS or not secrets:
        return False
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    given = token.strip().encode("utf-8")
    matched = False
    for secret in secrets:
        matched |= hmac.compare_digest(secret.encode("utf-8"), given)
    return matched
