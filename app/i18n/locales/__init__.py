"""One table per language: `MESSAGES: dict[str, str]`, the same keys and {placeholders} in each."""
