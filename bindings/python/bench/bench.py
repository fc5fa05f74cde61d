"""Benchmarks of the Python package on the scrapinghub pages (BENCHMARKS-python.md).

    python bench/bench.py [--reps 5] [--rust-bin PATH] [--trafilatura]

1. one process: ``Cleaner.clean(bytes).text`` from Python vs the same Rust calls
   (``bench/rust_timing.rs``), best of ``reps`` passes each;
2. ``clean_many(pages, jobs=2)`` vs ``jobs=1``, best of ``reps``;
3. with ``--trafilatura``: ``trafilatura.extract`` on the same pages (one pass).
"""

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PAGES = REPO / ".." / "shared" / "datasets" / "scrapinghub" / "html"


def best(fn, reps):
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), times


def main():
    import unclutter

    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--rust-bin", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", str(HERE.parent / "target")),
        "release/examples/rust_timing"))
    p.add_argument("--trafilatura", action="store_true")
    a = p.parse_args()

    files = sorted(PAGES.glob("*.html.gz"))
    pages = [gzip.decompress(f.read_bytes()) for f in files]
    mb = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {mb:.1f} MB of HTML, reps={a.reps}, cpus={os.cpu_count()}")

    c = unclutter.Cleaner(mode="html")
    c.clean(pages[0])  # warm-up

    def py_pass():
        for x in pages:
            try:
                c.clean(x).text
            except unclutter.UnclutterError:
                pass

    with tempfile.TemporaryDirectory() as d:
        for f, x in zip(files, pages):
            Path(d, f.name[:-3]).write_bytes(x)
        # interleave the two sides so that load on the shared machine hits both alike
        py_t, rust_t = [], []
        for _ in range(a.reps):
            out = subprocess.run([a.rust_bin, d, "1", "html"], capture_output=True, text=True, check=True)
            rust_t.append(float(out.stdout.split()[0]))
            py_t.append(best(py_pass, 1)[0])
    py, rust = min(py_t), min(rust_t)
    print(f"one process  Rust {rust:.3f}s ({mb / rust:.1f} MB/s)  Python Cleaner.clean {py:.3f}s "
          f"({mb / py:.1f} MB/s)  ratio {py / rust:.3f}x")
    print(f"   all passes: rust {[round(t, 3) for t in rust_t]} python {[round(t, 3) for t in py_t]}")

    j1, j1s = best(lambda: c.clean_many(pages, jobs=1), a.reps)
    j2, j2s = best(lambda: c.clean_many(pages, jobs=2), a.reps)
    print(f"clean_many   jobs=1 {j1:.3f}s  jobs=2 {j2:.3f}s  speed-up {j1 / j2:.2f}x")
    print(f"   all passes: jobs=1 {[round(t, 3) for t in j1s]} jobs=2 {[round(t, 3) for t in j2s]}")

    if a.trafilatura:
        import trafilatura

        strs = [x.decode("utf-8", errors="replace") for x in pages]
        t = time.perf_counter()
        for s in strs:
            trafilatura.extract(s)
        tt = time.perf_counter() - t
        print(f"trafilatura  extract {tt:.3f}s ({mb / tt:.1f} MB/s), {tt / py:.1f}x unclutter's time "
              f"(trafilatura {trafilatura.__version__})")


if __name__ == "__main__":
    sys.exit(main())
