"""Outputs through Python are byte-identical to the Rust library's, on the scrapinghub pages.

The reference is the Rust example `clean` built from the same checkout
(`cargo build --release --example clean` at the repository root), run once per page; its
binary is found via $UNCLUTTER_CLEAN_BIN, $CARGO_TARGET_DIR/release/examples/clean or
target/release/examples/clean. The test skips when neither the binary nor ../shared is there.
"""

import os
import subprocess
from pathlib import Path

import pytest

import unclutter
from conftest import REPO, SCRAPINGHUB, scrapinghub_pages


def clean_bin():
    candidates = [os.environ.get("UNCLUTTER_CLEAN_BIN")]
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(os.path.join(os.environ["CARGO_TARGET_DIR"], "release/examples/clean"))
    candidates.append(str(REPO / "target/release/examples/clean"))
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    pytest.skip("the Rust `clean` example is not built (cargo build --release --example clean)")


@pytest.mark.parametrize("kind,flag,mode", [("html", "--html", "html"), ("text", "--text", "text")])
@pytest.mark.parametrize("keep_headings", [False, True])
def test_byte_identical_to_rust(kind, flag, mode, keep_headings):
    binary = clean_bin()
    pages = scrapinghub_pages(kind)
    cleaner = unclutter.Cleaner(mode=mode, keep_headings=keep_headings)
    folder = SCRAPINGHUB / kind
    mismatches = []
    for name, data in pages:
        args = [binary, flag] + (["--keep-headings"] if keep_headings else []) + [str(folder / name)]
        rust = subprocess.run(args, capture_output=True)
        try:
            py = (cleaner.clean(data).text + "\n").encode("utf-8")
            ok = rust.returncode == 0 and rust.stdout == py
        except unclutter.UnclutterError:
            ok = rust.returncode == 1
        if not ok:
            mismatches.append(name)
    assert not mismatches, f"{len(mismatches)} of {len(pages)} differ: {mismatches[:5]}"
    assert len(pages) > 100
