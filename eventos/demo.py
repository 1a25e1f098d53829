def cargar_demo(*, usuarios: dict, salida=None) -> str:
    return "pendiente"
