"""Cleans a DataFrame of HTML pages with PySpark in local mode.

Reads JSON lines (one page per line, the HTML in ``--html-field``), cleans them with
``mapInPandas`` — one ``unclutter.Cleaner`` per Python worker process, each Arrow batch
cleaned with ``Cleaner.clean_many`` on Rust threads — and writes Parquet (or JSONL with
``--format json``) with the columns of the input plus ``text``, ``title``, ``lang``,
``is_article``, ``confidence`` and ``error``.

    pip install 'pyspark[sql]' ./bindings/python   # Java 17 on the PATH
    python bindings/python/examples/spark_clean.py                     # demo input: the scrapinghub pages
    python bindings/python/examples/spark_clean.py --input pages.jsonl --html-field html \
        --schema 'url STRING, html STRING' --output clean.parquet

Without ``--input``, a JSONL of the scrapinghub pages (``../shared/datasets/scrapinghub/html``,
relative to the repository) is written first to ``/tmp/unclutter-spark/pages.jsonl``.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DEFAULT_PAGES = REPO / ".." / "shared" / "datasets" / "scrapinghub" / "html"

OUT_FIELDS = [
    ("text", "string"),
    ("title", "string"),
    ("lang", "string"),
    ("is_article", "boolean"),
    ("confidence", "float"),
    ("error", "string"),
]

# One Cleaner per Python worker process: built on the first batch, reused after.
_CLEANER = None


def _cleaner(options: dict):
    global _CLEANER
    if _CLEANER is None:
        import unclutter

        _CLEANER = unclutter.Cleaner(**options)
    return _CLEANER


def clean_batches(html_field: str, options: dict, jobs: int | None):
    """The function given to ``mapInPandas``: pandas batches in, batches with the cleaned
    columns out (same rows, same order)."""

    def run(batches):
        import unclutter

        cleaner = _cleaner(options)
        for pdf in batches:
            results = cleaner.clean_many(pdf[html_field].tolist(), jobs=jobs)
            ok = [r if isinstance(r, unclutter.Article) else None for r in results]
            pdf = pdf.copy()
            pdf["text"] = [a.text if a else None for a in ok]
            pdf["title"] = [a.title if a else None for a in ok]
            pdf["lang"] = [a.lang if a else None for a in ok]
            pdf["is_article"] = [a.is_article if a else False for a in ok]
            pdf["confidence"] = [float(a.confidence) if a else 0.0 for a in ok]
            pdf["error"] = [None if a else f"{type(r).__name__}: {r}" for a, r in zip(ok, results)]
            yield pdf

    return run


def write_demo_input(path: str, pages_dir: str, limit: int) -> int:
    """A JSONL of ``{"url", "html"}`` rows from a folder of .html.gz pages."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    files = sorted(glob.glob(os.path.join(pages_dir, "*.html*")))[:limit]
    with open(path, "w", encoding="utf-8") as out:
        for f in files:
            data = Path(f).read_bytes()
            if f.endswith(".gz"):
                data = gzip.decompress(data)
            html = data.decode("utf-8", errors="replace")
            stem = os.path.basename(f).split(".")[0]
            out.write(json.dumps({"url": f"https://example.com/{stem}", "html": html}) + "\n")
    return len(files)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", help="JSONL of pages (default: a demo file of the scrapinghub pages)")
    p.add_argument("--html-field", default="html")
    p.add_argument("--schema", help="the input's schema as a DDL string, e.g. 'url STRING, html "
                   "STRING' (default: inferred, which costs one more pass over the input)")
    p.add_argument("--output", default="/tmp/unclutter-spark/clean.parquet")
    p.add_argument("--format", choices=["parquet", "json"], default="parquet")
    p.add_argument("--keep-headings", action="store_true")
    p.add_argument("--articles-only", action="store_true", help="keep only rows judged articles")
    p.add_argument("--jobs", type=int, default=1,
                   help="Rust threads per Spark task (Spark already runs one task per core)")
    p.add_argument("--limit", type=int, default=200, help="pages in the demo input")
    a = p.parse_args()

    if a.input is None:
        a.input = "/tmp/unclutter-spark/pages.jsonl"
        n = write_demo_input(a.input, str(DEFAULT_PAGES), a.limit)
        if n == 0:
            raise SystemExit(f"no pages under {DEFAULT_PAGES}")
        print(f"wrote {n} pages to {a.input}")

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = (
        SparkSession.builder.master("local[*]")
        .appName("unclutter")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    reader = spark.read.schema(a.schema) if a.schema else spark.read
    df = reader.json(a.input)
    schema = df.schema.simpleString()[len("struct<"):-1] + "," + ",".join(
        f"{n}:{t}" for n, t in OUT_FIELDS
    )
    options = {"mode": "html", "keep_headings": a.keep_headings}
    out = df.mapInPandas(clean_batches(a.html_field, options, a.jobs), schema=schema)
    out = out.drop(a.html_field)
    if a.articles_only:
        out = out.where(F.col("is_article"))
    writer = out.write.mode("overwrite")
    (writer.parquet if a.format == "parquet" else writer.json)(a.output)

    # Read back with the written schema: Spark's JSON writer leaves null fields out, so an
    # inferred schema would lose the columns that are null on every row (e.g. ``error``).
    reader = spark.read.schema(out.schema)
    back = reader.parquet(a.output) if a.format == "parquet" else reader.json(a.output)
    print(f"{back.count()} rows written to {a.output}")
    back.groupBy("is_article").count().show()
    back.select("url", "title", "lang", "confidence", F.substring("text", 1, 60).alias("text")).show(
        5, truncate=False
    )
    spark.stop()


if __name__ == "__main__":
    main()
