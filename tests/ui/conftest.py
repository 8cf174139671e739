"""AppTest fixtures: each test gets its own SQLite copy of a migrated demo store.

The database URL reaches the app through DATABASE_URL, which `app.ui.deps` reads on
every run and uses as the `st.cache_resource` key, so tests never share an engine.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.ui.session import Identity
from seed_data.demo import load_demo
from services import schema
from services.uow import UowFactory

MAIN = str(Path(__file__).resolve().parents[2] / "app" / "ui" / "main.py")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    url = f"sqlite:///{path}"
    schema.upgrade(url)
    factory = UowFactory.for_url(url)
    load_demo(factory)
    # Closing the last connection checkpoints SQLite's WAL into the file we copy.
    factory.engine.dispose()
    return path


@pytest.fixture
def ui_db(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    path = tmp_path / "store.db"
    shutil.copy(demo_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("STOREDESK_STAFF_PASSWORD", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("STOREDESK_PROVIDER", "offline")
    yield url


@pytest.fixture
def uow(ui_db: str) -> UowFactory:
    return UowFactory.for_url(ui_db)


def app(**state: object) -> AppTest:
    at = AppTest.from_file(MAIN, default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at


STAFF = Identity(kind="staff", name="Ana")
SARAH = Identity(kind="customer", name="Sarah Johnson", customer_id="CUST-9821")


def open_page(page: str, identity: Identity | None = STAFF) -> AppTest:
    at = app(**({"identity": identity} if identity else {}))
    at.run()
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Everything visible as text: markdown, captions, titles, metrics, buttons."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.title] + [e.value for e in at.subheader]
    parts += [f"{m.label} {m.value}" for m in at.metric] + [b.label for b in at.button]
    parts += (
        [e.value for e in at.info]
        + [e.value for e in at.error]
        + [e.value for e in at.warning]
        + [e.value for e in at.success]
    )
    return "\n".join(str(p) for p in parts)
