"""Unit of work: one transaction per use case; leaving the block without commit rolls back."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from services.db import get_engine, make_session_factory


class UnitOfWork:
    """`with uow:` opens a session; `uow.commit()` makes the work permanent.

    Anything not committed when the block ends, normally or by an exception, is rolled
    back, so a use case that fails half-way leaves the store as it found it.
    """

    session: Session

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

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
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class UowFactory:
    """Makes units of work on one engine; what services receive from their caller."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = make_session_factory(engine)

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    @classmethod
    def for_url(cls, url: str | URL | None = None) -> UowFactory:
        return cls(get_engine(url))
