"""POST /webhook/ai (the seeds' format) with Standard Webhooks signatures over real HTTP."""

from __future__ import annotations

import json
import time

import httpx
from sqlalchemy import func, select

from services.models import HandoffTicket, ToolCallRecord
from services.uow import UowFactory
from tests.api.conftest import SARAH_ORDER, SW_NEW, SW_OLD, ai_body, sw_headers


def _count(uow: UowFactory, model: type) -> int:
    with uow() as u:
        return int(u.session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_valid_call_answers_with_the_result_and_the_measured_time(client: httpx.Client) -> None:
    body = ai_body("get_order_status", {"order_id": SARAH_ORDER})
    response = client.post("/webhook/ai", content=body, headers=sw_headers(body))
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["success"] is True and data["function"] == "get_order_status"
    assert data["result"]["order_id"] == SARAH_ORDER
    assert isinstance(data["execution_time_ms"], int) and data["execution_time_ms"] >= 0


def test_an_old_or_future_timestamp_is_refused(client: httpx.Client, demo: UowFactory) -> None:
    body = ai_body("list_product_types")
    for offset in (-301, -3600, 301, 86_400):
        headers = sw_headers(body, ts=time.time() + offset)
        assert client.post("/webhook/ai", content=body, headers=headers).status_code == 401
    assert _count(demo, ToolCallRecord) == 0
    # Inside the 5 minutes, either way, is accepted.
    headers = sw_headers(body, ts=time.time() - 240)
    assert client.post("/webhook/ai", content=body, headers=headers).status_code == 200


def test_the_rotated_out_secret_still_verifies(client: httpx.Client) -> None:
    body = ai_body("list_product_types")
    response = client.post("/webhook/ai", content=body, headers=sw_headers(body, secret=SW_OLD))
    assert response.status_code == 200


def test_a_secret_not_configured_is_refused(client: httpx.Client) -> None:
    body = ai_body("list_product_types")
    other = "whsec_" + "b3RoZXItc2VjcmV0LW5vdC1jb25maWd1cmVkLTAwMQ=="
    assert (
        client.post("/webhook/ai", content=body, headers=sw_headers(body, secret=other)).status_code
        == 401
    )


MALFORMED = ["v1", "v1,", "v1,!!!", "garbage", "v2,AAAA", ",,,", "v1,dGVzdA==", "v1 , x",
             "v1,AAAA v1"]  # fmt: skip


def test_malformed_signature_entries_are_4xx_never_500(client: httpx.Client) -> None:
    body = ai_body("list_product_types")
    for signature in MALFORMED:
        headers = sw_headers(body)
        headers["webhook-signature"] = signature
        response = client.post("/webhook/ai", content=body, headers=headers)
        assert 400 <= response.status_code < 500, signature
    for broken in ({"webhook-timestamp": "soon"}, {"webhook-id": ""}, {"webhook-id": "x" * 500}):
        headers = {**sw_headers(body), **broken}
        assert client.post("/webhook/ai", content=body, headers=headers).status_code == 401


def test_a_malformed_entry_next_to_a_valid_one_still_verifies(client: httpx.Client) -> None:
    body = ai_body("list_product_types")
    headers = sw_headers(body)
    headers["webhook-signature"] = "v1,@@@ garbage " + headers["webhook-signature"]
    assert client.post("/webhook/ai", content=body, headers=headers).status_code == 200


def test_one_changed_byte_is_refused(client: httpx.Client) -> None:
    body = ai_body("get_order_status", {"order_id": SARAH_ORDER})
    headers = sw_headers(body)
    tampered = body.replace(b"78342", b"78343")
    assert client.post("/webhook/ai", content=tampered, headers=headers).status_code == 401


def test_a_replayed_id_runs_once(client: httpx.Client, demo: UowFactory) -> None:
    body = ai_body("transfer_to_human", {"summary": "replay me", "reason": "other"})
    headers = sw_headers(body, msg_id="msg_replayed")
    first = client.post("/webhook/ai", content=body, headers=headers)
    second = client.post("/webhook/ai", content=body, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert _count(demo, HandoffTicket) == 1


def test_unknown_function_is_404_and_invalid_arguments_422_with_structured_errors(
    client: httpx.Client,
) -> None:
    body = ai_body("format_disk")
    unknown = client.post("/webhook/ai", content=body, headers=sw_headers(body))
    assert unknown.status_code == 404
    assert unknown.json()["success"] is False
    assert unknown.json()["result"]["error"] == "unknown_tool"
    body = ai_body("get_order_status", {"order_id": 12, "extra": True})
    invalid = client.post("/webhook/ai", content=body, headers=sw_headers(body))
    assert invalid.status_code == 422
    assert invalid.json()["result"]["error"] == "invalid_arguments"
    assert set(invalid.json()["result"]) == {"error", "detail", "hint"}


def test_bearer_mode_takes_a_configured_token(serve) -> None:
    client = serve(storedesk_webhook_auth="bearer")
    body = ai_body("list_product_types")
    ok = client.post("/webhook/ai", content=body, headers={"Authorization": f"Bearer {SW_NEW}"})
    assert ok.status_code == 200
    bad = client.post("/webhook/ai", content=body, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_health_and_tools(client: httpx.Client) -> None:
    health = client.get("/health").json()
    assert health["database"] == "ok" and "support" in health["toolsets"]
    for fmt, key in (("openai", "function"), ("responses", "name"), ("anthropic", "input_schema"),
                     ("turn", "parameters")):  # fmt: skip
        tools = client.get("/tools", params={"format": fmt}).json()
        assert all(key in t for t in tools)
    names = {t["name"] for t in client.get("/tools", params={"format": "turn"}).json()}
    assert "get_order_status" in names
    assert "cancel_order" not in names  # destructive tools are off by default
    assert "find_customer" not in names  # staff tools are never offered to a platform
    assert client.get("/tools", params={"toolset": "nope"}).status_code == 422
    assert json.loads(client.get("/openapi.json").text)["paths"]["/webhook/ai"]


def test_a_signed_customer_token_in_the_context_identifies_the_customer(
    client: httpx.Client,
) -> None:
    from app.identity import sign_customer_token
    from tests.api.conftest import IDENTITY_SECRET, MICHAEL

    token = sign_customer_token(MICHAEL, secret=IDENTITY_SECRET, expires_at=int(time.time()) + 60)
    data = {"function_call": {"name": "get_customer_info", "arguments": {}},
            "context": {"customer_token": token}}  # fmt: skip
    body = json.dumps(data).encode()
    answer = client.post("/webhook/ai", content=body, headers=sw_headers(body))
    assert answer.status_code == 200 and answer.json()["result"]["customer_id"] == MICHAEL
    data["context"] = {"customer_token": token[:-2] + "xx"}  # a forged token names nobody
    body = json.dumps(data).encode()
    answer = client.post("/webhook/ai", content=body, headers=sw_headers(body))
    assert answer.status_code == 403
