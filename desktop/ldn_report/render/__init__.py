"""Renderers of the Report model: PDF (ReportLab) and accessible HTML."""
