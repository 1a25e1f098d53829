"""Demo content of the tables, built through the services (see cargar_demo_mesas)."""


def cargar_demo_mesas(*, usuarios, salida=None):
    return "pendiente"
