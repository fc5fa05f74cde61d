#!/usr/bin/env python3
"""Times the Python peers of unclutter, one page at a time, on a folder of *.html.gz pages.

    time_python.py HTML_DIR OUT_DIR [TOOL ...]

TOOL is trafilatura, readability-lxml or resiliparse (default: every one that imports).
Each page is gunzipped and decoded in memory first; only the extraction call is timed:
  trafilatura       trafilatura.extract(html, include_comments=False)
  readability-lxml  readability.Document(html).summary(), then its text (block-aware)
  resiliparse       resiliparse.extract.html2text.extract_plain_text(html, main_content=True)
Writes OUT_DIR/TOOL.json ({id: text}) and OUT_DIR/TOOL.times.json ({id: ms}).
Run it pinned to one core (compare-peers.sh uses taskset).
"""
import glob
import gzip
import json
import os
import sys
import time

BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}


def make_trafilatura():
    import trafilatura

    def run(html):
        return trafilatura.extract(html, include_comments=False) or ""

    return run


def make_readability():
    import lxml.html
    from readability import Document

    def text_of(summary):
        # lxml's text_content() glues <p>a</p><p>b</p> into "ab"; break lines at blocks.
        root = lxml.html.fromstring(summary)
        parts = []

        def walk(el):
            tag = el.tag if isinstance(el.tag, str) else ""
            block = tag.lower() in BLOCK
            if block:
                parts.append("\n")
            if isinstance(el.tag, str) and el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    parts.append(child.tail)
            if block:
                parts.append("\n")

        walk(root)
        lines = (" ".join(l.split()) for l in "".join(parts).split("\n"))
        return "\n".join(l for l in lines if l)

    def run(html):
        return text_of(Document(html).summary())

    return run


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text

    def run(html):
        return extract_plain_text(html, main_content=True)

    return run


TOOLS = {
    "trafilatura": make_trafilatura,
    "readability-lxml": make_readability,
    "resiliparse": make_resiliparse,
}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    html_dir, out_dir, wanted = sys.argv[1], sys.argv[2], sys.argv[3:] or list(TOOLS)
    pages = []
    for path in sorted(glob.glob(os.path.join(html_dir, "*.html.gz"))):
        with gzip.open(path, "rb") as f:
            html = f.read().decode("utf-8", errors="replace")
        pages.append((os.path.basename(path)[: -len(".html.gz")], html))
    if not pages:
        sys.exit(f"time_python: no *.html.gz in {html_dir}")
    os.makedirs(out_dir, exist_ok=True)
    for name in wanted:
        try:
            run = TOOLS[name]()
        except Exception as e:  # not installed: skip, the caller says so
            print(f"time_python: skipping {name}: {e!r}", file=sys.stderr)
            continue
        run(pages[0][1])  # warm-up: imports, lazy tables; not counted
        texts, times, errors = {}, {}, 0
        for pid, html in pages:
            t0 = time.perf_counter()
            try:
                text = run(html)
            except Exception:
                text, errors = "", errors + 1
            times[pid] = (time.perf_counter() - t0) * 1e3
            texts[pid] = text or ""
        for suffix, obj in ((".json", texts), (".times.json", times)):
            with open(os.path.join(out_dir, name + suffix), "w", encoding="utf-8") as f:
                json.dump(obj, f, ensure_ascii=False)
        print(f"time_python: {name}: {len(pages)} pages, {errors} errors", file=sys.stderr)


if __name__ == "__main__":
    main()
