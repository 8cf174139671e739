"""Reading a text/event-stream answer with httpx, as any client would."""

from __future__ import annotations

import json
from typing import Any

import httpx


def read_events(response: httpx.Response) -> list[tuple[str, dict[str, Any]]]:
    events: list[tuple[str, dict[str, Any]]] = []
    name, data = "message", []
    for line in response.iter_lines():
        if not line:
            if data:
                events.append((name, json.loads("\n".join(data))))
            name, data = "message", []
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
    if data:
        events.append((name, json.loads("\n".join(data))))
    return events


def send(client: httpx.Client, conversation_id: str, text: str, headers: dict[str, str],
         locale: str | None = None) -> tuple[int, list[tuple[str, dict[str, Any]]]]:  # fmt: skip
    body = {"text": text, "locale": locale}
    with client.stream(
        "POST", f"/v1/conversations/{conversation_id}/messages", json=body, headers=headers
    ) as response:
        if response.status_code != 200:
            response.read()
            return response.status_code, []
        assert response.headers["content-type"].startswith("text/event-stream")
        return 200, read_events(response)
