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

    def mesa(tipo: str, territorio: dict, nombre: str, slug: str, objetivo: str) -> dict:
        return {"tipo": tipo, **territorio, "nombre": nombre, "slug": slug, "objetivo": objetivo}

    mesas = [
        mesa(
            "turismo",
            {"canton_id": canton_id},
            f"Mesa cantonal de turismo de {nombre}",
            f"turismo-{slug}",
            OBJETIVO_TURISMO.format(canton=nombre),
        )
        for canton_id, _codigo, slug, nombre in cantones
    ] + [
        mesa(
            "agropecuario",
            {"sector_id": sector_id},
            f"Mesa sectorial agropecuaria: {nombre}",
            f"agro-{slug}",
            OBJETIVO_AGRO.format(sector=nombre.lower()),
        )
        for sector_id, _codigo, slug, nombre in sectores
    ]
    return [{**datos, "orden": orden} for orden, datos in enumerate(mesas, 1)]
