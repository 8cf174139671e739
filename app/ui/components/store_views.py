"""Tables and detail panels of the Store page."""

from __future__ import annotations

import streamlit as st

from app.ui.components import fmt
from app.ui.components.text import code_inline, escape_inline, safe_markdown
from services import browse, browse_detail
from services.errors import DomainError
from services.uow import UowFactory


def _table(records: list[dict[str, object]]) -> None:
    # Tall enough for the rows up to ~8, then it scrolls (35 px a row, 38 px header).
    st.dataframe(
        records,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * max(len(records), 1), 320),
    )


def order_table(rows: list[browse.OrderRow]) -> None:
    _table(
        [
            {
                "Order": r.id,
                "Customer": f"{r.customer_name} ({r.customer_id})",
                "Status": r.status,
                "Placed": fmt.when(r.placed_at),
                "Items": r.items,
                "Total": fmt.money(r.total),
            }
            for r in rows
        ],
    )


def customer_table(rows: list[browse.CustomerRow]) -> None:
    _table(
        [
            {
                "Customer": r.id,
                "Name": r.name,
                "Email": r.email,
                "Tier": r.tier,
                "City": r.city,
                "Country": r.country,
                "Orders": r.orders,
            }
            for r in rows
        ],
    )


def product_table(rows: list[browse.ProductRow]) -> None:
    _table(
        [
            {
                "Product": r.id,
                "Name": r.name,
                "Category": r.category,
                "Variants": r.variants,
                "Price": fmt.money(r.min_price)
                if r.min_price == r.max_price
                else f"{fmt.money(r.min_price)} – {fmt.money(r.max_price)}",
                "In stock": r.in_stock,
            }
            for r in rows
        ],
    )


def order_page(uow: UowFactory, order_id: str) -> None:
    try:
        o = browse_detail.order_detail(uow, order_id=order_id)
    except DomainError as exc:
        st.error(exc.message)
        return
    with st.container(border=True):
        st.markdown(f"### {escape_inline(o.id)} {fmt.status_badge(o.status)}")
        st.markdown(
            f"**{escape_inline(o.customer_name)}** {code_inline(o.customer_id)} · placed "
            f"{fmt.when(o.placed_at)} · ships to {escape_inline(o.address or '—')}"
        )
        if o.cancel_reason:
            st.caption(f"Cancelled: {escape_inline(o.cancel_reason)}")
        items, money, shipping, requests = st.columns([3, 2, 3, 2])
        with items:
            st.markdown("**Items**")
            for line in o.items:
                st.markdown(
                    f"- {escape_inline(line.name)} {code_inline(line.item_id)} "
                    f"{fmt.money(line.price)}"
                    + (
                        f"  \n  :gray[{escape_inline(fmt.options(line.options))}]"
                        if line.options
                        else ""
                    )
                )
            st.markdown(f"**Total {fmt.money(o.total)}**")
        with money:
            st.markdown("**Ledger**")
            for entry in o.ledger:
                sign = "−" if entry.transaction_type == "refund" else ""
                st.markdown(
                    f"- {escape_inline(entry.transaction_type)}: "
                    f"{sign}{fmt.money(entry.amount)}  \n"
                    f"  :gray[{escape_inline(entry.payment_method)}]"
                )
        with shipping:
            st.markdown("**Fulfillment**")
            if not o.fulfillments:
                st.caption("Not shipped yet.")
            for f in o.fulfillments:
                st.markdown(
                    f"{escape_inline(f.carrier or 'Carrier')} · "
                    + ", ".join(code_inline(t) for t in f.tracking_ids)
                    + f"  \nshipped {fmt.when(f.shipped_at)}"
                    + (
                        f" · delivered {fmt.when(f.delivered_at)}"
                        if f.delivered_at
                        else f" · expected {fmt.when(f.estimated_delivery)}"
                    )
                )
                for e in reversed(f.events):
                    st.markdown(
                        f"- :gray[{fmt.when(e.occurred_at)}] **{escape_inline(e.status)}** "
                        f"{escape_inline(e.location)}"
                    )
        with requests:
            st.markdown("**Returns / exchanges**")
            if not o.requests:
                st.caption("None.")
            for r in o.requests:
                st.markdown(
                    f"{code_inline(r.id)} {escape_inline(r.kind)} {fmt.status_badge(r.status)}  \n"
                    f"{len(r.item_ids)} item(s) · {escape_inline(r.reason.replace('_', ' '))}"
                    + (
                        f" · refund {fmt.money(r.refund_amount)}"
                        if r.refund_amount is not None
                        else ""
                    )
                    + (f"  \npickup {fmt.when(r.pickup_date)}" if r.pickup_date else "")
                )


def customer_page(uow: UowFactory, customer_id: str) -> None:
    try:
        c = browse_detail.customer_detail(uow, customer_id=customer_id)
    except DomainError as exc:
        st.error(exc.message)
        return
    with st.container(border=True):
        st.markdown(f"### {escape_inline(c.name)} :gray[{escape_inline(c.id)}]")
        a, b = st.columns(2)
        a.markdown(
            f"{escape_inline(c.email)}  \n{escape_inline(c.phone or '')}  \n"
            f"{escape_inline(c.address)}  \ntier **{escape_inline(c.tier)}** · member since "
            f"{fmt.when(c.member_since)} · {escape_inline(c.locale)}"
        )
        b.markdown(
            "**Payment methods**  \n"
            + "  \n".join(
                f"{escape_inline(m.label)} :gray[{escape_inline(m.id)}]"
                + (f" · balance {fmt.money(m.balance)}" if m.balance is not None else "")
                for m in c.payment_methods
            )
        )
        order_table(browse.search_orders(uow, customer_id=c.id))


def product_page(uow: UowFactory, product_id: str) -> None:
    try:
        p = browse_detail.product_detail(uow, product_id=product_id)
    except DomainError as exc:
        st.error(exc.message)
        return
    with st.container(border=True):
        st.markdown(f"### {escape_inline(p.name)} :gray[{escape_inline(p.id)}]")
        st.markdown(safe_markdown(p.description))
        st.caption(
            f"{escape_inline(p.category)} · {escape_inline(p.warranty or 'no warranty listed')} · "
            + (f"returnable within {p.return_window_days} days" if p.returnable else "final sale")
        )
        st.markdown("**Stock by warehouse**")
        st.dataframe(
            [
                {
                    "SKU": v.item_id,
                    "Options": fmt.options(v.options),
                    "Price": fmt.money(v.price),
                    "Available": "yes" if v.available else "discontinued",
                    **v.stock,
                    "Total": v.total,
                }
                for v in p.variants
            ],
            hide_index=True,
            width="stretch",
        )
        if p.specs:
            st.markdown(
                "**Specs**  \n"
                + "  \n".join(
                    f"{escape_inline(str(k).replace('_', ' '))}: {escape_inline(v)}"
                    for k, v in p.specs.items()
                )
            )
