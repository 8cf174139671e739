"""The demo store: a small hand-made store that shows every tool.

Dates are relative to the moment of seeding, so "delivered five days ago, still within
the 30-day return window" stays true whenever the demo is loaded.

What it holds (and which tool each record shows):
- ORD-78342: Sarah Johnson (CUST-9821, gold), in transit with FastShip Express,
  Chicago → Indianapolis; Wireless Earbuds Pro WEP-2024 and 2× USB-C cable UCC-2M.
- ORD-91234: Sarah, processed ("processing"), Mechanical Keyboard RGB MKR-104.
- ORD-66120: Sarah, delivered 5 days ago: eligible for a return.
- ORD-30987: Sarah, delivered 75 days ago: outside the return window.
- ORD-92010: Sarah, pending: to cancel or change.
- ORD-60215: Michael Chen (CUST-4410), pending, paid by gift card.
- ORD-70021 / ORD-80450: customers in Vietnam and Brazil.
- UHD-4K-55: 55-inch 4K TV, 3 in stock in Chicago only; SWX-300-45-GRN out of stock
  everywhere; MKR-104-BLU unavailable (discontinued).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from services.help_center.articles import write_article
from services.help_center.files import read_dir
from services.models import (
    Customer,
    Fulfillment,
    LedgerEntry,
    Order,
    OrderItem,
    PaymentMethod,
    Product,
    StockLevel,
    TrackingEvent,
    Variant,
    Warehouse,
)
from services.uow import UowFactory

# The demo store's help center: markdown files with front matter, one folder per language.
HELP_CENTER_DIR = Path(__file__).resolve().parent / "help_center"

WAREHOUSES = [
    {"id": "WH-CHI", "name": "Chicago", "city": "Chicago", "state": "IL", "zip": "60607"},
    {"id": "WH-DAL", "name": "Dallas", "city": "Dallas", "state": "TX", "zip": "75201"},
    {"id": "WH-LAX", "name": "Los Angeles", "city": "Los Angeles", "state": "CA", "zip": "90021"},
    {"id": "WH-SEA", "name": "Seattle", "city": "Seattle", "state": "WA", "zip": "98108"},
]

_STD_SHIPPING = [
    {"method": "standard", "days": "3-5", "price": "0.00"},
    {"method": "express", "days": "1-2", "price": "12.99"},
]

# product id -> (name, category, description, specs, warranty, return window, variants)
# variant: (item_id, options, price, available, {warehouse: quantity})
PRODUCTS: list[dict[str, Any]] = [
    {
        "id": "WEP-2024",
        "name": "Wireless Earbuds Pro",
        "category": "Audio",
        "description": "True wireless earbuds with active noise cancelling.",
        "specs": {
            "battery": "8 h (32 h with case)",
            "noise_cancelling": "active",
            "bluetooth": "5.3",
            "water_resistance": "IPX4",
        },
        "warranty": "1-year limited manufacturer warranty",
        "variants": [
            (
                "WEP-2024",
                {"color": "black"},
                "129.99",
                True,
                {"WH-CHI": 40, "WH-DAL": 25, "WH-LAX": 30, "WH-SEA": 12},
            ),
            (
                "WEP-2024-WHT",
                {"color": "white"},
                "129.99",
                True,
                {"WH-CHI": 15, "WH-DAL": 8, "WH-LAX": 0, "WH-SEA": 5},
            ),
        ],
    },
    {
        "id": "UCC-2M",
        "name": "USB-C Cable 2m",
        "category": "Accessories",
        "description": "Braided USB-C to USB-C cable, 100 W charging, 2 metres.",
        "specs": {"length": "2 m", "power": "100 W", "data": "USB 2.0 480 Mbps"},
        "warranty": "2-year warranty",
        "variants": [
            (
                "UCC-2M",
                {"color": "black", "length": "2m"},
                "14.99",
                True,
                {"WH-CHI": 300, "WH-DAL": 220, "WH-LAX": 180, "WH-SEA": 90},
            ),
        ],
    },
    {
        "id": "MKR-104",
        "name": "Mechanical Keyboard RGB",
        "category": "Computer accessories",
        "description": "Full-size mechanical keyboard with per-key RGB lighting.",
        "specs": {
            "layout": "full-size 104 keys",
            "connection": "USB-C, wired",
            "backlight": "per-key RGB",
            "keycaps": "PBT double-shot",
        },
        "warranty": "2-year limited warranty",
        "variants": [
            (
                "MKR-104",
                {"switch": "brown"},
                "89.99",
                True,
                {"WH-CHI": 20, "WH-DAL": 14, "WH-LAX": 9, "WH-SEA": 6},
            ),
            (
                "MKR-104-RED",
                {"switch": "red"},
                "89.99",
                True,
                {"WH-CHI": 11, "WH-DAL": 0, "WH-LAX": 7, "WH-SEA": 3},
            ),
            (
                "MKR-104-BLU",
                {"switch": "blue"},
                "94.99",
                False,
                {"WH-CHI": 0, "WH-DAL": 0, "WH-LAX": 0, "WH-SEA": 0},
            ),
        ],
    },
    {
        "id": "UHD-4K-55",
        "name": "55-inch 4K UHD TV",
        "category": "TV & Home Theater",
        "description": "55-inch 4K UHD smart TV with HDR10 and Dolby Vision.",
        "specs": {
            "screen": "55 in",
            "resolution": "3840x2160",
            "hdr": "HDR10, Dolby Vision",
            "refresh_rate": "120 Hz",
            "smart_tv": "yes",
        },
        "warranty": "2-year manufacturer warranty, in-home service",
        "return_window_days": 15,
        "shipping": [{"method": "freight", "days": "5-7", "price": "49.00"}],
        "variants": [
            (
                "UHD-4K-55",
                {"size": "55in"},
                "549.99",
                True,
                {"WH-CHI": 3, "WH-DAL": 0, "WH-LAX": 0, "WH-SEA": 0},
            ),
        ],
    },
    {
        "id": "HPN-700",
        "name": "Over-Ear Noise Cancelling Headphones",
        "category": "Audio",
        "description": "Over-ear wireless headphones with 30-hour battery.",
        "specs": {"battery": "30 h", "noise_cancelling": "adaptive", "weight": "250 g"},
        "warranty": "1-year limited warranty",
        "variants": [
            (
                "HPN-700-BLK",
                {"color": "black"},
                "249.00",
                True,
                {"WH-CHI": 18, "WH-DAL": 10, "WH-LAX": 14, "WH-SEA": 7},
            ),
            (
                "HPN-700-SLV",
                {"color": "silver"},
                "249.00",
                True,
                {"WH-CHI": 6, "WH-DAL": 4, "WH-LAX": 2, "WH-SEA": 0},
            ),
        ],
    },
    {
        "id": "SWX-300",
        "name": "Smart Watch X3",
        "category": "Wearables",
        "description": "Fitness smart watch with GPS and heart-rate monitoring.",
        "specs": {
            "display": "AMOLED",
            "gps": "yes",
            "battery": "7 days",
            "water_resistance": "5 ATM",
        },
        "warranty": "1-year limited warranty",
        "variants": [
            (
                "SWX-300-41-BLK",
                {"size": "41mm", "color": "black"},
                "199.00",
                True,
                {"WH-CHI": 9, "WH-DAL": 12, "WH-LAX": 5, "WH-SEA": 4},
            ),
            (
                "SWX-300-45-BLK",
                {"size": "45mm", "color": "black"},
                "229.00",
                True,
                {"WH-CHI": 7, "WH-DAL": 3, "WH-LAX": 6, "WH-SEA": 2},
            ),
            (
                "SWX-300-45-GRN",
                {"size": "45mm", "color": "green"},
                "229.00",
                True,
                {"WH-CHI": 0, "WH-DAL": 0, "WH-LAX": 0, "WH-SEA": 0},
            ),
        ],
    },
    {
        "id": "CFM-12",
        "name": "Drip Coffee Maker 12-Cup",
        "category": "Kitchen",
        "description": "Programmable 12-cup drip coffee maker with thermal carafe.",
        "specs": {
            "capacity": "12 cups",
            "carafe": "thermal stainless steel",
            "programmable": "yes",
        },
        "warranty": "1-year limited warranty",
        "variants": [
            (
                "CFM-12-SS",
                {"finish": "stainless steel"},
                "79.50",
                True,
                {"WH-CHI": 14, "WH-DAL": 19, "WH-LAX": 11, "WH-SEA": 8},
            ),
        ],
    },
    {
        "id": "BKP-30L",
        "name": "Travel Backpack 30L",
        "category": "Bags",
        "description": "Carry-on travel backpack with laptop sleeve.",
        "specs": {"volume": "30 L", "laptop_sleeve": "16 in", "material": "recycled nylon"},
        "warranty": "Lifetime warranty against manufacturing defects",
        "variants": [
            (
                "BKP-30L-GRY",
                {"color": "grey"},
                "119.00",
                True,
                {"WH-CHI": 10, "WH-DAL": 6, "WH-LAX": 9, "WH-SEA": 12},
            ),
            (
                "BKP-30L-NVY",
                {"color": "navy"},
                "119.00",
                True,
                {"WH-CHI": 4, "WH-DAL": 0, "WH-LAX": 3, "WH-SEA": 5},
            ),
        ],
    },
]

CUSTOMERS: list[dict[str, Any]] = [
    {
        "id": "CUST-9821",
        "first_name": "Sarah",
        "last_name": "Johnson",
        "email": "sarah.johnson@example.com",
        "phone": "+1 317-555-0142",
        "tier": "gold",
        "member_since": date(2019, 3, 14),
        "locale": "en_US",
        "address1": "1450 N Meridian St",
        "address2": "Apt 4B",
        "city": "Indianapolis",
        "state": "IN",
        "zip": "46202",
        "country": "USA",
        "payment_methods": [
            {
                "id": "credit_card_9821001",
                "source": "credit_card",
                "brand": "visa",
                "last_four": "4242",
            },
            {"id": "gift_card_9821002", "source": "gift_card", "balance": "60.00"},
        ],
    },
    {
        "id": "CUST-4410",
        "first_name": "Michael",
        "last_name": "Chen",
        "email": "michael.chen@example.com",
        "phone": "+1 206-555-0199",
        "tier": "silver",
        "member_since": date(2021, 8, 2),
        "locale": "en_US",
        "address1": "901 Pine St",
        "address2": "",
        "city": "Seattle",
        "state": "WA",
        "zip": "98101",
        "country": "USA",
        "payment_methods": [
            {"id": "gift_card_4410001", "source": "gift_card", "balance": "150.00"},
            {"id": "paypal_4410002", "source": "paypal"},
        ],
    },
    {
        "id": "CUST-7702",
        "first_name": "Lan",
        "last_name": "Nguyễn Thị",
        "email": "lan.nguyen@example.vn",
        "phone": "+84 24 3825 1234",
        "tier": "standard",
        "member_since": date(2023, 1, 20),
        "locale": "vi_VN",
        "address1": "12 Lý Thường Kiệt",
        "address2": "Phường Phan Chu Trinh, Quận Hoàn Kiếm",
        "city": "Hà Nội",
        "state": "Hà Nội",
        "zip": "100000",
        "country": "Vietnam",
        "payment_methods": [
            {
                "id": "credit_card_7702001",
                "source": "credit_card",
                "brand": "mastercard",
                "last_four": "5100",
            },
        ],
    },
    {
        "id": "CUST-5530",
        "first_name": "João",
        "last_name": "Silva",
        "email": "joao.silva@example.com.br",
        "phone": "+55 11 91234-5678",
        "tier": "platinum",
        "member_since": date(2018, 11, 5),
        "locale": "pt_BR",
        "address1": "Rua Augusta, 1508",
        "address2": "Apto 72",
        "city": "São Paulo",
        "state": "SP",
        "zip": "01304-001",
        "country": "Brazil",
        "payment_methods": [
            {
                "id": "credit_card_5530001",
                "source": "credit_card",
                "brand": "visa",
                "last_four": "1881",
            },
            {"id": "paypal_5530002", "source": "paypal"},
        ],
    },
]

# order id -> customer, status, days since placed, lines [(item_id, qty)], payment method,
# fulfillment: (carrier, tracking, shipped days ago, delivered days ago or None, events)
ORDERS: list[dict[str, Any]] = [
    {
        "id": "ORD-78342",
        "customer": "CUST-9821",
        "status": "in_transit",
        "placed": 4,
        "lines": [("WEP-2024", 1), ("UCC-2M", 2)],
        "pm": "credit_card_9821001",
        "fulfillment": {
            "carrier": "FastShip Express",
            "tracking": "FSX1234567890",
            "shipped": 2,
            "eta_in": 1,
            "from": "WH-CHI",
            "events": [
                (2.0, "Chicago, IL", "picked_up", "Picked up by carrier"),
                (1.6, "Chicago, IL", "departed", "Departed facility"),
                (0.9, "Indianapolis, IN", "arrived", "Arrived at destination facility"),
            ],
        },
    },
    {
        "id": "ORD-91234",
        "customer": "CUST-9821",
        "status": "processed",
        "placed": 1,
        "lines": [("MKR-104", 1)],
        "pm": "credit_card_9821001",
    },
    {
        "id": "ORD-66120",
        "customer": "CUST-9821",
        "status": "delivered",
        "placed": 12,
        "lines": [("HPN-700-BLK", 1), ("UCC-2M", 1)],
        "pm": "credit_card_9821001",
        "fulfillment": {
            "carrier": "FastShip Express",
            "tracking": "FSX5550001112",
            "shipped": 10,
            "delivered": 5,
            "from": "WH-CHI",
            "events": [
                (10.0, "Chicago, IL", "picked_up", "Picked up by carrier"),
                (7.0, "Indianapolis, IN", "out_for_delivery", "Out for delivery"),
                (5.0, "Indianapolis, IN", "delivered", "Delivered, left at front door"),
            ],
        },
    },
    {
        "id": "ORD-30987",
        "customer": "CUST-9821",
        "status": "delivered",
        "placed": 82,
        "lines": [("CFM-12-SS", 1)],
        "pm": "gift_card_9821002",
        "fulfillment": {
            "carrier": "UPS",
            "tracking": "1Z999AA10123456784",
            "shipped": 79,
            "delivered": 75,
            "from": "WH-DAL",
            "events": [
                (79.0, "Dallas, TX", "picked_up", "Picked up by carrier"),
                (75.0, "Indianapolis, IN", "delivered", "Delivered"),
            ],
        },
    },
    {
        "id": "ORD-92010",
        "customer": "CUST-9821",
        "status": "pending",
        "placed": 0.2,
        "lines": [("SWX-300-41-BLK", 1), ("BKP-30L-GRY", 1)],
        "pm": "credit_card_9821001",
    },
    {
        "id": "ORD-60215",
        "customer": "CUST-4410",
        "status": "pending",
        "placed": 0.5,
        "lines": [("MKR-104-RED", 1), ("UCC-2M", 1)],
        "pm": "gift_card_4410001",
    },
    {
        "id": "ORD-55102",
        "customer": "CUST-4410",
        "status": "shipped",
        "placed": 3,
        "lines": [("BKP-30L-NVY", 1)],
        "pm": "paypal_4410002",
        "fulfillment": {
            "carrier": "USPS",
            "tracking": "9400100000000000000001",
            "shipped": 1,
            "eta_in": 3,
            "from": "WH-SEA",
            "events": [(1.0, "Seattle, WA", "picked_up", "Accepted at USPS facility")],
        },
    },
    {
        "id": "ORD-70021",
        "customer": "CUST-7702",
        "status": "delivered",
        "placed": 20,
        "lines": [("SWX-300-41-BLK", 1)],
        "pm": "credit_card_7702001",
        "fulfillment": {
            "carrier": "DHL Express",
            "tracking": "JD014600003828374612",
            "shipped": 17,
            "delivered": 10,
            "from": "WH-LAX",
            "events": [
                (17.0, "Los Angeles, CA", "picked_up", "Shipment picked up"),
                (12.0, "Hà Nội, Vietnam", "customs", "Cleared customs"),
                (10.0, "Hà Nội, Vietnam", "delivered", "Delivered"),
            ],
        },
    },
    {
        "id": "ORD-80450",
        "customer": "CUST-5530",
        "status": "in_transit",
        "placed": 6,
        "lines": [("WEP-2024-WHT", 1), ("UCC-2M", 1)],
        "pm": "credit_card_5530001",
        "fulfillment": {
            "carrier": "DHL Express",
            "tracking": "JD014600009912837465",
            "shipped": 4,
            "eta_in": 3,
            "from": "WH-LAX",
            "events": [
                (4.0, "Los Angeles, CA", "picked_up", "Shipment picked up"),
                (2.0, "Campinas, Brazil", "customs", "In customs clearance"),
            ],
        },
    },
]


def build_rows(now: datetime | None = None) -> dict[str, list[dict[str, Any]]]:
    """The demo store as insertable rows, dated relative to `now`."""
    now = now or datetime.now(UTC)

    def ago(days: float) -> datetime:
        return now - timedelta(days=days)

    rows: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "warehouses",
            "products",
            "variants",
            "stock",
            "customers",
            "payment_methods",
            "orders",
            "order_items",
            "ledger",
            "fulfillments",
            "events",
        )
    }
    rows["warehouses"] = [dict(w, country="USA") for w in WAREHOUSES]
    variants: dict[str, dict[str, Any]] = {}
    for p in PRODUCTS:
        rows["products"].append(
            {
                "id": p["id"],
                "name": p["name"],
                "category": p["category"],
                "description": p["description"],
                "specs": p["specs"],
                "warranty": p["warranty"],
                "shipping_options": p.get("shipping", _STD_SHIPPING),
                "return_window_days": p.get("return_window_days", 30),
            }
        )
        for position, (item_id, options, price, available, stock) in enumerate(p["variants"]):
            variant = {
                "item_id": item_id,
                "product_id": p["id"],
                "position": position,
                "options": options,
                "price": Decimal(price),
                "available": available,
            }
            variants[item_id] = dict(variant, name=p["name"])
            rows["variants"].append(variant)
            rows["stock"].extend(
                {"warehouse_id": wh, "item_id": item_id, "quantity": qty}
                for wh, qty in stock.items()
            )
    for c in CUSTOMERS:
        methods = c["payment_methods"]
        rows["customers"].append({k: v for k, v in c.items() if k != "payment_methods"})
        for position, pm in enumerate(methods):
            rows["payment_methods"].append(
                {
                    "id": pm["id"],
                    "customer_id": c["id"],
                    "position": position,
                    "source": pm["source"],
                    "brand": pm.get("brand"),
                    "last_four": pm.get("last_four"),
                    "balance": Decimal(pm["balance"]) if "balance" in pm else None,
                }
            )
    customers = {c["id"]: c for c in CUSTOMERS}
    positions: dict[str, int] = {}
    for fid, o in enumerate(ORDERS, start=1):
        c = customers[o["customer"]]
        positions[c["id"]] = positions.get(c["id"], -1) + 1
        placed = ago(o["placed"])
        rows["orders"].append(
            {
                "id": o["id"],
                "customer_id": c["id"],
                "customer_position": positions[c["id"]],
                "status": o["status"],
                "placed_at": placed,
                "updated_at": placed,
                **{k: c[k] for k in ("address1", "address2", "city", "state", "zip", "country")},
            }
        )
        total = Decimal("0.00")
        item_ids: list[str] = []
        for item_id, qty in o["lines"]:
            v = variants[item_id]
            for _ in range(qty):
                rows["order_items"].append(
                    {
                        "order_id": o["id"],
                        "position": len(item_ids),
                        "item_id": item_id,
                        "product_id": v["product_id"],
                        "name": v["name"],
                        "price": v["price"],
                        "options": v["options"],
                    }
                )
                item_ids.append(item_id)
                total += v["price"]
        rows["ledger"].append(
            {
                "order_id": o["id"],
                "position": 0,
                "transaction_type": "payment",
                "amount": total,
                "payment_method_id": o["pm"],
                "created_at": placed,
            }
        )
        f = o.get("fulfillment")
        if f:
            delivered = ago(f["delivered"]) if "delivered" in f else None
            eta = (delivered or now + timedelta(days=f.get("eta_in", 0))).date()
            rows["fulfillments"].append(
                {
                    "id": fid,
                    "order_id": o["id"],
                    "position": 0,
                    "carrier": f["carrier"],
                    "tracking_ids": [f["tracking"]],
                    "item_ids": item_ids,
                    "shipped_at": ago(f["shipped"]),
                    "estimated_delivery": eta,
                    "delivered_at": delivered,
                }
            )
            rows["events"].extend(
                {
                    "fulfillment_id": fid,
                    "occurred_at": ago(days),
                    "location": location,
                    "status": status,
                    "description": description,
                }
                for days, location, status, description in f["events"]
            )
    return rows


def _advance_sequence(session: Session, model: type, rows: list[dict[str, object]]) -> None:
    """After rows inserted with explicit integer ids, move PostgreSQL's id sequence past
    them; otherwise the next row the app adds (a new shipment) collides with one of them.
    SQLite takes the next id from the table itself."""
    if session.get_bind().dialect.name != "postgresql" or not rows or "id" not in rows[0]:
        return
    if not isinstance(rows[0]["id"], int):
        return
    table = model.__tablename__  # type: ignore[attr-defined]
    session.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )
    )


def load_demo(uow_factory: UowFactory, now: datetime | None = None) -> dict[str, int]:
    """Insert the demo store, in one transaction; the store must be empty."""
    rows = build_rows(now)
    with uow_factory() as uow:
        for model, key in (
            (Warehouse, "warehouses"),
            (Product, "products"),
            (Variant, "variants"),
            (StockLevel, "stock"),
            (Customer, "customers"),
            (PaymentMethod, "payment_methods"),
            (Order, "orders"),
            (OrderItem, "order_items"),
            (LedgerEntry, "ledger"),
            (Fulfillment, "fulfillments"),
            (TrackingEvent, "events"),
        ):
            uow.session.execute(insert(model), rows[key])
            _advance_sequence(uow.session, model, rows[key])
        articles = read_dir(HELP_CENTER_DIR)
        for draft in articles:
            write_article(uow.session, draft, author="demo", now=now or datetime.now(UTC))
        uow.commit()
    counts = {key: len(value) for key, value in rows.items()}
    counts["help_articles"] = len(articles)
    return counts
