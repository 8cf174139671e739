"""Markdown files with front matter: import, export, and the round trip between them."""

from __future__ import annotations

from pathlib import Path

import pytest

from seed_data.demo import HELP_CENTER_DIR
from services.errors import InvalidRequest
from services.help_center import articles
from services.help_center.files import export_dir, import_dir, parse_markdown, render_markdown
from services.uow import UowFactory


def test_export_writes_back_exactly_the_files_that_were_imported(
    uow_factory: UowFactory, tmp_path: Path
) -> None:
    ids = import_dir(uow_factory, HELP_CENTER_DIR, author="test")
    assert len(ids) == 30
    written = export_dir(uow_factory, tmp_path)
    assert len(written) == 30
    for path in written:
        source = HELP_CENTER_DIR / path.relative_to(tmp_path)
        assert path.read_text(encoding="utf-8") == source.read_text(encoding="utf-8"), path


def test_reimporting_an_export_changes_nothing(uow_factory: UowFactory, tmp_path: Path) -> None:
    import_dir(uow_factory, HELP_CENTER_DIR, author="test")
    before = {
        a.id: a.model_dump(exclude={"updated_at"}) for a in articles.all_articles(uow_factory)
    }
    export_dir(uow_factory, tmp_path)
    import_dir(uow_factory, tmp_path, author="test")
    after = {a.id: a.model_dump(exclude={"updated_at"}) for a in articles.all_articles(uow_factory)}
    assert after == before


def test_titles_with_colons_and_quotes_survive_the_round_trip() -> None:
    draft = parse_markdown(
        '---\nslug: "faq"\nlocale: "pt"\ntitle: "Frete: \\"grátis\\"?"\ncategory: "shipping"\n'
        'tags: ["a", "b: c"]\npublished: false\n---\n# Body\n'
    )
    assert draft.title == 'Frete: "grátis"?' and draft.tags == ["a", "b: c"]
    assert parse_markdown(render_markdown(draft)) == draft


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("no front matter", "front matter missing"),
        ("---\nslug: x\n", "not closed"),
        ('---\nslug: "x"\nlocale: "fr"\ntitle: "T"\ncategory: "returns"\n---\n', "Locale"),
        ('---\nslug: "x"\nlocale: "en"\ntitle: "T"\ncategory: "pets"\n---\n', "Category"),
        ('---\nslug: "Bad Slug"\nlocale: "en"\ntitle: "T"\ncategory: "returns"\n---\n', "slug"),
        ('---\nslug: "x"\nlocale: "en"\ncolour: "red"\n---\n', "unknown"),
    ],
)
def test_a_bad_file_is_a_clear_error_and_nothing_is_imported(
    uow_factory: UowFactory, tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "good.md").write_text(
        '---\nslug: "good"\nlocale: "en"\ntitle: "Good"\ncategory: "returns"\n---\nFine.\n',
        encoding="utf-8",
    )
    (tmp_path / "en" / "zz-bad.md").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidRequest) as caught:
        import_dir(uow_factory, tmp_path, author="test")
    assert problem.lower() in caught.value.message.lower()
    assert "zz-bad.md" in caught.value.message
    assert articles.list_articles(uow_factory) == []
