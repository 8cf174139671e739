"""The tau-bench retail harness: tasks, the simulated user, trials, scoring, results."""
