"""Stage 6 — period and status: when a figure holds, and whether it is an actual, a target or an estimate.

The nearest time phrase before a figure in its sentence gives the period (patterns/periods.toml),
else the section's (【2023年工作成绩】 → 2023), else the document's year. The section gives the status
(成绩 → actual, 计划 → target); status words in the sentence before the figure override it
(预计 → expected; 力争, 目标 … → target; 目前已 … → actual), and a figure of an earlier year than a
plan section's is an actual.
"""
from __future__ import annotations

import bisect
import functools

from .. import patterns
from ..document import Document
from . import metrics
from .metrics import family, masked_between
from .quantities import parse_chinese_number, whole_number
from ..rx import Match, Pattern, last_of, longest_of, rx


@functools.cache
def _phrases():
    return [(rx(p["pattern"]), p["period"], p.get("rank_as_of", False), p.get("in_heading", p["period"]),
             p.get("needs", "")) for p in patterns.load("periods")["phrase"]]


@functools.cache
def _phrases_by_need() -> tuple[tuple[str, tuple], ...]:
    """The phrases grouped by the word they need, each with its place in the list: twelve phrases need 月,
    and a window without one is passed over at once."""
    groups: dict[str, list] = {}
    for k, (pattern, template, rank_as_of, in_heading, needs) in enumerate(_phrases()):
        groups.setdefault(needs, []).append((k, pattern, template, rank_as_of, in_heading))
    return tuple((needs, tuple(group)) for needs, group in groups.items())


@functools.cache
def _base_rule():
    return rx(patterns.load("periods")["base_state"]["before"])


@functools.cache
def _comparison_rule():
    return rx(patterns.load("periods")["comparison_base"]["before"])


@functools.cache
def _base_value_rule():
    return rx(patterns.load("periods")["comparison_base"]["value"])


def _base_value_period(text: str, q, floor: int, year: int | None) -> str | None:
    """比1980年的7159亿元, 比第五个五年计划期间的577亿元: the time of the base whose value the figure is,
    where it is one."""
    m = _base_value_rule().search(text, max(floor, q.start - 20), q.start)
    if not m:
        return None
    if m.group("year"):
        return m.group("year")
    for pattern, template, *_ in _phrases():  # a span named as the base: its own phrase gives its years
        named = pattern.fullmatch(text, m.start("span"), m.end("span"))
        if named:
            return _format(template, named, year)
    return None


def _base_of_another(text: str, m, start: int) -> bool:
    """常住人口由上年729万人增加到732万人，城镇化率达69.1%: 上年 after 由 dates the state the change
    started from, the one figure right after it, not the figures after that (由上年居世界第五位上升到第四位:
    a rank is a figure too); so does 去年同期 that says a base's value (去年同期为49.3亿元；工业投资占…), unless
    the figures between are a list it opens (从2020年的645元/月、4318元/年提高到…: both of 2020)."""
    based = _base_rule().search(text, max(0, m.start() - 2), m.start()) \
        or rx(patterns.load("periods")["base_state"]["value_after"]).match(text, m.end())
    return bool(based) \
        and bool(rx(r"[\d，,；;。]|第[一二三四五六七八九十]|[百千]分之").search(text, m.end(), start)) \
        and not rx(patterns.load("periods")["base_state"]["listed"]).fullmatch(text, m.end(), start)


@functools.cache
def _status_patterns(in_review: bool = False):
    return [(rx(p), rule["status"]) for rule in patterns.load("status")["rule"]
            if not (in_review and rule.get("weak")) for p in rule["patterns"]]


@functools.cache
def _any_status_word(in_review: bool = False) -> Pattern:
    """All the status patterns as one: most windows hold none of them, and one search says so (a window
    in which this finds nothing is one in which no single pattern finds anything)."""
    return rx("|".join(f"(?:{p.pattern})" for p, _ in _status_patterns(in_review)))


@functools.cache
def _early_plans() -> dict[int, int]:
    return {int(n): first for n, first in patterns.load("periods")["early_plan_first"].items()}


def _format(template: str, match, year: int | None, looked_back: int | None = None,
            last_year: int | None = None, now: int | None = None, ahead: bool = False,
            plan: tuple[int, int] | None = None, named: dict[int, tuple[int, int]] | None = None) -> str | None:
    if year is None and any(f"{{{key}}}" in template for key in ("year", "prev", "last", "next", "past", "now")):
        return None
    values = {"year": year, "prev": (year or 0) - 1, "last": last_year or (year or 0) - 1, "past": looked_back or year,
              "now": now or year}
    values["next"] = values["last"] + 2  # 明年: the year after the document's 今年, which 去年 is one before
    for key, val in (match.groupdict() if match else {}).items():
        if val is not None:
            values[key] = whole_number(val)
    if "nth" in values:  # “九五”: the ninth plan, named by its number alone
        values["plan"] = values["nth"] - 10
    if "plan" in values:  # the n-th five-year plan (十四五: n = 14) runs from 1951 + 5n
        values["plan_first"] = _early_plans().get(10 + values["plan"], 1951 + 5 * (10 + values["plan"]))
        values["plan_last"] = values["plan_first"] + 4
        values["plan_nth"] = values["plan_first"] + values.get("n", 5) - 1  # “十一五”前四年: its 4th year
    if "n" in values and year is not None:
        values["first"] = year - values["n"] + 1  # 连续三年 in 2023: 2021~2023
        values["past_first"] = values["past"] - values["n"] + 1  # 过去五年 in a 2008 report: 2003~2007
        values["ahead_last"] = year + values["n"] - 1  # 今后五年 in a 1993 report: 1993~1997
        told = (year, values["ahead_last"]) if ahead else (values["past_first"], values["past"])
        if plan and values["n"] == plan[1] - plan[0] + 1 and not ahead:
            told = plan  # 在五年内 in a report of 1955 on the first five-year plan: the plan's years
        if ahead and named and values["n"] in named:
            told = named[values["n"]]  # 两年 after 一九五三年和一九五四年两年, in a plan section: those two years
        values["told_first"], values["told_last"] = told  # 五年内: ahead in a section of plans, else looked back
    try:
        told = template.format(**values)
    except (KeyError, ValueError):
        return None
    first, tilde, last = told.partition("~")
    return first if tilde and first == last else _calendar_unit(told)  # 2025年以来, told in 2025: no span of one


def _calendar_unit(period: str) -> str:
    """1—6月 → 2024H1, 1—3月 → 2024Q1, 1—12月 → 2024: months that make a quarter, a half or the year are named so,
    as 上半年 and 一季度 are (see periods.toml, calendar_units)."""
    span = rx(r"(\d{4})-(\d{2})~(\d{4})-(\d{2})").fullmatch(period)
    if not span or span.group(1) != span.group(3):
        return period
    unit = patterns.load("periods")["calendar_units"].get(f"{span.group(2)}~{span.group(4)}")
    return span.group(1) + unit if unit is not None else period


def period_of(text: str, start: int, floor: int, year: int | None, rank: bool = False,
              streaks: tuple[int, ...] = (), looked_back: int | None = None, heading: bool = False,
              last_year: int | None = None, now: int | None = None, ahead: bool = False,
              plan: tuple[int, int] | None = None, named: dict[int, tuple[int, int]] | None = None) -> str | None:
    """The period of the nearest time phrase before `start`; a streak that is a fact of its own (its
    number's offset in `streaks`: 连续12年保持全国首位) is no time phrase for the figures after it.
    `looked_back` is the year 过去一年 means (its review section's, else the year before `year`); in a
    `heading`, a phrase reads as its `in_heading` template says. `last_year` is the year 去年 means: the
    one before the document's 今年, whatever year the section around it looks back on; `now` the year
    今年 means, where it is not `year` (see `_now_of`); `ahead`, that the section is one of plans, whose
    bare years (五年内) are the years ahead; `plan`, the years of the plan in focus (`plan_in_focus`), which
    bare five years outside a review or a plan section mean; `named`, the years the section has named by their
    count before `start` (`named_years_before`), which a bare N年 of that count means."""
    best, best_end = None, -1
    window = text[floor:start]
    base_clause = patterns.load("periods")["base_clause"]
    set_on = [(m.start() if m.group().startswith("在") else 0, m.end())
              for m in rx(base_clause["pattern"]).finditer(window)] if base_clause["needs"] in window else []
    best_k = len(_phrases())
    for needs, group in _phrases_by_need():
        if needs not in window:
            continue
        for k, pattern, template, rank_as_of, in_heading in group:
            template = in_heading if heading else template
            for m in pattern.finditer(text, floor, start):
                if any(m.start() <= s < m.end() for s in streaks) and _past_its_streak(text, m.end(), start, rank) \
                        or ("~" not in template and _base_of_another(text, m, start)) \
                        or _comparison_rule().search(text, max(0, m.start() - 12), m.start()) \
                        or any(floor + b <= m.start() and floor + e > m.end() for b, e in set_on) \
                        or _since_of_an_earlier_clause(text, floor, m, start) \
                        or _plan_year_of_an_earlier_clause(text, m, start):
                    continue  # (…的基础上: a time before the end of the base dates the base)
                if m.end() > best_end or m.end() == best_end and k < best_k:
                    # the nearest phrase; at a tie, the first in the list (the more specific)
                    best, best_end, best_k = (template, m, rank_as_of), m.end(), k
    if best is None:
        return None
    if "{told_first}" in best[0] and not ahead:
        looked_back = _latest_told(text, floor, best[1].start(), year) or looked_back
    period = _format(best[0], best[1], year, looked_back, last_year, now, ahead, plan, named)
    if rank and best[2] and period:
        return period.split("~")[-1]  # a rank under a streak (连续8年全国第一) stands at the streak's end
    return period


