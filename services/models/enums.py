"""Closed vocabularies of the store, stored as checked strings (portable, readable in SQL)."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    # The benchmark's own spellings (spaces and parentheses included) are kept verbatim,
    # so an imported tau-bench store exports back byte for byte.
    PENDING = "pending"
    PROCESSED = "processed"
    SHIPPED = "shipped"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    PENDING_ITEM_MODIFIED = "pending (item modified)"
    RETURN_REQUESTED = "return requested"
    EXCHANGE_REQUESTED = "exchange requested"
    RETURNED = "returned"


class PaymentSource(StrEnum):
    CREDIT_CARD = "credit_card"
    PAYPAL = "paypal"
    GIFT_CARD = "gift_card"


class TransactionType(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


class Tier(StrEnum):
    STANDARD = "standard"
    SILVER = "silver"
    GOLD = "gold"
    PLATINUM = "platinum"


class RequestKind(StrEnum):
    RETURN = "return"
    EXCHANGE = "exchange"


class RequestStatus(StrEnum):
    REQUESTED = "requested"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class ConversationStatus(StrEnum):
    """Who holds the conversation (services.handoff owns the transitions):

    assistant -> waiting (a hand-off ticket is open) -> with_person (claimed by a named
    staff member) -> resolved, or handed back to the assistant from waiting/with_person;
    a customer writing after resolved reopens it (back to the person, or waiting).
    """

    ASSISTANT = "assistant"
    WAITING = "waiting"
    WITH_PERSON = "with_person"
    RESOLVED = "resolved"
    # Earlier names, kept as aliases so code written against them reads the same state.
    OPEN = "assistant"
    HANDED_OFF = "waiting"


class Actor(StrEnum):
    CUSTOMER = "customer"
    STAFF = "staff"
    SYSTEM = "system"


class TicketStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"
    RETURNED_TO_AI = "returned_to_ai"


def values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]
