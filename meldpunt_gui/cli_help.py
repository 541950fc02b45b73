"""The command line's help texts, in Dutch and English: one per subcommand and option.

`build_parser(lang)` takes each text in the language it speaks, so `meldpunt --lang en export
--help` is English throughout and the Dutch help Dutch throughout (argparse's own words are
translated in cli_language.py). Keys are a subcommand's name, or an option's destination, with
`<command>.<dest>` where one command means something else by it.
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # the program and its subcommands
    "description": ("Meldpunt viewer: de jaarcijfers van het Meldpunt Kinderporno (Offlimits) en de "
                    "reeksen eromheen. Zonder opdracht opent het venster.",
                    "Meldpunt viewer: the year figures of the Dutch hotline Meldpunt Kinderporno "
                    "(Offlimits) and the series around them. Without a command the window opens."),
    "list-metrics": ("de reeksen: id, naam, eenheid en jaren", "the series: id, name, unit and years"),
    "list-stories": ("de verhalen: vaste weergaven met uitleg", "the stories: curated views with their text"),
    "screenshot": ("het venster als PNG-afbeelding opslaan", "save the window as a PNG image"),
    "export": ("gegevens, grafiek of briefing als bestand opslaan", "save data, chart or briefing as a file"),
    "check": ("een importbestand controleren, zonder iets op te slaan",
              "check an import file, without saving anything"),
    "import": ("een CSV- of Excelbestand in de eigen gegevens importeren",
               "import a CSV or Excel file into your own data"),
    "imports": ("de imports tonen, of er een ongedaan maken", "list the imports, or undo one"),
    "pack": ("pakketten: eigen cijfers, gebeurtenissen en verhalen delen met collega's",
             "packs: share your own figures, events and stories with colleagues"),
    "pack.export": ("eigen cijfers, gebeurtenissen en verhalen als één bestand",
                    "your own figures, events and stories as one file"),
    "pack.import": ("het pakket van een collega importeren", "import a colleague's pack"),
    "install-desktop-entry": ("menu-item, pictogram en metainfo (Linux)",
                              "menu entry, icon and metainfo (Linux desktops)"),
    # options every command takes
    "lang": ("taal van venster en uitvoer: nl (standaard) of en",
             "language of the window and the output: nl (default) or en"),
    "data_dir": ("map voor eigen gegevens en instellingen", "folder for your own data and settings"),
    "portable": ("eigen gegevens en instellingen in de map naast het programma",
                 "your own data and settings in the folder beside the program"),
    # what to show
    "json": ("als JSON", "as JSON"),
    "story": ("id van een verhaal (zie list-stories)", "id of a story (see list-stories)"),
    "metrics": ("id's van reeksen, gescheiden door komma's (zie list-metrics)",
                "ids of series, separated by commas (see list-metrics)"),
    "years": ("jaren, bijvoorbeeld 2015-2024 of 2022", "years, for example 2015-2024 or 2022"),
    "periods": ("year: jaren; half: halfjaren", "year: years; half: half-years"),
    "mode": ("weergave: absolute (waarden), index, change (verandering) of log",
             "view: absolute (values), index, change or log"),
    "base_year": ("het jaar dat 100 is (bij --mode index)", "the year that is 100 (with --mode index)"),
    # where it goes
    "out": ("het bestand dat geschreven wordt", "the file to write"),
    "size": ("breedte x hoogte van het venster in pixels (standaard 1400x860)",
             "width x height of the window in pixels (default 1400x860)"),
    "format": ("het soort bestand: gegevens (csv, xlsx), grafiek (png, svg, pdf) of briefing "
               "(briefing: PDF, docx: Word)",
               "the kind of file: data (csv, xlsx), chart (png, svg, pdf) or briefing "
               "(briefing: PDF, docx: Word)"),
    "width": ("breedte van de grafiek in pixels (standaard 1200)", "width of the chart in pixels (default 1200)"),
    "height": ("hoogte van de grafiek in pixels (standaard 700)", "height of the chart in pixels (default 700)"),
    "scale": ("schaal van een PNG: 2 voor een scherm met hoge resolutie",
              "scale of a PNG: 2 for a high-resolution screen"),
    "definitions": ("de definities onder de grafiek zetten", "add the definitions under the chart"),
    "extended": ("briefing en docx: met bijlage (definities, achtergrond, tabel, gebeurtenissen)",
                 "briefing and docx: add the appendix (definitions, background, table, events)"),
    # reading a file
    "file": ("het CSV- of Excelbestand", "the CSV or Excel file"),
    "pack.file": ("het pakketbestand", "the pack file"),
    "number_style": ("getalnotatie: nl (1.234,5) of en (1,234.5); anders afgeleid uit het bestand",
                     "number style: nl (1.234,5) or en (1,234.5); otherwise read from the file"),
    "delimiter": ("scheidingsteken van een CSV-bestand; anders afgeleid uit het bestand",
                  "delimiter of a CSV file; otherwise read from the file"),
    "encoding": ("tekencodering, bijvoorbeeld cp1252; anders afgeleid uit het bestand",
                 "text encoding, for example cp1252; otherwise read from the file"),
    "sheet": ("naam van het werkblad in een Excelbestand", "name of the sheet in an Excel file"),
    "yes": ("opslaan zonder te vragen", "save without asking"),
    "undo": ("nummer van de import die ongedaan wordt gemaakt", "number of the import to undo"),
    "name": ("naam van de afzender", "the sender's name"),
    "prefix": ("standaard ~/.local/share; /usr/local/share voor iedereen",
               "default ~/.local/share; /usr/local/share for everyone"),
}


def help_text(key: str, lang: str) -> str:
    """The help for `key` in `lang` (Dutch for anything but "en")."""
    nl, en = HELP[key]
    return en if lang == "en" else nl
