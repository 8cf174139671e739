"""Answer each platform call once: the first request with a delivery key runs it, every
repeat (retry, replay, another worker) gets the first answer from the database."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from services import webhook_deliveries
from services.uow import UowFactory

KEEP_DELIVERIES = timedelta(days=7)
PURGE_CHANCE = 0.002


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: str  # JSON text, exactly as first sent
    replayed: bool = False


def answer_once(
    uow_factory: UowFactory,
    key: str | None,
    compute: Callable[[], Answer],
    *,
    wait_s: float,
    busy: Answer,
) -> Answer:
    """``compute`` once per ``key``; ``busy`` if the first call is still running after
    ``wait_s`` (the caller may retry and then gets the real answer)."""
    if key is None:
        return compute()
    if random.random() < PURGE_CHANCE:
        # Platforms retry within minutes; a week of ids is plenty, and no job is needed.
        webhook_deliveries.purge_older_than(uow_factory, age=KEEP_DELIVERIES)
    claim = webhook_deliveries.claim(uow_factory, key=key)
    if claim.owner:
        try:
            answer = compute()
        except BaseException:
            webhook_deliveries.release(uow_factory, key=key)
            raise
        webhook_deliveries.finish(
            uow_factory, key=key, status_code=answer.status_code, response=answer.body
        )
        return answer
    if claim.response is None:
        claim = webhook_deliveries.wait_for_answer(uow_factory, key=key, timeout_s=wait_s)
    if claim.response is None:
        return busy
    return Answer(status_code=claim.status_code or 200, body=claim.response, replayed=True)
