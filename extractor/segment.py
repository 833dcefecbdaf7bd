"""Stage 2 — structure: paragraphs → articles (with title, source, byline) → sections → sentences.

The weekly's PDF text layer does not keep the printed order of a page: a title block may come
before its article or after it. A title block standing between two articles is therefore given to
the neighbour it names (by the places of the gazetteer), and to the next article when it names
neither.
"""
from __future__ import annotations

import functools

import regex

from . import gazetteer, patterns
from .document import Article, Document, Paragraph, Section, Sentence
from .normalize import is_column_label, is_furniture
from .rx import rx


@functools.cache
def _rules():
    spec = patterns.load("structure")
    return {
        "news": tuple(spec["news_markers"]),
        "source": rx(spec["source_marker"]),
        "source_run_on": rx(spec["source_run_on"]),
        "byline_end": rx(spec["byline_end"]),
        "byline_line": rx(spec["byline_line"]),
        "caption": rx(spec["caption"]),
        "section": rx(spec["section_head"]),
        "numbered_section": rx(spec["numbered_section_head"]),
        "review_opening": rx(spec["review_opening"]),
        "five_year_opening": rx(spec["five_year_opening"]),
        "plan_opening": rx(spec["plan_opening"]),
        "sentence_end": rx(spec["sentence_end"]),
        "heading_max": spec["heading_max_chars"],
        "subtitled_heading": rx(spec["subtitled_heading"]),
        "subtitled_heading_max": spec["subtitled_heading_max_chars"],
        "masthead_reach": spec["masthead_reach"],
        "heading_forbidden": rx(spec["heading_forbidden"]),
        "report_title": rx(spec["report_title"]),
        "slogan_title": rx(spec["slogan_title"]),
        "status": spec["section_status"],
        "work_words": spec["work_words"],
        "own_year_work": rx(spec["own_year_work"]),
        "period": spec["section_period"],
        "review_months": spec["review_months"],
        "five_year_heading": rx(spec["five_year_heading"]),
        "five_year_review_marks": rx(spec["five_year_review_marks"].format(
            opening=spec["five_year_opening_marks"])),
        "one_year_marks": spec["one_year_marks"],
        "five_year_opening_marks": rx(spec["five_year_opening_marks"]),
        "plan_years_marks": spec["plan_years_marks"],
        "plan_name": spec["plan_name"],
        "five_year_text_marks": rx(spec["five_year_text_marks"]),
        "five_year_text_min": spec["five_year_text_min"],
        "plan_text_marks": rx(spec["plan_text"]["marks"]),
        "review_text_marks": rx(spec["plan_text"]["review_marks"]),
        "plan_text_min": spec["plan_text"]["min"],
        "plan_text_ratio": spec["plan_text"]["ratio"],
    }


def classify(text: str) -> str:
    rules = _rules()
    if is_furniture(text):
        return "furniture"
    if section_heading(text):
        return "section"
    if rules["byline_line"].search(text):
        return "byline"
    if rules["source"].match(text):
        return "source"
    if rules["caption"].search(text):
        return "caption"
    # (a title joined to its subtitle may be longer: 深化改革激活力 放权赋能添动力———全省开发区深化…改革综述)
    longest = rules["subtitled_heading_max"] if rules["subtitled_heading"].search(text) else rules["heading_max"]
    if len(text) <= longest and not rules["heading_forbidden"].search(text):
        return "heading"
    if rules["numbered_section"].search(text):
        return "heading"  # 二、抓紧有利时机，加快经济发展: a numbered part's head may join two halves by a comma
    return "body"


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for piece in text.split("\n"):
        if piece:
            cut = _source_run_on(piece)
            if cut:  # …排名全省前十。 供稿：临汾市商务局: the report's source run on at its last paragraph's end
                out.append(Paragraph(pos, pos + cut[0], classify(piece[:cut[0]])))
                out.append(Paragraph(pos + cut[1], pos + len(piece), "source"))
            else:
                out.append(Paragraph(pos, pos + len(piece), classify(piece)))
        pos += len(piece) + 1
    return _tables(_masthead_slogans(out), text)