@functools.cache
def _since_rule():
    rule = patterns.load("periods")["since_in_clause"]
    return rule["needs"], rx(rule["pattern"]), rx(rule["clause_end"]), rule["list_head"]


def _since_of_an_earlier_clause(text: str, floor: int, m, start: int) -> bool:
    """…，今年以来新增412家；高新技术企业2973家: a span since a time, said inside its sentence, ends with its clause
    (unless its clause heads a list: …2022年以来七次活动项目进展为：…；…)."""
    needs, pattern, clause_end, list_head = _since_rule()
    if not m.group().endswith(needs):
        return False
    end = clause_end.search(text, m.end(), start)
    return bool(end) and end.group() not in list_head and bool(pattern.search(text, floor, m.end()))


@functools.cache
def _plan_year_rule():
    rule = patterns.load("periods")["plan_year_in_clause"]
    return rx(rule["pattern"]), rx(rule["clause_end"])


def _plan_year_of_an_earlier_clause(text: str, m, start: int) -> bool:
    """…年内计划新开工项目90个，已开工74个: the plan's year dates the plan's clause only."""
    plan, clause_end = _plan_year_rule()
    said = plan.match(text, m.start())
    return bool(said) and said.end() == m.end() and bool(clause_end.search(text, m.end(), start))


@functools.cache
def _named_years_rule():
    return rx(patterns.load("periods")["named_years"]["pattern"])


def named_years_before(text: str, region: tuple[int, int], start: int, memo: dict) -> dict[int, tuple[int, int]]:
    """The spans the region (a section, else the article) names with their count before `start`
    (一九五三年和一九五四年两年 → {2: (1953, 1954)}), the latest of each count; only those whose count fits their
    two ends. The region is searched once (`memo`)."""
    if region not in memo:
        lo, hi = region
        found = []
        if patterns.load("periods")["named_years"]["needs"] in text[lo:hi]:
            for m in _named_years_rule().finditer(text, lo, hi):
                first, last, n = int(m["first"]), int(m["last"]), int(parse_chinese_number(m["n"]) or 0)
                if last - first + 1 == n:
                    found.append((m.end(), n, (first, last)))
        memo[region] = found
    return {n: span for end, n, span in memo[region] if end <= start}


def _past_its_streak(text: str, streak_end: int, start: int, rank: bool) -> bool:
    """Whether a streak that is a fact of its own leaves the figure at `start` undated: a rank under it
    stands at its end (连续8年全国第一), and a figure past its clause is another matter; a level it held, in
    its own clause, is of its years (粮食总产量连续9年稳定在1300亿斤以上 → the nine years)."""
    return rank or bool(rx(r"[，,；;。：:]").search(text, streak_end, start))


def _latest_told(text: str, floor: int, start: int, year: int | None) -> int | None:
    """The latest year the sentence has told of before a bare 两年 that sums them up (1981年比1980年增长5.7%，
    1982年预计比1981年增长5%，两年平均每年递增5.3%: the two years end in 1982, not in the year reviewed)."""
    told = [int(y) for y in rx(r"(?<!\d)((?:19|20)\d{2})年").findall(text, floor, start)]
    told = [y for y in told if year is None or y <= year]
    return max(told) if told else None


@functools.cache
def _status_scope(name: str):
    """A pattern of status.toml's [scope]: target (a sentence's), paragraph_target, paragraph_expected, sentence_frame."""
    return rx(patterns.load("status")["scope"][name])


def _after_own_base(text: str, q, floor: int) -> str | None:
    """A planned figure set against the very year it was dated (计划草案拟定，工业总产值比1964年增长11%左右, in
    the 1964 report): the plan is for the year after its base."""
    if q.status != "target" or not q.period or not q.period.isdigit():
        return None
    base = rx(r"比(?P<y>(?:19|20)\d{2})年[^，。；]*$").search(text, floor, q.start)
    return str(int(q.period) + 1) if base and base.group("y") == q.period else None


def _estimated_from(doc: Document, region: tuple[int, int], memo: dict) -> float:
    """Where a region's (a section's, else the article's or the document's) figures start being estimates: after a
    paragraph that opens by saying so."""
    if region not in memo:
        start, end = region
        found = (_status_scope("paragraph_expected").match(doc.text, p.start, p.end) for p in doc.paragraphs
                 if start <= p.start < end and "预计" in doc.text[p.start:p.start + 12])
        memo[region] = next((m.end() for m in found if m), float("inf"))
    return memo[region]


def _in_plan_paragraph(doc: Document, at: int, memo: dict) -> bool:
    """Whether `at` follows the opening of a paragraph that lists a plan's requirements."""
    k = bisect.bisect_right(doc.paragraphs, at, key=lambda p: p.start) - 1
    if k < 0:
        return False
    if k not in memo:
        found = _status_scope("paragraph_target").match(doc.text, doc.paragraphs[k].start, doc.paragraphs[k].end)
        memo[k] = found.end() if found else None
    return memo[k] is not None and memo[k] <= at


@functools.cache
def _status_bracketed():
    return [(status, rx(p)) for status, p in patterns.load("status")["bracketed"].items()]


@functools.cache
@functools.cache
def _estimated_base():
    return rx(patterns.load("status")["estimated_base"]["pattern"])


def _status_after():
    spec = patterns.load("status")
    return [(rx(p), status, reach) for table, reach in spec["after_reach"].items()
            for status, p in spec.get(table, {}).items()]


def status_of(text: str, start: int, floor: int, default: str, end: int | None = None, review: bool = False) -> str:
    if text[start - 1:start] in "（(" and end is not None and text[end:end + 1] in "）)":
        said = next((status for status, p in _status_bracketed() if p.search(text, max(floor, start - 12), start - 1)), None)
        if said:
            return said
    if end is not None:
        for pattern, status, reach in _status_after():
            if pattern.match(text[end:end + reach]):
                return status
    segment = max(floor, last_of("；;", text, floor, start) + 1)  # a status word governs its segment
    segment = _after_last_contrast(text, segment, start)
    # (the figure itself is in the window for the words before it to look at: 计划完成102.6% is the plan's
    # outcome, 计划完成120亿元 a plan; no status word is read inside it)
    found = _nearest_status(text, segment, end if end is not None else start, start, review)
    if found is None and segment > floor:
        # …but the words that open a list with a colon govern all its ；-items (工业产品的一九五四年预计产量…：
        # 电力一百零八亿度…；原煤八千一百九十九万吨…: both estimates)
        colon = last_of("：:", text, floor, segment)
        if colon >= 0 and last_of("。！？", text, colon, segment) < 0:
            found = _nearest_status(text, floor, colon, colon, review)
        # (…and so do a sentence's opening words that say only its status and time: 预计全年，…增长9%左右；物流园区
        # 货运量达到3450万吨左右: both estimates)
        frame = _status_scope("sentence_frame").match(text, floor) if found is None else None
        if frame and frame.end() <= segment:
            found = _nearest_status(text, floor, frame.end(), frame.end(), review)
    return found or _fallback_status(text, segment, start) or default


@functools.cache
def _fallback_rules():
    return [(rx(p), status) for status, p in patterns.load("status")["fallback"].items()]


def _fallback_status(text: str, segment: int, start: int) -> str | None:
    """The status a weaker sign in the figure's own clause says where no status word does (a verb's 了)."""
    clause = max(segment, last_of("，,：:", text, segment, start) + 1)
    return next((status for pattern, status in _fallback_rules() if pattern.search(text, clause, start)), None)


