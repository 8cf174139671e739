"""Process-wide resources for the pages: the unit-of-work factory per database URL.

`st.cache_resource` is shared by every session and, under AppTest, by every test in the
process; keying it on the URL keeps two test databases (or a reconfigured app) apart.
"""

from __future__ import annotations

import os

import streamlit as st

from services.settings import DEFAULT_DATABASE_URL
from services.uow import UowFactory


def database_url() -> str:
    # Read on every run rather than through the lru-cached settings, so a test (or an
    # operator restarting with another DATABASE_URL) is never served a stale URL.
    from services.settings import DatabaseSettings

    return os.environ.get("DATABASE_URL") or DatabaseSettings().database_url or DEFAULT_DATABASE_URL


@st.cache_resource(show_spinner=False)
def _factory_for(url: str) -> UowFactory:
    return UowFactory.for_url(url)


def uow_factory() -> UowFactory:
    return _factory_for(database_url())
