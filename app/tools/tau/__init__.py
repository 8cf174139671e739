"""The `tau-retail` toolset: the 16 tools of the tau-bench retail domain, by their exact
names and arguments, over this store's services (`../shared/specs/tau-retail.md`).

Staff/system sessions only: the benchmark's tools take user ids from the agent, which a
customer session must never do. Errors are the benchmark's plain ``Error: ...`` strings.
"""

from app.tools.base import ToolSet
from app.tools.tau.reads import READ_TOOLS
from app.tools.tau.writes import WRITE_TOOLS

TAU_RETAIL = ToolSet(
    "tau-retail",
    sorted([*READ_TOOLS, *WRITE_TOOLS], key=lambda tool: tool.name),
    description="The tau-bench retail domain's tools, for benchmark runs.",
    error_style="tau",
)

__all__ = ["TAU_RETAIL"]
