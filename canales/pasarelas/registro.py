"""The gateway of `make run` and of tests that need no real one: nothing leaves the machine; each
message is logged and kept in memory (ENVIADOS), so a developer sees what would have been sent."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from .base import Pasarela, Salida

logger = logging.getLogger(__name__)

ENVIADOS: list[Salida] = []


@dataclass
class PasarelaRegistro(Pasarela):
    nombre: str = "registro"
    canal: str = "sms"
    por_segundo: int = 100_000  # nothing leaves the machine: no operator's rate to respect

    def enviar(self, salida: Salida) -> str:
        ENVIADOS.append(salida)
        logger.info("SMS (no enviado, pasarela de registro) a %s: %s", salida.numero, salida.texto)
        return f"registro-{uuid.uuid4().hex[:12]}"
