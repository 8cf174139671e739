"""Token prices per model, for the cost estimates on the Insights page.

Prices are US dollars per million tokens, as Decimal. A model name matches a row when,
after normalising (lower case, `.`/`_`/space become `-`), it contains one of the row's
patterns; the longest matching pattern wins, so a `gpt-4.1-mini` row beats `gpt-4.1`.
The offline engine costs nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field, field_validator

MILLION = Decimal(1_000_000)


def normalize(name: str) -> str:
    return re.sub(r"[\s._]+", "-", name.strip().lower())


class ModelPrice(BaseModel):
    label: str = Field(min_length=1, max_length=80)
    # comma-separated name fragments, e.g. "deepseek-v3-2, deepseek-chat"
    patterns: str = Field(min_length=1, max_length=300)
    input_per_million: Decimal = Field(ge=0)
    output_per_million: Decimal = Field(ge=0)

    @field_validator("patterns")
    @classmethod
    def _has_pattern(cls, value: str) -> str:
        if not [p for p in value.split(",") if normalize(p)]:
            raise ValueError("at least one model-name pattern is needed")
        return value

    def pattern_list(self) -> list[str]:
        return [normalize(p) for p in self.patterns.split(",") if normalize(p)]


DEFAULT_PRICES: list[ModelPrice] = [
    ModelPrice(
        label="Offline engine",
        patterns="offline",
        input_per_million=Decimal("0"),
        output_per_million=Decimal("0"),
    ),
    ModelPrice(
        label="GPT-4.1",
        patterns="gpt-4-1",
        input_per_million=Decimal("2.00"),
        output_per_million=Decimal("8.00"),
    ),
    ModelPrice(
        label="Claude Sonnet 4.5",
        patterns="claude-sonnet-4-5, claude-4-5-sonnet",
        input_per_million=Decimal("3.00"),
        output_per_million=Decimal("15.00"),
    ),
    ModelPrice(
        label="Gemini 2.5 Flash",
        patterns="gemini-2-5-flash",
        input_per_million=Decimal("0.30"),
        output_per_million=Decimal("2.50"),
    ),
    ModelPrice(
        label="DeepSeek V3.2",
        patterns="deepseek-v3-2, deepseek-chat, deepseek-reasoner",
        input_per_million=Decimal("0.10"),
        output_per_million=Decimal("0.42"),
    ),
]


def price_for(model: str, table: list[ModelPrice]) -> ModelPrice | None:
    name = normalize(model)
    best: tuple[int, ModelPrice] | None = None
    for row in table:
        for pattern in row.pattern_list():
            if pattern in name and (best is None or len(pattern) > best[0]):
                best = (len(pattern), row)
    return best[1] if best else None


def cost_of(price: ModelPrice, input_tokens: int, output_tokens: int) -> Decimal:
    """Estimated dollars, to the hundredth of a cent (small models cost fractions)."""
    raw = (
        Decimal(input_tokens) * price.input_per_million
        + Decimal(output_tokens) * price.output_per_million
    ) / MILLION
    return raw.quantize(Decimal("0.0001"))
