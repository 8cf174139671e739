"""Articles as markdown files with front matter, one folder per language.

    ---
    slug: "returns-and-refunds"
    locale: "en"
    title: "Returns and refunds"
    category: "returns"
    tags: ["return policy", "refund"]
    published: true
    ---
    markdown body

Values are JSON (which is also YAML), so a title with a colon or quotes survives the
round trip and no YAML library is needed. `export_dir` writes what `import_dir` reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from services.errors import InvalidRequest
from services.help_center.articles import all_articles, make_draft, save_articles
from services.help_center.views import ArticleDraft
from services.uow import UowFactory

FIELDS = ("slug", "locale", "title", "category", "tags", "published")
_FENCE = "---"


def parse_markdown(text: str, *, source: str = "article") -> ArticleDraft:
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != _FENCE:
        raise InvalidRequest(f"{source}: front matter missing (the file must start with ---)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
    except StopIteration:
        raise InvalidRequest(f"{source}: front matter is not closed with ---") from None
    fields: dict[str, Any] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, raw = line.partition(":")
        if not sep:
            raise InvalidRequest(f"{source}:{number}: expected 'key: value'")
        fields[key.strip()] = _value(raw.strip(), f"{source}:{number}")
    unknown = set(fields) - set(FIELDS) - {"id", "updated_at", "updated_by"}
    if unknown:
        raise InvalidRequest(f"{source}: unknown front matter {sorted(unknown)}")
    fields = {k: v for k, v in fields.items() if k in FIELDS}
    fields["body"] = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    try:
        return make_draft(**fields)
    except InvalidRequest as exc:
        raise InvalidRequest(f"{source}: {exc.message}") from None


def _value(raw: str, where: str) -> Any:
    if raw in ("true", "false"):
        return raw == "true"
    if raw[:1] in ('"', "["):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            raise InvalidRequest(f"{where}: not a valid quoted value") from None
    return raw


def render_markdown(draft: ArticleDraft) -> str:
    head = [_FENCE]
    for key in FIELDS:
        value = getattr(draft, key)
        head.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    head.append(_FENCE)
    return "\n".join(head) + "\n" + draft.body.strip("\n") + "\n"


def read_dir(folder: Path) -> list[ArticleDraft]:
    """Every *.md under `folder` (any depth), parsed; the first bad file is the error."""
    if not folder.is_dir():
        raise InvalidRequest(f"{folder} is not a folder")
    drafts = [
        parse_markdown(path.read_text(encoding="utf-8"), source=str(path))
        for path in sorted(folder.rglob("*.md"))
    ]
    seen: set[tuple[str, str]] = set()
    for d in drafts:
        if (d.slug, d.locale) in seen:
            raise InvalidRequest(f"{d.slug} ({d.locale}) appears twice in {folder}")
        seen.add((d.slug, d.locale))
    return drafts


def import_dir(uow_factory: UowFactory, folder: Path, *, author: str) -> list[str]:
    """Load a folder of articles in one transaction: every file is valid, or nothing."""
    return save_articles(uow_factory, drafts=read_dir(folder), author=author)


def export_dir(uow_factory: UowFactory, folder: Path) -> list[Path]:
    """Write every article to folder/<locale>/<slug>.md; what import_dir reads back."""
    written = []
    for article in all_articles(uow_factory):
        path = folder / article.locale / f"{article.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(article), encoding="utf-8")
        written.append(path)
    return written
