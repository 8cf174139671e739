"""Natural-language assertions judged by an LLM (tau2-bench's NL_ASSERTION check).

The judge reads the transcript and says, for each assertion, whether the agent met it;
all must be met. Any OpenAI-compatible endpoint; the judge is asked for JSON only.
"""

from __future__ import annotations

import json
import os
from typing import Any

from app.eval.tau.tasks import TauTask

JUDGE_PROMPT = """You judge a customer-service conversation against expected outcomes.
For each expected outcome, decide whether the agent's behaviour in the transcript meets
it. Answer with JSON only: {"results": [{"expectedOutcome": "...", "reasoning": "...",
"metExpectation": true|false}]}, one entry per expected outcome, in the same order."""


class LLMJudge:
    def __init__(self, *, model: str, base_url: str | None = None, client: Any = None) -> None:
        if client is None:
            from openai import OpenAI

            client = OpenAI(
                base_url=base_url,
                api_key=os.environ.get("OPENAI_API_KEY") or "not-needed",
                max_retries=3,
            )
        self._client = client
        self.model = model

    def __call__(
        self, task: TauTask, transcript: list[dict[str, str]]
    ) -> tuple[bool, list[dict[str, Any]]]:
        lines = "\n".join(f"{m['role']}: {m['text']}" for m in transcript)
        outcomes = "\n".join(f"- {a}" for a in task.nl_assertions)
        response = self._client.chat.completions.create(
            model=self.model,
            temperature=0,
            messages=[
                {"role": "system", "content": JUDGE_PROMPT},
                {
                    "role": "user",
                    "content": f"Transcript:\n{lines}\n\nExpected outcomes:\n{outcomes}",
                },
            ],
        )
        text = (response.choices[0].message.content or "").strip()
        start, end = text.find("{"), text.rfind("}")
        data = json.loads(text[start : end + 1]) if start >= 0 < end else {}
        results = [r for r in data.get("results") or [] if isinstance(r, dict)]
        if len(results) != len(task.nl_assertions):
            return False, results  # an answer that does not cover every assertion fails
        return all(bool(r.get("metExpectation")) for r in results), results
