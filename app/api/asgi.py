"""The ASGI entry point uvicorn imports in each worker process (`storedesk serve`)."""

from app.api.app import create_app

app = create_app()
