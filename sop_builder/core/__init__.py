"""Rank 1, the core: problems and the message catalogue, strict reading of YAML and front matter,
field types, atomic writes, shared text helpers. Imports nothing else of sop_builder."""
