"""`storedesk bench kb`: help-center search over 10,000 articles on SQLite (target: p50
under 5 ms), beside a bare FTS5 query of the same terms measured in the same run.

The store: the 30 demo articles plus generated ones in the three languages. Like a large
store's help center, most are per-product articles (setup, care, troubleshooting:
app/bench/kb_corpus.py, with the generator's brands and product kinds); POLICY_SHARE of
them are policy articles made of the demo articles' own sentences reshuffled, so policy
words hit about a thousand articles. A second, worst-case run makes every article a
policy one (each question then matches a quarter of all passages). Questions: the
evaluation set (evals/kb/questions.json), in turn.
"""

from __future__ import annotations

import itertools
import os
import random
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import insert, text

from app.bench.kb_corpus import SENTENCES, TOPICS
from app.bench.stores import PG_ADMIN
from app.bench.table import STATS_COLUMNS, Result
from app.bench.timing import Stats, interleave, ms
from app.eval.kb import Question, evaluate, load_questions
from seed_data.demo import HELP_CENTER_DIR
from seed_data.generator.catalog_data import BRANDS, KINDS, LINES
from services import schema
from services.db import get_engine
from services.help_center.articles import passage_rows
from services.help_center.files import read_dir
from services.help_center.search import search_help_center
from services.help_center.text import fts5_match, query_terms, sentences
from services.help_center.views import ArticleDraft
from services.models import HELP_CATEGORIES, HelpArticle, HelpPassage, utcnow
from services.uow import UowFactory

COLUMNS = ["path", "articles", *STATS_COLUMNS, "ratio to baseline"]
TARGET_P50_MS = 5.0
POLICY_SHARE = 0.1


def generated_articles(
    count: int, *, policy_share: float = POLICY_SHARE, seed: int = 11
) -> list[ArticleDraft]:
    """`count` articles: the demo ones, then generated product and policy articles."""
    demo = read_dir(HELP_CENTER_DIR)
    rng = random.Random(seed)
    pool: dict[str, list[str]] = {}
    for d in demo:
        pool.setdefault(d.locale, []).extend(sentences(d.body))
    out = list(demo)
    locales = sorted(pool)
    for i in itertools.count():
        if len(out) >= count:
            break
        locale = locales[i % len(locales)]
        kind = rng.choice(KINDS)["name"]
        brand = rng.choice(BRANDS)
        product = f"{brand} {kind} {rng.choice(LINES)} {rng.randint(100, 999)}".replace("  ", " ")
        policy = rng.random() < policy_share
        sections = []
        for topic in rng.sample(TOPICS[locale], rng.randint(2, 4)):
            if policy:
                body = " ".join(rng.sample(pool[locale], rng.randint(2, 5)))
            else:
                lines = rng.sample(SENTENCES[locale], rng.randint(2, 5))
                body = " ".join(x.format(p=product, k=kind, b=brand) for x in lines)
            sections.append(f"## {topic}\n\n{body}")
        title = rng.choice(pool[locale])[:60] if policy else rng.choice(TOPICS[locale])
        out.append(
            ArticleDraft(
                slug=f"gen-{i:06d}",
                locale=locale,
                title=f"{product}: {title}",
                body="\n\n".join(sections),
                category=rng.choice(HELP_CATEGORIES),
                tags=[kind],
                published=True,
            )
        )
    return out


def build_store(url: str, count: int, policy_share: float = POLICY_SHARE) -> UowFactory:
    schema.upgrade(url)
    uow_factory = UowFactory.for_url(url)
    now = utcnow()
    drafts = generated_articles(count, policy_share=policy_share)
    columns = ("slug", "locale", "title", "body", "category", "tags", "published")
    rows = [
        {"id": f"{d.slug}.{d.locale}", **{c: getattr(d, c) for c in columns},
         "updated_at": now, "updated_by": "bench", "created_at": now}
        for d in drafts
    ]  # fmt: skip
    articles = [HelpArticle(**row) for row in rows]
    with uow_factory() as uow:
        uow.session.execute(insert(HelpArticle), rows)
        passages = [row for a in articles for row in passage_rows(a)]
        uow.session.execute(insert(HelpPassage), passages)
        uow.commit()
    with uow_factory() as uow:  # what a live database has after some use
        uow.session.execute(
            text("INSERT INTO help_passages_fts(help_passages_fts) VALUES ('optimize')")
        )
        uow.commit()
    return uow_factory


CORPORA = (("typical", POLICY_SHARE), ("worst case: every article a policy one", 1.0))
SEARCH = "search_help_center (folded query, locale, published, excerpts)"
BASELINE = "baseline: bare FTS5 OR of the same terms + bm25, 16 rowids"


