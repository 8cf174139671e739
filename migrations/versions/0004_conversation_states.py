"""conversation states: assistant / waiting / with_person / resolved; one open ticket

The conversation's status names who holds it (the assistant, a queue waiting for a
person, a named person, nobody because it is resolved) and records that person; tickets
record when they were claimed and first answered, and how often they were reopened. A
partial unique index keeps one open (or claimed) hand-off ticket per conversation.

Existing rows: open -> assistant, handed_off -> with_person when its active ticket is
claimed, else waiting. Duplicate active tickets of one conversation (possible before
this revision) are closed as handed back, keeping the newest.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = ("open", "resolved", "handed_off")
NEW = ("assistant", "waiting", "with_person", "resolved")
ACTIVE = "status IN ('open', 'claimed')"


def _status(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values, name="conversation_status", native_enum=False, create_constraint=True, length=20
    )


def _retype(from_values: tuple[str, ...] | None, to_values: tuple[str, ...] | None) -> None:
    """Swap the status column's CHECK constraint (None: a plain string, no constraint)."""
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.alter_column(
            "status",
            existing_type=_status(from_values) if from_values else sa.String(length=20),
            type_=_status(to_values) if to_values else sa.String(length=20),
            existing_nullable=False,
        )


def upgrade() -> None:
    _retype(OLD, None)
    op.execute(
        "UPDATE conversations SET status = 'with_person' WHERE status = 'handed_off' AND "
        "EXISTS (SELECT 1 FROM handoff_tickets t WHERE t.conversation_id = conversations.id "
        "AND t.status = 'claimed')"
    )
    op.execute("UPDATE conversations SET status = 'waiting' WHERE status = 'handed_off'")
    op.execute("UPDATE conversations SET status = 'assistant' WHERE status = 'open'")
    _retype(None, NEW)
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignee", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("staff_read_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE conversations SET assignee = (SELECT t.assignee FROM handoff_tickets t "
        "WHERE t.conversation_id = conversations.id AND t.status = 'claimed' "
        "ORDER BY t.created_at DESC LIMIT 1) WHERE status = 'with_person'"
    )
    op.execute(
        "UPDATE handoff_tickets SET status = 'returned_to_ai' WHERE status IN ('open', 'claimed') "
        "AND EXISTS (SELECT 1 FROM handoff_tickets newer WHERE newer.conversation_id = "
        "handoff_tickets.conversation_id AND newer.status IN ('open', 'claimed') AND "
        "(newer.created_at > handoff_tickets.created_at OR (newer.created_at = "
        "handoff_tickets.created_at AND newer.id > handoff_tickets.id)))"
    )
    with op.batch_alter_table("handoff_tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("first_response_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("reopens", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.create_index(
            "uq_handoff_tickets_one_active",
            ["conversation_id"],
            unique=True,
            sqlite_where=sa.text(ACTIVE),
            postgresql_where=sa.text(ACTIVE),
        )


def downgrade() -> None:
    with op.batch_alter_table("handoff_tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_handoff_tickets_one_active",
            sqlite_where=sa.text(ACTIVE),
            postgresql_where=sa.text(ACTIVE),
        )
        batch_op.drop_column("reopens")
        batch_op.drop_column("first_response_at")
        batch_op.drop_column("claimed_at")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_column("staff_read_id")
        batch_op.drop_column("assignee")
    _retype(NEW, None)
    op.execute(
        "UPDATE conversations SET status = 'handed_off' WHERE status IN ('waiting', 'with_person')"
    )
    op.execute("UPDATE conversations SET status = 'open' WHERE status = 'assistant'")
    _retype(None, OLD)
