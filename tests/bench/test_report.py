"""BENCHMARKS.md sections and the timing figures every bench prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bench.report import machine, read_bench_section, write_bench_section
from app.bench.timing import Stats, interleave, measure, percentile


def test_write_creates_the_file_and_the_section(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    write_bench_section("reads", "| a | b |\n|---|---|\n| 1 | 2 |", path)
    text = path.read_text()
    assert text.startswith("# Benchmarks")
    assert "<!-- bench:reads -->\n| a | b |" in text
    assert text.rstrip().endswith("<!-- /bench:reads -->")
    assert read_bench_section("reads", path) == "| a | b |\n|---|---|\n| 1 | 2 |"


def test_write_replaces_only_its_own_section(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(
        "# Mine\n\nhand-written intro\n\n<!-- bench:kb -->\nkb figures\n<!-- /bench:kb -->\n"
        "\nbetween\n\n<!-- bench:reads -->\nold reads\n<!-- /bench:reads -->\n\ntrailer\n"
    )
    write_bench_section("reads", "new reads", path)
    write_bench_section("loop", "loop figures", path)
    text = path.read_text()
    assert "old reads" not in text
    assert read_bench_section("reads", path) == "new reads"
    assert read_bench_section("kb", path) == "kb figures"
    assert read_bench_section("loop", path) == "loop figures"
    # Everything outside the sections is kept byte for byte, in place.
    assert text.startswith("# Mine\n\nhand-written intro\n\n<!-- bench:kb -->")
    assert "\nbetween\n" in text and "\ntrailer\n" in text
    assert text.index("kb figures") < text.index("new reads") < text.index("loop figures")
    write_bench_section("reads", "newer", path)
    assert text.replace("new reads", "newer") == path.read_text()


def test_section_names_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_bench_section("bad name -->", "x", tmp_path / "B.md")
    assert read_bench_section("missing", tmp_path / "none.md") is None


def test_machine_header_names_cpu_cores_ram_date_and_load() -> None:
    here = machine()
    line = here.line()
    assert here.cores >= 1 and here.ram_gib > 0
    assert "cores" in line and "GiB RAM" in line and "load average" in line
    assert str(here.date.year) in line


def test_stats_figures() -> None:
    stats = Stats.of([float(x) for x in range(1, 101)])
    assert stats.n == 100
    assert stats.median == pytest.approx(50.5)
    assert stats.p95 == pytest.approx(95.05)
    assert stats.p99 == pytest.approx(99.01)
    assert stats.spread == pytest.approx(49.5)
    assert stats.ratio(Stats.of([10.1, 10.1])) == pytest.approx(5.0)
    assert percentile([1.0], 99) == 1.0
    assert Stats.of([]).n == 0


def test_measuring_is_bounded_in_count_and_time() -> None:
    calls: list[int] = []
    assert len(measure(lambda: calls.append(1), n=5, max_seconds=10, warmup=2)) == 5
    assert len(calls) == 7
    out = interleave({"a": lambda: None, "b": lambda: None}, n=1_000_000, max_seconds=0.05)
    assert 0 < len(out["a"]) < 1_000_000
    assert abs(len(out["a"]) - len(out["b"])) <= 1
