"""AppTest: staff pages ask for the staff password when one is set."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SARAH, app, open_page, texts


@pytest.mark.parametrize("page", ["inbox", "store", "insights", "mock_store"])
def test_staff_pages_require_the_password(ui_db, monkeypatch, page):
    monkeypatch.setenv("STOREDESK_STAFF_PASSWORD", "s3cret-pass")
    at = open_page(page, identity=None)
    assert "Staff sign-in" in texts(at)
    assert not at.metric and not at.dataframe  # nothing of the page itself

    at.text_input[0].input("Ana")
    at.text_input[1].input("wrong")
    at.button[-1].click().run()
    assert "That password is not right." in texts(at)
    assert "identity" not in at.session_state

    at.text_input[0].input("Ana")
    at.text_input[1].input("s3cret-pass")
    at.button[-1].click().run()
    assert at.session_state["identity"].is_staff
    assert "Staff sign-in" not in texts(at)
    # the password is not kept anywhere in the session
    assert "s3cret-pass" not in repr({k: at.session_state[k] for k in at.session_state})


def test_a_signed_in_customer_has_no_staff_pages(ui_db):
    at = app(identity=SARAH)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/inbox.py")


def test_oidc_configured_asks_for_sso_first(ui_db):
    at = app()
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "storedesk",
        "client_secret": "s",
        "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
    }
    at.run()
    at.switch_page("pages/inbox.py")
    at.run()
    assert any(b.label == "Sign in with SSO" for b in at.button)
    assert not at.text_input  # no password form before the SSO sign-in
    assert "identity" not in at.session_state
