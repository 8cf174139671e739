"""BENCHMARKS.md sections and the standard header every bench prints.

Each bench owns one section between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``;
writing it replaces that section only, so benches (and the people running them) never
overwrite each other's figures.
"""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

TITLE = (
    "# Benchmarks\n\n"
    "Figures from `storedesk bench …` (`make bench`); each section is rewritten by its bench.\n"
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


def _markers(name: str) -> tuple[str, str]:
    if not _NAME.match(name):
        raise ValueError(f"bench section name {name!r} must match {_NAME.pattern}")
    return f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"


def write_bench_section(name: str, markdown: str, path: str | Path = "BENCHMARKS.md") -> Path:
    """Replace the section ``name`` of ``path`` with ``markdown`` (appended when missing).

    Everything outside the section, other sections included, is kept byte for byte.
    """
    start, end = _markers(name)
    file = Path(path)
    text = file.read_text(encoding="utf-8") if file.exists() else TITLE
    block = f"{start}\n{markdown.strip()}\n{end}"
    begin_at = text.find(start)
    end_at = text.find(end, begin_at + len(start)) if begin_at >= 0 else -1
    if begin_at >= 0 and end_at >= 0:
        text = text[:begin_at] + block + text[end_at + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def read_bench_section(name: str, path: str | Path = "BENCHMARKS.md") -> str | None:
    """The markdown of section ``name``, or None when the file or section is missing."""
    start, end = _markers(name)
    file = Path(path)
    if not file.exists():
        return None
    text = file.read_text(encoding="utf-8")
    begin_at = text.find(start)
    end_at = text.find(end, begin_at + len(start)) if begin_at >= 0 else -1
    if begin_at < 0 or end_at < 0:
        return None
    return text[begin_at + len(start) : end_at].strip()


@dataclass(frozen=True)
class Machine:
    cpu_model: str
    cores: int
    ram_gib: float
    python: str
    date: datetime
    load: tuple[float, float, float]

    def line(self) -> str:
        load = ", ".join(f"{x:.2f}" for x in self.load)
        return (
            f"{self.cpu_model}, {self.cores} cores, {self.ram_gib:.1f} GiB RAM; "
            f"Python {self.python}; {self.date:%Y-%m-%d %H:%M} UTC; load average {load}"
        )


def machine() -> Machine:
    """This machine and its load right now (the load says how trustworthy a figure is)."""
    return Machine(
        cpu_model=_cpu_model(),
        cores=os.cpu_count() or 1,
        ram_gib=_ram_gib(),
        python=platform.python_version(),
        date=datetime.now(UTC),
        load=os.getloadavg(),
    )


def header(title: str, before: Machine, after: Machine | None = None) -> str:
    """The standard opening of a section: what ran, where, when and how busy it was."""
    lines = [f"## {title}", "", f"- machine: {before.line()}"]
    if after is not None:
        lines.append(f"- load average after: {', '.join(f'{x:.2f}' for x in after.load)}")
    return "\n".join(lines) + "\n"


def _cpu_model() -> str:
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.lower().startswith("model name"):
                return row.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _ram_gib() -> float:
    try:
        for row in Path("/proc/meminfo").read_text().splitlines():
            if row.startswith("MemTotal:"):
                return int(row.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError, AttributeError):
        return 0.0
