<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ChartExportOptions</name>
    <message>
        <location filename="../../meldpunt_gui/ui/export/options.py" line="+13"/>
        <source>Chart export</source>
        <translation>Chart export</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>1x (as on screen)</source>
        <translation>1x (as on screen)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2x (sharp on HiDPI screens and in print)</source>
        <translation>2x (sharp on HiDPI screens and in print)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the &amp;definitions under the chart</source>
        <translation>Add the &amp;definitions under the chart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Width:</source>
        <translation>&amp;Width:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Height:</source>
        <translation>&amp;Height:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sharpness:</source>
        <translation>&amp;Sharpness:</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/chart/view.py" line="+77"/>
        <location line="+121"/>
        <source>Loading chart…</source>
        <translation>Loading chart…</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chart: use the arrow keys to read the values</source>
        <translation>Chart: use the arrow keys to read the values</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>This series has no half-year figures</source>
        <translation>This series has no half-year figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No values in the selected years</source>
        <translation>No values in the selected years</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../meldpunt_gui/ui/explanation.py" line="+40"/>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>HalfYearHint</name>
    <message>
        <location filename="../../meldpunt_gui/ui/empty_hint.py" line="+45"/>
        <source>This series has no half-year figures: %1</source>
        <translation>This series has no half-year figures: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These series have no half-year figures: %1</source>
        <translation>These series have no half-year figures: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;years</source>
        <translation>Show &amp;years</translation>
    </message>
