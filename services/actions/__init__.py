"""Order and customer actions, each a use case in one transaction (see services/README.md).

`ACTIONS` maps an action name to its spec, for `services.confirmations.preview/confirm`.
"""

from services.actions.base import ActionResult, ActionSpec, ItemChange
from services.actions.cancel import CANCEL, CancelOrder, cancel_order

ACTIONS: dict[str, ActionSpec] = {spec.name: spec for spec in (CANCEL,)}

__all__ = [
    "ACTIONS",
    "ActionResult",
    "ActionSpec",
    "CancelOrder",
    "ItemChange",
    "cancel_order",
]
