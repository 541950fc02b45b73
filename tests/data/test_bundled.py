"""The bundled dataset: it loads, it holds the sourced figures, and broken copies are refused precisely."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from meldpunt_gui.data.bundled import BundledDataError, load_bundled
from meldpunt_gui.files.resources import resource_root
from meldpunt_gui.model.domain import Period


def _shared_data() -> Path:
    """The research data's shared/data folder beside the checkout (or beside a folder above it)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "shared" / "data" / "figures.csv").is_file():
            return parent / "shared" / "data"
    return here.parents[3] / "shared" / "data"


SHARED = _shared_data()
# Rows of shared/data/figures.csv that are bundled merged into another row, with the reason.
MERGED = {
    ("police_reports", "2012", 3000.0, "https://www.nrc.nl/nieuws/2021/07/05/grapperhaus-de-stroom-van-kinderpornomateriaal-moet-worden-afgeknepen-a4049898"):
        "one disputed figure: stored once, at 2014, with NRC's 2012 in its note (NOTES §5.4)",
}
# Values a shared event row gives from the primary page that figures.csv has only from the press
# (NOTES §5.10: cite the primary page where it gives the same number)
FROM_EVENTS = {
    ("hosters_warned_by_minister", "2020", 17.0,
     "https://www.rijksoverheid.nl/actueel/nieuws/2020/07/08/ruim-10.000-afbeeldingen-online-kinderporno-verwijderd"):
        "the ultimatum to 17 hosting companies (shared events.csv, early June 2020)",
}
# Published changes a shared row gives in its note ("+25% on 2022"), stored as the change series
# of that row's metric, so the key figure can quote them where no change is worked out
FROM_NOTES = {
    ("inhope_content_urls_change_pct", "2023", 25.0, "https://www.inhope.org/EN/the-facts"): "+25%",
    ("inhope_records_change_pct", "2024", 218.0, "https://inhope.org/EN/articles/inhope-annual-report-2024"): "+218%",
    ("iwf_eu_share_change_pts", "2024", 11.0,
     "https://brusselstimes.com/1547506/alarming-surge-in-child-sexual-abuse-images-hosted-in-eu-report-shows"):
        "+11 points",
}
# Shared rows stored under another series: INHOPE counted images up to 2019 and unique content
# URLs from 2022, one unit per series, so the URLs have their own (the shared table keeps one id)
RENAMED = {("inhope_items_illegal", "2022"): "inhope_urls_illegal",
           ("inhope_items_illegal", "2023"): "inhope_urls_illegal",
           # images and films, not URLs: a series of its own
           ("urls_illegal", "2017"): "items_illegal"}


def _same_page(url: str) -> str:
    """An address without the image-resizer query some copied links carry (?rmode=max&width=500)."""
    return url.split("?rmode=", 1)[0]

REQUIRED_THEMES = ("hosting_pressure", "hosters_leaving", "cloud_bulk", "meldpunt", "hosting_shares",
                   "police_vs_hotline", "counting_changes")
REQUIRED_METRICS = ("reports_total", "reports_national", "reports_international", "reports_h1", "cloud_urls",
                    "share_hosted_nl_pct", "urls_assessed", "urls_illegal", "iwf_nl_hosting_share_pct",
                    "iwf_nl_urls", "inhope_content_urls", "police_reports")

# (metric, period, value, approximate, source id): the seed news item and other key figures.
KEY_FIGURES = [
    ("reports_total", "2021", 414000, True, "offlimits-2023-07-13"),
    ("reports_total", "2021", 413262, False, "nu-2022-04"),
    ("reports_total", "2022", 145000, True, "offlimits-2023-07-13"),
    ("reports_total", "2022", 144058, False, "offlimits-jv2022"),
    ("cloud_urls", "2021", 160000, False, "offlimits-2023-07-13"),
    ("cloud_urls", "2022", 4600, False, "offlimits-2023-07-13"),
    ("cloud_urls_change_pct", "2022", -97, False, "offlimits-2023-07-13"),
    ("reports_h1", "2021-H1", 129000, True, "politie-2022-08-04"),
    ("reports_h1", "2022-H1", 8100, True, "politie-2022-08-04"),
    ("reports_national", "2021", 236743, False, "nu-2022-04"),
    ("reports_international", "2021", 176519, False, "nu-2022-04"),
    ("reports_total", "2020", 307021, False, "nu-2022-04"),
    ("reports_total", "2010", 9164, False, "nrc-2011-10-27"),
    ("police_reports", "2021", 36000, False, "politie-2022-08-04"),
    ("share_hosted_nl_pct", "2022", 63, False, "offlimits-jv2022-en"),
    ("iwf_nl_hosting_share_pct", "2017", 35.6, False, "nu-2019-04"),
]


