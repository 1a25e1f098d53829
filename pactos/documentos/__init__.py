"""Kinds of generated documents of pactos/, registered in core's pipeline by pactos.extensiones."""
