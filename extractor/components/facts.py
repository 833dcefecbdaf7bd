"""Stage 8 — facts: one record per figure, traced to its raw characters (and page and box for PDFs)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document


@dataclass
class Fact:
    doc: str
    id: str
    start: int              # raw offsets of the quantity in the original file
    end: int
    quote: str              # the raw characters there
    value: float
    unit: str
    base_value: float | None
    base_unit: str | None
    approx: str
    value_max: float | None
    metric: str | None
    aspect: str | None
    subject: str | None
    subject_type: str | None
    period: str | None
    status: str | None
    parent: str | None      # id of the stated total this figure is part of
    sentence: str           # the clean sentence that states it
    metric_source: str | None = None
    city: str | None = None
    article: str | None = None
    section: str | None = None
    clean_start: int = 0
    clean_end: int = 0
    page: int | None = None
    bbox: list[float] | None = field(default=None)

    def to_dict(self) -> dict:
        # dataclasses.asdict deep-copies field by field: ten times slower, and every output goes through here
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        if record["bbox"] is not None:
            record["bbox"] = list(record["bbox"])
        return record


def _fact_id(doc_id: str, n: int) -> str:
    return f"{doc_id}:{n:04d}"


def annotate(doc: Document) -> Document:
    facts = []
    for n, q in enumerate(doc.quantities, start=1):
        start, end = doc.clean.to_raw(q.start, q.end)
        sentence = doc.sentence_at(q.start)
        article = doc.article_at(q.start)
        section = article.section_at(q.start) if article else None
        page, bbox = doc.pages.locate(q.start, q.end) if doc.pages is not None else (None, None)
        facts.append(Fact(
            doc=doc.id, id=_fact_id(doc.id, n), start=start, end=end, quote=doc.clean.raw[start:end],
            value=q.value, unit=q.unit, base_value=q.base_value, base_unit=q.base_unit, approx=q.approx,
            value_max=q.value_max, metric=q.metric, aspect=q.aspect, subject=q.subject,
            subject_type=q.subject_type, period=q.period, status=q.status,
            parent=_fact_id(doc.id, q.parent + 1) if q.parent is not None else None,
            sentence=doc.text[sentence.start:sentence.end] if sentence else "",
            metric_source=q.metric_source, city=q.city,
            article=(article.title or article.source) if article else None,
            section=section.heading if section else None,
            clean_start=q.start, clean_end=q.end, page=page, bbox=bbox,
        ))
    doc.facts = facts
    return doc
