"""File text as plain, safe text: what `printable` leaves and what the command line prints."""

from __future__ import annotations

import io
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from meldpunt_gui.cli_output import SafeStream
from meldpunt_gui.text.plain import HIDDEN, printable


@given(st.text())
def test_printable_leaves_no_control_or_format_character_and_keeps_the_rest(text):
    out = printable(text)
    assert all(unicodedata.category(c) not in ("Cc", "Cs") or c in "\n\t" for c in out)
    assert not HIDDEN & set(out)
    assert out == "".join(c for c in text if not (unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t")
                          and c not in HIDDEN)
    assert printable(out) == out


def test_a_direction_override_and_a_bell_are_left_out_and_a_no_break_space_stays():
    assert printable("RLO\u202e reeks\x07") == "RLO reeks"
    assert printable("10\u00a0000") == "10\u00a0000"
    assert printable("gewoon") == "gewoon"
    assert printable("hyper\u00adlink") == "hyper\u00adlink"  # a soft hyphen is no hidden mark


def test_the_command_line_prints_terminal_escapes_and_overrides_as_question_marks():
    buf = io.StringIO()
    SafeStream(buf).write("naam\x1b[31m rood\u202e\tkolom\n")
    assert buf.getvalue() == "naam?[31m rood?\tkolom\n"
