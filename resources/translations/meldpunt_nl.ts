<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>ChartExportOptions</name>
    <message>
        <location filename="../../meldpunt_gui/ui/export/options.py" line="+13"/>
        <source>Chart export</source>
        <translation>Grafiek exporteren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>1x (as on screen)</source>
        <translation>1x (zoals op het scherm)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2x (sharp on HiDPI screens and in print)</source>
        <translation>2x (scherp op HiDPI-schermen en op papier)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the &amp;definitions under the chart</source>
        <translation>&amp;Definities onder de grafiek zetten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Width:</source>
        <translation>&amp;Breedte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Height:</source>
        <translation>&amp;Hoogte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sharpness:</source>
        <translation>&amp;Scherpte:</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/chart/view.py" line="+77"/>
        <location line="+121"/>
        <source>Loading chart…</source>
        <translation>Grafiek wordt geladen…</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Chart</source>
        <translation>Grafiek</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chart: use the arrow keys to read the values</source>
        <translation>Grafiek: lees de waarden met de pijltjestoetsen</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>This series has no half-year figures</source>
        <translation>Deze reeks heeft geen halfjaarcijfers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No values in the selected years</source>
        <translation>Geen waarden in de gekozen jaren</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../meldpunt_gui/ui/explanation.py" line="+40"/>
        <source>Explanation</source>
        <translation>Toelichting</translation>
    </message>
</context>
<context>
    <name>HalfYearHint</name>
    <message>
        <location filename="../../meldpunt_gui/ui/empty_hint.py" line="+45"/>
        <source>This series has no half-year figures: %1</source>
        <translation>Deze reeks heeft geen halfjaarcijfers: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These series have no half-year figures: %1</source>
        <translation>Deze reeksen hebben geen halfjaarcijfers: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;years</source>
        <translation>Toon &amp;jaren</translation>
    </message>