@pytest.fixture(scope="module")
def ds():
    return load_bundled()


# ----------------------------------------------------------------- the real data

def test_resource_root_finds_the_data():
    assert (resource_root() / "data" / "metrics.csv").is_file()


def test_real_dataset_loads(ds):
    assert len(ds.metrics) >= 60 and len(ds.observations) >= 150
    assert len(ds.events) >= 30 and len(ds.themes) >= len(REQUIRED_THEMES)
    assert ds.data_date == max([s.published for s in ds.sources.values() if s.published]
                               + [s.appeared for s in ds.sources.values() if s.appeared])[:4]
    assert [c.id for c in sorted(ds.categories.values(), key=lambda c: c.order)] == [
        "meldpunt", "inhope", "iwf", "police", "monitor", "hashcheck", "other"]


@pytest.mark.parametrize("metric, period, value, approximate, source", KEY_FIGURES)
def test_key_figures_present(ds, metric, period, value, approximate, source):
    found = [(o.value, o.approximate) for o in ds.values_at(metric, Period.parse(period)) if o.source == source]
    assert found == [(pytest.approx(value), approximate)]


def test_required_metrics_exist(ds):
    assert set(REQUIRED_METRICS) <= set(ds.metrics)


def test_every_metric_has_labels_and_definitions_in_both_languages(ds):
    for m in ds.metrics.values():
        assert m.label.nl and m.label.en, m.id
        assert len(m.definition.nl) > 40 and len(m.definition.en) > 40, m.id
        assert ds.metrics_in(m.category), m.id


def test_every_observation_has_a_web_source(ds):
    for o in ds.observations:
        src = ds.source_of(o)
        assert src is not None and src.url.startswith(("http://", "https://")), o


@pytest.mark.parametrize("theme", REQUIRED_THEMES)
def test_required_themes_exist_in_both_languages(ds, theme):
    t = ds.themes[theme]
    assert t.title.nl and t.title.en and t.sources
    for body in t.body:
        assert 120 <= len(body.split()) <= 250
        assert "<" not in body and "](" not in body


def test_shown_prefers_exact_values(ds):
    assert ds.shown("reports_total", Period(2021)).value == 413262
    assert [o.value for o in ds.alternatives("reports_total", Period(2021))] == [414000]
    # 2022: the received reports fit the metric; the exact 144.058 most likely counts URLs
    assert ds.shown("reports_total", Period(2022)).value == 145000
    assert [o.value for o in ds.alternatives("reports_total", Period(2022))] == [144058]


def test_statuses_follow_the_rules(ds):
    by = {(o.metric, str(o.period), o.value): o.status for o in ds.observations}
    assert by[("police_reports_expected", "2022", 50000)] == "forecast"
    assert by[("reports_apr_jul", "2004", 723)] == "partial"
    assert by[("hcs_hits", "2020", 7400000)] == "partial"
    assert by[("iwf_nl_urls", "2017", 27970)] == "secondary"
    assert by[("reports_total", "2021", 414000)] == "published"
    # an official source passing on another organisation's count is a re-publication (NOTES §5.10)
    assert by[("iwf_nl_urls", "2022", 82500)] == "secondary"  # the minister quoting the IWF
    assert by[("reports_h1", "2022-H1", 8100)] == "secondary"  # the police quoting EOKM
    assert by[("police_reports", "2021", 36000)] == "published"  # the police's own count, same page


def test_half_year_events_and_theme_years(ds):
    assert ds.themes["cloud_bulk"].years == (2021, 2022)
    assert {e.id for e in ds.events_between(2024, 2024)} >= {"law-in-force-2024"}
    assert all(e.year == int(e.date[:4]) for e in ds.events)


