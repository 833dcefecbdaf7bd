"""The audit: stated figures checked against each other, each relation with its arithmetic written out.

Checks (each yields relations with a verdict: consistent, inconsistent, conflict, suspicious):
  parts_total   the parts of a stated total (其中 …, a breakdown) against the total
  rate          a stated rate or share against the figures it is made of, on every basis the text allows
  gap           a percentage-point gap against the two rates it compares (高于全市增速（7.7%）14.9个百分点)
  conflict      one subject, metric, period, aspect and status stated with different values
  repeat        two different totals with identical values, weighed by how unlikely a coincidence is
  unit_slip     a unit written without its 元 (60万/亩)

Tolerance follows the precision printed: a figure written with n decimals may be off by half a unit of
its last digit, so rounding is never an error.
"""
from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from . import gold as aliases
from .rx import last_of

RATE_METRIC_SUFFIX = "率"


@dataclass
class Relation:
    kind: str
    verdict: str           # consistent | inconsistent | conflict | suspicious
    arithmetic: str        # the check written out: "33宗 = 8 + 3 + 1 + 15 + 2 + 4"
    message: str           # a sentence an editor understands
    facts: list[dict] = field(default_factory=list)  # value, unit, doc, id, start, end, quote

    def to_dict(self) -> dict:
        return asdict(self)


def _decimals(fact) -> int:
    quote = fact.quote.replace(" ", "").replace("\n", "")
    digits = "".join(ch for ch in quote if ch.isdigit() or ch == ".")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


@functools.cache
def _count_units() -> frozenset[str]:
    from . import patterns

    return frozenset(patterns.load("units")["measure_words"]) | {"人次"}


def _half_unit(fact) -> float:
    """How far a printed figure may be from the true value: counts are exact; a measured figure may be
    rounded to its last printed digit."""
    if fact.unit in _count_units():
        return 0.0
    return 0.5 * 10 ** (-_decimals(fact))


def _ref(fact) -> dict:
    return {"id": fact.id, "doc": fact.doc, "value": fact.value, "unit": fact.unit, "start": fact.start,
            "end": fact.end, "quote": fact.quote, "metric": fact.metric, "subject": fact.subject,
            "sentence": fact.sentence}


def _shown(fact) -> str:
    """A figure as the reader sees it: “2417.52亩”, without the print layout's spaces and line breaks."""
    return "“" + "".join(fact.quote.split()) + "”"


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


# --- checks -----------------------------------------------------------------------------------------

def parts_total(facts: list) -> list[Relation]:
    by_id = {f.id: f for f in facts}
    groups = defaultdict(list)
    for f in facts:
        if f.parent and f.parent in by_id:
            groups[f.parent].append(f)
    out = []
    for parent_id, parts in groups.items():
        total = by_id[parent_id]
        found = sum(p.value for p in parts)
        tolerance = _half_unit(total) + sum(_half_unit(p) for p in parts)
        written = " + ".join(_num(p.value) for p in parts)
        refs = [_ref(total)] + [_ref(p) for p in parts]
        if len(parts) == 1 or any(p.metric_source == "fallback" for p in parts):
            # a subset (其中开工项目15个 of 28), or parts that need not sum up: each within the total
            for part in parts:
                ok = part.value <= total.value + _half_unit(total)
                out.append(Relation(
                    "parts_total", "consistent" if ok else "inconsistent",
                    f"{_num(part.value)}{total.unit} ≤ {_num(total.value)}{total.unit}",
                    f"The part {_shown(part)} {'is within' if ok else 'exceeds'} its stated total {_shown(total)}.",
                    [_ref(total), _ref(part)]))
            continue
        diff = found - total.value
        if abs(diff) <= tolerance:
            verdict, message = "consistent", f"The {len(parts)} parts add up to the stated total {_shown(total)}."
        elif diff > 0:
            verdict, message = "inconsistent", (f"The {len(parts)} parts add up to {_num(found)}{total.unit}, "
                                                f"more than the stated total {_shown(total)} (by {_num(diff)}).")
        else:
            verdict, message = "inconsistent", (f"The {len(parts)} parts add up to {_num(found)}{total.unit}, "
                                                f"{_num(-diff)} short of the stated total {_shown(total)}; "
                                                "unless the list is incomplete, a figure is wrong.")
        out.append(Relation("parts_total", verdict,
                            f"{_num(total.value)}{total.unit} {'=' if verdict == 'consistent' else '≠'} {written}"
                            f" (= {_num(found)})", message, refs))
    return out


def _is_rate(fact) -> bool:
    return fact.unit == "%" and (fact.aspect == "share" or (fact.metric or "").endswith(RATE_METRIC_SUFFIX))


