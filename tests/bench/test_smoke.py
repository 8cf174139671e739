"""A smoke run of each benchmark at a tiny size, so the benches cannot rot.

These check that every bench runs end to end on a real generated store, measures its
paths beside their baselines and writes its BENCHMARKS.md section; they assert nothing
about speed (the figures on a tiny store on a busy machine mean nothing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.bench import reads, schemas
from app.bench.report import read_bench_section
from app.bench.stores import sample, sqlite_store
from app.cli import app

TINY = 300


@pytest.fixture(scope="module")
def bench_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench")


def test_store_is_generated_once_then_reused(bench_dir: Path) -> None:
    first = sqlite_store(TINY, where=bench_dir)
    again = sqlite_store(TINY, where=bench_dir)
    assert again.reused and again.url == first.url
    picks = sample(again, size=20, delivered=3)
    assert len(picks.orders) == 20 and len({o for o, _ in picks.orders}) == 20
    assert picks.delivered and picks.products


def test_reads_smoke(bench_dir: Path, tmp_path: Path) -> None:
    result = reads.run(
        [TINY], n=5, max_seconds=10, store_for=lambda k: sqlite_store(k, where=bench_dir)
    )
    labels = [row[0] for row in result.rows]
    assert "get_order_status (dispatcher, customer)" in labels
    assert any(label.startswith("raw SQL") for label in labels)
    assert all(row[2] == "5" for row in result.rows)  # every path ran n times
    out = tmp_path / "B.md"
    result.publish_to(out)
    section = read_bench_section("reads", out)
    assert section and "ratio to baseline" in section and "load average" in section


def test_schemas_command_writes_its_section(tmp_path: Path) -> None:
    out = tmp_path / "B.md"
    done = CliRunner().invoke(app, ["bench", "schemas", "-n", "3", "--out", str(out)])
    assert done.exit_code == 0, done.output
    section = read_bench_section("schemas", out)
    assert section and "support/customer" in section
    assert schemas.run(n=2, max_seconds=5).rows
