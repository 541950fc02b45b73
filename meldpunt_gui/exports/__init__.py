"""Data exports (CSV, XLSX) of exactly the current selection, without Qt."""
