"""Rank 5, the command line: thin commands that each call one function."""
