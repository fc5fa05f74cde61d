"""A datatrove pipeline that cleans a WARC file with unclutter.

It first builds a small WARC (``--warc``, default ``/tmp/unclutter-example/pages.warc.gz``)
from the scrapinghub benchmark pages (``../shared/datasets/scrapinghub/html/*.html.gz``,
relative to the repository root), then runs, with datatrove's local executor::

    WarcReader -> Unclutter -> JsonlWriter

and prints the executor's stats and the first cleaned document. Run from anywhere::

    pip install 'datatrove[io]' warcio      # plus this package: pip install ./bindings/python
    python bindings/python/examples/datatrove_pipeline.py [--pages DIR] [--limit N] [--keep-non-articles]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import io
import json
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DEFAULT_PAGES = REPO / ".." / "shared" / "datasets" / "scrapinghub" / "html"


def make_warc(pages: list[tuple[str, bytes]], path: str) -> int:
    """Writes ``(url, html_bytes)`` pages as gzipped WARC response records (with the
    ``WARC-Identified-Payload-Type`` header Common Crawl sets); returns the record count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            http = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Length", str(len(html)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html),
                http_headers=http,
                warc_headers_dict={"WARC-Identified-Payload-Type": "text/html"},
            )
            writer.write_record(record)
    return len(pages)


def read_pages(folder: str, limit: int) -> list[tuple[str, bytes]]:
    """The first ``limit`` pages of a folder of ``.html`` / ``.html.gz`` files, with made-up URLs."""
    files = sorted(glob.glob(os.path.join(folder, "*.html*")))[:limit]
    pages = []
    for f in files:
        data = Path(f).read_bytes()
        if f.endswith(".gz"):
            data = gzip.decompress(data)
        stem = os.path.basename(f).split(".")[0]
        pages.append((f"https://example.com/{stem}", data))
    return pages


def run(warc: str, out_dir: str, keep_non_articles: bool = False, tasks: int = 1):
    """Runs WarcReader -> Unclutter -> JsonlWriter on ``warc``; returns the executor's stats."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from unclutter.datatrove import Unclutter

    executor = LocalPipelineExecutor(
        pipeline=[
            WarcReader(os.path.dirname(warc), glob_pattern=os.path.basename(warc)),
            Unclutter(drop_non_articles=not keep_non_articles),
            JsonlWriter(os.path.join(out_dir, "output"), compression=None),
        ],
        tasks=tasks,
        logging_dir=os.path.join(out_dir, "logs"),
        skip_completed=False,
    )
    return executor.run()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", default=str(DEFAULT_PAGES), help="folder of .html/.html.gz pages")
    p.add_argument("--limit", type=int, default=50, help="pages to put in the WARC")
    p.add_argument("--warc", default="/tmp/unclutter-example/pages.warc.gz")
    p.add_argument("--out", default="/tmp/unclutter-example/run")
    p.add_argument("--keep-non-articles", action="store_true", help="flag them in metadata instead")
    a = p.parse_args()

    pages = read_pages(a.pages, a.limit)
    if not pages:
        raise SystemExit(f"no pages under {a.pages}")
    n = make_warc(pages, a.warc)
    print(f"wrote {n} records to {a.warc}")
    shutil.rmtree(a.out, ignore_errors=True)
    stats = run(a.warc, a.out, keep_non_articles=a.keep_non_articles)
    print(stats)
    outputs = sorted(glob.glob(os.path.join(a.out, "output", "*.jsonl")))
    docs = [json.loads(line) for f in outputs for line in open(f, encoding="utf-8")]
    print(f"{len(docs)} documents written under {a.out}/output")
    if docs:
        d = docs[0]
        print(json.dumps({**d, "text": d["text"][:300] + "…"}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
