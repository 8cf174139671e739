"""A generated store's help center, written from the store's own data once its catalogue
and orders exist: the return windows its products have, the shipping options and prices
they list, the carriers its orders travel with and the countries it serves. One set of
articles per language of the store (`--locales`), all published."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select

from seed_data.generator.catalog_data import CARRIERS
from seed_data.generator.help_text import ARTICLES, WORDS
from services.help_center.articles import make_draft, make_id, passage_rows
from services.models import Customer, Fulfillment, HelpArticle, HelpPassage, Product, Warehouse


def store_facts(connection: Connection) -> dict[str, Any]:
    windows: Counter[int] = Counter()
    final_sale = False
    options: dict[tuple[str, str, str], None] = {}
    for returnable, window, shipping in connection.execute(
        select(Product.returnable, Product.return_window_days, Product.shipping_options)
    ):
        if not returnable or not window:
            final_sale = True
            continue
        windows[int(window)] += 1
        raw = json.loads(shipping) if isinstance(shipping, str) else shipping
        for o in raw or []:
            options[(str(o["method"]), str(o["days"]), str(o["price"]))] = None
    carriers = sorted(
        c for c in connection.scalars(select(Fulfillment.carrier).distinct()) if c
    ) or list(CARRIERS)
    countries = sorted(
        {c for c in connection.scalars(select(Warehouse.country).distinct()) if c}
        | {c for c in connection.scalars(select(Customer.country).distinct()) if c}
    )
    return {
        "windows": windows,
        "final_sale": final_sale,
        "options": sorted(options, key=lambda o: (Decimal(o[2]), o[0])),
        "carriers": carriers,
        "countries": countries,
    }


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _shipping_table(options: list[tuple[str, str, str]], w: dict[str, str]) -> str:
    rows = [f"| {w['option']} | {w['days']} | {w['price']} |", "| --- | --- | --- |"]
    for method, days, price in options:
        cost = w["free"] if Decimal(price) == 0 else f"${Decimal(price):.2f}"
        rows.append(f"| {method} | {w['business_days'].format(days=days)} | {cost} |")
    return "\n".join(rows)


def write_help_center(connection: Connection, *, languages: list[str], now: datetime) -> int:
    """Insert the store's articles (inside the caller's transaction); how many."""
    facts = store_facts(connection)
    existing = set(connection.scalars(select(HelpArticle.id)))  # e.g. imported by staff
    windows: Counter[int] = facts["windows"]
    article_rows: list[dict[str, Any]] = []
    passages: list[dict[str, Any]] = []
    for lang in languages:
        w = WORDS[lang]
        fields = {
            "window": windows.most_common(1)[0][0] if windows else 30,
            "windows": _join([str(d) for d in sorted(windows)] or ["30"], w["and"]),
            "final_sale": w["final_sale"] if facts["final_sale"] else "",
            "shipping": _shipping_table(facts["options"], w),
            "carriers": _join(facts["carriers"], w["and"]),
            "countries": _join(facts["countries"] or ["USA"], w["and"]),
        }
        for slug, (category, title, tags, body) in ARTICLES[lang].items():
            if make_id(slug, lang) in existing:
                continue
            draft = make_draft(
                slug=slug, locale=lang, title=title, body=body.format(**fields),
                category=category, tags=tags, published=True,
            )  # fmt: skip
            row = {
                "id": make_id(slug, lang), **draft.model_dump(),
                "updated_at": now, "updated_by": "generator", "created_at": now,
            }  # fmt: skip
            article_rows.append(row)
            passages.extend(passage_rows(HelpArticle(**row)))
    if article_rows:
        connection.execute(insert(HelpArticle), article_rows)
        connection.execute(insert(HelpPassage), passages)
    return len(article_rows)
