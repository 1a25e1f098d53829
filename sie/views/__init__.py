"""The SIE's pages: publico (cantons), indicadores (indicators, map, open data), gestion (the
analysts' desk, one view per action on a value, targets, catalogue) and carga (the entry grid,
imports and their templates). Every view is a core.vistas VistaStaff or VistaAccion."""
