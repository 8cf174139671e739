"""The customer-safe line for a tool step ("Looking up your order…"), in any language.

One table for every surface that tells a customer what a tool is doing (the chat page,
the conversation API's stream): a customer never sees a tool's name or arguments.
"""

from __future__ import annotations

from app.i18n.catalog import t

# Tool name (either toolset) -> its step: catalogue keys tool.<step>.running / .done.
STEPS: dict[str, str] = {
    "get_order_status": "order", "get_order_details": "order",
    "check_product_availability": "stock",
    "get_product_info": "product", "get_product_details": "product",
    "list_product_types": "catalog", "list_all_product_types": "catalog",
    "get_customer_info": "account", "get_user_details": "account",
    "find_customer": "find_customer", "find_user_id_by_email": "find_customer",
    "find_user_id_by_name_zip": "find_customer",
    "process_return": "return", "return_delivered_order_items": "return",
    "cancel_order": "cancel", "cancel_pending_order": "cancel",
    "change_shipping_address": "address", "modify_pending_order_address": "address",
    "modify_user_address": "address",
    "change_payment_method": "payment", "modify_pending_order_payment": "payment",
    "modify_order_items": "items", "modify_pending_order_items": "items",
    "exchange_items": "exchange", "exchange_delivered_order_items": "exchange",
    "transfer_to_human": "human", "transfer_to_human_agents": "human",
    "search_help": "help", "search_help_center": "help",
}  # fmt: skip


def step_label(name: str, locale: str = "en", *, done: bool = False, ok: bool = True) -> str:
    """What a customer reads for tool ``name``: running, done, or failed."""
    text = t(f"tool.{STEPS.get(name, 'other')}.{'done' if done else 'running'}", locale)
    return t("tool.failed", locale, label=text) if done and not ok else text
