"""Declarative base, constraint naming convention and the column types every model shares."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Alembic needs stable constraint names to alter or drop them later (SQLite batch mode
# rebuilds tables and can only recreate constraints it can name).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Money: exact decimals, never float. 12 digits with 2 after the point.
Money = Numeric(12, 2, asdecimal=True)
CENT = Decimal("0.01")

# Plain JSON on every backend: PostgreSQL's `json` keeps the text as written, while JSONB
# reorders object keys, and the tau-retail tools must answer with the benchmark's bytes
# (an item's `options` in its own key order). Nothing queries inside these columns, so
# JSONB's indexing buys nothing here.
JSONType = JSON()

ID = String(64)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no time zones and hands back naive values; without this, comparing a
    stored time with `datetime.now(UTC)` raises on SQLite and works on PostgreSQL.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 - SQLAlchemy reads it as a class map
        Decimal: Money,
        datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
        dict[str, str]: JSONType,
        list[str]: JSONType,
        list[dict[str, Any]]: JSONType,
    }


class CreatedAt:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
