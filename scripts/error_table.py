"""Tabulate evaluate's errors field by field, for studying a gold set (not for the held-out set).

Usage: .venv/bin/python scripts/error_table.py [--gold DIR --corpus DIR] [--field metric|subject|period|status|all]
Prints one line per wrong field: gold value → predicted value, and the quote.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from extractor.gold import canonical_metric  # noqa: E402  (the scorer's spelling of a metric)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="gold")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--field", default="all")
    args = ap.parse_args()
    if "heldout" in args.gold or "heldout" in args.corpus:
        print("error_table.py: the held-out set is measured, never studied", file=sys.stderr)
        return 2
    out = subprocess.run([sys.executable, "-m", "extractor", "evaluate", "--gold", args.gold, "--corpus",
                          args.corpus, "--errors", "--json"], capture_output=True, text=True).stdout
    counts = collections.Counter()
    for doc, errors in json.loads(out)["errors"].items():
        for e in errors:
            g, p = e.get("gold"), e.get("predicted")
            if not g or not p:
                counts[e["kind"]] += 1
                print(f"{e['kind']:>10} {doc} {(g or p)['quote']} {(g or p).get('metric')} | {e['sentence'][:60]}")
                continue
            for field in ("metric", "aspect", "subject", "period", "status"):
                same = canonical_metric(g[field]) == canonical_metric(p[field]) if field == "metric" \
                    else g[field] == p[field]  # 单位GDP能耗 is 单位地区生产总值能耗 to the scorer
                if not same and args.field in (field, "all"):
                    counts[field] += 1
                    print(f"{field:>10} {doc} {g['quote']}: {g[field]} → {p[field]} | {e['sentence'][:50]}")
    print(dict(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
