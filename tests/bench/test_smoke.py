"""A smoke run of each benchmark at a tiny size, so the benches cannot rot.

These check that every bench runs end to end on a real generated store, measures its
paths beside their baselines and writes its BENCHMARKS.md section; they assert nothing
about speed (the figures on a tiny store on a busy machine mean nothing).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.bench import concurrency, loop, reads, schemas, turns, writes
from app.bench.report import read_bench_section
from app.bench.stores import Store, drop_postgres_store, postgres_store, sample, sqlite_store
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


def test_writes_smoke(bench_dir: Path) -> None:
    result = writes.run(
        orders=TINY, n=3, max_seconds=20, store_for=lambda k: sqlite_store(k, where=bench_dir)
    )
    assert [row[1] for row in result.rows] == ["3", "3", "3"]
    assert "0 error(s)" in result.notes[-1]


def test_loop_smoke(bench_dir: Path) -> None:
    result = loop.run(
        orders=TINY,
        turns=12,
        conversations_n=1,
        max_seconds=30,
        store_for=lambda k: sqlite_store(k, where=bench_dir),
    )
    labels = [row[0] for row in result.rows]
    assert "loop overhead, turns 1-10" in labels and "loop overhead, turns 3-12" in labels
    assert any("0 error(s)" in note for note in result.notes)


@pytest.fixture(scope="module")
def pg_store(pg_server: str) -> Iterator[Store]:
    store = postgres_store(TINY, name=f"storedesk_bench_test_{uuid.uuid4().hex[:8]}")
    yield store
    drop_postgres_store(store)


@pytest.mark.postgres
def test_turns_smoke(pg_store: Store) -> None:
    result = turns.run(orders=TINY, n=6, max_seconds=30, store_for=lambda k: pg_store)
    assert result.rows[1][0] == "offline turn (CPU)" and result.rows[1][1] == "6"
    assert any(note.startswith("0 error(s)") for note in result.notes)


@pytest.mark.postgres
def test_concurrency_smoke(pg_store: Store) -> None:
    # A few seconds: one turn can take most of a second on a loaded machine.
    result = concurrency.run(orders=TINY, workers=2, seconds=4, store_for=lambda k: pg_store)
    assert [row[0] for row in result.rows] == ["baseline: 1 process (sequential)", "2 processes"]
    for row in result.rows:
        assert float(row[1]) > 0 and row[2] == "0"  # turns/s, errors
