"""Rank 3, tools for the people who write: nieuwe-school, Git hooks, who may edit what."""
