"""The conversation API over real HTTP: a turn streamed as server-sent events (a tool call
and a confirmation), confirming through the API, paging, ownership and rate limits."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from app.agent.scripted import ScriptedModel, calls, reply
from app.api.ratelimit import RedisLimiter
from app.i18n import t
from app.identity import sign_customer_token
from services import api_keys
from services.models import Order
from services.uow import UowFactory
from tests.api.conftest import IDENTITY_SECRET, MICHAEL, SARAH, SARAH_PENDING
from tests.api.sse import send

CANCEL = {"order_id": SARAH_PENDING, "reason": "no longer needed"}


def bearer(customer_id: str) -> dict[str, str]:
    token = sign_customer_token(
        customer_id, secret=IDENTITY_SECRET, expires_at=int(time.time()) + 3600
    )
    return {"Authorization": f"Bearer {token}"}


def cancelling_model() -> ScriptedModel:
    return ScriptedModel(
        [calls(("cancel_order", CANCEL)), reply("Shall I cancel it? Please confirm.")]
    )


def start(client: httpx.Client, headers: dict[str, str]) -> str:
    response = client.post("/v1/conversations", json={}, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _status(uow: UowFactory) -> str:
    with uow() as u:
        order = u.session.get(Order, SARAH_PENDING)
        assert order is not None
        return str(order.status)


def test_a_turn_streams_a_tool_label_and_a_confirmation_that_the_api_applies_once(
    serve, demo: UowFactory
) -> None:
    client = serve(model_factory=cancelling_model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    status, events = send(client, conversation, "Please cancel ORD-92010", sarah)
    assert status == 200
    kinds = [name for name, _ in events]
    assert kinds[-1] == "finished"
    assert {"tool", "tool_done", "confirmation", "text"} <= set(kinds)
    tool = next(data for name, data in events if name == "tool")
    assert tool["label"] == t("tool.cancel.running", "en") == "Preparing the cancellation…"
    assert "arguments" not in tool and "name" not in tool  # customers never see raw calls
    confirmation = next(data for name, data in events if name == "confirmation")
    assert "ORD-92010" in confirmation["preview"]["summary"]
    finished = events[-1][1]
    assert finished["usage"]["input_tokens"] > 0 and finished["tool_calls"] == 1
    assert _status(demo) == "pending"  # previewed only

    path = f"/v1/conversations/{conversation}/confirmations/{confirmation['confirmation_id']}"
    first = client.post(path, json={"decision": "confirm"}, headers=sarah)
    assert first.status_code == 200 and first.json()["ok"] is True
    again = client.post(path, json={"decision": "confirm"}, headers=sarah)
    assert again.status_code == 200
    assert _status(demo) == "cancelled"

    # Another customer reaches neither the conversation nor its confirmation.
    michael = bearer(MICHAEL)
    assert client.post(path, json={"decision": "confirm"}, headers=michael).status_code == 404


def test_another_customers_conversation_is_indistinguishable_from_a_missing_one(
    serve,
) -> None:
    client = serve(model_factory=cancelling_model)
    conversation = start(client, bearer(SARAH))
    michael = bearer(MICHAEL)
    theirs = client.get(f"/v1/conversations/{conversation}/messages", headers=michael)
    missing = client.get(f"/v1/conversations/{uuid.uuid4()}/messages", headers=michael)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert send(client, conversation, "hello", michael)[0] == 404


def test_the_transcript_pages_and_hides_tool_traffic_from_customers(serve, demo) -> None:
    client = serve(model_factory=cancelling_model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    send(client, conversation, "Please cancel ORD-92010", sarah)
    url = f"/v1/conversations/{conversation}/messages"
    first = client.get(url, params={"limit": 1}, headers=sarah).json()
    assert len(first["messages"]) == 1 and first["next_after"] is not None
    rest = client.get(url, params={"after": first["next_after"]}, headers=sarah).json()
    roles = [m["role"] for m in first["messages"] + rest["messages"]]
    assert roles[0] == "user" and "tool" not in roles
    assert all(m["tool_calls"] is None for m in rest["messages"])
    _, key = api_keys.create_key(demo, name="desk")
    staff = client.get(url, headers={"X-API-Key": key}).json()
    assert "tool" in [m["role"] for m in staff["messages"]]


def test_credentials_are_required(client: httpx.Client) -> None:
    assert client.post("/v1/conversations", json={}).status_code == 401
    bad = {"Authorization": "Bearer v1.abc.1.def"}
    assert client.post("/v1/conversations", json={}, headers=bad).status_code == 401
    assert (
        client.post("/v1/conversations", json={}, headers={"X-API-Key": "sdk_x"}).status_code == 401
    )
    expired = sign_customer_token(SARAH, secret=IDENTITY_SECRET, expires_at=int(time.time()) - 1)
    headers = {"Authorization": f"Bearer {expired}"}
    assert client.post("/v1/conversations", json={}, headers=headers).status_code == 401


def test_input_bounds(serve) -> None:
    client = serve(model_factory=cancelling_model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    url = f"/v1/conversations/{conversation}/messages"
    assert client.post(url, json={"text": ""}, headers=sarah).status_code == 422
    assert client.post(url, json={"text": "x" * 4001}, headers=sarah).status_code == 422
    huge = {"text": "x" * 100_000}
    assert client.post(url, json=huge, headers=sarah).status_code == 413


def test_a_transfer_to_a_person_is_streamed_as_a_state_change(serve) -> None:
    def model() -> ScriptedModel:
        return ScriptedModel(
            [calls(("transfer_to_human", {"summary": "wants a person", "reason": "other"})),
             reply("A person will join shortly.")]
        )  # fmt: skip

    client = serve(model_factory=model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    _, events = send(client, conversation, "I want a person", sarah)
    states = [data["state"] for name, data in events if name == "state"]
    assert states[-1] == "waiting"
    assert [name for name, _ in events][-1] == "finished"


def test_the_customer_rate_limit_answers_429_with_retry_after(serve) -> None:
    # A one-hour window: the test never straddles two windows.
    client = serve(
        model_factory=cancelling_model,
        storedesk_rate_limit_customer=2,
        storedesk_rate_limit_window_s=3600,
    )
    sarah = bearer(SARAH)
    assert client.post("/v1/conversations", json={}, headers=sarah).status_code == 201
    assert client.post("/v1/conversations", json={}, headers=sarah).status_code == 201
    limited = client.post("/v1/conversations", json={}, headers=sarah)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 3600
    # Another customer from the same address is not limited by Sarah's count.
    assert client.post("/v1/conversations", json={}, headers=bearer(MICHAEL)).status_code == 201


def _redis_url() -> str:
    url = os.environ.get("STOREDESK_TEST_REDIS", "redis://127.0.0.1:6379/15")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI=true and Redis at {url} is unreachable: {exc}")
        pytest.skip(f"Redis at {url} unreachable: {exc}")
    return url


def test_two_workers_share_one_address_limit_through_redis(serve) -> None:
    url = _redis_url()
    prefix = uuid.uuid4().hex  # a fresh key space: other runs never count here
    workers = [
        serve(
            limiter=RedisLimiter(url, prefix=prefix),
            storedesk_rate_limit_address=3,
            storedesk_rate_limit_window_s=3600,
        )
        for _ in range(2)
    ]
    sarah = bearer(SARAH)
    codes = [workers[i % 2].post("/v1/conversations", json={}, headers=sarah).status_code
             for i in range(5)]  # fmt: skip
    assert codes[:3] == [201, 201, 201]
    assert codes[3:] == [429, 429]


def test_while_a_person_holds_the_conversation_the_assistant_stays_silent(
    serve, demo: UowFactory
) -> None:
    from services import handoff, inbox

    model_calls: list[int] = []

    def model() -> ScriptedModel:
        model_calls.append(1)
        return ScriptedModel([reply("The assistant should not say this.")])

    client = serve(model_factory=model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    ticket = handoff.open_handoff(
        demo, summary="needs a person", conversation_id=conversation, customer_id=SARAH
    )
    inbox.claim_ticket(demo, ticket_id=ticket.ticket_id, staff_name="Ana")
    _, events = send(client, conversation, "Hello, is anyone there?", sarah)
    assert [name for name, _ in events] == ["state", "finished"]
    assert events[0][1] == {"state": "with_person", "assignee": "Ana"}
    assert events[-1][1]["text"] == ""
    transcript = client.get(f"/v1/conversations/{conversation}/messages", headers=sarah).json()
    assert "Hello, is anyone there?" in [m["content"] for m in transcript["messages"]]
    assert all("should not say" not in m["content"] for m in transcript["messages"])


@pytest.fixture
def restore_database_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """--database-url sets DATABASE_URL for the whole process: undo it for later tests."""
    from services.settings import DEFAULT_DATABASE_URL, database_settings

    monkeypatch.setenv("DATABASE_URL", os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    yield
    monkeypatch.undo()
    database_settings.cache_clear()


def test_the_cli_creates_a_key_that_is_stored_only_as_a_hash(
    serve, demo: UowFactory, restore_database_url: None
) -> None:
    from sqlalchemy import select
    from typer.testing import CliRunner

    from app.cli import app as cli
    from services.models import ApiKey

    url = demo.engine.url.render_as_string(hide_password=False)
    run = CliRunner().invoke(cli, ["--database-url", url, "api-key", "create", "--name", "ops"])
    assert run.exit_code == 0, run.output
    key = run.output.strip().splitlines()[-1]
    assert key.startswith("sdk_")
    with demo() as uow:
        stored = uow.session.scalars(select(ApiKey)).one()
        assert stored.key_hash != key and key not in (stored.key_hash, stored.prefix)
    client = serve()
    assert client.post("/v1/conversations", json={}, headers={"X-API-Key": key}).status_code == 201
    revoke = CliRunner().invoke(cli, ["--database-url", url, "api-key", "revoke", "--name", "ops"])
    assert revoke.exit_code == 0
    assert client.post("/v1/conversations", json={}, headers={"X-API-Key": key}).status_code == 401


def test_labels_follow_the_message_locale(serve) -> None:
    client = serve(model_factory=cancelling_model)
    sarah = bearer(SARAH)
    conversation = start(client, sarah)
    _, events = send(client, conversation, "Hủy đơn ORD-92010", sarah, locale="vi")
    tool = next(data for name, data in events if name == "tool")
    assert tool["label"] == t("tool.cancel.running", "vi") != t("tool.cancel.running", "en")


def test_the_model_is_chosen_by_settings_offline_or_a_scripted_file(serve, tmp_path) -> None:
    import json

    offline = serve()  # STOREDESK_API_PROVIDER=offline (the default)
    sarah = bearer(SARAH)
    conversation = start(offline, sarah)
    _, events = send(offline, conversation, "Where is my order ORD-78342?", sarah)
    assert "tool" in [name for name, _ in events] and events[-1][0] == "finished"
    assert "ORD-78342" in events[-1][1]["text"]

    script = tmp_path / "script.json"
    script.write_text(json.dumps([
        {"text": "", "tool_calls": [{"name": "cancel_order", "arguments": CANCEL}]},
        {"text": "Please confirm the cancellation."},
    ]))  # fmt: skip
    scripted = serve(storedesk_api_provider="scripted", storedesk_api_script=str(script))
    conversation = start(scripted, sarah)
    _, events = send(scripted, conversation, "cancel it", sarah)
    assert "confirmation" in [name for name, _ in events]
    assert events[-1][1]["text"] == "Please confirm the cancellation."
