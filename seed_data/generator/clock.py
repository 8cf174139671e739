"""Timestamps as the database stores them, formatted fast.

A million orders carry several million timestamps; `strftime` on each would cost
seconds. Times are integer seconds, and their text is a cached day prefix plus a cached
time-of-day suffix. The text is what SQLAlchemy itself writes for `UTCDateTime` on
SQLite (naive UTC, microseconds) and what PostgreSQL parses for timestamptz when the
loading session runs in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

DAY = 86_400
HOUR = 3_600


class Clock:
    def __init__(self, as_of: datetime, days_back: int) -> None:
        if as_of.tzinfo is None:
            raise ValueError("as_of must be timezone-aware")
        self.as_of = int(as_of.timestamp())
        # Cache from the first day we may need (member_since goes back further than orders).
        self.origin_day = (self.as_of // DAY) - days_back - 1
        # Every day the store can mention, as text, in a list (indexing beats hashing).
        last_day = self.as_of // DAY + 60
        self._days = [self._day(day) for day in range(self.origin_day, last_day + 1)]
        self._times = [
            f" {h:02d}:{m:02d}:{s:02d}.000000"
            for h in range(24)
            for m in range(60)
            for s in range(60)
        ]

    @staticmethod
    def _day(day: int) -> str:
        return (date(1970, 1, 1) + timedelta(days=day)).isoformat()

    def day_text(self, day: int) -> str:
        index = day - self.origin_day
        return self._days[index] if 0 <= index < len(self._days) else self._day(day)

    def ts(self, seconds: int) -> str:
        day, rest = divmod(seconds, DAY)
        index = day - self.origin_day
        if 0 <= index < len(self._days):
            return self._days[index] + self._times[rest]
        return self._day(day) + self._times[rest]

    def date(self, seconds: int) -> str:
        return self.day_text(seconds // DAY)

    @staticmethod
    def to_datetime(seconds: int) -> datetime:
        return datetime.fromtimestamp(seconds, UTC)
