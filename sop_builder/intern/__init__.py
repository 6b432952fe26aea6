"""Rank 3, the SWV's internal site: dashboard, figures and a gespreksrapport per school."""
