"""The conversation loop, model adapters, conversation persistence and metrics.

The entry points, importable from here (loaded on first use, so importing
`app.agent.model` stays cheap for adapters):
- `run_turn` (app.agent.loop): one user message in, typed events out;
- `confirm_pending` / `cancel_pending` (app.agent.confirm): the caller applies or declines
  a previewed change;
- `make_model` (app.agent.providers): the adapter the settings choose.
The adapter protocol every model implements is documented in `app.agent.model`.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "run_turn": "app.agent.loop",
    "confirm_pending": "app.agent.confirm",
    "cancel_pending": "app.agent.confirm",
    "make_model": "app.agent.providers",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'app.agent' has no attribute {name!r}")
