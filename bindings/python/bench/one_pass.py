"""One pass of Cleaner(mode="html").clean(page).text over a folder of plain pages, or with
--load-only just reading them: the Python side of the instruction-count comparison in
BENCHMARKS-python.md (run under valgrind --tool=callgrind; the difference of the two runs is
the cleaning)."""

import sys
from pathlib import Path

import unclutter

folder, load_only = sys.argv[1], "--load-only" in sys.argv
pages = [p.read_bytes() for p in sorted(Path(folder).iterdir())]
c = unclutter.Cleaner(mode="html")
if not load_only:
    n = 0
    for x in pages:
        try:
            n += len(c.clean(x).text.encode())
        except unclutter.UnclutterError:
            pass
    print(n)
