"""The command line against the real bundled data: stable output, one-sentence errors, exit codes."""

import csv
import io
import json
import subprocess
import sys

import pytest

from meldpunt_gui.cli import main


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_version():
    proc = subprocess.run([sys.executable, "-m", "meldpunt_gui", "--version"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("meldpunt ")


def test_list_metrics_json(data_dir):
    code, out, _ = run("list-metrics", "--json", "--data-dir", str(data_dir))
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    for required in ("reports_total", "reports_national", "reports_international", "reports_h1",
                     "cloud_urls", "share_hosted_nl_pct", "urls_assessed", "urls_illegal",
                     "iwf_nl_hosting_share_pct", "iwf_nl_urls", "inhope_content_urls",
                     "police_reports"):
        assert required in rows
    assert "2021" in rows["reports_total"]["periods"]
    assert rows["reports_h1"]["periods"] == ["2021-H1", "2022-H1"]


def test_list_metrics_text_in_english(data_dir):
    code, out, _ = run("list-metrics", "--lang", "en", "--data-dir", str(data_dir))
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("reports_total "))
    assert "Total reports [reports]" in line and "2018-2022" in line


def test_unknown_metric_is_one_sentence_and_exit_2(data_dir, tmp_path):
    code, out, err = run("export", "--metrics", "nope", "--format", "csv",
                         "--out", str(tmp_path / "x.csv"), "--data-dir", str(data_dir))
    assert code == 2
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_bad_arguments_exit_2(data_dir):
    code, _, err = run("export", "--format", "gif", "--metrics", "reports_total", "--out", "x")
    assert code == 2 and err.startswith("meldpunt: ") and err.count("\n") == 1
    code, _, err = run("export", "--metrics", "reports_total", "--years", "20x5",
                       "--format", "csv", "--out", "x.csv", "--data-dir", str(data_dir))
    assert code == 2 and "20x5" in err


def test_csv_export_has_every_seed_figure(data_dir, tmp_path):
    out = tmp_path / "seed.csv"
    code, _, _ = run("export", "--metrics", "reports_total,cloud_urls,reports_h1",
                     "--years", "2021-2022", "--format", "csv", "--out", str(out),
                     "--data-dir", str(data_dir))
    assert code == 0
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    values = {(r[0], r[2], r[3]) for r in rows[1:]}
    for metric, period, value in [("reports_total", "2021", "414000"),
                                  ("reports_total", "2021", "413262"),
                                  ("reports_total", "2022", "145000"),
                                  ("cloud_urls", "2021", "160000"),
                                  ("cloud_urls", "2022", "4600")]:
        assert (metric, period, value) in values, (metric, period, value)


def test_half_year_export(data_dir, tmp_path):
    out = tmp_path / "h.csv"
    code, _, _ = run("export", "--metrics", "reports_h1", "--periods", "half", "--format", "csv",
                     "--out", str(out), "--data-dir", str(data_dir), "--lang", "en")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert {(r[2], r[3]) for r in rows[1:]} >= {("2021-H1", "129000"), ("2022-H1", "8100")}


def test_screenshot_subprocess(tmp_path):
    """The real program, started as a user would, renders its full window."""
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "meldpunt_gui", "screenshot", "--out", str(out),
         "--metrics", "reports_total,cloud_urls", "--size", "1200x800",
         "--data-dir", str(tmp_path / "d")],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "briefing"])
def test_chart_exports_from_the_command_line(data_dir, tmp_path, fmt):
    out = tmp_path / f"x.{'pdf' if fmt == 'briefing' else fmt}"
    code, _, err = run("export", "--metrics", "reports_total", "--years", "2015-2024",
                       "--format", fmt, "--out", str(out), "--data-dir", str(data_dir))
    assert code == 0, err
    head = out.read_bytes()[:5]
    assert head == {"png": b"\x89PNG\r", "svg": b"<?xml", "pdf": b"%PDF-",
                    "briefing": b"%PDF-"}[fmt]


def test_briefing_and_docx_from_the_command_line_with_mode_and_appendix(data_dir, tmp_path):
    import io

    import docx
    import pypdf

    pdf, word = tmp_path / "b.pdf", tmp_path / "b.docx"
    code, _, err = run("export", "--story", "fall-2022", "--format", "briefing", "--out", str(pdf),
                       "--data-dir", str(data_dir))
    assert code == 0, err
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    assert "De daling van 2021 naar 2022" in " ".join(reader.pages[0].extract_text().split())
    code, _, err = run("export", "--metrics", "reports_total", "--mode", "index", "--base-year", "2015",
                       "--years", "2015-2024", "--extended", "--format", "docx", "--out", str(word),
                       "--data-dir", str(data_dir))
    assert code == 0, err
    doc = docx.Document(io.BytesIO(word.read_bytes()))
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "Index: 2015 = 100." in texts and "Bijlage" in texts


