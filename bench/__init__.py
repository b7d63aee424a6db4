"""Benchmarks: each module is a command (`python -m bench.<name>`) that prints its figures; see BENCHMARKS.md."""
