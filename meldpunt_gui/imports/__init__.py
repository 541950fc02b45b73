"""Reading a figures file (CSV or XLSX) into checked rows that the user store can take."""
