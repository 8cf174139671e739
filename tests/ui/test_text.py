"""Model text is rendered safely: no raw HTML, no images, no LaTeX from prices.

The thorough cases (every image form, fuzzing) are in tests/security/test_sanitizer.py.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from app.ui.components.text import plain, safe_markdown

_md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def test_raw_html_is_shown_as_text():
    html = _md.render(safe_markdown("<img src=x onerror=alert(1)><script>alert(1)</script>"))
    assert "<img" not in html and "<script" not in html
    assert "&lt;script&gt;" in html


def test_images_become_text_and_are_never_loaded():
    out = safe_markdown("Look ![tracking pixel](https://evil.example/p.gif) and ![x][ref]")
    assert "![" not in out and "evil.example" not in out
    assert "(image: tracking pixel)" in out


def test_dollar_amounts_are_not_latex():
    assert safe_markdown("Refund $20 and $30") == "Refund \\$20 and \\$30"


def test_streamlit_directives_are_defused():
    out = safe_markdown(":red[alarm] :material/warning: https://ok.example/a")
    assert ":red[" not in out and ":material/" not in out
    assert "https://ok.example/a" in out  # links survive


def test_plain_truncates_to_one_line():
    assert plain("a\n  b   c", 80) == "a b c"
    assert plain("x" * 100, 10) == "x" * 9 + "…"
