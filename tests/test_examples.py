"""Walks every example file of patterns/examples/ (input → expected facts), as Duckling pairs rules with
examples. The examples are written for this purpose, not taken from the corpus: they name other zones
and use other sentence shapes, so they test that the rules generalise beyond the five bulletins."""
import json
from pathlib import Path

import pytest

import extractor

EXAMPLES = Path(__file__).resolve().parent.parent / "patterns" / "examples"
CASES = [(path.stem, n, json.loads(line))
         for path in sorted(EXAMPLES.glob("*.jsonl"))
         for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]


def _same(expected, actual) -> bool:
    if isinstance(expected, float) or isinstance(expected, int) and not isinstance(expected, bool):
        return actual is not None and abs(float(actual) - expected) < 1e-6
    return expected == actual


@pytest.mark.parametrize("rule_set,line,case", CASES, ids=[f"{r}:{n}" for r, n, _ in CASES])
def test_example(rule_set, line, case):
    facts = extractor.extract(case["text"], doc_id="example", year=case.get("year"), **case.get("meta", {}))
    assert len(facts) == len(case["facts"]), (
        f"{rule_set}:{line} expected {len(case['facts'])} facts, got "
        f"{[(f.quote, f.value, f.unit) for f in facts]}")
    index_of = {f.id: k + 1 for k, f in enumerate(facts)}
    for expected, fact in zip(case["facts"], facts):
        for field, value in expected.items():
            actual = index_of.get(fact.parent) if field == "parent" else getattr(fact, field)
            if field == "quote":
                actual = actual.replace("\n", "")
            assert _same(value, actual), f"{rule_set}:{line} {fact.quote!r}: {field} {actual!r}, expected {value!r}"


def test_examples_exist_for_every_rule_set():
    assert {"quantities", "metrics", "subjects", "periods", "structure"} <= {r for r, _, _ in CASES}


def test_year_may_be_given_as_text():
    facts = extractor.extract("今年完成投资5亿元。", year="2025")
    assert facts[0].period == "2025"
