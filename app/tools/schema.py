"""JSON schemas derived from argument models, and the toolset rendered for each platform.

Pydantic's schema is made compact and portable: titles dropped (the property name says it),
``$ref``s inlined (some providers reject ``$defs``), and ``Optional[X] = None`` written as
a plain non-required ``X`` (the model simply leaves it out).
"""

from __future__ import annotations

import copy
import threading
import weakref
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel

from app.tools.base import Tool, ToolSet
from app.tools.context import ToolContext

# Titles repeat the property name; upper bounds are defensive limits a legitimate call
# never reaches (pydantic still enforces them, with a clear error). Dropping them keeps the
# whole support set under 10,000 characters, which every model re-reads on every call.
_DROPPED = frozenset({"title", "maxLength", "maxItems"})

Format = Literal["openai", "responses", "anthropic", "turn"]
FORMATS: tuple[str, ...] = ("openai", "responses", "anthropic", "turn")


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            target = copy.deepcopy(defs[node["$ref"].rsplit("/", 1)[-1]])
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return _inline({**target, **extra}, defs)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _DROPPED and not isinstance(value, dict):
                continue
            if key == "properties" and isinstance(value, dict):
                # property names are data here, not schema keywords: keep every one
                out[key] = {k: _inline(v, defs) for k, v in value.items()}
                continue
            out[key] = _inline(value, defs)
        any_of = out.get("anyOf")
        if isinstance(any_of, list) and out.get("default", "x") is None:
            non_null = [s for s in any_of if s != {"type": "null"}]
            if len(non_null) == 1:
                out.pop("anyOf")
                out.pop("default")
                out = {**non_null[0], **out}
        return out
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def parameters_schema(args_model: type[BaseModel]) -> dict[str, Any]:
    raw = args_model.model_json_schema()
    defs = raw.pop("$defs", {})
    schema: dict[str, Any] = _inline(raw, defs)
    schema.pop("description", None)  # the model's docstring is for developers
    schema.setdefault("properties", {})
    schema["additionalProperties"] = False
    if not schema.get("required"):
        schema.pop("required", None)
    ordered = {"type": "object", "properties": schema.pop("properties")}
    ordered.update({k: v for k, v in schema.items() if k != "type"})
    return ordered


def render(tools: Sequence[Tool], fmt: str = "openai") -> list[dict[str, Any]]:
    """The tools in one platform's format (``openai`` = Chat Completions)."""
    out: list[dict[str, Any]] = []
    for tool in tools:
        params = parameters_schema(tool.args_model)
        if fmt == "openai":
            out.append(
                {
                    "type": "function",
                    "function": {
                        "name": tool.name,
                        "description": tool.description,
                        "parameters": params,
                    },
                }
            )
        elif fmt == "responses":
            out.append(
                {
                    "type": "function",
                    "name": tool.name,
                    "description": tool.description,
                    "parameters": params,
                }
            )
        elif fmt == "anthropic":
            out.append({"name": tool.name, "description": tool.description, "input_schema": params})
        elif fmt == "turn":
            out.append({"name": tool.name, "description": tool.description, "parameters": params})
        else:
            raise ValueError(f"unknown tool format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return out


# toolset -> (the tools this session sees, format) -> rendered list. Tools are frozen, so
# the same visible tools always render the same; keying by the visible tools themselves
# (not by actor) stays right whatever rule `for_context` applies. Rendering took about
# 3 ms on every model request; choosing the visible tools and a lookup take microseconds.
# Weak keys: a toolset built for a test goes away with its entries.
_Key = tuple[tuple[int, ...], str]
_RENDERED: weakref.WeakKeyDictionary[ToolSet, dict[_Key, list[dict[str, Any]]]] = (
    weakref.WeakKeyDictionary()
)
_RENDER_LOCK = threading.Lock()


def rendered(toolset: ToolSet, ctx: ToolContext, fmt: str = "openai") -> list[dict[str, Any]]:
    """`render(toolset.for_context(ctx), fmt)`, computed once per toolset, audience and format.

    The list is new on every call (callers may append to it); the schemas inside are
    shared and must be treated as read-only.
    """
    tools = toolset.for_context(ctx)
    key = (tuple(id(t) for t in tools), fmt)  # the toolset holds its tools: ids stay valid
    with _RENDER_LOCK:
        cached = _RENDERED.setdefault(toolset, {}).get(key)
    if cached is None:
        cached = render(tools, fmt)
        with _RENDER_LOCK:
            _RENDERED[toolset][key] = cached
    return list(cached)


def chat_to_responses(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Convert Chat Completions tool entries (what adapters receive) to the flat format."""
    out = []
    for entry in tools:
        fn = entry.get("function", entry)
        out.append(
            {
                "type": "function",
                "name": fn["name"],
                "description": fn.get("description", ""),
                "parameters": fn.get("parameters", {"type": "object", "properties": {}}),
            }
        )
    return out
