"""Stage 6 — period and status: when a figure holds, and whether it is an actual, a target or an estimate.

The nearest time phrase before a figure in its sentence gives the period (patterns/periods.toml),
else the section's (【2023年工作成绩】 → 2023), else the document's year. The section gives the status
(成绩 → actual, 计划 → target); status words in the sentence before the figure override it
(预计 → expected; 力争, 目标 … → target; 目前已 … → actual), and a figure of an earlier year than a
plan section's is an actual.
"""
from __future__ import annotations

import functools

import regex

from .. import patterns
from ..document import Document
from .metrics import mask_cues


@functools.cache
def _phrases():
    return [(regex.compile(p["pattern"]), p["period"]) for p in patterns.load("periods")["phrase"]]


@functools.cache
def _status_patterns():
    return [(regex.compile(p), rule["status"]) for rule in patterns.load("status")["rule"] for p in rule["patterns"]]


def _format(template: str, match, year: int | None) -> str | None:
    if year is None and ("{year}" in template or "{prev}" in template):
        return None
    values = {"year": year, "prev": (year or 0) - 1}
    for key, val in (match.groupdict() if match else {}).items():
        if val is not None:
            values[key] = int(val)
    try:
        return template.format(**values)
    except (KeyError, ValueError):
        return None


def period_of(text: str, start: int, floor: int, year: int | None) -> str | None:
    best, best_end = None, -1
    for pattern, template in _phrases():
        for m in pattern.finditer(text, floor, start):
            if m.end() > best_end:  # the nearest phrase; at a tie, the first (more specific) pattern
                best, best_end = (template, m), m.end()
    if best is None:
        return None
    return _format(best[0], best[1], year)


@functools.cache
def _status_after():
    return [(regex.compile(p), status) for status, p in patterns.load("status").get("after", {}).items()]


def status_of(text: str, start: int, floor: int, default: str, end: int | None = None) -> str:
    if end is not None:
        for pattern, status in _status_after():
            if pattern.match(text[end:end + 12]):
                return status
    floor = max(floor, max(text.rfind(ch, floor, start) for ch in "；;") + 1)  # a status word governs its segment
    window = mask_cues(text[floor:start])
    best, best_end = default, -1
    for pattern, status in _status_patterns():
        for m in pattern.finditer(window):
            if m.end() > best_end:  # the status word nearest the number wins
                best, best_end = status, m.end()
    return best


def _year_of(period: str | None) -> int | None:
    m = regex.match(r"(\d{4})", period or "")
    return int(m.group(1)) if m else None


def annotate(doc: Document) -> Document:
    text = doc.text
    for q in doc.quantities:
        article = doc.article_at(q.start)
        section = article.section_at(q.start) if article else None
        sentence = doc.sentence_at(q.start)
        floor = sentence.start if sentence else max(0, q.start - 80)
        section_year = _year_of(section.period) if section else None
        year = section_year or doc.year
        q.period = period_of(text, q.start, floor, year) or (section.period if section else None) \
            or (str(doc.year) if doc.year else None)
        default = (section.status if section and section.status else "actual")
        q.status = status_of(text, q.start, floor, default, end=q.end)
        if q.subject_type == "project" and q.aspect == "value" and q.kind == "money":
            q.status = "actual"  # a project's size is an attribute of the project, stated as fact
        if q.status == "target" and section_year and (_year_of(q.period) or section_year) < section_year:
            q.status = "actual"  # a figure of an earlier year, quoted in a plan, is a result
    return doc