ALL_WORDS = ("均已", "已全部", "全部", "均")


def _clause_of(fact) -> str:
    """The ，-clause of its sentence that holds the figure."""
    text, quote = fact.sentence, fact.quote.replace(" ", "").replace("\n", "")
    i = text.find(quote)
    if i < 0:
        return ""
    start = last_of("，；。：", text, 0, i) + 1
    ends = [j for j in (text.find(ch, i) for ch in "，；。") if j != -1]
    return text[start:min(ends) if ends else len(text)]


def rates(facts: list) -> list[Relation]:
    """A rate against the ratios of the figures its sentence gives for it, on every basis (count,
    investment); a share against part and whole. A rate over 100% is measured against a plan the
    text does not state, and is not checked."""
    out = []
    by_sentence = defaultdict(list)
    for f in facts:
        by_sentence[(f.doc, f.sentence)].append(f)
    for group in by_sentence.values():
        for k, rate in enumerate(group):
            if not _is_rate(rate) or rate.value_max is not None or rate.value > 100:
                continue
            stem = (rate.metric or "").removesuffix(RATE_METRIC_SUFFIX) if rate.aspect != "share" else ""
            if stem and rate.value == 100 and any(f"{w}{stem}" in rate.sentence or f"{w}已{stem}" in rate.sentence
                                                  for w in ALL_WORDS):
                out.append(Relation("rate", "consistent", f"{_num(rate.value)}% = all",
                                    f"{rate.metric} {_shown(rate)}: the text says all of them reached it.",
                                    [_ref(rate)]))
                continue
            # the figures of its clause group: after the previous rate, up to this one
            start = max((j + 1 for j in range(k) if _is_rate(group[j])), default=0)
            before = [f for f in group[start:k] if f.unit not in ("%", "个百分点") and f.aspect == "value"]
            bases = []
            for part, whole in itertools.permutations(before, 2):
                if part.unit != whole.unit or whole.value <= 0 or part.value > whole.value or part.unit == "次":
                    continue
                if stem and (stem not in _clause_of(part) or stem in _clause_of(whole)):
                    continue  # 开工率: the part is the started projects, the whole is not
                ratio = 100 * part.value / whole.value
                tolerance = _half_unit(rate) + 100 * (_half_unit(part) / whole.value
                                                      + part.value * _half_unit(whole) / whole.value ** 2)
                bases.append((abs(ratio - rate.value) <= tolerance, ratio, part, whole))
            if not bases:
                continue
            matching = [b for b in bases if b[0]]
            name = rate.metric or "rate"
            if matching:
                _, ratio, part, whole = matching[0]
                out.append(Relation(
                    "rate", "consistent",
                    f"{_num(rate.value)}% ≈ {_num(part.value)}/{_num(whole.value)} = {ratio:.2f}%",
                    f"{name} {_shown(rate)} matches {_shown(part)} of {_shown(whole)} (by {part.unit}).",
                    [_ref(rate), _ref(part), _ref(whole)]))
            else:
                tried = "; ".join(f"{_num(p.value)}/{_num(w.value)} = {r:.2f}%" for _, r, p, w in bases[:4])
                out.append(Relation(
                    "rate", "inconsistent", f"{_num(rate.value)}% vs {tried}",
                    f"{name} {_shown(rate)} matches none of the ratios its sentence allows.",
                    [_ref(rate)] + [_ref(f) for f in before]))
    return out


def gaps(facts: list) -> list[Relation]:
    """高于全市增速（7.7%）14.9个百分点: own rate − reference = gap."""
    out = []
    for k, gap in enumerate(facts):
        if gap.unit != "个百分点" or k < 2:
            continue
        reference = facts[k - 1]
        if reference.unit != "%" or reference.sentence != gap.sentence or not _bracketed(reference):
            continue
        own = next((f for f in reversed(facts[:k - 1]) if f.unit == "%" and f.sentence == gap.sentence
                    and not _bracketed(f)), None)
        if own is None:
            continue
        found = own.value - reference.value
        tolerance = _half_unit(own) + _half_unit(reference) + _half_unit(gap)
        ok = abs(abs(found) - gap.value) <= tolerance
        out.append(Relation(
            "gap", "consistent" if ok else "inconsistent",
            f"{_num(own.value)}% − {_num(reference.value)}% = {_num(found)} {'=' if ok else '≠'} {_num(gap.value)}个百分点",
            f"The gap {_shown(gap)} {'equals' if ok else 'does not equal'} {_shown(own)} minus {_shown(reference)}.",
            [_ref(gap), _ref(own), _ref(reference)]))
    return out


