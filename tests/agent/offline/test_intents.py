"""Intent and language detection, per language, with and without Vietnamese diacritics."""

from __future__ import annotations

import pytest

from app.agent.offline.intents import detect_intent, detect_intents, detect_language

CASES = {
    "en": [
        ("Where is my order ORD-78342?", "order_status"),
        ("Can you track my package?", "order_status"),
        ("Is UHD-4K-55 in stock?", "availability"),
        ("What's the warranty on UHD-4K-55?", "product_info"),
        ("What are the specs of WEP-2024", "product_info"),
        ("What is the return policy for UHD-4K-55?", "product_info"),
        ("Show me my account details", "account"),
        ("I want to return ORD-66120", "return"),
        ("Please cancel order ORD-92010", "cancel"),
        ("I need to change the shipping address of ORD-92010", "change_address"),
        ("Can I pay with my gift card instead?", "change_payment"),
        ("Change the item in ORD-92010 to a different color", "change_items"),
        ("I'd like to exchange the headphones", "exchange"),
        ("Let me talk to a human", "human"),
        ("Hello", "greeting"),
        ("Thanks a lot!", "thanks"),
        ("help", "help"),
        ("What do you sell?", "catalog"),
    ],
    "vi": [
        ("Đơn hàng ORD-78342 của tôi đâu rồi?", "order_status"),
        ("don hang ORD-78342 cua toi dau roi", "order_status"),
        ("UHD-4K-55 còn hàng không?", "availability"),
        ("UHD-4K-55 con hang khong", "availability"),
        ("Bảo hành của UHD-4K-55 thế nào?", "product_info"),
        ("thông số kỹ thuật của WEP-2024", "product_info"),
        ("Cho tôi xem thông tin tài khoản", "account"),
        ("Tôi muốn trả hàng đơn ORD-66120", "return"),
        ("toi muon tra hang", "return"),
        ("Hủy đơn ORD-92010", "cancel"),
        ("huy don ORD-92010", "cancel"),
        ("Tôi muốn đổi địa chỉ giao hàng", "change_address"),
        ("doi dia chi giao hang", "change_address"),
        ("Đổi phương thức thanh toán sang thẻ quà tặng", "change_payment"),
        ("Tôi muốn sửa đơn ORD-92010", "change_items"),
        ("Tôi muốn đổi tai nghe", "exchange"),
        ("toi muon doi tai nghe", "exchange"),
        ("Tôi muốn gặp nhân viên", "human"),
        ("Xin chào", "greeting"),
        ("Cảm ơn bạn", "thanks"),
        ("cam on", "thanks"),
        ("Giúp tôi với", "help"),
    ],
    "pt": [
        ("Onde está meu pedido ORD-78342?", "order_status"),
        ("Quero rastrear meu pedido", "order_status"),
        ("O UHD-4K-55 tem em estoque?", "availability"),
        ("Qual a garantia do UHD-4K-55?", "product_info"),
        ("Quais as especificações do WEP-2024?", "product_info"),
        ("Quero ver meus dados", "account"),
        ("Quero devolver o pedido ORD-66120", "return"),
        ("Quero cancelar o pedido ORD-92010", "cancel"),
        ("Quero trocar o endereço de entrega", "change_address"),
        ("Quero mudar a forma de pagamento", "change_payment"),
        ("Quero mudar a cor do item do pedido ORD-92010", "change_items"),
        ("Quero trocar os fones de ouvido", "exchange"),
        ("Quero falar com um atendente", "human"),
        ("Olá", "greeting"),
        ("Obrigado!", "thanks"),
        ("Preciso de ajuda", "help"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "intent"),
    [(lang, text, intent) for lang, cases in CASES.items() for text, intent in cases],
)
def test_intent_and_language(lang: str, text: str, intent: str) -> None:
    assert detect_intent(text) == intent
    assert detect_language(text) in (lang, None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Where is my order?", "en"),
        ("Đơn hàng của tôi đâu?", "vi"),
        ("don hang cua toi dau roi", "vi"),
        ("Onde está meu pedido?", "pt"),
        ("Não chegou ainda", "pt"),
        ("ORD-78342", None),
        ("ok", None),
    ],
)
def test_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_an_action_outranks_small_talk_and_questions() -> None:
    assert detect_intents("Hi! Please cancel ORD-92010, where is it now?") == [
        "cancel",
        "order_status",
        "greeting",
    ]


@pytest.mark.parametrize(
    "text",
    ["hey, ORD-78342?", "Kiểm tra giúp tôi đơn ORD-78342", "olá, pedido ORD-78342 por favor"],
)
def test_an_order_id_with_only_small_talk_asks_for_its_status(text: str) -> None:
    assert detect_intents(text)[0] == "order_status"


def test_small_talk_does_not_turn_an_action_into_a_status_question() -> None:
    assert detect_intents("hi, I want to return ORD-78342")[0] == "return"


def test_address_question_without_a_change_verb_is_not_a_change() -> None:
    assert "change_address" not in detect_intents("What address do you have on file?")


def test_change_of_address_is_not_an_exchange_in_portuguese() -> None:
    # "trocar" is both "exchange" and "change"; with "endereço" it is the address.
    assert detect_intents("quero trocar o endereço") == ["change_address"]


def test_vietnamese_wait_without_diacritics_typed_with_them_is_not_an_exchange() -> None:
    # "đợi" (wait) folds to "doi" like "đổi" (exchange); typed with marks it is not one.
    assert detect_intents("Tôi đã đợi đơn hàng hai tuần rồi") == []


def test_return_policy_is_a_product_question_not_a_return() -> None:
    assert detect_intents("what is your return policy for UHD-4K-55") == ["product_info"]
