"""Typed domain errors.

Each carries a stable `code`, a `message` that is safe to show a customer or a model
(no SQL, no stack, no other customer's data) and a `hint` telling the model what to do
next. Callers map them to structured results; nothing else of an exception is shown.

Where the tau-bench retail spec defines an error string for a failed check, the error
carries it verbatim in `details["tau_error"]` (e.g. "Error: order not found"), so the
`tau-retail` toolset can answer with the benchmark's text without repeating the checks.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    code: ClassVar[str] = "domain_error"
    default_message: ClassVar[str] = "The request could not be completed."
    default_hint: ClassVar[str] = ""

    def __init__(
        self, message: str | None = None, *, hint: str | None = None, **details: Any
    ) -> None:
        self.message = message or self.default_message
        self.hint = self.default_hint if hint is None else hint
        self.details = details
        super().__init__(self.message)

    @property
    def tau_error(self) -> str | None:
        value = self.details.get("tau_error")
        return value if isinstance(value, str) else None

    def to_dict(self) -> dict[str, str]:
        return {"error": self.code, "detail": self.message, "hint": self.hint}


class NotFound(DomainError):
    code = "not_found"
    default_message = "Not found."
    default_hint = "Check the id and ask the customer to confirm it."


class InvalidState(DomainError):
    code = "invalid_state"
    default_message = "The order is not in a state that allows this action."
    default_hint = "Tell the customer what the current status allows; do not retry."


class PolicyViolation(DomainError):
    code = "policy_violation"
    default_message = "The store's policy does not allow this."
    default_hint = "Explain the policy to the customer; offer a hand-off if they insist."


class InvalidRequest(DomainError):
    code = "invalid_request"
    default_message = "The request is not valid."
    default_hint = "Correct the arguments and try again."


class InsufficientFunds(DomainError):
    code = "insufficient_funds"
    default_message = "The gift card balance is too low for this amount."
    default_hint = "Ask the customer for another payment method."


class OutOfStock(DomainError):
    code = "out_of_stock"
    default_message = "The requested item is not available in that quantity."
    default_hint = "Offer another variant or a smaller quantity."


class IdempotencyConflict(DomainError):
    code = "idempotency_conflict"
    default_message = "This confirmation id was already used for a different request."
    default_hint = "Preview the action again to get a new confirmation id."


class PermissionDenied(DomainError):
    code = "permission_denied"
    default_message = "This action is not available in this session."
    default_hint = "Only staff can do this; offer a transfer to a human agent."


def order_not_found() -> NotFound:
    # The same error whether the order is missing or belongs to someone else, so a
    # customer cannot probe for other customers' order ids.
    return NotFound(
        "Order not found.",
        hint="Check the id with the customer; it looks like ORD-12345 or #W1234567.",
        tau_error="Error: order not found",
    )


def customer_not_found() -> NotFound:
    return NotFound(
        "Customer not found.",
        hint="Ask for the email on the account, or first name, last name and zip code.",
        tau_error="Error: user not found",
    )


def product_not_found() -> NotFound:
    return NotFound(
        "Product not found.",
        hint="Check the SKU or product id, or list the product types to find it.",
        tau_error="Error: product not found",
    )


def payment_method_not_found() -> NotFound:
    return NotFound(
        "Payment method not found.",
        hint="Use one of the payment method ids on the customer's profile.",
        tau_error="Error: payment method not found",
    )
