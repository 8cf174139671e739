"""One answer per platform call: the first worker to claim a delivery key runs the call,
every repeat (a retry, a replay, the same call reaching another worker) gets the stored
answer. The claim is a primary-key insert, so the database decides the race.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from services.models import WebhookDelivery, utcnow
from services.uow import UowFactory

MAX_KEY_CHARS = 255
# A claim still "running" after this long belongs to a worker that died mid-call: the
# next repeat may take it over and run the call itself.
STALE_AFTER = timedelta(seconds=60)


@dataclass(frozen=True)
class Claim:
    """``owner``: this caller runs the call. Otherwise ``response`` holds the first answer
    (None while the first caller is still running it)."""

    owner: bool
    status_code: int | None = None
    response: str | None = None


@dataclass(frozen=True)
class _Row:
    status: str
    status_code: int | None
    response: str | None


def _stored(uow_factory: UowFactory, key: str) -> _Row | None:
    with uow_factory() as uow:
        row = uow.session.get(WebhookDelivery, key, populate_existing=True)
        if row is None:
            return None
        return _Row(row.status, row.status_code, row.response)


def claim(uow_factory: UowFactory, *, key: str) -> Claim:
    key = key[:MAX_KEY_CHARS]
    try:
        with uow_factory() as uow:
            uow.session.add(WebhookDelivery(key=key, status="running"))
            uow.commit()
        return Claim(owner=True)
    except IntegrityError:
        pass
    row = _stored(uow_factory, key)
    if row is None:  # deleted between the insert and the read (purge): try once more
        return claim(uow_factory, key=key)
    if row.status == "done":
        return Claim(owner=False, status_code=row.status_code, response=row.response)
    if _take_over_stale(uow_factory, key):
        return Claim(owner=True)
    return Claim(owner=False)


def _take_over_stale(uow_factory: UowFactory, key: str) -> bool:
    cutoff = utcnow() - STALE_AFTER
    with uow_factory() as uow:
        done = uow.session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.key == key,
                WebhookDelivery.status == "running",
                WebhookDelivery.created_at < cutoff,
            )
            .values(created_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        uow.commit()
    return bool(getattr(done, "rowcount", 0))


def finish(uow_factory: UowFactory, *, key: str, status_code: int, response: str) -> None:
    with uow_factory() as uow:
        uow.session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.key == key[:MAX_KEY_CHARS])
            .values(
                status="done", status_code=status_code, response=response, completed_at=utcnow()
            )
            .execution_options(synchronize_session=False)
        )
        uow.commit()


def release(uow_factory: UowFactory, *, key: str) -> None:
    """The owner could not answer at all: let the next repeat run the call."""
    with uow_factory() as uow:
        uow.session.execute(
            delete(WebhookDelivery).where(
                WebhookDelivery.key == key[:MAX_KEY_CHARS], WebhookDelivery.status == "running"
            )
        )
        uow.commit()


def wait_for_answer(
    uow_factory: UowFactory, *, key: str, timeout_s: float, poll_s: float = 0.05
) -> Claim:
    """A repeat that arrived while the first call runs: wait (bounded) for its answer."""
    deadline = time.monotonic() + timeout_s
    while True:
        row = _stored(uow_factory, key[:MAX_KEY_CHARS])
        if row is not None and row.status == "done":
            return Claim(owner=False, status_code=row.status_code, response=row.response)
        if time.monotonic() >= deadline:
            return Claim(owner=False)
        time.sleep(poll_s)


def purge_older_than(uow_factory: UowFactory, *, age: timedelta) -> int:
    """Forget deliveries older than ``age`` (platforms retry within minutes, not days)."""
    with uow_factory() as uow:
        result = uow.session.execute(
            delete(WebhookDelivery).where(WebhookDelivery.created_at < utcnow() - age)
        )
        uow.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def count(uow_factory: UowFactory) -> int:
    with uow_factory() as uow:
        return len(uow.session.scalars(select(WebhookDelivery.key)).all())