def _tables(paras: list[Paragraph], text: str) -> list[Paragraph]:
    """全省3987.5 9.8 / 长治612.4 13.8 / …: a run of rows of a table printed in the text (their lines kept apart by
    the normaliser) is a table's, with the header of its columns and the line of its units right above them; no
    heading, no body (patterns/layout.toml, table_row)."""
    layout = patterns.load("layout")
    row = rx(layout["table_row"])
    rows = [p.kind != "furniture" and text[p.end - 1:p.end].isdigit() and row.fullmatch(text, p.start, p.end) is not None
            for p in paras]
    k = 0
    while k < len(paras):
        end = k
        while end < len(paras) and rows[end]:
            end += 1
        if end - k >= layout["table_min_rows"]:
            head = k - 1
            if head >= 0 and paras[head].kind == "heading" and not any(c.isdigit() for c in text[paras[head].start:paras[head].end]):
                head -= 1  # 地区增加值同比增长: the columns' names
            if head >= 0 and rx(layout["table_units"]).fullmatch(text, paras[head].start, paras[head].end):
                head -= 1  # 单位：亿元，%
            for j in range(head + 1, end):
                paras[j] = Paragraph(paras[j].start, paras[j].end, "table")
        k = max(end, k + 1)
    return paras


def _masthead_slogans(paras: list[Paragraph]) -> list[Paragraph]:
    """锚定全年目标 决战四季度 / 奋力打造开发区建设升级版 / 开发区建设: the headings a front page prints above its
    masthead are the issue's slogans, no article's title (the first lines, up to the masthead's first line)."""
    first = next((k for k, p in enumerate(paras[:_rules()["masthead_reach"]]) if p.kind == "furniture"), None)
    if first is None or not all(p.kind == "heading" for p in paras[:first]):
        return paras
    return [Paragraph(p.start, p.end, "furniture") for p in paras[:first]] + paras[first:]


def _source_run_on(piece: str) -> tuple[int, int] | None:
    """Where a source line run on after a sentence's end starts: (the body's end, the source's start)."""
    at = piece.rfind("供稿")
    if at <= 0:
        return None
    found = _rules()["source_run_on"].search(piece, max(0, at - 4), at + 1)
    if not found or not _rules()["source"].match(piece, found.end()):
        return None
    return found.start(), found.end()


def section_heading(text: str) -> str | None:
    """The heading of a section head paragraph (【2024年工作计划】, or 一、2025年工作回顾 when it says a
    period or a status), else None."""
    rules = _rules()
    found = rules["section"].search(text)
    if found:
        return found.group("heading")
    found = rules["numbered_section"].search(text)
    # a period said relative to the document's year (二、对今年政府工作的建议) counts: any year shows it
    if found and section_meta(found.group("heading"), _ANY_YEAR) != (None, None):
        return found.group("heading")
    return None


_ANY_YEAR = 2000


def section_meta(heading: str, year: int | None, title: bool = False) -> tuple[str | None, str | None]:
    """(period, status) that a section head such as 【2024年工作计划】 gives its figures; `title`: the head is an
    article's title, which the words of parts only (parts_only in structure.toml) do not make a section."""
    from .components.periods import period_of

    rules = _rules()
    if title:  # 全省开发区四季度重点工作推进会召开: a meeting's name says neither the figures' status nor their time
        heading = rx(patterns.load("structure")["meeting_name"]).sub("", heading)
    status = _head_status(heading, [r for r in rules["status"] if not (title and r.get("parts_only"))])
    found = rx(r"(?<!\d)(19|20)\d{2}(?=\s*年)").search(heading)
    period = found.group() if found else None
    plan = period_of(heading, found.start(), 0, year) if found else None
    if plan and "~" in plan:
        period = plan  # “十四五”时期发展成就和2025年工作回顾: the part opens on the plan's five years
    for rule in rules["period"]:
        if year and any(w in heading for w in rule["words"]):
            period = rule["period"].format(year=period or year)
    if period is None:
        # “十五五”时期主要目标任务 → 2026~2030; a heading stands in no section, so its 过去一年 (and its
        # 一年来) is the year before the document's (一、过去一年工作回顾 in a report of March 2005 → 2004)
        period = period_of(heading, len(heading), 0, year, looked_back=year - 1 if year else None, heading=True)
    if status is None and _is_over(period, year):
        status = "actual"  # a head on a time that is over (首先报告2001年的工作 in a 2002 report) tells results
    if status is None and year and period == str(year) and rules["own_year_work"].match(heading):
        status = "target"  # 关于2026年工作 in a report of 2026: the year's work ahead
    return period, status


