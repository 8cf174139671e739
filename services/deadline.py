"""A time limit for reads run on the caller's thread, enforced by SQLite itself.

The tool dispatcher runs a handler on a worker thread so it can stop waiting at the
deadline (Python cannot stop a thread). For a read of a few statements, that hand-off
was most of the spread of a read tool's time on a busy machine (two thread wake-ups a
call). A read whose time is its SQL can instead run where it is called: SQLite calls a
progress handler every few thousand virtual-machine steps, and a handler that answers
"stop" interrupts the statement at once. PostgreSQL reads keep the worker thread (a
hung server or network is not bounded by anything the client can ask of the server).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

# SQLite virtual-machine steps between two looks at the clock: about a millisecond of
# work, so a small read never calls back into Python.
PROGRESS_STEPS = 10_000

_deadline: ContextVar[float | None] = ContextVar("read_deadline", default=None)


class DeadlinePassed(TimeoutError):
    """A read interrupted because its caller's deadline passed."""


def enforced(engine: Engine) -> bool:
    """Whether `bounded` can interrupt this engine's statements."""
    return engine.dialect.name == "sqlite"


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Reads started in this block (on this thread) stop ``seconds`` from now."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


@contextmanager
def bounded(connection: Connection) -> Iterator[None]:
    """Interrupt ``connection``'s statements once the deadline of `within` passes; the
    interrupted read raises DeadlinePassed. Nothing to do outside `within`."""
    deadline = _deadline.get()
    if deadline is None or connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection
    driver.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    try:
        yield
    except DBAPIError as exc:
        if time.monotonic() > deadline:  # SQLite's "interrupted", not a bad statement
            raise DeadlinePassed("the read passed its deadline") from exc
        raise
    finally:
        driver.set_progress_handler(None, 0)  # the pooled connection goes back clean
