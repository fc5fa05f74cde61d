#!/usr/bin/env python3
"""Scores every tool's outputs in OUT_DIR against a scrapinghub-style ground truth.

    score.py GROUND_TRUTH_JSON OUT_DIR [TOOL ...]

OUT_DIR holds TOOL.json ({id: text}) and TOOL.times.json ({id: ms}) per tool (default:
every TOOL.json there). The metric is the shingle P/R/F1 of ../shared/datasets/README.md
(the ScrapingHub article-extraction benchmark's): tokens are `\\w+` as Python's `re`
reads them, case kept; each text is a multiset of 4-token shingles (a text of 1-3 tokens
is one shorter shingle, an empty text none); per document tp/fp/fn are normalised to
sum to 1; precision is 1 when fp = fn = 0, 0 when tp = fp = 0, else tp/(tp+fp) (recall
likewise); P is the mean over documents with tp+fp > 0, R over those with tp+fn > 0;
F1 = 2PR/(P+R) of the means. A page missing from a tool's output counts as empty.
"""
import json
import os
import re
import statistics
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def doc_pr(pred, truth):
    """(precision or None, recall or None) of one document."""
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    s = tp + fp + fn
    if s:
        tp, fp, fn = tp / s, fp / s, fn / s
    precision = recall = None
    if tp + fp > 0:
        precision = 1.0 if fp == 0 and fn == 0 else tp / (tp + fp)
    if tp + fn > 0:
        recall = 1.0 if fp == 0 and fn == 0 else tp / (tp + fn)
    return precision, recall


def score(texts, truth):
    ps, rs = [], []
    for pid, doc in truth.items():
        p, r = doc_pr(texts.get(pid, ""), doc.get("articleBody") or "")
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        truth = json.load(f)
    out_dir = sys.argv[2]
    tools = sys.argv[3:] or sorted(
        n[: -len(".json")]
        for n in os.listdir(out_dir)
        if n.endswith(".json") and not n.endswith(".times.json")
    )
    rows = []
    for tool in tools:
        path = os.path.join(out_dir, tool + ".json")
        if not os.path.exists(path):
            print(f"score: no output for {tool}, skipped", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            texts = json.load(f)
        with open(os.path.join(out_dir, tool + ".times.json"), encoding="utf-8") as f:
            ms = [v for k, v in json.load(f).items() if k in truth]
        P, R, F = score(texts, truth)
        empty = sum(1 for k in truth if not TOKEN.search(texts.get(k) or ""))
        rows.append((F, tool, P, R, statistics.median(ms), statistics.fmean(ms), empty))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print(f"pages: {len(truth)}")
    print()
    print("| tool | shingle P | shingle R | shingle F1 | median ms/page | mean ms/page | empty outputs |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for F, tool, P, R, med, mean, empty in rows:
        print(f"| {tool} | {P:.3f} | {R:.3f} | {F:.3f} | {med:.2f} | {mean:.2f} | {empty} |")


if __name__ == "__main__":
    main()
