"""A postal address out of one comma-separated sentence.

Customers write "ship it to 12 Oak Ave, Apt 3, Springfield, IL 62704, USA" or
"Rua Augusta, 1508, Apto 72, São Paulo, SP 01304-001, Brasil". The parse needs a zip
and at least a street and a city; anything it cannot place with certainty is left out
so the engine asks instead of guessing (the state or country are never invented).
"""

from __future__ import annotations

import re

# The zip ends its part; a few words may trail it ("TX 78701 instead", "... 78701 pls").
ZIP_AT_END = re.compile(
    r"(?:^|\s)(\d{5}-\d{3}|\d{5}-\d{4}|\d{5,6})(?:\s+[^\W\d]+){0,3}$", re.UNICODE
)
# Words after which the address itself starts ("... para Rua Augusta").
CUE = re.compile(
    r"\b(?:to|is|at|para|é|em|sang|là|la|mới|moi|tới|toi|đến|den|address|endereço|"
    r"endereco|địa chỉ|dia chi)\b\s*:?\s*",
    re.IGNORECASE,
)
STATE_CODE = re.compile(r"^[A-Z]{2,3}$")


def _clean(part: str) -> str:
    return part.strip().strip(".!?;:").strip()


def _after_cue(part: str) -> tuple[str, bool]:
    """The part without the chatter before the address and whether a cue was found:
    "please send to 77 Lake St" -> "77 Lake St". A cue followed by a house number wins
    over a later one ("to 12 La Salle St" keeps "La Salle"); otherwise the last cue."""
    part = part.rsplit(":", 1)[-1].strip()  # "new address for my order: 12 Oak Ave"
    rests = [part[m.end() :] for m in CUE.finditer(part) if part[m.end() :].strip()]
    if not rests:
        return part, False
    numbered = [r for r in rests if r[0].isdigit()]
    return (numbered or rests)[0 if numbered else -1].strip(), True


def _street_start(head: list[str]) -> int:
    """Where the street begins among the parts before the city: the first part that
    starts with a house number (after any cue words), else the last one with a cue,
    else the first part. Earlier parts are the customer's chatter ("I moved, ...")."""
    street_parts = head[:-1]
    for i, part in enumerate(street_parts):
        text, _ = _after_cue(part)
        if text[:1].isdigit() and not text.isdigit():
            return i
        if text.isdigit() and i > 0:
            return i - 1  # "Rua Augusta, 1508": the number follows the street
    cued = [i for i, part in enumerate(street_parts) if _after_cue(part)[1]]
    return cued[-1] if cued else 0


def parse_address(text: str) -> dict[str, str] | None:
    """address1, address2, city, state, zip, country: the fields found, or None."""
    parts = [_clean(p) for p in re.split(r"[,\n]", text)]
    parts = [p for p in parts if p]
    zip_at = next((i for i, p in enumerate(parts) if ZIP_AT_END.search(p)), None)
    if zip_at is None or zip_at < 2:
        return None
    start = _street_start(parts[:zip_at])
    head = [_after_cue(parts[start])[0], *parts[start + 1 : zip_at]]
    if len(head) > 1 and head[1].isdigit():
        # "Rua Augusta, 1508": the house number comes after the street.
        head = [f"{head[0]}, {head[1]}", *head[2:]]
    if not any(c.isdigit() for c in head[0]):
        # No house number: chatter, not a street ("I moved"); ask rather than preview it.
        return None
    zip_part = parts[zip_at]
    m = ZIP_AT_END.search(zip_part)
    assert m is not None
    zip_code = m.group(1)
    before_zip = zip_part[: m.start()].strip()
    state = before_zip
    if not state and len(head) >= 3 and STATE_CODE.match(head[-1]):
        state = head.pop()
    if len(head) < 2 or not state:
        return None
    country = parts[zip_at + 1] if zip_at + 1 < len(parts) else ""
    if any(c.isdigit() for c in country):
        country = ""
    return {
        "address1": head[0],
        "address2": ", ".join(head[1:-1]),
        "city": head[-1],
        "state": state,
        "zip": zip_code,
        "country": country,
    }
