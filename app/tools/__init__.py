"""Tools: specs over services (argument models, derived JSON schemas, one dispatcher)."""
