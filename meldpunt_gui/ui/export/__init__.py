"""Drawing exports with Qt: the chart as PNG/SVG/PDF and the briefing."""
