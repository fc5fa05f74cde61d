"""The datatrove step, on a small WARC built from the scrapinghub pages."""

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

from conftest import HERE, HTML, scrapinghub_pages  # noqa: E402


def example():
    spec = importlib.util.spec_from_file_location(
        "datatrove_pipeline", HERE.parent / "examples" / "datatrove_pipeline.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_extract_has_trafilatura_shape():
    from datatrove.pipeline.extractors.base import BaseExtractor

    from unclutter.datatrove import Unclutter

    u = Unclutter()
    assert isinstance(u, BaseExtractor)
    assert "valley" in u.extract(HTML)
    assert u.extract("") == ""  # datatrove's sandbox warms up with ""
    assert u.extract("<html><body><ul><li><a href=/a>Home</a></li></ul></body></html>") == ""


def run_pipeline(tmp_path, keep_non_articles):
    ex = example()
    pages = [(f"https://example.com/{n}", d) for n, d in scrapinghub_pages("html", limit=20)]
    pages.append(("https://example.com/listing",
                  b"<html><body><ul>" + b"<li><a href='/x'>Another headline here</a></li>" * 30
                  + b"</ul></body></html>"))
    warc = str(tmp_path / "in" / "pages.warc.gz")
    assert ex.make_warc(pages, warc) == len(pages)
    ex.run(warc, str(tmp_path / "run"), keep_non_articles=keep_non_articles)
    out = sorted((tmp_path / "run" / "output").glob("*.jsonl"))
    docs = [json.loads(line) for f in out for line in f.open(encoding="utf-8")]
    return pages, docs


def test_warc_pipeline_drops_non_articles(tmp_path):
    import unclutter

    pages, docs = run_pipeline(tmp_path, keep_non_articles=False)
    assert 0 < len(docs) < len(pages)
    urls = {d["metadata"]["url"] for d in docs}
    assert "https://example.com/listing" not in urls
    by_url = dict(pages)
    for d in docs:
        assert d["metadata"]["is_article"] is True
        assert 0.5 <= d["metadata"]["article_confidence"] <= 1
        # WarcReader decoded the bytes to str; same text as cleaning that str directly
        try:
            html = by_url[d["metadata"]["url"]].decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            continue  # WarcReader guessed the charset itself
        assert d["text"] == unclutter.Cleaner(mode="html").clean(html).text


def test_warc_pipeline_flags_non_articles(tmp_path):
    pages, docs = run_pipeline(tmp_path, keep_non_articles=True)
    flagged = [d for d in docs if d["metadata"]["is_article"] is False]
    assert flagged
    assert len(docs) > len([d for d in docs if d["metadata"]["is_article"]])


def test_sandbox_path_like_trafilatura():
    """sandbox=True runs BaseExtractor.run: extract() in datatrove's timeout subprocess."""
    from datatrove.data import Document

    from unclutter.datatrove import Unclutter

    u = Unclutter(sandbox=True, timeout=10)
    docs = [Document(text=HTML, id="a"), Document(text="", id="b"),
            Document(text="<html><body><a href=/>Home</a></body></html>", id="c")]
    out = list(u.run(iter(docs)))
    assert [d.id for d in out] == ["a"]
    assert "valley" in out[0].text


def test_flag_without_drop_in_process():
    from datatrove.data import Document

    from unclutter.datatrove import Unclutter

    listing = "<html><body><ul>" + "<li><a href='/x'>Another headline here</a></li>" * 30 + "</ul></body></html>"
    u = Unclutter(drop_non_articles=False, markdown=True, keep_headings=True)
    docs = [Document(text=HTML, id="a"), Document(text=listing, id="b"),
            Document(text=bytes(range(32)).decode("latin-1") * 100, id="c")]
    out = {d.id: d for d in u.run(iter(docs))}
    assert out["a"].metadata["is_article"] is True
    assert out["a"].metadata["title"] == "Floods in the valley"
    assert "c" not in out  # binary: a clean_error, dropped
    if "b" in out:
        assert out["b"].metadata["is_article"] is False
