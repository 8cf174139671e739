"""Order ids in every form customers type them.

"ORD-70021", "ORD70021", "ord 70021", "#70021", "order 70021", "pedido 70021",
"đơn 70021" all mean ORD-70021; "#W1234567", "W1234567" and "order 1234567" are the
benchmark's and the generated stores' "#W1234567" (seven digits). A bare number is an
order id only with "#" or an order word before it, so a zip or a quantity never is one.
"""

from __future__ import annotations

import re

from app.agent.offline import lexicon as lx

PREFIXED = re.compile(r"(?<![\w-])(?:ORD[-\s_]?(\d{3,10})|#?W(\d{7}))(?![\w-])", re.IGNORECASE)
HASHED = re.compile(r"(?<![\w-])#\s?(\d{3,8})(?![\w-])")
# A message that is only a number ("92010", "92010?"): the answer to "which order?".
ALONE = re.compile(r"^\s*(\d{4,8})\s*[.!?]*\s*$")


def _cue_pattern() -> re.Pattern[str]:
    cues: set[str] = set()
    for lang in lx.LANGUAGES:
        for cue in lx.load(lang)["words"]["order_cues"]:
            cues.add(cue.strip())
    cues |= set(lx.ORDER_CUES)
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:{alternatives})(?:\s+(?:number|no\.?|n[ºo°]|numero|número|số|so))?"
        rf"\s*[:#]?\s*(\d{{4,8}})(?![\w-])",
        re.IGNORECASE,
    )


CUED = _cue_pattern()


def _from_digits(digits: str) -> str:
    # Seven digits are the "#W" stores' form; the demo store's ids are "ORD-" and five.
    return f"#W{digits}" if len(digits) == 7 else f"ORD-{digits}"


def find_order_ids(raw: str) -> tuple[list[str], str]:
    """(order ids in the order written, the text with them blanked out)."""
    found: list[tuple[int, str]] = []

    def take(match: re.Match[str], make: str) -> str:
        if make == "prefixed":
            ord_digits, w_digits = match.group(1), match.group(2)
            value = f"ORD-{ord_digits}" if ord_digits else f"#W{w_digits}"
        else:
            value = _from_digits(match.group(1))
        found.append((match.start(), value))
        if make == "cued":
            # Keep the cue word ("order"): only the number is the id.
            return match.group(0)[: match.start(1) - match.start()] + " "
        return " "

    text = PREFIXED.sub(lambda m: take(m, "prefixed"), raw)
    text = HASHED.sub(lambda m: take(m, "hashed"), text)
    text = CUED.sub(lambda m: take(m, "cued"), text)
    text = ALONE.sub(lambda m: take(m, "alone"), text)
    found.sort()
    return list(dict.fromkeys(v for _, v in found)), text