</context>
<context>
    <name>HeadlineStrip</name>
    <message>
        <location filename="../../meldpunt_gui/ui/headline_strip.py" line="+268"/>
        <source>Copy as sentence</source>
        <translation>Kopieer als zin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the key figures on the clipboard as a ready sentence with its source (plain text and for Word)</source>
        <translation>Zet de kerncijfers op het klembord als kant-en-klare zin met bron (platte tekst en voor Word)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <location line="+8"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n meer</numerusform>
            <numerusform>+%n meer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n more series without a key figure here</source>
        <translation>
            <numerusform>nog %n reeks zonder kerncijfer hier</numerusform>
            <numerusform>nog %n reeksen zonder kerncijfer hier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/help_dialog.py" line="+13"/>
        <location line="+5"/>
        <source>Help</source>
        <translation>Hulp</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/import_dialog.py" line="+66"/>
        <source>Import %1</source>
        <translation>%1 importeren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>detect</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+161"/>
        <source>semicolon ;</source>
        <translation>puntkomma ;</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+161"/>
        <source>comma ,</source>
        <translation>komma ,</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+161"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Dutch (1.234,5)</source>
        <translation>Nederlands (1.234,5)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English (1,234.5)</source>
        <translation>Engels (1,234.5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Codering:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Separator:</source>
        <translation>&amp;Scheidingsteken:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Numbers:</source>
        <translation>&amp;Getallen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;heet:</source>
        <translation>&amp;Werkblad:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stop reading</source>
        <translation>Inlezen stoppen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Series</source>
        <translation>Reeks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens</source>
        <translation>Wat er gebeurt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value now</source>
        <translation>Huidige waarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows read from the file</source>
        <translation>Rijen uit het bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found in the file</source>
        <translation>Problemen in het bestand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading…</source>
        <translation>Bezig met inlezen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading stopped.</source>
        <translation>Inlezen gestopt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Storing…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>encoding %1</source>
        <translation>codering %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>separator %1</source>
        <translation>scheidingsteken %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>numbers %1</source>
        <translation>getallen %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detected: %1</source>
        <translation>Herkend: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 new, %2 changed, %3 unchanged</source>
        <translation>%1 nieuw, %2 gewijzigd, %3 ongewijzigd</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n fout</numerusform>
            <numerusform>%n fouten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n waarschuwing</numerusform>
            <numerusform>%n waarschuwingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing can be imported while an error stands.</source>
        <translation>Er kan niets worden geïmporteerd zolang er een fout is.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to import.</source>
        <translation>Niets te importeren.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location line="+47"/>
        <source>Import history</source>
        <translation>Importgeschiedenis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imports</source>
        <translation>Importgeschiedenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo selected import</source>
        <translation>Gekozen invoer &amp;ongedaan maken</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+17"/>
        <source>Undo import</source>
        <translation>Invoer ongedaan maken</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Remove every value of import %1?</source>
        <translation>Alle waarden van invoer %1 verwijderen?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meldpunt_gui/ui/main_window.py" line="+64"/>
        <location line="+149"/>
        <source>Year figures of the Dutch CSAM hotline</source>
        <translation>Jaarcijfers van het Meldpunt Kinderporno</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Loading the figures…</source>
        <translation>De cijfers worden geladen…</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Your own figures</source>
        <translation>Uw eigen cijfers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The story ‘%1’ was closed: a series it shows came from the import you undid.</source>
        <translation>Het verhaal ‘%1’ is gesloten: een reeks erin kwam uit de import die u ongedaan maakte.</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_controls.py" line="+51"/>
        <source>Series</source>
        <translation>Reeksen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chart</source>
        <translation>G&amp;rafiek</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/action_table.py" line="+61"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Export data (CSV, Excel)…</source>
        <translation>Gegevens &amp;exporteren (CSV, Excel)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export c&amp;hart (PNG, SVG, PDF)…</source>
        <translation>&amp;Grafiek exporteren (PNG, SVG, PDF)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Briefing (PDF or Word)…</source>
        <translation>&amp;Briefing (PDF of Word)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Briefing with appendi&amp;x (definitions, background, full table, events)</source>
        <translation>Briefing met bij&amp;lage (definities, achtergrond, volledige tabel, gebeurtenissen)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>La&amp;rger text</source>
        <translation>G&amp;rotere tekst</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy c&amp;hart as image</source>
        <translation>Grafiek kopiëren als a&amp;fbeelding</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Export &amp;pack…</source>
        <translation>&amp;Pakket exporteren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import pac&amp;k…</source>
        <translation>Pa&amp;kket importeren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as story…</source>
        <translation>&amp;Bewaar als verhaal…</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;View</source>
        <translation>B&amp;eeld</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Data</source>
        <translation>&amp;Gegevens</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Stories</source>
        <translation>&amp;Verhalen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Import figures…</source>
        <translation>Cijfers &amp;importeren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;history…</source>
        <translation>Import&amp;geschiedenis…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Copy table</source>
        <translation>Ta&amp;bel kopiëren</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Show &amp;events on the chart</source>
        <translation>&amp;Gebeurtenissen in de grafiek tonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;All events (not only those about these series)</source>
        <translation>&amp;Alle gebeurtenissen (niet alleen die over deze reeksen)</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>&amp;Theme</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Smaller text</source>
        <translation>&amp;Kleinere tekst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale tekstgrootte</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>&amp;Light</source>
        <translation>&amp;Licht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dark</source>
        <translation>&amp;Donker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;system</source>
        <translation>&amp;Systeem volgen</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+74"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About</source>
        <translation>&amp;Over Meldpunt-viewer</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_controls.py" line="+2"/>
        <source>Chart title</source>
        <translation>Titel van de grafiek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources of the values shown</source>
        <translation>Bronnen van de getoonde waarden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart in words</source>
        <translation>Grafiek in woorden</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Ta&amp;ble</source>
        <translation>&amp;Tabel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sh&amp;ow as:</source>
        <translation>&amp;Weergave:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base y&amp;ear:</source>
        <translation>Ba&amp;sisjaar:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values</source>
        <translation>Waarden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index (base year = 100)</source>
        <translation>Index (basisjaar = 100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change on the earlier period</source>
        <translation>Verandering ten opzichte van eerdere periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>Logaritmische schaal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts of the whole (stacked)</source>
        <translation>Delen van het geheel (gestapeld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts as shares of the whole</source>
        <translation>Delen als aandeel van het geheel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show as</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base year</source>
        <translation>Basisjaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on this view</source>
        <translation>Opmerkingen bij deze weergave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key to the marks in the chart</source>
        <translation>Uitleg van de tekens in de grafiek</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_help.py" line="+67"/>
        <source>Portable mode: data and settings are kept in %1.</source>
        <translation>Draagbare modus: gegevens en instellingen staan in %1.</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_actions.py" line="+36"/>
        <source>Export data</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+172"/>
        <location line="+20"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>new in the chart: %1</source>
        <translation>nieuw in de grafiek: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Saved %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Import figures</source>
        <translation>Cijfers importeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Cijfers (*.csv *.txt *.tsv *.xlsx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Storing the figures of %1…</source>
        <translation>De cijfers van %1 worden opgeslagen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The figures could not be stored; nothing was changed. Reason: %1</source>
        <translation>De cijfers konden niet worden opgeslagen; er is niets gewijzigd. Oorzaak: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>meldpunt-data</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>meldpunt-gegevens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meldpunt-chart</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>meldpunt-grafiek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>meldpunt-briefing</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>meldpunt-briefing</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>PDF (*.pdf);;Word document, editable (*.docx)</source>
        <translation>PDF (*.pdf);;Word-document, bewerkbaar (*.docx)</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Imported %1: %2 added, %3 changed</source>
        <translation>%1 geïmporteerd: %2 toegevoegd, %3 gewijzigd</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>PNG-afbeelding (*.png);;SVG-tekening (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Chart copied</source>
        <translation>Grafiek gekopieerd</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_help.py" line="-11"/>
        <source>About</source>
        <translation>Over Meldpunt-viewer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meldpunt viewer %1

Public year figures of the Dutch hotline Meldpunt Kinderporno (Offlimits) and related series, with their sources.
Data up to: %2</source>
        <translation>Meldpunt-viewer %1

Openbare jaarcijfers van het Meldpunt Kinderporno (Offlimits) en verwante reeksen, met hun bronnen.
Gegevens tot en met: %2</translation>
    </message>
</context>
<context>
    <name>MetricPicker</name>
    <message>
        <location filename="../../meldpunt_gui/ui/metric_picker.py" line="+146"/>
        <source>Search series…</source>
        <translation>Reeksen zoeken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search series</source>
        <translation>Reeksen zoeken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Reeksen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected series</source>
        <translation>Gekozen reeksen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Key figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Own series</source>
        <translation>Eigen reeksen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>half-years</source>
        <translation>halfjaren</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Remove %1 from the chart</source>
        <translation>%1 uit de grafiek halen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>%1 verwijderen</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <location filename="../../meldpunt_gui/ui/notice_bar.py" line="+62"/>
        <source>Left out of your data folder (%n):</source>
        <translation>
            <numerusform>Weggelaten uit uw gegevensmap (%n):</numerusform>
            <numerusform>Weggelaten uit uw gegevensmap (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Close this message</source>
        <translation>Sluit dit bericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages about your data folder</source>
        <translation>Berichten over uw gegevensmap</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <location filename="../../meldpunt_gui/ui/pack_actions.py" line="+29"/>
        <source>Story saved: %1</source>
        <translation>Verhaal bewaard: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export pack</source>
        <translation>Pakket exporteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, shown to colleagues who import the pack:</source>
        <translation>Uw naam, zichtbaar voor collega&apos;s die het pakket importeren:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data packs (*%1)</source>
        <translation>Gegevenspakketten (*%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>figures</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>cijfers</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import pack</source>
        <translation>Pakket importeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data packs (*%1);;All files (*)</source>
        <translation>Gegevenspakketten (*%1);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The pack could not be imported: %1</source>
        <translation>Het pakket kon niet worden geïmporteerd: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1</source>
        <translation>Geïmporteerd: %1</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../meldpunt_gui/ui/period_picker.py" line="+80"/>
        <source>Fro&amp;m</source>
        <translation>Va&amp;n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>Tot en &amp;met</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All years</source>
        <translation>&amp;Alle jaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last 5 years</source>
        <translation>&amp;Laatste 5 jaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Years</source>
        <translation>&amp;Jaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-yea&amp;rs</source>
        <translation>Hal&amp;fjaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years shown:</source>
        <translation>Getoonde jaren:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First year</source>
        <translation>Eerste jaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>Laatste jaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years shown</source>
        <translation>Getoonde jaren</translation>
    </message>
</context>
<context>
    <name>StoryDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/story_dialog.py" line="+39"/>
        <source>Save as story</source>
        <translation>Bewaar als verhaal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 2022, 2023-H1</source>
        <translation>bijv. 2022, 2023-H1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved in %1; it appears in the Stories menu and travels in data packs.</source>
        <translation>Bewaard in %1; het verschijnt in het menu Verhalen en gaat mee in gegevenspakketten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt</source>
        <translation>Te&amp;kst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Highlight periods</source>
        <translation>&amp;Uitgelichte perioden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The story could not be saved: %1</source>
        <translation>Het verhaal kon niet worden bewaard: %1</translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <location filename="../../meldpunt_gui/ui/table_pane.py" line="+46"/>
        <source>Export &amp;table…</source>
        <translation>&amp;Tabel exporteren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the table as shown to CSV or Excel</source>
        <translation>Schrijf de tabel zoals getoond naar CSV of Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key to the marks in the table</source>
        <translation>Uitleg van de tekens in de tabel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>table</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>tabel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export table</source>
        <translation>Tabel exporteren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/table_view.py" line="+104"/>
        <source>Table of the values shown</source>
        <translation>Tabel met de getoonde waarden</translation>
    </message>
</context>
</TS>
