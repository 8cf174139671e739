from tests.agent.conftest import staff_ctx

__all__ = ["staff_ctx"]
