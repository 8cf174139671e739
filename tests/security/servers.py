"""Hostile or watching HTTP servers on 127.0.0.1 for the provider-boundary tests.

`Trickle` answers a chat request with an SSE stream that never ends: one keep-alive
comment (which SDKs swallow) every ``every_s`` seconds, optionally one text token first.
`Recorder` answers like a model and records every request's path and headers, so a test
can prove it received no request, or no key.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client hanging up mid-stream is the point


def _frame(data: str) -> bytes:
    payload = data.encode()
    return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"


class _Base:
    handler: type[BaseHTTPRequestHandler]

    def __init__(self) -> None:
        self.server = _Server(("127.0.0.1", 0), self.handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    @contextmanager
    def running(self) -> Iterator[Any]:
        thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


class Trickle(_Base):
    def __init__(self, *, every_s: float = 0.2, for_s: float = 30.0, token: str = "") -> None:
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                outer.requests += 1
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                with contextlib.suppress(OSError):
                    if token:
                        delta = {"choices": [{"index": 0, "delta": {"content": token}}]}
                        self.wfile.write(_frame(f"data: {json.dumps(delta)}\n\n"))
                    stop = time.monotonic() + for_s
                    while time.monotonic() < stop:
                        self.wfile.write(_frame(": keep-alive\n\n"))
                        self.wfile.flush()
                        time.sleep(every_s)

        self.handler = Handler
        super().__init__()


class Recorder(_Base):
    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                outer.seen.append({"path": self.path, "headers": dict(self.headers)})
                body = json.dumps({"error": {"message": "recorded", "type": "server"}}).encode()
                self.send_response(500)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

        self.handler = Handler
        super().__init__()