def _head_status(heading: str, rules: list[dict]) -> str | None:
    """The status of the status word that ends last in a head: a Chinese head names its subject last and the
    words before only qualify it (第一个五年计划时期内…的伟大成就 tells results, not the plan it names);
    where two words end together, the earlier rule wins."""
    found = [(at + len(word), -rank, rule["status"]) for rank, rule in enumerate(rules)
             for word in rule["words"] if (at := heading.rfind(word)) >= 0]
    return max(found)[2] if found else None


def _is_over(period: str | None, year: int | None) -> bool:
    """Whether a period (2001, 1996~2000) ended before the document's year."""
    last = rx(r"(?:\d{4}~)?(\d{4})").fullmatch(period or "")
    return bool(year and last and int(last.group(1)) < year)


def _affinity(block: str, article: Article, text: str) -> int:
    """How strongly a title block names what an article is about."""
    names = {place.name for _, _, place in gazetteer.mentions(block)}
    if not names:
        return 0
    head = text[article.start:min(article.end, article.start + 400)] + (article.source or "")
    found = {place.name for _, _, place in gazetteer.mentions(head)}
    return len(names & found)


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.articles: list[Article] = []
        self.current: Article | None = None
        self.closed = True           # the current article has ended (source or byline seen)
        self.pending: list[Paragraph] = []  # a title block waiting for its article
        self.tentative: list[Paragraph] = []  # headings inside an open article, not yet placed
        self.sectioned = False       # a section head (【2023年工作成绩】) has come in the current article
        self.labelled = False        # a column's label (各地动态) has come since the last article ended
        self._next_title = self._next_byline = None

    def demote_tentative(self, to_title_block: bool) -> None:
        """Headings met inside an open article: subheadings when body follows, else a title block."""
        if not self.tentative:
            return
        if to_title_block:
            self.close()
            self.pending = self.tentative + self.pending
        else:
            self.current.end = self.tentative[-1].end
        self.tentative = []

    def open(self, para: Paragraph, kind: str) -> None:
        self.flush_pending(next_start=para.start)
        self.labelled = False
        self.current = Article(para.start, para.end, kind)
        self.articles.append(self.current)
        self.closed = False
        self.sectioned = False

    def close(self) -> None:
        self.closed = True

    def flush_pending(self, next_start: int | None) -> None:
        """A title block between two articles goes to the neighbour it names (the next one by default)."""
        if not self.pending:
            return
        self._byline_parts_pending()
        block = "".join(self.text[p.start:p.end] for p in self.pending)
        title = "".join(self.text[p.start:p.end] for p in self.pending if p.kind == "heading")
        byline = next((self.text[p.start:p.end] for p in self.pending if p.kind == "byline"), None)
        prev = self.articles[-1] if self.articles else None
        heads = [p for p in self.pending if p.kind == "heading"]
        self.pending = []
        if self.labelled:  # 供稿：… / 各地动态 / 吕梁经济技术开发区 / 前7月营收税收“双增长”: a column's first title, set
            self._next_title, self._next_byline = title or None, byline  # under its label, is never the one before's
            return
        if prev is not None and prev.title is None and next_start is not None and len(heads) >= 2 \
                and prev.kind in ("news", "report") and (prev.byline or prev.source):
            # （王波） / 省商务厅召开…调度推进会 / 临汾市多措并举…: two titles between two articles, the first set
            # after the article it heads (the PDF's order), the last before its own
            prev.title = self.text[heads[0].start:heads[0].end]
            title = "".join(self.text[p.start:p.end] for p in heads[1:])
            block = title
        if prev is not None and (next_start is None or self._prefers_previous(block, prev, next_start)):
            prev.title = prev.title or title or None
            prev.byline = prev.byline or byline
            return
        self._next_title, self._next_byline = title or None, byline

    def pending_to_previous(self) -> None:
        """…增长6.5%。 / 晋中市开发区经济运行稳中向好 / ◎ 李明 / 经验交流 / 阳泉经济技术开发区：…: a title block set
        before a column's label is the article's before it (the PDF's order), never the next one's."""
        prev = self.articles[-1] if self.articles else None
        if prev is not None:
            prev.title = prev.title or "".join(self.text[p.start:p.end] for p in self.pending if p.kind == "heading") or None
            prev.byline = prev.byline or next((self.text[p.start:p.end] for p in self.pending if p.kind == "byline"), None)
        self.pending = []

    def _byline_parts_pending(self) -> None:
        """…奠定坚实基础。 / “小果子”做成“大产业” / ———…综述 / 姻 张晓丽 / 经验交流 / 侯马经济开发区：…: a byline amid a
        title block ends the title set after the article before (the PDF's order, with its byline); the headings
        after it are the next article's."""
        prev = self.articles[-1] if self.articles else None
        cut = next((k for k, p in enumerate(self.pending) if p.kind == "byline"), None)
        if prev is None or prev.title is not None or prev.byline or cut is None \
                or not any(p.kind == "heading" for p in self.pending[:cut]) \
                or not any(p.kind == "heading" for p in self.pending[cut + 1:]):
            return
        prev.title = "".join(self.text[p.start:p.end] for p in self.pending[:cut] if p.kind == "heading")
        prev.byline = self.text[self.pending[cut].start:self.pending[cut].end].strip()
        self.pending = self.pending[cut + 1:]

    def _prefers_previous(self, block: str, prev: Article, next_start: int) -> bool:
        nxt = Article(next_start, min(len(self.text), next_start + 400), "report")
        return _affinity(block, prev, self.text) > _affinity(block, nxt, self.text)

    def add(self, para: Paragraph) -> None:
        text = self.text[para.start:para.end]
        rules = _rules()
        if para.kind == "heading" and not self.closed and self.current is not None:
            self.tentative.append(para)  # a subheading if body text follows, else a title block
            return
        if para.kind in ("heading", "byline", "furniture") or (para.kind == "body" and text.startswith(rules["news"])):
            self.demote_tentative(to_title_block=para.kind != "heading")
        elif para.kind == "section" and self.tentative and self._titles_a_report():
            self.demote_tentative(to_title_block=True)
        else:
            self.demote_tentative(to_title_block=False)
        if para.kind == "furniture":
            if self.pending and is_column_label(text):
                self.pending_to_previous()
            self.labelled = self.labelled or is_column_label(text)
            if not self._breaks_a_sentence():
                self.close()  # a page number or running head that cuts a sentence in two ends nothing
            return
        if para.kind in ("heading", "byline") and (self.closed or self.current is None):
            self.pending.append(para)
            if para.kind == "byline":
                self.close()
            return
        if para.kind == "byline":  # …由负转正。 / （王波）: the open article's byline, which closes it
            self.current.end, self.current.byline = para.end, text.strip()
            self.close()
            return
        if para.kind == "caption":
            if self.current is None or self.current.kind != "caption" or self.closed:
                self.open(para, "caption")
            self.current.end = para.end
            self.close()
            return
        if para.kind == "source":
            if self.current is not None:
                self.current.end = para.end
                self.current.source = rules["source"].match(text).group("source").strip()
            self.close()
            return
        news = text.startswith(rules["news"])
        if self.current is None or self.closed or news:
            self.open(para, "news" if news else "report")
            if self._next_title or self._next_byline:
                self.current.title, self.current.byline = self._next_title, self._next_byline
                self._next_title = self._next_byline = None
        self.current.end = para.end
        self.sectioned = self.sectioned or para.kind == "section"
        if para.kind == "body":
            source = rules["source"].search(text)
            byline = rules["byline_end"].search(text)
            if source:
                self.current.source = source.group("source").strip()
                self.close()
            elif byline:
                self.current.byline = byline.group("byline")
                self.close()

    def _titles_a_report(self) -> bool:
        """Whether the headings right before a section head are the next report's title: the article before has
        had section heads of its own (…【2024年工作计划】… 襄垣经济技术开发区 【2023年工作成绩】), or the heading
        names a zone (寿阳经济技术开发区：抓项目促投资) after an article of body text."""
        heading = self.text[self.tentative[-1].start:self.tentative[-1].end]
        return self.sectioned or _rules()["report_title"].search(heading) is not None

    def _breaks_a_sentence(self) -> bool:
        if self.current is None or self.closed or self.current.end <= self.current.start:
            return False
        return _rules()["sentence_end"].fullmatch(self.text, self.current.end - 1, self.current.end) is None \
            and self.text[self.current.end - 1] not in "：:；;”’」』）)"

    def finish(self) -> list[Article]:
        self.demote_tentative(to_title_block=True)
        self.flush_pending(next_start=None)
        return self.articles


