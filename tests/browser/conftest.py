"""Browser-test fixtures: the real app served headless on 127.0.0.1, and Debian's
Chromium driven by Playwright (never `playwright install`: the browser comes from apt)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from seed_data.demo import load_demo
from services import schema
from services.uow import UowFactory

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("STOREDESK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "browser"
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


@dataclass
class RunningApp:
    url: str
    database_url: str
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def running_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app on a free port with its own fresh SQLite database holding the demo store."""
    if not Path(CHROMIUM).exists():
        problem = f"Chromium not found at {CHROMIUM} (make chromium installs Debian's)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(problem, pytrace=False)
        pytest.skip(problem)
    db = tmp_path_factory.mktemp("browser-db") / "store.db"
    database_url = f"sqlite:///{db}"
    schema.upgrade(database_url)
    load_demo(UowFactory.for_url(database_url))
    port = _free_port()
    log = tmp_path_factory.mktemp("browser-log") / "streamlit.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "STOREDESK_PROVIDER": "offline",
        "STOREDESK_STAFF_PASSWORD": "browser-test-pass",
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
        try:
            _wait_healthy(url, proc)
            yield RunningApp(url=url, database_url=database_url, log=log)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
