"""Validate an extra gold set (gold/SET/*.jsonl) against corpus/SET/*.txt with extractor.gold.

Usage: .venv/bin/python scripts/validate_gold_set.py dev|heldout   (exit status 1 on any problem)
It only loads and checks the gold; it never runs the extractor.
"""
import sys
from pathlib import Path

from extractor import gold
from extractor.corpus import manifest

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("dev", "heldout"):
        print("usage: validate_gold_set.py dev|heldout", file=sys.stderr)
        return 2
    name = argv[0]
    bad = 0
    paths = sorted((ROOT / "gold" / name).glob("*.jsonl"))
    entries = manifest(ROOT / "corpus" / name)
    for path in paths:
        raw = (ROOT / "corpus" / name / f"{path.stem}.txt").read_text(encoding="utf-8")
        rows = gold.load(path)
        problems = gold.validate(rows, raw)
        # an excerpt without a fact says so in its manifest entry (facts = 0); any other empty file is a mistake
        declared_empty = entries.get(f"{path.stem}.txt", {}).get("facts") == 0
        if declared_empty and rows:
            problems.append("the manifest says facts = 0, but the file has facts")
        elif not declared_empty and {r["doc"] for r in rows} != {path.stem}:
            problems.append(f"doc field is not {path.stem}")
        if len({r["id"] for r in rows}) != len(rows):
            problems.append("duplicate ids")
        print(f"{path.stem}: {len(rows)} facts, {len(problems)} problems")
        for p in problems:
            print("  ", p)
        bad += bool(problems) or not (rows or declared_empty)
    return 1 if bad or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
