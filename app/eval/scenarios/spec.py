"""The scenario file format, validated with pydantic (the schema is the documentation).

A file holds ``scenarios: [...]``. A scenario:

    id: return-en-defective            # unique over the suite
    language: en                       # en | vi | pt (the session's locale)
    store: demo                        # or {generated: {seed, as_of, customers, ...}}
    signed_in: CUST-9821               # a customer id, or "staff"
    turns:                             # in order
      - user: I'd like to return ORD-66120
        says: [reason]                 # this turn's answer holds these (case-insensitive)
        never: [Confirm]               # ... and not these
      - user: the headphones arrived broken
      - confirm: true                  # press Confirm (false: Cancel) on the preview(s)
    calls:                             # expected tool calls, arguments that matter
      - {name: process_return, args: {order_id: ORD-66120}}
    db:                                # expected changes (none listed: nothing may change)
      - {order: ORD-66120, status: return requested}
    facts: [return]                    # some answer holds each
    never: [Michael]                   # no answer holds any
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from services.errors import InvalidRequest

LANGUAGES = ("en", "vi", "pt")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GeneratedStore(_Strict):
    seed: int = 1
    as_of: datetime = datetime(2026, 1, 1, tzinfo=UTC)
    customers: int = Field(40, ge=1, le=5000)
    orders: int = Field(150, ge=0, le=20000)
    products: int = Field(30, ge=1, le=2000)
    warehouses: int = Field(3, ge=1, le=10)
    locales: tuple[str, ...] = ("en_US",)

    @field_validator("as_of")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def key(self) -> str:
        return (
            f"gen-s{self.seed}-{self.as_of:%Y%m%d}-c{self.customers}-o{self.orders}"
            f"-p{self.products}-w{self.warehouses}-{'_'.join(self.locales)}"
        )


class StoreSpec(_Strict):
    generated: GeneratedStore


class Turn(_Strict):
    user: str | None = None
    confirm: bool | None = None  # True: Confirm button; False: Cancel button
    says: list[str] = Field(default_factory=list)  # facts this turn's answer holds
    never: list[str] = Field(default_factory=list)  # words this turn's answer must not hold

    @model_validator(mode="after")
    def _one_kind(self) -> Turn:
        if (self.user is None) == (self.confirm is None):
            raise ValueError("a turn is either `user: text` or `confirm: true|false`")
        if self.user is not None and not self.user.strip():
            raise ValueError("a user turn needs text")
        return self


class ExpectedCall(_Strict):
    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    # Other calls that serve the same purpose (e.g. find_customer by email, or
    # get_customer_info given the email): any one of them satisfies this expectation.
    alternatives: list[ExpectedCall] = Field(default_factory=list)


class DbCheck(_Strict):
    """One expected fact about the store after the conversation.

    - ``order`` + any of ``status``, ``cancel_reason``, ``address`` (fields to values),
      ``items`` (the item ids of its lines, in order), ``payments`` (ledger entries count)
    - ``returns``: an order id with that many return/exchange requests (``count``,
      default 1), optionally of ``kind`` return|exchange with ``items``
    - ``stock``: an item id whose quantity in ``warehouse`` is ``quantity``
    - ``balance``: a payment method id whose balance is ``amount``
    - ``handoff``: true if the conversation was handed to a person
    """

    order: str | None = None
    status: str | None = None
    cancel_reason: str | None = None
    address: dict[str, str] | None = None
    items: list[str] | None = None
    payments: int | None = None
    returns: str | None = None
    count: int = 1
    kind: Literal["return", "exchange"] | None = None
    stock: str | None = None
    warehouse: str | None = None
    quantity: int | None = None
    balance: str | None = None
    amount: str | None = None
    handoff: bool | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> DbCheck:
        subjects = [
            x for x in (self.order, self.returns, self.stock, self.balance, self.handoff)
            if x is not None
        ]  # fmt: skip
        if len(subjects) != 1:
            raise ValueError("a db check names one of: order, returns, stock, balance, handoff")
        if self.stock is not None and (self.warehouse is None or self.quantity is None):
            raise ValueError("a stock check needs warehouse and quantity")
        if self.balance is not None and self.amount is None:
            raise ValueError("a balance check needs amount")
        return self


class Scenario(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,80}$")
    title: str = ""
    language: Literal["en", "vi", "pt"] = "en"
    store: Literal["demo"] | StoreSpec = "demo"
    signed_in: str = "CUST-9821"
    tags: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(min_length=1)
    calls: list[ExpectedCall] = Field(default_factory=list)
    db: list[DbCheck] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)
    never: list[str] = Field(default_factory=list)

    @property
    def is_staff(self) -> bool:
        return self.signed_in == "staff"

    def store_key(self) -> str:
        return "demo" if self.store == "demo" else self.store.generated.key()


def load_file(path: Path) -> list[Scenario]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidRequest(f"{path}: not readable YAML: {exc}") from None
    items = data.get("scenarios") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InvalidRequest(f"{path}: expected a top-level `scenarios:` list.")
    out = []
    for index, item in enumerate(items):
        try:
            out.append(Scenario.model_validate(item))
        except ValidationError as exc:
            name = item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}"
            raise InvalidRequest(f"{path}: scenario {name}: {exc}") from None
    return out


def load_suite(root: Path, only: list[str] | None = None) -> list[Scenario]:
    """Every scenario under ``root`` (a folder of .yaml files, or one file)."""
    root = Path(root)
    files = [root] if root.is_file() else sorted(root.glob("**/*.y*ml"))
    if not files:
        raise InvalidRequest(f"No scenario files under {root}.")
    scenarios = [s for f in files for s in load_file(f)]
    ids = [s.id for s in scenarios]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InvalidRequest(f"Scenario ids repeat: {', '.join(dupes)}.")
    if only:
        wanted = set(only)
        tags = {t for s in scenarios for t in s.tags}
        missing = wanted - set(ids) - tags
        if missing:
            raise InvalidRequest(f"No scenario or tag {', '.join(sorted(missing))}.")
        scenarios = [s for s in scenarios if s.id in wanted or set(s.tags) & wanted]
    return scenarios
