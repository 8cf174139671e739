"""Staff API keys for the HTTP API. The key is shown once when created; the database
keeps its SHA-256 only, so a leaked database dump cannot be used to call the API."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from services.errors import InvalidRequest, NotFound
from services.models import ApiKey, utcnow
from services.uow import UowFactory

KEY_PREFIX = "sdk_"
MAX_KEY_CHARS = 200


class ApiKeyInfo(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


class StaffKey(BaseModel):
    """Who an accepted key belongs to."""

    id: int
    name: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(uow_factory: UowFactory, *, name: str) -> tuple[ApiKeyInfo, str]:
    """A new key for ``name``; returns its record and the key, which is never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidRequest("An API key needs a name of 1 to 100 characters.")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    try:
        with uow_factory() as uow:
            row = ApiKey(name=name, key_hash=hash_key(key), prefix=key[:12])
            uow.session.add(row)
            uow.session.flush()
            info = ApiKeyInfo.model_validate(row)
            uow.commit()
    except IntegrityError:
        raise InvalidRequest(f"An API key named {name!r} already exists.") from None
    return info, key


def verify_key(uow_factory: UowFactory, *, key: str) -> StaffKey | None:
    """The staff key this is, or None (unknown, revoked, or not a key at all)."""
    if not key.startswith(KEY_PREFIX) or len(key) > MAX_KEY_CHARS:
        return None
    # Looked up by hash: an index lookup on a digest reveals nothing by its timing.
    with uow_factory() as uow:
        row = uow.session.scalars(
            select(ApiKey).where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
        ).first()
        if row is None:
            return None
        return StaffKey(id=row.id, name=row.name)


def list_keys(uow_factory: UowFactory) -> list[ApiKeyInfo]:
    with uow_factory() as uow:
        rows = uow.session.scalars(select(ApiKey).order_by(ApiKey.id))
        return [ApiKeyInfo.model_validate(r) for r in rows]


def revoke_key(uow_factory: UowFactory, *, name: str) -> None:
    with uow_factory() as uow:
        done = uow.session.execute(
            update(ApiKey)
            .where(ApiKey.name == name, ApiKey.revoked_at.is_(None))
            .values(revoked_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        if not getattr(done, "rowcount", 0):
            raise NotFound(f"No active API key named {name!r}.")
        uow.commit()
