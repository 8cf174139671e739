"""Entity extraction: order ids, SKUs and item ids, emails, zips, quantities, reasons,
payment-method hints, pickup wishes and postal addresses, from one customer message.

Every pattern is anchored on the customer's own words; nothing is guessed. Ids are
removed from the text before numbers are read, so "ORD-78342" never yields a zip 78342.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.agent.offline import lexicon as lx
from app.agent.offline.address import parse_address
from app.agent.offline.order_ids import find_order_ids
from app.agent.offline.text import any_phrase, fold, spans
from app.agent.offline.typos import normalise

# Store ids ("CUST-9821") and the benchmark's user ids ("noah_brown_6181").
CUSTOMER_ID = re.compile(r"\b(?:CUST-\d{2,10}|[a-z]+_[a-z]+_\d{4})\b", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PAYMENT_ID = re.compile(r"\b(?:credit_card|paypal|gift_card)_\d+\b", re.IGNORECASE)
# SKU: letter-and-digit groups joined by dashes, with at least one digit and one letter
# ("UHD-4K-55", "WEP-2024"); "USB-C" and dates are not SKUs.
SKU = re.compile(r"(?<![\w@.-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w@-])")
NOT_SKU_PREFIX = ("ORD-", "CUST-", "RET-", "EXC-", "HND-", "TKT-", "CNF-")
ITEM_ID = re.compile(r"(?<!\d)\d{10}(?!\d)")
ZIP = re.compile(r"(?<![\w-])(\d{5}-\d{3}|\d{5}-\d{4}|\d{5,6})(?![\w-])")
ZIP_CUE = re.compile(r"\b(?:zip|zipcode|postal|postcode|cep|ma buu|buu chinh|near|perto)\b")
LAST_FOUR = re.compile(
    r"(?:ending(?: in)?|ends in|last four|final|terminad[oa] em|finalizad[oa] em|"
    r"duoi|so cuoi|visa|mastercard|amex|card)\D{0,6}(\d{4})(?!\d)"
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
    "dez": 10,
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_NUM = r"\b(\d{1,4}(?!\d)|(?:" + "|".join(NUMBER_WORDS) + r")\b)"
# Sizes and other literal option values ("45mm", "55in"), and "size M" / "tamanho 42".
SIZE = re.compile(r"\d+(?:[.,]\d+)?(?:mm|cm|in|m|l|gb|tb)")
SIZE_CUE = re.compile(
    r"\b(?:size|tamanho|tam|co|kich co|kich thuoc)\s+"
    r"(\d{1,3}(?:[.,]\d)?|xxs|xs|s|m|l|xl|xxl|xxxl|p|g|gg)\b"
)
QUANTITY_PATTERNS = (
    re.compile(
        _NUM + r"\s*(?:x\b|units?|pcs|pieces?|items?|of them|unidades?|pecas?|"
        r"cai|chiec|san pham|bo|hop)"
    ),
    re.compile(
        r"(?:quantity|qty|need|want|buy|order|quantidade|preciso de|quero|"
        r"so luong|can|mua|dat)\s*(?:of\s*)?" + _NUM + r"(?!\d)"
    ),
    re.compile(r"\bx\s*(\d{1,4})\b"),
)


@dataclass(frozen=True)
class PaymentHint:
    method_id: str | None = None  # an explicit id such as gift_card_9821002
    source: str | None = None  # gift_card | paypal | credit_card
    last_four: str | None = None
    original: bool = False  # "to the original payment method"


@dataclass(frozen=True)
class Entities:
    order_ids: tuple[str, ...] = ()
    skus: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    customer_ids: tuple[str, ...] = ()
    zip_code: str | None = None
    quantity: int | None = None
    reason: str | None = None
    topic: str | None = None
    payment: PaymentHint = field(default_factory=PaymentHint)
    pickup: bool = False
    address: dict[str, str] | None = None
    yes: bool = False
    no: bool = False
    latest: bool = False  # "my last order", "đơn mới nhất", "último pedido"
    # Option values asked for, folded as the store writes them ("green", "45mm", "m").
    options: tuple[str, ...] = ()

    @property
    def products(self) -> tuple[str, ...]:
        """SKUs and 10-digit item ids, in the order the customer wrote them."""
        return self.skus + self.item_ids


def _is_sku(token: str) -> bool:
    return (
        any(c.isdigit() for c in token)
        and any(c.isalpha() for c in token)
        and not token.upper().startswith(NOT_SKU_PREFIX)
    )


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _first_match(folded: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The code whose phrase occurs earliest (longest phrase first at a tie)."""
    best: tuple[int, int, str] | None = None
    padded = f" {folded} "
    for code, phrases in table.items():
        for phrase in phrases:
            at = padded.find(f" {phrase} ")
            if at >= 0 and (best is None or (at, -len(phrase)) < best[:2]):
                best = (at, -len(phrase), code)
    return best[2] if best else None


