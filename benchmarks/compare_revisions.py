"""Throughput of two checkouts of the extractor, side by side in one run (the machines are shared and
noisy: only a ratio measured this way is worth quoting).

Usage:
    git worktree add --detach /tmp/bf-old <revision>
    .venv/bin/python benchmarks/compare_revisions.py /tmp/bf-old .   [--rounds 2]

Each checkout runs in its own process over the same texts (the 30 provincial reports and the first 40
national reports of ../shared/corpora, and the five bulletins). The two take turns, one pass each,
`rounds` times; the best pass of each counts.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

CHILD = r'''
import glob, json, sys, time
sys.path.insert(0, sys.argv[1])
import extractor
from extractor.components import metrics
metrics._jieba()
shared = sys.argv[2]
groups = {
    "provincial": [open(p, encoding="utf-8").read() for p in sorted(glob.glob(shared + "/corpora/provincial-2026/*.txt"))],
    "national": [json.loads(l)["content"] for l in open(shared + "/corpora/national-work-reports.jsonl", encoding="utf-8")][:40],
    "bulletins": [open(p, encoding="utf-8").read() for p in sorted(glob.glob(shared + "/bulletins/*.txt"))],
}
out = {}
for name, texts in groups.items():
    chars, best = sum(map(len, texts)), float("inf")
    for _ in range(int(sys.argv[3])):
        t = time.perf_counter()
        for text in texts:
            extractor.extract(text, year=2025)
        best = min(best, time.perf_counter() - t)
    out[name] = chars / best
print(json.dumps(out))
'''


def measure(checkout: Path, shared: Path, rounds: int) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(checkout.resolve()), str(shared), str(rounds)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before", type=Path, help="checkout measured first (e.g. a worktree of an older revision)")
    ap.add_argument("after", type=Path, help="checkout compared with it (e.g. .)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    args = ap.parse_args()
    # the checkouts take turns, one pass each, so that a spell of load on the shared machine falls on
    # both; the best pass of each counts
    before, after = {}, {}
    for _ in range(args.rounds):
        for best, checkout in ((before, args.before), (after, args.after)):
            for group, speed in measure(checkout, args.shared, 1).items():
                best[group] = max(best.get(group, 0.0), speed)
    for group in before:
        print(f"{group:<11} {before[group] / 1000:7.0f}k chars/s → {after[group] / 1000:7.0f}k chars/s "
              f"({after[group] / before[group]:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
