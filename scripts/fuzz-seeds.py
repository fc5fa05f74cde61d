#!/usr/bin/env python3
"""Writes small seed inputs for the CLI reader fuzz targets (fuzz/fuzz_targets/warc_reader.rs
and jsonl_reader.rs) into fuzz/corpus/<target>/ (git-ignored; generated, never copied from
the benchmark data):

    python3 scripts/fuzz-seeds.py
    cd fuzz && cargo +nightly fuzz run warc_reader -- -timeout=2 -rss_limit_mb=2048

Well-formed records and the bad ones the readers must survive: WARC records of every kind
(warcinfo, request, response, metadata), HTTP payloads chunked, gzipped, non-HTML, with an
error status, records without Content-Length, garbage between records, a truncated record;
JSON lines with HTML, text, numeric ids, bad JSON, non-objects and blank lines. Each seed
also goes in gzipped (one member per WARC record), since the targets read their input both
as it is and as a gzip file. Only the standard library.
"""

import gzip
import json
import os
import sys
import zlib


def member(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: gzip container
    return c.compress(data) + c.flush()


def warc(kind: str, rid: str, content: bytes, uri: str = "https://example.com/a",
         length: bool = True) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        + (f"Content-Length: {len(content)}\r\n" if length else "")
        + "\r\n"
    ).encode()
    return head + content + b"\r\n\r\n"


def http(body: bytes, status: str = "200 OK", headers: str = "Content-Type: text/html\r\n") -> bytes:
    return f"HTTP/1.1 {status}\r\n{headers}\r\n".encode() + body


PAGE = b"<html><head><title>T</title></head><body><p>caf\xe9 au lait</p></body></html>"


def chunked(body: bytes) -> bytes:
    return b"%x\r\n" % 10 + body[:10] + b"\r\n" + b"%x;ext=1\r\n" % (len(body) - 10) + body[10:] + b"\r\n0\r\n\r\n"


def warc_seeds() -> dict:
    info = warc("warcinfo", "0", b"software: fuzz-seeds.py\r\n")
    req = warc("request", "1", b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n")
    ok = warc("response", "2", http(PAGE, headers="Content-Type: text/html; charset=ISO-8859-1\r\n"))
    meta = warc("metadata", "3", b"fetchTimeMs: 12\r\n")
    seeds = {
        "cc-like": [info, req, ok, meta],
        "chunked": [warc("response", "4", http(chunked(PAGE), headers="Content-Type: text/html\r\n"
                                                "Transfer-Encoding: chunked\r\n"))],
        "gzip-payload": [warc("response", "5", http(gzip.compress(PAGE, mtime=0),
                                                   headers="Content-Type: text/html\r\n"
                                                   "Content-Encoding: gzip\r\n"))],
        "statuses": [warc("response", "6", http(b"", status="301 Moved",
                                                headers="Location: /b\r\n")),
                     warc("response", "7", http(b"%PDF-1.4", headers="Content-Type: application/pdf\r\n")),
                     warc("response", "8", http(PAGE, headers=""))],
        "bad": [b"garbage before\r\n", ok,
                b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>no length</p>\r\n\r\n",
                b"WARC/1.0\r\nno colon here\r\n\r\n", warc("response", "9", b"no http headers"),
                warc("response", "10", http(PAGE))[:-40]],
    }
    return {k: b"".join(v) for k, v in seeds.items()}, seeds


def jsonl_seeds() -> dict:
    rows = [
        {"id": "a", "url": "https://example.com/a", "html": PAGE.decode("latin-1")},
        {"id": 7, "text": "Some scraped text.\n\nA second paragraph."},
        {"url": "https://example.com/c", "html": "<p>\u00e9\u4e2d\ud83d\ude00</p>"},
        {"id": None, "html": 3},
        {"text": "x" * 1200},
    ]
    lines = [json.dumps(r).encode() for r in rows]
    return {
        "pages": b"\n".join(lines) + b"\n",
        "mixed": b"\n".join([lines[0], b"", b"  \t", b"{not json", b"[1,2]", b"\"str\"",
                             lines[1], b"{\"html\": \"\\ud800\"}", lines[3]]) + b"\r\n",
        "no-final-newline": lines[2] + b"\n" + lines[4],
    }


def main() -> int:
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus")
    (warcs, records), jsonls = warc_seeds(), jsonl_seeds()
    n = 0
    for target, seeds in (("warc_reader", warcs), ("jsonl_reader", jsonls)):
        d = os.path.join(root, target)
        os.makedirs(d, exist_ok=True)
        for name, data in seeds.items():
            if target == "warc_reader":
                gz = b"".join(member(r) for r in records[name])
            else:
                gz = member(data)
            for suffix, body in (("", data), (".gz", gz)):
                with open(os.path.join(d, f"seed-{name}{suffix}"), "wb") as f:
                    f.write(body)
                n += 1
    print(f"{n} seeds in {os.path.normpath(root)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
