"""Store actions told from their structured result, in each language."""

from __future__ import annotations

from app.agent.offline import fmt
from app.agent.offline.i18n import t as engine_t
from app.i18n import t
from app.i18n.actions import action_name, action_summary, action_title

RETURN = {
    "order_id": "ORD-66120",
    "items": [{"item_id": "HPN-700-BLK", "name": "Headphones", "price": "263.99"}],
    "refund_amount": "263.99",
    "payment_method_id": "credit_card_9821001",
    "status": "return requested",
}


def test_tool_names_of_every_toolset_map_to_the_store_action():
    assert action_name("process_return") == "request_return"
    assert action_name("return_delivered_order_items") == "request_return"
    assert action_name("cancel_pending_order") == "cancel_order"
    assert action_name("something_new") == "other"
    assert action_title("exchange_items", "vi") == "Đổi hàng"
    assert action_title("something_new", "pt") == "Alteração"


def test_a_return_summary_in_each_language():
    assert action_summary(RETURN, "en", name="process_return") == (
        "Return 1 item(s) of order ORD-66120. Refund: $263.99."
    )
    assert action_summary(RETURN, "vi", name="process_return") == (
        "Trả 1 sản phẩm của đơn ORD-66120. Hoàn tiền: 263,99\xa0US$."
    )
    assert action_summary(RETURN, "pt", name="process_return", with_status=True) == (
        "Devolver 1 item(ns) do pedido ORD-66120. Reembolso: US$\xa0263,99. "
        "Status do pedido: devolução solicitada."
    )


def test_an_address_change_shows_the_address_as_stored():
    result = {
        "action": "change_shipping_address",
        "order_id": "ORD-1",
        "address": {"address1": "Rua Augusta, 1508", "city": "São Paulo", "zip": "01304-001"},
    }
    assert (
        action_summary(result, "vi")
        == "Giao đơn ORD-1 đến Rua Augusta, 1508, São Paulo, 01304-001."
    )


def test_engine_sentences_name_the_buttons_with_the_buttons_own_labels():
    for locale in ("en", "vi", "pt"):
        confirm = t("chat.confirm.button", locale)
        cancel = t("chat.cancel.button", locale)
        assert confirm in engine_t(locale, "preview_footer")
        assert cancel in engine_t(locale, "preview_footer")
        assert confirm in engine_t(locale, "confirm_hint")
        assert confirm in t("confirm.footer", locale, confirm=confirm, cancel=cancel)


def test_option_names_and_values_are_translated_and_unknown_ones_kept():
    options = {"color": "green", "size": "45mm", "finish": "brushed titanium"}
    assert fmt.options("pt", options) == "cor: verde, tamanho: 45mm, acabamento: brushed titanium"
    assert fmt.options("vi", options) == "màu: xanh lá, kích cỡ: 45mm, hoàn thiện: brushed titanium"
    assert fmt.options("en", options) == "color: green, size: 45mm, finish: brushed titanium"


def test_tracking_updates_by_wording_then_by_status_else_as_they_are():
    assert (
        fmt.tracking("pt", "Arrived at sort facility", "in_transit")
        == "Chegou ao centro de triagem"
    )
    assert fmt.tracking("vi", "Scanned somewhere odd", "out_for_delivery") == "Đang giao hàng"
    assert fmt.tracking("vi", "Scanned somewhere odd", "weird") == "Scanned somewhere odd"
    assert (
        fmt.tracking("en", "Arrived at sort facility", "in_transit") == "Arrived at sort facility"
    )


def test_engine_money_and_dates_follow_the_locale():
    assert fmt.money("vi", "1234.5") == "1.234,50\xa0US$"
    assert fmt.money("en", "1234.5") == "$1,234.50"
    assert fmt.when("pt", "2024-05-03T10:00:00Z") == "3 de mai. de 2024"
    assert fmt.join("vi", ["a", "b", "c"]) == "a, b và c"
