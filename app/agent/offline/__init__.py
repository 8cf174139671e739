"""The offline engine: a deterministic, rule-based support agent in English, Vietnamese and
Portuguese that calls the same tools as a language model. See `engine.OfflineModel`."""

from app.agent.offline.engine import LABEL, OfflineModel, make_offline_model

__all__ = ["LABEL", "OfflineModel", "make_offline_model"]