</context>
<context>
    <name>HeadlineStrip</name>
    <message>
        <location filename="../../meldpunt_gui/ui/headline_strip.py" line="+268"/>
        <source>Copy as sentence</source>
        <translation>Copy as sentence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the key figures on the clipboard as a ready sentence with its source (plain text and for Word)</source>
        <translation>Put the key figures on the clipboard as a ready sentence with its source (plain text and for Word)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <location line="+8"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n more series without a key figure here</source>
        <translation>
            <numerusform>%n more series without a key figure here</numerusform>
            <numerusform>%n more series without a key figure here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/help_dialog.py" line="+13"/>
        <location line="+5"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/import_dialog.py" line="+66"/>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>detect</source>
        <translation>detect</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+161"/>
        <source>semicolon ;</source>
        <translation>semicolon ;</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+161"/>
        <source>comma ,</source>
        <translation>comma ,</translation>
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
        <translation>Dutch (1.234,5)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English (1,234.5)</source>
        <translation>English (1,234.5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Separator:</source>
        <translation>&amp;Separator:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Numbers:</source>
        <translation>&amp;Numbers:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;heet:</source>
        <translation>S&amp;heet:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stop reading</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value now</source>
        <translation>Value now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows read from the file</source>
        <translation>Rows read from the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found in the file</source>
        <translation>Problems found in the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading stopped.</source>
        <translation>Reading stopped.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Storing…</source>
        <translation>Storing…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>encoding %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>separator %1</source>
        <translation>separator %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>numbers %1</source>
        <translation>numbers %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detected: %1</source>
        <translation>Detected: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 new, %2 changed, %3 unchanged</source>
        <translation>%1 new, %2 changed, %3 unchanged</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing can be imported while an error stands.</source>
        <translation>Nothing can be imported while an error stands.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to import.</source>
        <translation>Nothing to import.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location line="+47"/>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo selected import</source>
        <translation>&amp;Undo selected import</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+17"/>
        <source>Undo import</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Remove every value of import %1?</source>
        <translation>Remove every value of import %1?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meldpunt_gui/ui/main_window.py" line="+64"/>
        <location line="+149"/>
        <source>Year figures of the Dutch CSAM hotline</source>
        <translation>Year figures of the Dutch CSAM hotline</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Loading the figures…</source>
        <translation>Loading the figures…</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Your own figures</source>
        <translation>Your own figures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The story ‘%1’ was closed: a series it shows came from the import you undid.</source>
        <translation>The story ‘%1’ was closed: a series it shows came from the import you undid.</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_controls.py" line="+51"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chart</source>
        <translation>&amp;Chart</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/action_table.py" line="+61"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Export data (CSV, Excel)…</source>
        <translation>&amp;Export data (CSV, Excel)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export c&amp;hart (PNG, SVG, PDF)…</source>
        <translation>Export c&amp;hart (PNG, SVG, PDF)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Briefing (PDF or Word)…</source>
        <translation>&amp;Briefing (PDF or Word)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Briefing with appendi&amp;x (definitions, background, full table, events)</source>
        <translation>Briefing with appendi&amp;x (definitions, background, full table, events)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>La&amp;rger text</source>
        <translation>La&amp;rger text</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy c&amp;hart as image</source>
        <translation>Copy c&amp;hart as image</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Export &amp;pack…</source>
        <translation>Export &amp;pack…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import pac&amp;k…</source>
        <translation>Import pac&amp;k…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as story…</source>
        <translation>&amp;Save as story…</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Stories</source>
        <translation>&amp;Stories</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Import figures…</source>
        <translation>&amp;Import figures…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import &amp;history…</source>
        <translation>Import &amp;history…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Copy table</source>
        <translation>&amp;Copy table</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Show &amp;events on the chart</source>
        <translation>Show &amp;events on the chart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;All events (not only those about these series)</source>
        <translation>&amp;All events (not only those about these series)</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Smaller text</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
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
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_controls.py" line="+2"/>
        <source>Chart title</source>
        <translation>Chart title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources of the values shown</source>
        <translation>Sources of the values shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart in words</source>
        <translation>Chart in words</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Ta&amp;ble</source>
        <translation>Ta&amp;ble</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sh&amp;ow as:</source>
        <translation>Sh&amp;ow as:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base y&amp;ear:</source>
        <translation>Base y&amp;ear:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index (base year = 100)</source>
        <translation>Index (base year = 100)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change on the earlier period</source>
        <translation>Change on the earlier period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>Log scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts of the whole (stacked)</source>
        <translation>Parts of the whole (stacked)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts as shares of the whole</source>
        <translation>Parts as shares of the whole</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show as</source>
        <translation>Show as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base year</source>
        <translation>Base year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes on this view</source>
        <translation>Notes on this view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key to the marks in the chart</source>
        <translation>Key to the marks in the chart</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_help.py" line="+67"/>
        <source>Portable mode: data and settings are kept in %1.</source>
        <translation>Portable mode: data and settings are kept in %1.</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_actions.py" line="+36"/>
        <source>Export data</source>
        <translation>Export data</translation>
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
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>new in the chart: %1</source>
        <translation>new in the chart: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Import figures</source>
        <translation>Import figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Figures (*.csv *.txt *.tsv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Storing the figures of %1…</source>
        <translation>Storing the figures of %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The figures could not be stored; nothing was changed. Reason: %1</source>
        <translation>The figures could not be stored; nothing was changed. Reason: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Import failed</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>meldpunt-data</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>meldpunt-data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meldpunt-chart</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>meldpunt-chart</translation>
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
        <translation>PDF (*.pdf);;Word document, editable (*.docx)</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Imported %1: %2 added, %3 changed</source>
        <translation>Imported %1: %2 added, %3 changed</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Chart copied</source>
        <translation>Chart copied</translation>
    </message>
    <message>
        <location filename="../../meldpunt_gui/ui/window_help.py" line="-11"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meldpunt viewer %1

Public year figures of the Dutch hotline Meldpunt Kinderporno (Offlimits) and related series, with their sources.
Data up to: %2</source>
        <translation>Meldpunt viewer %1

Public year figures of the Dutch hotline Meldpunt Kinderporno (Offlimits) and related series, with their sources.
Data up to: %2</translation>
    </message>
</context>
<context>
    <name>MetricPicker</name>
    <message>
        <location filename="../../meldpunt_gui/ui/metric_picker.py" line="+146"/>
        <source>Search series…</source>
        <translation>Search series…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search series</source>
        <translation>Search series</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected series</source>
        <translation>Selected series</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Own series</source>
        <translation>Own series</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>half-years</source>
        <translation>half-years</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Remove %1 from the chart</source>
        <translation>Remove %1 from the chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <location filename="../../meldpunt_gui/ui/notice_bar.py" line="+62"/>
        <source>Left out of your data folder (%n):</source>
        <translation>
            <numerusform>Left out of your data folder (%n):</numerusform>
            <numerusform>Left out of your data folder (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages about your data folder</source>
        <translation>Messages about your data folder</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <location filename="../../meldpunt_gui/ui/pack_actions.py" line="+29"/>
        <source>Story saved: %1</source>
        <translation>Story saved: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export pack</source>
        <translation>Export pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, shown to colleagues who import the pack:</source>
        <translation>Your name, shown to colleagues who import the pack:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data packs (*%1)</source>
        <translation>Data packs (*%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>figures</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>figures</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import pack</source>
        <translation>Import pack</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data packs (*%1);;All files (*)</source>
        <translation>Data packs (*%1);;All files (*)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The pack could not be imported: %1</source>
        <translation>The pack could not be imported: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported %1</source>
        <translation>Imported %1</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../meldpunt_gui/ui/period_picker.py" line="+80"/>
        <source>Fro&amp;m</source>
        <translation>Fro&amp;m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All years</source>
        <translation>&amp;All years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last 5 years</source>
        <translation>&amp;Last 5 years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Years</source>
        <translation>&amp;Years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-yea&amp;rs</source>
        <translation>Half-yea&amp;rs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years shown:</source>
        <translation>Years shown:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First year</source>
        <translation>First year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years shown</source>
        <translation>Years shown</translation>
    </message>
</context>
<context>
    <name>StoryDialog</name>
    <message>
        <location filename="../../meldpunt_gui/ui/story_dialog.py" line="+39"/>
        <source>Save as story</source>
        <translation>Save as story</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 2022, 2023-H1</source>
        <translation>e.g. 2022, 2023-H1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved in %1; it appears in the Stories menu and travels in data packs.</source>
        <translation>Saved in %1; it appears in the Stories menu and travels in data packs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Highlight periods</source>
        <translation>&amp;Highlight periods</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The story could not be saved: %1</source>
        <translation>The story could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <location filename="../../meldpunt_gui/ui/table_pane.py" line="+46"/>
        <source>Export &amp;table…</source>
        <translation>Export &amp;table…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the table as shown to CSV or Excel</source>
        <translation>Write the table as shown to CSV or Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key to the marks in the table</source>
        <translation>Key to the marks in the table</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>table</source>
        <comment>a file name: letters, digits and - only</comment>
        <translation>table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export table</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/table_view.py" line="+104"/>
        <source>Table of the values shown</source>
        <translation>Table of the values shown</translation>
    </message>
</context>
</TS>