def _nearest_status(text: str, floor: int, end: int, start: int, review: bool) -> str | None:
    """The status the word nearest `start` in text[floor:end] says, or None where no word says one."""
    window = _without_quoted_names(masked_between(text, floor, end))
    if not _any_status_word(review).search(window):
        return None
    best, best_end = None, -1
    for pattern, status in _status_patterns(in_review=review):
        for m in pattern.finditer(window):
            if best_end < m.end() <= start - floor and not _not_status().match(text, floor + m.start()):
                best, best_end = status, m.end()  # the status word nearest the number wins
    return best


@functools.cache
def _contrast():
    return rx(patterns.load("status")["contrast"]["pattern"])


def _after_last_contrast(text: str, floor: int, start: int) -> int:
    """Where the last contrast (，但是) before `start` ends its clause's status words' reach, else `floor`."""
    last = None
    for last in _contrast().finditer(text, floor, start):
        pass
    return last.start() + 1 if last else floor


def _without_quoted_names(window: str) -> str:
    """为继续落实“两个确保”和“三条保障线”: a short quotation names a programme; its words (确保) are no status
    of the figures after it. Masked, not cut, so that offsets in the window stay those of the text."""
    return _QUOTED_NAME.sub(lambda m: "“" + "＿" * (len(m.group()) - 2) + "”", window)


_QUOTED_NAME = rx(r"“[^“”，。；！？]{1,12}”")


@functools.cache
def _not_status():
    return rx(patterns.load("status")["not_status"]["disposal"])


def _year_of(period: str | None) -> int | None:
    m = rx(r"(\d{4})").match(period or "")
    return int(m.group(1)) if m else None


def _overlaps(period: str, span: str | None) -> bool:
    """2025 and 2020~2025 overlap 2021~2025; 2030 and 2020 do not."""
    first, last = _year_of(period), _last_year_of(period)
    return bool(first and last and _year_of(span) and first <= _last_year_of(span) and last >= _year_of(span))


def _last_year_of(period: str | None) -> int | None:
    m = rx(r"(?:\d{4}[^~]*~)?(\d{4})").match(period or "")
    return int(m.group(1)) if m else None


def _now_of(section, doc_year: int | None) -> int | None:
    """The year 今年 means in a section that reviews one year under a heading naming the document's year too
    (一、1998年工作回顾和1999年工作的总体要求 in the 1999 report): the document's, not the reviewed one."""
    heading = section.heading if section else None
    if heading and doc_year and rx(rf"(?<!\d){doc_year}年").search(heading):
        return doc_year
    # a section of a year still to come (1982年是第六个五年计划的第二年 in a report of December 1981): its
    # 今年 is the year the report is written in, the one the plan grows from (由今年预计的3%提高到4%)
    if section and doc_year and (_section_year(section.period, doc_year) or 0) > doc_year:
        return doc_year
    return None


def _section_year(period: str | None, doc_year: int | None) -> int | None:
    """The year a section's 今年 and 一年来 mean. A span's is its last year when the span is over by the
    document's year (“十四五”时期…回顾 in a 2026 report: 2025), else its first (“十五五”时期…: 2026)."""
    span = rx(r"(\d{4})~(\d{4})$").match(period or "")
    if span and doc_year and int(span.group(2)) < doc_year:
        return int(span.group(2))
    return _year_of(period)


@functools.cache
def _before_state():
    spec = patterns.load("periods")["before_state"]
    return rx(spec["before"]), rx(spec["after"])


@functools.cache
def _span_rules():
    spec = dict(patterns.load("periods")["span_ends"])
    listed = spec.pop("listed")  # a piece of the rules, not a rule of its own
    return {k: rx(v.replace("{listed}", listed)) for k, v in spec.items()}


def _clause_start(text: str, q, floor: int) -> int:
    return max(floor, last_of("，；。,;", text, floor, q.start) + 1)


def _span_end(text: str, q, floor: int, reviewed: bool = False, sectioned: bool = False,
              planned: bool = False) -> str | None:
    """从0.94万家增加到2.8万家 in 2021~2025: 2020 and 2025, the states at the span's two ends. A year that a
    review looks back on is a span of one: 部门从40个减少到29个 in the review of 1998 starts from 1997; so is a
    year planned (低保标准从每人每月2375元提高到2423元 in the plan for 2026 starts from 2025's level).
    `sectioned`: the span is the section's (a five-year review), not a time the text gives the figure (五年来,
    2022年以来: what follows such a time is what the span did)."""
    span = rx(r"(\d{4})~(\d{4})").fullmatch(q.period or "")
    if span:
        first, last = span.groups()
    elif (reviewed or planned) and (q.period or "").isdigit():
        first, last = q.period, None  # a level reached is the year's own: its period stands
    else:
        return None
    rules = _span_rules()
    clause = text[_clause_start(text, q, floor):q.start]
    if rules["keep"].search(clause) and not _own_end(clause):
        return None
    if rules["start"].search(clause):
        return str(int(first) - 1)
    if not sectioned and span and _spent_over(q, clause):
        return None  # 五年来，国家财政…扶贫资金达480亿元: what was spent over the span the text names is its sum
    if rules["end"].search(clause) or _reaches_state(clause) or _passes_a_mark(text, q, clause):
        return last
    if sectioned and last and q.aspect in ("value", "share") and _bare_level(clause, text[q.end:q.end + 3]):
        return last
    return None


def _passes_a_mark(text: str, q, clause: str) -> bool:
    """超过6万亿元, 新增1700公里、突破7000公里 in 2021~2025: a level the span got past, said by the figure's own
    qualifier, is the state at its end, unless its own words say what the span did (新增就业超过500万人)."""
    rules = _span_rules()
    if q.approx != "over" or not rules["passed"].fullmatch(text[q.start:q.number_start]) \
            or rules["passed_not"].search(clause) or not (_bare_level_rules()[1].match(text[q.end:q.end + 3])
                                                           or rules["passed_attribute"].match(text[q.end:q.end + 1])
                                                           and rules["passed_attribute_first"].search(clause)):
        return False  # (the figure closes its clause: 超过200家世界500强企业在陕设立… says its verb after it)
    return not _bare_level_rules()[0].search(_state_rules()[1].sub("", clause))


@functools.cache
def _bare_level_rules():
    spec = patterns.load("periods")["span_bare_level"]
    return (rx(spec["done"]), rx(spec["closes"]), rx(spec["held"]),
            rx(spec["rate_name"]))


def _bare_level(clause: str, after: str) -> bool:
    """生产总值6.66万亿元, 国家级农业产业化龙头企业119家 in 2021~2025: a level named with no verb before it,
    closing its clause, is the state at the span's end (改造农村危房5.2万户 is what the span did)."""
    done, closes, held, rate_name = _bare_level_rules()
    if not clause.strip() or not closes.match(after) or done.search(clause):
        return False
    if rate_name.search(clause):
        return True  # 受污染耕地安全利用率: the verbs are inside the rate's name
    return not any(flag.startswith("v") and flag != "vn" for _, flag in metrics.tagged(held.sub("", clause)))


@functools.cache
def _state_rules():
    spec = patterns.load("periods")["span_end_state"]
    return rx(spec["listed_before"]), rx(spec["figure_before"]), rx(spec["from_to"])


def _reaches_state(clause: str) -> bool:
    """分别达到93.5%、64.3%, 由51家整合为33家: a state reached at the span's end, said otherwise than by an end
    word right before the figure."""
    listed_before, _, from_to = _state_rules()
    if listed_before.search(clause):
        return bool(_span_rules()["end"].search(listed_before.sub("", clause)))
    return bool(from_to.search(clause))


def _own_end(clause: str) -> bool:
    """新增16条、达到54条: the words after the clause's earlier figure are this figure's own, and end its span."""
    rules = _span_rules()
    own = _state_rules()[1].sub("", clause)
    return own != clause and bool(rules["end"].search(own)) and not rules["keep"].search(own)


def _is_before(period: str | None, year: int | None) -> bool:
    return bool(year and period and period.isdigit() and int(period) < year)


@functools.cache
def _span_sum_rules():
    return {k: rx(v) for k, v in patterns.load("periods")["span_sum"].items()}


def _spent_over(q, clause: str) -> bool:
    rules = _span_sum_rules()
    return q.aspect == "value" and q.kind.startswith("money") and bool(rules["reached"].search(clause)) \
        and bool(rules["spent"].search(q.metric or ""))


def _says_span_end(text: str, q, floor: int, period: str | None, year: int | None) -> bool:
    """In a span's section, a clause whose own words place its figure in the span (从…, 达到, 年均, 稳定在)
    and that names no time of its own is not dated by a time phrase of an earlier clause."""
    if not rx(r"\d{4}~\d{4}").fullmatch(period or ""):
        return False
    clause_start = _clause_start(text, q, floor)
    if period_of(text, q.start, clause_start, year):
        return False
    clause = text[clause_start:q.start]
    opener = _span_sum_rules()["opener"].match(text, floor, clause_start)
    if opener and _spent_over(q, clause) and period_of(text, q.start, floor, year) == period:
        return False  # 五年来，…资金达480亿元: the span that opens the sentence is the sum's, not another clause's
    return any(rule.search(clause) for rule in _span_rules().values())


