"""Safe file handling: bounded reads, atomic writes, damaged files kept aside, resources."""