@pytest.mark.skipif(not (SHARED / "figures.csv").is_file(), reason="shared source tables not present")
def test_every_shared_figure_and_event_is_bundled(ds):
    have = {(o.metric, str(o.period), o.value, _same_page(ds.sources[o.source].url)) for o in ds.observations}
    with open(SHARED / "figures.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    keys = [(RENAMED.get((r["metric_id"], r["period"]), r["metric_id"]), r["period"], float(r["value"]),
             r["source_url"]) for r in rows]
    assert set(MERGED) <= set(keys), "a merged row is no longer in shared/data: drop it from MERGED"
    assert len(rows) == len(ds.observations) + len(MERGED) - len(FROM_EVENTS) - len(FROM_NOTES)
    for (metric, period, value, url), said in FROM_NOTES.items():
        assert (metric, period, value, url) in have
        of = ds.metrics[metric].change_of
        assert any(r["metric_id"] == of and r["source_url"] == url and said in r["note"] for r in rows), metric
    for key in keys:
        if key not in MERGED:
            assert (*key[:3], _same_page(key[3])) in have, key
    events = {(e.year, _same_page(ds.sources[e.source].url)) for e in ds.events}
    with open(SHARED / "events.csv", encoding="utf-8") as fh:
        shared_events = list(csv.DictReader(fh))
    for metric, period, value, url in FROM_EVENTS:
        assert (metric, period, value, _same_page(url)) in have
        assert any(r["source_url"] == url and f" {int(value)} " in f" {r['title_en']} " for r in shared_events)
    assert len(shared_events) == len(ds.events)
    for r in shared_events:
        assert (int(r["date"][:4]), _same_page(r["source_url"])) in events, r


