"""The SWV's own offer (content/aanbod/): its schemas and its reading and cross-checks."""
