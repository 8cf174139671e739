"""Database settings, environment first (pydantic-settings)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///./var/storedesk.db"


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL; postgresql:// URLs are served by psycopg 3.",
    )
    database_echo: bool = False
    # How long a SQLite writer waits for another writer's lock before giving up.
    sqlite_busy_timeout_ms: int = 5000


@lru_cache(maxsize=1)
def database_settings() -> DatabaseSettings:
    return DatabaseSettings()


class StoreSettings(BaseSettings):
    """Store-wide settings of the services (environment: STOREDESK_...)."""

    model_config = SettingsConfigDict(env_prefix="STOREDESK_", env_file=".env", extra="ignore")

    # Where return labels are served; the RET- id and .pdf are appended.
    label_base_url: str = "https://returns.storedesk.local/labels"


@lru_cache(maxsize=1)
def store_settings() -> StoreSettings:
    return StoreSettings()
