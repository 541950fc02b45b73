"""Shared pieces of the reliability suite: hypothesis profiles and a tiny tmpfs.

Profiles (chosen with the environment variable HYPOTHESIS_PROFILE, see README.md here):
  reliability  the default: 1.000 examples per property, no deadline (CI)
  long         50.000 examples per property, for a session before a release
They are registered here and applied per test (test_fuzz.py), so loading this folder never
changes the hypothesis settings of the rest of the suite.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from reliability_support import Tmpfs, can_mount

settings.register_profile("reliability", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=50_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def tmpfs(tmp_path):
    """A 4 MB tmpfs; skipped (with the reason) where mounting is impossible."""
    reason = can_mount()
    if reason:
        pytest.skip(f"no real small file system: {reason} (the monkeypatched tests still run)")
    fs = Tmpfs(tmp_path / "tmpfs", 4 << 20)
    if not fs.mounted:
        pytest.skip(f"no real small file system: mount failed ({fs.error})")
    try:
        yield fs
    finally:
        fs.unmount()
