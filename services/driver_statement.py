"""Prebuilt Core statements run on the database driver's own cursor.

For the few statements every turn runs several times (a message written, the customer's
message accepted). SQLAlchemy's execution path (compiled-cache lookup, parameter
processing, result set-up) cost about 100 us per statement, more than SQLite's own work
and as much as a PostgreSQL round trip. The SQL is still SQLAlchemy's, compiled from the
models once per dialect, and every parameter goes through its column type's own bind
processor, so what is stored is exactly what the Core path stores.

`run` returns the driver's cursor (ids, counts: no type processing); `rows` returns the
rows of a SELECT with each column through its type's own result processor (enums, times
with their zone, JSON and numbers on SQLite), as named tuples.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable

_Shape = tuple[Callable[[Any], Any], list[Callable[[Any], Any] | None]]


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None  # parameter names in order (qmark), or None
    processors: dict[str, Callable[[Any], Any]]
    fixed: dict[str, Any]  # the statement's own literals (e.g. `title == ""`)


class DriverStatement:
    """``statement`` compiled for each dialect it meets, executed with `run`."""

    def __init__(self, statement: Executable, column_keys: Sequence[str] | None = None) -> None:
        self._statement = statement
        # [] unless given: only the columns the statement's own values() name (None would
        # render every column of the table as a parameter).
        self._column_keys = list(column_keys or [])
        self._compiled: dict[str, _Compiled] = {}
        # Per dialect and the driver's column type codes (PostgreSQL's numeric and float
        # columns take different processors).
        self._shapes: dict[tuple[str, tuple[Any, ...]], _Shape] = {}
        self._lock = threading.Lock()

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            with self._lock:
                compiled = self._compile(dialect)
                self._compiled[dialect.name] = compiled
        return compiled

    def _compile(self, dialect: Dialect) -> _Compiled:
        done = self._statement.compile(dialect=dialect, column_keys=self._column_keys)  # type: ignore[attr-defined]
        processors = {}
        for name, bind in done.binds.items():
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors[name] = process
        positional = tuple(done.positiontup) if done.positiontup is not None else None
        fixed = {  # (binds also holds internal keys such as "%(1234 title)s": skipped)
            name: bind.effective_value
            for name, bind in done.binds.items()
            if not bind.required and name.isidentifier()
        }
        return _Compiled(done.string, positional, processors, fixed)

    def rows(self, connection: Connection, params: dict[str, Any]) -> list[Any]:
        """The SELECT's rows, each value as SQLAlchemy's result processing gives it."""
        cursor = self.run(connection, params)
        codes = tuple(d[1] for d in cursor.description)
        shape = self._shapes.get((connection.dialect.name, codes))
        if shape is None:
            shape = self._shape(connection.dialect, codes)
            self._shapes[(connection.dialect.name, codes)] = shape
        make, processors = shape
        if not any(processors):
            return [make(row) for row in cursor.fetchall()]
        return [
            make(p(v) if p is not None else v for p, v in zip(processors, row, strict=True))
            for row in cursor.fetchall()
        ]

    def _shape(self, dialect: Dialect, codes: tuple[Any, ...]) -> _Shape:
        columns = list(self._statement.selected_columns)  # type: ignore[attr-defined]
        processors = [
            c.type.dialect_impl(dialect).result_processor(dialect, code)
            for c, code in zip(columns, codes, strict=True)
        ]
        row = collections.namedtuple("Row", [c.name for c in columns])  # type: ignore[misc]
        return row._make, processors

    def run(self, connection: Connection, params: dict[str, Any]) -> Any:
        """Execute on ``connection``'s driver cursor (inside whatever transaction the
        connection is in) and return that cursor, for rowcount or fetchone."""
        compiled = self._for(connection.dialect)
        values = {
            name: (process(v) if (process := compiled.processors.get(name)) else v)
            for name, v in (compiled.fixed | params).items()
        }
        args: Any = (
            tuple(values[n] for n in compiled.positional)
            if compiled.positional is not None
            else values
        )
        dialect = connection.dialect
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(compiled.sql, args)
        except dialect.loaded_dbapi.Error as exc:
            # As SQLAlchemy's own path does: a lost connection is invalidated (the pool
            # replaces it), and callers get SQLAlchemy's exception types.
            lost = dialect.is_disconnect(exc, connection.connection, cursor)
            if lost:
                connection.invalidate(exc)
            raise DBAPIError.instance(
                compiled.sql,
                args,
                exc,
                dialect.loaded_dbapi.Error,
                hide_parameters=True,
                connection_invalidated=lost,
                dialect=dialect,
            ) from exc
        return cursor
