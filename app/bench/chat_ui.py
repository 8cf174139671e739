"""The chat in a real browser: time from Send to the first text of the answer and to the
finished answer, at turn 1 and at turn 100 of a conversation (`storedesk bench chat-ui`).

The app runs as `make run` would (Streamlit on a free 127.0.0.1 port, the offline
engine, a fresh SQLite demo store); Debian's Chromium is driven by Playwright. Turn 1 is
a message in a new conversation; turn 100 is a message in a conversation holding 99
stored turns (user question, tool call and result, answer), as the customer who owns it
(signed in through the chat URL's customer token). Both series ask the same question, so
the engine's own work is the same and the difference is what the page costs. The
browser measures: `performance.now()` at the Enter key, at the first answer text drawn
(the streaming cursor "▌" appears) and when the answer is finished (cursor gone, the
input enabled again after the page's redraw). Target: turn 100 within 1.5x of turn 1.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from app.bench.table import Result
from app.identity import sign_customer_token
from seed_data.demo import load_demo
from services import conversations, schema
from services.models import Actor
from services.uow import UowFactory

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("STOREDESK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECRET = "bench-chat-ui-secret"
CUSTOMER = "CUST-9821"
QUESTION = "Where is my order ORD-78342?"
TARGET_RATIO = 1.5

# Installed before Enter: records when the answer's first text is drawn and when the
# turn is over (the input, disabled while the app runs, takes text again and the answer
# has no cursor). The new answer is the last chat message once the user's bubble is in.
OBSERVER = """
() => {
  const box = document.querySelector('[data-testid=stChatInputTextArea]');
  const bench = window.__bench = {start: null, first: null, done: null, sawBusy: false};
  const before = document.querySelectorAll('[data-testid=stChatMessage]').length;
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && bench.start === null) bench.start = performance.now();
  }, {once: true});
  const check = () => {
    if (bench.start === null || bench.done !== null) return;
    const msgs = document.querySelectorAll('[data-testid=stChatMessage]');
    // The input is disabled while the script runs (submit_mode="disable").
    const input = document.querySelector('[data-testid=stChatInputTextArea]');
    const busy = !input || input.disabled;
    bench.sawBusy = bench.sawBusy || busy;
    const last = msgs.length ? msgs[msgs.length - 1].innerText : '';
    if (bench.first === null && msgs.length > before && last.includes('\u258c')) {
      bench.first = performance.now();
    }
    if (bench.first !== null && !busy && bench.sawBusy && !last.includes('\u258c')) {
      bench.done = performance.now();
    }
  };
  new MutationObserver(check).observe(document.body,
    {subtree: true, childList: true, characterData: true});
  setInterval(check, 10);
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stored_turns(uow: UowFactory, turns: int) -> str:
    """A conversation of `turns` finished turns, each with a tool call, as a chat stores it."""
    cid = conversations.start_conversation(uow, actor=Actor.CUSTOMER, customer_id=CUSTOMER).id
    answer = (
        "Your order **ORD-78342** is in transit with FastShip (tracking FS123456789). "
        "It left our Chicago warehouse yesterday and should arrive on Thursday. "
        "Anything else I can help with?"
    )
    for i in range(turns):
        conversations.append_message(uow, conversation_id=cid, role="user", content=QUESTION)
        call = {"id": f"call_{i}", "name": "get_order_status", "arguments": '{"order_id": "x"}'}
        conversations.append_message(
            uow, conversation_id=cid, role="assistant", content="", tool_calls=[call]
        )
        conversations.append_message(
            uow,
            conversation_id=cid,
            role="tool",
            content='{"order_id": "ORD-78342", "status": "in_transit"}',
            tool_call_id=f"call_{i}",
            name="get_order_status",
        )
        conversations.append_message(
            uow, conversation_id=cid, role="assistant", content=answer, latency_ms=8
        )
    return cid


def _start(database_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "STOREDESK_PROVIDER": "offline",
        "STOREDESK_IDENTITY_SECRETS": SECRET,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("OPENAI_API_KEY", None)
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                streamlit,
                "run",
                str(ROOT / "app" / "ui" / "main.py"),
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("streamlit did not become healthy in time")


def _send(page: Any, timeout_ms: int = 60_000) -> tuple[float, float]:
    """One message; (ms to first text, ms to finished answer) as the browser saw them."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stChatInputTextArea]').disabled",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(300)  # let a run started by the page load settle
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stChatInputTextArea]').disabled",
        timeout=timeout_ms,
    )
    page.evaluate(OBSERVER)
    box.fill(QUESTION)
    box.press("Enter")
    page.wait_for_function("() => window.__bench.done !== null", timeout=timeout_ms)
    got = page.evaluate("() => window.__bench")
    return got["first"] - got["start"], got["done"] - got["start"]


def run(*, turns: int = 100, sends: int = 3) -> Result:
    """Measure; raises RuntimeError when Chromium or the app is not there."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM} (make chromium installs it)")
    from playwright.sync_api import sync_playwright

    result = Result(
        name="chat-ui",
        title=f"Chat in the browser: Send to first text and to finished answer, turn 1 "
        f"vs turn {turns} (offline engine, SQLite demo store, Chromium)",
        columns=[
            "turn",
            "sends",
            "first text median ms",
            "finished median ms",
            "finished min-max ms",
            "ratio to turn 1 (finished)",
        ],
    )
    with tempfile.TemporaryDirectory(prefix="storedesk-bench-chat-") as tmp:
        database_url = f"sqlite:///{Path(tmp) / 'store.db'}"
        schema.upgrade(database_url)
        uow = UowFactory.for_url(database_url)
        load_demo(uow)
        long_ids = [_stored_turns(uow, turns - 1) for _ in range(sends)]
        uow.engine.dispose()
        token = sign_customer_token(CUSTOMER, secret=SECRET, expires_at=int(time.time()) + 3600)
        proc, url = _start(database_url, Path(tmp) / "streamlit.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(60_000)
                page.goto(f"{url}/?customer_token={token}")
                _send(page)  # warm-up: imports, caches, the engine's first run
                first: list[tuple[float, float]] = []
                late: list[tuple[float, float]] = []
                # Interleaved (1, 100, 1, 100...) so load spikes hit both series alike.
                for cid in long_ids:
                    page.goto(f"{url}/?customer_token={token}")
                    first.append(_send(page))
                    page.goto(f"{url}/?customer_token={token}&conversation={cid}")
                    page.get_by_test_id("stChatMessage").first.wait_for()
                    late.append(_send(page))
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    base = statistics.median(done for _, done in first)
    for label, series in (("1", first), (str(turns), late)):
        done = [d for _, d in series]
        ratio = statistics.median(done) / base
        result.rows.append(
            [
                label,
                str(len(series)),
                f"{statistics.median(f for f, _ in series):.0f}",
                f"{statistics.median(done):.0f}",
                f"{min(done):.0f}-{max(done):.0f}",
                "baseline" if label == "1" else f"{ratio:.2f}x",
            ]
        )
    ratio = statistics.median(d for _, d in late) / base
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    result.notes.append(
        f"target: turn {turns} finished within {TARGET_RATIO}x of turn 1: {verdict} ({ratio:.2f}x)"
    )
    result.notes.append(
        "the chat draws the newest 16 stored messages (older ones behind 'Show earlier "
        "messages'); the finished time includes the word-by-word reveal (at most 0.6 s "
        "per answer) and the page's redraw from the database after the turn"
    )
    return result
