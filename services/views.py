"""Allow-listed output models of the read services.

Services return these, never ORM rows: each field here is a deliberate decision to show
it, so a new column cannot reach a model or a customer by accident. Money is Decimal
(serialised as a string in JSON mode, so no float ever rounds it).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class Address(View):
    address1: str
    address2: str
    city: str
    state: str
    country: str
    zip: str


class OrderLine(View):
    position: int
    item_id: str
    product_id: str
    name: str
    price: Decimal
    options: dict[str, str]


class LedgerLine(View):
    transaction_type: str  # payment | refund
    amount: Decimal
    payment_method_id: str


class TrackingEventView(View):
    occurred_at: datetime
    location: str
    status: str
    description: str


class FulfillmentView(View):
    carrier: str | None
    tracking_ids: list[str]
    item_ids: list[str]
    shipped_at: datetime | None
    estimated_delivery: date | None
    delivered_at: datetime | None
    # None when tracking events were not asked for; [] when there are none.
    events: list[TrackingEventView] | None = None


class ReturnRecordView(View):
    id: str
    kind: str  # return | exchange
    status: str  # requested | received | cancelled
    item_ids: list[str]
    new_item_ids: list[str] | None
    reason: str
    payment_method_id: str
    refund_amount: Decimal | None
    price_difference: Decimal | None
    label_url: str | None
    pickup_date: date | None
    created_at: datetime
    received_at: datetime | None


class OrderTotals(View):
    items: Decimal  # sum of the line prices
    paid: Decimal  # sum of payments in the ledger
    refunded: Decimal  # sum of refunds in the ledger
    net: Decimal  # paid - refunded


class OrderView(View):
    order_id: str
    customer_id: str
    status: str
    placed_at: datetime | None
    updated_at: datetime
    shipping_address: Address
    items: list[OrderLine]
    totals: OrderTotals
    payment_history: list[LedgerLine]
    fulfillments: list[FulfillmentView]
    estimated_delivery: date | None  # the latest estimate over the fulfillments
    delivered_at: datetime | None  # set once every fulfillment is delivered
    # Present only once the matching action happened (the benchmark's shape).
    cancel_reason: str | None = None
    return_items: list[str] | None = None
    return_payment_method_id: str | None = None
    exchange_items: list[str] | None = None
    exchange_new_items: list[str] | None = None
    exchange_payment_method_id: str | None = None
    exchange_price_difference: Decimal | None = None
    requests: list[ReturnRecordView] = []


class PaymentMethodView(View):
    id: str
    source: str  # credit_card | paypal | gift_card
    brand: str | None = None
    last_four: str | None = None  # never more of a card number than this
    balance: Decimal | None = None  # gift cards only


class OrderSummary(View):
    order_id: str
    status: str
    placed_at: datetime | None
    item_count: int
    total: Decimal


class CustomerTotals(View):
    order_count: int
    net_spent: Decimal  # payments minus refunds over all orders


class CustomerView(View):
    customer_id: str
    first_name: str
    last_name: str
    email: str
    phone: str | None
    tier: str
    member_since: date | None
    locale: str
    address: Address
    payment_methods: list[PaymentMethodView]
    # Every order id in the customer's own order (the benchmark's user.orders).
    order_ids: list[str]
    totals: CustomerTotals
    # The 10 most recent orders, only when asked for.
    recent_orders: list[OrderSummary] | None = None


class CustomerMatch(View):
    customer_id: str
    first_name: str
    last_name: str


class VariantView(View):
    item_id: str
    options: dict[str, str]
    price: Decimal
    available: bool
    in_stock: int  # units over all warehouses


class ShippingOption(View):
    method: str
    days: str
    price: Decimal


class ProductView(View):
    product_id: str
    name: str
    category: str
    description: str
    # The asked-for variant when a SKU was given, else None.
    item_id: str | None
    price: Decimal | None  # the SKU's price, or the lowest available variant's
    price_range: tuple[Decimal, Decimal] | None
    variants: list[VariantView]
    info_type: str  # specs | warranty | shipping | all
    # Filled according to info_type (None when not asked for).
    specs: dict[str, object] | None = None
    warranty: str | None = None
    shipping_options: list[ShippingOption] | None = None
    returnable: bool | None = None
    return_window_days: int | None = None


class ProductType(View):
    name: str
    product_id: str


class WarehouseStock(View):
    warehouse_id: str
    name: str
    city: str
    state: str
    zip: str
    quantity: int
    distance: int | None  # zip-prefix distance to the asked zip; None without a zip


class VariantAvailability(View):
    item_id: str
    options: dict[str, str]
    price: Decimal
    available: bool
    total_quantity: int
    warehouses: list[WarehouseStock]


class Availability(View):
    sku: str
    product_id: str
    product_name: str
    quantity_needed: int
    total_quantity: int
    can_fulfill: bool
    variants: list[VariantAvailability]
    nearest_warehouse: WarehouseStock | None
    ships_in_days: int | None  # business days until it leaves the warehouse
    transit_days: int | None
    estimated_delivery: date | None
    note: str


class HandoffView(View):
    ticket_id: str
    status: str
    reason_category: str
    customer_id: str | None
    conversation_id: str | None
    created_at: datetime
