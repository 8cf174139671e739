"""One result table, printed to the terminal (rich) and written as markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from app.bench.report import Machine, header, machine, write_bench_section
from app.bench.timing import Stats, ms, ratio_text

STATS_COLUMNS = ("n", "median ms", "spread (IQR) ms", "p95 ms", "p99 ms")


def stats_cells(stats: Stats) -> list[str]:
    return [str(stats.n), ms(stats.median), ms(stats.spread), ms(stats.p95), ms(stats.p99)]


@dataclass
class Result:
    """What a bench found: one table, notes (targets met or missed, caveats) and the
    machine it ran on. `publish` prints it and writes its BENCHMARKS.md section."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    before: Machine = field(default_factory=machine)
    after: Machine | None = None

    def add(self, label: str, stats: Stats, baseline: Stats | None = None, *extra: str) -> None:
        cells = [label, *stats_cells(stats)]
        if "ratio to baseline" in self.columns:
            cells.append(ratio_text(stats.ratio(baseline)) if baseline else "baseline")
        self.rows.append([*cells, *extra])

    def markdown(self) -> str:
        self.after = self.after or machine()
        out = [header(self.title, self.before, self.after)]
        out.append("| " + " | ".join(self.columns) + " |")
        out.append("|" + "---|" * len(self.columns))
        for row in self.rows:
            padded = row + [""] * (len(self.columns) - len(row))
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in padded) + " |")
        if self.notes:
            out.append("")
            out.extend(f"- {note}" for note in self.notes)
        return "\n".join(out) + "\n"

    def print(self, console: Console) -> None:
        self.after = self.after or machine()
        table = Table(*self.columns, title=f"storedesk bench {self.name}: {self.title}")
        for row in self.rows:
            table.add_row(*(row + [""] * (len(self.columns) - len(row))))
        console.print(table)
        for note in self.notes:
            console.print(f"- {note}")
        console.print(f"machine: {self.before.line()}")
        console.print(f"load average after: {', '.join(f'{x:.2f}' for x in self.after.load)}")

    def publish(self, console: Console, path: str | None = "BENCHMARKS.md") -> None:
        self.print(console)
        if path:
            self.publish_to(path)
            console.print(f"wrote section {self.name!r} of {path}")

    def publish_to(self, path: str | Path) -> Path:
        return write_bench_section(self.name, self.markdown(), path)
