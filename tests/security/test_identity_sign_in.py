"""The chat signs a customer in from the store's signed link, and only demo mode offers
demo sign-in."""

from __future__ import annotations

import time

import pytest

from app.identity import sign_customer_token
from tests.ui.conftest import app, texts

SECRET = "store-and-desk-share-this"


@pytest.fixture
def real_deployment(ui_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("STOREDESK_IDENTITY_SECRETS", f"{SECRET},older-secret")
    monkeypatch.delenv("STOREDESK_DEMO_MODE", raising=False)
    return ui_db


def _open(token: str, **state: object):
    at = app(**state)
    at.query_params["customer_token"] = token
    at.run()
    return at


def _token(customer_id: str = "CUST-9821", *, secret: str = SECRET, ttl: int = 600) -> str:
    return sign_customer_token(customer_id, secret=secret, expires_at=int(time.time()) + ttl)


def test_a_valid_signed_link_signs_its_customer_in(real_deployment: str) -> None:
    at = _open(_token())
    identity = at.session_state["identity"]
    assert (identity.customer_id, identity.name) == ("CUST-9821", "Sarah Johnson")
    assert not at.exception
    at.run()  # a rerun (as a refresh re-sends the URL) keeps the same customer
    assert at.session_state["identity"].customer_id == "CUST-9821"


def test_a_link_signed_with_an_older_listed_secret_still_works(real_deployment: str) -> None:
    at = _open(_token("CUST-4410", secret="older-secret"))
    assert at.session_state["identity"].customer_id == "CUST-4410"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: _token(ttl=-5), "expired"),
        (lambda: _token(secret="someone-elses-secret"), "signature does not match"),
        (lambda: _swap_id(_token(), "CUST-4410"), "signature does not match"),
        (lambda: "v1.garbage", "not valid"),
    ],
    ids=["expired", "foreign", "changed id", "malformed"],
)
def test_a_bad_link_is_refused_with_a_clear_message(real_deployment: str, make, words) -> None:
    at = _open(make())
    assert "identity" not in at.session_state
    assert words in " ".join(e.value for e in at.warning)


def _swap_id(token: str, customer_id: str) -> str:
    import base64

    version, _old, expiry, mac = token.split(".")
    new = base64.urlsafe_b64encode(customer_id.encode()).rstrip(b"=").decode()
    return ".".join([version, new, expiry, mac])


def test_a_changed_link_never_signs_in_the_other_customer(real_deployment: str) -> None:
    at = _open(_token())
    assert at.session_state["identity"].customer_id == "CUST-9821"
    at.query_params["customer_token"] = _swap_id(_token(), "CUST-4410")
    at.run()
    identity = at.session_state["identity"] if "identity" in at.session_state else None  # noqa: SIM401
    assert identity is None or identity.customer_id == "CUST-9821"


def test_with_a_secret_set_demo_sign_in_is_hidden(real_deployment: str) -> None:
    at = app()
    at.run()
    assert not [s for s in at.selectbox if s.key == "signin_pick"]
    labels = {t.label for t in at.text_input}
    assert "Email on your account" not in labels and "First name" not in labels
    assert "open the chat from the store's website" in texts(at)


def test_demo_mode_off_by_setting_hides_demo_sign_in(
    ui_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STOREDESK_IDENTITY_SECRETS", raising=False)
    monkeypatch.setenv("STOREDESK_DEMO_MODE", "false")
    at = app()
    at.run()
    assert "Email on your account" not in {t.label for t in at.text_input}
    assert not [s for s in at.selectbox if s.key == "signin_pick"]


def test_demo_mode_on_by_default_offers_demo_sign_in(
    ui_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STOREDESK_IDENTITY_SECRETS", raising=False)
    monkeypatch.delenv("STOREDESK_DEMO_MODE", raising=False)
    at = app()
    at.run()
    assert [s for s in at.selectbox if s.key == "signin_pick"]
