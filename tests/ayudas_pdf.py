"""The text of the PDFs the tests produce, read back with pypdf."""

import io

from pypdf import PdfReader

from core.models import Documento


def texto_pdf(pdf: Documento | bytes) -> str:
    """The text of every page of a PDF (a document's file as it is now in the database, or the
    bytes themselves), with white space folded: pypdf may break a line inside a name."""
    if isinstance(pdf, Documento):
        pdf.refresh_from_db()
        with pdf.archivo.open("rb") as archivo:
            pdf = archivo.read()
    paginas = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(pagina.extract_text() for pagina in paginas).split())
