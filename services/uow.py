"""Unit of work: one transaction per use case; leaving the block without commit rolls back."""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from services import (
    deadline,
    text_guard,  # noqa: F401  (cleans NUL/surrogates as text is set)
)
from services.db import get_engine, make_session_factory


class CommitRefused(RuntimeError):
    """A commit after the caller stopped waiting for this work (its gate is closed)."""


class CommitGate:
    """Lets a caller that stops waiting for some work forbid that work's later commits.

    The tool dispatcher gives each call a gate and closes it at the deadline: a handler
    still running in its thread can no longer commit, so a call reported as timed out
    cannot change the store afterwards. The lock makes "close" and "commit" exclusive:
    either a commit finished before the close (and `close` says so), or it never happens.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._closed = False
        self._committed = False

    def close(self) -> bool:
        """Refuse every later commit; True if some commit already went through."""
        with self._lock:
            self._closed = True
            return self._committed

    def commit(self, session: Session) -> None:
        with self._lock:
            if self._closed:
                raise CommitRefused("the caller stopped waiting; this work is rolled back")
            session.commit()
            self._committed = True


class UnitOfWork:
    """`with uow:` opens a session; `uow.commit()` makes the work permanent.

    Anything not committed when the block ends, normally or by an exception, is rolled
    back, so a use case that fails half-way leaves the store as it found it.
    """

    session: Session

    def __init__(
        self, session_factory: sessionmaker[Session], gate: CommitGate | None = None
    ) -> None:
        self._session_factory = session_factory
        self._gate = gate

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        if self._gate is None:
            self.session.commit()
        else:
            self._gate.commit(self.session)

    def rollback(self) -> None:
        self.session.rollback()


class UowFactory:
    """Makes units of work on one engine; what services receive from their caller."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = make_session_factory(engine)
        self._read_sessions = self._sessions
        self._autocommit: Engine | None = None
        if engine.dialect.name == "postgresql":
            # Reads without BEGIN and ROLLBACK: two round trips fewer for each. At READ
            # COMMITTED (the default) every statement of a transaction takes its own
            # snapshot anyway, so a multi-statement read sees nothing different. SQLite
            # keeps its transaction: there it is one snapshot, and BEGIN costs no trip.
            self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
            self._read_sessions = make_session_factory(self._autocommit)
        self._gate: CommitGate | None = None

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self._sessions, self._gate)

    def read(self) -> UnitOfWork:
        """A unit for a use case that only reads (it must not write: on PostgreSQL each
        statement would commit on its own)."""
        return UnitOfWork(self._read_sessions, self._gate)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A Core connection in one transaction, committed when the block ends without an
        exception (through the gate, if there is one), rolled back otherwise.

        For use cases of a few prebuilt Core statements: no ORM session to set up and
        tear down (about 50 us of a 250 us message write on SQLite).
        """
        if self._gate is None:
            with self.engine.begin() as connection:
                yield connection
            return
        with self() as uow:
            yield uow.session.connection()
            uow.commit()

    @property
    def one_statement(self) -> bool:
        """Whether `statement` is available: on PostgreSQL, outside a commit gate.

        A use case that is a single statement (data-modifying CTEs included) is its own
        transaction there: one round trip instead of BEGIN, the statements and COMMIT.
        A gated factory (a tool call under its deadline) keeps the transactional path,
        whose commit the gate can refuse.
        """
        return self._autocommit is not None and self._gate is None

    @contextmanager
    def statement(self) -> Iterator[Connection]:
        """A connection that commits each statement as it runs (see `one_statement`)."""
        if self._autocommit is None or self._gate is not None:
            raise RuntimeError("single-statement use cases need PostgreSQL and no gate")
        with self._autocommit.connect() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for a use case that only reads, with `read`'s isolation (one
        transaction on SQLite, so one snapshot; autocommit on PostgreSQL), rolled back
        when the block ends.

        For reads of a few prebuilt Core statements: setting up and tearing down an ORM
        session cost about 75 us of a 0.3 ms read on SQLite. It never commits, so a gate
        has nothing to refuse; it must not write. Inside `deadline.within` its SQLite
        statements are interrupted at the deadline (`services.deadline`).
        """
        engine = self._autocommit or self.engine
        with engine.connect() as connection, deadline.bounded(connection):
            yield connection

    def gated(self, gate: CommitGate) -> UowFactory:
        """The same engine and sessions, with every commit passing through `gate`."""
        other = copy.copy(self)
        other._gate = gate
        return other

    @classmethod
    def for_url(cls, url: str | URL | None = None) -> UowFactory:
        return cls(get_engine(url))
