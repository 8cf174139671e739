"""Who a messaging platform's contact is: a customer whose phone has the same digits.

WhatsApp ids are digits only (``13175550142``) while the store keeps phones as people
write them (``+1 317-555-0142``), so both sides are compared as digits. A number shared
by several customers identifies nobody.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, func, select

from services.models import Customer
from services.uow import UowFactory

# Characters people put in phone numbers; stripping them in SQL works on SQLite (which
# has no regexp_replace) and PostgreSQL alike.
_SEPARATORS = ("+", "-", " ", "(", ")", ".", "/")
MIN_DIGITS = 6  # anything shorter is not a phone number and would match too much


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def customer_by_phone(uow_factory: UowFactory, *, phone: str) -> str | None:
    wanted = digits(phone)
    if len(wanted) < MIN_DIGITS or len(wanted) > 20:
        return None
    expr: ColumnElement[Any] = func.coalesce(Customer.phone, "")
    for ch in _SEPARATORS:
        expr = func.replace(expr, ch, "")
    with uow_factory() as uow:
        ids = uow.session.scalars(select(Customer.id).where(expr == wanted).limit(2)).all()
    return ids[0] if len(ids) == 1 else None
