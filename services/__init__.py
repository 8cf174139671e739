"""The store: ORM models, unit of work, domain rules and domain errors.

Imports nothing from `app` or `seed_data`, and no UI or model-vendor library.
"""
