"""The store: ORM models, unit of work, domain rules and domain errors.

Imports nothing from `app` or `seed_data`, and no UI or model-vendor library.

The public API of the customer-service use cases (reads, actions, two-step
confirmation, hand-off) is described in services/README.md.
"""
