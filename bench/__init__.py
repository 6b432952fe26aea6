"""Benchmarks and the synthetic project generator (developer tools, not shipped)."""
