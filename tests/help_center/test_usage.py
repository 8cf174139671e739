"""What staff learn from the assistant's searches: the articles it cited most and the
questions the help center could not answer."""

from __future__ import annotations

from app.agent import loop
from app.agent.scripted import ScriptedModel, call, reply
from app.tools.context import ToolContext
from app.tools.support import SUPPORT
from services.help_center.usage import cited_articles, unanswered_questions


def turn(ctx: ToolContext, model: ScriptedModel, text: str) -> None:
    list(
        loop.run_turn(
            conversation_id=ctx.conversation_id or "",
            user_text=text,
            model=model,
            toolset=SUPPORT,
            ctx=ctx,
        )
    )


def test_citations_are_counted_and_unanswered_questions_listed(sarah: ToolContext) -> None:
    model = ScriptedModel(
        [
            call("search_help_center", {"query": "return policy", "locale": "en"}),
            reply("You have 30 days. [Returns and refunds]"),
            call("search_help_center", {"query": "do you sell unicorn saddles", "locale": "en"}),
            reply("I could not find that; shall I ask a person?"),
            call("search_help_center", {"query": "how long does shipping take", "locale": "en"}),
            reply("It depends on the distance."),  # searched but not cited
        ]
    )
    turn(sarah, model, "What is your return policy?")
    turn(sarah, model, "Do you sell unicorn saddles?")
    turn(sarah, model, "How long does shipping take?")
    cited = cited_articles(sarah.uow_factory)
    assert [(c.article_id, c.citations) for c in cited] == [("returns-and-refunds.en", 1)]
    gaps = unanswered_questions(sarah.uow_factory)
    assert [(g.question, g.locale, g.asked) for g in gaps] == [
        ("do you sell unicorn saddles", "en", 1)
    ]
