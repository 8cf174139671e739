"""Order and customer actions, each a use case in one transaction (see services/README.md).

`ACTIONS` maps an action name to its spec, for `services.confirmations.preview/confirm`.
"""

from services.actions.address import (
    DEFAULT_ADDRESS,
    SHIPPING_ADDRESS,
    ChangeDefaultAddress,
    ChangeShippingAddress,
    change_default_address,
    change_shipping_address,
)
from services.actions.base import ActionResult, ActionSpec, ItemChange
from services.actions.cancel import CANCEL, CANCEL_REASONS, CancelOrder, cancel_order
from services.actions.exchange import EXCHANGE, RequestExchange, request_exchange
from services.actions.items import MODIFY_ITEMS, ModifyItems, modify_items
from services.actions.payment import PAYMENT, ChangePaymentMethod, change_payment_method
from services.actions.receive_return import RECEIVE_RETURN, ReceiveReturn, receive_return
from services.actions.returns import RETURN, RETURN_REASONS, RequestReturn, request_return

ACTIONS: dict[str, ActionSpec] = {
    spec.name: spec
    for spec in (
        CANCEL,
        SHIPPING_ADDRESS,
        DEFAULT_ADDRESS,
        PAYMENT,
        MODIFY_ITEMS,
        RETURN,
        EXCHANGE,
        RECEIVE_RETURN,
    )
}

__all__ = [
    "ACTIONS",
    "CANCEL_REASONS",
    "RETURN_REASONS",
    "ActionResult",
    "ActionSpec",
    "CancelOrder",
    "ChangeDefaultAddress",
    "ChangePaymentMethod",
    "ChangeShippingAddress",
    "ItemChange",
    "ModifyItems",
    "ReceiveReturn",
    "RequestExchange",
    "RequestReturn",
    "cancel_order",
    "change_default_address",
    "change_payment_method",
    "change_shipping_address",
    "modify_items",
    "receive_return",
    "request_exchange",
    "request_return",
]
