"""The gold files are sound (offsets, quotes, fields), and the doubly labelled bulletins agree."""

import pytest

from extractor import gold
from extractor.agreement import _table, compare_files, locate, measure_all, second_labellings
from extractor.corpus import manifest

from .conftest import CORPUS, DOC_IDS, ROOT

GOLD = ROOT / "gold"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_gold_file_is_valid(doc_id):
    raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    rows = gold.load(GOLD / f"{doc_id}.jsonl")
    assert rows, "every bulletin has gold"
    assert gold.validate(rows, raw) == []
    assert {r["doc"] for r in rows} == {doc_id}


@pytest.mark.parametrize("path", second_labellings(), ids=lambda p: p.name)
def test_second_labelling_is_valid(path):
    doc_id = path.name.split(".")[0]
    _, text = locate(doc_id)
    raw = text.read_text(encoding="utf-8")
    rows = gold.load(path)
    assert rows and {r["doc"] for r in rows} == {doc_id}
    assert gold.validate(rows, raw) == []


def test_validator_catches_a_broken_line():
    raw = (CORPUS / f"{DOC_IDS[0]}.txt").read_text(encoding="utf-8")
    rows = gold.load(GOLD / f"{DOC_IDS[0]}.jsonl")
    broken = [dict(rows[0], quote=rows[0]["quote"] + "x"), dict(rows[1], status="maybe")] + rows[2:]
    problems = gold.validate(broken, raw)
    assert any("quote" in p for p in problems) and any("status" in p for p in problems)


def test_agreement_figures_in_the_guide_are_the_measured_ones():
    """gold/README.md quotes the agreement of every doubly labelled document, field by field; it must match."""
    guide = (GOLD / "README.md").read_text(encoding="utf-8")
    for path in second_labellings():
        doc_id = path.name.split(".")[0]
        result = compare_files(locate(doc_id)[0], path)
        assert f"| {doc_id} | {result['first']} | {result['second']} | {result['facts_f1']:.3f} | {result['metric']:.3f} |" in guide


def test_agreement_levels_in_the_guide_are_the_measured_ones():
    """…and level by level, the table `python -m extractor.agreement` prints, row for row."""
    guide = (GOLD / "README.md").read_text(encoding="utf-8")
    for row in _table(measure_all()).splitlines()[2:]:
        assert row in guide


def test_agreement_of_a_labelling_with_itself_is_whole_and_a_changed_metric_shows():
    first = gold.load(GOLD / f"{DOC_IDS[0]}.jsonl")
    from extractor.agreement import agreement
    assert agreement(first, first)["levels"] == {"L1": 1.0, "L2": 1.0, "L3": 1.0, "L4": 1.0}
    changed = [dict(r, metric="某某数") if k % 2 == 0 else r for k, r in enumerate(first)]
    result = agreement(first, changed)
    assert result["levels"]["L1"] == 1.0 and result["levels"]["L2"] < 0.6 and result["metric"] < 0.6


EXTRA_SETS = [p for name in ("dev", "heldout") for p in sorted((GOLD / name).glob("*.jsonl"))]
MANIFESTS = {name: manifest(ROOT / "corpus" / name) for name in ("dev", "heldout")}


@pytest.mark.parametrize("path", EXTRA_SETS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_dev_and_heldout_gold_is_valid(path):
    raw = (ROOT / "corpus" / path.parent.name / f"{path.stem}.txt").read_text(encoding="utf-8")
    rows = gold.load(path)
    # an excerpt without a fact (a test of what the extractor invents) says so in its manifest entry, so that a
    # file emptied by mistake still fails
    declared_empty = MANIFESTS[path.parent.name][f"{path.stem}.txt"].get("facts") == 0
    assert (not rows) if declared_empty else (rows and {r["doc"] for r in rows} == {path.stem})
    assert gold.validate(rows, raw) == []
