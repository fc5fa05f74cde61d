"""The Spark example end to end (local mode); skipped unless pyspark and java are there."""

import json
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java", allow_module_level=True)

from conftest import HERE, HTML, FRENCH  # noqa: E402


def test_spark_clean_jsonl_to_parquet(tmp_path):
    rows = [
        {"url": "a", "html": HTML},
        {"url": "b", "html": ""},
        {"url": "c", "html": "<html><body><p>" + FRENCH + "</p></body></html>"},
    ]
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.json"
    r = subprocess.run(
        [sys.executable, str(HERE.parent / "examples" / "spark_clean.py"), "--input", str(inp),
         "--output", str(out), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    got = {}
    for f in out.glob("part-*.json"):
        for line in f.open(encoding="utf-8"):
            d = json.loads(line)
            got[d["url"]] = d
    assert set(got) == {"a", "b", "c"}
    import unclutter

    assert got["a"]["text"] == unclutter.clean_html(HTML)
    assert got["b"]["error"].startswith("EmptyInputError")
    assert "html" not in got["a"]
