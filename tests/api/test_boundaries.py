"""What the API must never do: import streamlit, or let a secret reach a log line."""

from __future__ import annotations

import logging
import subprocess
import sys

import httpx
import pytest

from tests.api.conftest import SW_NEW, TURN_SECRETS, ai_body, post_turn, sw_headers, turn_body


def test_the_api_never_imports_streamlit() -> None:
    code = (
        "import sys, app.api.asgi; "
        "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('app.ui')]; "
        "sys.exit(1 if bad else 0)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={"DATABASE_URL": "sqlite:///:memory:", "PATH": ""},
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr.decode()[-2000:]


def test_secrets_never_reach_the_logs(
    client: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = turn_body("get_order_status", {"order_id": "ORD-78342"})
    post_turn(client, body)
    post_turn(client, body, "d3Jvbmc=")
    ai = ai_body("list_product_types")
    client.post("/webhook/ai", content=ai, headers=sw_headers(ai))
    text = caplog.text + repr([r.__dict__ for r in caplog.records])
    for secret in (*TURN_SECRETS, SW_NEW, SW_NEW.removeprefix("whsec_")):
        assert secret not in text


def test_the_docs_are_served(client: httpx.Client) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/webhook/ai", "/turn/function-calling", "/health", "/tools",
                 "/v1/conversations", "/v1/conversations/{conversation_id}/messages"):  # fmt: skip
        assert path in paths


def test_oversized_bodies_get_a_413_not_a_reset(client: httpx.Client) -> None:
    # Declared by Content-Length, and streamed without one (chunked).
    big = b"x" * 300_000
    for _ in range(5):
        assert client.post("/turn/function-calling", content=big).status_code == 413

    def chunks():
        for _ in range(30):
            yield b"y" * 10_000

    assert client.post("/turn/function-calling", content=chunks()).status_code == 413
