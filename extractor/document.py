"""The document every stage reads and annotates (as a spaCy `Doc` carries its annotations).

Offsets of paragraphs, articles, sections, sentences and quantities are *clean* offsets (into
`doc.text`); `doc.clean.to_raw()` maps them back to the raw file, and facts carry both.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from .normalize import CleanText, normalize


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str  # body | heading | section | furniture | byline | source | caption | table


@dataclass
class Section:
    start: int
    end: int
    heading: str
    period: str | None
    status: str | None


@dataclass
class Article:
    start: int
    end: int
    kind: str                 # report | news | caption
    title: str | None = None
    source: str | None = None  # 供稿：…
    byline: str | None = None  # （…） or ◎ …
    sections: list[Section] = field(default_factory=list)
    subject: Any = None        # set by the subjects stage

    def section_at(self, pos: int) -> Section | None:
        for section in self.sections:
            if section.start <= pos < section.end:
                return section
        return None


@dataclass
class Sentence:
    start: int
    end: int


# manifest fields that name what a document is (its issue's title, its publisher): a region named there is the
# document's home, before any counting in the text, and a genre named there (工作报告) says what it looks back on
TITLE_FIELDS = ("title", "issue", "publisher", "weekly_title", "weekly_publisher")


@dataclass
class Document:
    id: str
    clean: CleanText
    year: int | None = None          # the year 今年 means in this document
    region: str | None = None        # the region it speaks for (全省), set by the subjects stage
    short_names: dict = field(default_factory=dict)  # a zone's short name it defines → the full name (subjects stage)
    meta: dict = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list = field(default_factory=list)
    facts: list = field(default_factory=list)
    pages: Any = None                # for PDFs: per clean character (page, x0, top, x1, bottom)

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def title(self) -> str:
        """What the manifest says the document is (its title, issue and publisher fields), one string."""
        return " ".join(str(self.meta[k]) for k in TITLE_FIELDS if self.meta.get(k))

    @classmethod
    def from_raw(cls, raw: str, doc_id: str = "doc", year: int | str | None = None, **meta) -> "Document":
        return cls(id=doc_id, clean=normalize(raw), year=_as_year(year), meta=meta)

    def article_at(self, pos: int) -> Article | None:
        for article in self.articles:
            if article.start <= pos < article.end:
                return article
        return self._titled_by(pos)

    def _titled_by(self, pos: int) -> Article | None:
        """The article whose title the heading line at pos is part of (全省开发区1—10月 / 规上工业增加值增长9.3%: a
        headline's figure is its article's), the nearest where two are; None elsewhere."""
        paragraph = self.paragraph_at(pos)
        if paragraph is None or paragraph.kind != "heading":
            return None
        line = self.text[paragraph.start:paragraph.end]
        titled = [a for a in self.articles if a.title and line in a.title]
        return min(titled, key=lambda a: min(abs(a.start - pos), abs(a.end - pos)), default=None)

    def paragraph_at(self, pos: int) -> Paragraph | None:
        if getattr(self, "_paragraph_starts_of", None) is not self.paragraphs:  # (set once, by segment)
            self._paragraph_starts_of, self._paragraph_starts = self.paragraphs, [p.start for p in self.paragraphs]
        i = bisect.bisect_right(self._paragraph_starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts(), pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_before(self, pos: int, count: int) -> list[Sentence]:
        """The last `count` sentences that start before pos, in text order."""
        i = bisect.bisect_left(self._sentence_starts(), pos)
        return self.sentences[max(0, i - count):i]

    def _sentence_starts(self) -> list[int]:
        if getattr(self, "_starts_of", None) is not self.sentences:  # sentences are set once, by segment
            self._starts_of, self._starts = self.sentences, [s.start for s in self.sentences]
        return self._starts


def _as_year(year) -> int | None:
    """A year given as 2023 or "2023" (manifests and JSON lines differ); None when there is none."""
    if year is None or year == "":
        return None
    try:
        return int(str(year).strip()[:4])
    except ValueError:
        raise ValueError(f"year {year!r} is not a year") from None
