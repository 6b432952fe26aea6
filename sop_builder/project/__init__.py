"""Rank 2, the project: the model, site_config/, loading, validation, scoring, privacy, paths,
redirects, pupils, the offer and the evaluations. Everything `check` needs; no MkDocs, no Jinja."""
