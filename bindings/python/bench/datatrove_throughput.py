"""datatrove pipeline throughput: unclutter's step vs datatrove's own Trafilatura step.

Builds one WARC (gzipped response records, as the datatrove example does) from the wcxb-dev
pages, then runs the same pipeline twice per repetition, in the same process::

    WarcReader -> extractor -> JsonlWriter        (LocalPipelineExecutor, tasks=1, workers=1)

with ``extractor`` = ``unclutter.datatrove.Unclutter()`` and
``datatrove.pipeline.extractors.Trafilatura()``, both with their defaults (Unclutter drops
pages it judges not articles; Trafilatura runs each page in datatrove's sandbox subprocess
with its 1 s timeout), and then the WarcReader alone (the floor: reading and decoding the
WARC; its "kept" is the documents read). Prints, for each run: wall time of the whole
pipeline, documents/s and MB/s of HTML through it, the extractor step's own time (datatrove's
stats; the reader's for the floor), process CPU time (this process and its reaped children),
and how many documents were kept (written).

    pip install 'datatrove[io]' warcio trafilatura lxml_html_clean ./bindings/python
    python bindings/python/bench/datatrove_throughput.py [--limit N] [--reps R] 2> datatrove.log

MB are 10^6 bytes of HTML (the WARC payloads, uncompressed). The two extractors run
alternately, unclutter first, ``reps`` times; the summary keeps each side's best wall time.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import resource
import shutil
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_PAGES = REPO / ".." / "shared" / "datasets" / "wcxb-dev" / "dev" / "html"


def load_example():
    """The datatrove example module (its ``make_warc`` and ``read_pages``)."""
    path = HERE.parent / "examples" / "datatrove_pipeline.py"
    spec = importlib.util.spec_from_file_location("datatrove_pipeline", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cpu_seconds() -> float:
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def run_once(name: str, extractor, warc: str, out_dir: str) -> dict:
    """One pipeline run; ``extractor=None`` runs the WarcReader alone (the floor: reading and
    decoding the WARC, nothing written)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    shutil.rmtree(out_dir, ignore_errors=True)
    pipeline = [WarcReader(os.path.dirname(warc), glob_pattern=os.path.basename(warc))]
    if extractor is not None:
        pipeline += [extractor, JsonlWriter(os.path.join(out_dir, "output"), compression=None)]
    executor = LocalPipelineExecutor(
        pipeline=pipeline,
        tasks=1,
        workers=1,
        logging_dir=os.path.join(out_dir, "logs"),
        skip_completed=False,
    )
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    stats = executor.run()
    wall = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    step = next(s for s in stats.stats if s.name == str(pipeline[-2 if extractor else 0]))
    kept = int(step.stats["documents"].total) if extractor is None else 0
    for f in glob.glob(os.path.join(out_dir, "output", "*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            kept += sum(1 for _ in fh)
    return {
        "name": name,
        "wall": wall,
        "cpu": cpu,
        "step_time": step.time_stats.total,
        "stats": {k: v.total for k, v in step.stats.items() if not k.startswith("doc_len")},
        "kept": kept,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", default=str(DEFAULT_PAGES), help="folder of .html/.html.gz pages")
    p.add_argument("--limit", type=int, default=0, help="pages in the WARC (0: all)")
    p.add_argument("--reps", type=int, default=1, help="alternating runs of each extractor")
    p.add_argument("--work", default="/tmp/unclutter-datatrove-bench", help="WARC and outputs")
    p.add_argument("--json", help="also write the results to this JSON file")
    p.add_argument("--no-floor", action="store_true", help="skip the WarcReader-alone run")
    a = p.parse_args()

    import trafilatura  # imported here so the sandbox's forked worker does not pay for it
    from datatrove.pipeline.extractors import Trafilatura

    import unclutter
    from unclutter.datatrove import Unclutter

    ex = load_example()
    pages = ex.read_pages(a.pages, a.limit or 10**9)
    if not pages:
        raise SystemExit(f"no pages under {a.pages}")
    mb = sum(len(html) for _, html in pages) / 1e6
    warc = os.path.join(a.work, "warc", "pages.warc.gz")
    t0 = time.perf_counter()
    ex.make_warc(pages, warc)
    print(
        f"WARC: {len(pages)} pages, {mb:.1f} MB of HTML, {os.path.getsize(warc) / 1e6:.1f} MB "
        f"gzipped, built in {time.perf_counter() - t0:.1f} s -> {warc}"
    )
    print(
        f"datatrove {version('datatrove')}, trafilatura {trafilatura.__version__}, "
        f"unclutter {unclutter.__version__}, "
        f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}"
    )

    runs = [("unclutter", Unclutter), ("trafilatura", Trafilatura)]
    if not a.no_floor:
        runs.append(("reader only", lambda: None))
    results = []
    for rep in range(a.reps):
        for name, make in runs:
            r = run_once(name, make(), warc, os.path.join(a.work, name))
            r["rep"] = rep + 1
            r["load"] = os.getloadavg()[0]
            results.append(r)
            print(
                f"[rep {rep + 1}] {name:11s} wall {r['wall']:7.1f} s  "
                f"{len(pages) / r['wall']:6.1f} docs/s  {mb / r['wall']:6.2f} MB/s  "
                f"step {r['step_time']:7.1f} s  cpu {r['cpu']:7.1f} s  kept {r['kept']:5d}  "
                f"load {r['load']:.1f}  {r['stats']}",
                flush=True,
            )

    print("\nbest wall time of each (whole pipeline; MB = 10^6 bytes of HTML):")
    print("| extractor | wall | docs/s | MB/s | extractor step | CPU | kept of %d |" % len(pages))
    print("|---|---|---|---|---|---|---|")
    best = {}
    for name, _ in runs:
        r = min((x for x in results if x["name"] == name), key=lambda x: x["wall"])
        best[name] = r
        print(
            f"| {name} | {r['wall']:.1f} s | {len(pages) / r['wall']:.1f} | {mb / r['wall']:.2f} | "
            f"{r['step_time']:.1f} s | {r['cpu']:.1f} s | {r['kept']} |"
        )
    u, t = best["unclutter"], best["trafilatura"]
    print(
        f"trafilatura / unclutter: wall {t['wall'] / u['wall']:.1f}x, extractor step "
        f"{t['step_time'] / u['step_time']:.1f}x, CPU {t['cpu'] / u['cpu']:.1f}x"
    )
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"pages": len(pages), "mb": mb, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
