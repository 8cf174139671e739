"""The one output sanitizer: model, customer and store text made safe for Streamlit.

Text from a model, a customer or the store's data is untrusted: it may carry raw HTML, an
image whose URL smuggles conversation data to another host, a `javascript:` link, or
Streamlit's own markdown extensions (``:red[...]``, ``:material/icon:``, ``$`` LaTeX).

`safe_markdown` does not patch the text with regular expressions (every such patch was
bypassed: nested or escaped brackets, a newline in the alt text, reference definitions on
another line). It parses the text with a real CommonMark parser (markdown-it-py) and
writes markdown back from an allow-list of node types, every piece of text escaped:
paragraphs, headings, lists, quotes, code, tables, emphasis and links to http(s) or
mailto. Images become the words "(image: alt)", raw HTML is shown as text, other links
keep their text only. The result is parsed once more and, should anything outside the
allow-list appear (a bug here), the whole text is shown escaped instead.

`escape_inline` is for short fragments placed inside markup we write (names, titles,
labels of buttons, expanders, tabs and metrics, which Streamlit also reads as markdown,
images included).
"""

from __future__ import annotations

from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

# html=False: raw HTML is never a node, only text (escaped like all text).
_md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
# The check re-parses with HTML on, as a renderer that allowed it would see the output.
_md_html = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# Escaped with a backslash wherever they appear in text (CommonMark lets any ASCII
# punctuation be escaped; the result shows the character itself).
_ALWAYS = frozenset("\\`*[]<>!$|&~")
# Emphasis with "_" cannot open or close inside a word, so snake_case stays readable.
_WORDY = "_"
# At the start of a line these open a heading, quote, list, setext underline or table.
_LINE_START = frozenset("#>+-=|")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"
_ZWSP = "\u200b"


def _escape_text(text: str) -> str:
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == _WORDY:
            inside = 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            out.append(ch if inside else "\\" + ch)
        elif ch == ":" and i + 1 < n and text[i + 1].isalpha():
            # Streamlit reads ":red[", ":material/x:" and ":smile:" in plain text nodes,
            # after markdown parsing, so a backslash would not stop them; an invisible
            # zero-width space after the colon does.
            out.append(":" + _ZWSP)
        elif ch in "\x00\r":
            out.append(" " if ch == "\r" else "\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _guard_line_starts(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.lstrip(" ")
        lead = line[: len(line) - len(stripped)]
        if stripped[:1] in _LINE_START:
            lines[i] = f"{lead}\\{stripped}"
            continue
        digits = len(stripped) - len(stripped.lstrip("0123456789"))
        if digits and stripped[digits : digits + 1] in (".", ")"):
            lines[i] = f"{lead}{stripped[:digits]}\\{stripped[digits:]}"
    return "\n".join(lines)


def escape_inline(text: object, limit: int | None = None) -> str:
    """One line of literal text for use inside markdown we write (labels, names)."""
    line = " ".join(str(text).split())
    if limit is not None and len(line) > limit:
        line = line[: limit - 1] + "…"
    return _guard_line_starts(_escape_text(line))


def _allowed_href(href: str) -> str | None:
    if not href.lower().startswith(_LINK_SCHEMES):
        return None
    # Percent-encode anything that could end the <...> destination or the line.
    return quote(href, safe=_URL_SAFE).replace("<", "%3C").replace(">", "%3E")


def _plain_of(node: SyntaxTreeNode) -> str:
    if node.type in ("text", "code_inline", "html_inline", "text_special"):
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_plain_of(c) for c in node.children)


def _fence(content: str, char: str = "`") -> str:
    longest = run = 0
    for ch in content:
        run = run + 1 if ch == char else 0
        longest = max(longest, run)
    return char * max(3, longest + 1)


def _inline(nodes: list[SyntaxTreeNode]) -> str:
    return "".join(_inline_node(n) for n in nodes)


