"""The chart: one panel per unit, its axes, legend, markers, event strip and palette."""
