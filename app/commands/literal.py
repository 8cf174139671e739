"""Text from a model, a customer or the store, printed exactly as it is.

Rich reads ``[...]`` in a printed string as markup: ``[/x]`` in a tool argument crashes
the print (MarkupError) and ``[green]Done[/green]`` in a tool name prints a styled fake
success. Terminal escape sequences (ESC, other C0 controls) could move the cursor or
recolour the screen. Untrusted text therefore goes through `literal`, a rich `Text` with
control characters made visible, and styled lines are assembled from `Text` pieces, never
by formatting untrusted text into markup.
"""

from __future__ import annotations

from rich.text import Text

_KEEP = {"\n", "\t"}


def _visible(text: str) -> str:
    if text.isprintable() and text.isascii():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _KEEP:
            out.append(ch)
        elif code < 32 or code == 127 or 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")  # shown, not obeyed
        elif "\ud800" <= ch <= "\udfff":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def literal(text: object, style: str = "") -> Text:
    """``text`` as a rich Text: no markup read, control characters shown escaped."""
    return Text(_visible(str(text)), style=style)


def line(*parts: str | tuple[object, str]) -> Text:
    """A line of pieces: plain strings are ours (literal too), (text, style) pairs style
    untrusted text without reading markup in it."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append_text(literal(part[0], part[1]))
        else:
            out.append_text(literal(part))
    return out
