"""The bundled stories against the real data: selections resolve and show the seed's numbers."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldpunt_gui.data.bundled import load_bundled
from meldpunt_gui.data.stories import StoryError, load_stories, parse_story, parse_story_bytes, story_folders
from meldpunt_gui.data.story_file import toml_string
from meldpunt_gui.model.domain import Period
from meldpunt_gui.model.view import selected_periods
from meldpunt_gui.text.plain import HIDDEN


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


@pytest.fixture(scope="module")
def stories(ds):
    stories, problems = load_stories(ds, story_folders(None))
    assert problems == []
    return {s.id: s for s in stories}


def test_required_stories_exist(stories):
    assert set(stories) >= {"fall-2022", "hoster-pressure", "hosters-leave", "hotline-vs-police",
                            "half-years"}
    for s in stories.values():
        assert s.title.nl and s.title.en and s.text.nl and s.text.en


def test_fall_story_shows_the_seed_figures(ds, stories):
    state = stories["fall-2022"].state()
    assert state.metrics == ("reports_total", "cloud_urls")
    periods = selected_periods(ds, state)
    assert periods[0] == Period(2019) and periods[-1] == Period(2022)
    assert ds.shown("cloud_urls", Period(2021)).value == 160000
    assert ds.shown("cloud_urls", Period(2022)).value == 4600
    values = {o.value for o in ds.values_at("reports_total", Period(2022))}
    assert 145000 in values


def test_half_year_story(ds, stories):
    state = stories["half-years"].state()
    assert state.granularity == "half"
    assert ds.shown("reports_h1", Period(2022, 1)).value == 8100
    assert ds.change("reports_h1", Period(2022, 1)).base_period == Period(2021, 1)


def test_staff_can_add_a_story_and_mistakes_are_named(ds, tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "mine.toml").write_text(
        'metrics = ["reports_total"]\nyears = [2015, 2024]\n'
        '[title]\nnl = "Mijn verhaal"\nen = "My story"\n[text]\nnl = "Tekst."\nen = "Text."\n',
        encoding="utf-8")
    (folder / "bad.toml").write_text(
        'metrics = ["nope"]\nyears = [2015, 2024]\n[title]\nnl = "x"\nen = "x"\n'
        '[text]\nnl = "x"\nen = "x"\n', encoding="utf-8")
    stories, problems = load_stories(ds, story_folders(None) + [folder])
    assert "mine" in {s.id for s in stories}
    [problem] = problems
    assert (problem.file, problem.field) == ("bad.toml", "metrics") and "nope" in problem.reason
    with pytest.raises(StoryError):
        (folder / "broken.toml").write_text("metrics = [", encoding="utf-8")
        parse_story(folder / "broken.toml", ds)


_STORY = ('metrics = ["reports_total"]\nyears = [2015, 2024]\nperiods = {periods}\n'
          '[title]\nnl = "x"\nen = "x"\n[text]\nnl = "x"\nen = "x"\n')


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=12), st.sampled_from(["year", "half", "Year", "half ", "h1"]),
                 st.integers(), st.booleans(), st.lists(st.sampled_from(["year", "half"]), max_size=2)))
def test_only_year_or_half_is_a_story_granularity(ds, value):
    toml = toml_string(value) if isinstance(value, str) else (
        str(value).lower() if isinstance(value, bool) else
        "[" + ", ".join(toml_string(v) for v in value) + "]" if isinstance(value, list) else str(value))
    data = _STORY.format(periods=toml).encode("utf-8")
    if value in ("year", "half"):
        assert parse_story_bytes(data, "s.toml", ds).state().granularity == value
    else:
        with pytest.raises(StoryError) as info:
            parse_story_bytes(data, "s.toml", ds)
        assert (info.value.file, info.value.field, info.value.line) == ("s.toml", "periods", 3)


def test_a_story_shades_each_of_its_periods_once(ds, tmp_path):
    """35.000 repeats of a few periods (a 245 kB file, under the limit) took the window 105 s
    and 1,4 GB to draw: each period counts once."""
    from meldpunt_gui.model.domain import Period

    many = ", ".join(['"2022"', '"2016-H1"', '"2022"', '"2016-H1"'] * 5000)
    path = tmp_path / "many.toml"
    path.write_text('metrics = ["reports_total", "reports_total"]\nyears = [2015, 2024]\n'
                    f'highlight = [{many}]\n'
                    '[title]\nnl = "x"\nen = "x"\n[text]\nnl = "x"\nen = "x"\n', encoding="utf-8")
    story = parse_story(path, ds)
    assert story.highlight == (Period(2022), Period(2016, 1))
    assert story.metrics == ("reports_total",)


def test_a_story_saved_with_a_byte_order_mark_reads(ds, tmp_path):
    """Windows Notepad saves UTF-8 with a byte order mark; such a story was 'geen leesbaar TOML'."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (b'id = "bom"\nmetrics = ["reports_total"]\nyears = [2015, 2024]\n'
                                        b'[title]\nnl = "x"\nen = "x"\n[text]\nnl = "x"\nen = "x"\n'))
    assert parse_story(path, ds).id == "bom"


