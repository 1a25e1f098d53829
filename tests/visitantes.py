"""Every kind of visitor the permission tests try, in the order of their expected-code strings
("302 403 200 ..."): anonymous, logged in without a role, then each role."""

ROLES = (
    "anonimo",
    "sin_rol",
    "coordinacion",
    "facilitacion",
    "comunicacion",
    "analisis",
    "administracion",
)