def _merge_caption_headlines(articles: list[Article], paragraphs_: list[Paragraph], text: str) -> list[Article]:
    """A lone short paragraph right before a caption is the photo's headline, not an article."""
    out: list[Article] = []
    for article in articles:
        if (article.kind == "caption" and out and out[-1].kind == "report" and out[-1].source is None
                and out[-1].byline is None and out[-1].title is None
                and sum(1 for p in paragraphs_ if out[-1].start <= p.start < out[-1].end) == 1):
            prev = out.pop()
            article.start = prev.start
        out.append(article)
    return out


def _year_opening(heading: str, said: str, year: int | None) -> tuple[str, str | None, str | None]:
    """The heading, period and status of a section a paragraph opens by naming its year: a year that is over
    (刚刚过去的2025年, 2025年是…收官之年 in a 2026 report) holds results; the document's own (今年是…开局之年)
    holds its work, actual or planned as each figure's words say."""
    if said == "今":  # with no year known, 今年 names none: the section stays the part's
        return heading, str(year) if year else None, None
    return heading, said, "actual" if year is None or int(said) < year else None


def _numbered(text: str) -> bool:
    return bool(_rules()["numbered_section"].match(text.split("\n", 1)[0].strip()))


def _closes_span(span: str | None, year: str) -> bool:
    """Whether a section's period is a span of years ending in `year` (2013~2017 and 2017)."""
    first, _, last = (span or "").partition("~")
    return bool(first) and last == year and first.isdigit() and first < last