def _bracketed(fact) -> bool:
    """The figure stands in brackets in its sentence: 全市增速（7.7%）."""
    quote = "".join(fact.quote.split())
    i = fact.sentence.find(quote)
    return i > 0 and fact.sentence[i - 1] in "（(" and fact.sentence[i + len(quote):][:1] in "）)"


def conflicts(facts: list) -> list[Relation]:
    """One subject, metric, period, aspect and status, two different values (within or across bulletins)."""
    generic = {e["name"] for e in taxonomy_entries() if e.get("generic")}
    groups = defaultdict(list)
    for f in facts:
        if f.metric_source != "taxonomy" or f.metric in generic or f.parent or not f.subject or f.approx != "exact":
            continue
        key = (aliases.canonical_subject(f.subject), aliases.canonical_metric(f.metric), f.period, f.aspect,
               f.status, f.unit)
        groups[key].append(f)
    out = []
    for (subject, metric, period, aspect, status, unit), group in groups.items():
        for a, b in itertools.combinations(group, 2):
            if a.doc == b.doc and a.article == b.article:
                continue  # within one article, two figures of a metric are a list or a subset, not a restatement
            if abs(a.value - b.value) <= _half_unit(a) + _half_unit(b):
                if a.value != b.value:
                    out.append(Relation(
                        "conflict", "consistent", f"{_num(a.value)}{unit} ≈ {_num(b.value)}{unit}",
                        f"{subject}'s {metric} is stated as {_shown(a)} and {_shown(b)}: equal within rounding.",
                        [_ref(a), _ref(b)]))
                continue
            out.append(Relation(
                "conflict", "conflict", f"{_num(a.value)}{unit} ({a.doc[:3]}) ≠ {_num(b.value)}{unit} ({b.doc[:3]})",
                f"{subject}'s {metric} ({aspect}, {period}, {status}) is stated as {_shown(a)} and as {_shown(b)}.",
                [_ref(a), _ref(b)]))
    return out


def taxonomy_entries() -> list[dict]:
    from . import patterns

    return patterns.load("metrics").get("metric", [])


def repeats(facts: list, min_significant: int = 3) -> list[Relation]:
    """Identical values for two different totals of one breakdown or sentence: suspicious when the
    value has enough significant digits that a coincidence is unlikely (117.6 亿元, not 19 个)."""
    out = []
    by_sentence = defaultdict(list)
    for f in facts:
        if f.aspect == "value" and f.unit not in ("%",):
            by_sentence[(f.doc, f.sentence, f.unit)].append(f)
    for group in by_sentence.values():
        for a, b in itertools.combinations(group, 2):
            if a.value != b.value or a.metric == b.metric and a.subject == b.subject or a.parent == b.id or b.parent == a.id:
                continue
            significant = len(_num(abs(a.value)).replace(".", "").strip("0"))
            if significant < min_significant + (0 if "." in _num(a.value) else 1):
                continue  # 19 projects twice is a coincidence; 117.6 亿元 twice is not
            out.append(Relation(
                "repeat", "suspicious", f"{_shown(a)} = {_shown(b)}",
                f"{a.metric} and {b.metric} are both {_shown(a)}: with {significant} significant digits a "
                "coincidence is unlikely; one may be copied from the other.",
                [_ref(a), _ref(b)]))
    return out


def unit_slips(facts: list) -> list[Relation]:
    out = []
    for f in facts:
        if f.unit.startswith(("万元", "亿元")) and "元" not in f.quote:
            out.append(Relation(
                "unit_slip", "suspicious", f"{_shown(f)} read as {_num(f.value)}{f.unit}",
                f"{_shown(f)} has no 元: read as {f.unit}, but the unit should be written out.", [_ref(f)]))
    return out


CHECKS = (parts_total, rates, gaps, conflicts, repeats, unit_slips)


def audit(facts: list) -> list[Relation]:
    relations = []
    for check in CHECKS:
        relations.extend(check(facts))
    return relations


def format_report(relations: list[Relation]) -> str:
    order = {"inconsistent": 0, "conflict": 1, "suspicious": 2, "consistent": 3}
    lines = []
    for r in sorted(relations, key=lambda r: order[r.verdict]):
        where = ", ".join(f"{f['doc'][:3]}@{f['start']}" for f in r.facts[:3])
        lines.append(f"[{r.verdict}] {r.kind}: {r.arithmetic}\n    {r.message}  ({where})")
    counts = {v: sum(1 for r in relations if r.verdict == v) for v in order}
    lines.append("relations checked: " + ", ".join(f"{n} {v}" for v, n in counts.items()))
    return "\n".join(lines)
