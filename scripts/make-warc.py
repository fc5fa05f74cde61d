#!/usr/bin/env python3
"""Builds a WARC.gz shaped like a Common Crawl file from a folder of .html / .html.gz pages,
for measuring the `unclutter` CLI on WARC input (docs/cli-measurements.md).

One gzip member per record, as Common Crawl ships them: a warcinfo record, then for each
page a request, a response (HTTP headers + the page) and a metadata record. The pages are
repeated until the HTML payload reaches --target-mb.

    python3 scripts/make-warc.py ../shared/datasets/wcxb-dev/dev/html /tmp/wcxb.warc.gz --target-mb 1100

Only the standard library; nothing is downloaded.
"""

import argparse
import gzip
import os
import sys
import uuid
import zlib


def member(data: bytes, level: int) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: gzip container
    return c.compress(data) + c.flush()


def record(kind: str, uri: str, content: bytes, ctype: str) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        "WARC-Date: 2026-11-27T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"Content-Type: {ctype}\r\n"
        f"Content-Length: {len(content)}\r\n\r\n"
    ).encode()
    return head + content + b"\r\n\r\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--target-mb", type=float, default=1100.0, help="HTML payload, in MB")
    ap.add_argument("--level", type=int, default=1, help="gzip level (1 is fast)")
    a = ap.parse_args()

    names = sorted(n for n in os.listdir(a.folder) if n.endswith((".html", ".html.gz")))
    if not names:
        print("no .html or .html.gz pages in", a.folder, file=sys.stderr)
        return 1
    target = int(a.target_mb * 1e6)
    total = pages = 0
    with open(a.out, "wb") as out:
        out.write(member(record("warcinfo", "", b"software: make-warc.py\r\n",
                                "application/warc-fields"), a.level))
        while total < target:
            for n in names:
                if total >= target:
                    break
                path = os.path.join(a.folder, n)
                with open(path, "rb") as f:
                    html = f.read()
                if n.endswith(".gz"):
                    html = gzip.decompress(html)
                uri = f"https://example.com/{pages}/{n.split('.')[0]}"
                req = f"GET /{pages} HTTP/1.1\r\nHost: example.com\r\n\r\n".encode()
                resp = (
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    f"X-Crawler-Content-Length: {len(html)}\r\n\r\n"
                ).encode() + html
                meta = b"fetchTimeMs: 100\r\n"
                out.write(member(record("request", uri, req, "application/http; msgtype=request"), a.level))
                out.write(member(record("response", uri, resp, "application/http; msgtype=response"), a.level))
                out.write(member(record("metadata", uri, meta, "application/warc-fields"), a.level))
                total += len(html)
                pages += 1
    print(f"{a.out}: {pages} pages, {total / 1e6:.1f} MB of HTML, "
          f"{os.path.getsize(a.out) / 1e6:.1f} MB on disk", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
