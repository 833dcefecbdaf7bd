"""Inter-annotator agreement: two independent labellings of one bulletin, compared field by field.

Facts are paired as the scorer pairs predictions with gold (overlapping spans, same value and unit);
each field's agreement is the share of paired facts on which the two labellings agree (after the alias
tables), and span agreement is F1 over the paired facts.
"""
from __future__ import annotations

from pathlib import Path

from . import gold as goldmod
from .evaluate import match

FIELDS = ("unit", "approx", "metric", "aspect", "subject", "subject_type", "period", "status", "parent_set")


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
    return out


def compare_files(first: Path, second: Path) -> dict:
    return agreement(goldmod.load(first), goldmod.load(second))
