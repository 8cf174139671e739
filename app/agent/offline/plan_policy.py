"""Plan for store-wide policy and general questions: the help center answers them.

"What is your return policy?", "do you ship to Brazil?", "opening hours": one search of
the help center in the customer's language, then the best passage, quoted, with its
article cited. When no passage holds most of the question's words, the engine says it
did not find the answer and offers a person, rather than quote something unrelated.
"""

from __future__ import annotations

from typing import Any

from app.agent.offline import plan_read
from app.agent.offline.situation import Action, Situation

# Share of the question's meaningful words the best passage must hold to be quoted.
MIN_COVERAGE = 0.5
MAX_QUERY = 300  # the tool's own limit


def answer(s: Situation) -> Action:
    if not s.has("search_help_center"):
        # A toolset without the help center (tau-retail): return windows are then only
        # the products' own, so a return-policy question asks which product.
        if s.d.slots.topic == "return_policy":
            return plan_read.product_info(s)
        return s.say("not_understood")
    done = s.called("search_help_center")
    if done is None:
        question = " ".join(s.d.texts[-1:]) or " ".join(s.d.texts)
        return s.call("search_help_center", query=question[:MAX_QUERY], locale=s.lang)
    best = _best(done.result)
    if best is None:
        return s.say("policy_nothing")
    return s.say("policy_answer", excerpt=best["excerpt"], title=best["title"])


def _best(result: Any) -> dict[str, Any] | None:
    if not isinstance(result, dict) or not isinstance(result.get("results"), list):
        return None
    for hit in result["results"][:1]:
        if (
            isinstance(hit, dict)
            and isinstance(hit.get("excerpt"), str)
            and isinstance(hit.get("title"), str)
            and float(hit.get("coverage") or 0) >= MIN_COVERAGE
        ):
            return hit
    return None
