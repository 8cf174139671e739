"""The `support` toolset (the default): a store's customer-service desk.

Customer sessions see the customer variant of `get_customer_info` (no id argument: the
profile is the signed-in customer's) and no staff tool (`find_customer`); staff sessions
see the staff variant that takes a customer id or email.
"""

from app.tools.base import ToolSet
from app.tools.support import help_center, reads, writes

SUPPORT = ToolSet(
    "support",
    [
        *reads.READ_TOOLS,
        *writes.WRITE_TOOLS,
        *help_center.HELP_TOOLS,
    ],
    description=(
        "Customer-service desk: orders, products, stock, account, changes, hand-off, help articles."
    ),
)

__all__ = ["SUPPORT"]
