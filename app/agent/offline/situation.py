"""What the planner sees: the dialogue state and the session's tools; what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.agent.offline.i18n import t
from app.agent.offline.state import Call, Dialogue


@dataclass(frozen=True)
class CallTool:
    name: str
    args: dict[str, Any]


@dataclass(frozen=True)
class Reply:
    text: str


Action = CallTool | Reply


@dataclass(frozen=True)
class Situation:
    """The state plus what this session's toolset offers."""

    d: Dialogue
    tools: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> JSON schema
    actor: str = "customer"

    @property
    def lang(self) -> str:
        return self.d.lang

    @property
    def staff(self) -> bool:
        return self.actor in ("staff", "system")

    def has(self, tool: str) -> bool:
        return tool in self.tools

    def called(self, tool: str, **match: Any) -> Call | None:
        """The latest call of `tool` in this turn whose arguments include `match`."""
        for call in reversed(self.d.calls):
            if call.name == tool and all(call.args.get(k) == v for k, v in match.items()):
                return call
        return None

    def call(self, tool: str, **args: Any) -> CallTool | Reply:
        if tool not in self.tools:
            # Not in this session's toolset (another toolset, or a staff-only tool): say
            # so rather than send the dispatcher a call it can only refuse.
            return self.say("unavailable")
        return CallTool(tool, fit_args(self.tools.get(tool), args))

    def say(self, key: str, **kw: Any) -> Reply:
        return Reply(t(self.lang, key, **kw))


def fit_args(schema: dict[str, Any] | None, args: dict[str, Any]) -> dict[str, Any]:
    """Keep the arguments the tool declares, in its own vocabulary; drop unset ones.

    Without a schema (a tool this session cannot see) the arguments pass unchanged and
    the dispatcher answers with its own structured error.
    """
    args = {k: v for k, v in args.items() if v is not None}
    if not schema:
        return args
    props: dict[str, Any] = schema.get("properties", {})
    out: dict[str, Any] = {}
    for key, value in args.items():
        if key not in props:
            continue
        allowed = _enum_of(props[key])
        if allowed and isinstance(value, str) and value not in allowed:
            value = _closest(value, allowed)
            if value is None:
                continue
        out[key] = value
    return out


def _enum_of(prop: dict[str, Any]) -> list[str]:
    if "enum" in prop:
        return [str(v) for v in prop["enum"]]
    for option in prop.get("anyOf", []):
        if "enum" in option:
            return [str(v) for v in option["enum"]]
    return []


def _closest(value: str, allowed: list[str]) -> str | None:
    """Our reason code "no_longer_needed" is the tool's "no longer needed", and so on."""
    key = value.replace("_", " ").lower()
    for option in allowed:
        if option.replace("_", " ").lower() == key:
            return option
    for option in allowed:
        plain = option.replace("_", " ").lower()
        if key in plain or plain in key:
            return option
    return "other" if "other" in allowed else None


def choose(schema: dict[str, Any] | None, prop: str, *candidates: str) -> str | None:
    """The first candidate the tool's enum for `prop` accepts (the first one without enum)."""
    props = (schema or {}).get("properties", {})
    if prop not in props:
        return None
    allowed = _enum_of(props[prop])
    if not allowed:
        return candidates[0] if candidates else None
    return next((c for c in candidates if c in allowed), None)
