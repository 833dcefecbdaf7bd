"""Scoring an extraction against the gold standard, at four levels.

A predicted fact matches a gold fact when their raw spans overlap and value and unit agree (each gold
fact and each prediction is used once). On the matched pairs:
  L1 quantity (span, value, unit) · L2 + metric · L3 + subject · L4 + period and status.
Metric and subject compare after the alias tables in patterns/ map variants to one name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import gold as goldmod
from .corpus import CORPUS_DIR, read_text, sources
from .rx import last_of

LEVELS = ("L1", "L2", "L3", "L4")


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _unit(unit: str) -> str:
    return {"百分点": "个百分点"}.get(unit, unit)


def match(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Pairs (prediction index, gold index): overlapping spans whose value and unit agree."""
    pairs, used = [], set()
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if j in used or not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            if _same_value(p["value"], g["value"]) and _unit(p["unit"]) == _unit(g["unit"]):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def level_of(p: dict, g: dict) -> int:
    """How many levels a matched pair passes: 1..4."""
    if goldmod.canonical_metric(p["metric"]) != goldmod.canonical_metric(g["metric"]):
        return 1
    if goldmod.canonical_subject(p["subject"]) != goldmod.canonical_subject(g["subject"]):
        return 2
    if p["period"] != g["period"] or p["status"] != g["status"]:
        return 3
    return 4


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    hits: dict = field(default_factory=lambda: {lvl: 0 for lvl in LEVELS})

    def add(self, other: "Score") -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        for lvl in LEVELS:
            self.hits[lvl] += other.hits[lvl]

    def prf(self, level: str) -> tuple[float, float, float]:
        hit = self.hits[level]
        p = hit / self.predicted if self.predicted else 0.0
        r = hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def to_dict(self) -> dict:
        out = {"predicted": self.predicted, "gold": self.gold}
        for lvl in LEVELS:
            p, r, f = self.prf(lvl)
            out[lvl] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "hits": self.hits[lvl]}
        return out


def score_document(predicted: list[dict], gold: list[dict]) -> tuple[Score, list[dict]]:
    """The score of one document and its errors (misses, false positives, wrong fields)."""
    pairs = match(predicted, gold)
    score = Score(predicted=len(predicted), gold=len(gold))
    errors = []
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, j in pairs:
        level = level_of(predicted[i], gold[j])
        for k in range(level):
            score.hits[LEVELS[k]] += 1
        if level < 4:
            field = ("metric", "subject", "period/status")[level - 1]
            errors.append({"kind": f"wrong {field}", "gold": gold[j], "predicted": predicted[i]})
    errors += [{"kind": "miss", "gold": g} for j, g in enumerate(gold) if j not in matched_g]
    errors += [{"kind": "false positive", "predicted": p} for i, p in enumerate(predicted) if i not in matched_p]
    return score, errors


def evaluate(corpus_dir: Path = CORPUS_DIR, gold_dir: Path = goldmod.GOLD_DIR, extract_fn=None) -> dict:
    """Run the extractor over every corpus document that has a gold file, and score it."""
    import extractor

    extract_fn = extract_fn or (lambda text, src: [f.to_dict() for f in extractor.extract(
        text, doc_id=src.id, year=src.year, **src.document_meta())])
    total = Score()
    per_doc, errors = {}, {}
    for src in sources([corpus_dir]):
        gold_path = Path(gold_dir) / f"{src.id}.jsonl"
        if not gold_path.exists():
            continue
        text = read_text(src.path)
        predicted = extract_fn(text, src)
        score, errs = score_document(predicted, goldmod.load(gold_path))
        for err in errs:
            err["sentence"] = _sentence(text, (err.get("gold") or err.get("predicted")))
        per_doc[src.id] = score
        errors[src.id] = errs
        total.add(score)
    return {"overall": total, "documents": per_doc, "errors": errors}


def _sentence(raw: str, fact: dict) -> str:
    if fact.get("sentence"):
        return fact["sentence"]
    start = last_of("。！？\n", raw, 0, fact["start"]) + 1
    end = min((i for i in (raw.find(ch, fact["end"]) for ch in "。！？") if i != -1), default=len(raw))
    return raw[start:end + 1].replace("\n", "")


def format_table(result: dict) -> str:
    lines = [f"{'document':<24}{'pred':>6}{'gold':>6}  " + "  ".join(f"{lvl + ' P/R/F1':>20}" for lvl in LEVELS)]
    rows = list(result["documents"].items()) + [("overall", result["overall"])]
    for name, score in rows:
        cells = []
        for lvl in LEVELS:
            p, r, f = score.prf(lvl)
            # an excerpt without a fact, where nothing was predicted either, has no rate to show: nothing was
            # invented and nothing missed (its JSON keeps the counts, 0 and 0)
            empty = not score.predicted and not score.gold
            cells.append(f"{'—':>6} {'—':>6} {'—':>6}" if empty else f"{p:6.3f} {r:6.3f} {f:6.3f}")
        lines.append(f"{name:<24}{score.predicted:>6}{score.gold:>6}  " + "  ".join(f"{c:>20}" for c in cells))
    return "\n".join(lines)
