"""The simulated customer of a tau-bench trial, and a scripted one for tests.

`LLMUser` follows tau2-bench's user-simulation rules (told here in our words): play the
customer of the scenario, one short message at a time, reveal only what is asked, invent
nothing, and end the conversation with a control token: ``###STOP###`` when the goal is
met (or cannot be), ``###TRANSFER###`` once transferred to a human, ``###OUT-OF-SCOPE###``
when the scenario gives no answer to what the agent needs. It talks to any
OpenAI-compatible endpoint, with its own model and base URL (not the agent's).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from app.eval.tau.tasks import TauTask

STOP = "###STOP###"
TRANSFER = "###TRANSFER###"
OUT_OF_SCOPE = "###OUT-OF-SCOPE###"
STOP_TOKENS = (STOP, TRANSFER, OUT_OF_SCOPE)
GREETING = "Hi! How can I help you today?"  # the agent's first line, as in tau2-bench

USER_RULES = f"""You are playing the role of a customer contacting a customer service \
representative. Simulate a realistic customer while following the scenario below.

Rules:
- Write one message at a time, as a customer would: short and natural.
- Reveal information only when the agent needs it, a little at a time; do not paste \
the whole scenario at once.
- Use only the information in the scenario. Never invent order ids, emails, addresses, \
item details or any other fact. If the agent asks for something the scenario does not \
give, say you do not know or do not remember it.
- Do not repeat the scenario's instructions word for word; say them in your own words.
- You are the customer, not the agent: never offer to look things up or to take actions \
on the store yourself.
- Follow the scenario's preferences and constraints faithfully, including what to do \
when something is not possible. Confirm an action only when it matches your goal.

Ending the conversation:
- When your goal is met, or it is clear it cannot be met, write {STOP} as your whole \
message (you may thank the agent first, on the same message, before the token).
- If the agent transfers you to a human agent, write {TRANSFER}.
- If the agent needs something the scenario cannot provide and you cannot go on, \
write {OUT_OF_SCOPE}.
"""


@dataclass(frozen=True)
class UserReply:
    text: str
    input_tokens: int = 0
    output_tokens: int = 0


class SimulatedUser(Protocol):
    model: str

    def respond(self, agent_text: str) -> UserReply:
        """The customer's next message after the agent said ``agent_text``."""
        ...


UserFactory = Callable[[TauTask], SimulatedUser]


def ends_conversation(text: str) -> str | None:
    """The control token in a user message, if any."""
    for token in STOP_TOKENS:
        if token in text:
            return token
    return None


class LLMUser:
    """A customer played by a chat model on an OpenAI-compatible endpoint."""

    def __init__(
        self,
        task: TauTask,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        temperature: float = 0.0,
        timeout_s: float = 120.0,
        client: Any = None,
    ) -> None:
        if client is None:
            from openai import OpenAI

            client = OpenAI(
                base_url=base_url,
                api_key=api_key or os.environ.get("OPENAI_API_KEY") or "not-needed",
                timeout=timeout_s,
                max_retries=3,
            )
        self._client = client
        self.model = model
        self._temperature = temperature
        system = f"{USER_RULES}\n<scenario>\n{task.scenario_text()}\n</scenario>"
        # Roles are flipped: to this model the agent is the "user" it answers.
        self._messages: list[dict[str, str]] = [{"role": "system", "content": system}]

    def respond(self, agent_text: str) -> UserReply:
        self._messages.append({"role": "user", "content": agent_text or "(no answer)"})
        response = self._client.chat.completions.create(
            model=self.model, messages=self._messages, temperature=self._temperature
        )
        text = (response.choices[0].message.content or "").strip()
        self._messages.append({"role": "assistant", "content": text})
        usage = getattr(response, "usage", None)
        return UserReply(
            text=text,
            input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        )


ScriptLine = str | Callable[[str], str]


class ScriptedUser:
    """A customer that says its lines in order (a line may be a function of what the
    agent just said); after the last line it repeats ``forever`` or stops."""

    def __init__(self, lines: Sequence[ScriptLine], *, forever: ScriptLine | None = None) -> None:
        self._lines = list(lines)
        self._forever = forever
        self.model = "scripted-user"
        self.heard: list[str] = []

    def respond(self, agent_text: str) -> UserReply:
        self.heard.append(agent_text)
        if self._lines:
            line = self._lines.pop(0)
        elif self._forever is not None:
            line = self._forever
        else:
            line = STOP
        text = line(agent_text) if callable(line) else line
        return UserReply(text=text, input_tokens=0, output_tokens=0)