def test_core_does_not_load_qt():
    code = ("import sys, meldpunt_gui.data.bundled as b; b.load_bundled(); "
            "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ----------------------------------------------------------------- broken copies

@pytest.fixture
def copy(tmp_path) -> Path:
    root = tmp_path / "resources"
    shutil.copytree(resource_root() / "data", root / "data")
    shutil.copytree(resource_root() / "texts", root / "texts")
    return root


def _rows(root: Path, name: str) -> list[list[str]]:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert len(rows) == text.count("\n"), "tests assume one record per line"
    return rows


def _write(root: Path, name: str, rows: list[list[str]]) -> None:
    with open(root / "data" / name, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _edit(root: Path, name: str, match: dict[str, str], field: str, value: str) -> int:
    """Set `field` in the first row matching `match`; return its line number."""
    rows = _rows(root, name)
    header = rows[0]
    for i, row in enumerate(rows[1:], start=2):
        if all(row[header.index(k)] == v for k, v in match.items()):
            row[header.index(field)] = value
            _write(root, name, rows)
            return i
    raise AssertionError(f"no row {match} in {name}")


def _line_of(root: Path, name: str, column: str, value: str) -> int:
    rows = _rows(root, name)
    col = rows[0].index(column)
    return next(i for i, r in enumerate(rows[1:], start=2) if r[col] == value)


def _expect(root: Path, file: str, line: int, field: str) -> BundledDataError:
    with pytest.raises(BundledDataError) as info:
        load_bundled(root)
    err = info.value
    assert (err.file, err.line, err.field) == (file, line, field), str(err)
    assert str(err).startswith(f"{file}:{line}: {field}: ")
    assert isinstance(err, ValueError) and err.reason
    return err


CELL_BREAKS = [
    ("unknown unit", "metrics.csv", {"id": "reports_total"}, "unit", "bananas"),
    ("half-year 3", "observations.csv", {"metric": "cloud_urls", "period": "2022"}, "period", "2022-H3"),
    ("loose period", "observations.csv", {"metric": "cloud_urls", "period": "2022"}, "period", "2022 h1"),
    ("negative count", "observations.csv", {"metric": "cloud_urls", "period": "2021"}, "value", "-5"),
    ("percent 140", "observations.csv", {"metric": "share_hosted_nl_pct", "period": "2016"}, "value", "140"),
    ("fall over 100%", "observations.csv", {"metric": "cloud_urls_change_pct"}, "value", "-120"),
    ("grouped number", "observations.csv", {"metric": "reports_total", "period": "2020"}, "value", "307.021,5"),
    ("not finite", "observations.csv", {"metric": "reports_total", "period": "2020"}, "value", "nan"),
    ("unknown source", "observations.csv", {"metric": "reports_total", "period": "2020"}, "source", "nope"),
    ("unknown metric", "observations.csv", {"metric": "reports_total", "period": "2020"}, "metric", "nope"),
    ("bad boolean", "observations.csv", {"metric": "reports_total", "period": "2020"}, "approximate", "yes"),
    ("user status", "observations.csv", {"metric": "reports_total", "period": "2020"}, "status", "user"),
    ("html in label", "metrics.csv", {"id": "reports_total"}, "label_nl", "<b>Meldingen</b>"),
    ("html in note", "observations.csv", {"metric": "reports_total", "period": "2020"}, "note_en",
     'see <a href="x">here</a>'),
    ("unknown theme", "metrics.csv", {"id": "cloud_urls"}, "themes", "cloud_bulk nope"),
    ("change of an unknown series", "metrics.csv", {"id": "cloud_urls_change_pct"}, "change_of", "nope"),
    ("change of a percentage", "metrics.csv", {"id": "cloud_urls_change_pct"}, "change_of", "share_cloud_pct"),
    ("change given by a count", "metrics.csv", {"id": "reports_national"}, "change_of", "reports_total"),
    ("unknown category", "metrics.csv", {"id": "cloud_urls"}, "category", "nope"),
    ("ftp url", "sources.csv", {"id": "nu-2022-04"}, "url", "ftp://nu.nl/x"),
    ("bad date", "sources.csv", {"id": "nu-2022-04"}, "published", "april 2022"),
    ("bad primary", "sources.csv", {"id": "nu-2022-04"}, "primary", "True"),
    ("unknown kind", "units.csv", {"id": "urls"}, "kind", "amount"),
    ("event year", "events.csv", {"id": "monitor-2020"}, "year", "2019"),
    ("event source", "events.csv", {"id": "monitor-2020"}, "source", "nope"),
    ("theme source", "themes.csv", {"id": "cloud_bulk"}, "sources", "nope"),
    ("lead source not the text's", "themes.csv", {"id": "cloud_bulk"}, "lead_sources", "nu-2022-04"),
    ("lead source missing", "themes.csv", {"id": "cloud_bulk"}, "lead_sources", ""),
    ("theme years", "themes.csv", {"id": "cloud_bulk"}, "year_to", "2019"),
    ("empty label", "categories.csv", {"id": "iwf"}, "label_en", ""),
    ("half a date note", "sources.csv", {"id": "eokm-jv2021"}, "date_note_en", ""),
    ("off definition flag", "observations.csv", {"metric": "cloud_urls", "period": "2022"}, "off_definition", "ja"),
    ("off definition without note", "observations.csv", {"metric": "reports_total", "source": "offlimits-jv2022"},
     "note_nl", ""),
    ("why metric", "why.csv", {"id": "cloud-bulk-end-2022"}, "metrics", "cloud_urls nope"),
    ("why source", "why.csv", {"id": "cloud-bulk-end-2022"}, "sources", "nope"),
    ("why years", "why.csv", {"id": "cloud-bulk-end-2022"}, "year_to", "2019"),
    ("why priority", "why.csv", {"id": "cloud-bulk-end-2022"}, "priority", "first"),
    ("html in why", "why.csv", {"id": "cloud-bulk-end-2022"}, "text_nl", "<b>Bulk</b>"),
    ("break not a period", "metrics.csv", {"id": "police_reports"}, "breaks", "2017 2018-H3"),
    ("break without a value", "metrics.csv", {"id": "police_reports"}, "breaks", "2017 2019"),
    ("share of nothing", "metrics.csv", {"id": "iwf_nl_hosting_share_pct"}, "share_of_nl", ""),
]


@pytest.mark.parametrize("what, name, match, field, value", CELL_BREAKS, ids=[c[0] for c in CELL_BREAKS])
def test_broken_cell_is_named(copy, what, name, match, field, value):
    line = _edit(copy, name, match, field, value)
    _expect(copy, f"data/{name}", line, field)


def test_duplicate_id(copy):
    rows = _rows(copy, "events.csv")
    rows[2][0] = rows[1][0]
    _write(copy, "events.csv", rows)
    _expect(copy, "data/events.csv", 3, "id")


def test_duplicate_observation(copy):
    rows = _rows(copy, "observations.csv")
    rows.insert(5, list(rows[4]))
    _write(copy, "observations.csv", rows)
    _expect(copy, "data/observations.csv", 6, "source")


def test_missing_column(copy):
    rows = _rows(copy, "observations.csv")
    col = rows[0].index("status")
    _write(copy, "observations.csv", [r[:col] + r[col + 1:] for r in rows])
    _expect(copy, "data/observations.csv", 1, "status")


def test_ragged_row(copy):
    rows = _rows(copy, "units.csv")
    rows[3].append("extra")
    _write(copy, "units.csv", rows)
    _expect(copy, "data/units.csv", 4, "-")


def test_missing_source_row(copy):
    """A source only one observation uses: that observation is where the reference breaks."""
    line = _line_of(copy, "observations.csv", "source", "mizan-2025")
    _write(copy, "sources.csv", [r for r in _rows(copy, "sources.csv") if r[0] != "mizan-2025"])
    _expect(copy, "data/observations.csv", line, "source")


def test_missing_file(copy):
    (copy / "data" / "events.csv").unlink()
    _expect(copy, "data/events.csv", 0, "-")


def test_missing_theme_text(copy):
    (copy / "texts" / "en" / "cloud_bulk.md").unlink()
    err = _expect(copy, "data/themes.csv", _line_of(copy, "themes.csv", "id", "cloud_bulk"), "id")
    assert "texts/en/cloud_bulk.md" in err.reason


def test_html_in_theme_text(copy):
    path = copy / "texts" / "nl" / "meldpunt.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "<script>alert(1)</script>"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _expect(copy, "texts/nl/meldpunt.md", 3, "text")


def test_theme_text_without_title(copy):
    path = copy / "texts" / "en" / "meldpunt.md"
    path.write_text("No title here\n\nBody.\n", encoding="utf-8")
    _expect(copy, "texts/en/meldpunt.md", 1, "title")


def test_not_utf8(copy):
    path = copy / "data" / "categories.csv"
    path.write_bytes(path.read_bytes() + "other2,9,Überig,x\n".encode("latin-1"))
    _expect(copy, "data/categories.csv", 9, "-")


def test_the_year_an_undated_page_appeared_is_the_one_its_date_note_gives(ds):
    """The "Bron:" line dates an undated page by `appeared`; that year must be what its date
    note says in both languages, and a dated page has none."""
    appeared = [s for s in ds.sources.values() if s.appeared]
    assert len(appeared) >= 25
    for src in appeared:
        assert not src.published, src.id
        assert src.appeared in src.date_note.nl and src.appeared in src.date_note.en, src.id


@pytest.mark.parametrize(("published", "appeared"), [("2020", "2020"), ("", "20x5"), ("", "1850")])
def test_a_wrong_appeared_year_is_named(copy, published, appeared):
    rows = _rows(copy, "sources.csv")
    col_pub, col = rows[0].index("published"), rows[0].index("appeared")
    rows[1][col_pub], rows[1][col] = published, appeared
    _write(copy, "sources.csv", rows)
    _expect(copy, "data/sources.csv", 2, "appeared")


def test_the_data_date_is_a_year_where_an_undated_page_may_be_newer():
    from meldpunt_gui.data.bundled import newest_date
    from meldpunt_gui.model.domain import Source

    dated = Source("a", "NU.nl", "t", "https://nu.nl/a", "2025-05-14")
    older = Source("b", "IWF", "t", "https://iwf.org.uk/b", "", appeared="2024")
    same_year = Source("c", "IWF", "t", "https://iwf.org.uk/c", "", appeared="2025")
    assert newest_date([dated, older]) == "2025-05-14"  # the undated page is older for sure
    assert newest_date([dated, same_year]) == "2025"  # it may be from after May: only the year is known
    assert newest_date([same_year]) == "2025" and newest_date([]) == ""
    # the bundled data hold IWF and INHOPE reports "from 2025", beside items dated in 2025
    assert load_bundled().data_date == "2025"
