"""The Python API: functions, Cleaner, Article, options."""

import pytest

import unclutter
from conftest import FRENCH, HTML, PROSE


def test_clean_text_drops_related_links():
    text = unclutter.clean_text(FRENCH)
    assert text.startswith("Le conseil municipal")
    assert "Ballon" not in text
    assert "Lire aussi" not in text
    assert text.count("\n\n") == 1


def test_clean_html_keeps_article_drops_chrome():
    text = unclutter.clean_html(HTML)
    for p in PROSE:
        assert p in text
    assert "Sport" not in text
    assert "rights reserved" not in text


def test_str_and_bytes_agree():
    assert unclutter.clean_html(HTML) == unclutter.clean_html(HTML.encode("utf-8"))
    assert unclutter.clean_text(FRENCH) == unclutter.clean_text(FRENCH.encode("utf-8"))
    assert unclutter.clean_bytes(HTML.encode()) == unclutter.clean_html(HTML)
    assert unclutter.clean_bytes(FRENCH.encode()) == unclutter.clean_text(FRENCH)


def test_bytearray_and_memoryview_accepted():
    b = HTML.encode()
    expected = unclutter.clean_html(HTML)
    assert unclutter.clean_html(bytearray(b)) == expected
    assert unclutter.clean_html(memoryview(b)) == expected


def test_article_attributes():
    a = unclutter.Cleaner().clean(HTML)
    assert isinstance(a, unclutter.Article)
    assert a.text == unclutter.clean_html(HTML)
    assert a.title == "Floods in the valley"
    assert a.lang == "en"
    assert a.mode == "html"
    assert a.truncated is False
    assert 0.0 <= a.confidence <= 1.0
    assert a.is_article == (a.confidence >= unclutter.ARTICLE_THRESHOLD)
    assert isinstance(a.markdown, str) and a.markdown
    assert str(a) == a.text
    assert "Article" in repr(a)
    assert a.removed, "the menu and the footer are removed"
    for reason, text in a.removed:
        assert isinstance(reason, str) and isinstance(text, str)
    reasons = {r for r, _ in a.removed}
    assert reasons <= {
        "outside-content", "related-links", "lead-in", "heading", "boilerplate",
        "wedged-fragment", "duplicate",
    } | reasons  # names come from the Rust library; at least they are strings


def test_removed_reasons_on_text():
    a = unclutter.Cleaner(mode="text").clean(FRENCH)
    assert a.mode == "text"
    assert a.lang == "fr"
    removed = dict((t, r) for r, t in a.removed)
    assert any("Ballon" in t for t in removed)
    assert any(r == "related-links" for r in removed.values()) or any(
        r == "lead-in" for r in removed.values()
    )


def test_boilerplate_reason_matches_rust_doc_example():
    c = unclutter.Cleaner(keep_headings=True)
    a = c.clean(
        "ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor ordered "
        "the evacuation of the lower streets before dawn."
    )
    assert a.text.startswith("The river rose")
    assert a.removed[0] == ("boilerplate", "ADVERTISEMENT")


def test_keep_headings_and_markdown():
    page = (
        "Floods in the valley: the river rose by two metres\n"
        + PROSE[0] + "\n"
        + "How the rescue was organised\n"
        + PROSE[1] + "\n"
        + PROSE[2]
    )
    plain = unclutter.clean_text(page)
    kept = unclutter.clean_text(page, keep_headings=True)
    assert "How the rescue was organised" not in plain
    assert "How the rescue was organised" in kept
    md = unclutter.Cleaner(mode="text", keep_headings=True).clean(page).markdown
    assert "## How the rescue was organised" in md


def test_mode_option():
    # HTML read as text keeps the markup lines as text
    as_text = unclutter.Cleaner(mode="text").clean(HTML)
    as_html = unclutter.Cleaner(mode="html").clean(HTML)
    assert as_text.mode == "text" and as_html.mode == "html"
    assert unclutter.Cleaner(mode="auto").clean(HTML).mode == "html"
    assert unclutter.Cleaner().clean(FRENCH).mode == "text"
    with pytest.raises(ValueError, match="unknown mode"):
        unclutter.Cleaner(mode="pdf")
    with pytest.raises(ValueError):
        unclutter.clean_bytes(b"x", mode="xml")


def test_rules_and_disabled_rules():
    rules = unclutter.rules()
    names = [n for n, _ in rules]
    assert "related-links" in names and "boilerplate" in names
    assert all(isinstance(d, str) and d for _, d in rules)
    everything = unclutter.clean_text(FRENCH, disabled_rules=names)
    assert "Ballon" in everything
    c = unclutter.Cleaner(disabled_rules=["boilerplate"])
    assert c.options["disabled_rules"] == ["boilerplate"]
    with pytest.raises(ValueError, match="unknown rule"):
        unclutter.Cleaner(disabled_rules=["no-such-rule"])


def test_options_dict_and_repr():
    c = unclutter.Cleaner(mode="html", keep_headings=True, max_input_bytes=1000,
                          max_blocks=10, max_nodes=100)
    o = c.options
    assert o == {"mode": "html", "keep_headings": True, "max_input_bytes": 1000,
                 "max_blocks": 10, "max_nodes": 100, "disabled_rules": []}
    assert "keep_headings=True" in repr(c)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        unclutter.Cleaner("html")
    with pytest.raises(TypeError):
        unclutter.clean_html(HTML, True)


def test_max_blocks_truncates():
    page = "\n".join(PROSE * 20)
    a = unclutter.Cleaner(mode="text", max_blocks=5).clean(page)
    assert a.truncated
    assert not unclutter.Cleaner(mode="text").clean(page).truncated


def test_decode_bytes():
    assert unclutter.decode_bytes("été".encode("utf-8")) == "été"
    assert unclutter.decode_bytes("été".encode("latin-1"), "iso-8859-1") == "été"


def test_docstrings_everywhere():
    for name in unclutter.__all__:
        obj = getattr(unclutter, name)
        if callable(obj):
            assert obj.__doc__, name
    for attr in ("clean", "clean_many", "options"):
        assert getattr(unclutter.Cleaner, attr).__doc__, attr
    for attr in ("text", "markdown", "title", "lang", "confidence", "is_article", "removed"):
        assert getattr(unclutter.Article, attr).__doc__, attr


def test_cleaner_pickles_with_its_options():
    import copy
    import pickle

    c = unclutter.Cleaner(mode="text", keep_headings=True, max_blocks=7,
                          disabled_rules=["boilerplate"])
    for d in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert d.options == c.options
        assert d.clean(FRENCH).text == c.clean(FRENCH).text


def test_type_stubs_match_runtime():
    """mypy's stubtest: __init__.pyi against the compiled module (skipped without mypy)."""
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("mypy")
    allow = Path(__file__).with_name("stubtest-allowlist.txt")
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "unclutter", "--allowlist", str(allow)],
                       capture_output=True, text=True, cwd="/")
    assert r.returncode == 0, r.stdout + r.stderr


def test_import_does_not_pull_datatrove():
    import subprocess
    import sys

    code = "import sys, unclutter; assert 'datatrove' not in sys.modules; print('ok')"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
