"""`storedesk bench schemas`: what it costs to give the model the toolset's schemas.

Every model request carries the tools' JSON schemas. Deriving them from the argument
models on each request was the largest single cost of a turn; the loop now takes them from
a cache keyed by toolset and audience (`app.tools.schema.rendered`). The baseline is
`json.dumps` of the same list: what an HTTP adapter pays anyway to send it.
"""

from __future__ import annotations

import json
from functools import partial

from app.bench.stores import AS_OF
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, interleave
from app.tools import schema
from app.tools.context import ToolContext
from app.tools.toolsets import TOOLSETS
from services.models import Actor
from services.uow import UowFactory

COLUMNS = ["path", *STATS_COLUMNS, "ratio to baseline", "schema chars"]


def run(*, n: int = 300, max_seconds: float = 20.0) -> Result:
    result = Result("schemas", "toolset schemas per model request", list(COLUMNS))
    uow = UowFactory.__new__(UowFactory)  # never opened: schemas need no database
    contexts = {
        "customer": ToolContext(uow, Actor.CUSTOMER, customer_id="c", clock=lambda: AS_OF),
        "staff": ToolContext(uow, Actor.STAFF, clock=lambda: AS_OF),
    }
    for toolset in TOOLSETS.values():
        for who, ctx in contexts.items():
            tools = toolset.for_context(ctx)
            if not tools:  # tau-retail has no customer tools
                continue
            rendered = schema.render(tools, "openai")
            paths = {
                "baseline: json.dumps": lambda r=rendered: json.dumps(r),
                "render on every request": lambda t=tools: schema.render(t, "openai"),
            }
            if hasattr(schema, "rendered"):
                paths["cached (what the loop does)"] = partial(schema.rendered, toolset, ctx)
            samples = interleave(paths, n=n, max_seconds=max_seconds / 4)
            base = Stats.of(samples["baseline: json.dumps"])
            size = str(len(json.dumps(rendered)))
            for label, values in samples.items():
                stats = Stats.of(values)
                is_base = label.startswith("baseline")
                result.add(f"{toolset.name}/{who}: {label}", stats, None if is_base else base)
                result.rows[-1].append(size)
    return result
