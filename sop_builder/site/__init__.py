"""Rank 3, the public site: pages, finder, kernen, glossary, paper, sanitising, search, and the
one module that talks to the site engine (engine.py)."""