def _inline_node(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind in ("text", "text_special", "html_inline"):
        return _escape_text(node.content)
    if kind == "softbreak":
        return "\n"
    if kind == "hardbreak":
        return "\\\n"
    if kind == "code_inline":
        content = node.content.replace("\n", " ")
        ticks = "`" * (_longest_run(content) + 1)
        pad = " " if content.startswith("`") or content.endswith("`") else ""
        return f"{ticks}{pad}{content}{pad}{ticks}"
    if kind == "image":
        alt = " ".join(_plain_of(node).split()) or "untitled"
        return _escape_text(f"(image: {alt})")
    wrap = {"em": "*", "strong": "**", "s": "~~"}.get(kind)
    if wrap:
        return f"{wrap}{_inline(node.children)}{wrap}"
    if kind == "link":
        inner = _inline(node.children)
        href = _allowed_href(str(node.attrs.get("href", "")))
        return f"[{inner}](<{href}>)" if href and inner.strip() else inner
    # Anything else: its text only.
    return _escape_text(_plain_of(node))


def _longest_run(content: str) -> int:
    longest = run = 0
    for ch in content:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return longest


def _indent(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        (first if i == 0 else (rest if line else "")) + line for i, line in enumerate(lines)
    )


def _blocks(nodes: list[SyntaxTreeNode], tight: bool = False) -> str:
    parts = [_block(n) for n in nodes]
    return ("\n" if tight else "\n\n").join(p for p in parts if p)


def _inline_children(node: SyntaxTreeNode) -> str:
    return "".join(
        _inline(c.children) if c.type == "inline" else _inline_node(c) for c in node.children
    )


def _block(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "paragraph":
        return _guard_line_starts(_inline_children(node))
    if kind == "heading":
        # Never larger than a section title: model text must not shout over the page.
        level = max(3, min(6, int(node.tag[1:]) if node.tag[1:].isdigit() else 3))
        return "#" * level + " " + _inline_children(node).replace("\n", " ")
    if kind == "blockquote":
        return _indent(_blocks(node.children), "> ", "> ")
    if kind in ("bullet_list", "ordered_list"):
        return _list(node)
    if kind in ("code_block", "fence"):
        content = node.content if node.content.endswith("\n") else node.content + "\n"
        fence = _fence(content)
        return f"{fence}\n{content}{fence}"
    if kind == "hr":
        return "***"
    if kind == "table":
        return _table(node)
    if kind == "html_block":
        return "\n".join(
            _guard_line_starts(_escape_text(line)) for line in node.content.split("\n") if line
        )
    if kind == "inline":
        return _guard_line_starts(_inline(node.children))
    return _guard_line_starts(_escape_text(_plain_of(node)))


def _list(node: SyntaxTreeNode) -> str:
    ordered = node.type == "ordered_list"
    number = int(node.attrs.get("start", 1) or 1) if ordered else 0
    items = []
    for item in node.children:
        tight = all(c.type != "paragraph" or c.hidden for c in item.children)
        body = _blocks(item.children, tight=tight) or ""
        marker = f"{number}. " if ordered else "- "
        items.append(_indent(body, marker, " " * len(marker)) if body else marker.rstrip())
        number += 1
    return "\n".join(items)


def _table(node: SyntaxTreeNode) -> str:
    rows: list[list[str]] = []
    for section in node.children:
        for tr in section.children:
            rows.append([_inline_children(cell).replace("\n", " ") for cell in tr.children])
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        cells = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _violations(markdown: str) -> bool:
    """Whether re-parsed output holds anything outside the allow-list."""
    for token in _walk(_md_html.parse(markdown)):
        if token.type in ("image", "html_inline", "html_block"):
            return True
        if token.type == "link_open" and not _allowed_href(str(token.attrs.get("href", ""))):
            return True
    return False


def _walk(tokens: list) -> list:
    out = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(_walk(token.children))
    return out


def safe_markdown(text: object) -> str:
    """Markdown with no raw HTML, no images, links only to http(s)/mailto, no LaTeX or
    Streamlit directives; everything else (emphasis, lists, code, tables) kept."""
    source = str(text).replace("\x00", "\ufffd")
    try:
        out = _blocks(SyntaxTreeNode(_md.parse(source)).children)
    except Exception:  # a parser surprise must not show the raw text
        return escape_inline(source)
    if _violations(out):
        return "\n\n".join(escape_inline(p) for p in source.split("\n\n"))
    return out


def plain(text: object, limit: int = 80) -> str:
    """One line for labels and lists (sidebar titles, table cells), escaped for markdown."""
    return escape_inline(text, limit)


def code_inline(text: object) -> str:
    """A literal code span (ids, SKUs) whatever backticks the value holds."""
    content = " ".join(str(text).split())
    ticks = "`" * (_longest_run(content) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{ticks}{pad}{content}{pad}{ticks}" if content else ""
