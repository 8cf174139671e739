"""plain json columns: keep JSON text as written on PostgreSQL

JSONB reorders object keys, so an item's `options` came back in another order than the
tau-retail benchmark's and the tools' outputs differed byte for byte from it. `json`
stores the text as given. SQLite has a single JSON type: nothing to change there.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 13:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every JSON column of 0001 (table, column, nullable).
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("idempotency_records", "request", False),
    ("idempotency_records", "response", True),
    ("products", "specs", False),
    ("products", "shipping_options", False),
    ("orders", "return_items", True),
    ("orders", "exchange_items", True),
    ("orders", "exchange_new_items", True),
    ("variants", "options", False),
    ("fulfillments", "tracking_ids", False),
    ("fulfillments", "item_ids", False),
    ("messages", "tool_calls", True),
    ("order_items", "options", False),
    ("return_requests", "item_ids", False),
    ("return_requests", "new_item_ids", True),
)


def _alter(new_type: sa.types.TypeEngine, old_type: sa.types.TypeEngine, cast: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, nullable in COLUMNS:
        op.alter_column(
            table,
            column,
            type_=new_type,
            existing_type=old_type,
            existing_nullable=nullable,
            postgresql_using=f'"{column}"::{cast}',
        )


def upgrade() -> None:
    _alter(sa.JSON(), postgresql.JSONB(astext_type=sa.Text()), "json")


def downgrade() -> None:
    _alter(postgresql.JSONB(astext_type=sa.Text()), sa.JSON(), "jsonb")
