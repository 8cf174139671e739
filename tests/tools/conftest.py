from tests.agent.conftest import (
    MICHAEL,
    SARAH,
    customer_ctx,
    demo,
    michael,
    sarah,
    staff,
    staff_auto,
    staff_ctx,
)

__all__ = [
    "MICHAEL",
    "SARAH",
    "customer_ctx",
    "demo",
    "michael",
    "sarah",
    "staff",
    "staff_auto",
    "staff_ctx",
]
