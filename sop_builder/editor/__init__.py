"""Rank 3, the web editor: Decap CMS configuration, assets, the local backend and its server."""