@pytest.mark.parametrize(("line", "field", "nl", "en"), [
    ('modus = "index"', "modus", "de sleutel 'modus' bestaat niet in een verhaal; bedoeld: mode?",
     "the key 'modus' does not exist in a story; did you mean mode?"),
    ('highlights = ["2022"]', "highlights", "de sleutel 'highlights' bestaat niet in een verhaal; bedoeld: highlight?",
     "the key 'highlights' does not exist in a story; did you mean highlight?"),
    ("base-year = 2016", "base-year", "de sleutel 'base-year' bestaat niet in een verhaal; bedoeld: base_year?",
     "the key 'base-year' does not exist in a story; did you mean base_year?"),
    ('zzz = 1', "zzz", "de sleutel 'zzz' bestaat niet in een verhaal", "the key 'zzz' does not exist in a story"),
    ('highlight = ["2022", "2050"]', "highlight", "'2050' valt buiten years (2015-2024)",
     "'2050' lies outside years (2015-2024)"),
])
def test_a_misspelled_key_or_a_highlight_out_of_view_is_named(ds, line, field, nl, en):
    """A key the format does not have was ignored, so the story showed another view than its
    author wrote (absolute instead of index, no highlight); now the story is named with its line."""
    data = ('metrics = ["reports_total"]\nyears = [2015, 2024]\n' + line + '\n'
            '[title]\nnl = "x"\nen = "x"\n[text]\nnl = "x"\nen = "x"\n').encode("utf-8")
    with pytest.raises(StoryError) as info:
        parse_story_bytes(data, "s.toml", ds)
    assert (info.value.file, info.value.field, info.value.line) == ("s.toml", field, 3)
    assert (info.value.message.nl, info.value.message.en) == (nl, en)


def test_a_story_naming_thousands_of_unknown_series_names_some_and_counts_the_rest(ds):
    """Each unknown name went into the message: 5.000 of them made a message of 60.000
    characters in the message bar and on stderr."""
    names = [f"bestaat_niet_{i}" for i in range(5000)]
    data = ("metrics = [" + ", ".join(f'"{n}"' for n in names + names[:10]) + "]\nyears = [2019, 2022]\n").encode()
    with pytest.raises(StoryError) as caught:
        parse_story_bytes(data, "veel.toml", ds)
    err = caught.value
    assert err.field == "metrics" and err.line == 1
    for lang, lead in (("nl", "onbekende reeksen bestaat_niet_0, bestaat_niet_1, "),
                       ("en", "unknown metrics bestaat_niet_0, bestaat_niet_1, ")):
        said = err.message.get(lang)
        assert said.startswith(lead) and len(said) <= 2000 + len(lead)
        named = said.count("bestaat_niet_")
        assert said.endswith(("en nog " if lang == "nl" else "and ") + f"{5000 - named:,}".replace(
            ",", "." if lang == "nl" else ",") + ("" if lang == "nl" else " more"))
    assert err.format("en").startswith("veel.toml:1: metrics: unknown metrics ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60),
                min_size=1, max_size=300))
def test_unknown_series_of_any_names_give_a_bounded_printable_message(ds, names):
    names = [n for n in names if n not in ds.metrics] or ["x_unknown"]
    data = ("metrics = [" + ", ".join(toml_string(n) for n in names) + "]\nyears = [2019, 2022]\n").encode()
    with pytest.raises(StoryError) as caught:
        parse_story_bytes(data, "s.toml", ds)
    for lang in ("nl", "en"):
        said = caught.value.format(lang)
        assert len(said) <= 2100 and "\n" not in said
        assert not any(ch in HIDDEN or unicodedata.category(ch) in ("Cc", "Cs") for ch in said)