@functools.cache
def _rank_held_over():
    spec = patterns.load("periods")["rank_in_span"]
    return rx(spec["held_over"]), rx(spec["summed"]), rx(spec["all_of_them"])


def _rank_held(text: str, q, floor: int) -> bool:
    held_over, summed, all_of_them = _rank_held_over()
    clause_start = _clause_start(text, q, floor)
    return bool(held_over.search(text, clause_start, q.start)
                or all_of_them.match(text, clause_start, q.start) and summed.search(text, floor, clause_start))


def _rank_at_span_end(text: str, q, floor: int) -> str | None:
    """A rank (or a streak) dated only by its section's span (2021~2025) stands at the span's end, unless
    its sentence says the rank was held over it. A streak is always counted up to its end: an earlier clause
    that held a standing (进出口规模稳居全国第二，…实际使用外资连续8年全国第一) is not the streak's."""
    span = rx(r"\d{4}~(\d{4})").fullmatch(q.period or "")
    if not (q.is_rank or q.kind == "streak") or not span \
            or q.kind != "streak" and _rank_held(text, q, floor):
        return None
    if _span_rules()["start"].search(text, _clause_start(text, q, floor), q.start):
        return None  # 从全国第12位跃升至第5位: the rank the span started from (_span_end)
    return span.group(1)


@functools.cache
def _compared():
    spec = patterns.load("periods")["difference_as_of"]
    return rx(spec["right_after"].replace("{words}", spec["words"])), rx(spec["words"])


def _difference_as_of(text: str, q, floor: int, before, span: str | None) -> str | None:
    """高于全国平均水平4.9个百分点: the time of the figure the difference follows in its clause; with none before
    it in its sentence, in a section of a span, the span's end (see periods.toml [difference_as_of])."""
    if q.aspect != "difference":
        return None
    if before is not None and before.start >= floor:
        return before.period if _compared()[0].match(text, before.end, q.start) else None
    last = rx(r"\d{4}~(\d{4})").fullmatch(span or "")
    clause = text[_clause_start(text, q, floor):q.start]
    if last and q.period == span and _compared()[1].search(clause) \
            and not _span_rules()["keep"].search(clause):
        return last.group(1)
    return None


@functools.cache
def _base_year():
    return rx(patterns.load("periods")["comparison_base"]["year"])


def _span_since_base(text: str, q, floor: int, opening: tuple[int, int] | None = None) -> str | None:
    """2007年，国内生产总值…比2002年增长65.5%，年均增长10.6%: a growth against a year before the last is
    the growth over the years since that base, 2003~2007; the base holds for the growths after it in
    its sentence, and for those of the next sentences where it opened a sentence whose time they carry
    (`opening`: 1992年同1987年相比，…。铁路货运周转量增长23%)."""
    if q.aspect not in ("growth", "change"):
        return None
    last = rx(r"(?:\d{4}~)?(\d{4})$").fullmatch(q.period or "")
    bases = list(_base_year().finditer(text, floor, q.start)) or \
        (list(_base_year().finditer(text, *opening)) if opening else [])
    if not last or not bases or not (bases[-1].group("y") or bases[-1].group("ago")):
        return None  # …；比上年增长6.1%: a nearer base of the year before is the year's growth
    end = int(last.group(1))
    ago = bases[-1].group("ago")  # 比五年前增加5000万吨 (in 1997): the base is the year five before, 1992
    back = whole_number(ago)
    base = int(bases[-1].group("y")) if bases[-1].group("y") else end - back
    return f"{base + 1}~{end}" if base < end - 1 else None


@functools.cache
def _year_start_rule():
    rule = patterns.load("periods")["since_year_start"]
    return rule["needs"], rx(rule["pattern"])


def _months_since_year_start(text: str, q) -> str | None:
    """截至8月底，…外贸企业128家，比年初增加19家: a change since the year's start, as of a month's end, spans
    the months from January to that end (2024-01~2024-08; the first half, 2024H1, to June's)."""
    month = rx(r"(\d{4})-(\d{2})").fullmatch(q.period or "")
    if q.aspect != "change" or not month:
        return None
    needs, pattern = _year_start_rule()
    clause = text[_clause_start(text, q, 0):q.start]
    if needs not in clause or not pattern.search(clause):
        return None
    year, last = month.groups()
    return _calendar_unit(f"{year}-01~{year}-{last}")  # (截至6月底，…较年初增加42个 → 上半年: 2024H1)


@functools.cache
def _framed_start_rule():
    spec = patterns.load("periods")["framed_start"]
    return rx(spec["pattern"]), tuple(spec["needs"])


def _frame(text: str, floor: int, start: int, opening: tuple[int, int] | None):
    """The two times that frame the sentence (从1980年至1985年, 1985年同1980年相比), before the figure or in the
    opening its time was carried from."""
    pattern, needs = _framed_start_rule()
    for left, right in ((floor, start), opening or (0, 0)):
        if any(word in text[left:right] for word in needs):
            frame = pattern.search(text, left, right)
            if frame:
                return frame
    return None


def _framed_start(text: str, floor: int, start: int, opening: tuple[int, int] | None) -> str | None:
    """从1980年至1985年，原煤产量由6.2亿吨增加到…: the earlier of the two years that frame the sentence (or
    the opening its time was carried from), where the figure a change started from stands."""
    frame = _frame(text, floor, start, opening)
    if frame and frame.group("first").isdigit():
        return frame.group("first")
    if frame:  # a plan's name: its years
        return next((_format(template, m, None) for phrase, template, _, _, _ in _phrases()
                     for m in [phrase.search(text, frame.start("first"), frame.end("first"))] if m), None)
    return None


def _framed_compare(text: str, floor: int, start: int, opening: tuple[int, int] | None) -> bool:
    """Whether the sentence's frame compares two times (1985年同1980年相比) rather than runs from one to the
    other (从1980年至1985年)."""
    frame = _frame(text, floor, start, opening)
    return bool(frame) and not frame.group().startswith("从")


def _former_state(text: str, q) -> bool:
    """时限由238天压缩至58天: the 238天 is where the change started, a state of no stated period."""
    before, after = _before_state()
    return bool(before.search(text[max(0, q.start - 6):q.start]) and after.match(text[q.end:q.end + 12]))


@functools.cache
def _after_period():
    return [(rx(p), kind) for kind, p in patterns.load("status").get("after_period", {}).items()]


@functools.cache
def _before_period():
    return [(rx(p), kind) for kind, p in patterns.load("status").get("before_period", {}).items()]


def _named_for_the_year(text: str, q, floor: int) -> bool:
    """一季度…年度计划投资1.1亿元: the words that name the figure say it is the year's (but a gap in points to the
    year's target, 增速低于年度目标1.2个百分点, is measured now)."""
    if q.kind in ("pp", "ppt"):
        return False
    clause = text[_clause_start(text, q, floor):q.start]
    return any((m := p.search(clause)) and "的" not in m.group() for p, kind in _before_period() if kind == "year")


def _plan_by_nature(metric: str | None) -> bool:
    return bool(metric) and metric.endswith(tuple(patterns.load("status")["metric_status"]["target"]))


@functools.cache
def _opening_in_paragraph():
    """An opening time at the start of any sentence: only then can a later sentence carry one."""
    return rx(r"(?:^|(?<=[。！？!?；;，,\n][”’」』）)]*)|(?<=" + _news_marker().pattern + r"))"
              + patterns.load("periods")["carried_opening"]["pattern"])


@functools.cache
def _news_marker():
    """本刊讯 1—10月，…: a news item's marker stands before its opening time, which it does not displace."""
    return rx("(?:" + longest_of(patterns.load("structure")["news_markers"]) + r")[ \t]*")


def _after_news_marker(text: str, start: int, end: int) -> int:
    marker = _news_marker().match(text, start, end)
    return marker.end() if marker else start


