"""The delivery records behind "the same call id runs once", at the service level."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from services import webhook_deliveries as deliveries
from services.models import WebhookDelivery, utcnow
from services.uow import UowFactory


def test_the_first_claim_owns_and_repeats_get_the_stored_answer(uow_factory: UowFactory) -> None:
    assert deliveries.claim(uow_factory, key="turn:a").owner
    waiting = deliveries.claim(uow_factory, key="turn:a")
    assert not waiting.owner and waiting.response is None
    deliveries.finish(uow_factory, key="turn:a", status_code=200, response='{"output": "x"}')
    again = deliveries.claim(uow_factory, key="turn:a")
    assert not again.owner and (again.status_code, again.response) == (200, '{"output": "x"}')
    answer = deliveries.wait_for_answer(uow_factory, key="turn:a", timeout_s=0.1)
    assert answer.response == '{"output": "x"}'


def test_a_released_or_stale_claim_can_be_taken_again(uow_factory: UowFactory) -> None:
    assert deliveries.claim(uow_factory, key="sw:b").owner
    deliveries.release(uow_factory, key="sw:b")
    assert deliveries.claim(uow_factory, key="sw:b").owner
    # A worker that died mid-call leaves "running" behind: after a while it is taken over.
    with uow_factory() as uow:
        uow.session.execute(
            update(WebhookDelivery).values(created_at=utcnow() - timedelta(minutes=5))
        )
        uow.commit()
    assert deliveries.claim(uow_factory, key="sw:b").owner
    assert not deliveries.claim(uow_factory, key="sw:b").owner


def test_old_deliveries_are_purged(uow_factory: UowFactory) -> None:
    deliveries.claim(uow_factory, key="old")
    deliveries.claim(uow_factory, key="new")
    with uow_factory() as uow:
        uow.session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.key == "old")
            .values(created_at=utcnow() - timedelta(days=8))
        )
        uow.commit()
    assert deliveries.purge_older_than(uow_factory, age=timedelta(days=7)) == 1
    assert deliveries.count(uow_factory) == 1
