"""Model and user text made safe for `st.markdown`.

Model output is untrusted: it may echo HTML a customer typed, point an image at a
tracking pixel, or contain prices that Streamlit's markdown would read as LaTeX
("$20 and $30"). We keep ordinary markdown (bold, lists, code, links) and defuse the rest.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_IMAGE_REF = re.compile(r"!\[([^\]]*)\]\[[^\]]*\]")
_HTML = str.maketrans({"<": "&lt;", ">": "&gt;"})
# Streamlit's own directives: colored text, icons, emoji shortcodes run through markdown.
_DIRECTIVE = re.compile(r":(?=[a-z]+(?:\[|/))")


def safe_markdown(text: str) -> str:
    """Markdown with no raw HTML, no images (external or not) and no LaTeX."""
    out = _IMAGE.sub(lambda m: f"[image: {m.group(1) or 'untitled'}]", text)
    out = _IMAGE_REF.sub(lambda m: f"[image: {m.group(1) or 'untitled'}]", out)
    out = out.translate(_HTML)
    out = out.replace("$", "\\$")
    return _DIRECTIVE.sub(":\u200b", out)


def plain(text: str, limit: int = 80) -> str:
    """One line for labels and lists (sidebar titles, table cells)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
