"""`storedesk bench api`: the HTTP API under load, served by `storedesk serve --workers N`
on PostgreSQL (a throw-away database with the demo store).

Two bounded bursts, each repeated ``rounds`` times with every request in flight at once:
- ``webhooks`` signed Turn.io tool calls (each a real dispatcher call on the store);
- ``conversations`` conversations over the conversation API, each opening a
  conversation and streaming one offline-engine turn (a tool call and its answer) as
  server-sent events to the end.
Requests per second is the burst's requests over its wall time; latency is each
request's own (for a conversation: create + the whole stream). The baseline, in the same
run against the same server, is one request at a time. Any failure (a non-2xx, an error
event, a stream without its ``finished`` event) is counted and printed.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

from app.bench.stores import PG_ADMIN
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats
from app.identity import sign_customer_token
from seed_data.demo import load_demo
from services import schema
from services.db import get_engine
from services.uow import UowFactory

COLUMNS = ["burst", "requests", "failures", "requests/s", *STATS_COLUMNS, "ratio to baseline"]
# Demo customers (phone digits, customer id, one of their orders).
CONTACTS = [
    ("13175550142", "CUST-9821", "ORD-78342"),
    ("12065550199", "CUST-4410", "ORD-60215"),
    ("842438251234", "CUST-7702", "ORD-70021"),
    ("5511912345678", "CUST-5530", "ORD-80450"),
]
REQUEST_TIMEOUT_S = 60.0


@dataclass
class Burst:
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + len(self.failures)

    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Server:
    base: str
    turn_secret: str
    identity_secret: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database() -> str:
    name = f"storedesk_bench_api_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"


def _drop(url: str) -> None:
    get_engine(url).dispose()
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _start(url: str, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], Server]:
    port = _free_port()
    server = Server(
        base=f"http://127.0.0.1:{port}",
        turn_secret=secrets.token_urlsafe(24),
        identity_secret=secrets.token_urlsafe(24),
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "STOREDESK_TURN_SECRETS": server.turn_secret,
        "STOREDESK_IDENTITY_SECRETS": server.identity_secret,
        "STOREDESK_API_PROVIDER": "offline",
        # One client address sends everything here; the limits are not what is measured.
        "STOREDESK_RATE_LIMIT_ADDRESS": "1000000",
        "STOREDESK_RATE_LIMIT_CUSTOMER": "1000000",
    }
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"storedesk serve exited early:\n{log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{server.base}/health", timeout=1).status_code == 200:
                return proc, server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    _stop(proc)
    raise RuntimeError(f"storedesk serve did not answer /health:\n{log.read_text()[-2000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the server and its workers, nothing else
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


async def _webhook(client: httpx.AsyncClient, server: Server, i: int) -> str | None:
    phone, _, order = CONTACTS[i % len(CONTACTS)]
    body = json.dumps(
        {
            "function_name": "get_order_status",
            "function_args": {"order_id": order},
            "tool_call_id": f"bench_{uuid.uuid4().hex}",
            "context": {"contact": {"whatsapp_id": phone}},
        }
    ).encode()
    digest = hmac.new(server.turn_secret.encode(), body, hashlib.sha256).digest()
    response = await client.post(
        "/turn/function-calling",
        content=body,
        headers={"X-Turn-Hook-Signature": base64.b64encode(digest).decode(),
                 "Content-Type": "application/json"},
    )  # fmt: skip
    if response.status_code != 200:
        return f"webhook HTTP {response.status_code}"
    output = json.loads(response.json()["output"])
    return None if output.get("order_id") == order else f"webhook answer: {str(output)[:120]}"


async def _conversation(client: httpx.AsyncClient, server: Server, i: int) -> str | None:
    _, customer, order = CONTACTS[i % len(CONTACTS)]
    token = sign_customer_token(
        customer, secret=server.identity_secret, expires_at=int(time.time()) + 3600
    )
    headers = {"Authorization": f"Bearer {token}"}
    created = await client.post("/v1/conversations", json={}, headers=headers)
    if created.status_code != 201:
        return f"create HTTP {created.status_code}"
    path = f"/v1/conversations/{created.json()['id']}/messages"
    events: list[str] = []
    async with client.stream(
        "POST", path, json={"text": f"Where is my order {order}?"}, headers=headers
    ) as response:
        if response.status_code != 200:
            return f"message HTTP {response.status_code}"
        async for line in response.aiter_lines():
            if line.startswith("event:"):
                events.append(line[6:].strip())
    if "error" in events:
        return "error event in the stream"
    if not events or events[-1] != "finished" or "tool" not in events:
        return f"stream ended without a tool call and finished: {events[-5:]}"
    return None


Call = Callable[[httpx.AsyncClient, Server, int], Awaitable[str | None]]


async def _burst(server: Server, call: Call, size: int, rounds: int, burst: Burst) -> None:
    limits = httpx.Limits(max_connections=size + 4, max_keepalive_connections=size + 4)
    async with httpx.AsyncClient(
        base_url=server.base, timeout=REQUEST_TIMEOUT_S, limits=limits
    ) as client:

        async def timed(i: int) -> None:
            started = time.perf_counter()
            try:
                problem = await call(client, server, i)
            except Exception as exc:  # a dropped connection is a failure, not a crash
                problem = f"{type(exc).__name__}: {exc}"
            if problem is None:
                burst.latencies_ms.append((time.perf_counter() - started) * 1000)
            else:
                burst.failures.append(problem)

        for _ in range(rounds):
            started = time.perf_counter()
            await asyncio.gather(*(timed(i) for i in range(size)))
            burst.seconds += time.perf_counter() - started


def _sequential(server: Server, call: Call, n: int) -> Burst:
    burst = Burst()
    asyncio.run(_burst(server, call, 1, n, burst))
    return burst


def run(
    *, webhooks: int = 50, conversations: int = 32, workers: int = 2, rounds: int = 3,
    baseline: int = 10,
) -> Result:  # fmt: skip
    result = Result(
        name="api",
        title=f"HTTP API under load ({workers} uvicorn workers, PostgreSQL)",
        columns=COLUMNS,
    )
    url = _database()
    try:
        schema.upgrade(url)
        load_demo(UowFactory(get_engine(url)))
        get_engine(url).dispose()
        with tempfile.TemporaryDirectory(prefix="storedesk-bench-api-") as tmp:
            proc, server = _start(url, workers, Path(tmp) / "serve.log")
            try:
                bursts = [
                    ("webhooks", _webhook, webhooks),
                    ("conversations (SSE)", _conversation, conversations),
                ]
                for label, call, size in bursts:
                    alone = _sequential(server, call, baseline)
                    loaded = Burst()
                    asyncio.run(_burst(server, call, size, rounds, loaded))
                    _row(result, f"{label}: 1 at a time", alone, None)
                    _row(result, f"{label}: {size} at once x {rounds}", loaded, alone)
                    for problem in sorted(set(loaded.failures + alone.failures))[:5]:
                        result.notes.append(f"{label} failure: {problem}")
            finally:
                _stop(proc)
    finally:
        _drop(url)
    failures = sum(int(row[2]) for row in result.rows)
    result.notes.insert(0, f"failures: {failures} (target 0)")
    result.notes.append(
        "latency of a conversation = create + stream one offline-engine turn to `finished`; "
        "load generator and server share the same CPUs"
    )
    return result


def _row(result: Result, label: str, burst: Burst, baseline: Burst | None) -> None:
    base = Stats.of(baseline.latencies_ms) if baseline and baseline.latencies_ms else None
    result.add(label, Stats.of(burst.latencies_ms), base)
    row = result.rows[-1]
    row[1:1] = [str(burst.requests), str(len(burst.failures)), f"{burst.per_second():.1f}"]
