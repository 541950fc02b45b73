"""Bewaar als verhaal: the view written as a story file, read back by the story parser."""

from __future__ import annotations

import io
import json

import pytest
import tomllib
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from meldpunt_gui.cli import main
from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import load_stories, parse_story_bytes, story_folders
from meldpunt_gui.data.story_file import (
    StorySaveError,
    new_story_id,
    parse_highlight,
    save_story,
    story_toml,
    toml_string,
)
from meldpunt_gui.model.domain import Period, Text
from meldpunt_gui.model.view import ViewState
from meldpunt_gui.text.plain import printable


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


@given(st.text(max_size=200))
def test_toml_strings_round_trip(text):
    assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text


@settings(max_examples=200, deadline=None)
@given(title=st.text(min_size=1, max_size=80).filter(str.strip),
       text=st.text(min_size=1, max_size=300).filter(str.strip),
       mode=st.sampled_from(["absolute", "index", "change", "log"]),
       granularity=st.sampled_from(["year", "half"]),
       events=st.booleans(),
       years=st.tuples(st.integers(1996, 2024), st.integers(0, 10)),
       highlight=st.lists(st.sampled_from(["2019", "2021", "2022-H1", "2023-H2"]), max_size=3, unique=True))
def test_any_view_and_text_round_trip_through_the_story_parser(ds, title, text, mode, granularity, events,
                                                                years, highlight):
    assume(printable(title).strip() and printable(text).strip())  # invisible characters are left out
    first, last = years[0], min(2024, years[0] + years[1])
    state = ViewState(metrics=("reports_total", "police_reports"), first_year=first, last_year=last,
                      granularity=granularity, mode=mode, show_events=events,
                      base_year=first if mode == "index" else None)
    # a highlight outside the years is refused (the chart would never show it)
    periods = tuple(q for q in (Period.parse(p) for p in highlight) if first <= q.year <= last)
    body = story_toml("mijn-verhaal", Text(title, title), Text(text, text), state, (first, last), periods)
    story = parse_story_bytes(body.encode("utf-8"), "mijn-verhaal.toml", ds, user=True)
    assert story.title.nl == printable(title).strip() and story.text.en == printable(text).strip()
    assert story.metrics == state.metrics and (story.first_year, story.last_year) == (first, last)
    assert (story.granularity, story.mode, story.show_events) == (granularity, mode, events)
    assert story.base_year == state.base_year and story.highlight == periods


def test_save_story_writes_a_file_the_menu_and_the_command_line_list(ds, tmp_path):
    state = ViewState(metrics=("reports_total",), first_year=2015, last_year=2024, mode="index",
                      base_year=2015)
    story = save_story(tmp_path, ds, state, "Daling na 2021", 'Volgens "Offlimits" <b>daalde</b>\\ het.',
                       parse_highlight("2022, 2023"))
    path = tmp_path / "stories" / "daling-na-2021.toml"
    assert path.is_file() and story.id == "daling-na-2021"
    stories, problems = load_stories(ds, story_folders(tmp_path))
    assert problems == [] and stories[-1] == story and story.user
    out = io.StringIO()
    assert main(["list-stories", "--json", "--data-dir", str(tmp_path)], out=out, err=io.StringIO()) == 0
    mine = json.loads(out.getvalue())[-1]
    assert mine["id"] == "daling-na-2021" and mine["text"] == 'Volgens "Offlimits" <b>daalde</b>\\ het.'
    assert mine["highlight"] == ["2022", "2023"] and mine["mode"] == "index" and mine["years"] == [2015, 2024]
    again = save_story(tmp_path, ds, state, "Daling na 2021", "Tweede.")
    assert again.id == "daling-na-2021-2"  # a second story of that title never replaces the first


def test_the_id_never_clashes_with_a_bundled_story(ds):
    bundled = {s.id for s in load_stories(ds, story_folders(None))[0]}
    taken = next(iter(bundled))
    assert new_story_id(taken, bundled) != taken


@pytest.mark.parametrize(("title", "text"), [("", "x"), ("x", "  "), ("   ", "")])
def test_a_title_and_a_text_are_needed(ds, tmp_path, title, text):
    with pytest.raises(StorySaveError):
        save_story(tmp_path, ds, ViewState(), title, text)
    assert not (tmp_path / "stories").exists()


def test_a_bad_highlight_is_named():
    with pytest.raises(StorySaveError) as caught:
        parse_highlight("2022, twintig")
    assert "'twintig'" in caught.value.message.nl


@pytest.mark.parametrize("title", ["Con", "NUL", "com1", "Lpt9", "aux"])
def test_a_title_windows_keeps_for_a_device_gets_a_file_name_windows_can_hold(ds, tmp_path, title):
    story = save_story(tmp_path, ds, ViewState(metrics=("reports_total",)), title, "Tekst.")
    assert story.id == f"{title.lower()}-verhaal"
    assert (tmp_path / "stories" / f"{story.id}.toml").is_file()
    assert story.title.get("nl") == title  # the title itself stays as typed


def test_a_highlight_outside_the_view_is_refused_when_saving(ds, tmp_path):
    state = ViewState(metrics=("reports_total",), first_year=2015, last_year=2024)
    with pytest.raises(StorySaveError) as info:
        save_story(tmp_path, ds, state, "Titel", "Tekst", parse_highlight("2022, 2030"))
    assert info.value.message.nl == ("Deze weergave kan geen verhaal worden: highlight: '2030' valt buiten "
                                  "years (2015-2024).")
    assert not (tmp_path / "stories").exists()  # nothing written
