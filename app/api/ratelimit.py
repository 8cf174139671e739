"""Rate limits per customer and per client address (fixed one-minute windows).

In process by default; with ``REDIS_URL`` the counters live in Redis, so every worker
behind a load balancer enforces one shared limit. ``hit`` returns None when the request
may go on, else the seconds until the window resets (the ``Retry-After`` header).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import Protocol

log = logging.getLogger(__name__)

WINDOW_S = 60


class RateLimiter(Protocol):
    def hit(self, key: str, limit: int, window_s: int = WINDOW_S) -> float | None: ...


class MemoryLimiter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, int], int] = {}

    def hit(self, key: str, limit: int, window_s: int = WINDOW_S) -> float | None:
        now = time.time()
        window = int(now // window_s)
        with self._lock:
            if len(self._counts) > 50_000:  # drop finished windows, bounded memory
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= window}
            count = self._counts.get((key, window), 0) + 1
            self._counts[(key, window)] = count
        if count <= limit:
            return None
        return max(1.0, (window + 1) * window_s - now)


class RedisLimiter:
    """INCR on ``storedesk:rl:<key>:<window>`` with an expiry: atomic across workers."""

    def __init__(self, url: str, *, prefix: str = "storedesk:rl") -> None:
        import redis

        self._prefix = prefix
        self._client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)

    def hit(self, key: str, limit: int, window_s: int = WINDOW_S) -> float | None:
        now = time.time()
        window = int(now // window_s)
        name = f"{self._prefix}:{key}:{window}"
        try:
            pipe = self._client.pipeline()
            pipe.incr(name)
            pipe.expire(name, window_s + 5)
            count = int(pipe.execute()[0])
        except Exception:
            # Redis down: serve rather than refuse everyone; the log says why.
            log.warning("rate limiter: Redis unavailable, request not counted")
            return None
        if count <= limit:
            return None
        return max(1.0, math.ceil((window + 1) * window_s - now))


def make_limiter(redis_url: str | None) -> RateLimiter:
    return RedisLimiter(redis_url) if redis_url else MemoryLimiter()