def _carried_as_of(doc: Document, index: int, year: int | None, memo: dict,
                   looked_back: int | None = None) -> tuple[str | None, tuple[int, int] | None]:
    """截至6月底，市场主体达52692户…。市场主体质量进一步提升，企业占比76.17%: an as-of phrase that
    opens a sentence holds for the next sentences of its paragraph that name no time of their own; so does
    a time that opens one (过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…; 1984年，我国农业又
    获得了大丰收。粮食产量达到…). Returns the period carried and the span of the opening it came from, where a
    comparison's base is read (1992年同1987年相比，…)."""
    if index in memo:
        return memo[index]
    text, carried, opened = doc.text, None, None
    this = doc.sentences[index]
    rule = patterns.load("periods")["carried_opening"]
    before = text[text.rfind("\n", 0, this.start) + 1:this.start]
    if not any(word in before for word in rule["needs"]) or not (
            _opening_in_paragraph().search(before) or rx(rule["published_year"]).search(before)):
        return None, None  # no opening time earlier in the paragraph: nothing to carry (the common case, cheap)
    if index > 0:
        prev, this = doc.sentences[index - 1], doc.sentences[index]
        if "\n" not in text[prev.start:this.start] and not rx(rule["since_opening"]).match(text, this.start):
            opening, scene = _opening_of(doc, prev, rule)
            if opening and _anaphor().search(opening.group()):
                carried = _antecedent_span(doc, index - 1, year)  # 在这个期间，: the span named before it
                opened = opening.span()
            elif opening:
                carried = period_of(text, opening.end(), prev.start, year, looked_back=looked_back)
                opened = opening.span()
            elif scene:
                carried = period_of(text, scene.end(1), prev.start, year, looked_back=looked_back)
                opened = scene.span(1)
            elif not period_of(text, prev.end, prev.start, year):
                carried, opened = _carried_as_of(doc, index - 1, year, memo, looked_back)
    memo[index] = carried, opened
    return carried, opened


@functools.cache
def _breakdown_rule():
    return rx(patterns.load("periods")["breakdown_paragraph"]["pattern"])


def _opens_a_breakdown(text: str, start: int) -> bool:
    """分区看，…: the paragraph of the sentence at `start` breaks down the figures told before it."""
    return bool(_breakdown_rule().match(text, text.rfind("\n", 0, start) + 1))


def _opening_of(doc: Document, sentence, rule: dict) -> tuple[Match | None, Match | None]:
    """The time a sentence opens on (at its start, or at a later clause's: see _opening_clause), else the year of
    its scene (see _scene_clause): what it carries to the sentences after it."""
    opening = rx(rule["pattern"]).match(doc.text, _opening_clause(doc, sentence, rule), sentence.end)
    return opening, None if opening else _scene_clause(doc, sentence)


def _yearly_average(text: str, q, floor: int, carried: str, opening: tuple[int, int]) -> bool:
    """平均每年递增百分之四: a figure whose clause says it is a yearly average, which the single year an earlier
    sentence opened on does not date (a comparison of two years, 1982年同1978年相比，, names the span itself)."""
    rule = patterns.load("periods")["carried_opening"]
    if not carried.isdigit() or not rx(rule["bare_year"]).fullmatch(text, *opening):
        return False
    clause = max(floor, last_of("，,；;、", text, floor, q.start) + 1)
    return rx(rule["yearly_average"]).search(text, clause, q.start) is not None


def _opening_clause(doc: Document, sentence, rule: dict) -> int:
    """Where a sentence's opening time stands: at its start, or at the first clause that opens on a time before any
    figure, where no other clause names a time of its own (钢铁工业，1979年钢产量比上年增加270万吨; 今年以来，大同
    经开区坚持…，1—10月，全区新签约项目58个). The sentence's start where it has none."""
    text, opening = doc.text, rx(rule["pattern"])
    begin = _after_news_marker(text, sentence.start, sentence.end)
    if opening.match(text, begin, sentence.end):
        return begin
    k = bisect.bisect_left(doc.quantities, sentence.start, key=lambda q: q.start)
    first = min(doc.quantities[k].start if k < len(doc.quantities) else sentence.end, sentence.end)
    since = rx(rule["since_opening"]).match(text, begin, first)
    at, other = since.end() if since else begin, rx(rule["other_time"])
    while (comma := text.find("，", at, first)) != -1:
        if other.search(text, at, comma):
            break  # 经过第一个五年计划期间的努力，一九五七年…: an earlier clause's time is the topic
        at = comma + 1
        found = opening.match(text, at, sentence.end)
        if found:
            later = other.search(text, found.end(), sentence.end)
            goal = rx(rule["goal_of_year"]).match(text, found.end(), sentence.end)
            return begin if later or goal else at
    return begin


def _own_year_in_span(text: str, opening: tuple[int, int], carried: str, section) -> bool:
    """2025年四大主导产业占GDP比重…提高约14个百分点。旅游业提质升级，新增国家级旅游度假区2个…, in a review of
    2021~2025: a year inside the section's span glued to its sentence's subject dates that sentence alone;
    the next sentences are the span's again (a year outside it still carries: 1958年… after the first plan)."""
    return bool(section) and "~" in (section.period or "") and carried.isdigit() \
        and _overlaps(carried, section.period) and not rx(r"[，,]\s*$").search(text[opening[0]:opening[1]])


def _scene_clause(doc: Document, sentence) -> Match | None:
    """The year opening the last clause of a sentence that states no figure (…，1978年仍然夺得了丰收。), or the year
    of an evaluation it says was published (近日，省商务厅公布2023年度开发区亩均效益综合评价结果。)."""
    end = sentence.end - 1 if doc.text[sentence.end - 1:sentence.end] in "。！？!?" else sentence.end
    rule = patterns.load("periods")["carried_opening"]
    found = rx(rule["scene_clause"]).search(doc.text, sentence.start, end) \
        or rx(rule["published_year"]).search(doc.text, sentence.start, end)
    if not found:
        return None
    k = bisect.bisect_left(doc.quantities, sentence.start, key=lambda q: q.start)
    return None if k < len(doc.quantities) and doc.quantities[k].start < sentence.end else found


@functools.cache
def _anaphor():
    return rx(patterns.load("periods")["anaphoric_span"]["pattern"])


def _antecedent_span(doc: Document, index: int, year: int | None) -> str | None:
    """在这个期间: the first span named by the nearest sentence of the paragraph before that names a time."""
    text = doc.text
    while index > 0:
        prev, this = doc.sentences[index - 1], doc.sentences[index]
        if "\n" in text[prev.start:this.start]:
            return None
        told = sorted((m.start(), period) for pattern, template, *_ in _phrases()
                      for m in pattern.finditer(text, prev.start, prev.end)
                      if (period := _format(template, m, year)))
        if told:
            return next((period for _, period in told if "~" in period), None)
        index -= 1
    return None


def plan_in_focus(text: str, year: int | None) -> tuple[int, int] | None:
    """The five-year plan the document names whose years hold its own year (第一个五年计划 in a report of 1955)."""
    if not year:
        return None
    rule = patterns.load("periods")["plan_in_focus"]
    if rule["needs"] not in text:
        return None
    for m in rx(rule["pattern"]).finditer(text):
        span = _format("{plan_first}~{plan_last}", m, year)
        first, last = map(int, span.split("~")) if span else (0, 0)
        if first <= year <= last:
            return first, last
    return None


def titled_plan(doc: Document) -> tuple[int, int] | None:
    """The five-year plan a document reports on, by its title or opening line (关于发展国民经济的第一个五年计划的报告)."""
    rule = patterns.load("periods")["titled_plan"]
    title = rx(rule["title"]).search(doc.title + " " + doc.text[:rule["opening_chars"]])
    return plan_in_focus(title.group(), doc.year) if title else None


def _in_titled_plan(text: str, q, floor: int, plan: tuple[int, int]) -> str:
    """The period of a planned figure with no time of its own, in a report on a plan: a level reached is the plan's
    last year's, anything else its whole span's."""
    reached = q.aspect == "value" and rx(patterns.load("periods")["titled_plan"]["reached"]).search(
        text, _clause_start(text, q, floor), q.start)
    return str(plan[1]) if reached else f"{plan[0]}~{plan[1]}"


def _running_year_plan(text: str, q, floor: int, year_running: bool) -> bool:
    """A result said of a year still running (a report of June) with no word that it has passed: the year's plan."""
    return year_running and q.status == "actual" \
        and not rx(patterns.load("periods")["year_running"]["passed"]).search(text, floor, q.start)


def _reviews_last_year(doc: Document) -> bool:
    """A work report delivered in the first months of its year: what it says was done, it did the year before
    (a weekly of the same months reports its own weeks, so the genre, not the date alone, decides)."""
    from ..segment import delivered_early

    return delivered_early(doc) and any(genre in doc.title for genre in patterns.load("periods")["reviewing_genres"])


def _told_whole_year(text: str, floor: int, q, own: str | None, section, doc_year: int) -> bool:
    """全年货物进出口总额…, under no dated heading: the whole of the year the sentence tells of."""
    return own == str(doc_year) and not (section and section.period) \
        and rx(patterns.load("periods")["told_year"]).search(text, floor, q.start) is not None


