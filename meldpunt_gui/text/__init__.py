"""Numbers, periods and sentences as Dutch or English text: one formatter, one vocabulary."""