def test_base_year_outside_the_years_is_refused(data_dir, tmp_path):
    code, _, err = run("export", "--metrics", "reports_total", "--years", "2015-2024", "--mode", "index",
                       "--base-year", "1990", "--format", "pdf", "--out", str(tmp_path / "x.pdf"),
                       "--data-dir", str(data_dir), "--lang", "en")
    assert code == 2 and "Base year 1990 is not in 2015-2024." in err


def test_data_commands_on_a_store_with_own_series_load_no_qt(tmp_path):
    """With own series in the store (read when named, looked up by name) the data commands
    still load no Qt and no pyqtgraph (DESIGN §1); each command in turn, in one process, so the
    first that loads Qt is the one named."""
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "import" / "user_metric.csv"
    folder, out = str(tmp_path / "d"), str(tmp_path)
    commands = [
        ["import", str(fixture), "--yes"], ["check", str(fixture)], ["imports", "--json"],
        ["list-metrics", "--json"], ["list-stories"],
        ["export", "--metrics", "reports_total", "--format", "csv", "--out", f"{out}/a.csv"],
        ["export", "--metrics", "reports_total", "--format", "xlsx", "--out", f"{out}/a.xlsx"],
        ["pack", "export", "--out", f"{out}/p.meldpunt", "--name", "A"],
    ]
    code = (
        "import io, sys\n"
        "from meldpunt_gui.cli import main\n"
        f"for argv in {commands!r}:\n"
        f"    code = main([*argv, '--data-dir', {folder!r}], out=io.StringIO(), err=io.StringIO())\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "    print(argv[0], code, loaded)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(commands) and all(line.endswith(" 0 []") for line in lines), proc.stdout


def test_a_csv_export_on_a_folder_without_a_store_creates_none(tmp_path):
    code, _, err = run("export", "--metrics", "reports_total", "--format", "csv",
                       "--out", str(tmp_path / "a.csv"), "--data-dir", str(tmp_path / "d"))
    assert code == 0, err
    assert (tmp_path / "a.csv").is_file() and not (tmp_path / "d").exists()


@pytest.mark.parametrize("broken", ["loop", "dangling"])
def test_data_commands_on_a_store_that_cannot_be_opened_say_why_and_use_the_bundled_figures(tmp_path, broken):
    """A store that is a link to itself or to nothing ended list-metrics and export in a
    traceback; the window starts on the bundled figures then, and so do the commands, saying why."""
    folder = tmp_path / "data"
    folder.mkdir()
    store = folder / "meldpunt.sqlite"
    store.symlink_to(store if broken == "loop" else tmp_path / "gone" / "meldpunt.sqlite")
    for args in (["list-metrics"], ["export", "--metrics", "reports_total", "--format", "csv",
                                    "--out", str(tmp_path / "o.csv")]):
        out, err = io.StringIO(), io.StringIO()
        code = main([*args, "--data-dir", str(folder)], out=out, err=err)
        assert code == 0, err.getvalue()
        assert "Traceback" not in err.getvalue()
        assert err.getvalue().count("\n") == 1
        assert f"{store} kan niet worden geopend: het is een koppeling die naar zichzelf of naar " \
               "niets wijst. Alleen de meegeleverde cijfers zijn gebruikt." in err.getvalue()
    assert "reports_total" in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_screenshot_knows_own_series_and_own_stories(tmp_path):
    """`screenshot --metrics mijn_reeks` said 'Onbekende reeks' and an own story was named as
    broken, though list-metrics and export knew them: the store was not laid over for it."""
    folder = tmp_path / "d"
    own = tmp_path / "own.csv"
    own.write_text("reeks;periode;waarde;eenheid;bron\nMijn reeks;2023;5;meldingen;Eigen telling\n"
                   "Mijn reeks;2024;7;meldingen;Eigen telling\n", encoding="utf-8")
    code, _, err = run("import", str(own), "--yes", "--data-dir", str(folder))
    assert code == 0, err
    (folder / "stories").mkdir()
    (folder / "stories" / "eigen.toml").write_text(
        'id = "eigen"\nmetrics = ["mijn_reeks"]\nyears = [2020, 2024]\n'
        '[title]\nnl = "Eigen"\nen = "Own"\n[text]\nnl = "x"\nen = "x"\n', encoding="utf-8")
    for args in (["--metrics", "mijn_reeks,reports_total"], ["--story", "eigen"]):
        out = tmp_path / "shot.png"
        proc = subprocess.run(
            [sys.executable, "-m", "meldpunt_gui", "screenshot", "--out", str(out), *args,
             "--data-dir", str(folder)],
            capture_output=True, text=True, timeout=120,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        assert proc.returncode == 0, proc.stderr
        assert "mijn_reeks" not in proc.stderr and out.stat().st_size > 0