def extract_quantity(folded: str) -> int | None:
    for pattern in QUANTITY_PATTERNS:
        m = pattern.search(folded)
        if m:
            word = m.group(1)
            value = NUMBER_WORDS.get(word) or int(word)
            if 0 < value < 10_000:
                return value
    return None


# "do you have two UHD-4K-55?", "tem dois teclados?": one small number on its own, in a
# stock question, is how many are wanted.
LOOSE_NUMBER = re.compile(r"(?<![\w#.,-])(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")(?![\w.,-])")
STOCK_CUES = re.compile(
    r"\b(?:have|got|stock|available|left|tem|temos|estoque|disponivel|con|co hang|ban)\b"
)


def _loose_quantity(folded: str, raw: str) -> int | None:
    numbers = LOOSE_NUMBER.findall(folded)
    if len(numbers) != 1 or not STOCK_CUES.search(folded) or "%" in raw:
        return None
    word = numbers[0]
    value = NUMBER_WORDS.get(word) or int(word)
    return value if value > 1 else None


def _payment_hint(raw: str, folded: str) -> PaymentHint:
    explicit = PAYMENT_ID.search(raw)
    four = LAST_FOUR.search(folded)
    if explicit:
        source: str | None = explicit.group(0).lower().rsplit("_", 1)[0]
    elif any_phrase(folded, lx.FOLDED_GIFT_CARD):
        source = "gift_card"
    elif any_phrase(folded, lx.FOLDED_PAYPAL):
        source = "paypal"
    elif any_phrase(folded, lx.FOLDED_CREDIT_CARD) or four:
        source = "credit_card"
    else:
        source = None
    return PaymentHint(
        method_id=explicit.group(0).lower() if explicit else None,
        source=source,
        last_four=four.group(1) if four else None,
        original=any_phrase(folded, lx.FOLDED_ORIGINAL),
    )


@lru_cache(maxsize=2048)
def extract(raw: str) -> Entities:
    """Everything the rules can read from one message (cached: the history is re-read at
    every round, and a message never changes)."""
    emails = EMAIL.findall(raw)
    orders, rest = find_order_ids(EMAIL.sub(" ", PAYMENT_ID.sub(" ", raw)))
    customers = [
        c.upper() if c.upper().startswith("CUST-") else c for c in CUSTOMER_ID.findall(rest)
    ]
    rest = CUSTOMER_ID.sub(" ", rest)
    skus = [s.upper() for s in SKU.findall(rest) if _is_sku(s)]
    rest = SKU.sub(lambda m: " " if _is_sku(m.group(0)) else m.group(0), rest)
    item_ids = ITEM_ID.findall(rest)
    rest = ITEM_ID.sub(" ", rest)
    folded = normalise(raw)
    folded_rest = fold(rest)
    zips = ZIP.findall(folded_rest)
    zip_code = None
    if zips:
        cue = ZIP_CUE.search(folded_rest)
        after_cue = [z for z in ZIP.findall(folded_rest[cue.end() :])] if cue else []
        zip_code = (after_cue or zips)[0]
    address = parse_address(rest)
    return Entities(
        order_ids=_unique(orders),
        skus=_unique(skus),
        item_ids=_unique(item_ids),
        emails=_unique([e.lower() for e in emails]),
        customer_ids=_unique(customers),
        zip_code=zip_code,
        quantity=extract_quantity(fold(ZIP.sub(" ", rest)))
        or _loose_quantity(fold(ZIP.sub(" ", rest)), raw),
        reason=_first_match(folded, lx.FOLDED_REASONS),
        topic=_first_match(folded, lx.FOLDED_TOPICS),
        payment=_payment_hint(raw, folded),
        pickup=any_phrase(folded, lx.FOLDED_PICKUP),
        address=address,
        yes=any_phrase(folded, lx.FOLDED_YES),
        no=any_phrase(folded, lx.FOLDED_NO),
        latest=any_phrase(folded, lx.LATEST),
        options=wanted_options(folded_rest),
    )


def wanted_options(folded: str) -> tuple[str, ...]:
    """Option values named in a folded text, as the store writes them (folded). Where two
    overlap the longer wins: "azul marinho" is navy, not blue."""
    hits = [
        (start, end, value)
        for value, words in lx.OPTION_PHRASES.items()
        for phrase in words
        for start, end in spans(folded, phrase)
    ]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, value in hits:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, value))
    wanted = [value for _, _, value in sorted(taken)]
    wanted += [w for w in folded.split() if SIZE.fullmatch(w)]
    wanted += [m.group(1) for m in SIZE_CUE.finditer(folded)]
    return tuple(dict.fromkeys(wanted))
