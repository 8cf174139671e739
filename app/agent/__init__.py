"""The conversation loop, model adapters, conversation persistence and metrics."""
