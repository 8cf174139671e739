"""schemathesis against the served OpenAPI schema: bounded examples, no 5xx anywhere.

One server for the module (SQLite, demo store); the conversation endpoints are exercised
both without credentials and with a staff API key, so requests reach the handlers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from app.api import create_app
from app.api.ratelimit import MemoryLimiter
from seed_data.demo import load_demo
from services import api_keys
from services import schema as db_schema
from services.uow import UowFactory
from tests.api.conftest import IDENTITY_SECRET, api_settings
from tests.api.server import running


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('schema')) / 'api.db'}"
    db_schema.upgrade(url)
    uow = UowFactory.for_url(url)
    load_demo(uow)
    _, key = api_keys.create_key(uow, name="schemathesis")
    app = create_app(
        settings=api_settings(
            storedesk_rate_limit_address=100_000, storedesk_rate_limit_customer=100_000
        ),
        uow_factory=uow,
        limiter=MemoryLimiter(),
        identity_secrets=[IDENTITY_SECRET],
    )
    with running(app) as base:
        yield base, key


def test_no_request_the_schema_allows_causes_a_server_error(served: tuple[str, str]) -> None:
    base, key = served
    api = schemathesis.openapi.from_url(f"{base}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 8
    statuses: set[int] = set()

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            for headers in ({}, {"X-API-Key": key}):
                response = case.call(base_url=base, headers=headers, timeout=30)
                statuses.add(response.status_code)
                case.validate_response(response, checks=[not_a_server_error])

        check()
    # The examples reached the handlers, not only the authentication in front of them.
    assert {200, 401} <= statuses and statuses & {404, 422}
