"""AppTest: customer sign-in (demo pick, email, name + zip) and the settings page."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SARAH, app, open_page, texts


def test_demo_pick_signs_in_the_chosen_customer(ui_db):
    at = app()
    at.run()
    assert "How can we help?" in texts(at)
    at.selectbox(key="signin_pick").set_value("CUST-9821")
    at.button(key="signin_pick_go").click().run()
    identity = at.session_state["identity"]
    assert (identity.customer_id, identity.name) == ("CUST-9821", "Sarah Johnson")
    assert "Support chat" in texts(at)


def test_email_sign_in_is_case_insensitive_and_misses_say_nothing_specific(ui_db):
    at = app()
    at.run()
    email_form = next(t for t in at.text_input if t.label == "Email on your account")
    email_form.input("nobody@example.com")
    _submit(at, "signin_email")
    assert "We couldn't find an account with those details." in texts(at)
    assert "identity" not in at.session_state
    next(t for t in at.text_input if t.label == "Email on your account").input(
        "SARAH.JOHNSON@example.com"
    )
    _submit(at, "signin_email")
    assert at.session_state["identity"].customer_id == "CUST-9821"


def test_name_and_zip_sign_in(ui_db):
    at = app()
    at.run()
    by_label = {t.label: t for t in at.text_input}
    by_label["First name"].input("michael")
    by_label["Last name"].input("Chen")
    by_label["Zip code"].input("98101")
    _submit(at, "signin_name_zip")
    assert at.session_state["identity"].customer_id == "CUST-4410"


def _submit(at, form_key: str) -> None:
    button = next(b for b in at.button if b.id and form_key in b.id)
    button.click().run()


def test_settings_keep_a_typed_key_in_the_session_only(ui_db):
    at = open_page("settings")
    at.radio[0].set_value("custom")
    by_label = {t.label: t for t in at.text_input}
    by_label["Model"].input("gpt-4.1")
    by_label["Base URL"].input("http://127.0.0.1:9/v1")
    by_label["API key for this URL"].input("sk-test-123456")
    next(b for b in at.button if b.label == "Save").click().run()
    saved = at.session_state["model_settings"]
    assert (saved.choice, saved.model, saved.base_url) == (
        "custom",
        "gpt-4.1",
        "http://127.0.0.1:9/v1",
    )
    assert saved.api_key.get_secret_value() == "sk-test-123456"
    assert "sk-test-123456" not in repr(saved)
    assert "gpt-4.1" in texts(at)  # the provider in use is shown


def test_settings_refuse_a_bad_base_url(ui_db):
    at = open_page("settings")
    at.radio[0].set_value("custom")
    by_label = {t.label: t for t in at.text_input}
    by_label["Model"].input("m")
    by_label["Base URL"].input("ftp://nope")
    next(b for b in at.button if b.label == "Save").click().run()
    assert "The base URL must start with http:// or https://." in texts(at)
    assert at.session_state["model_settings"].base_url == ""


def test_customers_have_no_settings_page(ui_db):
    at = app(identity=SARAH)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/settings.py")


def test_mock_store_reset_reloads_the_demo(uow):
    from services.admin import reset_store
    from services.stats import store_counts

    reset_store(uow)
    at = open_page("mock_store")
    at.checkbox(key="reset_sure").check()
    next(b for b in at.button if b.label == "Reset to the demo store").click().run()
    assert not at.exception
    assert store_counts(uow)["customers"] == 4
    assert "Demo store loaded" in texts(at)


def test_mock_store_generates_a_store_with_progress(uow):
    from services.stats import store_counts

    at = open_page("mock_store")
    by_label = {n.label: n for n in at.number_input}
    by_label["Customers"].set_value(25)
    by_label["Orders"].set_value(40)
    by_label["Products"].set_value(6)
    by_label["Warehouses"].set_value(2)
    at.multiselect[0].set_value(["en_US", "vi_VN"])
    at.checkbox(key="generate_sure").check()
    next(b for b in at.button if b.label == "Generate").click().run()
    assert not at.exception, at.exception
    counts = store_counts(uow)
    assert (counts["customers"], counts["orders"], counts["warehouses"]) == (25, 40, 2)
    assert "Generated 25 customers, 40 orders" in texts(at)


def test_mock_store_generate_says_it_deletes_conversations_and_asks_first(uow):
    from services.stats import store_counts
    from tests.conversation_factory import Turn, add_conversation

    add_conversation(uow, turns=[Turn("hi", "hello")], ticket="HT-1")
    at = open_page("mock_store")
    warning = " ".join(w.value for w in at.warning)
    assert "every conversation (1) and hand-off ticket (1)" in warning
    next(b for b in at.button if b.label == "Generate").click().run()  # box not ticked
    assert "Nothing was changed" in " ".join(w.value for w in at.warning)
    assert store_counts(uow)["conversations"] == 1 and store_counts(uow)["handoff_tickets"] == 1