def _year_running(doc: Document) -> bool:
    """A work report delivered before its year is out (its manifest's `date`: 1956-06): it can tell no result of
    that whole year."""
    from ..segment import delivered_month

    spec = patterns.load("periods")
    return (delivered_month(doc) or 13) <= spec["year_running"]["last_month"] \
        and any(genre in doc.title for genre in spec["reviewing_genres"])


@functools.cache
def _part_rules():
    spec = patterns.load("periods")["part_of_figure"]
    return rx(spec["opening"]), rx(spec["next_part"]), rx(spec["start_of_change"])


def _part_of_figure(text: str, q, before, whole):
    """The figure whose part q is (…4.45亿千瓦，其中水电9601万千瓦、核电384万千瓦: the 4.45亿千瓦), else None."""
    if before is None or before.kind != q.kind:
        return None
    opening, next_part, start_of_change = _part_rules()
    between = text[before.end:q.start]
    if start_of_change.search(between):
        return None
    if opening.match(between):
        return before
    return whole if whole is not None and next_part.match(between) else None


def _breaks_down(text: str, floor: int, told) -> bool:
    """Whether the sentence at `floor` opens on 其中 right after the figures of the sentence before: it breaks
    them down, and what it says with no time of its own is of their time. A 其中 can only look back, so a
    paragraph break right after their sentence (a column line ending on its stop reads as one) does not part them."""
    if told is None or _part_rules()[0].match(text[floor:floor + 8]) is None:
        return False
    between = text[told.end:floor]
    return "\n" not in between or not _sentence_stop().search(_sentence_stop_at_end().sub("", between))


@functools.cache
def _sentence_stop():
    return rx(r"[。！？!?\n]")


@functools.cache
def _sentence_stop_at_end():
    return rx(r"[。！？!?][”’」』）)]*\s*$")


def _within_year(period: str | None, year: str | None) -> bool:
    """2024Q3 within 2024: a part of the year (a total's quarter or months), which a part of the total, said
    with no time of its own under the year alone, shares."""
    return bool(period and year and year.isdigit() and period != year and period.startswith(year))


def _growth_to_year(told, q) -> bool:
    """一九五七年…零售总额…比一九五二年增长百分之八十左右。其中：国营商业约增长百分之一百三十三点二: a growth
    that breaks down a growth over the years up to the year it is told under grows over those years too."""
    return q.aspect == told.aspect == "growth" and bool(told.period and q.period) \
        and "~" in told.period and told.period.endswith("~" + q.period)


def _title_period(article, year: int | None, memo: dict) -> str | None:
    """全省开发区前三季度主要经济指标运行平稳: the time an article's title names is the time of its figures that
    name none and stand under no dated section (从项目建设看，全省开发区新开工项目418个 → 1~9月)."""
    if article is None or not article.title:
        return None
    if article.start not in memo:
        memo[article.start] = period_of(article.title, len(article.title), 0, year)
    return memo[article.start]


def _plan_titled(article, year: int | None, memo: dict) -> bool:
    """2026年全省开发区工作要点, told in 2026: an article whose title names a plan of work (patterns/structure.toml
    plan_titles) on no time that is over states targets, wherever no section head says otherwise."""
    if article is None or not article.title:
        return False
    if article.start not in memo:
        period = period_of(article.title, len(article.title), 0, year)
        memo[article.start] = any(w in article.title for w in patterns.load("structure")["plan_titles"]) \
            and not (year and period and (_last_year_of(period) or year) < year)
    return memo[article.start]


def _lead_period(doc: Document, article, q, year: int | None, memo: dict) -> str | None:
    """本刊讯 1—10月，全省开发区实现规上工业增加值…。（next paragraph）全省开发区完成固定资产投资…: the time a news
    item opens on (or the year of the evaluation its first sentence announces) is the time of its later paragraphs'
    figures that name none; it refines a title's month (全省开发区10月份主要经济指标 → 1~10月) but does not replace
    a title's other time. A report's first sentence that states a figure does the same where it opens on a part of
    the year (今年以来，…成效明显。1—9月，运城市开发区完成进出口总额…。 / 分开发区看，…) or on a year before the
    issue's (2023年，全区研发经费投入…, in an issue of 2024: 创新主体不断壮大。全区高新技术企业达到186家 is 2023's
    too); the issue's own year it opens on is the report's year anyway."""
    if article is None or article.kind not in ("news", "report"):
        return None
    if article.start not in memo:
        memo[article.start] = None
        if article.kind == "news":
            marker = _news_marker().search(doc.text, article.start, min(article.end, article.start + 200))
            sentence = doc.sentence_at(marker.start()) if marker else None
        else:
            sentence = _first_told(doc, article)
        lead = _opened_period(doc, sentence, year) if sentence else None
        if (lead is None or lead == str(year)) and article.kind == "news" and sentence is not None \
                and not _states_a_figure(doc, sentence):
            # 本刊讯 11月18日，…推进会在太原召开。会议通报，1—10月，全省开发区…: a first sentence that opens on no
            # time and states nothing leaves the news to the time of its first figures; so does one that opens on
            # the year so far (今年以来，全省开发区坚持…。前三季度，…: the months it has run to)
            told = _first_told(doc, article)
            if told is not None and not _states_a_figure(doc, told):
                told = _first_figure_sentence(doc, article)  # (the opening paragraph states none: the next that does)
            found = _opened_period(doc, told, year) if told else None
            lead = found if lead is None or _part_of_year(found, year) and found.startswith(f"{year}-01") else lead
            lead = lead or _event_month(doc, sentence, year)
        memo[article.start] = lead if article.kind == "news" or _part_of_year(lead, year) \
            or _year_before(lead, year) and not _of_a_reviewing_genre(doc) else None
    return memo[article.start]


def _event_month(doc: Document, sentence, year: int | None) -> str | None:
    """本刊讯 5月28日，…集中签约仪式在大同经开区举行: a news item on a day's event (a signing, a start of works), its
    figures told with no time of their own, is of that month."""
    rule = patterns.load("periods")["event_day"]
    said = rx(rule["pattern"]).match(doc.text, sentence.start, sentence.end)
    return f"{year}-{int(said.group('m')):02d}" if said and year else None


def _states_a_figure(doc: Document, sentence) -> bool:
    """Whether a figure stands in the sentence."""
    k = bisect.bisect_left(doc.quantities, sentence.start, key=lambda q: q.start)
    return k < len(doc.quantities) and doc.quantities[k].start < sentence.end


def _first_told(doc: Document, article):
    """A report's lead: the first sentence of its opening paragraph that states a figure (a sentence before it
    frames the report, 今年以来，…坚持…), else its first sentence."""
    first = doc.sentence_at(article.start)
    paragraph = doc.paragraph_at(article.start)
    if first is None or paragraph is None:
        return first
    k = bisect.bisect_left(doc.quantities, article.start, key=lambda q: q.start)
    told = doc.quantities[k].start if k < len(doc.quantities) else None
    return doc.sentence_at(told) if told is not None and told < paragraph.end else first


def _first_figure_sentence(doc: Document, article):
    """The sentence of an article's first figure, if any."""
    k = bisect.bisect_left(doc.quantities, article.start, key=lambda q: q.start)
    return doc.sentence_at(doc.quantities[k].start) if k < len(doc.quantities) and doc.quantities[k].start < article.end \
        else None


def _of_a_reviewing_genre(doc: Document) -> bool:
    """A work report looks back on years of its own by its sections, not by its opening (1980年，…, in 1981's)."""
    return any(genre in doc.title for genre in patterns.load("periods")["reviewing_genres"])


def _year_before(period: str | None, year: int | None) -> bool:
    """2023, in an issue of 2024: a whole year the issue looks back on."""
    return bool(period and year) and period.isdigit() and int(period) < year


def _part_of_year(period: str | None, year: int | None) -> bool:
    """2025-01~2025-09, 2025H1, 2025Q3: a time within the year that is not the whole of it."""
    return bool(period and year) and period != str(year) and all(p.startswith(f"{year}-") or p.startswith(f"{year}H")
                                                                  or p.startswith(f"{year}Q") for p in period.split("~"))


def _latest_refinement(doc: Document, article, q, told: str | None, year: int | None, memo: dict) -> str | None:
    """本刊讯 10月份当月，…。1-10月，…累计开工项目882个。 / 分市看，…开工率…: the time the item told last, at the
    opening of one of its sentences before the figure's paragraph, where it ends where the item's time (its lead's,
    its title's) does: the nearer reading of the same month."""
    found = doc.paragraph_at(q.start) if told and article is not None else None
    paragraph = found.start if found else None
    if paragraph is None or paragraph <= article.start:
        return told
    if (told, paragraph) not in memo:
        # (an as-of, 截至11月底，…有进出口实绩的企业达到1460家, dates its own stocks, not the item's later flows)
        later = (_opened_period(doc, sentence, year) for sentence in doc.sentences
                 if article.start <= sentence.start < paragraph
                 and not rx(r"截[至止]").match(doc.text, _after_news_marker(doc.text, sentence.start, sentence.end)))
        refining = [period for period in later if period and period.split("~")[-1] == told.split("~")[-1]]
        memo[told, paragraph] = refining[-1] if refining else told
    return memo[told, paragraph]