def _ahead(period: str | None, year: int | None, early: bool) -> str | None:
    """A head on a time still ahead when the document was delivered (2026年省十件民生实事 in a report of
    January 2026; any later year) says what is to be done: its figures are targets, as under 2026年重点工作."""
    first = rx(r"(\d{4})(?:~\d{4})?").fullmatch(period or "")
    if not (year and first):
        return None
    return "target" if int(first.group(1)) > year or int(first.group(1)) == year and early else None


def _sections(article: Article, paras: list[Paragraph], text: str, year: int | None,
              early: bool = False) -> list[Section]:
    rules = _rules()
    heads = []
    for p in paras:
        if not article.start <= p.start < article.end:
            continue
        if p.kind == "section":
            heading = section_heading(text[p.start:p.end])
            heads.append((p.start, heading, *_work_of_the_title(heading, section_meta(heading, year), article, year)))
        elif p.kind == "body" and (opening := rules["review_opening"].match(text[p.start:p.end])) \
                and not (year and rules["five_year_opening"].match(text[p.start:p.end])):
            # (2025年是“十四五”收官之年。五年来，…: the year named as the plan's last opens the five years' review)
            heading, period, status = _year_opening(opening.group("heading"), opening.group("y"), year)
            # 今年是… turns a review to the year's work; inside a part of plans (“十五五”时期主要目标和2026年
            # 重点工作) it narrows the period and keeps the plans' status; under 三、2026年重点工作 it says nothing new
            if status is None and heads and heads[-1][3] == "target":
                status = "target"
            if period and (status == "actual" or not heads or heads[-1][2] != period):
                heads.append((p.start, heading, period, status))
                if len(heads) > 1 and _closes_span(heads[-2][2], period):
                    # a five-year review's paragraph on its last year (过去五年… then 刚刚过去的2017年…) is an
                    # aside: the parts after it speak of the five years again
                    heads.append((p.end, *heads[-2][1:]))
        elif p.kind == "body" and year and (plan := rules["plan_opening"].match(text[p.start:p.end])):
            heading = plan.group("heading") or plan.group("since")
            period, _ = section_meta(heading if plan.group("heading") else heading + "时期", year)
            last = (period or "").rpartition("~")[2]
            over = last.isdigit() and int(last) < year
            status = "actual" if over else "target"
            # (“十四五”以来 in a report of the plan's third year is only part of its years: no section)
            if last.isdigit() and (over or not plan.group("since")) and (not heads or heads[-1][2:] != (period, status)):
                heads.append((p.start, heading, period, status))
        elif p.kind == "body" and year and rules["five_year_opening"].match(text[p.start:p.end]):
            period = f"{year - 5}~{year - 1}"
            if not heads or heads[-1][2:] != (period, "actual"):
                heads.append((p.start, text[p.start:p.end].split("，")[0], period, "actual"))
        elif p.kind == "heading" and p.start > article.start:
            # an unnumbered subheading that says both a period and a status (“十五五”时期主要目标和2026年
            # 重点工作) is a part head, as 三、2026年重点工作 would be
            heading = text[p.start:p.end].strip()
            period, status = section_meta(heading, year)
            status = status or _ahead(period, year, early)
            if period and status:
                heads.append((p.start, heading, period, status))
            elif heads and heads[-1][3] == "actual" and _numbered(heading) and any(
                    _numbered(text[h[0]:p.start]) for h in heads):
                # a numbered part after a numbered review part (一、1998年工作回顾… then 二、继续扩大内需…) ends
                # the review even when it names no time, and even when the review's own opening paragraph
                # (１９９１年是…的一年) opened a section of its year inside it: its figures are the document's year's
                heads.append((p.start, heading, None, None))
    if early and year and not (heads and heads[0][0] == article.start):
        opening = text[article.start:heads[0][0] if heads else article.end]
        if len(rules["five_year_text_marks"].findall(opening)) >= rules["five_year_text_min"]:
            heads.insert(0, (article.start, "", f"{year - 5}~{year - 1}", "actual"))  # a review's five years, cut in
        elif _reads_as_plan(opening):
            heads.insert(0, (article.start, "", str(year), "target"))  # the year's plan, cut in
    if article.title and not (heads and heads[0][0] == article.start) and not rules["slogan_title"].match(article.title):
        period, status = section_meta(article.title, year, title=True)
        status = status or _ahead(period, year, early)
        if period and status:  # a title that says both (“十四五”时期发展成就和2025年工作回顾) opens a section
            heads.insert(0, (article.start, article.title, period, status))
    sections = []
    for i, (start, heading, period, status) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else article.end
        period = _last_year_reviewed(heading, period, text[start:end])
        period = _five_years_reviewed(heading, period, text[start:end], year)
        period = _first_year_planned(heading, period, text[start:end], status)
        sections.append(Section(start, end, heading, period, status))
    return sections


