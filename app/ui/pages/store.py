"""Store (staff): search customers, orders and products; an order's full story; stock."""

from __future__ import annotations

import streamlit as st

from app.ui import deps
from app.ui.components import store_views
from app.ui.components.gate import require_staff
from services import browse
from services.models import OrderStatus

require_staff()
uow = deps.uow_factory()

st.title("Store")
orders_tab, customers_tab, products_tab = st.tabs(["Orders", "Customers", "Products"])

with orders_tab:
    a, b = st.columns([3, 2])
    query = a.text_input(
        "Search orders", placeholder="Order id, customer id or name", key="store_order_q"
    )
    status = b.selectbox("Status", ["any", *[s.value for s in OrderStatus]], key="store_order_s")
    orders = browse.search_orders(uow, query=query, status=None if status == "any" else status)
    store_views.order_table(orders)
    if orders:
        chosen = st.selectbox("Open order", [o.id for o in orders], key="store_order_pick")
        store_views.order_page(uow, chosen)

with customers_tab:
    query = st.text_input(
        "Search customers", placeholder="Name, email, id or zip", key="store_customer_q"
    )
    customers = browse.search_customers(uow, query=query, limit=200)
    store_views.customer_table(customers)
    if customers:
        chosen = st.selectbox(
            "Open customer",
            [c.id for c in customers],
            key="store_customer_pick",
            format_func=lambda cid: next(f"{c.name} · {c.id}" for c in customers if c.id == cid),
        )
        store_views.customer_page(uow, chosen)

with products_tab:
    a, b = st.columns([3, 2])
    query = a.text_input(
        "Search products", placeholder="Name, category, product id or SKU", key="store_product_q"
    )
    category = b.selectbox(
        "Category", ["any", *browse.product_categories(uow)], key="store_product_c"
    )
    products = browse.search_products(
        uow, query=query, category=None if category == "any" else category
    )
    store_views.product_table(products)
    if products:
        chosen = st.selectbox(
            "Open product",
            [p.id for p in products],
            key="store_product_pick",
            format_func=lambda pid: next(f"{p.name} · {p.id}" for p in products if p.id == pid),
        )
        store_views.product_page(uow, chosen)
