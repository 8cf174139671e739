"""Every toolset by name: what `--toolset` and the settings choose from."""

from __future__ import annotations

from app.tools.base import ToolSet
from app.tools.support import SUPPORT
from app.tools.tau import TAU_RETAIL

DEFAULT_TOOLSET = "support"
TOOLSETS: dict[str, ToolSet] = {t.name: t for t in (SUPPORT, TAU_RETAIL)}


def get_toolset(name: str | None = None) -> ToolSet:
    key = name or DEFAULT_TOOLSET
    if key not in TOOLSETS:
        raise ValueError(f"Unknown toolset {key!r}; choose one of: {', '.join(TOOLSETS)}.")
    return TOOLSETS[key]