def _work_of_the_title(heading: str, meta: tuple[str | None, str | None], article: Article,
                       year: int | None) -> tuple[str | None, str | None]:
    """【重点工作】 in 阳泉经开区2025年工作总结: a head that calls its part only the work (structure.toml work_words),
    with no time, is the work the title tells the results of."""
    period, status = meta
    if period is not None or status != "target" or not article.title:
        return meta
    rules = _rules()
    rest = heading
    for word in rules["work_words"]:
        rest = rest.replace(word, "")
    if rest == heading or _head_status(rest, rules["status"]) is not None:
        return meta  # (【重点工作安排】: 安排 says plans)
    told = section_meta(article.title, year, title=True)
    return told if told[1] == "actual" else meta


def _reads_as_plan(opening: str) -> bool:
    """An excerpt that opens inside a plan, with no heading of its own in view (…拟安排中央财政赤字7500亿元…
    cut from 三、2009年主要任务), says the year's plan far more often than it tells what was done."""
    rules = _rules()
    planned = len(rules["plan_text_marks"].findall(opening))
    done = len(rules["review_text_marks"].findall(opening))
    return planned >= rules["plan_text_min"] and planned > rules["plan_text_ratio"] * done


def _last_year_reviewed(heading: str, period: str | None, part: str) -> str | None:
    """The last year alone, for a part headed by a plan's five years and that year (“十四五”时期和2025年工作回顾)
    whose text never reads as a five-year review (structure.toml, five_year_review_marks)."""
    last = (period or "").rpartition("~")[2]
    if not (heading and _closes_span(period, last) and rx(rf"(?<!\d){last}\s*年").search(heading)):
        return period
    body = _body_after(heading, part)
    # (only paragraphs that give figures review: 各位代表！过去五年特别是2025年取得的成绩实属不易 closes one)
    reviewing = (par for par in body.split("\n") if rx(r"\d(?![\d.．]*\s*年)").search(par))
    return period if any(_rules()["five_year_review_marks"].search(par) for par in reviewing) else last


