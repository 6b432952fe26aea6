"""Rank 3, tools for the people who write: new-school, Git hooks, who may edit what."""
