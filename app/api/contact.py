"""Who a platform's call is about, from its signed context only (never the arguments)."""

from __future__ import annotations

from typing import Any

from app.identity import IdentityError, verify_customer_token
from services import contacts
from services.models import Customer
from services.uow import UowFactory

# Where Turn.io and similar platforms put the WhatsApp contact, most specific first.
_CONTACT_KEYS = ("whatsapp_id", "wa_id", "msisdn", "phone")


def contact_phone(context: Any, wa_id: Any = None) -> str | None:
    candidates: list[Any] = []
    if isinstance(context, dict):
        contact = context.get("contact")
        if isinstance(contact, dict):
            candidates += [contact.get(k) for k in _CONTACT_KEYS]
        candidates += [context.get(k) for k in _CONTACT_KEYS]
    candidates.append(wa_id)
    for value in candidates:
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()[:40]
    return None


def customer_from_context(
    uow_factory: UowFactory,
    context: Any,
    *,
    wa_id: Any = None,
    identity_secrets: list[str],
) -> str | None:
    """The customer the platform vouches for: a signed customer token in the context
    (the store's own site), else the contact's phone number matched by digits."""
    if isinstance(context, dict) and isinstance(context.get("customer_token"), str):
        try:
            customer_id = verify_customer_token(context["customer_token"], secrets=identity_secrets)
        except IdentityError:
            return None
        with uow_factory() as uow:
            return customer_id if uow.session.get(Customer, customer_id) is not None else None
    phone = contact_phone(context, wa_id)
    if phone is None:
        return None
    return contacts.customer_by_phone(uow_factory, phone=phone)
