"""What a confirmation id stands for, for a page that asks the customer to confirm it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select

from services.models import IdempotencyRecord
from services.uow import UowFactory


class PreviewInfo(BaseModel):
    confirmation_id: str
    action: str
    status: str  # previewed | completed | expired
    summary: str
    expires_at: datetime | None


def describe(
    uow_factory: UowFactory, *, confirmation_id: str, customer_id: str | None
) -> PreviewInfo | None:
    """The preview, scoped like a confirm (another customer's id is None, like a missing one)."""
    query = select(IdempotencyRecord).where(IdempotencyRecord.key == confirmation_id)
    if customer_id is not None:
        query = query.where(IdempotencyRecord.customer_id == customer_id)
    with uow_factory() as uow:
        row = uow.session.scalars(query).first()
        if row is None:
            return None
        effect = (row.request or {}).get("effect") or {}
        return PreviewInfo(
            confirmation_id=row.key,
            action=row.action,
            status=row.status,
            summary=str(effect.get("summary") or row.action),
            expires_at=row.expires_at,
        )
