"""Which language a message is in and what the customer wants.

Intent detection matches the folded phrases of `phrases/*.toml` (typos in the engine's own
words corrected first); where phrases of two intents overlap ("return policy" over
"return"), the longer one wins. Several intents in one message are ranked by PRIORITY:
an action ("cancel") beats a question ("status"), which beats small talk ("hi").
Changing an address or a payment method needs both the object and a change verb, so
"what address do you have?" stays an account question; change verbs are looked for only
outside the phrases already read ("phí vận chuyển" is a shipping fee, not a "chuyển").
"""

from __future__ import annotations

from functools import cache, lru_cache

from app.agent.offline import lexicon as lx
from app.agent.offline.extract import Entities, extract
from app.agent.offline.names import product_nouns
from app.agent.offline.text import any_phrase, fold, spans
from app.agent.offline.typos import fix

PRIORITY = (
    "human",
    "change_address",
    "change_payment",
    "cancel",
    "exchange",
    "change_items",
    "return",
    "order_status",
    # Store policies (the help center's answers), when a plan for them is installed.
    "policy",
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
PRODUCT_QUESTIONS = frozenset({"availability", "product_info"})


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


@lru_cache(maxsize=2048)
def normalise(raw: str) -> str:
    """The folded message with typos of the engine's words corrected."""
    return fix(fold(raw))


@cache
def _by_first_word() -> dict[str, list[tuple[str, str]]]:
    """Phrases (and their intent; "" for the words of "latest") by their first word: a
    message is matched only against phrases that can start in it."""
    index: dict[str, list[tuple[str, str]]] = {}
    tables = [*lx.FOLDED_INTENTS.items(), ("", lx.LATEST)]
    for intent, phrases in tables:
        for phrase in phrases:
            index.setdefault(phrase.split()[0], []).append((phrase, intent))
    return index


def _spans(folded: str) -> tuple[set[str], str]:
    """Intents whose phrases occur, longest phrase winning where two overlap; and the text
    left once the phrases of questions (and the words for "latest") are taken out, where
    change verbs are looked for (an action's own words, "trocar", stay)."""
    hits: list[tuple[int, int, str]] = []
    index = _by_first_word()
    for word in set(folded.split()):
        for phrase, intent in index.get(word, ()):
            hits.extend((start, end, intent) for start, end in spans(folded, phrase))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    blank: list[tuple[int, int]] = []
    for start, end, intent in hits:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            if intent:
                found.add(intent)
            if intent not in ORDER_ACTIONS:
                blank.append((start, end))
    rest = list(folded)
    for start, end in blank:
        rest[start:end] = " " * (end - start)
    return found, "".join(rest).strip()


def detect_intents(raw: str) -> list[str]:
    """Every intent the message expresses, most important first."""
    return list(_detect_intents(raw))


@lru_cache(maxsize=2048)
def _detect_intents(raw: str) -> tuple[str, ...]:
    folded = normalise(raw)
    found, rest = _spans(folded)
    # The keyword tables only say "address" / "payment method"; a change needs a verb.
    found.discard("change_payment")
    has_change_verb = any_phrase(rest, lx.CHANGE_VERBS) or _vi_change(raw, rest)
    ent = extract(raw)
    if (
        (any_phrase(rest, lx.ADDRESS_WORDS) and has_change_verb)
        # "giao tới đâu" (delivered where?) is a status question, not "giao tới" (ship to).
        or any_phrase(rest, lx.ADDRESS_DIRECT)
        # A whole postal address in the message: where the order should go.
        or (ent.address is not None and not found & {"return", "cancel"})
    ):
        found.add("change_address")
    elif (
        any_phrase(folded, lx.FOLDED_INTENTS["change_payment"])
        or (any_phrase(folded, lx.PAYMENT_WORDS) and has_change_verb)
        or (any_phrase(folded, lx.PAY_VERBS) and any_phrase(folded, lx.PAYMENT_SOURCES))
        # "đổi sang thẻ visa", "switch to paypal": a payment source with a change verb.
        or (
            any_phrase(folded, lx.PAYMENT_SOURCES)
            and has_change_verb
            and not found & {"return", "cancel"}
        )
    ):
        found.add("change_payment")
    if found - PRODUCT_QUESTIONS - SMALL_TALK and not (ent.products or product_nouns((raw,))):
        # "qual endereço vcs tem no meu cadastro?": "vcs tem" asks about a product only
        # when one is named; with another request in the message, that one is meant.
        found -= PRODUCT_QUESTIONS
    if "change_address" in found or "change_payment" in found:
        # "trocar o endereço" is an address change, not an exchange of goods.
        found -= {"exchange", "change_items", "account", "return", "product_info"}
    elif not found & ORDER_ACTIONS and _vi_change(raw, rest):
        found.add("exchange")
    elif not found & ORDER_ACTIONS and has_change_verb and _mentions_order(folded, ent):
        found.add("change_items")
    if (
        # "đổi hay trả": both, and the plan asks which; other actions keep their reading.
        not found & (ORDER_ACTIONS - {"exchange"})
        and _vi_word(raw, rest, "trả", "tra")
        and not any_phrase(folded, ("tra cuu",))
    ):
        found.add("return")
    if ent.order_ids and found and found <= {"greeting", "help"}:
        # "hey, any news on ORD-78342?", "Kiểm tra giúp tôi đơn ORD-78342": an order id
        # with only small talk around it asks how that order is doing (as an id alone does).
        found.add("order_status")
    if "policy" in found:
        found = _policy_or_data(found, raw, ent, has_change_verb)
    return tuple(intent for intent in PRIORITY if intent in found)


def _policy_or_data(found: set[str], raw: str, ent: Entities, change: bool) -> set[str]:
    """A store-wide question ("do you ship to Brazil?", "can I pay with PayPal?") is the
    help center's; one that names an order, a product, an address or something to change
    ("...for UHD-4K-55", "...with my gift card instead") is about the store's data, which
    the data tools answer (a product's own return window beats the general rule)."""
    product = bool(ent.products or product_nouns((raw,)))
    if product or ent.order_ids or ent.address is not None or change:
        found.discard("policy")
        if product and not found:
            found.add("product_info")
        return found
    return found - ORDER_ACTIONS - PRODUCT_QUESTIONS - {"order_status", "account"}


def _vi_change(raw: str, rest: str) -> bool:
    return _vi_word(raw, rest, "đổi", "doi")


def _vi_word(raw: str, rest: str, word: str, plain: str) -> bool:
    # Bare "đổi" (change) and "trả" (give back) fold onto "doi" / "tra", which are also
    # "đợi" (wait) and "trà" (tea): the folded form counts only when the customer typed
    # no diacritics at all. `rest` is the text outside longer phrases already matched
    # ("chính sách đổi trả" is the return policy, not an exchange).
    if not any_phrase(rest, (plain,)):
        return False
    return word in raw.lower() or raw.isascii()


def _mentions_order(folded: str, ent: Entities) -> bool:
    return any_phrase(folded, lx.ORDER_WORDS) or bool(ent.order_ids or ent.products)


def detect_intent(raw: str) -> str | None:
    intents = detect_intents(raw)
    return intents[0] if intents else None
