"""Model text is rendered safely: no raw HTML, no images, no LaTeX from prices."""

from __future__ import annotations

from app.ui.components.text import plain, safe_markdown


def test_raw_html_is_escaped():
    out = safe_markdown("<img src=x onerror=alert(1)><script>alert(1)</script>")
    assert "<" not in out and ">" not in out


def test_images_become_text_and_are_never_loaded():
    out = safe_markdown("Look ![tracking pixel](https://evil.example/p.gif) and ![x][ref]")
    assert "![" not in out and "evil.example" not in out
    assert "[image: tracking pixel]" in out


def test_dollar_amounts_are_not_latex():
    assert safe_markdown("Refund $20 and $30") == "Refund \\$20 and \\$30"


def test_streamlit_directives_are_defused():
    out = safe_markdown(":red[alarm] :material/warning: https://ok.example/a")
    assert ":red[" not in out and ":material/" not in out
    assert "https://ok.example/a" in out  # links survive


def test_plain_truncates_to_one_line():
    assert plain("a\n  b   c", 80) == "a b c"
    assert plain("x" * 100, 10) == "x" * 9 + "…"
