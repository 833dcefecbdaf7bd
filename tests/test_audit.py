"""The audit on the five bulletins (hand-checked expectations), on planted errors, and its review page."""
import json
import re

import pytest

import extractor
from extractor.audit import audit
from extractor.corpus import manifest
from extractor.review_page import render

from .conftest import CORPUS, DOC_IDS


@pytest.fixture(scope="module")
def corpus_relations(processed):
    return audit([f for doc in processed.values() for f in doc.facts])


def _find(relations, kind, verdict, *quotes):
    return [r for r in relations if r.kind == kind and r.verdict == verdict
            and all(any(q in f["quote"].replace(" ", "").replace("\n", "") for f in r.facts) for q in quotes)]


def test_datong_standard_land_breakdown_adds_up(corpus_relations):
    assert _find(corpus_relations, "parts_total", "consistent", "33宗", "8宗", "15宗")
    assert _find(corpus_relations, "parts_total", "consistent", "2417.52亩", "1357.37亩")


def test_shuozhou_output_intensity_conflict_is_found(corpus_relations):
    found = _find(corpus_relations, "conflict", "conflict", "342.8万元/亩", "22万元/亩")
    assert found and {f["doc"] for f in found[0].facts} == {"000_56f2bf5d4fae28d3", "001_1a8d8aa01a70d735"}


def test_rates_say_which_basis_matches(corpus_relations):
    # 吕梁: 开工率 89.54% = 339.01/378.6 by investment (123/139 by count would be 88.49%)
    found = _find(corpus_relations, "rate", "consistent", "89.54%")
    assert found and "339.01" in found[0].arithmetic and "378.6" in found[0].arithmetic
    assert _find(corpus_relations, "rate", "consistent", "79.1%")  # 68/86 亿元以上项目


def test_percentage_point_gaps(corpus_relations):
    assert _find(corpus_relations, "gap", "consistent", "14.9个百分点", "22.6%", "7.7%")
    assert _find(corpus_relations, "gap", "consistent", "12.2个百分点", "22.6%", "10.4%")


def test_suspicious_repeat_and_unit_slip(corpus_relations):
    assert _find(corpus_relations, "repeat", "suspicious", "117.6亿元")
    assert _find(corpus_relations, "unit_slip", "suspicious", "60万/亩")


def test_no_false_alarm_on_the_bulletins(corpus_relations):
    alarms = [r for r in corpus_relations if r.verdict == "inconsistent"]
    conflicts = [r for r in corpus_relations if r.verdict == "conflict"]
    assert alarms == []
    assert len(conflicts) == 1  # the 朔州 产出强度 one


# --- planted errors ---------------------------------------------------------------------------------

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _perturb(raw: str, fact) -> str | None:
    """The bulletin with one figure changed by about 10% (same number of decimals)."""
    m = NUMBER.search(raw, fact.start, fact.end)
    if not m or m.end() > fact.end:
        return None
    decimals = len(m.group().split(".")[1]) if "." in m.group() else 0
    value = float(m.group())
    new = round(value * 0.9, decimals)
    if new == value:
        new = value - 10 ** -decimals if value > 1 else value + 1
    return raw[:m.start()] + f"{new:.{decimals}f}" + raw[m.end():]


def _targets(relations):
    """The figures a planted error goes into, one at a time: every figure of a verified sum (each part,
    the total), of a verified rate (the rate, its part, its whole) and of a verified gap."""
    seen = {}
    for r in relations:
        if r.verdict != "consistent":
            continue
        if (r.kind == "parts_total" and "=" in r.arithmetic) or (r.kind == "rate" and len(r.facts) == 3) \
                or r.kind == "gap":
            for fact in r.facts:
                seen.setdefault(fact["id"], fact)
    return list(seen.values())


def test_planted_errors_are_flagged(raw_texts, processed, capsys):
    years = {k.removesuffix(".txt"): v["year"] for k, v in manifest().items()}
    planted = flagged = 0
    false_alarms = {}
    for doc_id in DOC_IDS:
        raw = raw_texts[doc_id]
        relations = audit(processed[doc_id].facts)
        false_alarms[doc_id] = sum(1 for r in relations if r.verdict == "inconsistent")
        for target in _targets(relations):
            fact = next(f for f in processed[doc_id].facts if f.id == target["id"])
            changed = _perturb(raw, fact)
            if changed is None:
                continue
            planted += 1
            found = audit(extractor.extract(changed, doc_id=doc_id, year=years[doc_id]))
            if any(r.verdict != "consistent" and any(f["start"] < fact.end and fact.start < f["end"] for f in r.facts)
                   for r in found):
                flagged += 1
    with capsys.disabled():
        print(f"\nplanted errors: {planted}, flagged: {flagged} ({flagged / planted:.1%}); "
              f"false alarms on the unperturbed bulletins: {false_alarms}")
    assert planted >= 40
    assert flagged / planted >= 0.95
    assert all(n <= 1 for n in false_alarms.values())


# --- the review page -----------------------------------------------------------------------------

def test_review_page_escapes_the_bulletin_text():
    text = "【2023年工作成绩】\n全市开发区出让标准地12宗<script>alert('x')</script>，面积<b>856.3</b>亩。"
    doc = extractor.process(text, doc_id="hostile<doc>", year=2024)
    page = render([doc], audit(doc.facts))
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>856.3</b>" not in page and "hostile&lt;doc&gt;" in page
    assert page.count("<script>") == 1  # only the page's own
    assert "http://" not in page and "https://" not in page  # self-contained: nothing fetched


def test_review_page_links_findings_to_highlighted_figures(processed, corpus_relations):
    page = render(list(processed.values()), corpus_relations)
    anchors = set(re.findall(r'<mark id="([^"]+)"', page))
    linked = {a for ids in re.findall(r'data-facts="([^"]+)"', page) for a in ids.split()}
    assert linked and linked <= anchors
    assert page.count("<mark ") == sum(len(d.facts) for d in processed.values())


def test_audit_cli_json_and_exit_code(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "extractor", "audit", str(CORPUS), "--json",
                          "--html", str(tmp_path / "review.html")], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 1  # the conflict is a finding
    relations = json.loads(out.stdout)["relations"]
    assert {"kind", "verdict", "arithmetic", "message", "facts"} <= set(relations[0])
    assert (tmp_path / "review.html").exists()
    single = subprocess.run([sys.executable, "-m", "extractor", "audit", str(CORPUS / "000_56f2bf5d4fae28d3.txt")],
                            capture_output=True, text=True, encoding="utf-8")
    assert single.returncode == 0, single.stdout  # one bulletin alone: nothing inconsistent
