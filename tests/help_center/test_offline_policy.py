"""The offline engine answers store-wide policy questions from the help center, in the
customer's language, quoting the best passage and citing its article; a question the help
center cannot answer gets an honest "not found" and the offer of a person."""

from __future__ import annotations

import pytest

from app.agent.offline.intents import detect_intents
from services.uow import UowFactory
from tests.agent.offline.live import LiveChat

CASES = [
    ("en", "What is your return policy?", "returns-and-refunds.en", "Returns and refunds"),
    ("en", "How long does shipping take?", "delivery-times.en", "Delivery times and tracking"),
    ("en", "Do you ship to Brazil?", "shipping-options.en", "Shipping options and costs"),
    ("en", "What are your opening hours?", "contact-us.en",
     "Contacting a person and opening hours"),
    ("en", "Can I pay with PayPal?", "payment-methods.en", "Payment methods and gift cards"),
    ("vi", "chính sách đổi trả thế nào?", "returns-and-refunds.vi",
     "Chính sách đổi trả và hoàn tiền"),
    ("vi", "giao hàng mất bao lâu?", "delivery-times.vi", "Thời gian giao hàng và theo dõi đơn"),
    ("vi", "có giao hàng đến Brazil không?", "shipping-options.vi",
     "Phương thức giao hàng và phí vận chuyển"),
    ("vi", "giờ làm việc của cửa hàng thế nào?", "contact-us.vi",
     "Liên hệ nhân viên và giờ làm việc"),
    ("vi", "có thể thanh toán bằng PayPal không?", "payment-methods.vi",
     "Phương thức thanh toán và thẻ quà tặng"),
    ("pt", "Qual a política de devolução?", "returns-and-refunds.pt",
     "Política de devolução e reembolso"),
    ("pt", "Quanto tempo demora a entrega?", "delivery-times.pt",
     "Prazos de entrega e rastreamento"),
    ("pt", "Vocês enviam para o Brasil?", "shipping-options.pt", "Opções de envio e frete"),
    ("pt", "Qual o horário de atendimento?", "contact-us.pt",
     "Falar com uma pessoa e horário de atendimento"),
    ("pt", "Posso pagar com PayPal?", "payment-methods.pt",
     "Formas de pagamento e cartões-presente"),
]  # fmt: skip
SOURCE = {"en": "Source:", "vi": "Nguồn:", "pt": "Fonte:"}


@pytest.mark.parametrize(("lang", "question", "article", "title"), CASES)
def test_policy_question_is_answered_from_the_help_center_with_a_citation(
    demo: UowFactory, lang: str, question: str, article: str, title: str
) -> None:
    assert detect_intents(question)[:1] == ["policy"]
    turn = LiveChat(demo).say(question)
    assert turn.tools == ["search_help_center"]
    assert turn.calls[0][1]["locale"] == lang
    best = turn.results[0]["results"][0]
    assert best["article_id"] == article
    assert f"[{title}]" in turn.text and SOURCE[lang] in turn.text
    assert best["excerpt"] in turn.text  # the passage is quoted, not paraphrased


def test_the_return_policy_of_a_named_product_comes_from_the_product(demo: UowFactory) -> None:
    turn = LiveChat(demo).say("What is the return policy for UHD-4K-55?")
    assert "search_help_center" not in turn.tools and "get_product_info" in turn.tools
    assert "15" in turn.text  # the TV's own window, from its data


def test_a_question_the_help_center_cannot_answer_offers_a_person(demo: UowFactory) -> None:
    turn = LiveChat(demo).say("What is your policy on adopting unicorns?")
    assert turn.tools == ["search_help_center"]
    assert "couldn't find" in turn.text and "person" in turn.text
    assert "Source:" not in turn.text


def test_paying_with_my_gift_card_instead_is_still_a_payment_change() -> None:
    assert detect_intents("Can I pay with my gift card instead?")[:1] == ["change_payment"]
