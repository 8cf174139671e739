"""A tiny run of `storedesk bench api`, so the load script cannot rot: a real
`storedesk serve --workers 2` on a throw-away PostgreSQL database, signed webhooks and
SSE conversations at once, no failures, and its BENCHMARKS.md section written."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from app.bench import api_load
from app.bench.report import read_bench_section


@pytest.mark.postgres
@pytest.mark.slow
def test_the_load_script_runs_end_to_end_with_no_failures(tmp_path: Path, pg_server: str) -> None:
    result = api_load.run(webhooks=3, conversations=2, workers=2, rounds=1, baseline=2)
    assert [row[2] for row in result.rows] == ["0", "0", "0", "0"]  # failures per burst
    assert float(result.rows[1][3]) > 0  # requests per second measured
    out = tmp_path / "BENCHMARKS.md"
    result.publish(Console(file=open(tmp_path / "out.txt", "w")), str(out))  # noqa: SIM115
    section = read_bench_section("api", out)
    assert section is not None and "p99 ms" in section and "failures: 0" in section
