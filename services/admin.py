"""Store-wide maintenance: wiping the data (not the schema) before a reseed or an import."""

from __future__ import annotations

from sqlalchemy import delete

from services.models import Base
from services.uow import UowFactory


def reset_store(uow_factory: UowFactory) -> None:
    """Delete every row of every table, children first, in one transaction."""
    with uow_factory() as uow:
        for table in reversed(Base.metadata.sorted_tables):
            uow.session.execute(delete(table))
        uow.commit()