def _opened_period(doc: Document, sentence, year: int | None) -> str | None:
    opening, scene = _opening_of(doc, sentence, patterns.load("periods")["carried_opening"])
    if not (opening or scene):
        return None
    return period_of(doc.text, opening.end() if opening else scene.end(1), sentence.start, year)


def _refines(lead: str | None, titled: str | None) -> bool:
    """1—9月 under a title of 三季度: a lead that ends where the title's time ends (its month, or its quarter's or
    half year's last month) reads that time more nearly."""
    return bool(lead) and (not titled or _last_month(lead) == _last_month(titled))


def _last_month(period: str) -> str:
    """2024Q3 → 2024-09, 2024H1 → 2024-06, 2024-01~2024-09 → 2024-09: where a time ends, as a month."""
    end = period.split("~")[-1]
    part = rx(r"(\d{4})([QH])(\d)").fullmatch(end)
    if not part:
        return end
    months = int(part.group(3)) * (3 if part.group(2) == "Q" else 6)
    return f"{part.group(1)}-{months:02d}"


def annotate(doc: Document) -> Document:
    text = doc.text
    carried: dict = {}
    scopes: dict = {}
    plan_paragraphs: dict = {}  # paragraph index → where its plan opener ends (None: it has none)
    estimates: dict = {}  # section (or article) → where its estimates begin
    named_years: dict = {}  # (section or article) → the spans it names with their count
    starts = [s.start for s in doc.sentences]
    streaks = tuple(q.start for q in doc.quantities if q.kind == "streak")
    reviews_last_year = _reviews_last_year(doc)
    year_running = _year_running(doc)
    plan = plan_in_focus(text, doc.year)
    reported_plan = titled_plan(doc)
    before = part_of = None
    told_last = None  # the last figure told of no single project
    told_of: dict = {}  # …and of each measure and aspect
    told_before = (None, None)  # (a sentence's start, the last figure before it)
    titles: dict = {}  # article start → the period its title names
    titles_planned: dict = {}  # article start → whether its title names a plan of work ahead
    leads: dict = {}  # news article start → the period its first sentence opens on
    refinements: dict = {}  # (an article's time, a paragraph's start) → the time told last that refines it
    for q in doc.quantities:
        article = doc.article_at(q.start)
        section = article.section_at(q.start) if article else None
        sentence = doc.sentence_at(q.start)
        floor = sentence.start if sentence else max(0, q.start - 80)
        if told_before[0] != floor:
            told_before = (floor, before)
        region = (section.start, section.end) if section else (article.start, article.end) if article \
            else (0, len(text))
        section_year = _section_year(section.period, doc.year) if section else None
        year = section_year or doc.year
        # 过去一年 is the reviewed year in a review, else the year before (三、2011年的工作 … 过去一年 → 2010)
        review = bool(section and section.status == "actual")
        looked_back = section_year if review and section_year else (year - 1 if year else None)
        own = period_of(text, q.start, floor, year, rank=q.is_rank or q.kind == "streak", streaks=streaks,
                        looked_back=looked_back, last_year=doc.year - 1 if doc.year else None,
                        now=_now_of(section, doc.year), ahead=bool(section and section.status == "target"),
                        plan=None if section and section.status else plan,
                        named=named_years_before(text, region, floor, named_years))
        opening, stated = None, own
        if not own and sentence and patterns.load("periods")["anaphoric_span"]["needs"] in text[floor:q.start] \
                and _anaphor().search(text, floor, q.start):
            own = _antecedent_span(doc, bisect.bisect_right(starts, sentence.start) - 1, year)
        if not own and sentence:
            own, opening = _carried_as_of(doc, bisect.bisect_right(starts, sentence.start) - 1, year,
                                          carried.setdefault((year, looked_back), {}), looked_back)
            if own and opening and (_own_year_in_span(text, opening, own, section)
                                    or _yearly_average(text, q, floor, own, opening)):
                own, opening = None, None
        if own and section and _overlaps(own, section.period) and _says_span_end(text, q, floor, section.period, year):
            own = None  # …增长到2025年的4.93万亿元，一般公共预算收入从3826.5亿元…: the year is the other clause's
            # (a time outside the span still dates the sentence it opens: 到2030年，城镇化率达到68%)
        titled = _title_period(article, doc.year, titles) if not own and not (section and section.period) else None
        led = _lead_period(doc, article, q, doc.year, leads) if not own and not (section and section.period) else None
        titled = led if _refines(led, titled) else titled
        titled = _latest_refinement(doc, article, q, titled, doc.year, refinements) if titled else titled
        # (…or of the measure's own figure told last: 1—9月，…实际使用外资48620万美元…。截至9月底，…累计设立外资企业
        # 1342家。\n分市看，晋中市开发区实际使用外资12680万美元: the months of the flow, not the stock's month)
        # (…a rank of it, the level's: 分市看，晋城、长治两市开发区出让面积分别居全省第一、第二位)
        told = (told_of.get((q.metric, q.aspect)) or (told_of.get((q.metric, "value")) if q.is_rank else None)) \
            if q.metric else None
        told = told if told is not None and article and article.start <= told.start else told_last
        # (…but not a year, or years, told last of another thing under an item of part of the year: 一季度，…。今年以来，
        # 规上工业企业达到6128家。\n分指标看，全省开发区完成固定资产投资612.4亿元 is the quarter's)
        whole_years = told is not None and rx(r"\d{4}(?:~\d{4})?").fullmatch(told.period or "") is not None \
            and _part_of_year(titled, doc.year) and (q.metric, q.aspect) not in told_of
        if not own and sentence and told is not None and told.period and article and not whole_years \
                and article.start <= told.start and _opens_a_breakdown(text, sentence.start):
            titled = told.period  # 1—5月，全市开发区…增长9.3%。\n分区看，大同经开区…增长12.6%: the same months
        unplaced = not own and not (section and section.period) and not titled
        q.period = own or (section.period if section else None) or titled or (str(doc.year) if doc.year else None)
        if not own:
            q.period = _rank_at_span_end(text, q, floor) or q.period
        default = (section.status if section and section.status
                   else "target" if _plan_titled(article, doc.year, titles_planned) else "actual")
        if default == "target" and doc.year and own and (_last_year_of(own) or doc.year) < doc.year:
            default = "actual"  # a plan section's look back (一九五三年比一九五二年增长百分之十四点四, told in 1955) is done
        estimated = default == "actual" and _estimated_from(doc, region, estimates) <= q.start
        if floor not in scopes:  # where a 主要预期目标是： opens its sentence's targets, once a sentence
            found = _status_scope("target").search(text, floor, sentence.end if sentence else q.start)
            scopes[floor] = found.end() if found else None
        if scopes[floor] is not None and scopes[floor] <= q.start or _in_plan_paragraph(doc, q.start, plan_paragraphs):
            default = "target"
        q.status = status_of(text, q.start, floor, default, end=q.end, review=review)
        if estimated and q.status == "actual":
            q.status = "expected"  # 根据预计数字，…完成了123.7亿元: what is said done is itself an estimate
        if titled and q.period == titled and q.status == "target" and year:
            q.period = str(year)  # 力争新增规上工业企业150家, under a title of 前三季度: a goal for the year
        if reviews_last_year and q.status in ("actual", "expected") and q.period == str(doc.year) \
                and (unplaced or _told_whole_year(text, floor, q, own, section, doc.year)):
            q.period = str(doc.year - 1)  # a result in a work report of January, under no heading: last year's
        elif q.status != "target" and doc.year and own == str(doc.year) \
                and _told_whole_year(text, floor, q, own, section, doc.year) \
                and _year_before(led := _lead_period(doc, article, q, doc.year, leads), doc.year):
            q.period = led  # 全年专利授权1320件, in a report that opened on 2023年 in an issue of 2024: that year's
        if any(p.match(text[q.end:q.end + 12]) for p, _ in _after_period()) and year:
            q.period = str(year)  # 增长15%的年度目标任务: the year's target
        if q.subject_type == "project" and q.aspect == "value" and q.kind == "money" and q.status != "expected" \
                and family(q.metric) != "progress":  # 保底能完成20个亿投资 is progress, planned or done
            # (…but 预计年产值可达30亿元 is the project's output as estimated, no attribute of it)
            q.status = "actual"  # a project's size is an attribute of the project, stated as fact
            if year and (not own or own.startswith(str(year))):
                q.period = str(year)  # …and holds for the section's year, not its quarter (下半年，将推进总投资56亿元的…)
        if year and q.period and q.period != str(year) and q.period.startswith(str(year)) \
                and _named_for_the_year(text, q, floor):
            q.period = str(year)
        # 城镇化率由45.9%提高到…, in 2008~2012: the state of 2007; in a review of a year that is over, the same
        # (…but a sentence framed by two times names both ends itself: 从1980年至1985年, “六五”时期同“五五”时期相比)
        span_end = _span_end(text, q, floor, reviewed=review and _is_before(q.period, doc.year),
                             sectioned=not own and section is not None and q.period == section.period,
                             planned=q.status == "target")
        former = _former_state(text, q)
        framed = _framed_start(text, floor, q.start, opening) if former or span_end else None
        # (the state reached keeps the span when two spans are compared, “六五”时期同“五五”时期相比: an average
        # of each; from one year to another, 从1980年至1985年，…增加到B, or one year against another,
        # １９９２年同１９８７年相比，…达到８０００万吨, it is the last year's)
        two_spans = bool(framed) and "~" in framed and _framed_compare(text, floor, q.start, opening)
        span_end = None if framed and (former or two_spans) else span_end
        if former:
            q.period = framed
        q.period = span_end or q.period
        q.period = _span_since_base(text, q, floor, opening if own else None) or q.period
        q.period = _months_since_year_start(text, q) or q.period
        if _plan_by_nature(q.metric):
            q.status = "target"
        if reported_plan and unplaced and q.period == str(doc.year) and not span_end \
                and (q.status == "target" or _running_year_plan(text, q, floor, year_running)):
            # 增长百分之二十五点四, in the plan's report (and in a list of its items told in a year not yet over:
            # 棉花：达到三千二百七十万担, in July 1955, is the plan's, not 1955's)
            q.period, q.status = _in_titled_plan(text, q, floor, reported_plan), "target"
        elif reported_plan and q.status == "target" and q.period and q.period.endswith(f"~{doc.year}") \
                and (_year_of(q.period) or doc.year) <= reported_plan[0]:
            q.period = f"{q.period.split('~')[0]}~{reported_plan[1]}"  # 比一九五二年增长百分之四十五点二: to the plan's end
        base = _base_value_period(text, q, floor, year)
        if base:
            q.period = base
            if doc.year and (_last_year_of(base) or doc.year) < doc.year:
                q.status = "actual"
        q.period = _after_own_base(text, q, floor) or q.period
        q.period = _difference_as_of(text, q, floor, before, section.period if section else None) or q.period
        part_of = _part_of_figure(text, q, before, part_of) if not own else None
        if part_of is not None:
            q.period = part_of.period
        elif not own and q.parent is not None and _within_year(doc.quantities[q.parent].period, q.period):
            q.period = doc.quantities[q.parent].period  # …活动中，共有17个项目…。其中，签约项目6个: the total's time
        elif not stated and q.subject_type != "project" and _breaks_down(text, floor, told_before[1]) and (
                _within_year(told_before[1].period, q.period) or _growth_to_year(told_before[1], q)):
            q.period = told_before[1].period  # 截至10月底，…签约项目47个。其中，…9个，占签约项目总数的19.1%
            # (…but not a project held up after 其中, whose size is its own: 其中，总投资50亿元的半导体材料项目…)
        before = q
        if q.subject_type != "project":  # (a project's size holds for the year, and times no breakdown after it)
            told_last = q
            if q.metric:
                told_of[q.metric, q.aspect] = q
        completed = _after_completion(text, q, floor, planned=q.status == "target") \
            if not (section and section.status) else False
        if completed is not False:
            q.period, q.status = completed, "expected"  # 达产后可实现年产值约30亿元: of no year the text fixes
            # (…whatever plan the sentence told for the building: 二期计划2026年底前建成投产，全部达产后可实现…)
        if q.period == str(doc.year) and _running_year_plan(text, q, floor, year_running):
            q.status = "target"  # 1956年施工的…单位共有964个, in a report of June 1956: the year's plan
        if doc.year and (_last_year_of(q.period) or doc.year) > doc.year and not (
                q.status == "expected" and not _estimated_base().search(text, floor, q.start)):
            q.status = "target"  # a year still to come cannot have a result yet: 到1985年…；棉花三百六十万吨
            # (…but it may be estimated: 项目计划2026年全部建成，预计带动就业800—1000人; where the estimate is the
            # base's, 比1980年预计增加120亿度, 由今年预计的3%提高到4%, the figure is the plan's)
        elif q.status == "target" and section_year and (_last_year_of(q.period) or section_year) < section_year:
            q.status = "actual"  # a figure of an earlier year, quoted in a plan, is a result (not one of a
            # span that runs into the plan's years: 1990年…比1980年增长1.3倍, 1981~1990)
        if _starts_a_change(text, q, floor):
            q.status = "actual"  # 水泥：从二百八十六万吨增加到六百万吨, in a plan: the level it starts from was reached
    _times_listed(doc)
    return doc


