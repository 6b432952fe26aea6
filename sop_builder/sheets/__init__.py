"""Rank 3, spreadsheets in and out: scores (CSV/XLSX) and DUO's pupil numbers."""
