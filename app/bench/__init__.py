"""`storedesk bench …`: one module per benchmark, each printing its figures beside a
baseline measured in the same run and writing its own section of BENCHMARKS.md.

Speed targets are checked here, by figures a person reads, not by timed unit tests (a
busy machine would make those flaky). The tests run each bench at a tiny size only, so
the benches cannot rot.
"""
