<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/chart.py" line="+49"/>
        <location line="+42"/>
        <source>Loading chart…</source>
        <translation>Loading chart…</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No values in the selected years</source>
        <translation>No values in the selected years</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../meldpunt_gui/ui/explanation.py" line="+24"/>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meldpunt_gui/ui/main_window.py" line="+163"/>
        <source>Meldpunt viewer — figures of the Dutch CSAM hotline</source>
        <translation>Meldpunt viewer — figures of the Dutch CSAM hotline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>Metrics</translation>
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
        <location line="+1"/>
        <source>&amp;Table</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export data (CSV, Excel)…</source>
        <translation>&amp;Export data (CSV, Excel)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export c&amp;hart (PNG, SVG, PDF)…</source>
        <translation>Export c&amp;hart (PNG, SVG, PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Briefing (PDF)…</source>
        <translation>&amp;Briefing (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy c&amp;hart as image</source>
        <translation>Copy c&amp;hart as image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy table</source>
        <translation>&amp;Copy table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;events on the chart</source>
        <translation>Show &amp;events on the chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart title</source>
        <translation>Chart title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources of the values shown</source>
        <translation>Sources of the values shown</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No metric selected</source>
        <translation>No metric selected</translation>
    </message>
    <message>
        <location line="+55"/>
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
        <location line="+32"/>
        <location line="+14"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chart copied</source>
        <translation>Chart copied</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../../meldpunt_gui/ui/metric_picker.py" line="+43"/>
        <source>Search metrics…</source>
        <translation>Search metrics…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search metrics</source>
        <translation>Search metrics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Own metrics</source>
        <translation>Own metrics</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>half-years</source>
        <translation>half-years</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../meldpunt_gui/ui/period_picker.py" line="+67"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
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
        <source>&amp;Half-years</source>
        <translation>&amp;Half-years</translation>
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
    <name>TableView</name>
    <message>
        <location filename="../../meldpunt_gui/ui/table_view.py" line="+66"/>
        <source>Table of the values shown</source>
        <translation>Table of the values shown</translation>
    </message>
</context>
</TS>
