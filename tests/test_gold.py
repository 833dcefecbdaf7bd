"""The gold files are sound (offsets, quotes, fields), and the doubly labelled bulletins agree."""

import pytest

from extractor import gold
from extractor.agreement import compare_files

from .conftest import CORPUS, DOC_IDS, ROOT

GOLD = ROOT / "gold"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_gold_file_is_valid(doc_id):
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    rows = gold.load(GOLD / f"{doc_id}.jsonl")
    assert rows, "every bulletin has gold"
    assert gold.validate(rows, raw) == []
    assert {r["doc"] for r in rows} == {doc_id}


@pytest.mark.parametrize("path", sorted((GOLD / "agreement").glob("*.second.jsonl")), ids=lambda p: p.name)
def test_second_labelling_is_valid(path):
    doc_id = path.name.split(".")[0]
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert gold.validate(gold.load(path), raw) == []


def test_validator_catches_a_broken_line():
    raw = (CORPUS / f"{DOC_IDS[0]}.txt").read_text(encoding="utf-8")
    rows = gold.load(GOLD / f"{DOC_IDS[0]}.jsonl")
    broken = [dict(rows[0], quote=rows[0]["quote"] + "x"), dict(rows[1], status="maybe")] + rows[2:]
    problems = gold.validate(broken, raw)
    assert any("quote" in p for p in problems) and any("status" in p for p in problems)


def test_agreement_figures_in_the_guide_are_the_measured_ones():
    """gold/README.md quotes the agreement of the two doubly labelled bulletins; they must match."""
    guide = (GOLD / "README.md").read_text(encoding="utf-8")
    for path in sorted((GOLD / "agreement").glob("*.second.jsonl")):
        doc_id = path.name.split(".")[0]
        result = compare_files(GOLD / f"{doc_id}.jsonl", path)
        assert f"| {doc_id} | {result['first']} | {result['second']} | {result['facts_f1']:.3f} | {result['metric']:.3f} |" in guide


EXTRA_SETS = [p for name in ("dev", "heldout") for p in sorted((GOLD / name).glob("*.jsonl"))]


@pytest.mark.parametrize("path", EXTRA_SETS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_dev_and_heldout_gold_is_valid(path):
    raw = (ROOT / "corpus" / path.parent.name / f"{path.stem}.txt").read_text(encoding="utf-8")
    rows = gold.load(path)
    assert rows and {r["doc"] for r in rows} == {path.stem}
    assert gold.validate(rows, raw) == []
