from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.user_events import load_user_events, with_user_events
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.describe import explanation_html


def test_staff_events_join_the_bundled_ones(tmp_path):
    (tmp_path / "events.csv").write_text(
        "date;title_nl;title_en;url;note\n"
        "2025-03-01;Overleg met hostingsector;Meeting with hosting sector;https://example.org/x;\n"
        "2025-13;Fout;Wrong;;\n"
        "2024;;;;\n"
        "2024-05;Link;Link;javascript:alert(1);\n", encoding="utf-8")
    events, sources, problems = load_user_events(tmp_path)
    assert [e.title.nl for e in events] == ["Overleg met hostingsector"]
    assert [(p.line, p.field) for p in problems] == [(3, "date"), (4, "title_nl"), (5, "url")]
    assert "events.csv:3: date:" in problems[0].format("nl")
    ds, _ = with_user_events(load_bundled(), tmp_path)
    html = explanation_html(ds, ViewState(metrics=("reports_total",), first_year=2024,
                                          last_year=2025), "nl")
    assert "Overleg met hostingsector" in html and "https://example.org/x" in html


def test_no_file_no_change(tmp_path):
    ds = load_bundled()
    assert with_user_events(ds, tmp_path)[0] is ds


def test_a_stray_nul_byte_costs_its_line_only(tmp_path):
    """One NUL byte (a paste from another program) made the whole events.csv 'no text file' and
    every event was gone; now that line is named and left out, the rest loads."""
    from meldpunt_gui.data.user_events import load_user_events

    (tmp_path / "events.csv").write_bytes(
        b"date;title_nl;title_en;url;note\n2020;Kap\x00ot;Broken;;\n2021;Goed;Good;;\n")
    events, _sources, problems = load_user_events(tmp_path)
    assert [e.title.nl for e in events] == ["Goed"]
    assert [(p.file, p.line) for p in problems] == [("events.csv", 2)]
    assert "nul-teken" in problems[0].format("nl")


def test_a_date_that_is_not_on_the_calendar_is_named(tmp_path):
    from meldpunt_gui.data.user_events import load_user_events

    (tmp_path / "events.csv").write_text(
        "date;title_nl;title_en;url;note\n2021-02-30;Nooit;Never;;\n2020-02-29;Schrikkeldag;Leap day;;\n",
        encoding="utf-8")
    events, _sources, problems = load_user_events(tmp_path)
    assert [e.date for e in events] == ["2020-02-29"]
    assert [(p.line, p.field) for p in problems] == [(2, "date")]


def test_events_take_the_imports_rules_for_digits_addresses_and_invisible_marks(tmp_path):
    (tmp_path / "events.csv").write_text(
        "date;title_nl;title_en;url;note;date\n"
        "\u0662\u0660\u0662\u0661;Arabisch;Arabic;;;\n"
        "2022;Hoofd\u202e letters;Caps;HTTP://HOOFD.NL/x;;\n", encoding="utf-8")
    events, _sources, problems = load_user_events(tmp_path)
    said = [p.format("nl") for p in problems]
    assert any(s.startswith("events.csv:1: date: de kolom staat er twee keer in") for s in said)
    assert any(s.startswith("events.csv:2: date:") for s in said)  # not a date in ASCII digits
    [ev] = events
    assert ev.title.nl == "Hoofd letters" and _sources[0].url == "HTTP://HOOFD.NL/x"
    assert any(s.startswith("events.csv:3: title_nl: onzichtbare") for s in said)
