"""AppTest: a Vietnamese and a Portuguese customer see the chat chrome in their language.

"Chrome" is everything the app itself writes around the conversation: the title, the
sidebar, the suggestion chips, the tool step labels, the confirmation card with its
buttons, metrics and captions, the outcome toast. Messages (the customer's own and the
assistant's answers) are checked by the engine's conversation suite, not here; store data
inside the card (product names, SKUs) is shown as stored.

The check is a word list: every word of the English chrome strings in the catalogue, less
a few loanwords Portuguese uses as they are (so an English copy in a translation fails).
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select, update

from app.i18n.catalog import CATALOGUES
from app.ui.session import Identity
from services.models import Order, ReturnRequest
from tests.ui.conftest import SARAH, app

LAN = Identity(kind="customer", name="Lan Nguyễn Thị", customer_id="CUST-7702", locale="vi_VN")
JOAO = Identity(kind="customer", name="João Silva", customer_id="CUST-5530", locale="pt_BR")

CHROME = (
    "chat.",
    "confirm.",
    "action.",
    "tool.",
    "sidebar.",
    "provider.",
    "status.",
    "handoff.",
    "signin.",
    "payment.",
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_ICON = re.compile(r":material/[a-z_]+:")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_IDS.sub(" ", _PLACEHOLDER.sub(" ", text)))}


# Words Vietnamese or Portuguese use as they are in English.
LOANWORDS = {"chat", "status", "item", "offline", "email", "demo"}
# Order ids and SKUs ("ORD-78342", "UHD-4K-55") are data, not words.
_IDS = re.compile(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b")


def _english_chrome_words() -> set[str]:
    english: set[str] = set()
    for key, text in CATALOGUES["en"].items():
        if key.startswith(CHROME):
            english |= _words(text)
    return english - LOANWORDS


ENGLISH = _english_chrome_words()
NBSP = "\xa0"
MONEY = {
    "vi": re.compile(rf"^\d{{1,3}}(\.\d{{3}})*,\d{{2}}{NBSP}US\$$"),
    "pt": re.compile(rf"^US\${NBSP}\d{{1,3}}(\.\d{{3}})*,\d{{2}}$"),
}


def test_the_word_list_holds_the_english_chrome():
    assert {"confirm", "cancel", "refund", "looked", "order", "transit", "suggestions"} <= ENGLISH


def _say(at, text: str):
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def _chrome(at) -> list[str]:
    """Every piece of text the app writes around the messages."""
    in_messages = {m.value for bubble in at.chat_message for m in bubble.markdown}
    parts = [m.value for m in at.markdown if m.value not in in_messages]
    parts = [p for p in parts if not p.lstrip().startswith("<style>")]
    parts += [t.value for t in at.title] + [c.value for c in at.caption]
    parts += [b.label for b in at.button if not (b.key or "").startswith("chat_past_")]
    parts += [s.label for s in at.status]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [s.label for s in at.selectbox] + [c.placeholder for c in at.chat_input]
    parts += [e.value for e in [*at.info, *at.warning, *at.error]]
    parts += [t.value for t in at.toast]
    for pills in at.get("button_group"):
        parts += [pills.label, *pills.options]
    return [_ICON.sub(" ", str(p)) for p in parts]


def _english_in(texts: list[str]) -> dict[str, set[str]]:
    found = {text: _words(text) & ENGLISH for text in texts}
    return {text: words for text, words in found.items() if words}


def _returns(uow) -> int:
    with uow() as u:
        return int(u.session.scalar(select(func.count()).select_from(ReturnRequest)))


def _parcel_arrived(uow, order_id: str) -> None:
    # João's only order is still in transit in the demo store; it arrives for this test.
    with uow() as u:
        u.session.execute(update(Order).where(Order.id == order_id).values(status="delivered"))
        u.commit()


@pytest.mark.parametrize(
    ("identity", "locale", "order", "messages", "words"),
    [
        (
            LAN,
            "vi",
            "ORD-70021",
            ["Tôi muốn trả đơn ORD-70021", "sản phẩm bị lỗi"],
            ["Hỗ trợ trực tuyến", "Xác nhận", "Hủy", "Hoàn tiền", "Đã tra cứu đơn hàng"],
        ),
        (
            JOAO,
            "pt",
            "ORD-80450",
            ["Quero devolver o pedido ORD-80450", "veio com defeito"],
            ["Chat de atendimento", "Confirmar", "Cancelar", "Reembolso", "Pedido consultado"],
        ),
    ],
    ids=["vi", "pt"],
)
def test_a_customer_sees_the_chat_chrome_and_the_card_in_their_language(
    uow, identity, locale, order, messages, words
):
    if identity is JOAO:
        _parcel_arrived(uow, order)
    at = app(identity=identity)
    at.run()
    welcome = _chrome(at)
    assert _english_in(welcome) == {}
    chips = next(iter(at.get("button_group"))).options
    assert chips and order in chips[0]  # the chip names their order, in their words

    for text in messages:
        _say(at, text)
    card = [b for b in at.button if (b.key or "").startswith("confirm_yes_")]
    assert len(card) == 1, _chrome(at)
    chrome = _chrome(at)
    assert _english_in(chrome) == {}
    body = "\n".join(chrome)
    for word in words:
        assert word in body
    # The sentence under the card names the buttons exactly as they are labelled.
    buttons = {
        b.label for b in at.button if (b.key or "").startswith(("confirm_yes_", "confirm_no_"))
    }
    footer = next(c.value for c in at.caption if all(label in c.value for label in buttons))
    assert footer
    # Money: the store's currency (USD) written the locale's way.
    amounts = [m.value for m in at.metric]
    assert amounts and all(MONEY[locale].match(a) for a in amounts), amounts
    assert not re.search(r"\$\d", body)

    card[0].click()
    at.run()
    assert not at.exception, at.exception
    assert _returns(uow) == 1
    outcome = [t.value for t in at.toast]
    assert outcome and outcome[0].startswith(("Xong:", "Pronto:")), outcome
    assert _english_in(_chrome(at)) == {}


def test_the_language_can_be_switched_in_the_chat_and_stays_for_the_session(uow):
    at = app(identity=SARAH)  # Sarah's profile says en_US
    at.run()
    assert [t.value for t in at.title] == ["Support chat"]
    at.selectbox(key="chat_locale_select").set_value("pt").run()
    assert [t.value for t in at.title] == ["Chat de atendimento"]
    assert "Qual é a política de devolução?" in next(iter(at.get("button_group"))).options
    _say(at, "Onde está meu pedido ORD-78342?")
    assert [t.value for t in at.title] == ["Chat de atendimento"]  # still Portuguese
    assert "Pedido consultado" in [s.label for s in at.status]
    assert _english_in(_chrome(at)) == {}
    assert at.query_params["lang"] == "pt"  # in the URL: the pick survives a refresh


def test_a_refresh_keeps_the_language_picked_in_the_chat(uow):
    at = app(identity=SARAH)  # a new session, as after a refresh, with ?lang=vi in the URL
    at.query_params["lang"] = "vi"
    at.run()
    assert [t.value for t in at.title] == ["Hỗ trợ trực tuyến"]


def test_a_visitor_picks_a_language_on_the_sign_in_page(ui_db):
    at = app()
    at.run()
    assert "How can we help?" in [t.value for t in at.title]
    at.selectbox(key="signin_locale_select").set_value("vi").run()
    assert not at.exception, at.exception
    assert "Chúng tôi có thể giúp gì cho bạn?" in [t.value for t in at.title]
    assert "Tiếp tục" in [b.label for b in at.button]
    # Signing in as Sarah (profile: en_US): her profile's language, not the visitor's pick.
    at.selectbox(key="signin_pick").set_value("CUST-9821").run()
    at.button(key="signin_pick_go").click().run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Support chat"]
