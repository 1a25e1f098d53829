"""Server-rendered SVG charts of pactos/ (for the pages and the PDF reports)."""
