"""The `storedesk` commands of the Foundation: db upgrade, seed demo, import-tau."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from services.settings import DEFAULT_DATABASE_URL, database_settings
from services.stats import store_counts
from services.uow import UowFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def _restore_database_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # --database-url sets DATABASE_URL for the process; undo it for the other tests.
    monkeypatch.setenv("DATABASE_URL", os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    yield
    database_settings.cache_clear()


def _run(url: str, *args: str) -> str:
    result = runner.invoke(app, ["--database-url", url, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_upgrade_then_seed_demo_only_when_empty(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _run(url, "db", "upgrade")
    assert "demo store loaded" in _run(url, "seed", "demo", "--if-empty")
    assert "already has data" in _run(url, "seed", "demo", "--if-empty")
    assert store_counts(UowFactory.for_url(url))["orders"] == 9


def test_seed_demo_refuses_a_store_with_data_without_reset(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _run(url, "db", "upgrade")
    _run(url, "seed", "demo")
    result = runner.invoke(app, ["--database-url", url, "seed", "demo"])
    assert result.exit_code == 1 and "not empty" in result.output
    _run(url, "seed", "demo", "--reset")
    assert store_counts(UowFactory.for_url(url))["customers"] == 4


def test_import_tau_command_loads_the_benchmark(tmp_path: Path, tau_dir: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tau.db'}"
    _run(url, "db", "upgrade")
    output = _run(url, "import-tau", str(tau_dir))
    assert "imported in" in output
    counts = store_counts(UowFactory.for_url(url))
    assert (counts["customers"], counts["orders"], counts["variants"]) == (500, 1000, 591)
