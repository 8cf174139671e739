from __future__ import annotations

import pytest

from seed_data.demo import HELP_CENTER_DIR
from services.help_center.files import import_dir
from services.uow import UowFactory
from tests.agent.conftest import SARAH, customer_ctx, demo, sarah, staff

__all__ = ["SARAH", "customer_ctx", "demo", "sarah", "staff"]


@pytest.fixture
def help_center(uow_factory: UowFactory) -> UowFactory:
    """The demo store's help articles alone (no orders): what search tests need."""
    import_dir(uow_factory, HELP_CENTER_DIR, author="test")
    return uow_factory
