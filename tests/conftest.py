"""Shared fixtures: every data-layer test runs on SQLite and on PostgreSQL.

PostgreSQL is the server at 127.0.0.1:5432 (user postgres, trust auth); each test session
creates its own database and drops it at the end, so parallel runs never collide.
Locally, PostgreSQL tests skip with a reason when no server answers; with CI=true they
fail instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text

from services import schema
from services.db import dispose_engines, get_engine
from services.models import Base
from services.uow import UowFactory

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TAU_DIR = PROJECT_ROOT.parent / "shared" / "data" / "tau-retail"
PG_ADMIN_DSN = os.environ.get("STOREDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _pg_available() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN_DSN, connect_timeout=3):
            return None
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"PostgreSQL at {PG_ADMIN_DSN} unreachable: {exc.__class__.__name__}: {exc}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session; its URL."""
    problem = _pg_available()
    if problem:
        if IN_CI:
            pytest.fail(f"CI=true and {problem}", pytrace=False)
        pytest.skip(problem)
    name = f"storedesk_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_DSN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    dispose_engines()
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'store.db'}"


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated, empty database on each backend (one per test session)."""
    if request.param == "sqlite":
        url = _sqlite_url(tmp_path_factory)
    else:
        url = request.getfixturevalue("pg_server")
    schema.upgrade(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """The migrated database, emptied after each test."""
    eng = get_engine(db_url)
    yield eng
    truncate_all(eng)


@pytest.fixture
def uow_factory(engine: Engine) -> UowFactory:
    return UowFactory(engine)


@pytest.fixture
def backend(engine: Engine) -> str:
    return engine.dialect.name


def truncate_all(eng: Engine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with eng.begin() as conn:
        if eng.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                conn.execute(text(f"DELETE FROM {name}"))


@pytest.fixture(scope="session")
def tau_dir() -> Path:
    if not (TAU_DIR / "orders.json").exists():
        pytest.skip(f"tau-bench retail data not found at {TAU_DIR}")
    return TAU_DIR


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in the log how many PostgreSQL tests ran, so CI shows they were not skipped."""
    stats = terminalreporter.stats
    ran = {
        # Collection reports (a module skipped at import) have no keywords.
        outcome: sum(1 for r in stats.get(outcome, []) if "postgres" in getattr(r, "keywords", ()))
        for outcome in ("passed", "failed", "error", "skipped")
    }
    terminalreporter.write_line(
        "PostgreSQL tests: {passed} passed, {failed} failed, {error} errors, "
        "{skipped} skipped".format(**ran)
    )
