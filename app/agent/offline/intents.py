"""Which language a message is in and what the customer wants.

Intent detection matches folded keyword phrases; where phrases of two intents overlap
("return policy" over "return"), the longer one wins. Several intents in one message
are ranked by PRIORITY: an action ("cancel") beats a question ("status"), which beats
small talk ("hi"). Changing an address or a payment method needs both the object and a
change verb, so "what address do you have?" stays an account question.
"""

from __future__ import annotations

from functools import lru_cache

from app.agent.offline import lexicon as lx
from app.agent.offline.extract import extract
from app.agent.offline.text import any_phrase, fold

PRIORITY = (
    "human",
    "change_address",
    "change_payment",
    "cancel",
    "exchange",
    "change_items",
    "return",
    "order_status",
    "product_info",
    "availability",
    "account",
    "catalog",
    "help",
    "thanks",
    "greeting",
)
# Intents that change an order and so need an order id before anything else.
ORDER_ACTIONS = frozenset(
    {"cancel", "return", "exchange", "change_items", "change_address", "change_payment"}
)
SMALL_TALK = frozenset({"greeting", "thanks", "help"})

CHANGE_VERBS = lx.phrases(
    "change | update | modify | wrong | new | different | correct | edit | switch | instead | "
    "use | mudar | alterar | trocar | atualizar | novo | nova | corrigir | errado | usar | "
    "outro | outra | thay đổi | sửa | cập nhật | mới | khác | dùng | chuyển"
)
ADDRESS_WORDS = lx.phrases("address | endereço | địa chỉ")
ADDRESS_DIRECT = lx.phrases(
    "ship it to | send it to | deliver it to | ship to | deliver to | entregar em | "
    "enviar para | giao tới | giao đến | giao sang"
)
PAYMENT_WORDS = lx.phrases(
    "payment | pay | pagamento | pagar | thanh toán | trả bằng | gift card | paypal | cartão | "
    "thẻ tín dụng | thẻ quà tặng"
)
PAY_VERBS = lx.phrases("pay | paying | pagar | pague | thanh toán | trả tiền")
PAYMENT_SOURCES = lx.phrases(
    lx.GIFT_CARD + " | " + lx.PAYPAL + " | " + lx.CREDIT_CARD + " | " + lx.ORIGINAL_PAYMENT
)
ORDER_WORDS = lx.phrases("order | pedido | đơn | đơn hàng | item | produto | sản phẩm")


@lru_cache(maxsize=2048)
def detect_language(raw: str) -> str | None:
    """en, vi or pt; None when the message gives no clue (an id alone, "ok")."""
    lowered = raw.lower()
    if any(c in lx.VI_CHARS for c in lowered):
        return "vi"
    if any(spelling in lowered for spelling in lx.PT_SPELLINGS):
        return "pt"
    words = fold(raw).split()
    scores = {lang: sum(w in markers for w in words) for lang, markers in lx.MARKERS.items()}
    best = max(scores.values())
    if best == 0:
        return None
    leaders = [lang for lang in lx.LANGUAGES if scores[lang] == best]
    return leaders[0] if len(leaders) == 1 else None


def _spans(folded: str) -> tuple[set[str], str]:
    """Intents whose phrases occur, longest phrase winning where two overlap; and the text
    left once those phrases are taken out (where bare words may still be read)."""
    padded = f" {folded} "
    hits: list[tuple[int, int, str]] = []
    for intent, phrases in lx.FOLDED_INTENTS.items():
        for phrase in phrases:
            start = padded.find(f" {phrase} ")
            while start >= 0:
                hits.append((start + 1, start + 1 + len(phrase), intent))
                start = padded.find(f" {phrase} ", start + 1)
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for start, end, intent in hits:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            found.add(intent)
    rest = list(padded)
    for start, end in taken:
        rest[start:end] = " " * (end - start)
    return found, "".join(rest).strip()


def detect_intents(raw: str) -> list[str]:
    """Every intent the message expresses, most important first."""
    return list(_detect_intents(raw))


@lru_cache(maxsize=2048)
def _detect_intents(raw: str) -> tuple[str, ...]:
    folded = fold(raw)
    found, rest = _spans(folded)
    # The raw keyword tables only say "address" / "payment method"; a change needs a verb.
    found.discard("change_address")
    found.discard("change_payment")
    has_change_verb = any_phrase(folded, CHANGE_VERBS) or _vi_change(raw, rest)
    if (any_phrase(folded, ADDRESS_WORDS) and has_change_verb) or any_phrase(
        folded, ADDRESS_DIRECT
    ):
        found.add("change_address")
    elif (
        any_phrase(folded, lx.FOLDED_INTENTS["change_payment"])
        or (any_phrase(folded, PAYMENT_WORDS) and has_change_verb)
        or (any_phrase(folded, PAY_VERBS) and any_phrase(folded, PAYMENT_SOURCES))
    ):
        found.add("change_payment")
    if "change_address" in found or "change_payment" in found:
        # "trocar o endereço" is an address change, not an exchange of goods.
        found -= {"exchange", "change_items", "account", "return"}
    elif not found & ORDER_ACTIONS and _vi_change(raw, rest):
        found.add("exchange")
    elif not found & ORDER_ACTIONS and has_change_verb and _mentions_order(raw, folded):
        found.add("change_items")
    if (
        not found & ORDER_ACTIONS
        and _vi_word(raw, rest, "trả", "tra")
        and not any_phrase(folded, ("tra cuu",))
    ):
        found.add("return")
    return tuple(intent for intent in PRIORITY if intent in found)


def _vi_change(raw: str, folded: str) -> bool:
    return _vi_word(raw, folded, "đổi", "doi")


def _vi_word(raw: str, rest: str, word: str, plain: str) -> bool:
    # Bare "đổi" (change) and "trả" (give back) fold onto "doi" / "tra", which are also
    # "đợi" (wait) and "trà" (tea): the folded form counts only when the customer typed
    # no diacritics at all. `rest` is the text outside longer phrases already matched
    # ("chính sách đổi trả" is the return policy, not an exchange).
    if not any_phrase(rest, (plain,)):
        return False
    return word in raw.lower() or raw.isascii()


def _mentions_order(raw: str, folded: str) -> bool:
    if any_phrase(folded, ORDER_WORDS):
        return True
    ent = extract(raw)
    return bool(ent.order_ids or ent.products)


def detect_intent(raw: str) -> str | None:
    intents = detect_intents(raw)
    return intents[0] if intents else None
