"""`storedesk serve`: the HTTP API under uvicorn (one process, or N worker processes that
share the database, and Redis for rate limits when REDIS_URL is set)."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
    proxy_headers: bool = typer.Option(
        False,
        "--proxy-headers/--no-proxy-headers",
        help="Trust X-Forwarded-For from FORWARDED_ALLOW_IPS (behind a load balancer), so "
        "rate limits count the real client address.",
    ),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    uvicorn.run(
        "app.api.asgi:app",
        host=host,
        port=port,
        workers=workers,
        proxy_headers=proxy_headers,
        log_level="info",
        # Bounds: idle keep-alive connections and a graceful stop do not hang forever.
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        # A worker imports the whole app (model engine included) before it answers the
        # supervisor's health check; on a busy machine that takes more than uvicorn's 5 s
        # default, and the supervisor would kill and respawn it in a loop.
        timeout_worker_healthcheck=60,
    )
