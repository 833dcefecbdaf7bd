"""Robustness: every document of ../shared/corpora goes through extraction without an error."""
import json

import pytest

import extractor

from .conftest import SHARED

PROVINCIAL = sorted((SHARED / "corpora" / "provincial-2026").glob("*.txt"))
NATIONAL = SHARED / "corpora" / "national-work-reports.jsonl"


@pytest.mark.skipif(not PROVINCIAL, reason="../shared/corpora is absent")
@pytest.mark.parametrize("path", PROVINCIAL, ids=lambda p: p.stem)
def test_provincial_report(path):
    text = path.read_text(encoding="utf-8")
    facts = extractor.extract(text, doc_id=path.stem, year=2026)
    assert facts, "a government work report states figures"
    assert all(text[f.start:f.end] == f.quote for f in facts)


@pytest.mark.skipif(not NATIONAL.exists(), reason="../shared/corpora is absent")
def test_national_reports_including_traditional_characters():
    rows = [json.loads(line) for line in NATIONAL.read_text(encoding="utf-8").splitlines()]
    total = 0
    for row in rows:
        facts = extractor.extract(row["content"], doc_id=str(row["year"]), year=row["year"])
        assert all(row["content"][f.start:f.end] == f.quote for f in facts)
        total += len(facts)
    assert total > 1000
