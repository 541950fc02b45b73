"""Offline viewer of the public year figures of the Dutch hotline Meldpunt Kinderporno."""

__version__ = "0.1.0"
