"""Turn.io function calling over real HTTP: signature on the raw bytes, identity from the
platform's context only, one run per tool_call_id, answers well inside 10 seconds."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from sqlalchemy import func, select

from app.tools.base import NoArgs, Tool, ToolSet
from app.tools.toolsets import TOOLSETS
from services.models import HandoffTicket, ToolCallRecord
from services.uow import UowFactory
from tests.api.conftest import (
    MICHAEL_ORDER,
    SARAH_ORDER,
    TURN_SECRETS,
    post_turn,
    turn_body,
    turn_sign,
)


def _count(uow: UowFactory, model: type) -> int:
    with uow() as u:
        return int(u.session.scalar(select(func.count()).select_from(model)) or 0)


def _output(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    return str(response.json()["output"])


def test_a_valid_signature_runs_the_tool_for_the_contact(client: httpx.Client) -> None:
    out = _output(post_turn(client, turn_body("get_order_status", {"order_id": SARAH_ORDER})))
    assert json.loads(out)["order_id"] == SARAH_ORDER


def test_one_changed_body_byte_is_refused_and_nothing_runs(
    client: httpx.Client, demo: UowFactory
) -> None:
    body = turn_body("transfer_to_human", {"summary": "help", "reason": "other"})
    signature = turn_sign(body)
    tampered = body.replace(b"help", b"hel0")
    assert len(tampered) == len(body) and tampered != body
    assert post_turn(client, tampered, signature).status_code == 401
    assert _count(demo, ToolCallRecord) == 0
    assert _count(demo, HandoffTicket) == 0


def test_a_missing_signature_header_is_refused(client: httpx.Client, demo: UowFactory) -> None:
    response = post_turn(client, turn_body("list_product_types"), signature=None)
    assert response.status_code == 401
    assert _count(demo, ToolCallRecord) == 0


def test_the_same_json_reserialized_is_refused(client: httpx.Client) -> None:
    body = turn_body("list_product_types")
    signature = turn_sign(body)
    same_data = json.dumps(json.loads(body), indent=2).encode()
    assert json.loads(same_data) == json.loads(body)
    assert post_turn(client, same_data, signature).status_code == 401


def test_malformed_signatures_are_401_never_500(client: httpx.Client) -> None:
    for header in ["", "not base64 at all!", "dGVzdA==", "A" * 5000, "é", "sha256=abcd"]:
        response = client.post(
            "/turn/function-calling",
            content=turn_body("list_product_types"),
            headers={"X-Turn-Hook-Signature": header.encode("utf-8")},
        )
        assert response.status_code == 401, header


def test_an_older_secret_still_verifies_during_rotation(client: httpx.Client) -> None:
    body = turn_body("list_product_types")
    assert _output(post_turn(client, body, turn_sign(body, TURN_SECRETS[1])))


def test_arguments_naming_another_customer_read_nothing(client: httpx.Client) -> None:
    # Sarah's WhatsApp asks for Michael's order: reported exactly like a missing order.
    out = json.loads(
        _output(post_turn(client, turn_body("get_order_status", {"order_id": MICHAEL_ORDER})))
    )
    assert out["error"] == "not_found"
    assert "CUST-4410" not in json.dumps(out) and "Michael" not in json.dumps(out)
    # An argument that tries to name someone is not an argument the tool takes.
    for args in ({"customer_id": "CUST-4410"}, {"phone": "+1 206-555-0199"}):
        out = json.loads(_output(post_turn(client, turn_body("get_customer_info", args))))
        assert out["error"] == "invalid_arguments"
    profile = json.loads(_output(post_turn(client, turn_body("get_customer_info"))))
    assert profile["customer_id"] == "CUST-9821"


def test_the_top_level_wa_id_identifies_the_contact(client: httpx.Client) -> None:
    data = json.loads(turn_body("get_customer_info", wa_id=None))
    data["wa_id"] = "+1 (317) 555-0142"  # digits only are compared
    body = json.dumps(data).encode()
    assert json.loads(_output(post_turn(client, body)))["customer_id"] == "CUST-9821"


def test_an_unknown_contact_uses_only_tools_that_need_no_customer(client: httpx.Client) -> None:
    body = turn_body("get_order_status", {"order_id": SARAH_ORDER}, wa_id="15550000000")
    out = json.loads(_output(post_turn(client, body)))
    assert out["error"] == "customer_required"
    assert SARAH_ORDER not in json.dumps(out)
    listing = _output(post_turn(client, turn_body("list_product_types", wa_id="15550000000")))
    assert "error" not in json.loads(listing)


def test_an_unknown_function_is_not_supported(client: httpx.Client) -> None:
    assert _output(post_turn(client, turn_body("format_disk"))) == "This function is not supported."


def test_destructive_tools_are_off_by_default(client: httpx.Client) -> None:
    body = turn_body("cancel_order", {"order_id": "ORD-92010", "reason": "no longer needed"})
    assert _output(post_turn(client, body)) == "This function is not supported."


def test_the_same_tool_call_id_runs_once_and_repeats_the_answer(
    client: httpx.Client, demo: UowFactory
) -> None:
    body = turn_body(
        "transfer_to_human", {"summary": "wants a person", "reason": "other"}, call_id="call_dup"
    )
    first = post_turn(client, body)
    second = post_turn(client, body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers.get("idempotent-replayed") == "true"
    assert _count(demo, HandoffTicket) == 1


def test_a_tool_past_its_budget_answers_in_time(
    serve, demo: UowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(ctx, args):
        time.sleep(5)
        return {"never": "seen"}

    slow_set = ToolSet("slow-test", [Tool("slow_lookup", "A tool that hangs.", NoArgs, slow)])
    monkeypatch.setitem(TOOLSETS, "slow-test", slow_set)
    client = serve(storedesk_webhook_toolset="slow-test", storedesk_webhook_tool_timeout_s=0.3)
    started = time.monotonic()
    out = json.loads(_output(post_turn(client, turn_body("slow_lookup"))))
    assert time.monotonic() - started < 4  # the tool sleeps 5 s; its budget is 0.3 s
    assert out["error"] == "timeout"


def test_a_body_over_the_limit_is_413(client: httpx.Client) -> None:
    body = turn_body("get_product_info", {"product_id": "x" * 70_000})
    assert post_turn(client, body).status_code == 413


def test_two_workers_given_the_same_call_at_once_run_it_once(serve, demo: UowFactory) -> None:
    from concurrent.futures import ThreadPoolExecutor

    workers = [serve(), serve()]  # two servers, one database: what two uvicorn workers share
    body = turn_body(
        "transfer_to_human", {"summary": "at once", "reason": "other"}, call_id="call_race"
    )
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda i: post_turn(workers[i % 2], body), range(6)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.text for a in answers}) == 1
    assert _count(demo, HandoffTicket) == 1
