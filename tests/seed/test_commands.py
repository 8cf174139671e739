"""The mock-store commands: bad input is refused before anything changes; bench prints."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from services.stats import store_counts
from services.uow import UowFactory


def test_generate_refuses_bad_arguments_and_changes_nothing(
    db_url: str, uow_factory: UowFactory
) -> None:
    runner = CliRunner()
    runner.invoke(app, ["--database-url", db_url, "seed", "demo"])
    before = store_counts(uow_factory)
    for bad in (["--locales", "en_US,xx_XX"], ["--orders", "-5"], ["--as-of", "yesterday"]):
        result = runner.invoke(app, ["--database-url", db_url, "seed", "generate", "--reset", *bad])
        assert result.exit_code == 2, result.output
    assert store_counts(uow_factory) == before  # --reset did not run either


def test_generate_with_reset_replaces_the_store(db_url: str, uow_factory: UowFactory) -> None:
    runner = CliRunner()
    runner.invoke(app, ["--database-url", db_url, "seed", "demo"])
    result = runner.invoke(
        app,
        ["--database-url", db_url, "seed", "generate", "--reset", "--customers", "12",
         "--orders", "40", "--products", "6", "--as-of", "2026-06-30"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    counts = store_counts(uow_factory)
    assert (counts["customers"], counts["orders"], counts["products"]) == (12, 40, 6)


def test_bench_seed_prints_time_memory_and_ratio(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["bench", "seed", "--orders", "400", "--customers", "30", "--products", "10",
         "--naive-orders", "60", "--dir", str(tmp_path), "--out", str(tmp_path / "B.md")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for figure in ("orders per second", "peak RSS", "speed ratio", "load average"):
        assert figure in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["B.md"]  # the two stores are gone
