"""The unit of work: one transaction per use case."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from services.models import Warehouse
from services.uow import CommitGate, CommitRefused, UowFactory


def _warehouse(wid: str = "WH-TST") -> Warehouse:
    return Warehouse(id=wid, name="Test", city="Testville", state="TS", zip="00000")


def test_committed_work_is_kept(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.session.add(_warehouse())
        uow.commit()
    with uow_factory() as uow:
        assert uow.session.get(Warehouse, "WH-TST") is not None


def test_uncommitted_work_is_rolled_back(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.session.add(_warehouse())
        uow.session.flush()
    with uow_factory() as uow:
        assert uow.session.scalars(select(Warehouse)).all() == []


def test_an_error_rolls_back(uow_factory: UowFactory) -> None:
    with pytest.raises(RuntimeError), uow_factory() as uow:
        uow.session.add(_warehouse())
        uow.session.flush()
        raise RuntimeError("boom")
    with uow_factory() as uow:
        assert uow.session.get(Warehouse, "WH-TST") is None


def test_work_after_commit_is_rolled_back(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.session.add(_warehouse("WH-A"))
        uow.commit()
        uow.session.add(_warehouse("WH-B"))
        uow.session.flush()
    with uow_factory() as uow:
        assert [w.id for w in uow.session.scalars(select(Warehouse))] == ["WH-A"]


def _count(uow_factory: UowFactory, wid: str) -> int:
    with uow_factory.read() as uow:
        return len(uow.session.scalars(select(Warehouse).where(Warehouse.id == wid)).all())


def test_a_core_transaction_commits_at_the_end_or_not_at_all(uow_factory: UowFactory) -> None:
    table = Warehouse.__table__
    row = {"id": "WH-CORE", "name": "Core", "city": "X"}
    with pytest.raises(RuntimeError), uow_factory.transaction() as connection:
        connection.execute(insert(table), row)
        raise RuntimeError("fails half-way")
    assert _count(uow_factory, "WH-CORE") == 0
    with uow_factory.transaction() as connection:
        connection.execute(insert(table), row)
    assert _count(uow_factory, "WH-CORE") == 1


def test_a_gated_core_transaction_cannot_commit_after_the_gate_closes(
    uow_factory: UowFactory,
) -> None:
    gate = CommitGate()
    gate.close()
    table = Warehouse.__table__
    with pytest.raises(CommitRefused), uow_factory.gated(gate).transaction() as connection:
        connection.execute(insert(table), {"id": "WH-LATE", "name": "L", "city": "X"})
    assert _count(uow_factory, "WH-LATE") == 0
