"""Schema management through Alembic: the only way the store's tables are made or changed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from services.db import get_engine, normalize_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    if url:
        # ConfigParser interpolation would eat a '%' in a password.
        cfg.set_main_option(
            "sqlalchemy.url",
            normalize_url(url).render_as_string(hide_password=False).replace("%", "%%"),
        )
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


def check(url: str | None = None) -> None:
    """Raise if the models and the migrated database differ (alembic check)."""
    command.check(alembic_config(url))


def is_migrated(url: str | None = None) -> bool:
    return inspect(get_engine(url)).has_table("alembic_version")