@functools.cache
def _completion_rules():
    spec = patterns.load("periods")["after_completion"]
    return rx(spec["pattern"]), rx(spec["time_with"]), rx(spec["time_after"]), rx(spec["plan_after"])


def _after_completion(text: str, q, floor: int, planned: bool = False) -> str | None | bool:
    """…预计今年10月底前投产，达产后可实现年产值约30亿元: False unless the figure is told of what will be once its
    project is built or at full output, with no time named for that (see periods.toml, after_completion); then the
    year the sentence dated that same completion in (项目计划2028年全面达产，达产后… → 2028), else None. A figure
    `planned` is so only where no word of a plan stands between the completion and it (全部建成后增加的年产能力将为…)."""
    completion, time_with, time_after, plan_after = _completion_rules()
    clause = max(floor, last_of("；;", text, floor, q.start) + 1)
    found = None
    for found in completion.finditer(text, clause, q.start):
        pass
    if found is None or time_with.search(text, max(clause, found.start() - 12), found.start()) is not None \
            or time_after.search(text, found.end(), q.start) is not None \
            or planned and plan_after.search(text, found.end(), q.start):
        return False
    dated = rx(patterns.load("periods")["after_completion"]["event_dated"].replace("{event}", found.group("event")))
    said = None
    for said in dated.finditer(text, floor, found.start()):
        pass
    return said.group(1) if said else None


def names_a_time(name: str) -> bool:
    """三季度, 2023年, 1—5月: a list's name that is a time phrase whole, not a thing."""
    name = name.strip()
    return bool(name) and any(need in name for need, _ in _phrases_by_need()) \
        and any(pattern.fullmatch(name) for pattern, *_ in _phrases())


def _elliptic_times(names: list[str]) -> list[str]:
    """一、二、三季度…分别: numerals listed bare before the last, which alone says their unit, are times of that unit
    (一季度, 二季度, 三季度); other names are as they were."""
    spec = patterns.load("periods")["elliptic_times"]
    last = rx(spec["last"]).match(names[-1].strip()) if len(names) >= 2 else None
    if not last or not all(rx(spec["bare"]).fullmatch(name.strip()) for name in names[:-1]):
        return names
    return [name.strip() + last.group("unit") for name in names[:-1]] + [last.group()]


def _times_listed(doc: Document) -> None:
    """三季度、四季度分别计划供应1.03万亩和0.52万亩; 2023年、2024年分别实现营业收入120亿元和150亿元: the times
    listed before 分别 date the figures after it in order (the nearest time before each is only the last)."""
    from .structure import listed_before_respectively

    for names, figures in listed_before_respectively(doc):
        names = _elliptic_times(names)
        if len(names) < 2 or len(names) != len(figures) or not all(map(names_a_time, names)):
            continue
        for name, q in zip(names, figures):
            q.period = period_of(name, len(name), 0, doc.year) or q.period


@functools.cache
def _change_start_rules() -> tuple[Pattern, Pattern]:
    spec = patterns.load("periods")
    rule = spec["change_start"]
    return rx(rule["before"].replace("{listed}", spec["span_ends"]["listed"])), rx(rule["after"])


def _starts_a_change(text: str, q, floor: int) -> bool:
    """从/由 A 增加到 B: A, the level a change starts from, stood before it, in a plan as in a review."""
    before, after = _change_start_rules()
    # (the word the change runs to, right after the figure, is the cheaper test and the rarer: first)
    return after.match(text, q.end) is not None and before.search(text, _clause_start(text, q, floor), q.start) is not None
