"""The unit of work: one transaction per use case."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from services.models import Warehouse
from services.uow import UowFactory


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
