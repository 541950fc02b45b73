"""Where the dataset comes from: the bundled files, the user store, stories and own events."""
