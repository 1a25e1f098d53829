"""The 13 tables of the programme, created on every install by a data migration."""

OBJETIVO_TURISMO = (
    "Acordar, desde el cantón {canton}, los aportes a la estrategia provincial de turismo: "
    "productos, destinos, servicios y compromisos de los actores públicos y privados."
)
OBJETIVO_AGRO = (
    "Articular a los actores del sector {sector} para definir prioridades, acuerdos y metas "
    "de escenarios futuros de la producción agropecuaria de Pichincha."
)
NOTAS_METODOLOGICAS = (
    "Sesiones de diálogo facilitadas: presentación del diagnóstico, trabajo por grupos, "
    "priorización por votación de los presentes y acuerdos con responsables y plazos."
)


def mesas_del_programa(cantones, sectores) -> list[dict]:
    """cantones and sectores are iterables of (id, codigo or slug, slug, nombre) in their order."""
    mesas = []
    orden = 0
    for canton_id, _codigo, slug, nombre in cantones:
        orden += 1
        mesas.append(
            {
                "tipo": "turismo",
                "canton_id": canton_id,
                "nombre": f"Mesa cantonal de turismo de {nombre}",
                "slug": f"turismo-{slug}",
                "objetivo": OBJETIVO_TURISMO.format(canton=nombre),
                "orden": orden,
            }
        )
    for sector_id, _codigo, slug, nombre in sectores:
        orden += 1
        mesas.append(
            {
                "tipo": "agropecuario",
                "sector_id": sector_id,
                "nombre": f"Mesa sectorial agropecuaria: {nombre}",
                "slug": f"agro-{slug}",
                "objetivo": OBJETIVO_AGRO.format(sector=nombre.lower()),
                "orden": orden,
            }
        )
    return mesas