def _first_year_planned(heading: str, period: str | None, part: str, status: str | None) -> str | None:
    """The plan's first year alone, for a part of plans headed by the plan's years and that year (“十五五”时期
    目标任务和2026年工作安排) whose text never speaks of the plan's years (structure.toml, plan_years_marks):
    改造老旧小区300个 under it is the year's work, as under 三、2026年重点工作."""
    first, _, last = (period or "").partition("~")
    if status != "target" or not (first.isdigit() and last.isdigit()) \
            or not (heading and rx(rf"(?<!\d){first}\s*年").search(heading)):
        return period
    plan = rx(rf"[“\"‘]({_rules()['plan_name']})[”\"’]").search(heading)
    marks = _rules()["plan_years_marks"].replace("{last}", last).replace(
        "{plan}", plan.group(1) if plan else _rules()["plan_name"])
    return period if rx(marks).search(_body_after(heading, part)) else first


def _body_after(heading: str, part: str) -> str:
    """A part's text after its head: the head's own words (一、“十四五”时期…) are no mark of what it says."""
    at = part.find(heading, 0, len(heading) + 8)
    return part[at + len(heading):] if at >= 0 else part


def _five_years_reviewed(heading: str, period: str | None, part: str, year: int | None) -> str | None:
    """The plan's five years, for a part headed by their last year first (2025年和“十四五”时期工作回顾) whose
    first paragraph reads as a five-year review and names no single year (structure.toml, one_year_marks,
    five_year_opening_marks)."""
    from .components.periods import period_of

    if not (heading and period and period.isdigit()):
        return period
    at = rx(rf"(?<!\d){period}\s*年").search(heading)
    span = period_of(heading, len(heading), at.end(), year) if at else None
    if not _closes_span(span, period):
        return period
    first = part.partition("\n")[2].lstrip().partition("\n")[0]  # the paragraph after the heading
    rules = _rules()
    if rules["five_year_opening_marks"].search(first) and not rx(rules["one_year_marks"].format(year=period)).search(first):
        return span
    return period


def sentences(text: str, paras: list[Paragraph]) -> list[Sentence]:
    rules = _rules()
    out = []
    for para in paras:
        if para.kind == "furniture":
            continue
        pos = para.start
        for end in rules["sentence_end"].finditer(text, para.start, para.end):
            out.append(Sentence(pos, end.end()))
            pos = end.end()
        if pos < para.end:
            out.append(Sentence(pos, para.end))
    return out


def delivered_month(doc: Document) -> int | None:
    """The month of the year 今年 names in which the document was delivered (its manifest's `date`), if known."""
    said = regex.match(r"\s*((?:19|20)\d{2})-(\d{2})", str(doc.meta.get("date") or ""))
    return int(said.group(2)) if doc.year and said and int(said.group(1)) == doc.year else None


def delivered_early(doc: Document) -> bool:
    """Whether the document was delivered in the first months of the year 今年 names."""
    return (delivered_month(doc) or 13) <= _rules()["review_months"]


def _reviewed(heading: str, doc: Document) -> str | None:
    """The years a part of results reviews when its heading names none: the five before the document's year
    (…取得伟大成就的五年), or, in a document delivered early in its year, the year before."""
    if _rules()["five_year_heading"].search(heading.strip()):
        return f"{doc.year - 5}~{doc.year - 1}"
    return str(doc.year - 1) if delivered_early(doc) else None


def segment(doc: Document) -> Document:
    text = doc.text
    doc.paragraphs = paragraphs(text)
    builder = _Builder(doc)
    for para in doc.paragraphs:
        builder.add(para)
    articles = _merge_caption_headlines(builder.finish(), doc.paragraphs, text)
    for article in articles:
        article.sections = _sections(article, doc.paragraphs, text, doc.year, delivered_early(doc))
        for section in article.sections:
            if section.status == "actual" and section.period is None and doc.year:
                section.period = _reviewed(section.heading, doc)
    doc.articles = articles
    doc.sentences = sentences(text, doc.paragraphs)
    return doc
