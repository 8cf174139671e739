"""A generated store gets its own help center, written from its own data."""

from __future__ import annotations

from sqlalchemy import func, select

from seed_data.generator import generate_store
from services.help_center.articles import get_article, list_articles
from services.help_center.search import search_help_center
from services.models import Fulfillment, Product
from services.uow import UowFactory
from tests.seed.helpers import small_spec


def test_generated_store_has_a_help_center_with_its_own_figures(uow_factory: UowFactory) -> None:
    counts = generate_store(uow_factory, small_spec(locales=("en_US", "vi_VN", "pt_BR")))
    assert counts["help_articles"] == 12
    assert {a.locale for a in list_articles(uow_factory)} == {"en", "vi", "pt"}
    with uow_factory() as uow:
        windows = uow.session.execute(
            select(Product.return_window_days, func.count())
            .where(Product.returnable.is_(True), Product.return_window_days > 0)
            .group_by(Product.return_window_days)
            .order_by(func.count().desc(), Product.return_window_days)
        ).all()
        carriers = set(uow.session.scalars(select(Fulfillment.carrier).distinct()))
    returns = get_article(uow_factory, article_id="returns-and-refunds.en")
    assert f"{windows[0][0]} days from delivery" in returns.body
    shipping = get_article(uow_factory, article_id="shipping-and-delivery.en")
    assert carriers and all(c in shipping.body for c in carriers)
    hits = search_help_center(uow_factory, query="chính sách đổi trả", locale="vi")
    assert hits[0].article_id == "returns-and-refunds.vi"
