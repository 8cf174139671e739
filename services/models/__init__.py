"""The store's ORM model. Importing this package registers every table on `Base.metadata`."""

from services.models.api import ApiKey, WebhookDelivery
from services.models.base import CENT, Base, utcnow
from services.models.catalog import Product, StockLevel, Variant, Warehouse
from services.models.conversations import (
    Conversation,
    Feedback,
    HandoffTicket,
    IdempotencyRecord,
    Message,
    ToolCallRecord,
)
from services.models.customers import Customer, PaymentMethod
from services.models.enums import (
    Actor,
    ConversationStatus,
    OrderStatus,
    PaymentSource,
    RequestKind,
    RequestStatus,
    TicketStatus,
    Tier,
    TransactionType,
)
from services.models.help import HELP_CATEGORIES, HELP_LOCALES, HelpArticle, HelpPassage
from services.models.orders import (
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    ReturnRequest,
    TrackingEvent,
)

__all__ = [
    "CENT",
    "HELP_CATEGORIES",
    "HELP_LOCALES",
    "Actor",
    "ApiKey",
    "Base",
    "Conversation",
    "ConversationStatus",
    "Customer",
    "Feedback",
    "Fulfillment",
    "HandoffTicket",
    "HelpArticle",
    "HelpPassage",
    "IdempotencyRecord",
    "LedgerEntry",
    "Message",
    "Order",
    "OrderItem",
    "OrderStatus",
    "PaymentMethod",
    "PaymentSource",
    "Product",
    "RequestKind",
    "RequestStatus",
    "ReturnRequest",
    "StockLevel",
    "TicketStatus",
    "Tier",
    "ToolCallRecord",
    "TrackingEvent",
    "TransactionType",
    "Variant",
    "Warehouse",
    "WebhookDelivery",
    "utcnow",
]
