"""A real HTTP server on 127.0.0.1 that speaks the OpenAI wire format, from a script.

Each request takes the next `Reply` from the queue: an SSE stream (chunked transfer
encoding, like the real API), a JSON error with a status and headers, a delay before
answering (read timeouts), or a stream cut mid-way (the connection closes without the
terminating chunk). Every request body is kept in ``requests`` for assertions.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # cut streams and clients that time out are the point of these tests


@dataclass
class Reply:
    events: list[Any] = field(default_factory=list)  # SSE data payloads (dict or "[DONE]")
    status: int = 200
    body: dict[str, Any] | None = None  # for error replies
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the status line
    cut_after: int | None = None  # close the connection after this many events
    sse_event_names: bool = False  # Responses API streams name each event


class FakeOpenAI:
    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.requests.append(body)
                    fake.paths.append(self.path)
                    reply = fake.replies.pop(0) if fake.replies else Reply(status=500)
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                # the client may have given up already (timeout tests)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    fake._answer(self, reply)

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def _answer(self, h: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.status != 200 or reply.body is not None:
            payload = json.dumps(reply.body or {"error": {"message": "boom", "type": "server"}})
            data = payload.encode()
            h.send_response(reply.status)
            h.send_header("content-type", "application/json")
            h.send_header("content-length", str(len(data)))
            for k, v in reply.headers.items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(data)
            return
        h.send_response(200)
        h.send_header("content-type", "text/event-stream")
        h.send_header("transfer-encoding", "chunked")
        h.end_headers()
        for index, event in enumerate(reply.events):
            if reply.cut_after is not None and index >= reply.cut_after:
                h.wfile.flush()
                h.close_connection = True
                # Abort without the terminating zero-length chunk: a broken stream.
                h.connection.shutdown(2)
                return
            data = event if isinstance(event, str) else json.dumps(event)
            prefix = ""
            if reply.sse_event_names and isinstance(event, dict):
                prefix = f"event: {event.get('type', 'message')}\n"
            frame = f"{prefix}data: {data}\n\n".encode()
            h.wfile.write(f"{len(frame):x}\r\n".encode() + frame + b"\r\n")
            h.wfile.flush()
        h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


# -- Chat Completions chunks ---------------------------------------------------------


def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "fake-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }


def usage_chunk(prompt: int, completion: int) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "fake-model",
        "choices": [],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        },
    }


def text_stream(*pieces: str, usage: tuple[int, int] = (12, 7)) -> Reply:
    events: list[Any] = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": p}) for p in pieces]
    events += [chunk({}, "stop"), usage_chunk(*usage), "[DONE]"]
    return Reply(events=events)


def tool_fragment(
    index: int, *, call_id: str | None = None, name: str | None = None, args: str = ""
) -> dict[str, Any]:
    fn: dict[str, Any] = {"arguments": args}
    if name:
        fn["name"] = name
    frag: dict[str, Any] = {"index": index, "function": fn}
    if call_id:
        frag.update(id=call_id, type="function")
    return chunk({"tool_calls": [frag]})


# -- Responses API events ------------------------------------------------------------


def responses_stream(
    *,
    response_id: str,
    text: str = "",
    calls: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
) -> Reply:
    """A Responses stream: optional text, then function_call items (call_id, name, args)."""
    seq = iter(range(1, 1000))
    events: list[Any] = [
        {
            "type": "response.created",
            "sequence_number": next(seq),
            "response": {
                "id": response_id,
                "object": "response",
                "status": "in_progress",
                "model": "fake-model",
                "output": [],
            },
        }
    ]
    output: list[dict[str, Any]] = []
    if text:
        for piece in (text[: len(text) // 2], text[len(text) // 2 :]):
            events.append(
                {
                    "type": "response.output_text.delta",
                    "sequence_number": next(seq),
                    "item_id": "msg_1",
                    "output_index": 0,
                    "content_index": 0,
                    "delta": piece,
                }
            )
        output.append(
            {
                "type": "message",
                "id": "msg_1",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        )
    for i, (call_id, name, args) in enumerate(calls):
        item = {
            "type": "function_call",
            "id": f"fc_{i}",
            "call_id": call_id,
            "name": name,
            "arguments": args,
            "status": "completed",
        }
        events.append(
            {
                "type": "response.function_call_arguments.delta",
                "sequence_number": next(seq),
                "item_id": f"fc_{i}",
                "output_index": i,
                "delta": args,
            }
        )
        events.append(
            {
                "type": "response.output_item.done",
                "sequence_number": next(seq),
                "output_index": i,
                "item": item,
            }
        )
        output.append(item)
    events.append(
        {
            "type": "response.completed",
            "sequence_number": next(seq),
            "response": {
                "id": response_id,
                "object": "response",
                "status": "completed",
                "model": "fake-model",
                "output": output,
                "usage": {
                    "input_tokens": 30,
                    "output_tokens": 9,
                    "total_tokens": 39,
                    "input_tokens_details": {"cached_tokens": 0},
                    "output_tokens_details": {"reasoning_tokens": 0},
                },
            },
        }
    )
    return Reply(events=events, sse_event_names=True)
