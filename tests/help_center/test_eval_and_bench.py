"""`storedesk eval kb` and `storedesk bench kb`: figures on both databases, nothing kept."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from app.bench import kb as kb_bench
from app.cli import app
from app.eval.kb import evaluate, load_questions
from services.help_center.articles import list_articles
from services.uow import UowFactory


def test_evaluation_set_covers_three_languages_and_every_demo_article() -> None:
    questions = load_questions()
    assert len(questions) >= 40
    assert {q.locale for q in questions} == {"en", "vi", "pt"}
    slugs = {q.article.rsplit(".", 1)[0] for q in questions}
    assert len(slugs) == 10


def test_recall_at_3_is_at_least_090_and_the_database_is_left_unchanged(
    uow_factory: UowFactory,
) -> None:
    report = evaluate(uow_factory, load_questions())
    assert report.total >= 40
    assert report.recall_at_3 >= 0.9, report.misses
    assert report.recall_at_1 <= report.recall_at_3
    assert report.mean_latency_ms > 0
    assert list_articles(uow_factory) == []  # the demo articles were rolled back


def test_eval_kb_command_prints_recall_and_latency(db_url: str) -> None:
    out = CliRunner().invoke(app, ["--database-url", db_url, "eval", "kb"])
    assert out.exit_code == 0, out.output
    assert "recall@1" in out.output and "recall@3" in out.output and "mean latency" in out.output


def test_kb_export_then_import_through_the_command_line(db_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    src = Path(__file__).resolve().parents[2] / "seed_data" / "help_center"
    assert runner.invoke(app, ["--database-url", db_url, "kb", "import", str(src)]).exit_code == 0
    out = runner.invoke(app, ["--database-url", db_url, "kb", "export", str(tmp_path)])
    assert "exported 30" in out.output
    assert (tmp_path / "vi" / "returns-and-refunds.md").read_text(encoding="utf-8") == (
        src / "vi" / "returns-and-refunds.md"
    ).read_text(encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.md").write_text("no front matter", encoding="utf-8")
    refused = runner.invoke(app, ["--database-url", db_url, "kb", "import", str(bad)])
    assert refused.exit_code == 1 and "Nothing imported" in refused.output


def test_bench_kb_prints_its_figures_on_a_small_store(tmp_path: Path) -> None:
    result = kb_bench.run(articles=90, n=5, max_seconds=5)
    text = result.markdown()
    assert "search_help_center" in text and "baseline" in text
    assert "90 articles" in text and "CPU time p50" in text
