"""`storedesk eval kb`: does help-center search find the article that answers a question?

The evaluation set (evals/kb/questions.json) names, for each question, the demo article
that answers it. The demo help center is written into the target database inside a
transaction that is rolled back at the end, so evaluating a real store's database
changes nothing in it (its own articles stay, and compete, as they would for customers).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from seed_data.demo import HELP_CENTER_DIR
from services.help_center.articles import make_id, write_article
from services.help_center.files import read_dir
from services.help_center.search import ranked_articles, search_session
from services.models import utcnow
from services.uow import UowFactory

QUESTIONS = Path(__file__).resolve().parents[2] / "evals" / "kb" / "questions.json"


@dataclass(frozen=True)
class Question:
    q: str
    locale: str
    article: str  # the answering article's id, "<slug>.<locale>"


@dataclass
class KbReport:
    backend: str
    total: int = 0
    at1: int = 0
    at3: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    misses: list[tuple[Question, list[str]]] = field(default_factory=list)
    by_locale: dict[str, list[int]] = field(default_factory=dict)  # locale -> [n, @1, @3]

    @property
    def recall_at_1(self) -> float:
        return self.at1 / self.total if self.total else 0.0

    @property
    def recall_at_3(self) -> float:
        return self.at3 / self.total if self.total else 0.0

    @property
    def mean_latency_ms(self) -> float:
        return sum(self.latencies_ms) / len(self.latencies_ms) if self.latencies_ms else 0.0


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Question(q=x["q"], locale=x["locale"], article=make_id(x["article"], x["locale"]))
        for x in data["questions"]
    ]


def evaluate(
    uow_factory: UowFactory,
    questions: list[Question],
    *,
    articles_dir: Path = HELP_CENTER_DIR,
    with_locale: bool = True,
) -> KbReport:
    """Recall@1, recall@3 and latency over `questions`; the database is left unchanged."""
    drafts = read_dir(articles_dir)
    with uow_factory() as uow:
        session = uow.session
        report = KbReport(backend=session.get_bind().dialect.name)
        for draft in drafts:
            write_article(session, draft, author="eval", now=utcnow())
        session.flush()
        for question in questions:
            started = time.perf_counter()
            hits = search_session(
                session, query=question.q, locale=question.locale if with_locale else None
            )
            report.latencies_ms.append((time.perf_counter() - started) * 1000)
            ranked = ranked_articles(hits, 3)
            row = report.by_locale.setdefault(question.locale, [0, 0, 0])
            report.total += 1
            row[0] += 1
            if ranked[:1] == [question.article]:
                report.at1 += 1
                row[1] += 1
            if question.article in ranked:
                report.at3 += 1
                row[2] += 1
            else:
                report.misses.append((question, ranked))
        uow.rollback()  # the demo articles were only borrowed
    return report
