"""Alembic environment for SQLite (batch mode, transactional DDL) and PostgreSQL."""

from __future__ import annotations

import warnings
from typing import Any

from alembic import context
from sqlalchemy.types import TypeDecorator

from services.db import make_engine
from services.models import Base
from services.settings import database_settings

config = context.config
# The lower(email) index is an expression index that autogenerate cannot compare; it is
# kept in step with the model by hand (see 0001), so the warning is noise.
warnings.filterwarnings("ignore", message="autogenerate skipping metadata-specified expression")
warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based")
target_metadata = Base.metadata


def _url() -> str:
    return (
        context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
        or database_settings().database_url
    )


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    # Render our TypeDecorators as their plain SQL type, so migration scripts never
    # import application code that may change after the script was written.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # The help center's FTS5 table and its shadow tables, and its PostgreSQL GIN index on
    # a tsvector expression (all made by 0003 with raw SQL), are not in the metadata;
    # without this, `alembic check` would want to drop them.
    if type_ == "table":
        return not (name or "").startswith("help_passages_fts")
    return not (type_ == "index" and name == "ix_help_passages_search")


def _configure(connection: Any) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=sqlite,
        # Our SQLite engine issues BEGIN itself, so DDL really is transactional there.
        transactional_ddl=True,
        compare_type=True,
        compare_server_default=True,
        render_item=render_item,
        include_name=include_name,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                _sqlite_foreign_keys(connection, on=False)
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)
    finally:
        engine.dispose()


def _sqlite_foreign_keys(connection: Any, *, on: bool) -> None:
    """Batch mode rebuilds a table by copy, drop and rename; with foreign keys on, the
    drop fires the ON DELETE actions of the tables pointing at it (CASCADE would delete
    every message of a rebuilt `conversations`, SET NULL unlink every ticket). SQLite
    ignores this pragma inside a transaction, so it is set on the raw connection before
    the migration's transaction begins; afterwards the links are checked."""
    raw = connection.connection.dbapi_connection
    if on:
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
