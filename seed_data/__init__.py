"""Ways to fill a store: the hand-made demo store, the Faker generator, tau-bench import/export."""