def run(*, articles: int = 10_000, n: int = 500, max_seconds: float = 60.0) -> Result:
    result = Result("kb", "help-center search (SQLite FTS5)", ["corpus", *COLUMNS])
    questions = load_questions()
    for corpus, share in CORPORA:
        with tempfile.TemporaryDirectory(prefix="storedesk-kb-") as tmp:
            started = time.perf_counter()
            uow_factory = build_store(f"sqlite:///{Path(tmp) / 'kb.db'}", articles, share)
            built = time.perf_counter() - started
            try:
                samples, matched = _measure(uow_factory, questions, n, max_seconds / 2)
                cpu = _cpu_median(uow_factory, questions)
            finally:
                uow_factory.engine.dispose()
        base = Stats.of(samples[BASELINE])
        found = Stats.of(samples[SEARCH])
        for label, stats in ((BASELINE, base), (SEARCH, found)):
            result.add(label, stats, None if stats is base else base)
            result.rows[-1][1:1] = [f"{articles:,}"]
            result.rows[-1].insert(0, corpus)
        verdict = "met" if found.median < TARGET_P50_MS else "MISSED"
        result.notes.append(
            f"{corpus}: {articles:,} articles built in {built:.1f} s; a question matches "
            f"{matched:,.0f} passages on average; search p50 {ms(found.median)} ms "
            f"(target < {TARGET_P50_MS:g} ms): {verdict}; CPU time p50 {ms(cpu)} ms (what "
            "the search costs this process, whatever else the machine runs)"
        )
    result.notes.append(
        f"{len(questions)} evaluation questions (en, vi, pt) asked in turn; both paths "
        "alternate over the same questions, so both see the same machine load"
    )
    result.notes.extend(_recall(questions))
    return result


def _recall(questions: list[Question]) -> list[str]:
    """`storedesk eval kb` on a fresh SQLite and PostgreSQL database (the demo articles)."""
    notes = []
    with tempfile.TemporaryDirectory(prefix="storedesk-kb-eval-") as tmp:
        urls = {"SQLite": f"sqlite:///{Path(tmp) / 'eval.db'}"}
        pg = _pg_database()
        if pg:
            urls["PostgreSQL"] = pg
        try:
            for name, url in urls.items():
                schema.upgrade(url)
                report = evaluate(UowFactory.for_url(url), questions)
                notes.append(
                    f"eval kb on {name} (demo help center, {report.total} questions): "
                    f"recall@1 {report.recall_at_1:.3f}, recall@3 {report.recall_at_3:.3f}, "
                    f"mean latency {report.mean_latency_ms:.2f} ms"
                )
        finally:
            if pg:
                _drop_pg_database(pg)
    if not pg:
        notes.append(f"eval kb on PostgreSQL: skipped, no server at {PG_ADMIN}")
    return notes


def _pg_database() -> str | None:
    name = f"storedesk_kb_eval_{os.getpid()}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def _drop_pg_database(url: str) -> None:
    get_engine(url).dispose()
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _cpu_median(uow_factory: UowFactory, questions: list[Question]) -> float:
    samples = []
    for q in questions * 2:
        started = time.process_time()
        search_help_center(uow_factory, query=q.q, locale=q.locale, limit=4)
        samples.append((time.process_time() - started) * 1000)
    return Stats.of(samples).median


def _measure(
    uow_factory: UowFactory, questions: list[Question], n: int, max_seconds: float
) -> tuple[dict[str, list[float]], float]:
    raw = uow_factory.engine.raw_connection()
    try:
        cursor = raw.cursor()
        matches = [fts5_match(query_terms(q.q, q.locale)) for q in questions]
        counts = [
            cursor.execute(
                "SELECT count(*) FROM help_passages_fts WHERE help_passages_fts MATCH ?", (m,)
            ).fetchone()[0]
            for m in matches
        ]
        asked = itertools.cycle(questions)
        bare = itertools.cycle(matches)

        def search() -> object:
            q = next(asked)
            return search_help_center(uow_factory, query=q.q, locale=q.locale, limit=4)

        def baseline() -> object:
            return cursor.execute(
                "SELECT rowid FROM help_passages_fts WHERE help_passages_fts MATCH ? "
                "ORDER BY bm25(help_passages_fts) LIMIT 16",
                (next(bare),),
            ).fetchall()

        samples = interleave({BASELINE: baseline, SEARCH: search}, n=n, max_seconds=max_seconds)
    finally:
        raw.close()
    return samples, sum(counts) / len(counts)
