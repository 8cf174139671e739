"""Customer identity verification (app/identity.py): the store's site signs, we verify."""

from __future__ import annotations

import hashlib
import hmac
import time

import pytest

from app.identity import (
    MAX_TOKEN_CHARS,
    IdentityError,
    _b64,
    configured_secrets,
    sign_customer_token,
    verify_customer_token,
    verify_with_settings,
)
from app.settings import AppSettings

SECRET = "s3cret-of-the-desk"
NOW = 1_800_000_000


def _token(customer_id: str = "CUST-9821", *, secret: str = SECRET, ttl: int = 600) -> str:
    return sign_customer_token(customer_id, secret=secret, expires_at=NOW + ttl)


def test_a_valid_token_gives_its_customer_id() -> None:
    assert verify_customer_token(_token(), secrets=[SECRET], now=NOW) == "CUST-9821"


def test_ids_with_dots_and_unicode_round_trip() -> None:
    for cid in ("a.b.c", "Nguyễn-7702", "#W1234567", "x" * 200):
        assert verify_customer_token(_token(cid), secrets=[SECRET], now=NOW) == cid


def test_a_changed_id_is_refused_as_a_bad_signature() -> None:
    token = _token("CUST-9821")
    version, _id, expiry, mac = token.split(".")
    forged = ".".join([version, _b64(b"CUST-7702"), expiry, mac])
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(forged, secrets=[SECRET], now=NOW)
    assert caught.value.reason == "bad_signature"
    assert "changed" in str(caught.value)


def test_a_pushed_back_expiry_is_refused() -> None:
    version, cid, expiry, mac = _token(ttl=1).split(".")
    forged = ".".join([version, cid, str(int(expiry) + 86_400), mac])
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(forged, secrets=[SECRET], now=NOW + 5)
    assert caught.value.reason == "bad_signature"


def test_an_expired_token_is_refused_with_a_clear_message() -> None:
    token = _token(ttl=60)
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(token, secrets=[SECRET], now=NOW + 60)
    assert caught.value.reason == "expired"
    assert "expired" in str(caught.value)


def test_a_token_signed_with_a_foreign_secret_is_refused() -> None:
    token = _token(secret="someone-else's")
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(token, secrets=[SECRET], now=NOW)
    assert caught.value.reason == "bad_signature"
    assert "another desk" in str(caught.value)


def test_rotation_every_listed_secret_verifies() -> None:
    old = _token(secret="old")
    new = _token(secret="new")
    assert verify_customer_token(old, secrets=["new", "old"], now=NOW) == "CUST-9821"
    assert verify_customer_token(new, secrets=["new", "old"], now=NOW) == "CUST-9821"
    with pytest.raises(IdentityError):
        verify_customer_token(old, secrets=["new"], now=NOW)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "v1",
        "v1.a.b",
        "v2.Q1VTVA.1900000000.AAAA",
        "v1.Q1VTVA.soon.AAAA",
        "v1.Q1VTVA.-5.AAAA",
        "v1.Q1V!VA.1900000000.AAAA",
        "v1.Q1VTVA.1900000000.A",
        "v1..1900000000.AAAA",
        "x" * (MAX_TOKEN_CHARS + 1),
        "v1.Q1VTVA.1900000000.AAAA.extra",
        "v1.Q1VTVA.１９００.AAAA",  # full-width digits are digits to str.isdigit
    ],
)
def test_malformed_tokens_are_refused_not_crashed(token: str) -> None:
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(token, secrets=[SECRET], now=NOW)
    assert caught.value.reason in {"malformed", "bad_signature"}


def test_a_signed_empty_or_control_character_id_is_refused() -> None:
    bad_id = _b64(b"CUST\n1")
    payload = f"v1.{bad_id}.{NOW + 60}"
    mac = _b64(hmac.new(SECRET.encode(), payload.encode(), hashlib.sha256).digest())
    with pytest.raises(IdentityError):
        verify_customer_token(f"{payload}.{mac}", secrets=[SECRET], now=NOW)
    with pytest.raises(ValueError):
        sign_customer_token("", secret=SECRET, expires_at=NOW)
    with pytest.raises(ValueError):
        sign_customer_token("CUST-1", secret="", expires_at=NOW)


def test_without_a_secret_nothing_verifies() -> None:
    with pytest.raises(IdentityError) as caught:
        verify_customer_token(_token(), secrets=[], now=NOW)
    assert caught.value.reason == "no_secret"
    with pytest.raises(IdentityError):
        verify_customer_token(_token(), secrets=["", ""], now=NOW)


def test_settings_secrets_and_demo_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STOREDESK_IDENTITY_SECRETS", raising=False)
    monkeypatch.delenv("STOREDESK_DEMO_MODE", raising=False)
    assert AppSettings(_env_file=None).demo_mode is True  # type: ignore[call-arg]
    monkeypatch.setenv("STOREDESK_DEMO_MODE", "false")
    assert AppSettings(_env_file=None).demo_mode is False  # type: ignore[call-arg]
    monkeypatch.setenv("STOREDESK_DEMO_MODE", "true")
    monkeypatch.setenv("STOREDESK_IDENTITY_SECRETS", " new , old ,")
    settings = AppSettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.identity_secrets == ["new", "old"]
    assert settings.demo_mode is False  # a secret means a real deployment
    assert "new" not in repr(settings)
    token = sign_customer_token("CUST-9821", secret="old", expires_at=int(time.time()) + 60)
    assert verify_with_settings(token) == "CUST-9821"


def test_configured_secrets_parsing() -> None:
    assert configured_secrets(None) == []
    assert configured_secrets(" , ") == []
    assert configured_secrets("a,b") == ["a", "b"]


def test_the_readme_example_of_the_store_side_signs_valid_tokens() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("### Customer sign-in from the store's site", 1)[1]
    code = section.split("```python", 1)[1].split("```", 1)[0]
    code = code.split("# on the", 1)[0]  # the function, not the call on the store's page
    namespace: dict[str, object] = {}
    exec(code, namespace)
    url = namespace["storedesk_chat_url"]("CUST-9821", SECRET)  # type: ignore[operator]
    token = str(url).split("customer_token=", 1)[1]
    assert verify_customer_token(token, secrets=[SECRET]) == "CUST-9821"
