"""Rank 4, the builds: the public and the internal site, each built, checked and swapped in atomically."""
