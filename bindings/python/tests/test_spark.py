"""The Spark example end to end, in local mode: 1,000 real pages (and three hand-made rows: an
article, an empty page, a French one) from JSONL to Parquet, in one Spark run (each run starts a
JVM: 15-25 s on this machine). Skipped unless pyspark and java are there (ci.sh installs
pyspark from PyPI)."""

import gzip
import json
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java", allow_module_level=True)

from conftest import FRENCH, HERE, HTML, REPO, SCRAPINGHUB  # noqa: E402

SHARED = REPO / ".." / "shared"
WCXB_HTML = SHARED / "datasets" / "wcxb-dev" / "dev" / "html"
EXAMPLE = HERE.parent / "examples" / "spark_clean.py"
N_PAGES = 1000


def run_example(*args):
    r = subprocess.run(
        [sys.executable, str(EXAMPLE), *map(str, args)], capture_output=True, text=True, timeout=900
    )
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def thousand_pages():
    """``N_PAGES`` ``(url, html)`` rows: the first 1,000 wcxb-dev pages, or, without them, the
    scrapinghub pages repeated under distinct URLs. Pages are decoded as UTF-8 with
    replacement, as the example's own demo writer does."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing: no pages for the 1,000-page Spark run")
    files = sorted(WCXB_HTML.glob("*.html.gz"))[:N_PAGES]
    source = "wcxb-dev"
    if len(files) < N_PAGES:
        files = sorted((SCRAPINGHUB / "html").glob("*.html.gz"))
        source = "scrapinghub, repeated"
    if not files:
        pytest.skip(f"neither {WCXB_HTML} nor {SCRAPINGHUB / 'html'} has pages")
    pages = []
    for i in range(N_PAGES):
        f = files[i % len(files)]
        html = gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace")
        pages.append((f"https://example.com/{i:04d}/{f.name.split('.')[0]}", html))
    return source, pages


def test_spark_clean_1000_pages_to_parquet(tmp_path):
    """1,000 pages through ``mapInPandas`` in local mode; every row back, in Parquet, a sample
    of 50 equal field by field to what the Python API gives for the same string, and the
    error row of an empty page."""
    import pyarrow.parquet as pq

    import unclutter

    source, pages = thousand_pages()
    extra = [
        ("a", HTML),
        ("b", ""),
        ("c", "<html><body><p>" + FRENCH + "</p></body></html>"),
    ]
    inp = tmp_path / "pages.jsonl"
    with inp.open("w", encoding="utf-8") as f:
        for url, html in pages + extra:
            f.write(json.dumps({"url": url, "html": html}) + "\n")
    out = tmp_path / "clean.parquet"
    stdout = run_example("--input", inp, "--output", out, "--schema", "url STRING, html STRING")
    n_rows = N_PAGES + len(extra)
    assert f"{n_rows} rows written" in stdout, stdout[-2000:]

    table = pq.read_table(out)
    assert table.num_rows == n_rows, source
    assert set(table.column_names) == {
        "url", "text", "title", "lang", "is_article", "confidence", "error"
    }
    rows = {r["url"]: r for r in table.to_pylist()}
    assert set(rows) == {url for url, _ in pages + extra}

    assert rows["a"]["text"] == unclutter.clean_html(HTML)
    assert rows["a"]["error"] is None and rows["a"]["is_article"] is True
    assert rows["b"]["error"].startswith("EmptyInputError") and rows["b"]["text"] is None
    assert "budget" in rows["c"]["text"] and rows["c"]["lang"] == "fr"
    rows = {url: rows[url] for url, _ in pages}

    with_text = sum(1 for r in rows.values() if r["text"])
    errors = [r["error"] for r in rows.values() if r["error"] is not None]
    assert with_text >= 0.9 * N_PAGES, (source, with_text, errors[:5])
    assert len(errors) <= 0.01 * N_PAGES, errors[:5]

    cleaner = unclutter.Cleaner(mode="html")
    for url, html in pages[::20]:
        row = rows[url]
        try:
            a = cleaner.clean(html)
        except unclutter.UnclutterError as e:
            assert row["error"] == f"{type(e).__name__}: {e}", url
            assert row["text"] is None, url
            continue
        assert row["error"] is None, url
        assert row["text"] == a.text, url
        assert row["title"] == a.title, url
        assert row["lang"] == a.lang, url
        assert row["is_article"] == a.is_article, url
        # the column is a Spark float (32 bits)
        assert row["confidence"] == pytest.approx(a.confidence, rel=1e-6), url
