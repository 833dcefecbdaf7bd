"""Inter-annotator agreement: two independent labellings of one text, compared field by field and level by level.

Facts are paired as the scorer pairs predictions with gold (overlapping spans, same value and unit);
each field's agreement is the share of paired facts on which the two labellings agree (after the alias
tables), and span agreement is F1 over the paired facts. The levels are the scorer's own (L1 quantity,
L2 + metric, L3 + subject, L4 + period and status), with the second labelling in the place of a prediction:
F1 is symmetric, so the figures say how far two people following the same guide agree, level by level,
which is the ceiling to read the extractor's scores against.

A second labelling lives in `gold/agreement/<doc>.second.jsonl`; its first labelling and its text are found
wherever the document is kept (the bulletins in `gold/` and `corpus/`, excerpts in `dev/` or `heldout/`).

    python -m extractor.agreement            # the table, one row per doubly labelled document
    python -m extractor.agreement --json     # the same, machine-readable
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import gold as goldmod
from .evaluate import LEVELS, Score, match, score_document

FIELDS = ("unit", "approx", "metric", "aspect", "subject", "subject_type", "period", "status", "parent_set")
SETS = ("", "dev", "heldout")  # where a document's gold and text may be kept, under gold/ and corpus/
ROOT = goldmod.GOLD_DIR.parent


def _field(row: dict, name: str):
    if name == "metric":
        return goldmod.canonical_metric(row["metric"])
    if name == "subject":
        return goldmod.canonical_subject(row["subject"])
    if name == "parent_set":
        return row["parent"] is not None
    return row[name]


def agreement(first: list[dict], second: list[dict]) -> dict:
    pairs = match(second, first)
    n = len(pairs)
    out = {"first": len(first), "second": len(second), "paired": n,
           "facts_f1": round(2 * n / (len(first) + len(second)), 4) if first or second else 1.0}
    for name in FIELDS:
        same = sum(1 for i, j in pairs if _field(second[i], name) == _field(first[j], name))
        out[name] = round(same / n, 4) if n else None
    out["levels"] = _f1s(score_document(second, first)[0])
    return out


def _f1s(score: Score) -> dict:
    return {level: round(score.prf(level)[2], 4) for level in LEVELS}


def compare_files(first: Path, second: Path) -> dict:
    return agreement(goldmod.load(first), goldmod.load(second))


def locate(doc_id: str) -> tuple[Path, Path]:
    """The first labelling and the text of a doubly labelled document, wherever the document is kept."""
    for name in SETS:
        first = goldmod.GOLD_DIR / name / f"{doc_id}.jsonl"
        text = ROOT / "corpus" / name / f"{doc_id}.txt"
        if first.exists() and text.exists():
            return first, text
    raise FileNotFoundError(f"{doc_id}: no first labelling and text under gold/, corpus/ (or their dev/, heldout/)")


def second_labellings() -> list[Path]:
    return sorted((goldmod.GOLD_DIR / "agreement").glob("*.second.jsonl"))


def measure_all() -> list[dict]:
    """One row per doubly labelled document, then one pooled row per kind of text (the bulletins, whose gold is
    in gold/ itself, and the report excerpts, wherever they are kept: a held-out set moves into dev/ in time)."""
    rows, pooled = [], {}
    for path in second_labellings():
        doc_id = path.name.split(".")[0]
        first_path, _ = locate(doc_id)
        kind = "bulletin" if first_path.parent == goldmod.GOLD_DIR else "report"
        first, second = goldmod.load(first_path), goldmod.load(path)
        rows.append({"doc": doc_id, "kind": kind, **agreement(first, second)})
        pooled.setdefault(kind, Score()).add(score_document(second, first)[0])
    for kind, score in pooled.items():
        rows.append({"doc": "all", "kind": kind, "first": score.gold, "second": score.predicted, "levels": _f1s(score)})
    return rows


def _table(rows: list[dict]) -> str:
    lines = ["| document | kind | first | second | L1 | L2 | L3 | L4 |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lv = r["levels"]
        lines.append(f"| {r['doc']} | {r['kind']} | {r['first']} | {r['second']} | "
                     + " | ".join(f"{lv[level]:.3f}" for level in LEVELS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.agreement",
                                     description="Agreement of the doubly labelled documents (gold/agreement/), "
                                                 "at the scorer's four levels, the second labelling scored "
                                                 "against the first.")
    parser.add_argument("--json", action="store_true", help="one JSON object per document, fields included")
    args = parser.parse_args(argv)
    try:
        rows = measure_all()
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) if args.json else _table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
