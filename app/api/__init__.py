"""HTTP API (FastAPI): tool webhooks for outside AI platforms and the conversation API.
May import app.agent, app.tools and services; never streamlit."""

from app.api.app import create_app

__all__ = ["create_app"]
