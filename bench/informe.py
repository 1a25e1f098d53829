"""Composes the figures into results.json's shape and prints them with the targets."""

OBJETIVOS = {
    "scale_ratio_max": 1.5,
    "throughput_ratio_min": 0.7,
    "pdf_ratio_max": 1.2,
}


def componer(medidas: dict[int, dict]) -> dict:
    paginas = sorted({p for m in medidas.values() for p in m})
    queries, scale, faltan = {}, {}, {}
    for pagina in paginas:

        def dato(factor, campo, pagina=pagina):
            return medidas.get(factor, {}).get(pagina, {}).get(campo)

        if any("missing" in medidas.get(f, {}).get(pagina, {}) for f in medidas):
            faltan[pagina] = "la página o sus datos aún no existen"
            continue
        errores = [
            medidas[f][pagina]["error"] for f in medidas if "error" in medidas[f].get(pagina, {})
        ]
        if errores:
            faltan[pagina] = errores[0]
            continue
        queries[pagina] = {"1x": dato(1, "queries"), "10x": dato(10, "queries")}
        t1, t100 = dato(1, "ms"), dato(100, "ms")
        scale[pagina] = {
            "1x_ms": t1,
            "100x_ms": t100,
            "ratio": round(t100 / t1, 2) if t1 and t100 else None,
        }
    resultados = {"queries": queries, "scale": scale}
    if faltan:
        resultados["missing"] = faltan
    return resultados


def imprimir(resultados: dict) -> None:
    print(f"\n{'página':<24}{'q 1×':>6}{'q 10×':>7}{'ms 1×':>9}{'ms 100×':>9}{'ratio':>7}")
    for pagina, q in resultados.get("queries", {}).items():
        s = resultados["scale"].get(pagina, {})
        marca = ""
        if q.get("10x") is not None and q["1x"] is not None and q["10x"] > q["1x"]:
            marca += "  ✗ consultas crecen"
        if s.get("ratio") and s["ratio"] > OBJETIVOS["scale_ratio_max"]:
            marca += "  ✗ tiempo crece"
        print(
            f"{pagina:<24}{q.get('1x') or '-':>6}{q.get('10x') or '-':>7}"
            f"{s.get('1x_ms') or '-':>9}{s.get('100x_ms') or '-':>9}{s.get('ratio') or '-':>7}{marca}"
        )
    for pagina, motivo in resultados.get("missing", {}).items():
        print(f"{pagina:<24}  sin medir: {motivo}")
    if "throughput" in resultados:
        print("\nthroughput (req/s, gunicorn 2 workers, producción)")
        for pagina, t in resultados["throughput"].items():
            ratio = t.get("ratio")
            marca = "  ✗" if ratio is not None and ratio < OBJETIVOS["throughput_ratio_min"] else ""
            print(
                f"  {pagina:<22}{t.get('rps', '-'):>10}{'' if ratio is None else f'  ×{ratio}'}{marca}"
            )
    if "pdf" in resultados:
        print("\npdf")
        for tipo, p in resultados["pdf"].items():
            print(f"  {tipo:<22}{p}")


def markdown(resultados: dict) -> str:
    """The figures as the Markdown tables of docs/performance.md."""
    lineas = [
        "| page | queries 1× | queries 10× | ms 1× | ms 100× | ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for pagina, q in resultados.get("queries", {}).items():
        s = resultados.get("scale", {}).get(pagina, {})
        lineas.append(
            f"| {pagina} | {q.get('1x')} | {q.get('10x')} | {s.get('1x_ms')} "
            f"| {s.get('100x_ms')} | {s.get('ratio')} |"
        )
    for pagina, motivo in resultados.get("missing", {}).items():
        lineas.append(f"| {pagina} | — | — | — | — | {motivo} |")
    if "throughput" in resultados:
        lineas += ["", "| throughput | req/s | ratio to floor |", "| --- | ---: | ---: |"]
        for pagina, t in resultados["throughput"].items():
            lineas.append(f"| {pagina} | {t.get('rps')} | {t.get('ratio', '—')} |")
    if "pdf" in resultados:
        lineas += [
            "",
            "| pdf | whole task (s) | WeasyPrint alone (s) | ratio | pages |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for tipo, p in resultados["pdf"].items():
            lineas.append(
                f"| {tipo} | {p.get('task_s')} | {p.get('weasyprint_s')} | {p.get('ratio')} "
                f"| {p.get('pages')} |"
            )
    return "\n".join(lineas)


if __name__ == "__main__":
    import json
    import sys
    from pathlib import Path

    print(markdown(json.loads(Path(sys.argv[1]).read_text())))
