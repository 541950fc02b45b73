"""The system's reasons for refusing a file, in the window's language."""

from __future__ import annotations

import errno

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.files.bounded import ReadRefused, read_bounded
from meldpunt_gui.files.os_reason import os_reason


def test_a_link_loop_is_named_in_dutch_and_english(tmp_path):
    """A Dutch message ended in the system's 'Too many levels of symbolic links'."""
    loop = tmp_path / "lus.csv"
    loop.symlink_to(loop)
    try:
        read_bounded(loop, 1000)
    except ReadRefused as refused:
        assert refused.text.nl == "lus.csv is niet te lezen: een koppeling (symlink) wijst in een kring naar zichzelf."
        assert refused.text.en == "lus.csv cannot be read: a symbolic link points round in a loop."
    else:
        raise AssertionError("a link loop was read")


def test_common_reasons_have_words_of_their_own():
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")).nl == "geen toestemming"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")).en == "the disk is full"


@given(st.integers(min_value=0, max_value=200), st.text(max_size=40))
def test_any_system_error_gives_a_reason_in_both_languages(code, words):
    reason = os_reason(OSError(code, words))
    assert isinstance(reason.nl, str) and isinstance(reason.en, str)
    assert (reason.nl == reason.en == (words or str(OSError(code, words)))) or reason.nl != words or not words
