"""Stage 5 — metrics and aspects: what each figure measures, and which side of it.

The aspect (value, growth, change, share, rank, difference, contribution) comes from the words that
frame the number in its clause (patterns/aspects.toml). The metric comes from the taxonomy
(patterns/metrics.toml): the nearest cue before the figure in its sentence whose unit kinds fit (for a
count, a cue right after it first: 47个项目开工建设). A topic (标准地, 签约一批) names figures by their
unit. With no cue, the figure is named from the text's own noun phrase (jieba segments the clause,
with the gazetteer and the taxonomy in its user dictionary), so a new issue's new metric still gets a
sensible name.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import io

import regex

from .. import gazetteer, patterns, viterbi
from ..document import Document
from . import quantities
from .quantities import find_quantities
from ..rx import Pattern, last_of, longest_of, rx

QUOTE_MARKS = "“”‘’\"'"
QUOTES = str.maketrans("", "", QUOTE_MARKS)
CLAUSE_END = "，。；：、,;:\n"
SUMMED = "合计"  # 、 lists summed into one figure
SLOGAN = rx(r"(“)([^“”]*[、，,；][^“”]*)(”)")
DONE_TO = rx(r"的(\p{Han}{2,6})(?=[，。；：,;]|$)")  # 8个项目的资产盘活，
PLACE_WEIGHT = 1000  # the user dictionary's frequency for a place name
RATE_SUFFIXES = ("率", "数", "额", "量", "次", "值", "比", "度")


@functools.cache
def taxonomy():
    spec = patterns.load("metrics")
    cues: dict[str, list[tuple[str, dict]]] = {}
    for metric in spec.get("metric", []):
        for cue in metric["cues"]:
            cues.setdefault(cue, []).append(("metric", metric))
    for topic in spec.get("topic", []):
        for cue in topic["cues"]:
            cues.setdefault(cue, []).append(("topic", topic))
    pattern = rx(longest_of(cues))
    return cues, pattern, spec["fallback"]


@functools.cache
def _aspects():
    spec = patterns.load("aspects")
    rules = []
    for aspect in spec["aspect"]:
        for word in aspect["words"]:
            rules.append((word, aspect["name"], tuple(aspect.get("units", []))))
    rules.sort(key=lambda r: -len(r[0]))
    list_wide = [r for r in rules if any(a["name"] == r[1] and a.get("list_wide") for a in spec["aspect"])]
    return rules, spec["pp_default"], list_wide


@functools.cache
def _aspect_rules_for(base_kind: str) -> tuple[tuple[str, str], ...]:
    """The aspect words a figure of this kind can take, longest first (asked of every figure)."""
    return tuple((word, name) for word, name, units in _aspects()[0] if not units or base_kind in units)


@functools.cache
def any_aspect_word(base_kind: str) -> Pattern:
    """All of a kind's aspect words as one: most clauses hold none, and one search says so."""
    return rx("|".join(regex.escape(word) for word, _ in _aspect_rules_for(base_kind)) or "(?!)")


@functools.cache
def _names_first() -> frozenset[str]:
    return frozenset(w for a in patterns.load("aspects")["aspect"] for w in a.get("names_first", []))


def _list_opening_aspect(text: str, q, floor: int) -> str | None:
    """The aspect a word at the head of a 、-list gives every item of it: 新增A 1个、B 7个 → B is new."""
    clause_start = _clause_left(text, q.start, floor)
    if text[clause_start - 1:clause_start] != "、":
        return None
    left = last_of("，。；：,;:\n", text, floor, clause_start) + 1
    if _says_only_reached(text, q, floor):
        return None  # 新增1700公里、突破7000公里: an item that says only that a level was reached is no new one
    head = masked_between(text, max(left, floor), text.find("、", max(left, floor), clause_start))
    base_kind = q.kind.split("/")[0]
    for word, name, units in _aspects()[2]:
        if word in head and (not units or base_kind in units):
            found = find_quantities(head)
            if not found and word not in _names_first():
                return None
            if found and not any(f.kind == q.kind for f in found):
                return None  # 新增项目989个、释放产值超1500亿元: an item of another kind says its own verb
            return name
    return None


@functools.cache
def family(metric: str | None) -> str | None:
    """The measure family of a metric (patterns/metrics.toml `family`); None for most metrics."""
    entries = [e for e in patterns.load("metrics").get("metric", []) if e.get("family")]
    for entry in entries:
        if entry["name"] == metric:
            return entry["family"]
    for entry in entries:  # a name composed on a set (开工一批完成投资) keeps its base's family
        if metric and metric.endswith(entry["name"]):
            return entry["family"]
    return None


@functools.cache
def scope(metric: str | None) -> str | None:
    """`scope = "city"`: a metric a city has as a whole (社会消费品零售总额), never its zones'."""
    for entry in patterns.load("metrics").get("metric", []):
        if entry["name"] == metric:
            return entry.get("scope")
    return None


@functools.lru_cache(maxsize=4096)  # asked about seven times per figure, by the rules in turn
def _clause_left(text: str, start: int, floor: int) -> int:
    cut = last_of(CLAUSE_END, text, floor, start)
    if cut > floor and "）" in text[cut:start]:
        opened = text.rfind("（", floor, cut)
        if opened >= 0 and "）" not in text[opened:cut]:
            # 通高速公路县（市、区）达82个: the stops of a bracket's list of alternatives end no clause
            cut = last_of(CLAUSE_END, text, floor, opened)
    return max(cut + 1, floor)


def _naming_clause_left(text: str, start: int, floor: int) -> int:
    """The clause that names a figure: its own, or the one before when its own is only where a change
    starts (全社会研究与实验发展经费，从2002年1288亿元增加到…)."""
    left = _clause_left(text, start, floor)
    if left > floor and text[left - 1] in "，," and (
            _span_partner()[1].match(text[left:start]) or _dated_level().match(text[left:start])):
        return _clause_left(text, left - 1, floor)
    if left > floor and text[left - 1] in "，," and rx(r"\p{Han}").search(text, left, start) \
            and _dated_topic_change().match(text[left:start]) and _dated_topic_year().search(text, left, start):
        topic = _clause_left(text, left - 1, floor)
        spec = patterns.load("metrics")["span_partner"]  # (a clause of its own figures or verbs is no topic)
        if not rx(r"[0-9０-９]|百分之|" + spec["dated_topic_not"]).search(text, topic, left - 1):
            return topic
    return left


@functools.cache
def _dated_topic_change():
    return rx(patterns.load("metrics")["span_partner"]["dated_topic_change"])


@functools.cache
def _dated_topic_year():
    return rx(patterns.load("metrics")["span_partner"]["dated_topic_year"])


@functools.cache
def _dated_level():
    return rx(patterns.load("metrics")["span_partner"]["dated_level"])


SENTENCE_ENDS = "。！？\n"
_SENTENCE_END = rx(f"[{SENTENCE_ENDS}]")


def masked_between(text: str, start: int, end: int) -> str:
    """mask_cues(text[start:end]), cut from the mask of the sentence around it, which is made once for all
    its figures: no metric's name runs across a sentence's end. Where a name runs across the cut (四上企业
    after 百分之三十四), the stretch is masked on its own."""
    first = last_of(SENTENCE_ENDS, text, 0, start) + 1
    stop = _SENTENCE_END.search(text, end)
    masked = _masked_sentence(text, first, stop.end() if stop else len(text))
    if _blotted_across(masked, text, first, start - first) or _blotted_across(masked, text, first, end - first):
        return mask_cues(text[start:end])
    return masked[start - first:end - first]


@functools.lru_cache(maxsize=256)
def _masked_sentence(text: str, first: int, stop: int) -> str:
    return mask_cues(text[first:stop])  # (keyed by offsets: the document's hash is computed once, a slice's each time)


def _blotted_across(masked: str, text: str, first: int, cut: int) -> bool:
    """Whether the characters on both sides of `cut` were blotted out, so that a name may run across it."""
    return 0 < cut < len(masked) and masked[cut - 1] == "□" == masked[cut] \
        and text[first + cut - 1] != "□" != text[first + cut]


@functools.lru_cache(maxsize=4096)
def mask_cues(segment: str) -> str:
    """The segment with metric names blotted out, so that the words inside them (增加值's 增加,
    计划总投资's 计划) are not read as aspect or status words. Length is kept."""
    _, pattern, spec = taxonomy()
    keep = _aspect_inside()  # 经济增长5%: a cue that holds its aspect's word leaves that word to be read
    if "类（" in segment:  # B类（鼓励提升类）: a grade's gloss says nothing of the figure
        segment = rx(spec["grade_gloss"]).sub(lambda m: "□" * len(m.group()), segment)
    return pattern.sub(lambda m: m.group() if m.group() in keep else _blotted(m.group()), segment)


def _blotted(cue: str) -> str:
    """The cue blotted out, all but a mark of tense it opens on (已开工 → 已□□)."""
    mark = next((m for m in taxonomy()[2]["tense_marks"] if cue.startswith(m) and len(cue) > len(m)), "")
    return mark + "□" * (len(cue) - len(mark))


@functools.cache
def _aspect_inside() -> frozenset[str]:
    cues = taxonomy()[0]
    return frozenset(c for c, entries in cues.items() if all(e.get("aspect_inside") for _, e in entries))


@functools.cache
def _standalone_cues() -> frozenset[str]:
    """Cues that name their metric only standing alone (aspect_inside or standalone in metrics.toml)."""
    cues = taxonomy()[0]
    return frozenset(c for c, entries in cues.items()
                     if all(e.get("aspect_inside") or e.get("standalone") for _, e in entries))


def _standalone(segment: str, start: int, cue: str) -> bool:
    """经济增长 after 全省, a time or a clause start is the economy's; after 民营 it is another thing's growth."""
    if cue not in _standalone_cues() or start == 0:
        return True
    if not rx(r"\p{Han}").match(segment[start - 1]):
        return True
    scope_words = taxonomy()[2]["scope_words"]
    # …or after the time it speaks of (今年经济增长预期目标, 前三季度经济增长, 今年的经济增长, 年均经济增长速度)
    return any(segment.endswith(w, 0, start) for w in scope_words) or segment.endswith(("年", "季度", "年均", "的"), 0, start)


def _growth_target_after(text: str, q):
    return rx(patterns.load("aspects")["growth_after"]).match(text[q.end:q.end + 24]) \
        if q.kind.split("/")[0] == "percent" else None


def _growth_rate_after(text: str, q):
    return rx(patterns.load("aspects")["rate_after"]).match(text[q.end:q.end + 40]) \
        if q.kind.split("/")[0] == "percent" else None


def _growth_target_metric(text: str, q) -> str | None:
    """8%左右的国内生产总值增长目标 → 地区生产总值; 5.5%左右的预期增长目标 → the economy's (地区生产总值)."""
    said = _growth_target_after(text, q)
    if not said:
        return None
    cues, pattern, _ = taxonomy()
    found = pattern.search(said.group("noun").translate(QUOTES))
    cue = found.group() if found else patterns.load("aspects")["economy_cue"] if not said.group("noun") else None
    return _fitting(cues.get(cue, []), q, "growth") if cue else None


def _growth_topic(text: str, q, floor: int) -> str | None:
    """工农业总产值的增长速度，1981年计划为3.7%，实际达到4.6%: a sentence that opens on a measure's rate of
    growth, as its topic, gives it to the rates its later clauses state without naming one."""
    if q.kind.split("/")[0] != "percent":
        return None
    topic = rx(taxonomy()[2]["growth_topic"]).match(text, floor, q.start)
    if not topic or topic.end() > _clause_left(text, q.start, floor):
        return None
    cues, pattern, _ = taxonomy()
    name = _after_zone(topic.group("name").translate(QUOTES))  # (洪洞经开区规上工业增加值增速，…: the zone's)
    found = pattern.search(name)
    if not found or found.end() != len(name):
        return None
    return _fitting(cues[found.group()], q, "growth") if found.start() == 0 else name  # 工农业总产值: its own


def closing_aspect(words: str, q) -> tuple[str, str] | None:
    """规上工业总产值增速 (…位居前三，分别为12.3%): the aspect a word closing a name said apart from its figure
    gives the figure, and the name without the word."""
    for word, name in _aspect_rules_for(q.kind.split("/")[0]):  # (longest first)
        if words.endswith(word):
            return name, words[:-len(word)]
    return None


def default_aspect(kind: str) -> str:
    """The aspect of a figure no word frames: a level, or for points (个百分点) what aspects.toml says."""
    return _aspects()[1] if kind.split("/")[0] in ("pp", "ppt") else "value"


def aspect_of(text: str, q, floor: int) -> str:
    if q.is_rank:
        return "rank"
    if _growth_target_after(text, q) or _growth_rate_after(text, q):
        return "growth"  # 8%左右的国内生产总值增长目标, 7%左右的增长速度
    left = _naming_clause_left(text, q.start, floor)
    raw = text[left:q.start]
    base_kind = q.kind.split("/")[0]
    # (masking keeps the words outside the cues where they stand: a clause with no aspect word has none masked)
    worded = any_aspect_word(base_kind).search(raw) is not None
    clause = masked_between(text, left, q.start) if worded else None
    best, best_pos = _nearest_aspect(clause, base_kind) if worded else (None, -1)
    if best == "change" and _new_flow(text, q, clause, best_pos):
        return "value"
    if best == "change" and base_kind in ("pp", "ppt") and _growth_rate_moved(clause, best_pos):
        return "difference"
    if best == "share" and _rate_named(clause, best_pos):
        return "value"
    if best:
        return best
    if "多" in raw and base_kind not in ("percent", "pp", "ppt") \
            and rx(patterns.load("aspects")["more_than_before"]).search(raw):
        return "change"
    listed = _list_opening_aspect(text, q, floor) or _lead_in_aspect(text, q, floor)
    if listed:
        return listed
    part_of = patterns.load("aspects")["part_of"]
    if base_kind in part_of["units"] \
            and _part_of().search(clause if clause is not None else masked_between(text, left, q.start)):
        return "share"
    if _share_of_set(text, q, base_kind):
        return "share"  # 90%的化工园区…: a part of the set the noun names
    return default_aspect(base_kind)


def _nearest_aspect(clause: str, base_kind: str) -> tuple[str | None, int]:
    """The aspect of the aspect word nearest the clause's end, and where it stands (None, -1 if none)."""
    best, best_pos = None, -1
    for word, name in _aspect_rules_for(base_kind):
        pos = clause.rfind(word)
        while pos != -1 and name in ("growth", "change") and (_reaches_level(clause, word, pos + len(word))
                                                               or _modifies(clause, pos + len(word))):
            pos = clause.rfind(word, 0, pos)  # 比重提高到35%: a level reached, not a growth
        if pos > best_pos:  # the aspect word nearest the number wins; longer words first at a tie
            best, best_pos = name, pos
    return best, best_pos


def _lead_in(text: str, q, floor: int) -> tuple[int, int] | None:
    """Where the clause of the lead-in a list's figure stands under begins and where the lead-in (依次为, 分别为, 如下：)
    starts; None where the figure stands under none (a clause break between)."""
    spec = patterns.load("aspects")
    lead = None
    for lead in rx(spec["list_lead_in"]).finditer(text, floor, q.start):
        pass
    if lead is None or rx(spec["list_lead_in_breaks"]).search(text, lead.end(), q.start):
        return None
    return max(floor, last_of("，。；：,;:\n", text, floor, lead.start()) + 1), lead.start()


def _lead_in_aspect(text: str, q, floor: int) -> str | None:
    """…增速排名前五位的依次为：长治高新区（21.4%）、晋城经开区（18.2%）: the aspect a list's lead-in names frames
    each item of the list that names none of its own."""
    lead = _lead_in(text, q, floor)
    return _nearest_aspect(masked_between(text, *lead), q.kind.split("/")[0])[0] if lead else None


def _lead_in_measure(text: str, q, floor: int) -> str | None:
    """亩均税收位居全省前列的开发区依次为山西转型综合改革示范区（41.2万元/亩）、…: a figure of a list with no measure of
    its own is of the measure its lead-in names, before the words that rank the list."""
    lead = _lead_in(text, q, floor)
    ranked = rx(patterns.load("aspects")["list_lead_in_ranked"]).search(text, *lead) if lead else None
    noun = _noun_phrase(text[lead[0]:ranked.start()].translate(QUOTES), taxonomy()[2]) if ranked else None
    return _canonical_cue(noun) if noun and _names_a_measure(noun) else None


def _growth_rate_moved(clause: str, pos: int) -> bool:
    """增幅比一季度回落17.2个百分点: the points a growth rate moved by are a gap between two growth rates."""
    return -1 < _growth_rate_at(clause) < pos


def _growth_rate_at(clause: str) -> int:
    """Where the clause first names a growth rate (增速, 增幅…), or -1."""
    return min((clause.find(w) for w in patterns.load("aspects")["growth_rate_gap"] if w in clause), default=-1)


def _rate_named(clause: str, pos: int) -> bool:
    """国考断面水质优良比例达到90%, 中心城区绿色出行比例从75.6%…: a 比例 that no 占 sets against a whole, after
    words of a quality or a policy's rate, is that rate's own name, not a part's share."""
    spec = patterns.load("aspects")["rate_named"]
    return clause.startswith(tuple(spec["words"]), pos) and "占" not in clause[:pos] \
        and clause[:pos].endswith(tuple(spec["rates_of"]))


def _modifies(clause: str, after: int) -> bool:
    """下降的有40家: the word before 的 picks out what the figure counts (quantities.toml's sign_modifier)."""
    return rx(patterns.load("quantities")["sign_modifier"]).fullmatch(clause[after:].strip()) is not None


def _reaches_level(clause: str, word: str, after: int) -> bool:
    spec = patterns.load("aspects")
    return clause.startswith(tuple(spec["level_reached_after"]), after) \
        or word.startswith("新") and rx(spec["recipient_after"]).match(clause, after) is not None \
        or word in spec["level_set_verbs"] and clause.startswith(tuple(spec["level_set_after"]), after) \
        or word in spec["upgrade_words"] and rx(spec["upgrade_after"]).search(clause, 0, after - len(word)) is not None


def _share_of_set(text: str, q, base_kind: str) -> bool:
    """90%的化工园区, 八成以上财政资金: a rate right before a noun; with no 的 between, the word after it must be
    a noun (项目100%落实“一本制”服务 says how much of what was done)."""
    of_set = patterns.load("aspects")["share_of_set"]
    found = rx(of_set["pattern"]).match(text, q.end) if base_kind in of_set["units"] else None
    if not found:
        return False
    if "的" in found.group():
        return True
    words = tagged(text[found.end() - 1:found.end() + 5])
    return bool(words) and (words[0][1].startswith("n") or words[0][1] == "vn")


@functools.cache
def _share_word() -> Pattern:
    """The words of a share (比重, 占比…), as aspects.toml lists them."""
    return rx("|".join(map(regex.escape, sorted(_aspect_words("share"), key=len, reverse=True))))


@functools.cache
def _aspect_words(name: str) -> tuple[str, ...]:
    """The words aspects.toml first lists for an aspect (share: 占比, 比重…; difference: 高于, 低于…)."""
    return tuple(next(a["words"] for a in patterns.load("aspects")["aspect"] if a["name"] == name))


def _part_of() -> Pattern:
    """是上年的 / 达到耕地总面积的: the words that set a figure against the whole or base it is measured by."""
    return rx(patterns.load("aspects")["part_of"]["pattern"])


def _naming_aspect(text: str, q, floor: int) -> str:
    """民间投资占比提高2.2个百分点: a share's change in points is named as the share is, by its part."""
    if q.aspect == "difference" and q.kind == "pp":
        # 现代服务业增速提高2.1个百分点: a growth rate's move, named by what grew as a change is (no 高于 base)
        # (…but one that names nothing before its rate word, 增幅较1—9月回落, is the gap of the growth told before it)
        clause = text[max(floor, last_of("，。；：,;:\n", text, floor, q.start) + 1):q.start]
        rate = _growth_rate_at(clause)
        return "change" if rate > 0 and clause[:rate].strip() \
            and not any(w in clause for w in _aspect_words("difference")) else q.aspect
    if q.aspect != "change" or q.kind != "pp":
        return q.aspect
    # …and so is one said after the share it changed (产业投资比重提升至55.7%、提高4.7个百分点)
    clause = text[max(floor, last_of("，。；：,;:\n", text, floor, q.start) + 1):q.start]
    return "share" if any(w in clause for w in _aspect_words("share")) else q.aspect


def _new_flow(text: str, q, clause: str, pos: int) -> bool:
    """新增减税降费1万亿元, 新增4万亿元投资: 新增 opens the name of a flow of money, not a change."""
    spec = patterns.load("aspects")["new_flow"]
    if q.kind.split("/")[0] not in spec["units"] or not clause.startswith(spec["word"], pos):
        return False
    return bool(rx(spec["flows_before"]).match(clause, pos + len(spec["word"]))
                or (pos + len(spec["word"]) == len(clause) and rx(spec["flows_after"]).match(text, q.end)))


def _fits(entry_type: str, entry: dict, q, aspect: str) -> str | None:
    """The metric name this taxonomy entry gives the figure, or None where its units do not fit."""
    if entry_type == "topic":
        if q.kind == "count" and q.unit and entry.get("units") and q.unit.lstrip("万亿千百") not in entry["units"]:
            return None  # “标准地”改革项目1263个: projects, not the parcels (宗) the topic counts
        return entry["names"].get(q.kind.split("/")[0]) if aspect in ("value", "change") \
            else entry["names"].get(aspect)
    if aspect in ("value", "change"):
        kind = q.kind if "/" in q.kind else q.kind.split("/")[0]
        if kind == "count" and q.unit and entry.get("units"):  # the entry's own measure words decide
            return entry["name"] if q.unit.lstrip("万亿千百") in entry["units"] else None
        if kind == "count" and _event_unit(q.unit):
            return entry["name"] if _names_events(entry["name"]) else None  # 21次 counts events
        if kind == "count" and q.unit and entry["name"].endswith(_event_suffixes()):
            return None  # 参加“三个一批”活动的项目24个: things counted, not the events (次数) they were at
        return entry["name"] if kind in entry["kinds"] else None
    return entry["name"]


def _fitting(entries, q, aspect: str) -> str | None:
    """The first name a cue's taxonomy entries give the figure, or None where none fits its unit."""
    return next((name for entry_type, entry in entries if (name := _fits(entry_type, entry, q, aspect))), None)


def _cue_matches(text: str, start: int, end: int):
    """The cues in text[start:end] (and that stretch without quote marks), cut from those of the stretch up to
    the sentence's end, which the figures of a sentence share: a cue is matched once per sentence, not once
    per figure over a prefix that grows."""
    stop = _SENTENCE_END.search(text, end)
    matches, segment = _cue_matches_in(text[start:stop.end() if stop else len(text)])
    cut = end - start - sum(text.count(mark, start, end) for mark in QUOTE_MARKS)  # (quote marks are dropped)
    if any(m_start < cut < m_end for m_start, m_end, _, _ in matches):
        return _cue_matches_in(text[start:end])  # a cue running across the cut (see masked_between)
    return tuple(m for m in matches if m[1] <= cut), segment[:cut]


@functools.lru_cache(maxsize=4096)
def _cue_matches_in(segment: str) -> tuple[tuple, str]:
    """The cues in a stretch of text (the figures of one clause ask of the same stretch again and again)."""
    cues, pattern, _ = taxonomy()
    # “股权投资做引导、债权融资做增信”: a quoted slogan with a list inside names no figure outside it
    if "”" in segment:
        segment = SLOGAN.sub(lambda m: m.group(1) + "□" * len(m.group(2)) + m.group(3), segment)
    segment, quoted = _unquoted(segment) if "“" in segment else (segment.translate(QUOTES), ())
    titles, tails, leads, standalone = _book_titles(segment), _ratio_tails(), _per_head_leads(), _standalone_cues()
    return tuple((m.start(), m.end(), m.group(), cues[m.group()]) for m in pattern.finditer(segment)
                 if not (titles and any(a <= m.start() < b for a, b in titles))
                 and not any(a < m.start() < b for a, b in quoted)  # “拿地即开工”项目: one quoted name, not its part
                 and not segment.startswith(tails, m.end())
                 and not segment.endswith(leads, 0, m.start())
                 and (m.group() not in standalone or _standalone(segment, m.start(), m.group()))), segment


@functools.cache
def _ratio_tails() -> tuple[str, ...]:
    """单位工业增加值能耗, 工业增加值率: a cue glued to one of these is the denominator or base of another measure."""
    return tuple(taxonomy()[2]["cue_not_before"])


@functools.cache
def _per_head_leads() -> tuple[str, ...]:
    """人均地区生产总值: a cue right after 人均 is the per-head measure, not the total."""
    return tuple(taxonomy()[2]["cue_not_after"])


def _book_titles(segment: str) -> list[tuple[int, int]]:
    """Spans inside 《…》 (a document's name names no figure); a 》 with no 《 before it closes a title
    that opened before the segment."""
    if "》" not in segment:
        return []  # an unclosed 《 reaches past the figure: nothing before the figure is inside it
    spans, opened = [], 0 if "》" in segment and "《" not in segment[:segment.find("》")] else None
    for i, ch in enumerate(segment):
        if ch == "《":
            opened = i
        elif ch == "》" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    return spans


def _denominator_cut(text: str, q, aspect: str, floor: int) -> int:
    """Where the search for a share's (gap's, contribution's) metric must stop: before 占/高于/对 …"""
    spec = patterns.load("aspects")
    if aspect not in spec["denominator_aspects"]:
        return q.start
    clause_start = _naming_clause_left(text, q.start, floor)
    masked = masked_between(text, clause_start, q.start)
    found = [i for i in (masked.find(w) for w in spec["denominator_words"]) if i != -1]
    found += [m.start() for m in rx(spec["denominator_pattern"]).finditer(masked)]
    return clause_start + min(found) if found else q.start


def metric_of(text: str, q, aspect: str, floor: int) -> tuple[str | None, str | None]:
    name, source = _named(text, q, aspect, floor)
    if name is None and aspect == "share":
        name, source = _share_of_whole_named(text, q, floor)
    if name is None and aspect == "growth" and _growth_rate_after(text, q) \
            and not rx(patterns.load("aspects")["rate_of_topic"]).search(text, max(floor, q.start - 32), q.start):
        # 实现7%左右的增长速度, 6.5%左右的增速可以实现比较充分的就业: a rate of growth no clause names is the economy's
        cues = taxonomy()[0].get(patterns.load("aspects")["economy_cue"], [])
        return _fitting(cues, q, "growth"), "taxonomy"
    sets = patterns.load("metrics")["project_sets"]
    if name in sets["names"] or name in sets["stages"]:
        named = _of_project_set(text, q, floor, name, source)
        return (_set_named_before(text, q, floor, name) or named[0], "fallback") if named[0] == name else named
    return _completed(name, q, aspect), source


def _share_of_whole_named(text: str, q, floor: int) -> tuple[str | None, str | None]:
    """其中，运城经济技术开发区占全市开发区进出口总额的49.5%: a share whose part is only its owner is a share of the
    measure its whole names."""
    clause = text[_clause_left(text, q.start, floor):q.start].translate(QUOTES)
    whole = rx(taxonomy()[2]["whole_named"]).search(clause)
    if not whole or _after_zone(clause[:whole.start()].removeprefix("其中").strip("，, ")):
        return None, None
    cue = taxonomy()[1].fullmatch(whole.group("whole"))
    name = _fitting(taxonomy()[0][cue.group()], q, "share") if cue else None
    return (name, "taxonomy") if name else (None, None)


def _set_named_before(text: str, q, floor: int, name: str) -> str | None:
    """建设亿元以上项目4000个: a count glued to the generic word (项目) whose set no topic names is
    named by the words before the word (建设亿元以上项目数), not by the word alone."""
    if q.kind != "count" or name not in patterns.load("metrics")["project_sets"]["names"]:
        return None
    if not text[floor:q.start].translate(QUOTES).rstrip().endswith("项目"):
        return None
    own = fallback_name(text, q, floor)
    return own if own and own != name and own.endswith(name) else None


def _has_verb(words: str) -> bool:
    return any(tag == "v" for _, tag in tagged(words))


@functools.cache
def _enterprise_group() -> Pattern:
    """The enterprise groups the subjects stage takes as a figure's subject (subjects.toml, entity group)."""
    return rx("^(?:" + patterns.load("subjects")["entity"]["group"].replace("?P<name>", "?:") + ")")


def _completed(name: str | None, q, aspect: str = "value") -> str | None:
    """A name cut short of its measure, completed: 新能源装机 → 新能源装机容量; a sector before a rate
    (战略性新兴产业占比) → its 增加值."""
    spec = taxonomy()[2]
    if not name:
        return name
    if name in spec["whole_names"] and not (q.kind.startswith("percent") and aspect != "growth"):
        return spec["whole_names"][name]  # 我国人口达到十亿, 人口增加百分之六十 (not 人口80%以上在农村: a part's share)
    owned = _enterprise_group().sub("", name, count=1)
    if owned in spec["enterprise_measures"]:  # 省属企业利润: the group is the subject's, the measure the column
        return spec["enterprise_measures"][owned]
    head = next((h for h in spec["head_completions"] if name.endswith(h)), None)
    if head:
        return name.removesuffix(head) + spec["head_completions"][head]
    name = _capacity_named(name, q)
    rate = q.kind.split("/")[0] in ("percent", "pp", "times")
    if rate and name.endswith(tuple(spec["sector_heads"])) and not _has_verb(name):
        return name + spec["sector_measure"]  # (衔接资金用于产业 is money spent on it, not the sector)
    return name


def _capacity_named(name: str, q) -> str:
    """新能源装机规模, 新型储能规模 (in 千瓦), 水电容量: a plant's capacity, named as its column is (…装机容量)."""
    rule = _capacity_rule()
    if not name.endswith(rule["ends_on"]):
        return name  # (the common case: no capacity's word at the end, nothing to rewrite)
    for ending in rule["any_kind"] + (rule["of_kind"] if q.kind == rule["kind"] else []):
        found = ending.search(name)
        if found and found.start() > 0:
            return name[:found.start()] + rule["to"]
    return name


@functools.cache
def _capacity_rule() -> dict:
    rule = taxonomy()[2]["capacity_names"]
    return {**rule, "ends_on": tuple(rule["ends_on"]),
            "any_kind": [rx(p) for p in rule["any_kind"]], "of_kind": [rx(p) for p in rule["of_kind"]]}


@functools.cache
def _named_ratios() -> list[tuple[str, Pattern]]:
    return [(r["name"], rx(rf"(?:{r['part']})[^。；;]{{0,60}}?(?:占|相当于)[^。；;，,]{{0,10}}?(?:{r['whole']})"
                           r"的?(?:比重|比例)[^。；;，,\d]{0,16}(?:(?:由|从)(?:19|20)\d{2}年的?)?$"))
            for r in patterns.load("metrics").get("named_ratio", [])]


def named_ratio(text: str, q, floor: int) -> str | None:
    """研发经费…占国内生产总值的比重从1.07%提高到1.49% (…比重由2007年的1.4%提高到…): a share that is a
    statistic of its own, named so."""
    if q.kind.split("/")[0] != "percent":
        return None
    before = text[floor:q.start]
    return next((name for name, pattern in _named_ratios() if pattern.search(before)), None)


@functools.cache
def _framed_counts() -> list[tuple[str, Pattern, Pattern]]:
    return [(r["name"], rx(f"(?:{r['before']})$"), rx(f"^(?:{r.get('after', '')})"))
            for r in patterns.load("metrics").get("framed_count", [])]


def framed_count(text: str, q, floor: int) -> str | None:
    """提请省人大常委会审议地方性法规草案8部, 又有2897万农村人口解决了安全饮水问题: a count of one series that
    reports word many ways (verbs, levels, the figure before or after its noun), named by the frame of words
    around it (metrics.toml, framed_count)."""
    before, after = text[max(floor, q.start - 80):q.start], text[q.end:q.end + 12]
    return next((name for name, left, right in _framed_counts() if left.search(before) and right.match(after)),
                None)


def steps_count(text: str, q, floor: int) -> str | None:
    """地区生产总值连跨两个万亿元台阶 → 地区生产总值跨越万亿元台阶数: steps crossed, counted by what crossed them."""
    spec = patterns.load("metrics")["steps_count"]
    after = rx(spec["after"]).match(text, q.end)
    if not after:
        return None
    left = text[_naming_clause_left(text, q.start, floor):q.start].translate(QUOTES)
    verb = rx(spec["verb"]).search(left)
    owner = _canonical_cue(_noun_phrase(left[:verb.start()], taxonomy()[2])) if verb else None
    return spec["name"].format(owner=owner, size=after.group("size")) if owner else None


def _steps_owner(name: str) -> str:
    """地区生产总值跨越万亿元台阶数 → 地区生产总值: what crossed the steps, which the figures after them measure."""
    owned = rx(patterns.load("metrics")["steps_count"]["owner_of_name"]).match(name)
    return owned.group("owner") if owned else name


def place_count(text: str, q) -> str | None:
    """320个县开展新型农村社会养老保险试点 → 新型农村社会养老保险试点县数: places counted by what they do."""
    spec = patterns.load("metrics")["place_count"]
    said = rx(spec["pattern"]).match(text[q.end:q.end + 48])
    if not said:
        return None
    deed = said.group("deed")
    if not rx(spec["deed_opens"]).match(deed):
        measured = rx(spec["measure_deed"]).match(deed)
        if not measured or not taxonomy()[1].fullmatch(measured.group("measure")):
            return None  # (…or on a measure's name, then its verb: 规上工业增加值实现正增长)
    if tagged(text[q.end:q.end + 6])[0][0] != said.group("place"):
        return None  # (the tagging last: it is the dearest test)
    deed = deed.replace("了", "")
    return deed + spec["places"].get(said.group("place"), said.group("place")) + "数"


def bounded_set_count(text: str, q, floor: int) -> str | None:
    """经济总量超千亿元的县域达12个 → 经济总量超千亿元县域数: things a bound picks out, counted (see metrics.toml,
    bounded_set_count)."""
    spec = patterns.load("metrics")["bounded_set_count"]
    said = bound_said(text, q.start, floor)
    things = said.group("things") if said else None
    if not said:
        left = max(floor, last_of("，。；：,;:", text, floor, q.start) + 1)  # (the list's 、 ends no clause here)
        said = rx(spec["listed"].replace("{bound}", spec["bound"])).search(text, left, q.start)
        after = rx(spec["things_after"]).match(text, q.end, min(len(text), q.end + 8)) if said else None
        if not after:
            return None
        things = after.group("things")  # (…的有太原、大同…5个市: the things named after their count)
    head = rx(spec["head_strip"]).sub("", said.group("head"))
    measure = _noun_phrase(head, taxonomy()[2]) if head else None
    rate = next((w for w in spec["rate_words"] if measure and head.endswith(measure + w)), "")
    measure = measure + rate if measure else measure  # 工业投资增速超过30%的开发区: its rate is the measure
    if not measure or not head.endswith(measure):
        return None
    if head.endswith("年" + measure):
        measure = "年" + measure  # 年销售收入: a yearly measure keeps the 年 jieba reads as a time
    things = things.translate(QUOTES)
    if measure in spec["class_measures"] and things.endswith(spec["class_things"]):
        measure = ""
    return measure + said.group("bound") + things + taxonomy()[2]["count_suffix"]


def bound_said(text: str, start: int, floor: int):
    """The bound (超千亿元, 2000万元以上) and the things it picks out, said in the clause before a count at `start`."""
    spec = patterns.load("metrics")["bounded_set_count"]
    said = rx(spec["pattern"].replace("{bound}", spec["bound"])).search(text, _clause_left(text, start, floor), start)
    if not said or "超" not in said.group("bound") and not said.group("bound").endswith(("以上", "以下")):
        return None
    return said


def picked_set_count(text: str, q, floor: int) -> str | None:
    """被评为较差等次的开发区有6家, 实现正增长的开发区有61家: the things a modifier picks out, counted right after
    them (较差等次开发区数, 正增长开发区数); the verbs that open the modifier name nothing."""
    spec = patterns.load("metrics")["subset_count"]
    left = _clause_left(text, q.start, floor)
    said = rx(spec["picked_things"]).search(text, left, q.start) or rx(spec["picked_graded"]).search(text, left, q.start)
    if not said or rx(spec["picked_frame"]).search(text, left, said.start("things")):
        return None  # (参加年度考核的开发区共86家: the event they joined frames the count, it picks out none)
    modifier = rx(spec["picked_opening"]).sub("", said.group("modifier").rpartition("的")[2])  # (…建设的限额以上的项目)
    if len(modifier) < 2 or gazetteer.mentions(modifier) or modifier in patterns.load("subjects")["province_self"] \
            + patterns.load("subjects")["city_self"]:
        return None  # (全省的开发区有88家: whose things, not which)
    return modifier + said.group("things") + taxonomy()[2]["count_suffix"]


def subset_count(text: str, q, floor: int) -> str | None:
    """全省88个开发区中，实现正增长的61个: the things a modifier picks out of a set counted before, by what picks
    them and the set's noun (正增长开发区数)."""
    spec = patterns.load("metrics")["subset_count"]
    left = _clause_left(text, q.start, floor)
    sets = [m for m in rx(spec["of_set"]).finditer(text, floor, q.start) if m.group("unit") in (q.unit, None)]
    if not sets:
        return None
    noun = sets[-1].group("noun")
    if text[q.end:q.end + 1] not in CLAUSE_END + "。":  # (仍有9家规上工业增加值负增长: the modifier after)
        after = rx(spec["picked_after"]).match(text, q.end + len(noun) if text.startswith(noun, q.end) else q.end)
        if after and after.group("did") and tagged(after.group("did")) != [(after.group("did"), "v")]:
            after = None  # (what the part did opens on a verb: 7家企业营业收入… is no pick)
        modifier = rx(spec["picked_opening"]).sub("", after.group("modifier").replace("了", "", 1)) if after else ""
        modifier = rx(spec["picked_after_verb"]).sub("", modifier)
        return modifier + noun + taxonomy()[2]["count_suffix"] if len(modifier) >= 2 else None
    picked = rx(spec["picked"]).match(text[left:q.start].strip())
    return picked.group("modifier") + noun + taxonomy()[2]["count_suffix"] if picked else None


def _canonical_cue(noun: str | None) -> str | None:
    """A noun that is a metric's cue, as the metric is named (粮食总产量 → 粮食产量); any other as it is."""
    names = _cue_metric_names(noun or "")
    return names.pop() if len(names) == 1 else noun


def _cue_metric_names(noun: str, kind: str | None = None) -> set[str]:
    """The names of the taxonomy's metrics the noun is a cue of (of figures of that unit kind, if given)."""
    return {entry["name"] for entry_type, entry in taxonomy()[0].get(noun, [])
            if entry_type == "metric" and (kind is None or kind in entry["kinds"])}


def streak_name(text: str, q, floor: int, previous: str | None = None) -> str | None:
    """杂交水稻制种面积连续8年全国第一 → 杂交水稻制种面积全国第一连续年数: what held, what it held, how long.
    A streak with no noun of its own (…增长30.4%、连续24个月保持两位数增长) is of the figure before it,
    whose metric is `previous`."""
    spec = taxonomy()[2]
    left = max(floor, last_of("，。；：,;:\n", text, floor, q.start) + 1)
    # (从2005年开始连续三年提高…: the year it started from is no noun of the streak)
    started = r"(?:(?:从|自)(?:19|20)\d{2}年(?:开始|起)?)?"
    before = rx(started + r"(?:再|已|均|均已)?连续$").sub("", text[left:q.start].translate(QUOTES))
    own = _noun_phrase(before.split("、")[0], spec)
    rate = rx(r"(?:增速|增幅)$").search(before.split("、")[0])
    if own and rate and not own.endswith(rate.group()):
        own += "增速"  # 增加值增速连续7个季度高于全国: what held is the growth rate, not the level (增幅 is one)
    if own and own.startswith("占"):
        return None  # 占国内生产总值比例连续十年保持在4%以上: a share of a figure named before, no noun
    if previous and previous.endswith(tuple(spec["streak_suffix"].values())):
        previous = None  # a streak is no noun of the streak after it
    own = _canonical_cue(own)
    if not own and previous and rate and not previous.endswith("增速"):
        previous += "增速"  # 收入年均增长6.8%，增速连续11个季度居全国前10位: the growth of the figure before
    noun = own or previous  # 播种面积、单产、总产连续6年增长: the first
    suffix = spec["streak_suffix"].get(q.unit, "连续数")
    stop = next((i for i in range(q.end, min(len(text), q.end + 16)) if text[i] in CLAUSE_END + "。"), q.end + 16)
    after = rx(r"^(?:位居|稳居|居|进入|实现|稳定在|保持在|(?:保持|稳定)(?=[0-9.]|\p{Han}))").sub("", text[q.end:stop].translate(QUOTES))
    clause = _streak_clause(text, q.end)
    if not noun and clause and rx(r"^(?:无|未发生|未出现)\p{Han}{2,}$").match(clause):
        return clause + suffix  # 连续45年无重大森林火灾: what did not happen names the streak alone
    won = rx(spec["streak_award_verb"]).match(clause) if not own and clause else None
    if won:
        award = rx(spec["streak_award"]).match(clause, won.end())
        # 连续4年获评全国营商环境最佳口碑省份: the award names the streak, and a grade alone names none
        return award.group("award") + suffix if award else None
    doing = rx(spec["streak_doing"]).match(clause or "") if noun is None \
        and not rx(patterns.load("quantities")["streak_state"]).match(text, q.end) else None
    if doing:  # 连续四年赴香港发行地方政府债券: what was done (no standing held) names the streak
        return doing.group("done") + suffix
    if noun is None and not before.strip() and left > floor and text[left - 1] in "，,":
        noun = _topic_before(text, left - 1, floor, spec)
    # (粮食总产量连续9年稳定在1300亿斤以上: the level held is part of the name)
    # (增速连续30个月居全国前10位: a standing among the first few is held too)
    if noun is None or not rx(r"[\p{Han}A-Za-zⅠ-Ⅻ]{0,10}(?:\+\p{Han}{0,4})?|[超过]?[0-9.]+(?:%|\p{Han}{1,4})(?:以上|左右)?|超\p{Han}{1,6}"
                              r"|\p{Han}{0,6}前[0-9]+[位名]?").fullmatch(after):
        return None
    return noun + after + suffix


def _after_zone(words: str) -> str:
    """临港新片区落地…案例79个, 盂县经开区新增…: the words after the last zone they name, the zone being the
    figure's subject and no part of its name (the gazetteer's zones are places to jieba and end a name anyway,
    but a name read from the left must start after them)."""
    subjects_spec = patterns.load("subjects")
    rest = rx(subjects_spec["remainder_zones"]).search(words) if "其" in words else None
    if rest:
        return words[rest.end():]  # …、其他开发区11个: the zones left over are whose part it is
    classes = list(_zone_class().finditer(words)) if "级" in words else None
    if classes and words[classes[-1].end():]:
        # 其中，国家级开发区完成…: the class of zones is whose part it is (其中国家级开发区9家: they are counted)
        return words[classes[-1].end():]
    kinds = list(rx(subjects_spec["zone_kind"]).finditer(words)) if "类" in words else None
    if kinds and words[kinds[-1].end():]:
        return words[kinds[-1].end():]  # 其中，工业类开发区实现营业收入…: the kind of zones is whose figure it is
    zone = list(rx(subjects_spec["zone_name"]).finditer(words)) \
        if any(word in words for word in subjects_spec["zone_words_outside_gazetteer"] + subjects_spec["one_zone_words"]) \
        else None  # (空港经济开发区: a zone the gazetteer lacks, by its word)
    if zone:
        return words[zone[-1].end():]
    if "区" in words and gazetteer.may_name_a_county_zone(words):  # jieba knows no such zone
        county_zones = [e for _, e, place in gazetteer.mentions(words) if place.type == "zone"]
        return words[county_zones[-1]:] if county_zones else words
    return _after_places_zones(_after_counted_places(words, subjects_spec), subjects_spec)


def _after_places_zones(words: str, subjects_spec: dict) -> str:
    """临汾市开发区处置闲置土地: a place's zones together (a city's, the province's) are the figure's subject,
    and their 开发区 no word of the name after them (jieba cuts the place off, not the zones' word)."""
    own = next((w for w in subjects_spec["own_zone_words"] if words.startswith(w) and len(words) > len(w)), None)
    if own:  # 开发区累计创建…, 园区建成…: the report's own zone, said by its word alone (开发区和工业园区,
        # 园区开发区: a name of zones joined)
        rest = words[len(own):]
        joined = rest[0] in subjects_spec["name_joiners"] or rest.startswith(tuple(subjects_spec["own_zone_words"]))
        return words if joined else rest
    word = subjects_spec["zones_word"]
    at = words.rfind(word)
    if at <= 0 or not words[at + len(word):]:
        return words
    placed = any(end == at and place.type in ("city", "province") for _, end, place in gazetteer.mentions(words[:at]))
    return words[at + len(word):] if placed else words


@functools.cache
def _zone_class() -> Pattern:
    """国家级开发区, 省级经开区: a class of the report's zones (subjects.toml `zone_class`), whose figures they are."""
    return rx(patterns.load("subjects")["zone_class"])


def _after_counted_places(words: str, subjects_spec: dict) -> str:
    """大同、朔州两市出让宗数: places closed by their count (两市, 三县) are the figure's subject, and the
    counter is no part of the name after them; so are such places taken up again by their count alone."""
    tails = list(rx(subjects_spec["group_tail"]).finditer(words)) if any(
        counter in words for counter in subjects_spec["place_counters"]) else ()
    ends = {end for _, end, _ in gazetteer.mentions(words)} if tails else ()
    # (…and the count of places told before, taken up again as the clause's opening, or a group named by its
    # region: 三市开发区专利授权量, 晋北三市开发区兑现惠企资金)
    counted = [tail for tail in tails if tail.start() in ends
               or rx(subjects_spec["counted_places"]).fullmatch(words, 0, tail.end()) is not None]
    return words[counted[-1].end():] if counted else words


def _topic_before(text: str, end: int, floor: int, spec: dict) -> str | None:
    """粮食总产再创历史新高，(连续16年位居全国首位): a clause that opens with a statistic's name and says no
    figure is the topic of the streak after it, which names nothing of its own."""
    clause = _after_zone(text[_clause_left(text, end, floor):end].translate(QUOTES))
    topic = _noun_phrase(clause, spec, from_left=True)
    if not topic or topic == clause or rx(r"[0-9０-９]").search(clause):
        return None
    topic = rx(spec["topic_predicate"]).sub("", topic)  # 普及率 / 逐步提高 (one idiom to jieba)
    canonical = _canonical_cue(topic)
    return canonical if canonical != topic or _names_a_measure(topic) else None


def _streak_clause(text: str, end: int, reach: int = 28) -> str | None:
    """The rest of a streak's clause, without quote marks and asides (连续19年获全国平安建设（综治工作）考评
    优秀省 → 获全国平安建设考评优秀省); None where no clause end comes within `reach` characters."""
    stop = next((i for i in range(end, min(len(text), end + reach)) if text[i] in CLAUSE_END + "。"), None)
    if stop is None:
        return None
    return rx(r"（[^（）]{1,10}）").sub("", text[end:stop].translate(QUOTES))


def _named(text: str, q, aspect: str, floor: int) -> tuple[str | None, str | None]:
    if q.kind == "streak":
        return streak_name(text, q, floor), "fallback"
    if q.kind.startswith("duration") and aspect == "value":
        timed = duration_name(text, q, floor)
        if timed:
            return timed, "fallback"
    targeted = _growth_target_metric(text, q) if aspect == "growth" else None
    if targeted:
        return targeted, "taxonomy"
    fraction = rx(patterns.load("metrics")["fraction_of_set"]["after"]).match(text, q.end) \
        if aspect == "share" else None
    if fraction:  # 近三成开发区亩均税收超过20万元 → 亩均税收超过20万元开发区数
        return fraction.group("measure") + fraction.group("bound") + fraction.group("things") \
            + taxonomy()[2]["count_suffix"], "fallback"
    picked = rx(patterns.load("metrics")["subset_count"]["counted_then_picked"]).match(text, q.end) \
        if q.kind == "count" and aspect == "value" else None
    if picked:  # 11个开发区固定资产投资完成进度低于40% → 固定资产投资完成进度低于40%开发区数
        modifier = rx(patterns.load("metrics")["subset_count"]["picked_after_verb"]).sub("", picked.group("modifier"))
        return "".join(modifier.split()) + picked.group("things") + taxonomy()[2]["count_suffix"], "fallback"
    ranked_by = _ranked_by(text, q, aspect)
    if ranked_by:
        return ranked_by
    measured = _measured_after(text, q, aspect, floor) or _stage_rate(text, q, aspect, floor)
    if measured:
        return measured
    # a count names its counted thing right after it: 47个项目开工建设, 51个厂房单体, 12个“园中园”
    if q.kind == "count" and aspect in ("value", "change"):
        steps = steps_count(text, q, floor) if q.unit == "个" else None
        if steps:
            return steps, "fallback"
        framed = framed_count(text, q, floor)
        if framed:
            return framed, "taxonomy"
        placed = place_count(text, q) if q.unit in ("个", "家") else None
        if placed:
            return placed, "fallback"
        bounded = bounded_set_count(text, q, floor) if "的" in text[max(floor, q.start - 24):q.start] else None
        if bounded:
            return bounded, "fallback"
        subset = subset_count(text, q, floor) or picked_set_count(text, q, floor)
        if subset:
            return subset, "fallback"
        people = _people_named_after(text, q) if q.unit.endswith("人") else None
        if people:
            return people, "taxonomy"
        counted = _counted_noun(text, q.end, q.unit, q.start)
        reached = _reached_counted(text, q, floor, counted[0]) if counted else None
        if reached:
            return reached, "fallback"
        if counted and counted[1] == "fallback":
            clause = _clause_of(text, q.start, floor)
            noun = _with_set_verb(counted[0], clause)
            ministry = rx(taxonomy()[2]["ministry_has"]).match(clause.strip()) if "部" in clause else None
            if ministry:  # 冶金工业部有五十七个建设项目: the ministry's projects
                noun = ministry.group("owner").replace("、", "") + noun
            return _counted(noun, q.unit, taxonomy()[2]), "fallback"
        if counted:
            return counted
        titled = rx(taxonomy()[2]["compound_set"]).search(text, floor, q.start)
        if titled:  # “承诺制+标准地+全代办”项目19个: the set named by all of a compound title, not its last part
            return rx(r"\s").sub("", titled.group(1)) + titled.group(2) + taxonomy()[2]["count_suffix"], "fallback"
    if q.kind == "percent" and aspect == "share":
        counted = _share_of_counted(text, q)
        if counted:
            return counted, "fallback"
    if q.kind in ("percent", "fraction") and aspect == "share":
        measured = _share_of_measure(text, q)  # (约三分之一的建设用地 as 3.2%的土地面积)
        if measured:
            return measured
    cut = _denominator_cut(text, q, aspect, floor)
    if aspect == "contribution":  # 消费对经济增长贡献率55%: the contribution is to the metric after 对
        for _, _, _, entries in _cue_matches(text, cut, q.start)[0]:
            # 对全省开发区贡献率: a word that names a count only right after its number names the whole here
            entries = [(kind, entry) for kind, entry in entries if not entry.get("only_after")]
            if name := _fitting(entries, q, aspect):
                return name, "taxonomy"
    matches, segment = _cue_matches(text, floor, cut)
    clause_at = len(text[floor:_naming_clause_left(text, q.start, floor)].translate(QUOTES))  # in `segment`
    chosen, chosen_at = None, None
    for k in range(len(matches) - 1, -1, -1):
        m_start, m_end, cue, entries = matches[k]
        for entry_type, entry in entries:
            if entry.get("not_after") and segment.endswith(tuple(entry["not_after"]), 0, m_start):
                continue  # 带动新增就业: the jobs something brought, named by that thing (项目带动就业人数)
            name = _fits(entry_type, entry, q, aspect)
            if name and not entry.get("only_after"):
                chosen, chosen_at = (m_start, name, entry_type, entry), k
                break
        if chosen:
            break
    # a part named by its own noun before 占比 (市场主体…，企业占比76.17%，居全省第一): the share, and the
    # rank and gap said of it, measure that part, not the whole named before
    if aspect in ("share", "rank", "difference"):
        part = _share_part(text, q, floor, matches[chosen_at][1] if chosen else 0, chosen)
        if part:
            return part, "fallback"
    # a bare head cue (增加值, 投资) with a noun of its own glued before it (汽车产业增加值, 交通投资) is that
    # noun's statistic, not the taxonomy's default reading of the head
    if chosen and matches[chosen_at][2] in taxonomy()[2]["head_cues"]:
        glued = _glued_name(segment, matches[chosen_at][0], matches[chosen_at][1])
        if glued and chosen[0] < clause_at and q.kind != "count":
            own = fallback_name(text, q, floor)  # …争取到农发行贷款7.49亿元: the figure's clause names its own
            if own and _names_a_measure(own):
                return own, "fallback"
        if glued:
            return glued, "fallback"
    # a cue that only modifies the noun glued to the figure (制约项目投产的卡点问题38个): that noun is measured
    if chosen and aspect in ("value", "change"):
        modified = _modified_noun(text, q, floor, segment, matches[chosen_at][1]) \
            or _headed_measure(segment, matches[chosen_at][0], matches[chosen_at][1], q)
        if modified:
            return modified, "fallback"
    # a generic word glued to a specific cue (“承诺制”项目) takes the specific name
    if chosen and chosen[3].get("generic") and chosen_at > 0:
        p_start, p_end, _, entries = matches[chosen_at - 1]
        if chosen[0] - p_end <= 1:
            for entry_type, entry in entries:
                name = _fits(entry_type, entry, q, aspect)
                # (a rank or share has no unit to choose by: a count's cue before a money word, 开工项目总投资居
                # 全省第3位, only says whose money it is)
                kinds_apart = aspect not in ("value", "change") and entry_type == "metric" \
                    and "count" in entry["kinds"] and not set(entry["kinds"]) & set(chosen[3]["kinds"])
                if name and not entry.get("generic") and not kinds_apart:
                    return name, "taxonomy"
    # …and the money done (完成投资) under a frame that names the investment it is of (固定资产投资方面，全市开发区完成
    # 投资186.5亿元) is that investment's
    if chosen and chosen[3].get("generic") == "glue":
        framed = _framing_investment(text, floor, q, aspect)
        if framed:
            return framed, "taxonomy"
    # a generic word (总投资, 项目) takes its name from the topic of its sentence (“签约一批”项目…总投资);
    # a clause with a noun of its own (达成贷款意向171.53亿元) is not the topic's
    # …as is a clause with a noun of its own after a generic word of an earlier clause (…12个项目的竣工验收，
    # 累计走访企业60家)
    earlier = (q.kind == "count" and chosen is not None and chosen[3].get("generic")
               and text[q.end:q.end + 1] in CLAUSE_END + "。" and chosen[0] < clause_at)
    # a clause with a noun of its own names its figure, whatever an earlier clause named
    # (…进出口稳量提质，一般公共预算收入增长4%左右)
    elsewhere = (chosen is not None and q.kind != "count" and not q.is_rank and chosen[0] < clause_at
                 and (_may_name_a_measure(segment[clause_at:]) or _may_name_by_kind(segment[clause_at:], q)))
    # …and a growth rate whose clause names a counted thing of its own, after a count of another thing (…事故起数
    # 下降12%，新设外资企业增长20%); after a measure (增加值增长8%，其中民营企业增长10%) it names that measure's part
    counted_own = None
    if not elsewhere and chosen is not None and aspect == "growth" and q.kind.split("/")[0] == "percent" \
            and chosen[0] < clause_at and _names_a_count(chosen[1]):
        counted_own = fallback_name(text, q, floor)
        elsewhere = bool(counted_own) and _names_a_count(counted_own)
    # …and a count whose clause names its own counted thing (…企业新增120家，国家级绿色工厂达到35家)
    elsewhere = elsewhere or (chosen is not None and q.kind == "count" and aspect in ("value", "change")
                              and chosen[0] < clause_at and not _names_by_cue(matches, clause_at))
    if chosen is not None and chosen[0] < clause_at and not elsewhere and q.aspect == "value":
        listed = _listed_output(text, q, floor)
        if listed:  # 粮食产量达到4亿吨；棉花达到608万吨: a product of its own, in a list of outputs
            return listed, "fallback"
    own = counted_own if elsewhere and counted_own else \
        fallback_name(text, q, floor) if chosen is None or earlier or elsewhere else None  # (read once above)
    if elsewhere and own and q.kind != "count" and not _names_a_measure(own) and own != counted_own:
        own = None  # 增速40.6%, 占全市比重: the clause frames the earlier clause's figure
    if elsewhere and own and q.kind == "count" and not _names_a_thing(own):
        own = None  # 今年以来新增5550户: the clause counts more of the earlier clause's thing
    if own and own.removesuffix(taxonomy()[2]["count_suffix"]) not in taxonomy()[2]["generic_measures"]:
        return own, "fallback"
    if chosen is None or chosen[3].get("generic") is True:
        for m_start, m_end, cue, entries in reversed(matches):
            if chosen and m_start > chosen[0]:
                continue
            for entry_type, entry in entries:
                if entry_type == "topic" and not entry.get("project_set"):
                    name = _fits(entry_type, entry, q, aspect)
                    if name:
                        return name, "taxonomy"
    if chosen:
        return chosen[1], "taxonomy"
    return (own, "fallback") if own else (None, None)


def _names_by_cue(matches: list, clause_at: int) -> bool:
    """Whether a cue the sentence's reading found in the clause from `clause_at` may name a figure before it: a
    word that names a count only right after its number (开发区) names none (晋城经济技术开发区新增规上工业企业6家);
    nor does a cue across a word the reading keeps whole (“拿地即开工”项目9个: no 开工项目)."""
    return any(m[0] >= clause_at and not all(entry.get("only_after") for _, entry in m[3]) for m in matches)


def _people_named_after(text: str, q) -> str | None:
    """13亿人口的发展中国家, 14亿多中国人: a count of people said as the nation's is the population; 六亿人民 and
    八亿农民 said in words, a nation's hundreds of millions, are the whole and the rural population; 三千六百万的
    少数民族人口 is the population the words after 的 name."""
    spec = taxonomy()[2]
    if text.startswith("口", q.end) or text.startswith(tuple(spec["population_nouns"]), q.end):
        return spec["population"]
    own = rx(spec["population_of_kind"]).match(text, q.end)
    if own:
        return own.group("kind") + "人口"
    said_in_words = not text[q.number_start:q.number_start + 1].isdigit()
    if said_in_words and (q.base_value or 0) >= spec["nation_of_people"]["at_least"]:
        for word, name in spec["nation_of_people"]["words"].items():
            # 六亿人民: the unit read 人 and 民 is left; 八亿农民: the magnitude was bare and 农民 follows it
            if text.startswith(word, q.end) or text.startswith(word, q.end - 1):
                return name
    return None


def _measured_after(text: str, q, aspect: str, floor: int) -> tuple[str, str] | None:
    """全力抓好2000亩标准地: an amount whose own clause says only what is done (抓好, 打造) before it is
    an amount of the noun after it (标准地面积)."""
    cues, pattern, spec = taxonomy()
    if q.kind not in spec["named_after_kinds"] or aspect not in ("value", "change"):
        return None
    own = text[_clause_left(text, q.start, floor):q.start].translate(QUOTES)
    own = rx(r"[和及与]").split(own)[-1]  # …2000亩标准地和200万平方米标准厂房: the list's own item
    after = _words_after(text, q.end)
    verb = rx(r"\p{Han}{2}$").search(own.strip())
    split = pattern.match(after)  # 完成20个亿投资: the verb before and the cue after make one name
    if verb and split and (name := _fitting(cues.get(verb.group() + split.group(), []), q, aspect)):
        return name, "taxonomy"
    funds = (_funds_after(own, after, spec) or _programme_funds(text, q, own, spec) or _funds_for(text, q, own, spec)) \
        if q.kind.startswith("money") and aspect == "value" else None
    if funds:
        return funds, "fallback"
    if not rx(r"\p{Han}").match(after) or pattern.search(own) or after.startswith(tuple(spec["marks_after"])):
        return None  # 争取贷款7.49亿元: the clause names its own amount
    aid = rx(spec["aid_after"]).match(text[q.end:q.end + 16].translate(QUOTES)) if q.kind.startswith("money") else None
    given = aid and rx(spec["aid_given"]).search(own)  # 给予企业50万元一次性奖励: the words before say who gets it
    before = None if given else _noun_phrase(own, spec)
    if before and not tagged(before)[-1][1].startswith("v"):
        return None
    phrase = aid.group("aid") if aid else _things_after(after)
    if not 2 <= len(phrase) <= spec["max_chars"]:
        return None
    for m in sorted(pattern.finditer(phrase), key=lambda m: len(m.group()), reverse=True):
        if name := _fitting(cues[m.group()], q, aspect):
            return name, "taxonomy"
    return _with_kind(phrase, q.kind, spec), "fallback"


def _ranked_by(text: str, q, aspect: str) -> tuple[str, str] | None:
    """晋城市开发区以126.4亿元的利润总额居全省第一: the figure a place ranks by is of the measure said after it."""
    if aspect != "value" or "以" not in text[max(0, q.start - 2):q.start]:
        return None
    said = rx(taxonomy()[2]["ranked_by_measure"]).match(text, q.end)
    if not said:
        return None
    measure = said.group("measure")
    cue = taxonomy()[1].fullmatch(measure)
    named = _fitting(taxonomy()[0][cue.group()], q, aspect) if cue else None
    return (named, "taxonomy") if named else (measure, "fallback") if _names_a_measure(measure) else None


def _things_after(after: str) -> str:
    """The noun phrase the words after a figure open on (人才公寓 / 建设: the thing ends where what is done to it
    begins); empty where they open on a verb (投资5亿元建设…: what it is for, not what it measures)."""
    tokens = tagged(after)
    if not tokens or not tokens[0][1].startswith(("n", "j", "a")) or tokens[0][1].startswith(("ns", "ad")):
        return ""
    words = []
    for word, flag in tokens:
        if not flag.startswith(("n", "j", "a", "b")) or flag.startswith(("ns", "ad")):
            break
        words.append(word)
    return "".join(words)


def _funds_after(own: str, after: str, spec: dict) -> str | None:
    """中央财政今年再安排1300亿元灾后重建资金: an amount right before the funds it is, in a clause that says
    only who sets it aside and how, is those funds, the payer's (中央财政灾后重建资金)."""
    rule = spec["funds_after"]
    funds = rx(rule["funds"]).match(after)
    said = rx(rule["clause"]).fullmatch(own.strip()) if funds else None
    return (said.group("payer") or "") + funds.group("funds") if said else None


def _programme_funds(text: str, q, own: str, spec: dict) -> str | None:
    """筹措7亿元实施就业惠民工程: money raised to carry out a named programme, in a clause that says only who
    raises it and how, is that programme's funds (就业惠民工程资金)."""
    rule = spec["programme_funds"]
    programme = rx(rule["programme"]).match(text, q.end)
    said = rx(rule["clause"]).fullmatch(own.strip()) if programme else None
    return programme.group("programme").translate(QUOTES) + rule["suffix"] if said else None


def _funds_for(text: str, q, own: str, spec: dict) -> str | None:
    """中央财政安排109亿元资金支持再就业: money a payer sets aside for a purpose said after it is the payer's
    funds for that purpose (中央财政再就业资金); put in (投入…，用于…), its spending on it (…投入)."""
    rule = spec["funds_for"]
    said = rx(rule["clause"]).fullmatch(own.strip())
    purpose = rx(rule["purpose"]).match(text, q.end) if said else None
    if not purpose or any(word in purpose.group("purpose") for word in rule["not_purpose"]):
        return None
    head = said.group("verb") if said.group("verb") in rule["spent"] and not purpose.group("funds") else rule["head"]
    return said.group("payer") + purpose.group("purpose").translate(QUOTES) + head


def _stage_rate(text: str, q, aspect: str, floor: int) -> tuple[str, str] | None:
    """新建项目开工40%以上，上半年开工80%以上: a percentage right after a stage verb is the rate of that
    stage among the things named before the verb, here or where the sentence last used the verb."""
    spec = taxonomy()[2]
    if q.kind != "percent" or aspect != "value":
        return None
    left = _clause_left(text, q.start, floor)
    clause = rx(r"\s").sub("", text[left:q.start])
    verb = rx(spec["stage_rate_verbs"] + r"$").search(clause)
    if not verb:
        return None
    noun = _rate_noun(clause[:verb.start()])
    earlier = rx(r"\s").sub("", text[floor:left])
    if not noun and verb.group() in earlier:  # 上半年开工80%以上: the noun of the sentence's first 开工
        before = earlier[:earlier.rfind(verb.group())]
        noun = _rate_noun(before[last_of(CLAUSE_END, before) + 1:])
    return noun + verb.group() + "率", "fallback"


def _rate_noun(words: str) -> str:
    """The noun phrase that ends `words`: 确保一季度续建项目全部复工、新建项目 → 新建项目."""
    places = gazetteer.places()
    out = []
    for word, flag in reversed(tagged(words.translate(QUOTES))):
        if not out and flag.startswith(("t", "mq")):
            continue  # 技改项目年内投产: the time between the noun and its verb
        if flag.startswith(("ns", "nr")) and word in places or not flag.startswith(("n", "j", "vn", "b")):
            break  # jieba tags 新建, 续建 as places and people; only the gazetteer's places end a name
        out.append(word)
    noun = "".join(reversed(out))
    for word in taxonomy()[2]["strip_leading"]:  # 全县技改项目 → 技改项目
        if noun.startswith(word) and len(noun) > len(word) + 1:
            noun = noun[len(word):]
    return noun


def _framing_investment(text: str, floor: int, q, aspect: str) -> str | None:
    """固定资产投资方面，…完成投资186.5亿元 / 从工业投资看，…: the investment the sentence's opening frame names,
    where the frame is a cue of one and nothing more."""
    frame = rx(taxonomy()[2]["topic_frame"]).match(text, floor, q.start)
    cue = taxonomy()[1].fullmatch(frame.group("x").translate(QUOTES)) if frame else None
    name = _fitting(taxonomy()[0][cue.group()], q, aspect) if cue else None
    return name if name and name.endswith(taxonomy()[2]["framed_investment_end"]) else None


def _gap_against_other(text: str, q, before, floor: int) -> str | None:
    """平均利率3.45%，较同期企业贷款平均利率低0.6个百分点; 用电价格降至每千瓦时0.35元，较全省大工业平均电价低约
    0.1元: a clause that sets the figure before against another's (比/较…高/低) says by how much the measure differs,
    in its unit (or in points of a rate): a difference of that measure. Returns the way it differs (高, 低…), or None."""
    if before is None or before.start < floor or not before.metric or before.aspect not in ("value", "growth"):
        return None
    gap = rx(patterns.load("aspects")["gap_against_other"]["pattern"]).fullmatch(text, _clause_left(text, q.start, floor), q.start)
    points = q.unit == "个百分点" and before.kind.startswith("percent")
    if gap is None or not (points or q.unit == before.unit or q.kind == before.kind) \
            or rx("[；;。]").search(text, before.end, q.start):
        return None
    return gap.group("way")


def _deed_of_frame(text: str, q, floor: int) -> str | None:
    """新设外资企业方面，太原、晋中市开发区分别新设58家、23家: a figure named by a deed alone (新设数), in a
    sentence whose opening frame names that deed and what it was done to, is named by the frame (新设外资企业数)."""
    frame = rx(taxonomy()[2]["topic_frame"]).match(text, floor, q.start)
    if not frame or not q.metric or "方面" not in frame.group():  # (从出让主体看: by whom, a breakdown's, no deed's)
        return None
    words = frame.group("x").translate(QUOTES)
    suffix = max((s for s in _measure_words() if q.metric.endswith(s)), key=len, default=None)
    deed = q.metric.removesuffix(suffix) if suffix else ""
    if len(deed) != 2 or not words.startswith(deed) or len(words) < len(deed) + 2 or words.endswith(suffix) \
            or tagged(deed)[-1][1] not in ("v", "vn", "b"):  # (新建 is tagged b)
        return None
    return words + suffix


def _bracketed_in_frame(text: str, q, floor: int) -> tuple[str, str] | None:
    """规上工业增加值增速方面，排名前五位的开发区依次是：芮城经开区（28.6%）、…: a figure in brackets that names
    nothing, in a sentence whose opening frame names a measure and its aspect, is that measure's (the name, the aspect)."""
    if q.metric is not None or text[q.start - 1:q.start] not in ("（", "(") or text[q.end:q.end + 1] not in ("）", ")"):
        return None
    frame = rx(taxonomy()[2]["topic_frame"]).match(text, floor, q.start)
    if not frame:
        return None
    words = frame.group("x").translate(QUOTES)
    aspect, name = closing_aspect(words, q) or (q.aspect, words)
    cue = taxonomy()[1].fullmatch(name)
    named = _fitting(taxonomy()[0][cue.group()], q, aspect) if cue else None
    return (named, aspect) if named else None


def _glued_name(segment: str, cue_start: int, cue_end: int) -> str | None:
    """汽车产业增加值: the noun phrase that ends with a bare head cue, when it says more than the head."""
    spec = taxonomy()[2]
    left = last_of(CLAUSE_END, segment, 0, cue_start) + 1  # the cue's own clause
    if left >= cue_start:
        return None
    phrase = _noun_phrase(segment[left:cue_end], spec)
    cue = segment[cue_start:cue_end]
    if phrase == cue and segment[cue_start - 1] == "的":
        phrase = _owner_before_of(segment[left:cue_start - 1], cue, spec)
    zones = next((w for w in _zone_words() if phrase and phrase.startswith(w)), "")
    if phrase and not zones and "级" in phrase:
        zones = (found := _zone_class().match(phrase)) and found.group() or ""
    # 全市开发区单位面积工业增加值, 孝义高新区营业收入, 国家级开发区营业收入: the zones are whose measure it is
    phrase = _without_intent(phrase[len(zones):], cue) if phrase else phrase  # (开发区将力争光机电产业产值)
    if phrase and not zones and len(phrase) > len(cue):
        phrase = _after_zone(phrase) or phrase  # 空港经济开发区进出口额: a zone the gazetteer lacks, by its name
    if not phrase or len(phrase) < len(cue) + 2 or not phrase.endswith(cue) or gazetteer.mentions(phrase):
        return None
    if any(phrase.endswith(word) and len(word) > len(cue) for word in spec["head_not_after"]) \
            or any(not _counts_only(m.group()) for m in taxonomy()[1].finditer(phrase[:-len(cue)])):
        return None  # 项目投资, 总投资: a project's size; 规上工业增加值: a full cue of its own
    return _in_column_style(phrase, spec)


def _without_intent(phrase: str, cue: str) -> str:
    """将力争光机电产业产值 → 光机电产业产值: the words of a plan's intent that open a name glued to a head cue."""
    intent = taxonomy()[2]["intent_words"]
    while (word := next((w for w in intent if phrase.startswith(w) and len(phrase) > len(w) + len(cue)), None)):
        phrase = phrase[len(word):]
    return phrase


@functools.cache
def _zone_words() -> tuple[str, ...]:
    """开发区 and the words of one zone (高新区, 经开区…), alone or after the places a count counts (两市开发区),
    longest first."""
    spec = patterns.load("subjects")
    words = {spec["zones_word"], *spec["one_zone_words"]}
    return tuple(sorted(words | {c + w for c in spec["place_counters"] for w in words}, key=len, reverse=True))


def _owner_before_of(words: str, cue: str, spec: dict) -> str | None:
    """手工业生产合作组织的产值: the noun phrase before 的 owns the bare head after it."""
    owner = _noun_phrase(words, spec)
    if not owner or not words.endswith(owner) or not 2 <= len(owner) <= 10:
        return None
    flags = [flag for _, flag in tagged(owner)]
    if flags[0].startswith(("v", "p", "d")) or not all(flag.startswith(("n", "v", "j", "b")) for flag in flags) \
            or gazetteer.mentions(owner):
        return None
    return owner + cue


def _counts_only(cue: str) -> bool:
    """重点项目 in 省重点项目完成投资 names the things counted, not a measure of their own."""
    return all(kind == "metric" and entry["kinds"] == ["count"] for kind, entry in taxonomy()[0][cue])


def _in_column_style(phrase: str, spec: dict, counted: bool = False) -> str:
    """A name's last word as the taxonomy writes it (企业数量 → 企业数, 产业营收 → 产业营业收入); a count keeps
    the words that name an amount only of money (跨境电商出口297.5万单 counts the exports, not 出口额)."""
    for ending, written in spec["name_endings"].items():
        if counted and ending in spec["name_endings_of_amounts"]:
            continue
        # (a bare 出口 is 出口额 too, but a bare 数量 is no 数)
        if phrase.endswith(ending) and (len(phrase) > len(ending) or written.startswith(ending)):
            return phrase[: -len(ending)] + written
    return _enrolled(phrase, spec) if "生" in phrase or "幼儿" in phrase else phrase


def _enrolled(name: str, spec: dict) -> str:
    """高等学校学生人数 → 高等学校在校学生人数, 小学生人数 → 小学在校学生人数: a school's pupils are those
    enrolled in it, the column the statistics keep."""
    rule = spec["enrolled"]
    for ending, written in rule["kindergarten"].items():
        if name.endswith(ending):
            return name[: -len(ending)] + written
    school = rx(rule["schools"]).search(name)
    if not school:
        return name
    head = name[: school.end()]
    if head.endswith(("小", "中")):
        head += rule["school_suffix"]  # 小学生: the school is 小学
    return head + rule["insert"] + rule["suffix"]


def shared_head(names: list[str]) -> list[str]:
    """工业、制造业、工业技改投资 → 工业投资, 制造业投资, 工业技改投资: the head word of the last name is
    shared by the names before it that have no measure of their own."""
    spec = taxonomy()[2]
    purposed = _purposes_listed(names, spec) or _bounds_listed(names, spec) or _grades_listed(names, spec)
    if purposed:
        return purposed
    measured = tuple(spec["measure_heads"])
    first = next((w for w in spec["scope_words"] if names[0].startswith(w) and len(names[0]) > len(w)), "")
    names = [names[0][len(first):]] + names[1:]  # 其中城镇、农村居民收入: the scope is not a name's
    last = names[-1].translate(QUOTES)
    words = [t.word for t in _jieba().lcut(last)]
    head = words[-1] if len(words) > 1 else ""
    if len(head) == 1 and len(words) > 2 and tagged(last)[-2][1] == "v":
        head = words[-2] + head  # 基本养老保险、基本医疗保险参保率: jieba cuts 参保 from its 率
    head = max((h for h in spec["compound_heads"] if last.endswith(h) and len(last) > len(h) > len(head)),
               key=len, default=head)  # 化学需氧量、二氧化硫排放总量: the dictionary keeps the last name whole
    kind = next((k for k in spec["list_kinds"] if len(words) > 2 and words[-2].endswith(k)), "")
    if kind and not any(n.endswith(kind) for n in names[:-1]):
        head = kind + head  # 电子信息产业增加值: jieba may glue the kind to the last item's name
    measure = max((m for m in measured if head.endswith(m) and m != head), key=len, default="")
    if measure and all(n.endswith(head[-len(measure) - 1]) for n in names[:-1]):
        head = measure  # 金融业、软件和信息服务业增加值: industries in parallel share the measure, not 服务业
    items = [_without_leading_verbs(names[0])] + names[1:-1]  # 改造老旧供热、燃气、排水管网: 改造老旧 is the list's
    k, rest = len(items[0]), last[len(items[0]):]
    if k <= 2 <= len(rest) and all(len(n) == k and n != last[:k] for n in items) \
            and not rest.endswith(measured) and _dictionary().get(rest) and tagged(rest)[-1][1].startswith("n"):
        return [n + rest for n in items] + [last]  # 供热、燃气、排水管网800、600、300公里: kinds of one thing
    k = len(names[0])
    # (工业、服务业投资: 服务 / 业投资 would cut a word; 博士、硕士生活补贴: 硕士生 is a word too, but jieba reads
    # 硕士 / 生活补贴)
    if k <= 2 < len(last) - k and all(len(n) == k and n != last[:k] for n in names[:-1]) \
            and (not _dictionary().get(last[:k + 1]) or len(words[0]) == k):
        head = last[k:]  # 城镇和农村居民人均可支配收入: modifiers as long as the last one's share all the rest
    if "等" in words[1:-1]:
        # 食品、石化、医药、信息等产业增加值: 等 (a word of its own, not the 等 of 高等教育) closes the list,
        # and everything after it is the shared head
        at = len("".join(words[:words.index("等")]))
        after = last[at + 1:]
        if after.endswith(measured):
            names, head = names[:-1] + [last[:at] + after], after
    count = next((c for c in (*spec["count_suffix_of_events"], spec["count_suffix"]) if last.endswith(c)), "")
    if count and head.endswith(spec["count_suffix"]) and not head.endswith(measured) \
            and not any(n.translate(QUOTES).endswith(measured + (count,)) for n in names[:-1]):
        return [n + count for n in names[:-1]] + [names[-1]]  # 刑事案件、治安案件、命案数: each item's count
    if head in spec["counted_growth_endings"] and all(len(n) <= 4 and not n.endswith(head) for n in names[:-1]):
        return [n + head for n in names[:-1]] + [last]  # 刑事治安、涉诈、涉毒警情: kinds of one thing counted
    if head in spec["listed_things"] and all(len(n) <= spec["listed_thing_item_chars"]
                                             and not n.endswith(tuple(spec["own_thing_endings"])) for n in names[:-1]):
        return [n + head for n in names[:-1]] + [last]  # 新材料、新能源、现代煤化工项目
    field = next((w for w in spec["list_fields"] if w in last[2:]), None)
    if field and not any(field in n for n in names[:-1]):
        return [n + last[last.index(field, 2):] for n in names[:-1]] + [last]
    if not head or not head.endswith(measured):
        return _owner_shared(names, spec)
    if len(words) > 2 and words[-2].endswith(measured) \
            and all(n.endswith(words[-2]) and not n.endswith(head) for n in names[:-1]):
        # 困难残疾人生活补贴、重度残疾人护理补贴标准: a measure each item ends on, and the one word after it
        # in the last, is every item's (生活补贴标准)
        return [n + head for n in names[:-1]] + [names[-1]]
    own = [n.translate(QUOTES).endswith(measured + (spec["count_suffix"],))
           and not n.endswith(tuple(spec["substances_ending_as_measures"])) for n in names[:-1]]  # 事故起数
    if any(own):
        return _owner_shared(names, spec)  # 进口货值、免签入境游客、…、离岛免税销售额: items with measures of their own are a list of
        # different statistics, and those without one are counts of their own things, not the last one's head
    # 限上新能源汽车、节能家电零售额: the first item's scope is the whole list's, whatever verb stands before
    # it (以旧换新带动限上新能源汽车、…); 新能源汽车、智能手机限上零售额: a scope on the shared head is every
    # item's, and goes first, as the statistician writes it (限上智能手机零售额)
    scope, at = max(((w, names[0].rfind(w)) for w in spec["list_scopes"] if w in names[0]),
                    key=lambda found: found[1], default=("", -1))
    if at >= 0:
        names = [names[0][at:]] + names[1:]
    elif last.removesuffix(head).endswith(tuple(spec["list_scopes"])):
        scope = next(w for w in spec["list_scopes"] if last.removesuffix(head).endswith(w))
        names = names[:-1] + [names[-1].replace(scope + head, head)]
    scoped = [n if n.startswith(scope) else scope + n for n in names]
    return [n + head for n in scoped[:-1]] + [scoped[-1]]


def _purposes_listed(names: list[str], spec: dict) -> list[str] | None:
    """中央财政用于科技、教育、卫生和文化事业的支出 → 中央财政科技支出, 中央财政教育支出, …: spending
    listed by its purposes is each purpose's spending, by the payer named before 用于."""
    rule = spec["purpose_list"]
    opening = rx(rule["first"]).match(names[0].translate(QUOTES))
    closing = rx(rule["last"]).match(names[-1].translate(QUOTES))
    if not (opening and closing and len(names) > 1):
        return None
    items = [opening.group("item"), *names[1:-1], closing.group("item")]
    return [opening.group("payer") + item + closing.group("head") for item in items]


def _bounds_listed(names: list[str], spec: dict) -> list[str] | None:
    """营业收入超千亿元、超500亿元的开发区 → 营业收入超千亿元开发区, 营业收入超500亿元开发区: bounds listed
    before the class they bound, said once after the last, are each a class of its own; the measure bounded,
    said before the first, is every bound's."""
    if len(names) < 2:
        return None
    bounds = [_bounded_class(n, spec) for n in names]
    last = bounds[-1]
    if not last or not last.group("rest") or not all(m and not m.group("rest") for m in bounds[:-1]):
        return None
    measure = _bounded_measure(last, spec) or _bounded_measure(bounds[0], spec)
    return [measure + m.group("bound") + last.group("rest") for m in bounds]


def _grades_listed(names: list[str], spec: dict) -> list[str] | None:
    """国家级、部级创新平台 → 国家级创新平台, 部级创新平台: grades listed alone share what follows the last one's."""
    grade = rx(spec["listed_grade"])
    last = grade.match(names[-1])
    if len(names) < 2 or not last or last.end() == len(names[-1]) \
            or not all(grade.fullmatch(n) for n in names[:-1]):
        return None
    return [n + names[-1][last.end():] for n in names[:-1]] + [names[-1]]


def _bounded_class(name: str, spec: dict):
    """超500亿元开发区, 营业收入超千亿元的开发区, 10亿元以上项目: (the measure bounded if any, the bound, the
    class bounded), where a bound opens the name or follows its measure."""
    return rx(r"(?P<measure>\p{Han}{0,8}?)(?P<bound>" + spec["listed_bound"] + r")的?(?P<rest>\p{Han}*)") \
        .fullmatch(name.translate(QUOTES))


def _bounded_measure(bounded, spec: dict) -> str:
    """营业收入 (超千亿元): the measure a bound bounds; the words before a bound that name no measure (全市开发区
    亿元以上项目) are the list's scope, not its name."""
    words = bounded.group("measure")
    words = next((words[len(w):] for w in spec["scope_words"] if words.startswith(w)), words)
    return words if _names_a_measure(words) else ""


def _without_leading_verbs(name: str) -> str:
    """改造老旧供热 → 供热, 新增养老 → 养老: the verb and adjectives before a list's first item are the list's."""
    words = tagged(name)
    while len(words) > 1 and words[0][1] in ("v", "a", "ad", "d"):
        words = words[1:]
    return "".join(word for word, _ in words)


def _owner_shared(names: list[str], spec: dict) -> list[str]:
    """规上工业企业营业收入、利润分别增长…: bare measures listed after a measure with an owner are the owner's."""
    measures = set(spec["measure_heads"]) | set(spec["owned_measures"])
    owner = _owner_of(names[0], measures)
    # (进口额、出口额: a first item that is a bare measure itself has no owner to lend)
    if not owner or names[0] in measures or not all(n in measures for n in names[1:]):
        return names
    return [names[0]] + [owner + n for n in names[1:]]


def _owner_of(name: str, measures: set[str]) -> str:
    """规上工业企业营业收入 → 规上工业企业: the words before the longest measure the name ends on. A name
    that is a measure whole (营业收入) has no owner, whatever shorter measure it ends on (收入)."""
    name = name.translate(QUOTES)
    if name in measures:
        return ""
    head = max((m for m in measures if name.endswith(m) and len(name) > len(m)), key=len, default="")
    return name[:-len(head)] if head else ""


def _owner_carried(text: str, q, before, floor: int) -> str | None:
    """工业机器人产量增长35.3%、出口量居全国第2位: a clause that opens on a bare measure, right after a
    figure of a measure with an owner, measures the same owner (工业机器人出口量)."""
    spec = taxonomy()[2]
    if before is None or before.start < floor or not before.metric or not q.metric \
            or q.metric_source not in ("fallback", "taxonomy"):
        return None
    dated = rx(spec["year_of_measure"]).match(q.metric)  # 年度产量: the year's output, the output all the same
    measure = q.metric[dated.end():] if dated else q.metric
    counterpart = spec["counterpart_heads"].get(measure)  # 收入增长2.3%、支出首次超过7000亿元
    paired = counterpart is not None and before.metric.endswith(counterpart)
    if measure not in spec["owned_measures"] and not paired:
        return None
    left = _clause_left(text, q.start, floor)
    # a measure of the taxonomy (产值) is carried only along a list (林下经济面积达260万亩、产值达130亿元): a
    # clause of its own that opens on 营业收入 may speak of the whole subject's (…；营业收入增速放缓1.5个百分点,
    # though the taxonomy does not name a move in points)
    if (q.metric_source != "fallback" or measure in taxonomy()[0]) and (left <= floor or text[left - 1] != "、"):
        return None
    if text[before.end:left].strip(CLAUSE_END + " ") or not text[left:q.start].lstrip().startswith(q.metric):
        return None  # another clause in between, or a measure with words of its own before it
    owner = _owner_of(before.metric, set(spec["measure_heads"]) | set(spec["owned_measures"]))
    if not owner:
        return None
    if paired:  # 人均可支配收入…、支出 → 人均消费支出
        owner = next((owner.removesuffix(w) + o for w, o in spec["counterpart_owner_words"].items()
                      if owner.endswith(w)), owner)
    name = _canonical_cue(owner + measure)  # 粮食播种面积…、总产量 → 粮食产量
    if measure in spec["whole_measures"] and owner + measure not in taxonomy()[0]:
        return before.metric  # 财政收入比上年增加1501亿元，总额首次突破万亿元: the whole of the income itself
    return name


def framed_names(left: str) -> list[str] | None:
    """The names listed before the aspect word that frames a list of figures (国内游客人次、总花费增长 →
    国内游客人次, 总花费), or None where the words before the figures are not such a list."""
    words = framed_words(left)
    names = listed_names(words) if words else []
    return names if len(names) > 1 else None


def listed_names(words: str) -> list[str]:
    """城市和县城燃气普及率 → 城市, 县城燃气普及率: split at 、和及与 where each is a word of its own (not the
    及 of 普及率 or the 与 of 参与)."""
    names, name = [], ""
    for word, flag in tagged(words):
        if word in ("、", "和", "及", "与"):
            names, name = names + [name], ""
        elif word[0] in "和及与" and flag.startswith("nr") and name:
            names, name = names + [name], word[1:]  # 入园率 / 和普惠 / 率: jieba reads a person's name across the 和
        else:
            name += word
    return [n for n in names + [name] if n]


def framed_words(left: str) -> str | None:
    """The words before the aspect word that closes `left` (城乡居民人均收入年均增长 → 城乡居民人均收入), or
    None where no aspect word closes it."""
    rules = _aspects()[0]
    masked = mask_cues(left)
    found = [(masked.rfind(word), word) for word, _, _ in rules if word in masked]
    if not found:
        return None
    at, word = max(found)
    if at + len(word) != len(left.rstrip()):
        return None
    return without_adverbs(left[:at])


def without_adverbs(words: str) -> str:
    """高技术制造业增加值年均 (增长): an adverb before the aspect word is no part of the last name."""
    adverbs = tuple(patterns.load("aspects")["aspect_adverbs"])
    kept = taxonomy()[2]["strip_trailing_not_after"]  # 城乡居民人均: the 均 of a mean is the name's
    while words.endswith(adverbs):
        adverb = next(a for a in adverbs if words.endswith(a))
        if len(words) > len(adverb) and words[-len(adverb) - 1] in kept.get(adverb, ""):
            break
        words = words[:-len(adverb)]
    return words


def only_aspect(clause: str) -> bool:
    """增长, 同比增长, 比上年增长: a clause that says only how its figures are framed, naming nothing."""
    words = rx(patterns.load("aspects")["aspect_base"]).sub("", clause.strip())  # 比上年增长
    adverbs = tuple(patterns.load("aspects")["aspect_adverbs"])
    while words.startswith(adverbs):
        words = words[next(len(a) for a in adverbs if words.startswith(a)):]
    return any(words == word for word, _, _ in _aspects()[0])


def list_item_metric(name: str, q) -> str | None:
    """The metric a listed name gives its figure: the taxonomy's where a cue names it whole (or its
    generic head takes a noun glued before it), else the name's own noun phrase."""
    spec = taxonomy()[2]
    plain = name.translate(QUOTES)
    zoned = _after_zone(plain)  # 空港经济开发区进出口额 (the list's last item): the zone is the item's subject
    plain = zoned if len(zoned) >= 2 else plain
    bounded = _bounded_class(plain, spec)
    if bounded and bounded.group("rest") and (of_class := list_item_metric(bounded.group("rest"), q)):
        return _bounded_measure(bounded, spec) + bounded.group("bound") + of_class  # 10亿元以上项目数: the bound names the class
    field = next((w for w in spec["list_fields"] if w in plain[2:]), None)
    if field:  # 交通、水利领域投资 → 交通投资, 新材料领域签约项目 → 新材料签约项目数: the field's word is dropped
        plain = plain[:plain.index(field, 2)] + plain[plain.index(field, 2) + len(field):]
    brand = rx(r"“([^“”]{2,12})”").fullmatch(name.strip())
    if brand and q.kind == "count":
        return _counted(brand.group(1), q.unit, spec)  # “上海标准”新增12项: a quoted title is counted whole, place and all
    found = list(taxonomy()[1].finditer(plain))
    if found:
        cue = found[-1]
        glued = _glued_name(plain, cue.start(), cue.end()) if cue.group() in spec["head_cues"] else None
        if glued:
            joined = rx(r"\p{Han}{2,8}[和及]$").search(plain[:plain.rfind(glued)]) if glued in plain else None
            # 租赁和商务服务业增加值, 旅游及相关产业增加值: in a listed name (split at 、 already), a 和 or 及 joins
            # one industry's name
            return joined.group() + glued if joined and not gazetteer.mentions(joined.group()) else glued
        named = _fitting(taxonomy()[0][cue.group()], q, q.aspect)
        if named or plain.endswith(cue.group()):
            return plain[:cue.start()] + named if named and field and cue.start() else named  # 新材料签约项目数
        # (项目履约率、开工率分别达到…: a count's cue inside a rate's name leaves the name its own)
    phrase = _noun_phrase(plain, spec)
    physical = q.kind in spec["kind_suffix"] and not q.kind.startswith("money")  # (养老金25元 is no 金额)
    if phrase and physical and not _names_a_measure(phrase) and _names_a_thing(phrase):
        return _with_kind(phrase, q.kind, spec)  # 供热管网800公里: a thing measured in a unit, by its quantity
    if phrase and q.aspect == "growth" and (counted := _counted_growth_suffix(phrase, spec)):
        return phrase + counted  # 刑事、治安案件分别下降12%、3.3%: how many cases
    if not phrase or phrase in spec["generic_measures"] or not (
            q.kind == "count" or _names_a_measure(phrase) or _names_a_count(phrase)):
        return None  # 数量及投资额占比分别…: a generic word leaves the figure to the sentence's topic
    if any(word in phrase for word, _, _ in _aspects()[0]):
        return None  # 对全省、全市贡献率分别为…: the names are what it is compared with, the metric is before
    return _counted(phrase, q.unit, spec) if q.kind == "count" else _in_column_style(phrase, spec)


def _may_name_a_measure(clause: str) -> bool:
    """A cheap test before the noun phrase is parsed: the clause holds a measure's head word at all."""
    return any(head in clause for head in taxonomy()[2]["measure_heads"])


def _may_name_by_kind(clause: str, q) -> bool:
    """…or the figure's unit names the measure, and the clause has words of its own (授信130.41亿元): no cue
    that could name a figure in this unit (粮食 in 实施粮食单产提升工程超600万亩 names a weight, not an area)."""
    return q.kind in taxonomy()[2]["kind_suffix"] and q.aspect in ("value", "change") \
        and not any(_fitting(entries, q, q.aspect) for *_, entries in _cue_matches_in(clause)[0])


def _names_a_measure(phrase: str) -> bool:
    """A noun phrase that is a statistic's name (一般公共预算收入, 民间投资), not an aspect's words."""
    spec = taxonomy()[2]
    return phrase.endswith(tuple(spec["measure_heads"])) and not any(w in phrase for w in spec["not_measure_words"])


def _names_a_count(phrase: str) -> bool:
    """刑事立案数, 道路交通事故数: a count of things named, a measure whatever the figure says of it (下降13.5%)."""
    suffix = taxonomy()[2]["count_suffix"]
    return len(phrase) > len(suffix) + 1 and phrase.endswith(suffix) and _names_a_thing(phrase)


def _names_a_thing(name: str) -> bool:
    """A count's name whose counted word is a noun (绿色工厂数), not a verb or a time (推动数, 今年以来数)."""
    spec = taxonomy()[2]
    bare = name.removesuffix(spec["count_suffix"])
    for suffix in [*spec["count_suffix_by_unit"].values(), *spec["count_suffix_of_events"]]:
        bare = name.removesuffix(suffix) if name.endswith(suffix) else bare  # 事故起数 → 事故, an event
    for suffix in spec["count_suffix_of_dwellings"].values():
        if name.endswith(suffix):  # 保障性租赁住房套数: the dwellings, counted in flats
            return _names_a_thing(name.removesuffix(suffix) + spec["count_suffix"])
    if bare.endswith(tuple(spec["reach_verbs"])) and len(bare) > 2:
        return True  # 老旧小区加装电梯惠及户数: those reached, counted
    # events are counted by what happens (营业性演出1.2万场 → 营业性演出场次): a verb names them
    event = bare != name.removesuffix(spec["count_suffix"])
    tokens = tagged(bare) if bare else []
    return bool(tokens) and tokens[-1][1].startswith(("n", "vn", "j", "nz", "l") + (("v",) if event else ())) \
        and not tokens[-1][1].startswith("ns") and tokens[-1][0] not in spec["strip_trailing"]


def _names_a_cue(noun: str, raw: str) -> bool:
    """Whether a noun read from `raw` holds a taxonomy cue of its own, not one inside a quoted name of `raw`
    (“拿地即开工”项目: no 开工项目)."""
    if "“" not in raw:
        return taxonomy()[1].search(noun) is not None
    words, quoted = _unquoted(raw)
    at = words.rfind(noun)
    if at < 0:
        return taxonomy()[1].search(noun) is not None
    inside = [(a - at, b - at) for a, b in quoted]
    return any(not any(a < m.start() < b for a, b in inside) for m in taxonomy()[1].finditer(noun))


def _share_part(text: str, q, floor: int, cue_end: int, chosen) -> str | None:
    """The part whose share is given by 占比, named by its own noun after the last cue (企业占比)."""
    own = _clause_left(text, q.start, floor)
    # …所占的比重，由1954年的42%上升到46%: the share is named in the clause before the change's start
    end = own - 1 if _naming_clause_left(text, q.start, floor) < own else q.start
    full = text[floor:end].translate(QUOTES)
    at = full.rfind("占比")
    # 服务性消费支出占居民消费支出比重; 服务业在国内生产总值中的比重
    ratio = rx(r"(?:占|在(?=[^，。；;,]{1,20}?中))[^，。；;,]{1,20}?(?:比重|比例)[^，。；;,]{0,4}$").search(full)
    bare = None if ratio else rx(r"(?<![的占])比例[^，。；;,\d]{0,6}$").search(full)  # 省外群体购商品住房比例: 占比
    # 在工农业总产值中，农业所占比重由…提高到…: the whole said in a clause before, the part before 所占
    held = rx(r"所占的?(?:比重|比例)[^，。；;,]{0,12}$").search(full) if "所占" in full else None
    # (the whole may also stand right before the part, or before 所占: 在工农业总产值中现代工业所占的比重,
    # 生产资料在工业总产值中所占的比重)
    whole = rx(r"在([^，。；;,]{1,20}?)中[，,]?").search(full, 0, held.start()) if held else None
    ratio = (whole and held) or ratio
    for said in (ratio, bare, held):
        if said and (said.start() > at or said is held):  # (所占比重 holds a 占比 and a 占…比重 of its own)
            at = said.start()
    if at < cue_end or any(ch in full[at:] for ch in "；;"):
        return None
    spec = taxonomy()[2]
    left = last_of(CLAUSE_END, full, 0, at) + 1
    if ratio is held and whole and whole.start() >= left:  # the part after the whole, else before it
        part_words = full[whole.end():at] if whole.end() < at else full[left:whole.start()]
    else:
        part_words = full[left:at]
    noun = _noun_phrase(part_words, spec)
    if not noun or _names_a_cue(noun, text[floor:end]):
        return None
    whole_counts = chosen is not None and chosen[1].endswith(spec["count_suffix"])
    entity = noun.endswith(tuple(spec["entity_nouns"]))
    if ratio and ratio.start() == at and not noun.endswith(tuple(spec["measure_heads"])):
        # 服务业占地区生产总值比重: a sector's part of the economy is its 增加值
        of_whole = whole.group(1) if whole and ratio is held else ratio.group()
        part = next((m for w, m in spec["part_of_whole"].items() if w in of_whole), None)
        if part:
            return noun + part
        # 可再生能源占电力装机比重: the part is measured as the whole is (可再生能源装机容量)
        head = next((h for h in sorted(spec["measure_heads"], key=len, reverse=True)
                     if rx(h + r"中?(?:的)?(?:比重|比例)").search(ratio.group())), None)
        if head and head.startswith("总"):
            head = None  # 占能源消费总量比重: a total is the whole's own word, not a measure of the part
        if head:
            return noun + spec["head_completions"].get(head, head)
    return noun + spec["count_suffix"] if whole_counts or entity else noun


def _modified_noun(text: str, q, floor: int, segment: str, cue_end: int) -> str | None:
    """The noun after a 的 that follows the chosen cue, glued to the figure (…投产的卡点问题38个), if the
    text names one of its own: the cue describes that noun, it does not name the figure."""
    between = segment[cue_end:]
    if "的" not in between:
        return _headed_count(text, q, floor, between)
    own = fallback_name(text, q, floor)
    if not own:
        return None
    spec = taxonomy()[2]
    bare = own.removesuffix(spec["count_suffix"])
    for suffix in spec["count_suffix_by_unit"].values():
        bare = bare.removesuffix(suffix)
    tail = between[between.rfind("的") + 1:].translate(QUOTES)
    if not bare or not tail.endswith(bare) or bare in spec["generic_measures"]:
        return None
    if taxonomy()[1].search(bare):
        return None  # the noun holds a cue of its own: the taxonomy names it
    return own


def _headed_measure(segment: str, cue_start: int, cue_end: int, q) -> str | None:
    """固定资产投资项目到位资金共41.4亿元: an amount whose cue is followed by a measure of its own (项目到位资金)
    is that measure's, the cue naming what it belongs to."""
    if q.kind == "count":
        return None
    spec = taxonomy()[2]
    tail = rx(spec["count_head_verbs"]).sub("", segment[cue_end:])
    if not 3 <= len(tail) <= 8 or not tail.endswith(tuple(spec["own_measure_heads"])) \
            or any(w in tail for w in spec["not_measure_words"]) or _specific_cue(tail):
        return None
    tags = [flag for _, flag in tagged(tail)]
    if not all(flag.startswith(("n", "vn", "v")) for flag in tags) or tags[0] == "v":
        return None  # 投资建设…: a verb opening the tail says what the amount does
    return segment[cue_start:cue_end] + tail


def _specific_cue(words: str) -> bool:
    """The words hold a cue that names a metric of its own (not a generic word such as 项目)."""
    cues = taxonomy()[0]
    return any(not all(entry.get("generic") for _, entry in cues[m.group()]) for m in taxonomy()[1].finditer(words))


def _headed_count(text: str, q, floor: int, between: str) -> str | None:
    """领办代办岗位146个, 领办代办手续达1016件: a count whose cue is followed by a noun of its own counts
    that noun (领办代办岗位数), not what the cue names alone."""
    if q.kind != "count":
        return None
    spec = taxonomy()[2]
    tail = rx(spec["count_head_verbs"]).sub("", between.translate(QUOTES))
    if not 2 <= len(tail) <= 4 or tail in spec["generic_measures"] + spec["counts_by_themselves"] \
            or taxonomy()[1].search(tail):  # 城镇新增就业人口970万人: 人口 restates what the cue counts
        return None
    if not all(flag.startswith("n") for _, flag in tagged(tail)):
        return None
    own = fallback_name(text, q, floor)
    if not own or not own.removesuffix(spec["count_suffix"]).endswith(tail):
        return None
    return own


@functools.cache
def _duration_rules():
    spec = patterns.load("metrics")["duration"]
    compiled = ("span", "span_bare", "handle", "limit", "shortened", "same_as", "project", "ahead_before", "ahead_after",
                "ahead_laid_down")
    return {**spec, **{k: rx(spec[k]) for k in compiled}}


def _bare(name: str, rules: dict) -> str:
    """The named thing alone: the words before its last 的/对/除 … dropped, and the 的 inside it."""
    cut = last_of(rules["lead_cut"], name)
    name = name[cut + 1:].replace("的", "")
    lead = next((w for w in rules["lead_words"] if name.startswith(w) and len(name) > len(w) + 1), "")
    return name[len(lead):]


def duration_name(text: str, q, floor: int) -> str | None:
    """What a duration times: 从土地摘牌到施工许可仅用37天 → 土地摘牌至施工许可用时 (see [duration])."""
    rules = _duration_rules()
    clause_start = max(floor, last_of("，。；：,;", text, floor, q.start) + 1)
    clause = text[clause_start:q.start].translate(QUOTES)
    if rules["ahead_before"].search(clause):
        return _ahead_name(text, q, rules)
    span = rules["span"].search(clause) or rules["span_bare"].search(clause)
    if span is None and clause_start > floor:  # 从摘牌到拿到施工许可证，前后只用了7天: the span ends the clause before
        before = max(floor, last_of("，。；：,;", text, floor, clause_start - 1) + 1)
        span = rules["span"].search(text[before:q.start].translate(QUOTES))
    if span:
        a = _without_zones_before(span.group("a").split("、")[0])
        b = span.group("b")
        b = next((b[len(w):] for w in rules["endpoint_strip"] if b.startswith(w) and len(b) > len(w) + 1), b)
        return f"{a}至{b}用时"
    handle = rules["handle"].search(clause)
    if handle:
        return handle.group("x") + "办理用时"
    limit = rules["limit"].search(clause)
    if limit:
        own = _without_zones_before(_bare(limit.group("x"), rules))
        if len(own) >= 2 and rx(r"\p{Han}+").fullmatch(own):  # (吕梁市开发区, 全市开发区: whose limit it is)
            return own + limit.group("w")  # 开工周期由3个月压缩至1个月 → 开工周期, 审批时限 → 审批时限
    if limit or clause.startswith(("时限", "用时")):  # 缩短开工周期，时限由3个月… : the thing shortened
        shortened = rules["shortened"].search(_clause_of(text, max(floor, clause_start - 1), floor).translate(QUOTES))
        if shortened:
            own = shortened.group("x").replace("的", "")  # 缩短项目的落地时间: the whole object
            return own.removesuffix("时间") + "时限" if own.endswith("时间") else own
        return None
    same = rules["same_as"].search(clause)
    if same and "时限" in text[floor:clause_start]:
        own = _bare(same.group("x"), rules)
        if len(own) >= 2:
            return own + "时限"
    return None


def _ahead_name(text: str, q, rules: dict) -> str | None:
    """提前两年完成病险水库除险加固任务 → 病险水库除险加固任务提前完成时间; 提前一年建成通车 → 建成通车提前时间."""
    done = rules["ahead_after"].match(text[q.end:q.end + 30].translate(QUOTES))
    if not done:
        return None
    what = rules["ahead_laid_down"].sub("", done.group("x"))
    if rx(r"[\d%％]").search(what):
        what = ""
    return f"{what}提前{done.group('v')}时间" if len(what) >= 2 else f"{done.group('v')}提前时间"


def duration_project(text: str, q, floor: int) -> str | None:
    """The project a duration is timed on (某某项目从立项到开工仅用30个工作日), without the zone before it."""
    rules = _duration_rules()
    start = max(floor, last_of("，。；：,;", text, floor, q.start) + 1)
    found = rules["project"].search(text, start, q.start)
    if not found:
        return None
    name = found.group("name").translate(QUOTES)
    places = gazetteer.mentions(name)
    if places and places[0][0] == 0 and places[0][1] < len(name) <= places[0][1] + 2:
        return None  # 上党经开区项目从摘牌到开工…: the place's projects, timed on average, no one project
    if places and places[0][0] == 0 and places[0][2].type == "zone" and len(name) - places[0][1] > 4:
        name = name[places[0][1]:]
    name = _after_own_zones(name)
    from . import subjects

    return name if subjects.names_one_project(name) else None  # 企业投资项目从备案到开工…: a kind, timed on average


def _without_zones_before(words: str) -> str:
    """吕梁市开发区企业投资项目审批, 全市开发区拿地: the zones (a place's, or the report's own) whose figure it is,
    dropped from the front of a name."""
    return _after_own_zones(_after_places_zones(words, patterns.load("subjects")))


def _after_own_zones(words: str) -> str:
    """全省开发区企业投资项目 → 企业投资项目: the report's own zones (全省开发区, 我区, 开发区) before a name are
    whose it is, no part of it."""
    spec = patterns.load("subjects")
    for scope in spec["province_self"] + spec["city_self"] + spec["zone_self"] + [""]:
        if words.startswith(scope + spec["zones_word"]) or scope and words.startswith(scope):
            rest = words[len(scope):].removeprefix(spec["zones_word"])
            return rest if len(rest) >= 2 else words
    return words


@functools.cache
def _project_topics():
    topics = [t for t in patterns.load("metrics").get("topic", []) if t.get("project_set")]
    by_cue = {cue: t for t in topics for cue in t["cues"]}
    return by_cue, rx(longest_of(by_cue))


def _set_verb(clause: str) -> str | None:
    """The verb that gathered a set in this clause (对接了……等26个项目 → 对接), if any."""
    sets = patterns.load("metrics")["project_sets"]
    found = [(clause.find(v), -len(v), v) for v in sets["set_verbs"] if v in clause]
    return min(found)[2] if found else None


def _clause_of(text: str, pos: int, floor: int) -> str:
    start = max(floor, last_of("，。；：,;", text, floor, pos) + 1)
    return text[start:pos]


def _part_before(text: str, pos: int, floor: int) -> str:
    """The part a set's name takes from the words glued before 项目 at `pos` (已开工项目 → 开工,
    其中亿元以上项目 → 亿元以上), or from the verb of its clause; empty when they name nothing."""
    sets = patterns.load("metrics")["project_sets"]
    # (“承诺制+标准地+全代办”改革项目: the reform's name joins its parts with +, and its last part is measured)
    told = rx(patterns.load("metrics")["fallback"]["means_named"]).sub(r"\g<way>", text[floor:pos])  # 以“承诺制”方式审批
    run = rx(r"[\p{Han}0-9]*(?:\+[\p{Han}0-9]+)*$").search(told.translate(QUOTES)).group()
    # 2023年实施项目, 6月底前建成项目: a date, then the verb; but 50亿元以上项目 is a class whose bound keeps its figure
    run = rx(r"^[0-9]+(?:[年月日](?:底|末)?前?)?(?![0-9]*[万亿]元)").sub("", run[run.rfind("的") + 1:])
    run = _without_place(run)
    within = rx(sets["part_within"]).match(run)
    run = run[within.end():] if within else run
    changed = True
    while run and changed:
        changed = False
        placed = _without_place(run)  # (本月临汾市开发区签约项目: the time, then the place)
        if placed != run:
            run, changed = placed, True
        for word in sets["part_strip"] + list(_zone_words()):  # (全市 / 开发区 / 在建项目: the zones are whose)
            if run.startswith(word):
                run, changed = run[len(word):], True
        timed = rx(sets["part_time"]).match(run)
        if timed and timed.end():
            run, changed = run[timed.end():], True
    run = rx(r"^[0-9]+[条个批类]").sub("", run)  # 其中12条重点产业链项目: the chains are counted, not named
    run = rx(r"(?<=\p{Han})了(?!解)").sub("", run)  # 缓建了大中型项目: the verb's 了 is no part of the kind
    verb = next((v for v in sorted(sets["set_verbs"], key=len, reverse=True) if run.startswith(v)), None)
    if verb:
        return verb
    stage = next((w for w in sets["stage_words"] if run.endswith(w)), None)
    events = rx(r"^(?:[一二三四五六七八九十两0-9]+次|本次|此次)").sub("", run)  # 全年四次活动累计签约项目
    if stage and any(events.startswith(w) for w in sets["part_not"] + ["活动"]):
        return stage  # “三个一批”活动共签约项目: the stage, after the event's words
    if (not run or len(run.rsplit("+", 1)[-1]) > sets["part_max_chars"] or any(w in run for w in sets["part_not"])
            or run in _project_topics()[0] or gazetteer.mentions(run) or _one_project(text, pos, run)):
        return _set_verb(_clause_of(text, pos, floor)) or ""
    return run


def _without_place(run: str) -> str:
    """忻州经开区签约项目 → 签约项目: the place is the subject, not a part of the set's name; so is the places'
    count (晋城、长治两市新入库项目)."""
    places = gazetteer.mentions(run)
    if not places or places[0][0] != 0:
        return run
    run = run[places[0][1]:]
    counted = rx(patterns.load("subjects")["group_tail"]).match(run)
    return run[counted.end():] if counted else run


def _one_project(text: str, pos: int, run: str) -> bool:
    """国电电力湖东电厂项目总投资78.9亿元: one project's name, not a part of a set."""
    from . import subjects

    return text.startswith("总投资", pos + 2) and subjects.names_one_project(run + "项目")


def _set_mention(text: str, start: int, end: int) -> int:
    """The nearest 项目 before `end` that names a set: not inside brackets (a list of project names),
    not a predicate (都是工业项目)."""
    sets = patterns.load("metrics")["project_sets"]
    at = text.rfind("项目", start, end)
    while at != -1:
        opened = max(text.rfind("(", start, at), text.rfind("（", start, at))
        closed = max(text.rfind(")", start, at), text.rfind("）", start, at))
        run = rx(r"\p{Han}*$").search(text[start:at]).group()
        if opened <= closed and not any(run.startswith(w) for w in sets["predicate_words"]):
            return at
        at = text.rfind("项目", start, at)
    return -1


def _set_said_without_figure(text: str, floor: int, at: int, clause: int) -> bool:
    """Whether the set named at `at` stands in an earlier clause than the figure's (which opens at `clause`), one
    that says something of the set with no number in it (新建项目全部开工; 对接了…35个项目 counts it), other
    than its standing (开工项目总投资最多，达到…: the figure is what stands first)."""
    own = max(floor, last_of("，,；;", text, floor, at) + 1)
    standing = rx(patterns.load("metrics")["project_sets"]["set_standing"])
    return at < clause and not rx(r"[0-9０-９]|[一二两三四五六七八九十百千万]+[个项家批]").search(text, own, clause) \
        and not standing.search(text[own:clause].rstrip("，,；; "))


def _of_project_set(text: str, q, floor: int, name: str, source: str) -> tuple[str, str]:
    """A generic project metric named after its set: the sentence's project-set topic and the part
    its clause names (“签约一批”项目…其中，已开工项目30个 → 签约一批开工项目数)."""
    from . import subjects

    sets = patterns.load("metrics")["project_sets"]
    if subjects.project_owner(text, q, floor):
        return name, source  # one named project's size: 项目总投资 of that project
    by_cue, topic_re = _project_topics()
    cues = list(topic_re.finditer(text, floor, q.start))
    topic = by_cue[cues[-1].group()] if cues else None
    # “三个一批”活动 is the events; “三个一批”项目 the set, whose parts are its batches
    event = bool(cues) and text[cues[-1].end():cues[-1].end() + 3].translate(QUOTES).startswith("活动")
    window = cues[-1].end() if cues else floor
    clause = _clause_of(text, q.start, floor)
    verb = _set_verb(clause)
    part = sets["stages"].get(name)
    if part is None:
        after = rx(r"[\p{Han}“”]{1,10}?项目").match(text[q.end:q.end + 12]) if q.kind == "count" else None
        # 推进总投资130亿元的基础设施项目: the size of a set is named by the set it describes
        sized = rx(r"的([\p{Han}“”]{1,10}?)项目").match(text[q.end:q.end + 14]) if q.kind == "money" else None
        at = _set_mention(text, window, q.start)
        if at != -1 and (_set_said_without_figure(text, floor, at, max(floor, last_of("，,；;", text, floor, q.start) + 1))
                         or rx("[；;]").search(text, at, q.start)):
            at = -1  # 力争新建项目全部开工，全年完成投资100亿元: the set's clause is done, and told of no figure (or
            # its part of the sentence is: 永济…新开工项目12个；运城空港经济开发区完成投资18.3亿元)
        if after:
            part = _part_before(text, q.end + after.end() - 2, q.end)
        elif sized:
            part = _part_before(text, q.end + sized.end() - 2, q.end + sized.start(1))
        elif at != -1:
            part = _part_before(text, at, window)
            while not part and at > window and not rx(r"\p{Han}").match(text[at - 1]):
                at = _set_mention(text, window, at)  # a bare 项目 (，项目个数…) speaks of the set named before
                if at == -1:
                    break
                part = _part_before(text, at, window)
        else:
            part = verb or ""
    elif verb and not topic:
        return name, source
    if part and not any(w in part for w in sets["stage_words"]):
        part += _outer_stage(text, q.start, floor)
    label = topic["label"] if topic and not (verb and part == verb) else ""
    if event and any(w in part for w in sets["stage_words"]):
        label = ""
    elif topic and part in topic.get("parts", {}):
        label, part = topic["parts"][part], ""
    if topic and part and (part.removeprefix("新") == topic.get("stage") or part in label):
        part = ""
    if not label and name in sets["stages"]:
        return name, source
    base = "项目数" if name in sets["stages"] else name
    stage = None if name in sets["stages"] else next((w for w in sets["stage_words"] if w in name and w in part), None)
    if stage:
        part = part.replace(stage, "").removeprefix("新")  # 签约省外项目…签约额: the name says 签约 already
    lead = next((w for w in sorted(sets["stage_words"], key=len, reverse=True) if part.startswith(w)), None)
    if lead and len(part) > len(lead) and base == "项目数":
        part = part[len(lead):] + lead.removeprefix("新")  # 签约省外项目 → 省外签约项目: the kind, then the stage
    if not label and not part:
        return name, source  # 签约金额 of no set in particular
    if label and part and rx(sets["bound_part"]).fullmatch(part):
        label, part = part + label, ""  # “投产一批”…其中亿元以上项目12个 → 亿元以上投产一批项目数, as 亿元以上签约项目数
    named = sets["names"][base].format(label=label, part=part, part_projects=part + "项目" if part else "",
                                       label_projects=label + "项目" if label else "")
    if named == base:
        return name, source
    from ..gold import canonical_metric  # the canonical spelling of a composed name (签约项目总投资 → 签约金额)

    return canonical_metric(named), "taxonomy" if not part else "context"


def _outer_stage(text: str, pos: int, floor: int) -> str:
    """A part after 其中 belongs to the stage set named before it: 签约项目86个…其中亿元以上项目 → 签约; so does
    one picked from a set with 中 (签约项目中制造业项目)."""
    sets = patterns.load("metrics")["project_sets"]
    within = list(rx(sets["part_within"]).finditer(text, floor, pos))
    of_which = max(text.rfind("其中", floor, pos), within[-1].end() - 1 if within else -1)
    if of_which == -1:
        return ""
    before = text[floor:of_which]
    found = [(before.rfind(w + "项目"), w) for w in sets["stage_words"] if w + "项目" in before]
    return max(found)[1].removeprefix("新") if found else ""


def _words_after(text: str, end: int, keep_quotes: bool = False) -> str:
    """The words right after a figure, up to where its verb phrase or clause begins (30多家头部企业 / 入选);
    the 及 of a threshold (二级及以上医院) joins nothing."""
    stop, limit, spec = end, min(len(text), end + 16), taxonomy()[2]
    while stop < limit and not (text[stop] in spec["counted_noun_stop"] and not _inside_word(text, end, stop)
                                and not text.startswith(tuple(spec["counted_noun_stop_not"]), stop)
                                and not rx(spec["threshold_of"]).match(text, stop)) \
            and not text.startswith(tuple(spec["counted_noun_stop_words"]), stop) and text[stop] not in CLAUSE_END:
        if text[stop] in "“”":
            limit = min(len(text), limit + 1)  # quote marks are not words: they do not use up the window
        stop += 1
    return text[end:stop] if keep_quotes else text[end:stop].translate(QUOTES)


def _clause_end_after(text: str, end: int) -> int | None:
    """Where the clause that goes on after a figure ends, if within 30 characters."""
    return next((i for i in range(end, min(len(text), end + 30)) if text[i] in CLAUSE_END + "。"), None)


def _standing(text: str, end: int):
    """3家单位获中国质量奖: the counted noun and the standing that its clause, to its end, says it won."""
    stop = _clause_end_after(text, end)
    if stop is None:
        return None
    return rx(taxonomy()[2]["standing"]).match(text[end:stop].translate(QUOTES))


def _conferred(text: str, start: int | None, end: int):
    """授予孝义经开区等6个开发区为市级特色园区: a title conferred on the things counted, by 授予 before them."""
    if start is None:
        return None
    spec = taxonomy()[2]["conferred"]
    if not any(verb in text[max(0, start - 40):start] for verb in spec["verbs"]):
        return None  # most counts: no verb of conferring near them at all
    left = max(0, last_of("，。；：,;:\n", text, max(0, start - 40), start) + 1)  # 授予吕梁、兴县2个…: across the list
    if not any(verb in text[left:start] for verb in spec["verbs"]):
        return None
    stop = _clause_end_after(text, end)
    return rx(spec["after"]).match(text[end:stop].translate(QUOTES)) if stop else None


def _inside_word(text: str, end: int, stop: int) -> bool:
    """A stop character inside a word (合作意向), or a conjunction opening a noun or an adjective (300个省级和美
    乡村), stops nothing. jieba is asked only where its dictionary has a word running across the character or
    from it: tagging every count's window would cost a fifth of the run."""
    words = _dictionary()
    opens = text[stop] in taxonomy()[2]["counted_noun_stop_opening"]
    if not any(words.get(text[i:j]) for i in range(max(end, stop - 3), stop + opens)
               for j in range(max(i + 2, stop + 1), min(len(text), stop + 3) + 1)):
        return False
    at = 0
    for word, flag in tagged(text[end:min(len(text), end + 16)]):
        if at == stop - end:
            return opens and len(word) > 1 and flag in ("n", "a", "b")
        at += len(word)
    return True


def _set_joined(text: str, end: int, spec: dict) -> str | None:
    """86个项目参加集中签约、开工、投产 → 三个一批项目数: projects counted as they joined a set of projects."""
    joined = rx(spec["project_joined"]).match(text, end)
    if not joined:
        return None
    event = joined.group("event").translate(QUOTES)
    # (a set's cue inside an event's name: “三个一批”活动, whose longer cue names the events)
    entry = next((e for cue, e in _project_set_cues() if cue in event), None)
    return entry["label"] + entry["names"]["count"] if entry else None


@functools.cache
def _project_set_cues() -> tuple[tuple[str, dict], ...]:
    """The cues of the sets of projects, longest first."""
    found = [(cue, e) for cue, entries in taxonomy()[0].items() for kind, e in entries
             if kind == "topic" and e.get("project_set")]
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


def _counted_noun(text: str, end: int, unit: str = "", start: int | None = None) -> tuple[str, str] | None:
    """The noun a count counts, right after it, named by the taxonomy where it can, else by itself."""
    _, pattern, spec = taxonomy()
    joined = _set_joined(text, end, spec)
    if joined:
        return joined, "taxonomy"
    became = rx(spec["became"]).match(text, end) if not _event_unit(unit) and unit not in spec["people_units"] else None
    if became:  # 已有3家创建为省级以上绿色园区, 3家被认定为…: counted as what they became
        title = _noun_phrase(_words_after(text, became.end()), spec, from_left=True)
        if title:
            return title, "fallback"
    quoted = _words_after(text, end, keep_quotes=True)
    noun = quoted.translate(QUOTES)
    if _reaches_a_level(text[end:end + 6], spec):  # (read past the noun's stops: 由30家发展为45家)
        return None  # 从39个拓展到91个: what follows the count is its change, not the thing counted
    phrase = _noun_phrase(quoted, spec, from_left=True) if noun else None
    if noun and "级" in noun[:3] and (zones := _zone_class().match(noun)):
        phrase = zones.group()  # 9家国家级经开区: jieba reads the zone word as a place, which ends a noun
    work = next((w for w in spec["counted_noun_work"] if phrase and phrase.endswith(w) and len(phrase) > len(w) + 1), "")
    phrase = phrase.removesuffix(work) if work else phrase  # 5个国家骨干冷链物流基地建设: the bases are counted
    grade = rx(spec["elided_after_grade"]["grade"])
    if phrase and grade.fullmatch(phrase):
        phrase += _noun_after_next_grade(text, end + len(quoted), spec) or ""
    elif not phrase and grade.fullmatch(noun):  # 2家千亿级、24家百亿级工业企业: no noun of its own but the next's
        shared = _noun_after_next_grade(text, end + len(quoted), spec)
        phrase = noun + shared if shared else None
    if phrase and len(phrase) < len(noun) and start is not None and _object_to_clause_end(text, start, end + len(quoted)):
        phrase = _noun_phrase(quoted, spec, from_left=True, verbs_inside=True) or phrase
    conferred = None if (won := _standing(text, end)) else _conferred(text, start, end)
    graded = rx(spec["graded_standing"]).fullmatch(won.group("won") or won.group(0)[len(won.group("noun")):]) \
        if won and not _event_unit(unit) else None
    if graded and won.group("noun").startswith(phrase[:2] if phrase else won.group("noun")):
        # 15个开发区获评优秀等次 → 优秀等次开发区数: a grade won names its things as a grade picked out does
        # (被评为较差等次的开发区有6家 → 较差等次开发区数), not by the verb of winning it
        return graded.group("grade") + won.group("noun"), "fallback"
    if conferred and not _event_unit(unit):
        return conferred.group("title"), "fallback"  # 授予…6个开发区为市级特色园区: they are counted as what they became
    if won and won.group("title") and not _event_unit(unit) and (
            won.group("noun").startswith(phrase[:2]) if phrase else len(won.group("noun")) == 1):
        # (2个县被列为…: a one-character noun is no phrase of its own, but the title names it)
        title = won.group("title")
        title = title[next((len(w) for w in spec["scope_words"] if title.startswith(w)), 0):]
        return title if title.endswith(won.group("noun")[-1]) else title + won.group("noun"), "fallback"
    zones = rx(spec["zones_counted"]).match(noun) if unit in spec["zones_counted_units"] else None
    if zones and not won:  # 全市6个开发区规上服务业企业达到412家: the zones are counted, whatever their figures after
        return zones.group("zones") + spec["count_suffix"], "fallback"
    opening = pattern.match(noun) if not _event_unit(unit) else None
    if opening and phrase and phrase.endswith(spec["firms"]) and noun.startswith(phrase, opening.end()):
        opening = None  # 23家开发区企业: the firms are counted, the zones only say whose (but 11家开发区项目建设: zones)
    for entry_type, entry in (taxonomy()[0][opening.group()] if opening else []):
        if entry_type == "metric" and "count" in entry["kinds"] and entry.get("only_after"):
            return entry["name"], "taxonomy"  # 9家工业类开发区规上工业增加值…: the counted noun opens the rest
    if not phrase and won and won.group("won") and len(won.group("noun")) >= 2:
        phrase = won.group("noun")  # 6家组织获得…: jieba reads 组织 as a verb, the standing says it is a noun
    if not phrase:
        return None
    if won and won.group("won") and won.group("noun").startswith(phrase[:2]) and not _event_unit(unit):
        standing = won.group("won")
        for word in spec["standing_drop"]:
            standing = rx(word).sub("", standing)
        for said, plain in spec["standing_verbs"].items():
            standing = standing.replace(said, plain, 1) if standing.startswith(said) else standing
        return standing + won.group("noun"), "fallback"
    acting = _predicate_of_count(text, end, phrase, unit)
    if acting:
        return acting[0] + acting[1], "fallback"
    # 8个项目的资产盘活，: generic things counted by what was done to them (资产盘活项目数)
    done = DONE_TO.match(text, end + len(noun), min(len(text), end + len(noun) + 9)) \
        if phrase == noun and phrase in patterns.load("metrics")["project_sets"]["generic_counted"] else None
    if done and not pattern.fullmatch(done.group(1)):  # 项目的竣工验收, but 项目的开工 is the taxonomy's
        return done.group(1) + phrase + spec["count_suffix"], "fallback"
    # a cue that modifies a 项目 after it (“专精特新”项目) does not name the count; 项目开工 does
    events = bool(_event_unit(unit))  # 七次“三个一批”活动项目: 次 counts the events
    found = [m.group() for m in pattern.finditer(phrase) if events or phrase.find("项目", m.end()) == -1]
    cues = taxonomy()[0]
    for cue in sorted(found, key=len, reverse=True):
        for entry_type, entry in cues[cue]:
            if entry_type == "metric" and "count" in entry["kinds"] and not (entry.get("generic") and cue != phrase):
                return entry["name"], "taxonomy"
    # 6个卡脖子项目中试或量产, 2家省级以上开发区主要经济指标稳中有进: the counted noun ends at its head
    head = next(((at, word) for word in spec["counted_heads"] if (at := phrase.find(word)) > 0), None)
    if head:
        phrase = phrase[:head[0] + len(head[1])]
    return phrase, "fallback"


def _noun_after_next_grade(text: str, at: int, spec: dict) -> str | None:
    """建成8个国家级、13个省级区域医疗中心: a grade counted alone shares the noun of the next count of its
    list, said after that count's own grade (区域医疗中心)."""
    nxt = rx(spec["elided_after_grade"]["next"]).match(text, at)
    if not nxt:
        return None
    return _noun_phrase(_words_after(text, nxt.end()), spec, from_left=True)


def _purpose_share(text: str, q, floor: int) -> str | None:
    """八成以上财政资金用于民生: a share of spending named by what it goes to (财政民生支出)."""
    after = text[q.end:q.end + 16]
    before = text[floor:q.start]
    return next((rule["name"] for rule in patterns.load("metrics").get("purpose_share", [])
                 if rx(rule["after"]).search(after) and rx(rule["spending"]).search(before + after)), None)


def _share_of_counted(text: str, q) -> str | None:
    """超50%的行政村达到美丽乡村标准, 85.2%的改革试点任务落地实施: a share right before the things it is a
    share of, the subject of a short predicate, is a share of their number, named by what they did or became
    (达到美丽乡村标准行政村数); a share of money (八成以上财政资金用于民生) is not a count."""
    spec = taxonomy()[2]
    at = q.end + text.startswith("的", q.end)
    stop = _clause_end_after(text, at)
    words = _words_after(text, at, keep_quotes=True) if stop else ""
    phrase = _noun_phrase(words, spec, from_left=True) if words else None
    clause = text[at:stop].translate(QUOTES) if phrase else ""
    if not phrase or not clause.startswith(phrase) or _names_a_measure(phrase):
        return None
    rest = clause[len(phrase):]
    opening = rx(spec["subject_predicate"]["opening"]).match(rest)
    predicate = rest[opening.end() if opening else 0:]
    limits = spec["share_of_counted"]
    if not limits["min_chars"] <= len(predicate) <= limits["max_chars"] or rx(limits["figure"]).search(predicate) \
            or any(word in predicate for word, _, _ in _aspects()[0]) or not tagged(predicate)[0][1].startswith("v") \
            or not _names_a_thing(phrase + spec["count_suffix"]):
        return None  # 由…的百分之三十六点五调整到百分之二十九: a level's change, not what a set did
    return _counted(predicate + phrase, "", spec)


@functools.cache
def _rank_move_rules() -> tuple[frozenset, Pattern, Pattern, str, Pattern, Pattern]:
    spec = patterns.load("metrics")["rank_move"]
    return (frozenset(spec["units"]), rx(spec["named"].replace("{moves}", spec["moves"])),
            rx(spec["bare"].replace("{moves}", spec["moves"])), spec["suffix"], rx(spec["frame"]), rx(spec["peers"]))


def rank_moved(text: str, q, before, floor: int) -> str | None:
    """综合科技创新水平指数排名提升6位 → 综合科技创新水平指数排名; 排名第45位，较上年提升12位 → the rank's
    ranking (see [rank_move])."""
    units, named, bare, suffix, *_ = _rank_move_rules()
    if q.unit not in units or q.is_rank:
        return None
    own = text[_clause_left(text, q.start, floor):q.start].strip()
    said = named.search(own)
    if said and said.group("x"):  # (排名提升3位 with no name before it is the bare move below)
        x = said.group("x")
        framed = rx(r"在(?P<y>\p{Han}{2,})中$").search(x)
        x = framed.group("y") if framed else x  # 在全省开发区考核中排名下降3位: the appraisal ranked in
        x = x[next((len(w) for w in taxonomy()[2]["scope_words"] if x.startswith(w) and len(x) > len(w) + 1), 0):]
        return _without_ranked_place(x) + suffix
    if said:  # 在…绩效评估中，该区…排名较上年提升9位: the appraisal its sentence's frame names
        framed = ranked_in(text, q, floor)
        if framed:
            return framed + suffix
    if before is not None and before.is_rank and before.start >= floor and before.metric and bare.match(own):
        return before.metric if before.metric.endswith(suffix) else before.metric + suffix
    if before is not None and before.unit in units and not before.is_rank and before.start >= floor \
            and (before.metric or "").endswith(suffix) and bare.match(_without_ranked_place(own)):
        return before.metric  # 阳泉市排名上升4位，大同市下降2位: the next place's move in the same ranking
    return None


def _without_ranked_place(x: str) -> str:
    """阳泉经开区综合排名, 阳泉市开发区规上工业增加值增速排名: the place ranked is the subject, no word of the ranking."""
    x = _after_zone(x)
    places = gazetteer.mentions(x)
    x = x[places[0][1]:] if places and places[0][0] == 0 else x
    return x[next((len(w) for w in _zone_words() if x.startswith(w)), 0):]


def ranked_in(text: str, q, floor: int) -> str | None:
    """在2023年度全国国家级经开区综合发展水平考核评价中，太原经开区排名第45位: a rank that names no field is
    ranked in the appraisal its sentence's 在…中 frame names; so is one whose only name is a cue of a clause
    before the frame (…较2020年翻了一番；在全省开发区综合考核评价中位列第4名). A frame that names only a field of
    ranking (在全国综保区中) names no appraisal."""
    framed = _rank_move_rules()[4].search(text, floor, q.start)
    if not framed or rx(r"[。；;]").search(text, framed.end(), q.start):
        return None
    # 在全国综保区中排名第22位: a field of zones, no appraisal, and so is a set of peers (在全国同类保税物流中心中排名
    # 第15位); the sentence's measure is ranked
    if _rank_frame().sub("", framed.group("x")) == "" or _rank_move_rules()[5].search(framed.group("x")):
        return None
    own = _after_zone(text[framed.end():q.start])
    # (在全省开发区2025年度考核中: the year dates the rank, it names no part of the appraisal)
    appraisal = rx(r"(?:19|20)\d{2}(?:年(?!度))?").sub("", framed.group("x"))
    # (海关总署公布的2023年度…评估: who published it names no part of it, and neither does the year's 年度 left bare)
    appraisal = rx(taxonomy()[2]["appraisal_publisher"]).sub("", appraisal)
    return appraisal if q.metric is None or not taxonomy()[1].search(own) else None


def _share_of_measure(text: str, q) -> tuple[str, str] | None:
    """以占全省3.2%的土地面积，贡献了全省52.6%的规上工业增加值和61.4%的进出口总额: a share right before 的 and
    a measure's name that closes its clause (or its item of a list) is a share of that measure."""
    if not text.startswith("的", q.end):
        return None
    at = q.end + 1
    ends = CLAUSE_END + "。和及与"  # (the clause's end, or its item's in a list of measures)
    stop = next((i for i in range(at, min(len(text), at + 16)) if text[i] in ends), None)
    words = text[at:stop if stop is not None else at + 16].translate(QUOTES)
    spec = taxonomy()[2]
    yielded = [words.find(v) for v in spec["share_yield_verbs"] if words.find(v) > 0]
    words = words[:min(yielded)] if yielded else words if stop is not None else ""
    if words.endswith(tuple(spec["land_words"])):
        words += spec["land_measure"]  # 三分之一的建设用地: the land's area
    elif words == spec["land_measure"]:
        words = spec["land_area"]  # 3.8%的面积: the land's too
    cue = taxonomy()[1].fullmatch(words)  # (a cue is a measure's name whatever its words: 实际使用外资)
    if not cue and words and words not in spec["generic_measures"] + spec["share_of_whole_words"] \
            and not _names_a_measure(words) and rx(spec["share_as_means"]).search(text, max(0, q.start - 10), q.start) \
            and _noun_phrase(words, spec, from_left=True) == words and _names_a_thing(words + spec["count_suffix"]):
        return words + spec["count_suffix"], "fallback"  # 以50.1%的入统企业，贡献了…: a share of the firms counted
    if words in spec["generic_measures"] + spec["share_of_whole_words"] \
            or not cue and (not _names_a_measure(words) or _noun_phrase(words, spec, from_left=True) != words):
        return None  # 贡献了全国24.1%的增量: the share of a whole the clause before names; 的农户…增加了收入: a set
    if cue:
        name = _fitting(taxonomy()[0][cue.group()], q, "share")
        return (name, "taxonomy") if name else None
    return words, "fallback"


def _reaches_a_level(words: str, spec: dict) -> bool:
    verb = next((v for v in spec["level_reached_verbs"] if words.startswith(v)), "")
    return bool(verb) and words.startswith(tuple(spec["level_reached_ends"]), len(verb))


def _predicate_of_count(text: str, end: int, phrase: str, unit: str) -> tuple[str, str] | None:
    """600个高频事项实现“数据最多采一次”, 44个国家部委制定配套支持文件: a count that is the subject of its
    clause, whose clause ends in a short predicate with no figure of its own, counts its things by what
    they do (数据最多采一次高频事项数, 参会国家数): the words before the phrase and the phrase (a stage it
    reached follows it: 民生实事完成数)."""
    if _event_unit(unit):
        return None
    spec = taxonomy()[2]["subject_predicate"]
    stop = _clause_end_after(text, end)
    clause = text[end:stop].translate(QUOTES) if stop else ""
    if not clause.startswith(phrase):
        return None
    # 二线口岸正式 / 启用: an adverb that opens the predicate is not the noun's, wherever jieba put it
    trailing = rx(spec["opening"].removeprefix("^") + "$").search(phrase)
    if trailing and trailing.start() >= 2:
        phrase = phrase[:trailing.start()]
    rest = clause[len(phrase):]
    opening = rx(spec["opening"]).match(rest)
    predicate = rest[opening.end() if opening else 0:]
    if not spec["min_chars"] <= len(predicate) <= spec["max_chars"] or rx(r"[\d０-９]").search(predicate):
        return None
    if tagged(phrase)[-1][1].startswith("v"):
        return None  # 53个重点事项落地 / 实施: the phrase has taken in a verb, the predicate is split
    tokens = tagged(predicate)
    achieved = opening is not None and opening.group().endswith(tuple(spec["result_verbs"]))  # 实现“全区通办”
    # only verbs (and their adverbs) make a predicate: a noun left after the phrase means the phrase stopped
    # inside its name (4个“两山”实践创新基地), not at its predicate
    if not (achieved or all(flag.startswith(("v", "d")) for _, flag in tokens)) or tokens[0][1].startswith("d") \
            or tokens[0][0] in spec["not_predicates"] or taxonomy()[1].search(phrase + predicate):
        return None  # 47个项目开工建设: where the taxonomy names the count, it keeps it
    if any(word in predicate for word, _, _ in _aspects()[0]):
        return None  # 5家企业增长…: an aspect's word frames a figure, it does not name a predicate
    done = predicate.removesuffix(spec["completion"])
    if predicate in spec["stage_verbs"] or not done:
        return "", phrase + predicate  # 45件民生实事全面完成 → 民生实事完成数: a stage reached follows the noun
    return done, phrase  # 63个省重点实验室重组完成 → 重组省重点实验室数


def _object_to_clause_end(text: str, start: int, stop: int) -> bool:
    """建成30个产业创新综合体。: a count that is the object of the verb before it, and whose words run to the
    clause's end, counts all of them, verbs inside a name included (创新, 验证中心); where the count is the
    subject (30多家头部企业入选…) or a pivot's object (推动15户链主…对接), a verb after it begins the predicate."""
    if stop < len(text) and text[stop] not in CLAUSE_END + "。！？）)":
        return False
    spec = patterns.load("metrics")["counted_object"]
    left = rx(spec["particles"]).sub("", text[max(0, start - 12):start])
    if not left:
        return False
    word, flag = tagged(left)[-1]
    return flag in ("v", "vn") and word not in spec["pivot_verbs"] or word in spec["object_verbs"]


@functools.cache
def _jieba():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    viterbi.install()  # the same tags, decoded faster
    words = io.StringIO()
    cues, _, _ = taxonomy()
    for cue in cues:
        words.write(f"{cue} 1000 n\n")
    for name, place in gazetteer.places().items():
        words.write(f"{name} {PLACE_WEIGHT} ns\n")
    for word in patterns.load("metrics")["fallback"]["industries"]:
        words.write(f"{word} 1000 n\n")
    for word, flag in patterns.load("metrics")["fallback"]["retag"].items():
        words.write(f"{word} 1000 {flag}\n")
    words.seek(0)
    jieba.load_userdict(words)
    return jieba.posseg


@functools.cache
def _dictionary() -> dict[str, int]:
    """jieba's word frequencies, the user dictionary (cues, places, retags) included."""
    _jieba()
    import jieba

    return jieba.dt.FREQ


@functools.lru_cache(maxsize=16384)
def tagged(clause: str) -> list[tuple[str, str]]:
    """jieba's words and part-of-speech tags; a clause is asked about once per figure it holds."""
    tokens = [(t.word, t.flag) for t in _jieba().lcut(clause)]
    if "次" in clause:  # 入境 / 外国人 / 次: the 次 of 人次 is the measure's word, not a measure word of its own
        for k in range(len(tokens) - 1, 0, -1):
            if tokens[k] == ("次", "q") and tokens[k - 1][0].endswith("人") and tokens[k - 1][1].startswith("n"):
                tokens[k - 1:k + 1] = [(tokens[k - 1][0] + "次", "n")]
    if "地" in clause:  # 运动场 / 地 (uv): after a noun and before no verb, 地 closes the noun (场地, 基地), it is no
        # adverb's particle
        for k in range(len(tokens) - 1, 0, -1):
            if (tokens[k] == ("地", "uv") and tokens[k - 1][1].startswith("n")
                    and (k + 1 == len(tokens) or not tokens[k + 1][1].startswith("v"))):
                tokens[k - 1:k + 1] = [(tokens[k - 1][0] + "地", "n")]
    return tokens


def fallback_name(text: str, q, floor: int) -> str | None:
    """Name a figure from the noun phrase of its clause: 共解决空编43名 → 解决空编数."""
    _, _, spec = taxonomy()
    naming_left = _naming_clause_left(text, q.start, floor)
    # (named by the clause before, whose verb of change the span after it states: 扩大人工草场面积，计划由…)
    spanned = naming_left < _clause_left(text, q.start, floor)
    left = _with_paired_verb(text, naming_left, q.start, floor, spec)
    own_left = _clause_left(text, q.start, floor)
    if spanned and _dated_topic_change().match(text[own_left:q.start]):
        left = text[naming_left:own_left - 1].translate(QUOTES)  # 农村居民的购买力，一九五三年…增加了: the topic's words
    left = rx(spec["span_basis"]).sub("", left)
    if "每" in left:
        left = rx(spec["rate_frame"]).sub("", left)
    disposed = rx(spec["disposed_span"]).search(left) if "将" in left else None
    left = disposed.group("name") if disposed else left
    # 城乡居民收入从3.1万元增长到…, 常住人口由上年729万人…: the noun stands before 从
    left = _span_partner()[1].sub("", left).rstrip("，, ")  # (全国研究与试验开发经费，从1997年的509亿元)
    left = _streak().sub("", left)
    left = rx(spec["comparison_base"]).sub("", left)
    if q.aspect == "difference":
        other = _set_against_other(left)
        left = left[:other.start()] if other else left
    if "价" in left or "扣除" in left:  # (every price basis says one or the other)
        left = rx(spec["price_basis"]).sub("", left)
    left = rx(spec["yearly_frame"]).sub("", left)
    if "年" in left:
        left = rx(spec["time_before_change"]).sub("", rx(spec["time_before_verb"]).sub("", left))
    left = rx(spec["strive"]).sub("", left.lstrip("，,；;：: "))
    left = rx(spec["modal_before_verb"]).sub("", left)
    left = rx(spec["held_at"]).sub("", left)  # 财政赤字率控制在3%以内: the name stands before 控制在
    if "有" in left:
        left = rx(spec["adverb_have"]).sub("", left)  # 医院共有3068所: 共有 says they exist, not what they are
    left = rx(spec["adverb_last"]).sub("", left)  # 我国人口已经超过十亿: the adverb before the figure is no name's
    if q.kind.startswith("percent"):
        left = rx(spec["plan_fulfilled"]).sub("", left)
    if q.kind == "doubling":
        left = rx(spec["doubling_verb"]).sub("", left)  # 营业收入翻一番 → 营业收入
    if q.kind == "extension" and rx(spec["extension_verb"]).search(left):
        left = rx(spec["extension_verb"]).sub("", left).removesuffix("期") + "期"  # 土地承包…再延长 → 土地承包期
    if q.aspect == "share":  # 技术合同成交额为2018年的2倍: the name stands before the whole it is measured against
        left = _part_of().sub("", left)
        whole = rx(patterns.load("aspects")["part_of"]["share_of_whole"]).search(left)
        if whole:  # 教育支出占财政支出的15%: the part stands before 占 (and an adverb before it: 农户已经占)
            left = _without_adverbs_before_verb(left[:whole.start()], spec)
            if left.endswith(tuple(spec["measure_heads"])) and _noun_phrase(left, spec) in spec["measure_heads"]:
                return None  # 用于国家行政经费的支出占…: a bare 支出 names nothing
    left = _with_purpose(left, spec)
    left = _after_zone(left)
    if q.is_rank:
        left = _without_rank_frame(left)
    phrase = _noun_phrase(left, spec) or _reached(left, q, spec)
    if not phrase and q.kind == "count":
        stop = next((i for i in range(q.end, min(len(text), q.end + 12)) if text[i] in CLAUSE_END), q.end + 12)
        phrase = _noun_phrase(text[q.end:stop].translate(QUOTES), spec, from_left=True)
    if phrase and spanned:
        verb = next((w for w in spec["span_topic_verbs"] if phrase.startswith(w)), "")
        phrase = phrase[len(verb):] if len(phrase) > len(verb) + 1 else phrase
    if phrase and q.aspect == "change":
        gained = next((w for w in spec["strip_leading_of_change"] if phrase.startswith(w)), "")
        phrase = phrase[len(gained):] if len(phrase) > len(gained) + 1 else phrase
    if not phrase or only_aspect(phrase):
        return None  # 年均增幅超过23%: words that frame a growth name nothing
    if q.kind != "count" and phrase in patterns.load("subjects")["zone_suffixes"]:
        return None  # …依次为晋中市开发区12.6%: the zones' word ends a place, the figure's subject, and names nothing
    phrase = _in_column_style(phrase, spec, counted=q.kind == "count")
    if q.kind == "count":
        phrase = _with_set_verb(phrase, _clause_of(text, q.start, floor))
        phrase = _counted(phrase, q.unit, spec)
    elif q.aspect in ("value", "change"):
        phrase = _with_kind(phrase, q.kind, spec)
    elif q.aspect == "growth" and phrase.endswith(spec["industry_ending"]) \
            and not phrase.endswith(tuple(spec["not_industry_endings"])):
        phrase += spec["industry_measure"]  # 装备制造业增长8%: the industry's value added
    elif q.aspect == "growth" and (counted := _counted_growth_suffix(phrase, spec)):
        phrase += counted  # 新登记企业增长24.5%: how many
    return phrase


def _counted_growth_suffix(phrase: str, spec: dict) -> str | None:
    """新登记企业增长24.5% → 新登记企业数, 入境过夜游客增长35% → 入境过夜游客人次: what a growth said of
    things or visitors counts."""
    if phrase.endswith(tuple(spec["counted_growth_endings"])):
        return spec["count_suffix"]
    if phrase.endswith(tuple(spec["visitors"]["endings"])):
        return spec["visitors"]["suffix"]
    return None


def _without_adverbs_before_verb(words: str, spec: dict) -> str:
    """农户已经 (占…): the adverbs of scope, time or mood that end the words are no part of the name."""
    adverbs = tuple(sorted(spec["adverbs_before_verb"], key=len, reverse=True))
    while words.endswith(adverbs):
        words = words[:-len(next(a for a in adverbs if words.endswith(a)))]
    return words


def _with_paired_verb(text: str, left: int, start: int, floor: int, spec: dict) -> str:
    """The naming clause's words, with the verb of building listed before its own first verb
    (新建、改扩建基础教育学校 → 新建改扩建基础教育学校): two verbs before one object are one verb of its name."""
    words = text[left:start]
    if left - 2 < floor or text[left - 1] != "、":
        return words
    verbs = spec["paired_build_verbs"]
    first = next((v for v in sorted(verbs, key=len, reverse=True) if text.endswith(v, floor, left - 1)), None)
    if not first or not words.startswith(tuple(verbs)):
        return words
    opened = left - 1 - len(first)
    return first + words if opened == floor or text[opened - 1] in CLAUSE_END.replace("、", "") else words


def _reached_counted(text: str, q, floor: int, noun: str) -> str | None:
    """学前一年免费教育惠及168万名儿童 → 学前一年免费教育惠及儿童数: a count of those a programme reached, named by
    the programme, its verb and what it counted (the 政策 of a programme is no word of its name)."""
    spec = taxonomy()[2]
    left = text[_naming_clause_left(text, q.start, floor):q.start].translate(QUOTES).rstrip()
    verb = next((v for v in spec["reach_verbs"] if left.endswith(v)), None)
    if verb is None:
        return None
    owner = _noun_phrase(left[: -len(verb)], spec)
    owner = owner.removesuffix(spec["reach_programme_word"]) if owner else None
    noun = noun.removesuffix(spec["count_suffix"])  # (四上企业数: the taxonomy's name of those counted)
    if not owner or len(owner) < 2 or not _names_a_thing(noun + spec["count_suffix"]):
        return None
    return owner + verb + noun + spec["count_suffix"]


def _reached(left: str, q, spec: dict) -> str | None:
    """育儿补贴惠及3万户: a count right after a verb of reach counts those reached (育儿补贴惠及户数)."""
    verb = next((v for v in spec["reach_verbs"] if left.endswith(v)), None)
    if verb is None or q.kind != "count":
        return None
    owner = _noun_phrase(left[: -len(verb)], spec)
    return owner + verb if owner else None


@functools.cache
def _rank_frame() -> Pattern:
    quant = patterns.load("quantities")
    words = sorted({*quant["rank_cues"], *quant["rank_moves"], *quant["rank_position_after"]}, key=len, reverse=True)
    guarded = quant["rank_cue_not_after"]
    return rx("(?:" + "|".join((f"(?<!{guarded[w]})" if w in guarded else "") + regex.escape(w) for w in words)
              + "|" + quant["rank_move_frame"] + ")+$")


def _without_rank_frame(left: str) -> str:
    """电解铝运行产能提升至全国 / 第2位: the words that frame a rank (提升至, 居, 全国, 西北) are no part of
    what is ranked."""
    return _rank_frame().sub("", left)


def _with_purpose(left: str, spec: dict) -> str:
    """中央财政用于“三农”的支出 → 中央财政“三农”支出: spending named by its owner and what it is for. Only
    an owner that is a noun: in 争取用于项目建设的专项债券 the words before 用于 are a verb's."""
    found = rx(spec["purpose"]).search(left)
    if not found or not found.start():
        return left
    owner = tagged(left[max(0, found.start() - 8):found.start()])
    if not owner or not owner[-1][1].startswith(("n", "j")):
        return left
    return left[:found.start()] + found.group("purpose") + left[found.end():]


def _with_kind(phrase: str, kind: str, spec: dict) -> str:
    """An activity measured in a unit is named by it and the unit's quantity: 营造林 + 亩 → 营造林面积; a
    name so built that is a cue of the taxonomy is written as the taxonomy names it (其中高速公路4771公里 →
    高速公路里程 → 高速公路通车里程)."""
    built = _with_kind_suffix(phrase, kind, spec)
    # …and so is a phrase that is itself a cue the clause did not hold whole (新建、改造高标准农田 → 新建改造高标准农田)
    names = _cue_metric_names(built, kind) or _cue_metric_names(phrase, kind)
    return names.pop() if len(names) == 1 else built


def _with_kind_suffix(phrase: str, kind: str, spec: dict) -> str:
    verbs = spec["kind_verb_measures"].get(kind, {})
    verb = next((v for v in verbs if phrase.startswith(v) and len(phrase) > len(v) + 1), None)
    thing = phrase[len(verb):] if verb else ""
    attribute = thing.startswith(tuple(spec["kind_verb_not_before"].get(verb, ())))  # 生产用水: water for it
    if verb and not attribute and not thing.endswith(tuple(spec["kind_verb_measured"])):
        return thing + verbs[verb]
    suffix = spec["kind_suffix"].get(kind)
    if not suffix:  # (生产用水: water for production, not water produced, as kind_verb_not_before says)
        return phrase if verb else _deed_amount(phrase, kind, spec)
    if phrase.endswith(tuple(spec["kind_suffix_completes"])):
        return phrase + suffix
    heads = spec["kind_suffix_after"].get(kind, {})
    own = next((heads[h] for h in heads if phrase.endswith(h)), None)
    if own:
        return phrase + own
    if phrase.endswith(tuple(spec["measure_heads"]) + tuple(spec["kind_suffix_not_after"])):
        return phrase
    return phrase + suffix


def _deed_amount(phrase: str, kind: str, spec: dict) -> str:
    """处理污水 + 万吨 → 处理污水量, 光伏发电 + 亿千瓦时 → 光伏发电量: stuff or energy said by the deed done with it
    (a deed opens or ends the phrase) is the deed's 量; a thing said bare, or a capacity, keeps its name."""
    deed = spec["kind_suffix_after_deed"].get(kind)
    heads = (*spec["measure_heads"], *spec["kind_suffix_not_after_deed"], deed)
    if not deed or phrase.endswith(heads) and not phrase.endswith(tuple(spec["deed_heads"])):
        return phrase  # (an emission said in tonnes is the amount emitted: 减少二氧化碳排放量)
    words = tagged(phrase)
    said = {words[0][1], words[-1][1]} & {"v", "vn"} or phrase.startswith(tuple(spec["deed_words"])) \
        or phrase.endswith(tuple(spec["deed_words"]))
    return phrase + deed if said else phrase


def _event_unit(unit: str | None) -> str | None:
    """The measure word of a count of events (次, 场), also under a magnitude (1.2万场); else None."""
    word = (unit or "").lstrip("万亿千百")
    return word if word in taxonomy()[2]["count_suffix_by_unit"] else None


def _names_events(name: str) -> bool:
    """调度会次数, 接待游客人次, 旅客吞吐量: a name that can stand over a count in 次, 场 or 人次."""
    return name.endswith(_event_suffixes() + ("量",))


@functools.cache
def _event_suffixes() -> tuple[str, ...]:
    """The endings of the names of counts of events (次数, 场次, 人次, …)."""
    return tuple(taxonomy()[2]["count_suffix_by_unit"].values())


def _ends_in_verb(phrase: str) -> bool:
    """易地扶贫搬迁, 农村危房改造: the name ends in an activity (a word of its own, or the tail of one: 危房改造)."""
    if phrase.endswith(tuple(taxonomy()[2]["reach_verbs"])):
        return True  # 惠及 is tagged a noun's part
    word, flag = tagged(phrase)[-1]
    return flag in ("v", "vn") or len(word) > 2 and tagged(word[-2:])[-1][1] in ("v", "vn")


def _counted(phrase: str, unit: str, spec: dict) -> str:
    """The name of a count of `phrase`: 调度会 + 次 → 调度会次数, 企业 + 家 → 企业数."""
    event = _event_unit(unit)
    suffix = spec["count_suffix_by_unit"].get(event)
    if suffix and phrase.endswith(event) and event in spec["count_suffix_own_word"]:
        return phrase + suffix[len(event):]  # 跨境电商清单 + 万单 → 跨境电商清单量, 订单 → 订单量
    if suffix:
        return phrase if phrase.endswith((suffix, "量")) else phrase + suffix
    if phrase.endswith(RATE_SUFFIXES + tuple(spec["counts_by_themselves"])):
        return phrase
    flow = spec["count_suffix_of_flows"]
    if phrase.endswith(tuple(flow["endings"])):
        return phrase + flow["suffix"]  # 整车出口突破百万辆 → 整车出口量: goods counted as they flow
    word = (unit or "").lstrip("万亿千百")
    by_unit = spec["count_suffix_after_verb"].get(word)
    if by_unit and _ends_in_verb(phrase):
        return phrase + by_unit
    issued = _issue_after(phrase)
    if by_unit and issued != phrase:
        return issued + by_unit  # 发放育儿补贴181.2万人 → 育儿补贴发放人数
    people = spec["people_counted"]
    if word in people["units"] and phrase.endswith(tuple(people["nouns"])):
        return _enrolled(phrase + people["suffix"], spec)
    if word in people["units"] and phrase.startswith(tuple(people["attending"])):
        return phrase + people["suffix"]  # 约200人参加会议
    dwelling = spec["count_suffix_of_dwellings"].get(word[:1])  # 3.8万套（间）: the flat or the room
    if dwelling and phrase.endswith(tuple(spec["dwellings"])):
        return phrase + dwelling
    return phrase + spec["count_suffix"]


def _with_set_verb(noun: str, clause: str) -> str:
    """Firms or projects are named by the verb that gathered them: 拜访对接80余家企业 → 拜访对接企业."""
    if not noun.endswith(tuple(patterns.load("metrics")["project_sets"]["generic_counted"])):
        return noun
    verb = _set_verb(clause)
    return verb + noun if verb and verb not in noun else noun


@functools.cache
def _strip_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words stripped from a noun phrase's two ends, as tuples that ask of all of them at once."""
    spec = taxonomy()[2]
    return tuple(spec["strip_leading"] + spec["strip_leading_zones"] + spec["strip_leading_zone_words"]), \
        tuple(spec["strip_trailing"])


@functools.cache
def _strip_words_of_counted() -> tuple[str, ...]:
    """…without a zone's bare word: the things a count counts may be zones (3个综保区)."""
    spec = taxonomy()[2]
    return tuple(spec["strip_leading"] + spec["strip_leading_zones"])


def _joined_list(m) -> str:
    """新材料、装备制造两大产业 → 新材料和装备制造产业: items listed and counted under one head are that head's
    joint name, where the count is theirs (else the words stay)."""
    items = regex.split("[、和]", m.group("items"))
    counted = quantities.parse_chinese_number(m.group("count"))
    return "和".join(items) + m.group("head") if counted == len(items) else m.group()


def _after_means(clause: str, spec: dict) -> str:
    """The words after a quoted means that its own clause opens on (全区通过“腾笼换鸟”盘活低效用地 → 盘活低效用地)."""
    found = [m for m in (rx(spec["means_quoted"]).search(clause), rx(spec["means_way"]).search(clause)) if m]
    # (通过“9610”“1210”模式完成…: the way runs past the first quote)
    means = max(found, key=lambda m: m.end()) if found else None
    if not means or rx(r"[，,；;。]").search(clause, 0, means.start()):
        return clause
    return clause[means.end():]


def _noun_phrase(clause: str, spec: dict, from_left: bool = False, verbs_inside: bool = False) -> str | None:
    if not clause:
        return None
    for long, short in spec["abbreviations"].items():
        clause = clause.replace(long, short)
    if "（" in clause:
        clause = rx(spec["bracketed_alternatives"]).sub("", rx(spec["grade_gloss"]).sub("", clause))
    if "方面" in clause:
        clause = rx(spec["field_filler"]).sub("", clause)  # 工业建设方面的支出 → 工业建设支出
    if "完成" in clause:
        clause = rx(spec["done_filler"]).sub("", clause)  # 半导体产业完成产值 → 半导体产业产值
    if "以上的" in clause:
        clause = rx(spec["threshold_of"]).sub("", clause)  # 2000万元以上的技改项目 → 2000万元以上技改项目
    if "、" in clause or "和" in clause:
        clause = rx(spec["counted_list"]).sub(_joined_list, clause)  # 新材料、装备制造两大产业 → 新材料和装备制造产业
    if "“" in clause or '"' in clause:
        clause = rx(spec["means_named"]).sub(r"\g<way>", clause)  # 以“免申即享”方式兑现 → 免申即享兑现
    if "“" in clause or '"' in clause or "方式" in clause or "办法" in clause or "模式" in clause:
        clause = _after_means(clause, spec)  # 通过“腾笼换鸟”盘活低效用地 → 盘活低效用地
    if "利用" in clause or "依托" in clause or "借助" in clause:
        means = None
        for means in rx(spec["means_plain"]).finditer(clause):
            pass
        clause = clause[means.end():] if means else clause  # 利用厂房屋顶建设分布式光伏 → 建设分布式光伏
    if "安排" in clause and "财政" in clause:
        clause = rx(spec["payer_verb"]).sub("", clause)
    if "人" in clause:  # (the test first: most clauses name no head, and this runs for every figure)
        clause = rx(patterns.load("quantities")["per_head_bare"]).sub(lambda m: "每" + m.group(), clause)
    # a name is at most max_chars after its leading words are stripped: the words beyond a window of
    # twice that never make one, and tagging them is most of the cost
    window = 2 * spec["max_chars"]
    clause, quoted = _unquoted(clause[:window] if from_left else clause[-window:])
    tokens = tagged(clause)
    # 每万人高价值发明专利拥有量: a per-head denominator is one word of the name, like a quoted one
    quoted += [m.span() for m in rx(spec["per_head"]).finditer(clause)]
    quoted += [m.span() for m in rx(spec["graded"] + "|" + spec["graded_bare"]).finditer(clause)]  # 5A级物流企业, 千亿县
    quoted += [m.span() for m in rx(spec["threshold"]).finditer(clause)]  # 二级以上医院: a class, not a figure
    if "有" in clause:
        quoted += [m.span() for m in rx(spec["having"]).finditer(clause)]  # 有研发活动的企业
    keep_flags = ("n", "vn", "nz", "v", "a", "b", "j", "l", "eng")
    if from_left:  # the counted noun right after a count: 30多家头部企业 → 头部企业
        out, flags, at = [], [], 0
        for k, (word, flag) in enumerate(tokens):
            at += len(word)
            if any(a < at <= b for a, b in quoted):
                flag = "nz"  # 8个国家公共数据“跑起来”示范场景: a quoted name is one noun, whatever its words
            if word in spec["phrase_glue"] and out:
                flag = "n"  # 国家卓越 / 级 / 智能工厂: 级 binds its modifier to the noun
            if flag == "m" and _glued_to_capitals(word, tokens[k + 1][0] if k + 1 < len(tokens) else ""):
                flag = "eng"  # 国家级5G工厂
            if flag.startswith("t") and not rx(r"[0-9年月日季期今去本上下前后末初底]").search(word):
                flag = "n"  # 夜 / 经济 (夜 tagged t) is a noun's first word, not a time
            after = tokens[k + 1] if k + 1 < len(tokens) else ("", "")
            if flag == "m" and word == "零" and out and rx(r"\p{Han}").match(after[0]):
                flag = "n"  # 省级以上 / 零 / 碳园区: a lone 零 before a noun is a word (零碳), not a number
            if flag == "v" and out and len(after[0]) == 1 and after[1] == "n":
                flag = "n"  # 集聚 / 区: a verb bound to a one-character head is a noun's part
            if verbs_inside and flag == "s":
                flag = "n"  # 填补国内空白…成果: a place word inside an object's name
            if flag == "v" and out and all(w.endswith("级") for w in out):
                flag = "n"  # 村级 / 互助 / 幸福院: a grade alone counts nothing, the verb after it is its noun's
            if flag == "zg" and out and len(word) == 1 and (after[1].startswith("n") or not after[0]):
                flag = "n"  # 典型 / 村 / 片区: a one-character word jieba leaves untagged, inside a noun
            if not out and (word in spec["kind_determiners"] or word in spec["counted_time_openers"]):
                continue  # 13个 / 各类 / 园区: every kind is no kind
            if flag == "v" and out and all(f == "v" for f in flags) and after[1].startswith(("n", "v")):
                flag = "vn"  # 抽水 / 蓄能 / 电站: verbs that open the counted noun modify it, up to its head
            if not flag.startswith(keep_flags) or flag == "v" and out and not verbs_inside:
                break
            out.append(word)
            flags.append(flag)
        if verbs_inside and flags and (flags[-1] == "v" or len(out) < len(tokens)):
            return None  # the run does not end in a noun, or stops short of the clause's end: no object's name
        phrase, words = "".join(out), out
    else:
        out, glued, joined, verbs, at, joins, bound = [], False, False, [], len(clause), [], False
        joined_owner = 0
        for word, flag in reversed(tokens):
            at -= len(word)
            if any(a <= at < b for a, b in quoted):
                flag = "nz"  # 设立“双招双引”联络站13个: a quoted name is one noun, whatever its words
            if joined:
                joined = False
                if not flag.startswith(("n", "l", "j", "vn")) or flag.startswith("ns") or word in spec["generic_measures"]:
                    out.pop()  # …投资及: the join word ends the phrase when no noun stands before it (a verb's
                    # noun does: 农产品加工和食品产业);
                    # 数量及投资额占比分别…: two measures, each its own name
                    verbs.pop()
                    break
            if word == "的" and out and not joined_owner and _owned_measure(_before_aspect_verbs(out, spec), spec):
                joins.append(len(out))
                out.append("")  # 社办工业的产值: the owner before 的 names whose measure it is (社办工业产值)
                verbs.append(False)
                joined, joined_owner = True, len(out)
                continue
            if word in spec["phrase_joins"] and out and flag.startswith(("c", "p")):
                joins.append(len(out))
                out.append(word)  # 航空航天器及设备投资: 及 joins two nouns into one name
                verbs.append(False)
                joined = True
                continue
            if not out and (word in spec["figure_copulas"] or word in spec["done_particles"]):
                continue  # 钢材产量增速为 / 3%, 钢产量增长了 / 10%: the copula or the 了 right before the figure ends no name
            if not out and at > 0 and _subject_between(word, flag):
                continue  # 生活方式评估 / 我省 / (连续两年全国第一): whose figure it is ends no name
            if word in spec["kind_determiners"] and out and not verbs[-1]:
                continue  # 引进 / 各类 / 人才: every kind is no kind
            if word in spec["adverbs_before_verb"] and out and all(verbs) and len(out[-1]) > 1:
                continue  # 覆盖率 / 都 / 达到, 公路 / 共 / 修建: an adverb before the closing verb names nothing
                # (but 约 / 谈 is one verb, 约谈, that jieba cut in two)
            if not out and (word in spec["level_reached_ends"] and at + len(word) == len(clause)
                            or word in spec["level_reached_verbs"] and clause.endswith(tuple(spec["level_reached_ends"]))):
                continue  # 收集率提升 / 至 / 88%
            if flag == "m" and word.startswith("零") and rx(r"零[^0-9零〇一二两三四五六七八九十百千万亿年月日个]+").fullmatch(word):
                flag = "n"  # 零碳, 零排放 (tagged m) are words, not numbers
            if word == "零" and out and rx(r"\p{Han}").match(out[-1]):
                flag = "n"  # …and so is a lone 零 before a noun (零 / 碳园区)
            if word == "余" and out and rx(r"\p{Han}").match(out[-1]) \
                    and not (at > 0 and rx(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]").match(clause[at - 1])):
                flag = "n"  # 余热 / 余 / 压利用率: a lone 余 before a noun, after no number, is a word (余压), not 多
            if glued:
                glued = False
                if rx(r"\p{Han}+").fullmatch(word) or any(a <= at < b for a, b in quoted):
                    out.append(word)  # 国家级, 千亿级, 5A级: the modifier the measure word was glued to
                    verbs.append(False)
                    continue
                out.pop()  # 3级: a number's measure word, not a modifier's
                verbs.pop()
                break
            if bound:
                bound = False
                if not flag.startswith(("n", "vn", "j", "l")) or flag.startswith("ns"):
                    out.pop()  # 一 / 类 / 创新药: the infix binds no noun here
                    verbs.pop()
                    break
            if word in spec["phrase_glue"] and out:
                out.append(word)
                verbs.append(False)
                glued = True
                continue
            if word in spec["bound_infixes"] and out and flag.startswith(("m", "q", "p")):  # not 用 / 林地 (v)
                out.append(word)  # 污水 / 日 / 处理能力, 非金融 / 类 / 对外直接投资: a noun on each side makes one name
                verbs.append(False)
                bound = True
                continue
            if flag == "m" and _glued_to_capitals(word, out[-1] if out else ""):
                flag = "eng"  # 国家5G工厂
            if flag.startswith(("ns", "m", "q", "r", "p", "c", "u", "x", "w", "f")) or not word.strip():
                if flag == "m" and word[-1:].isdigit() and out and len(out[-1]) == 1:
                    out.pop()  # 6107 / 名 / 困难家庭: the number's measure word (tagged a noun), no name's part
                    verbs.pop()
                break
            if flag.startswith("t") and rx(spec["span_length"]).fullmatch(word) and all(w in spec["span_sums"] for w in out):
                out.clear()  # 教育支出 / 五年 / 累计: the years summed over, and the sum, are the period's words
                verbs.clear()
                continue
            if flag.startswith("t") and rx(r"[0-9年月日季期今去本上下前后末初底]").search(word):
                break  # a time word (今年, 上半年) ends the phrase; 过夜 (tagged t) is part of 过夜游客人次
            if rx(r"以来$|^[今去明本]年").search(word):
                break  # 今年以来 (tagged i) is a time too
            out.append(word)
            verbs.append(flag == "v")
        if joined_owner and any(j >= joined_owner for j in joins):
            del out[joined_owner - 1:], verbs[joined_owner - 1:]  # 经济和文化部门的基本建设投资: owners listed
            # before 的 frame the measure, they do not name it
        if bound:  # 通过 / 房票去化商品住宅: an infix at the clause's start binds nothing
            out.pop()
            verbs.pop()
        # 促进金融机构发放 / 科技型企业知识价值信用贷款: a name too long starts after its last verb that fits
        kept = len(out)
        # …零售额合计增长: the aspect words the name will lose do not count against its length
        # (…nor do the light verbs it will lose: 农产品加工和食品产业 / 实现 / 营业收入)
        limit = spec["max_chars"] + _trailing_length(out, spec) + sum(len(w) for w in out[:-1] if w in spec["light_verbs"])
        while sum(map(len, out[:kept])) > limit and True in verbs[:kept - 1]:
            kept = max(i for i in range(kept - 1) if verbs[i])
        while sum(map(len, out[:kept])) > limit and any(j < kept for j in joins):
            kept = max(j for j in joins if j < kept)  # 信息传输软件和 / 信息技术服务业增加值: too long joined
        out = out[:kept]
        words = out[::-1]
        # 规上工业企业实现营业收入: a light verb between the owner and its measure is no part of the name
        words = words[:1] + [w for w in words[1:] if w not in spec["light_verbs"]]
        phrase = "".join(words)
    # a one-character leading word is stripped only where it is a word of its own: 有 / 项目 but not 有色金属
    # (jieba joins longer ones to their verb, 积极争取, and those are still stripped)
    starts = set(itertools.accumulate(map(len, words), initial=0))
    changed, cut = True, 0
    leading, trailing = _strip_words()
    leading = _strip_words_of_counted() if from_left else leading
    while phrase and changed:
        changed = False
        for word in leading if phrase.startswith(leading) else ():
            if not phrase.startswith(word):
                continue
            own_word = len(word) > 1 or cut + 1 in starts
            title = phrase[len(word):].startswith(tuple(spec["strip_leading_not_before"].get(word, ()))) \
                or rx(spec["having"]).match(phrase) is not None  # 有研发活动的企业: 有 opens the class
            bare = phrase[len(word):] in spec["bare_measures"]  # 对接金额 stays: 金额 alone names nothing
            if len(phrase) > len(word) + 1 and own_word and not title and not bare:  # 约谈 stays
                phrase, changed, cut = phrase[len(word):], True, cut + len(word)
        for word in spec["strip_trailing"] if phrase.endswith(trailing) else ():
            if phrase.endswith(word) and len(phrase) > len(word) \
                    and phrase[-len(word) - 1] not in spec["strip_trailing_not_after"].get(word, ""):
                phrase, changed = phrase[: -len(word)], True
    said = next((w for w in spec["yearly_measures"] if phrase.endswith(w) and len(phrase) > len(w)), None)
    if said:  # 新能源汽车年产量: a yearly output is the year's output, named as the statistic is (产量)
        phrase = phrase[:-len(said)] + spec["yearly_measures"][said]
    if "亿" in phrase:
        phrase = rx(spec["graded_bare"]).sub(r"\g<0>级", phrase)  # 千亿县 → 千亿级县
    grade = rx(spec["graded"]).match(phrase) or rx(spec["threshold"]).match(phrase)  # 10万吨级泊位, 50亿元以上项目
    if not (2 <= len(phrase) <= spec["max_chars"]) or not rx(r"(?:[0-9]+[A-Z]|[0-9]+(?=\p{Han})|[\p{Han}A-Za-z])[\p{Han}A-Za-z0-9]*(?:[+＋][\p{Han}A-Za-z0-9]+)*").fullmatch(
            phrase[grade.end():] if grade else phrase):  # 5G用户普及率
        return None
    if phrase in spec["strip_leading"] or phrase in spec["strip_trailing"]:
        return None
    return phrase


def _subject_between(word: str, flag: str) -> bool:
    rules = patterns.load("metrics")["subject_between"]
    return word in rules["self_references"] or flag.startswith("ns") and len(word) > 2 and word[-1] in rules["place_endings"]


def _before_aspect_verbs(reversed_words: list[str], spec: dict) -> str:
    """The words read so far, without the closing verbs the name will lose (产量 / 增加: 产量)."""
    phrase = "".join(reversed(reversed_words))
    return phrase[:len(phrase) - _trailing_length(reversed_words, spec)]


def _owned_measure(phrase: str, spec: dict) -> bool:
    return len(phrase) <= spec["owned_measure_chars"] and phrase.endswith(tuple(spec["owned_measure_endings"]))


def _trailing_length(reversed_words: list[str], spec: dict) -> int:
    """The length of the words at a phrase's end that strip_trailing takes off (合计 / 增长)."""
    length = 0
    for word in reversed_words:
        if word not in spec["strip_trailing"]:
            break
        length += len(word)
    return length


def _glued_to_capitals(word: str, neighbour: str) -> bool:
    """5 / G: digits glued to capitals are a name's part (5G工厂), not a number."""
    return word.isdigit() and bool(rx(r"[A-Z]+").fullmatch(neighbour))


def _unquoted(clause: str) -> tuple[str, list[tuple[int, int]]]:
    """The clause without its quote marks, and the spans (in it) that were quoted."""
    out, spans, opened = [], [], None
    for ch in clause:
        if ch == "“":
            opened = len(out)
        elif ch == "”" and opened is not None:
            spans.append((opened, len(out)))
            opened = None
        elif ch not in QUOTE_MARKS:
            out.append(ch)
    return "".join(out), spans


@functools.cache
def _streak():
    return rx(taxonomy()[2]["streak"])


@functools.cache
def _ellipsis():
    spec = patterns.load("metrics")["ellipsis"]
    return rx(spec["verb_after"]), rx(spec["verb_before"])


def elliptic_name(text: str, q, floor: int, counted: str | None, counted_unit: str | None = None) -> str | None:
    """A count that names nothing (有8个已解决) is part of what the sentence counted before it (卡点问题38个,
    `counted`): 卡点问题解决数; with its own topic before the verb (立项已办结17个): 立项办结项目数."""
    if not counted or q.kind != "count" or q.aspect not in ("value", "change"):
        return None
    spec = taxonomy()[2]
    suffix = spec["count_suffix"]
    if _event_unit(q.unit):  # (of events, 5次…已完成3次, a count says no part; but parcels of land are things)
        if q.unit not in patterns.load("metrics")["ellipsis"]["things_by_unit"]:
            return None
        suffix = spec["count_suffix_by_unit"][q.unit]
    if not counted.endswith(suffix):
        return None
    base = counted.removesuffix(suffix)
    after_re, before_re = _ellipsis()
    clause = text[_clause_left(text, q.start, floor):q.start].translate(QUOTES)
    _, cue_re, _ = taxonomy()
    after = after_re.match(text, q.end)
    if after and not cue_re.search(clause) and not _noun_phrase(clause, spec) and not cue_re.search(after.group("v")):
        return base + after.group("v") + suffix
    before = before_re.match(clause)
    if before and not rx(r"\p{Han}").match(text[q.end:q.end + 1]) and not cue_re.search(clause):
        generic = patterns.load("metrics")["project_sets"]["generic_counted"]
        head = next((g for g in generic if base.endswith(g)), base)
        return before.group("a") + before.group("v") + head + suffix
    done = rx(patterns.load("metrics")["ellipsis"]["verb_done_of"]).match(clause)
    if done and not rx(r"\p{Han}").match(text[q.end:q.end + 1]) and not cue_re.search(done.group("v")):
        generic = patterns.load("metrics")["project_sets"]["generic_counted"]
        head = next((g for g in generic if base.endswith(g)), base)
        return done.group("v") + head + suffix  # 已完成前期手续的有11个: 完成前期手续项目数
    return _verb_alone(text, q, clause, base, suffix) if q.unit == counted_unit else None


def graded_name(text: str, q, floor: int, counted: str | None, counted_unit: str | None) -> str | None:
    """82家开发区分为四档，其中A档14家、B档31家; 参评企业3652家，评出A类（优先发展）企业612家、B类（鼓励提升）
    1847家: a count whose item is a grade alone, after a count of things in its unit, counts the things of that
    grade (A档开发区数, B类企业数); one that names its things after the grade is named by the grade and them."""
    if not counted or q.kind != "count" or q.unit != counted_unit or q.aspect != "value":
        return None
    suffix = taxonomy()[2]["count_suffix"]
    left = max(last_of("，,、；;：:", text, floor, q.start) + 1, floor)
    graded = rx(patterns.load("metrics")["ellipsis"]["grade_item"]).search(rx(r"\s").sub("", text[left:q.start]))
    if not graded or not counted.endswith(suffix):
        return None
    words = tagged(counted.removesuffix(suffix))
    things = graded.group("things") or (words[-1][0] if words and words[-1][1].startswith("n") else "")
    return graded.group("grade") + things + suffix if things else None


def _verb_alone(text: str, q, clause: str, base: str, suffix: str) -> str | None:
    """收集企业诉求96个，已解决89个，…其余7个正在推进中; 受理涉企投诉1563件，办结1527件: a count whose clause is only
    the verb done to part of what was counted before (with 已, or after a count that opened on a verb of its own),
    or the rest of it and what is being done (其余…正在推进), counts that part: 企业诉求解决数, 涉企投诉办结数."""
    rules = patterns.load("metrics")["ellipsis"]
    words = tagged(base)
    opened = len(words) > 1 and len(words[0][0]) == 2 \
        and (words[0][1] in ("v", "vn") or words[0][0] in rules["opening_verbs"])  # 收集 / 企业诉求, 排查 / 隐患
    # (a verb's complement goes with it: 清理出 / 闲置低效用地)
    done_with = len(words[0][0]) + (len(words[1][0]) if opened and len(words) > 2 and words[1][0] in ("出", "了", "到") else 0)
    thing = base[done_with:] if opened else base
    # (a clause after 、 is a list's item, 意见建议2979件、提案3397件, no verb's)
    alone = rx(rules["verb_alone"]).fullmatch(clause.strip()) if not text.endswith("、", 0, q.start - len(clause)) else None
    rest = rx(rules["rest_doing"]).match(text, q.end) if rx(rules["rest"]).fullmatch(clause.strip()) else None
    ends = not rx(r"\p{Han}").match(text, q.end)  # (惠及310多万户家庭: the count names its own thing after it)
    said = rest or (alone if alone and ends and (alone.group("done") or opened) else None)
    if said is None or said.group("v") in rules["not_done_to_part"] \
            or tagged(said.group("v")) not in ([(said.group("v"), "v")], [(said.group("v"), "vn")]) \
            or taxonomy()[1].search(said.group("v")):
        return None
    return thing + said.group("v") + suffix


@functools.cache
def _measure_ellipsis():
    return rx(patterns.load("metrics")["ellipsis"]["measure_only_verb"])


def elliptic_measure(text: str, q, floor: int, before) -> str | None:
    """建成标准化厂房37.9万平方米，已使用29.9万平方米: a measure whose clause is only 已 and a verb is the
    part of the figure before it that the verb did (标准化厂房使用面积)."""
    if before is not None and before.start >= floor and before.metric and q.aspect == "growth" \
            and q.kind.startswith("percent") and not before.kind.startswith("percent") \
            and rx(patterns.load("metrics")["ellipsis"]["rate_of_change_only"]).match(
                text[_clause_left(text, q.start, floor):q.start].strip()):
        return before.metric  # …压减至12个工作日，压减幅度达73.3%: the change's rate
    if before is not None and before.start >= floor and before.metric and q.aspect == "change" \
            and q.unit == before.unit and not q.kind.startswith("percent") and not rx(r"\p{Han}").match(text, q.end) \
            and rx(patterns.load("metrics")["ellipsis"]["rate_of_change_only"]).match(
                text[_clause_left(text, q.start, floor):q.start].strip()):
        return before.metric  # …由43天压缩至12.5天，缩短30.5天: how far it went, in the level's unit
    if before is not None and before.start >= floor and before.metric and q.aspect == before.aspect == "growth" \
            and _goal_of_change(text, q, floor):
        return before.metric  # …下降6.8%，超额完成市定下降4%的目标任务: the goal for that change
    other = _other_measure_of_things(text, q, floor, before)
    if other:
        return other  # 收回低效用地12宗、436亩: the same land's area
    if before is None or before.kind != q.kind or not before.metric or q.aspect != "value":
        return None
    across = before.start < floor  # (…3215项。其中，国家级开发区平均承接52项: the parts of the sentence before)
    if across and not text.startswith("其中", floor):
        return None
    averaged = _averaged(text[_clause_left(text, q.start, floor):q.start].strip(), before,
                         text[_clause_left(text, before.start, 0 if across else floor):before.start].strip()) \
        if q.unit == before.unit else None
    if averaged or across:
        return averaged
    suffix = taxonomy()[2]["kind_suffix"].get(q.kind)
    said = _measure_ellipsis().match(text[_clause_left(text, q.start, floor):q.start].strip())
    if not suffix or not said or not before.metric.endswith(suffix):
        return None
    return before.metric.removesuffix(suffix) + said.group("v") + suffix


def _other_measure_of_things(text: str, q, floor: int, before) -> str | None:
    """收回低效用地12宗、436亩: a figure that names nothing, right after a count of things joined by 、 (or
    nothing), in another kind with a measure word of its own, measures the same things (收回低效用地面积)."""
    spec = taxonomy()[2]
    suffix = spec["kind_suffix"].get(q.kind)
    if q.metric is not None or q.aspect != "value" or before is None or before.start < floor or not suffix \
            or before.kind != "count" or not before.metric or before.aspect != "value" \
            or not rx(r"[、\s]*").fullmatch(text, before.end, q.start):
        return None
    counted = next((s for s in sorted(set(spec["count_suffix_by_unit"].values()) | {spec["count_suffix"]},
                                      key=len, reverse=True) if before.metric.endswith(s)), None)
    things = before.metric.removesuffix(counted) if counted else ""
    if len(things) < 2 or not rx(r"\s*(?:[，,。；;）)]|$)").match(text, q.end):
        return None  # (德令哈3座35万千瓦光热电站: the figures go on to name the things after them)
    if things.endswith("项目") and q.kind.startswith("money"):
        # 签约8个、31.2亿元: signed projects' money is the amount signed; other projects', their investment
        return things[:-2] + "金额" if things[:-2].endswith("签约") else things + "总投资"
    return things + suffix


def _goal_of_change(text: str, q, floor: int) -> bool:
    """超额完成市定下降4%的目标任务: a rate of change whose clause says only that it was a goal met."""
    spec = patterns.load("metrics")["ellipsis"]
    return rx(spec["goal_after"]).match(text, q.end) is not None and rx(spec["goal_of_change_only"]).match(
        text[_clause_left(text, q.start, floor):q.start].strip()) is not None


def _averaged(clause: str, before, clause_before: str) -> str | None:
    """平均每个开发区36.5项 after 承接下放事项3215项: the measure before, per one of the set the clause names, or
    averaged over the clause's subject (国家级开发区平均承接52项); the clause's last words, if any, open that measure.
    (After another average, 平均每个开发区36.5项，…国家级开发区平均承接52项, the measure is the one it averaged.)"""
    spec = patterns.load("metrics")["ellipsis"]
    measure = before.metric.removeprefix("平均")
    per_before = rx(spec["average_per"]).search(clause_before)
    if per_before:
        words = per_before.group("per")
        measure = next((measure[k:] for k in range(len(words), 0, -1) if measure.startswith(words[:k])), measure)
    per = rx(spec["average_per"]).search(clause)
    if per:
        words = per.group("per")
        cut = next((i for i in range(2, len(words) + 1) if measure.startswith(words[i:])), None)
        return "平均" + words[:cut] + measure if cut else None
    of = rx(spec["average_of"]).search(clause)
    return "平均" + measure if of and measure.startswith(of.group("v")) else None


@functools.cache
def _span_partner():
    spec = patterns.load("metrics")["span_partner"]
    return rx(spec["between"]), rx(spec["before"]), rx(spec["restated"])


@functools.cache
def _dated_partners():
    """A level restated at a later date, and a change restated for another date (patterns/metrics.toml)."""
    spec = patterns.load("metrics")["span_partner"]
    return rx(spec["dated"]), rx(spec["dated_change"])


def _compared_base(text: str, prev, q) -> bool:
    """比一九五八年的 / 三亿八千万吨 / 增长: q is the base that the figure before it is compared with."""
    spec = patterns.load("metrics")["span_partner"]
    return rx(spec["compared_base"]).match(text[prev.end:q.start]) is not None \
        and rx(spec["compared_base_after"]).match(text, q.end) is not None


def _in_another_currency(prev, q) -> bool:
    """万元 then 万美元: the two figures are money in two currencies."""
    if not (prev.kind.startswith("money") and q.kind.startswith("money")):
        return False
    foreign = patterns.load("metrics")["span_partner"]["foreign_currencies"]
    return any(c in (q.unit or "") for c in foreign) != any(c in (prev.unit or "") for c in foreign)


def _partner_metric(text: str, prev, q) -> tuple[str, str] | None:
    """从A增长到B: B takes A's metric (A was named by its own clause; B's clause is only 增长到); so does
    a figure that restates A in another unit (160.6亿美元、折合1148亿元人民币)."""
    if prev is None or prev.metric is None:
        return None
    between, before, restated = _span_partner()
    if restated.match(text[prev.end:q.start]):
        return prev.metric, prev.metric_source  # 亿美元 → 亿元: the kind may differ, the fact is one
    if prev.kind == q.kind and _compared_base(text, prev, q):
        return prev.metric, prev.metric_source  # …五亿二千万吨，比一九五八年的三亿八千万吨增长百分之三十六
    if _in_another_currency(prev, q) and rx(patterns.load("metrics")["span_partner"]["restated_in_currency"]) \
            .match(text[prev.end:q.start]):
        return prev.metric, prev.metric_source  # 人均地区生产总值…增至7.8万元，超过1万美元
    if prev.kind != q.kind and not (prev.kind.startswith("duration") and q.kind.startswith("duration")):
        return None  # (出让周期由6个月缩短至45天: a time is a time in months or days)
    lead = text[max(0, prev.start - 14):prev.start]
    lead = rx(taxonomy()[2]["span_basis"]).sub("", lead)  # 从人均40元, 从月销售额10万元
    if "每" in lead:  # 从每人每月2375元提高到2423元: the rate frame stands after 从
        lead = rx(taxonomy()[2]["rate_frame"]).sub("", lead)
    gap = text[prev.end:q.start]
    dated_level, dated_change = _dated_partners()
    if (between.match(gap) and before.search(lead)) or dated_level.match(gap):
        return prev.metric, prev.metric_source
    if (prev.aspect == "change" or prev.aspect == "growth" and q.kind.startswith("percent")) and dated_change.match(gap):
        # …前三年共增加了35万件，而1956年就增加了127万件; 成本一九八○年上升百分之零点九，一九八一年上升百分之一
        return prev.metric, prev.metric_source
    return None


def _past_completion(text: str, before, two_back, floor: int):
    """棉花产量达到3,036万担，完成年度计划的117%，比1954年增长43%: a rate of the plan's completion between a level
    and its growth is not what grew; the level before it is."""
    if before is None or two_back is None or two_back.start < floor or not before.kind.startswith("percent"):
        return before
    return two_back if completion_rate(text[max(floor, before.start - 24):before.start], "") else before


def _own_clause(text: str, q, floor: int) -> str:
    """The words of a figure's own clause before it (总数达到 in 新增规上工业企业11家，总数达到96家)."""
    return text[_clause_left(text, q.start, floor):q.start].strip()


def _ranks_growth(own: str) -> bool:
    """Whether a rank's own clause says it ranks a growth rate (晋中、运城市开发区增速位居前三)."""
    return rx(taxonomy()[2]["growth_ranked"]).search(own) is not None


def _growth_ranked(doc: Document, q, floor: int, grown: tuple[int, str] | None) -> str | None:
    """分市看，…开发区增速位居前三: a rank of a growth rate that names no measure, after the figure before it
    (no growth) would not do, ranks the growth the article told last under a name of its own."""
    if not q.is_rank or q.metric is not None or not grown or not _ranks_growth(_own_clause(doc.text, q, floor)):
        return None
    article = doc.article_at(q.start)
    return grown[1] if grown[0] == (article.start if article else -1) else None


def _right_after(text: str, before, q, own: str) -> bool:
    """The figure stands right after `before`: a few characters between, or only a separator and its own clause
    that says its verb alone (…983亿元，平均每年增加42亿元)."""
    gap = text[before.end:q.start]
    if len(gap) <= 6:
        return True
    bare = taxonomy()[2]["bare_growth" if q.aspect == "growth" else "bare_change"]
    return gap.lstrip("，,、；; ") == own and rx(bare).fullmatch(own) is not None


def _of_the_figure_before(text: str, q, before, floor: int) -> bool:
    """A rank or growth whose clause names only a generic word (金额, 总量), or a rank that names nothing, is
    of the figure before it; so is a share whose clause opens on 占 (新增上市公司29家、占全国增量的1/4)."""
    if q.aspect not in ("rank", "growth", "share", "change", "difference") or before is None \
            or before.start < floor or before.metric is None:
        return False
    own = _own_clause(text, q, floor)
    if q.aspect == "difference":
        # 增长7.1%，增幅较1—9月回落0.3个百分点; 增长12%，增速比全国高3.7个百分点: the gap of the growth just told;
        # 亩均投资强度486万元，高出全省平均水平62万元: of the level just told, in its unit; a clause that only sets
        # the figure against another's names nothing, whatever cue the sentence held before
        against = _set_against_other(own)
        if against and against.start() == 0 and text[before.end:q.start].lstrip("，,、 ") == own \
                and (before.aspect == "growth" or before.aspect == "value" and _same_measure_unit(before, q)):
            return True
        if _growth_rate_at(own) == 0 and before.aspect == "growth" and text[before.end:q.start].lstrip("，,、 ") == own:
            return True  # 同比下降4.1%，降幅较1—9月收窄1.3个百分点: the clause opens on the rate just told
        return q.metric is None and before.aspect == "growth" and (_compared(own) or against is not None)
    if q.aspect == "share":
        # …and a multiple of a base that names no measure (利润2392亿元，为1997年的2.9倍; 是上年的2.3倍)
        # (…after the growth of a level whose whole it names: 技术合同成交额186.4亿元，同比增长23.7%，占全省技术合同
        # 成交额的41.2%)
        # (…or whose whole is named by the measure's own words, 保税维修业务货值…占全省保税维修业务总量的90%以上; the share
        # may be hedged, 约占全省开发区的三分之一)
        # (…or a whole that names no measure, or a measure the part's name ends in: 机电产品出口52.31亿元，增长19.8%，
        # 占全市出口总额的50.5%; 苹果出口18.76亿元，增长23.6%，占比18.1%)
        opens = rx(r"(?:约|近|超|仅|均)?占").match(own) is not None
        return opens and (before.kind != q.kind or before.aspect == "growth" and _whole_of_part(before.metric, own)) \
            or q.metric is None and _part_of().match(own) is not None
    if q.aspect == "rank" and q.metric is None:
        # 新增单项冠军企业22家、居全国第6: a rank that names nothing ranks the figure before (but one that ranks a
        # growth rate, 有9个市实现正增长，其中…增速位居前三, ranks no count of places)
        return before.aspect == "growth" or not _ranks_growth(own)
    counted = taxonomy()[2]["count_suffix"]
    if q.aspect == "rank" and q.metric and q.metric.endswith(counted) and before.kind != "streak" \
            and q.metric != before.metric and not taxonomy()[1].search(own) \
            and q.metric.removesuffix(counted) in before.metric:
        return True  # 签约项目履约率达91.3%，…，居全省第二: the rate just told, whose name holds the sentence's cue
    if q.aspect == "rank" and before.aspect == "growth" and rx(taxonomy()[2]["rank_of_growth"]).match(own):
        return True  # …同比增长21.4%，增速位居全市开发区第一
    if q.aspect == "growth" and own and _reckoned_growth(own):
        return True  # 国民收入由3010亿元增加到7790亿元，按可比价格计算增长94.9%
    if q.aspect == "growth" and before.metric_source in ("context", "fallback") and before.metric != q.metric \
            and _right_after(text, before, q, own) and rx(taxonomy()[2]["bare_growth"]).fullmatch(own):
        return True  # 粮食产量达到4亿吨；棉花达到608万吨，增长31%: the growth of the product just named
    if q.metric is None and not _bare_product(text, q, floor) \
            and (q.aspect in ("growth", "change") and _right_after(text, before, q, own)
                             and (q.aspect == "growth" or rx(taxonomy()[2]["bare_change"]).fullmatch(own))
                             or _compared(own)):
        # 港口集装箱吞吐量达8097万标箱、增长4.5%: a growth that names nothing grows that figure; so does a
        # change set against a base (财政收入3.93万亿元，比上年增加7694亿元) or said bare (纸520万吨，增加20万吨)
        return True
    if q.aspect == "change" and before.kind == q.kind and before.aspect == "value" and q.metric != before.metric \
            and _compared(own) and text[before.end:q.start].lstrip("，,、 ") == own and not taxonomy()[1].search(own):
        return True  # 从投资规模看，…平均单体规模5.97亿元，比上季度增加0.82亿元: the level just told, not a cue further back
    if q.aspect == "change":
        return False
    generic = taxonomy()[2]["generic_measures"]
    lead = next((g for g in generic if own.startswith(g)), None)
    if lead and own.startswith(lead + "以上"):
        lead = None  # 规模以上工业企业…利润: a scope, not the generic 规模
    return q.metric in generic or lead is not None and not taxonomy()[1].search(own)


def _whole_of_part(metric: str, words: str) -> bool:
    """The whole a share after a growth is measured against is its level's: named by the level's own words
    (_whole_named), by no measure at all (占比18.1%), or by the measure the level's name ends in, the part's
    (出口总额 of 机电产品出口额; 总 said or not)."""
    if _whole_named(metric, words):
        return True
    cue = taxonomy()[1].search(words)
    if cue is None:
        return True
    whole = cue.group().replace("总", "")
    return len(metric) > len(whole) + 1 and metric.replace("总", "").endswith(whole)


def _whole_named(metric: str, words: str) -> bool:
    """技术合同成交额 in 占全省技术合同成交额的: the share's whole is the measure's own, or its owner's (保税维修业务 of
    保税维修业务货值 in 占全省保税维修业务总量的)."""
    if metric in words:
        return True
    spec = taxonomy()[2]
    owner = _owner_of(metric, set(spec["measure_heads"]) | set(spec["owned_measures"]))
    return len(owner) >= 4 and owner in words


def _growth_moved(text: str, q, before, floor: int) -> bool:
    """同比增长8.4%，比上年同期提高1.6个百分点: see metrics.toml, growth_moved."""
    return q.kind == "pp" and q.aspect == "change" and before.aspect == "growth" \
        and rx(taxonomy()[2]["growth_moved"]).match(_own_clause(text, q, floor)) is not None \
        and text[before.end:q.start].lstrip("，,、 ") == _own_clause(text, q, floor)


def _reckoned_growth(own: str) -> bool:
    """按可比价格计算增长, 扣除物价上升因素增长: a growth clause whose only words are its price basis."""
    spec = taxonomy()[2]
    basis = rx(spec["price_basis"]).match(own) if "价" in own or "扣除" in own else None
    return basis is not None and rx(spec["bare_growth"]).fullmatch(own, basis.end()) is not None


def _total_of_the_figure_before(text: str, q, before, floor: int) -> bool:
    """新增公园127座，累计1100座; 新增规上工业企业11家，总数达到96家: a clause that says only that its
    figure is the total is the total of what the figure before it counted."""
    if before is None or before.start < floor or not before.metric or before.kind != q.kind \
            or q.aspect != "value":
        return False
    own = _own_clause(text, q, floor)
    if rx(r"(?:以上|左右|多|余)?[\p{Han}“]{2}").match(text, q.end) and not text.startswith(tuple(CLAUSE_END), q.end):
        return False  # 累计建成363个民族团结进步示范社区: the total of the things named after it
    return rx(taxonomy()[2]["total_clause"]).fullmatch(own) is not None


def _size_of_things_before(text: str, q, before, floor: int) -> str | None:
    """建成各类孵化载体12个，总面积达到23.6万平方米: a size that names no owner (总面积, 总规模), in the clause right
    after a count, is the size of the things counted (孵化载体总面积)."""
    suffix = taxonomy()[2]["count_suffix"]
    if q.metric_source != "fallback" or q.metric not in patterns.load("metrics")["ellipsis"]["owned_sizes"] \
            or before is None or before.start < floor or before.kind != "count" or not before.metric \
            or not before.metric.endswith(suffix) or before.metric.endswith("项目" + suffix):
        return None  # (a project set's size is the set's total investment, named by its own rules)
    if rx(r"\s*[，,]\s*").fullmatch(text, before.end, _clause_left(text, q.start, floor)) is None:
        return None
    things = _without_new(before.metric)
    counted = next((w for w in _measure_words_longest_first() if things.endswith(w)), suffix)
    things = things[:-len(counted)]  # (人才公寓套数: the flats' 套 goes with the 数)
    return things + q.metric if len(things) >= 2 else None


def _level_after_its_growth(text: str, q, before, floor: int) -> bool:
    """钢产量增长42%，达到8000万吨: a clause that says only that a level was reached, right after the growth
    of a named measure, gives that measure's level; so does one right after its change, in the same unit
    (铁路运营里程新增1700公里、突破7000公里; 进出川大通道新增16条、达到54条)."""
    if q.metric is not None or q.aspect != "value" or before is None or before.start < floor \
            or not before.metric or before.aspect not in ("growth", "change") \
            or before.kind == q.kind and before.aspect != "change":
        return False
    gap = text[before.end:q.start]
    return (len(gap) <= 8 or gap.lstrip("，,、；; ") == _own_clause(text, q, floor)) and _says_only_reached(text, q, floor)


def _bound_made_exact(text: str, q, before, floor: int) -> bool:
    """比重首次超过四成，达到41.6%: a clause that says only that a level was reached, right after a bound of the
    same kind (超过, 突破, 近), states that bound's figure exactly: the same measure and aspect."""
    if q.metric is not None or before is None or before.start < floor or not before.metric \
            or before.approx not in ("over", "under") or before.kind != q.kind:
        return False
    gap = text[before.end:q.start]
    return gap.lstrip("，,、 ") == _own_clause(text, q, floor) and _says_only_reached(text, q, floor)


def _reached_topic(text: str, q, before, floor: int) -> tuple[str, str] | None:
    """原油产量继续增长，达到1.42亿吨: a level that says only it was reached, after a clause that opens with a
    statistic's name and gives no figure (继续增长, 逐步扩大, 再创新高), is that statistic's level; a rate's
    aspect is the word right after the name (规上工业增加值增速最快，达21.3%: the growth). Returns the name and
    the aspect."""
    if q.metric is not None or q.aspect != "value":
        return None
    left = _clause_left(text, q.start, floor)
    stated = q.kind.startswith("percent") \
        and rx(taxonomy()[2]["rate_stated_clause"]).fullmatch(text[left:q.number_start].strip())
    if not stated and not _says_only_reached(text, q, floor):
        return None
    if left <= floor or text[left - 1] not in "，,":
        return None
    if before is not None and before.end > _clause_left(text, left - 1, floor) and not before.is_rank:
        return None  # the clause before holds a figure: it is no bare topic (a rank only places the topic)
    topic = _topic_before(text, left - 1, floor, taxonomy()[2])
    if not topic:
        return None
    return topic, _aspect_after_topic(text[_clause_left(text, left - 1, floor):left - 1], topic, q) or q.aspect


def _aspect_after_topic(clause: str, topic: str, q) -> str | None:
    """规上工业增加值增速最快: the aspect word that follows a rate's topic (增速, 增长, 占比) in its clause."""
    if not q.kind.startswith("percent") or topic not in clause:
        return None
    rest = clause[clause.rindex(topic) + len(topic):]
    return next((name for word, name in _aspect_rules_for(q.kind.split("/")[0]) if rest.startswith(word)), None)


def _says_only_reached(text: str, q, floor: int) -> bool:
    """达到, 突破 (the figure's own qualifier included): the clause before a figure says only that it was reached."""
    own = text[_clause_left(text, q.start, floor):q.number_start].strip()
    spec = taxonomy()[2]
    return any(rx(spec[rule]).fullmatch(own) is not None for rule in ("reached_clause", "list_total_clause"))


def _listed_output(text: str, q, floor: int) -> str | None:
    """主要工业产品产量继续增加，原煤达到10.9亿吨，钢突破7000万吨: a product named bare, in a sentence that
    said before it that it lists outputs, is named by its output (原煤产量, 钢产量)."""
    spec = taxonomy()[2]
    if q.aspect != "value" or q.kind not in spec["listed_output_kinds"] or q.metric_source in ("taxonomy", "context"):
        return None
    left = _clause_left(text, q.start, floor)
    if spec["listed_output_frame"] not in text[floor:left]:
        return None
    bare = rx(spec["listed_output_clause"]).match(text[left:q.start].strip())
    if not bare:
        return None
    return _products()[1].get(bare.group("noun"), bare.group("noun") + spec["listed_output_frame"])  # 石油 → 原油产量


@functools.cache
def _products():
    spec = patterns.load("products")
    words = sorted(spec["products"] + list(spec["named"]), key=len, reverse=True)
    clause = rx(spec["clause"].replace("{products}", "|".join(map(regex.escape, words))))
    return clause, spec["named"], spec["suffix"], frozenset(words)


@functools.cache
def _output_topic_rule():
    words = sorted(_products()[3], key=len, reverse=True)
    return rx(patterns.load("products")["topic"].replace("{products}", "|".join(map(regex.escape, words))))


def _output_topic(text: str, q, floor: int) -> str | None:
    """例如，棉纱的产量，比上一年增加将近六十万件，增长百分之十二点七: a figure whose own words name nothing,
    after a clause that names only a product's output, is that output's (棉纱产量)."""
    if q.kind.startswith("money") or q.aspect not in ("value", "growth", "change") or "产量" not in text[floor:q.start]:
        return None
    left = _clause_left(text, q.start, floor)
    clauses = rx(r"[，；：]").split(text[floor:left])
    for k in range(len(clauses) - 1, -1, -1):
        topic = _output_topic_rule().match(clauses[k].strip())
        if topic:
            _, named, suffix, _ = _products()
            product = topic.group("product")
            return named.get(product, product + suffix)
        if taxonomy()[1].search(clauses[k]) or _products()[0].match(clauses[k].strip()):
            return None  # a clause in between names a measure or a product of its own
    return None


def _noun_topic(text: str, q, floor: int) -> str | None:
    """我国的高等学校的学生，一九五二年有十九万人，到了一九五七年已经有四十四万人: a sentence that opens on a
    bare noun, as its topic, names the figures of its later clauses that name nothing (高等学校在校学生人数)."""
    if q.aspect not in ("value", "growth", "change") or q.kind.startswith("money"):
        return None
    spec = taxonomy()[2]
    topic = rx(spec["noun_topic"]).match(text, floor, q.start)
    if not topic:
        return None
    name = topic.group("name").replace("的", "")
    if not rx(spec["noun_topic_then"]).match(text, topic.end(), q.start) \
            or not all(flag.startswith(("n", "j", "b", "l")) for _, flag in tagged(name)) \
            or taxonomy()[1].search(text, topic.end(), q.start):
        return None  # no time opens the clause after it, the topic holds more than nouns, or a clause names its own
    people = spec["people_counted"]
    if name.endswith(tuple(people["nouns"])):
        return _counted(name, people["units"][0], spec)  # (a rate of the pupils' growth counts them too)
    return _counted(name, q.unit, spec) if q.kind == "count" else None


def _colon_measure(text: str, q, floor: int) -> str | None:
    """招生人数将为：高等学校十万九千人，中等专业学校十五万三千人: a list after a colon whose items are only a noun
    and a figure measures each noun by the measure its opening names (高等学校招生人数)."""
    if q.aspect != "value":
        return None
    colon = text.rfind("：", floor, q.start)
    left = _clause_left(text, q.start, floor)
    if colon < 0 or left <= colon:
        return None
    spec = taxonomy()[2]
    own = text[left:q.number_start].strip().translate(QUOTES)
    if not own or not all(flag.startswith(("n", "j", "l", "s")) for _, flag in tagged(own)):
        return None
    opening = rx(spec["colon_measure"]).search(text, max(floor, colon - 24), colon)
    return _in_column_style(own + opening.group("measure"), spec) if opening else None


def _capacity_listed(text: str, q, floor: int) -> str | None:
    """新增加的生产能力有：生铁一百八十八万吨，钢…: a thing named bare in a list of capacity added is named by
    its capacity (生铁产能); 新增煤炭生产能力1.2亿吨: so is a product's capacity said whole after 新增."""
    rule = taxonomy()[2]["capacity_list"]
    if q.kind not in rule["kinds"] or q.aspect not in ("value", "change") or "能力" not in text[floor:q.start]:
        return None
    left = _clause_left(text, q.start, floor)
    own = text[left:q.start].strip()
    whole = rx(rule["whole"]).search(own)
    if whole and (whole.group("noun") in _products()[3] or whole.group("noun") in rule["named"]):
        return rule["named"].get(whole.group("noun"), whole.group("noun")) + rule["suffix"]
    frame = None
    for frame in rx(rule["frame"]).finditer(text, floor, q.start):
        pass  # the last frame before the figure: a sentence may list capacity twice
    if frame is None:
        return None
    own = text[max(left, frame.end()):q.start].strip()
    item = rx(rule["item"]).fullmatch(own)
    if not item or any(word in own for word in rule["item_not"]) or only_aspect(own):
        return None
    return rule["named"].get(item.group("noun"), item.group("noun")) + rule["suffix"]


def _bare_product(text: str, q, floor: int) -> str | None:
    """…，棉花增长21.9%，油料增长39%; 纸520万吨，增加20万吨: a main product named bare, alone in its clause
    before its figure or its verb, is named by its output (patterns/products.toml)."""
    if q.kind.startswith("money") or q.aspect not in ("value", "growth", "change"):
        return None
    clause, named, suffix, _ = _products()
    left = _clause_left(text, q.start, floor)
    label = _line_label(text, left)  # 钢：从一百三十五万吨增加到…: the label right before the clause
    own = text[left:q.start].strip()
    bare = clause.match((label.group(1) + "：" if label and label.end() == left else "") + own)
    if not bare and not (label and label.end() == left):  # 如下列：粮食：达到…: a label the lines were folded onto
        folded = rx(r"(\p{Han}{1,10})[：:]$").search(text, floor, left)
        bare = clause.match(folded.group(1) + "：" + own) if folded else None
    if not bare and "：" in own:  # 主要产品产量增长的情况是：发电增长15%: a colon opens the list of products
        bare = clause.match(own.rsplit("：", 1)[1])
    product = None
    if bare:  # two products share a clause only with 分别, each figure its own
        product = bare.group("product") if not bare.group("second") or "分别" in own else None
    elif "分别" in own:  # 甘蔗和甜菜要求分别增长百分之二十七点五和百分之二十九点五: the second figure is the second's
        pair = rx(patterns.load("products")["second_of_pair"]).match(own)
        paired = clause.match(pair.group("head")) if pair else None
        product = paired.group("second") if paired else None
    if not product:
        return None
    return named.get(product, product + suffix)


def _line_label(text: str, pos: int):
    """钢：从一百三十五万吨增加到…: the label that heads the line `pos` is on (its match), if any."""
    line_start = text.rfind("\n", 0, pos) + 1
    return rx(r"[\s\u3000]*(\p{Han}{1,10})：").match(text, line_start, pos)


def _labelled_measure(text: str, q) -> str | None:
    """A measure that does not name its thing (年产能力), on a line headed by a label: the label's."""
    if not q.metric:
        return None
    measure = q.metric.removesuffix("数") if q.kind == "count" else q.metric
    if measure not in patterns.load("products")["bare_measures"]:
        return None
    label = _line_label(text, q.start)
    if not label or label.group(1) in measure:
        return None
    return label.group(1) + measure


def _without_new(name: str) -> str:
    """新建口袋公园数 → 口袋公园数: a total counts all there are, not only the new ones."""
    new = next((w for w in taxonomy()[2]["new_words"] if name.startswith(w) and len(name) > len(w) + 2), "")
    return name[len(new):]


def _same_measure_unit(before, q) -> bool:
    """A gap in the unit of the level before it (万元 after 万元), or in points after a rate (毛入学率达到96.9%，高于
    全国平均水平4.9个百分点)."""
    return before.kind == q.kind or before.kind.startswith("percent") and q.kind == "pp"


def _set_against_other(clause: str):
    """高出全省平均水平, 比全市平均高: the words that set a gap against another's figure, ending the clause."""
    return rx(patterns.load("metrics")["span_partner"]["set_against_other"]).search(clause)


def _compared(clause: str) -> bool:
    """比上年增加…, 较去年同期增长…: a clause that opens on the base of a comparison."""
    return rx(patterns.load("metrics")["span_partner"]["compared"]).match(clause) is not None


def _energy_consumed(name: str) -> str:
    """非化石能源占比, 清洁能源消费比重 → 非化石能源消费量, 清洁能源消费量: a share of energy is of its use."""
    energy = rx(taxonomy()[2]["energy_share"]).fullmatch(name)
    return energy.group("energy") + "消费量" if energy else name


def _without_change_word(name: str | None) -> str | None:
    """可再生能源新增装机3.7亿千瓦 → 可再生能源装机容量: the aspect (change) says 新增, the name need not
    (but 日均新增科技企业 is a rate of new firms, named so)."""
    if not name:
        return name
    spec = taxonomy()[2]
    for word in spec["change_words_in_names"]:
        at = name.find(word)
        if at > 0 and len(name) - len(word) >= 3 and not name[:at].endswith(tuple(spec["rate_words"])):
            return name[:at] + name[at + len(word):]
    return name


@functools.cache
def _cut_words():
    # (and the adverbs before the verb: 也要再减少农村贫困人口 → 农村贫困人口)
    return rx("^(?:也|还|要|再|将|又)*(?:" + "|".join(patterns.load("quantities")["negative_words"]) + ")")


def annotate(doc: Document) -> Document:
    text = doc.text
    _cue_matches_in.cache_clear()  # the stretches of one document repeat; another's will not
    mask_cues.cache_clear()
    _masked_sentence.cache_clear()
    counted, counted_in = None, None  # the last count of the sentence named by a noun, and its sentence
    counted_unit = None  # …and its measure word
    named, named_in = [], None  # the named figures of the sentence so far, and its sentence
    prev = before = None
    grown = None  # the article's last growth named by a measure of its own: (the article's start, the measure)
    for q in doc.quantities:
        partner = _partner_metric(text, prev, q)
        two_back = before
        level, before, prev = (before if prev is not None and prev.aspect == "growth" else prev), prev, q
        if before is not None and before.aspect == "growth" and before.metric_source == "taxonomy":
            article = doc.article_at(before.start)
            grown = (article.start if article else -1, before.metric)
        if partner:
            sentence = doc.sentence_at(q.start)
            q.aspect = aspect_of(text, q, sentence.start if sentence else max(0, q.start - 80))
            q.metric, q.metric_source = partner
            if q.aspect == "share" and before.aspect == "value" and any(partner[0] == n for n, _ in _named_ratios()):
                q.aspect = "value"  # 从1.07%提高到1.49%: the end of a named ratio's change is its value too
            elif q.aspect == "value" and before.aspect == "share" and q.kind == before.kind \
                    and _share_word().search(text, _naming_clause_left(text, before.start, floor), before.start):
                q.aspect = "share"  # 所占的比重，由1954年的42%上升到46%: the end of a share's change is a share too
            continue
        sentence = doc.sentence_at(q.start)
        floor = sentence.start if sentence else max(0, q.start - 80)
        q.aspect = aspect_of(text, q, floor)
        if counted_in != floor:
            counted, counted_in = None, floor
        partial = graded_name(text, q, floor, counted, counted_unit) or elliptic_name(text, q, floor, counted, counted_unit) \
            or elliptic_measure(text, q, floor, before)
        if partial:
            q.metric, q.metric_source = partial, "context"
            continue
        ratio = named_ratio(text, q, floor) if q.aspect == "share" else None
        if ratio:
            q.aspect, q.metric, q.metric_source = "value", ratio, "taxonomy"
            continue
        purpose = _purpose_share(text, q, floor) if q.kind.split("/")[0] == "percent" else None
        if purpose:  # 74%以上用于民生: a share of the spending, whatever the clause's own words frame
            q.aspect, q.metric, q.metric_source = "share", purpose, "taxonomy"
            continue
        q.metric, q.metric_source = metric_of(text, q, _naming_aspect(text, q, floor), floor)
        framed = _deed_of_frame(text, q, floor) if q.metric_source == "fallback" else None
        if framed:  # 新设外资企业方面，…分别新设58家、23家: what the frame says was done
            q.metric = framed
        topic = _growth_topic(text, q, floor) if q.metric is None or q.metric_source == "fallback" else None
        if topic:
            q.metric, q.metric_source, q.aspect = topic, "context", "growth"
        if q.metric is None or q.metric_source == "fallback" and not _names_a_measure(q.metric):
            output = _output_topic(text, q, floor)
            if output:  # 例如，钢的产量，一九五八年比一九五七年增长了百分之一百零七
                q.metric, q.metric_source = output, "context"
        if q.metric is None:
            topic = _noun_topic(text, q, floor) or _lead_in_measure(text, q, floor)
            if topic:  # 小学生，一九五二年有五千一百多万人
                q.metric, q.metric_source = topic, "context"
        if q.is_rank:
            framed = ranked_in(text, q, floor)
            if framed:  # 在…考核评价中，太原经开区排名第45位
                q.metric, q.metric_source = framed, "context"
            spec = patterns.load("metrics")["rank_move"]
            if q.metric in spec["bare_fields"]:  # 位列综合排名前三
                q.metric += spec["suffix"]
        moved = rank_moved(text, q, before, floor)
        if moved:  # 排名提升6位: the ranking moved
            q.metric, q.metric_source, q.aspect = moved, "context", "change"
        if q.aspect == "change" and q.metric_source == "fallback":
            q.metric = _without_change_word(q.metric)
        if q.metric_source == "fallback" and (q.aspect == "share" or q.unit == "个百分点"):
            q.metric = _energy_consumed(q.metric)
        if q.metric and quantities.cut_of_a_burden(text, q.start):
            q.aspect = "change"  # 降低企业税负5700多亿元: the burden (企业税负) fell by the amount
            q.metric = _cut_words().sub("", q.metric, count=1)
        if q.kind == "streak" and q.metric is None and before and before.start >= floor:
            q.metric = streak_name(text, q, floor, previous=before.metric)
        ranked_after = two_back if q.is_rank and before is not None and before.kind == "streak" \
            and two_back is not None and two_back.start >= floor else before  # (以96.82分连续3年位居全省第一: the score's)
        if q.aspect == "growth" and q.kind != "pp" or q.aspect == "change" and two_back and q.kind == two_back.kind:
            ranked_after = _past_completion(text, ranked_after, two_back, floor)  # (提高9.3个百分点: the rate's)
        if _of_the_figure_before(text, q, ranked_after, floor):  # 成交额达到6121亿元、金额居全国第3位
            q.metric, q.metric_source = _steps_owner(ranked_after.metric), "context"
            if _growth_moved(text, q, before, floor):  # 增长8.4%，比上年同期提高1.6个百分点
                q.aspect = "difference"
        gap = _gap_against_other(text, q, before, floor)
        if gap:  # 降至每千瓦时0.35元，较全省大工业平均电价低约0.1元: by how much, below
            q.metric, q.metric_source, q.aspect = before.metric, "context", "difference"
            if gap in ("低", "少", "慢") and q.value > 0:
                q.value, q.base_value = -q.value, (-q.base_value if q.base_value is not None else None)
        ranked = _growth_ranked(doc, q, floor, grown)
        if ranked:
            q.metric, q.metric_source = ranked, "context"
        bracketed = _bracketed_in_frame(text, q, floor)
        if bracketed:  # 规上工业增加值增速方面，…依次是：芮城经开区（28.6%）
            (q.metric, q.aspect), q.metric_source = bracketed, "context"
        # (…or before its growth: 新登记经营主体320万户、增长13%，总量达2037.7万户)
        totalled = next((b for b in (before, level) if _total_of_the_figure_before(text, q, b, floor)), None)
        if totalled is not None:  # 新增规上工业企业11家，总数达到96家
            q.metric, q.metric_source = _without_new(totalled.metric), "context"
        sized = _size_of_things_before(text, q, before, floor)
        if sized:  # 建成各类孵化载体12个，总面积达到23.6万平方米
            q.metric, q.metric_source = sized, "context"
        if _level_after_its_growth(text, q, before, floor):  # 钢产量增长42%，达到8000万吨
            q.metric, q.metric_source = _without_new(before.metric), "context"
        if _bound_made_exact(text, q, before, floor):  # 比重首次超过四成，达到41.6%
            q.metric, q.metric_source, q.aspect = before.metric, "context", before.aspect
        reached = _reached_topic(text, q, before, floor)
        if reached:  # 原油产量继续增长，达到1.42亿吨
            (q.metric, q.aspect), q.metric_source = reached, "context"
        listed = _listed_output(text, q, floor)
        if listed:  # 主要工业产品产量继续增加，原煤达到10.9亿吨，钢突破7000万吨
            q.metric, q.metric_source = listed, "context"
        capacity = _capacity_listed(text, q, floor)
        if capacity:  # 新增加的生产能力有：生铁一百八十八万吨: capacity added, thing by thing
            q.metric, q.metric_source, q.aspect = capacity, "context", "change"
        measured = _colon_measure(text, q, floor) if q.metric_source != "context" else None
        if measured:  # 招生人数将为：高等学校十万九千人，中等专业学校十五万三千人 → 高等学校招生数
            q.metric, q.metric_source = measured, "context"
        product = _bare_product(text, q, floor) if q.metric_source != "context" else None
        if product:  # 一九八二年预计同一九八○年比较，棉花增长百分之二十一点九 (but 平均每人占有粮食近八百斤，
            q.metric, q.metric_source = product, "context"  # 棉花十多斤 is a per-head figure, named so above)
        owned = _owner_carried(text, q, before, floor)
        if owned:
            q.metric, q.metric_source = owned, "context"
        if q.metric is None:  # 建成人才公寓12栋、1860套: the thing before, in this figure's unit
            q.metric = _thing_in_another_unit(text, q, before, floor)
            q.metric_source = "context" if q.metric else q.metric_source
        if q.metric is None:  # …分别完成318.4亿元、…。\n山西综改示范区完成512.6亿元: the measure the article told last
            q.metric = _told_last_in_kind(doc, q, floor)
            q.metric_source = "context" if q.metric else q.metric_source
        if q.kind == "count" and q.metric:
            counted, counted_unit = q.metric, q.unit
        summed = _summed_list(text, q, floor) if q.metric_source == "fallback" else None
        if summed:
            q.metric = summed
        labelled = _labelled_measure(text, q)
        if labelled:  # 铁：全部建成后增加的年产能力将为五百七十五万吨
            q.metric = labelled
        cut = _list_cut(text, q, floor, before)
        if cut and q.metric and q.metric_source == "fallback" and not q.metric.startswith(cut):
            q.metric = cut + q.metric
        clause = text[_clause_left(text, q.start, floor):q.start]
        trade = trade_with(clause) if "对" in clause and (q.metric or q.kind.startswith(("percent", "money"))) else None
        if trade:  # 对东盟进出口增长8%: trade with one partner, not the whole
            q.metric, q.metric_source = trade, "context"
        done = _rate_of_amount_done(text, q, before, floor) or _rate_of_deed_done(text, q, before, floor, two_back)
        if done:  # 完成投资5.48亿元，完成率130%; 处置闲置土地6820亩，处置率达到84.2%
            q.metric, q.metric_source = done, "context"
        if _target_held_against(text, q, before):
            q.aspect, q.metric = "growth", q.metric or before.metric
        if named_in != floor:
            named, named_in = [], floor
        if q.unit == "分" and (q.metric is None or q.metric in patterns.load("metrics")["appraisal_score"]["bare"]):
            appraised = _appraisal_score(doc, q, floor)
            if appraised:  # 山西综改示范区以96.82分位居全省第一, in a report of an appraisal's results: 考核得分
                q.metric, q.metric_source = appraised, "context"
        # (a sentence that leads the growth figures after it, 分市看，10个市开发区规上工业增加值均实现正增长。, is
        # nearer than the paragraph before a breakdown, read by the measure of the figures told before; and an
        # appraisal's score comes before that measure too: 全省88个开发区平均得分78.36分 is no zone's score)
        led = _growth_led(doc, q, floor) if q.metric is None and not named else None
        if q.metric is None and not led or q.metric_source == "fallback":
            q.metric, q.metric_source, q.aspect = _of_another_subject(doc, q, named, floor) \
                or (q.metric, q.metric_source, q.aspect)
        if q.metric is None:
            led = led or _growth_led(doc, q, floor)
            if led:  # 分市看，…规上工业增加值增速高于全省平均水平。其中，晋城市开发区增长15.7%
                q.metric, q.metric_source = led, "context"
                if q.aspect == "growth":  # (…增速居全省第一: the rank after it ranks this growth)
                    article = doc.article_at(q.start)
                    grown = (article.start if article else -1, led)
        if q.metric:
            named.append(q)
    return doc


def _appraisal_score(doc: Document, q, floor: int) -> str | None:
    """The score of the appraisal the figure's article speaks of, in its title or before the figure (2024年度全省开发区
    考核评价结果揭晓 … 平均得分78.36分 → 考核平均得分; 以96.82分位居全省第一 → 考核得分)."""
    spec = patterns.load("metrics")["appraisal_score"]
    if any(w in doc.text[floor:q.start] for w in spec["price_cues"]):
        return None
    article = doc.article_at(q.start)
    paragraph = doc.paragraph_at(q.start)
    start = paragraph.start if paragraph else floor
    k = bisect.bisect_left(doc.paragraphs, start, key=lambda p: p.start)  # (the paragraph before, in the article)
    if k > 0 and doc.paragraphs[k - 1].end <= start and (article is None or doc.paragraphs[k - 1].start >= article.start):
        start = doc.paragraphs[k - 1].start
    said = (article.title or "" if article else "") + doc.text[start:q.start]
    appraisal = next((w for w in spec["appraisals"] if w in said), None)
    if appraisal is None:
        return None
    average = q.metric == spec["average"] or doc.text.endswith(spec["average_cue"], floor, q.start)
    return appraisal + (spec["average"] if average else spec["score"])


def _growth_led(doc: Document, q, floor: int) -> str | None:
    """A growth rate that names no measure, after a sentence of its paragraph that spoke of a measure's rate of
    growth without a figure (分市看，7个市开发区规上工业增加值增速高于全省开发区平均水平。其中，晋城市开发区增长15.7%),
    is that measure's, and so is a gap in points that names none (高于全省开发区平均水平6.4个百分点): unless a
    growth of another measure was told in between."""
    if q.aspect not in ("growth", "difference") or q.kind.split("/")[0] not in ("percent", "pp"):
        return None
    article = doc.article_at(q.start)
    if article is None:
        return None
    text = doc.text
    cues, pattern, spec = taxonomy()
    # (sentences back, not the paragraph: a sentence may end at a column's end, and the break reads as a paragraph's)
    earlier = [s for s in doc.sentences_before(floor, spec["growth_led_reach"]) if s.start >= article.start]
    if not earlier:
        return None
    first = earlier[0].start
    said = rx(spec["growth_led"])
    led = None
    for found in pattern.finditer(text, first, floor):
        if said.match(text, found.end()) and not _counts_only(found.group()):  # (4市开发区增速: no measure)
            led = found
    name = _fitting(cues[led.group()], q, "growth") if led else None
    if name is None:
        return None
    between = doc.quantities[bisect.bisect_left(doc.quantities, led.end(), key=lambda o: o.start):]
    told = itertools.takewhile(lambda o: o.start < q.start, between)
    return None if any(o.aspect == "growth" and o.metric not in (None, name) for o in told) else name


def _of_another_subject(doc: Document, q, named: list, floor: int) -> tuple[str, str, str] | None:
    """孝义经济开发区到位资金42.6亿元，…；交城经济开发区、文水经济开发区分别完成28.1亿元、19.4亿元: a figure whose
    words since the sentence's last named figure of its kind are only the subjects it is said of, other figures
    and words of frame measures the same, of them (see metrics.toml, other_subject); a growth, the growth of
    the measure named last (also a bare percentage after the growth's word: 晋城市开发区增速最快，达到11.6%). In a
    paragraph that opens on a breakdown, the figure named before may be in the paragraph before, in the same unit
    (从出让主体看，上党经济技术开发区出让12宗、1150亩). Returns the name, its source and the figure's aspect."""
    # (the ranks told since, 增速位列第二、第三；运城经开区（21.8%）, say no growth of their own)
    told = next((n for n in reversed(named) if not n.is_rank), None)
    spec = patterns.load("metrics")["other_subject"]
    # (…nor a bracket after the next subject of a list, 运城经开区（21.8%）、晋中经开区（19.5%）: the aspect goes on)
    aspect = "growth" if q.aspect == "value" and q.kind.startswith("percent") and told \
        and (rx(spec["growth_said"]).search(doc.text, max(told.end, floor), q.start)
             or told.aspect == "growth" and rx(spec["bracketed_next"]).fullmatch(doc.text, told.end, q.start)) \
        else q.aspect
    like = next((n for n in reversed(named) if aspect == "growth" and n.aspect in ("value", "growth")
                 or n.aspect == aspect and n.kind.split("/")[0] == q.kind.split("/")[0]), None)
    start = said_of = like.end if like else None  # (the subjects it is said of: after the figure before)
    if like is None:
        like = _told_before_breakdown(doc, q)
        if like is None:
            return None
        start = max([floor] + [o.end for o in doc.quantities if floor <= o.end <= q.start])
        said_of = floor  # (…or in its sentence: 上党经济技术开发区出让12宗、1150亩)
    if q.metric is not None and q.metric.removesuffix(taxonomy()[2]["count_suffix"]) not in like.metric:
        return None  # (a name of its own that says more than the measure before: the rule below cannot take it)
    from . import subjects

    text = doc.text
    mentions = subjects.mentions_between(text, said_of, q.start, doc.region)
    if not mentions:
        return None
    opening = rx(patterns.load("metrics")["other_subject"]["breakdown"]).match(text, start)
    start = opening.end() if opening else start  # (从出让主体看: the breakdown's own words name nothing)
    between = list(text[start:q.start])
    zones = patterns.load("subjects")["zones_word"]  # (晋城市 / 开发区: a place's zones, said of together)
    spans = [(s, e + len(zones) if text.startswith(zones, e) else e) for s, e, _, _ in mentions if s >= start] \
        + [(o.start, o.end) for o in doc.quantities if start <= o.start < q.start]
    for s, e in spans:
        between[s - start:e - start] = " " * (e - s)
    residue = rx(patterns.load("metrics")["other_subject"]["frame"]).sub("", "".join(between))
    if q.metric is not None:  # 出让12宗 named 出让数 by its verb alone: the measure before says what was sold
        return (like.metric, "context", aspect) if residue and q.metric.startswith(residue) and residue in like.metric \
            else None
    return (like.metric, "context", aspect) if not residue or residue in like.metric else None


def _told_before_breakdown(doc: Document, q):
    """The last named figure in q's unit of the paragraph before q's, where q's paragraph opens on a breakdown."""
    paragraph = doc.paragraph_at(q.start)
    if paragraph is None or not rx(patterns.load("metrics")["other_subject"]["breakdown"]).match(doc.text, paragraph.start):
        return None
    earlier = [p for p in doc.paragraphs if p.end <= paragraph.start]
    if not earlier:
        return None
    # (…or in the sentences before, in its article: a sentence that ends a column reads as a paragraph of its own, 研发经费
    # 投入增长14.3%…。 / 从投入主体看，…。 / 分开发区看，…)
    article = doc.article_at(q.start)
    sentences = [s for s in doc.sentences_before(paragraph.start, patterns.load("metrics")["other_subject"]["breakdown_reach"])
                 if article is None or s.start >= article.start]
    start = min([earlier[-1].start] + [s.start for s in sentences])
    told = [o for o in doc.quantities if start <= o.start < paragraph.start
            and o.metric and o.unit == q.unit and o.aspect == q.aspect]
    # (…the one the parts add up to, where one does: 本次活动共…项目96个。其中，“签约一批”项目34个，…“投产一批”项目
    # 27个。 / 分开发区看，大同经开区31个、云冈开发区18个、…: the 96, not the 27 told last)
    sentence = doc.sentence_at(q.start)
    parts = [o.value for o in doc.quantities if sentence and sentence.start <= o.start < sentence.end
             and o.unit == q.unit and o.aspect in (q.aspect, None) and o.value is not None]  # (not yet read: None)
    total = sum(parts) if len(parts) >= 2 else None
    whole = next((o for o in reversed(told) if total and o.value and abs(o.value - total) <= 1e-6 + 0.001 * o.value), None)
    return whole or (told[-1] if told else None)


def _summed_list(text: str, q, floor: int) -> str | None:
    """限上仓储会员店、集合店零售额合计增长15.7%: one figure for a list that 合计 sums is the list's
    together (限上仓储会员店和集合店零售额), not its last item's."""
    clause = text[max(floor, last_of(CLAUSE_END.replace("、", ""), text, floor, q.start) + 1):q.start]
    at = clause.find(SUMMED)
    items = [n for n in clause[:at].split("、") if n] if at > 0 else []
    if len(items) < 2:
        return None
    together = "、".join(items[:-1]) + "和" + items[-1]
    phrase = _noun_phrase(together + clause[at + len(SUMMED):], taxonomy()[2])
    # the name must hold the first item, not start after the 和 that joins it
    return phrase if phrase and "和" in phrase and phrase.split("和")[0].endswith(items[0][-2:]) else None


@functools.cache
def _list_cut_rules():
    spec = patterns.load("metrics")["list_cut"]
    verbs = "|".join(sorted(spec["verbs"], key=len, reverse=True))
    later = "|".join(sorted(spec["later_items"], key=len, reverse=True))
    return rx(spec["opening"] + f"(?:(?P<verb>{verbs})的?|(?P<later>{later})(?!成))")


def _list_cut(text: str, q, floor: int, before=None) -> str | None:
    """The verb that opens the figure's clause and frames every item of its list, when the figure's own item
    names no verb of its own: a cut of capacity (共淘汰落后炼铁产能1.17亿吨、炼钢产能7800万吨 → 淘汰落后 for the
    7800万吨), or building (新建精品示范村205个、省级中心村816个 → 新建 for the 816个), where the item before it
    in the list is named with the verb too (新建3个国家优势特色产业集群、3个国家现代农业产业园: a count before its
    noun is named without it, and so are the items after it)."""
    left = max(last_of(CLAUSE_END.replace("、", ""), text, floor, q.start) + 1, floor)  # the list's whole clause
    clause = text[left:q.start]
    m = _list_cut_rules().match(clause)
    if not m:
        return None
    if m.group("later") and not (before and before.start >= left + m.end() and "、" in text[before.end:q.start]
                                 and (before.metric or "").startswith(m.group("later"))):
        return None
    if "、" in clause:
        item = clause[clause.rfind("、") + 1:]
        words = tagged(item) if item else []
        if words and words[0][1].startswith("v"):
            return None  # …、新增产能200万吨: an item with a verb of its own
    return m.group("verb") or m.group("later")


@functools.cache
def _trade_rules():
    spec = patterns.load("metrics")["trade_partner"]
    return rx(spec["clause"]), rx(spec["rest"]), spec["flows"]


def trade_with(words: str) -> str | None:
    """对东盟进出口增长8% → 对东盟进出口额: trade with a partner, read from the words before its figure."""
    clause, rest, flows = _trade_rules()
    m = clause.search(words.translate(QUOTES))
    if not m or not rest.match(m.group("rest")):
        return None
    return "对" + m.group("partner") + flows[m.group("flow")]


def trade_list(names: list[str]) -> list[str] | None:
    """对东盟、欧盟进出口分别增长… → 对东盟进出口额, 对欧盟进出口额: the flow the last partner holds is every
    partner's."""
    last = trade_with(names[-1] if names[-1].lstrip().startswith("对") else "对" + names[-1])
    if not last:
        return None
    flow = last[len("对") + len(_trade_partner(names[-1])):]
    partners = [_trade_partner(n) for n in names[:-1]]  # (对东盟进出口, 欧盟进出口: the head shared already)
    if not all(partners) or any(rx(r"[^\p{Han}]").search(p) for p in partners):
        return None
    return ["对" + p + flow for p in partners] + [last]


def _trade_partner(name: str) -> str:
    bare = name.strip().removeprefix("对").translate(QUOTES)
    m = _trade_rules()[0].search("对" + bare)
    return m.group("partner") if m and not m.group("rest") else bare


@functools.cache
def _completion_rules():
    spec = patterns.load("metrics")["completion_rate"]
    return rx(spec["frame"]), spec["names"]


def measure_named(words: str) -> str | None:
    """The metric the last cue of the words names, whatever the unit (固定资产投资 before a rate of its plan)."""
    cues, pattern, _ = taxonomy()
    found = list(pattern.finditer(words))
    entries = [entry for kind, entry in cues[found[-1].group()] if kind == "metric"] if found else []
    return entries[0]["name"] if entries and not entries[0].get("generic") else None


def _rate_of_deed_done(text: str, q, before, floor: int, two_back=None) -> str | None:
    """处置闲置土地6820亩，处置率达到84.2% → 闲置土地处置率: a bare rate of a deed (its verb and 率 alone) right
    after the amount the deed was done to is the rate of that thing's deed."""
    # (a rate the taxonomy names, 开工率 after 已开工1043个, is a column of its own)
    rate = rx(r"(\p{Han}{2})率").fullmatch(q.metric or "") \
        if q.kind.startswith("percent") and q.metric_source == "fallback" else None
    if not rate or before is None or before.start < floor or not before.metric \
            or rx("[；;。]").search(text, before.end, q.start):
        return None
    if rate.group(1) not in before.metric:  # 建成人才公寓2.64万套、158.6万平方米，入住率81.3% → 人才公寓入住率
        thing = _thing_measured(before.metric) if before.kind in ("count", "area", "area_m2") else None
        listed = two_back is not None and two_back.start >= floor and two_back.metric \
            and rx(r"[^，,；;。]{0,12}").fullmatch(text, two_back.end, before.start) \
            and "、" in text[two_back.end:before.start] and _thing_measured(two_back.metric) != thing
        # (办理人大代表建议395件、政协委员提案495件，办复率达100%: the rate of the whole list, no one thing's)
        return thing + q.metric if thing and not listed else None
    if before.metric.startswith(rate.group(1)):
        thing = rx(patterns.load("metrics")["completion_rate"]["deed_object"]).sub("", before.metric[2:])
    else:  # (…已处置61宗、2415亩, named from the count before as 闲置低效用地处置面积: the thing before its deed)
        thing, _, measure = before.metric.rpartition(rate.group(1))
        if before.metric_source != "context" or measure not in _measure_words():
            return None
    return thing + q.metric if len(thing) >= 2 else None


def _told_last_in_kind(doc: Document, q, floor: int) -> str | None:
    """山西综改示范区完成512.6亿元 after a paragraph of the cities' 规上工业增加值: an amount whose clause names only the
    zone that did it and the verb of doing it (完成, 实现) is of the measure the article's last amount was, close
    before it."""
    spec = taxonomy()[2]
    if q.kind.split("/")[0] not in spec["told_last_kinds"] or q.is_rank:
        return None
    said = rx(r"\s").sub("", doc.text[_clause_left(doc.text, q.start, floor):q.start])
    own = _after_zone(said)
    if own == said or not rx(spec["told_last_clause"]).fullmatch(own):
        return None  # (a zone must be named: 20.3亿元以旧换新补贴… names no one and nothing)
    article = doc.article_at(q.start)
    k = doc.quantities.index(q)
    for p in reversed(doc.quantities[max(0, k - 30):k]):
        if q.start - p.start > spec["told_last_reach"] or article is not None and p.start < article.start:
            return None
        if p.metric and p.kind == q.kind and p.aspect == q.aspect:
            return p.metric
    return None


def _thing_in_another_unit(text: str, q, before, floor: int) -> str | None:
    """人才公寓12栋、1860套 → 人才公寓套数: a figure that names nothing, joined by 、 alone to a figure of a thing in
    another unit, measures the same thing in its own unit."""
    if before is None or before.start < floor or not before.metric or before.unit == q.unit \
            or text[before.end:q.start].strip() != "、":
        return None
    thing = _thing_measured(before.metric)
    if not thing:
        return None
    spec = taxonomy()[2]
    return _counted(thing, q.unit, spec) if q.kind == "count" else _with_kind(thing, q.kind, spec)


def _thing_measured(name: str) -> str | None:
    """人才公寓面积 → 人才公寓, 园区企业数 → 园区企业: the thing a count or a size measures, where the name is the
    thing and its measure word alone (no verb before the thing: 新建人才公寓套数 counts a deed's things)."""
    measure = next((w for w in _measure_words_longest_first() if name.endswith(w)), None)
    thing = name[:-len(measure)] if measure else ""
    return thing if len(thing) >= 2 and tagged(thing)[0][1] not in ("v", "vn") else None


@functools.cache
def _measure_words_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_measure_words(), key=len, reverse=True))  # (套数 before 数)


@functools.cache
def _measure_words() -> frozenset[str]:
    """The words that end a name with what it measures of its thing: 数, 宗数, 人数, 面积, 金额…"""
    spec = taxonomy()[2]
    return frozenset({spec["count_suffix"], *spec["kind_suffix"].values(), *spec["count_suffix_by_unit"].values(),
                      *spec["count_suffix_after_verb"].values()})


def _rate_of_amount_done(text: str, q, before, floor: int) -> str | None:
    """省市重点工程…完成投资5.48亿元，完成率130%: a bare rate of completion right after an amount is that
    amount's (省市重点工程投资完成率), the amount's name without its done-word."""
    spec = patterns.load("metrics")["completion_rate"]
    if q.metric != spec["bare_metric"] or not rx(spec["bare"]).search(_own_clause(text, q, floor)) \
            or before is None or before.start < floor or not before.metric \
            or not before.kind.startswith(("money", "area", "count")) \
            or rx("[；;。]").search(text, before.end, q.start):
        return None
    if not before.kind.startswith("money"):  # 累计消化批而未供土地1.47万亩，完成率45.9% → 批而未供土地消化完成率
        return _deed_after_thing(before.metric) + spec["bare_metric"]
    amount = _without_done_word(before.metric)
    return amount + spec["bare_metric"] if amount else None


def _deed_after_thing(name: str) -> str:
    """消化批而未供土地面积 → 批而未供土地消化, 闲置土地处置面积 → 闲置土地处置: the thing, then the deed done to it,
    without the measure of the amount."""
    thing = rx(patterns.load("metrics")["completion_rate"]["deed_object"]).sub("", name)
    first, tag = tagged(thing)[0]
    return thing[len(first):] + first if tag in ("v", "vn") and len(first) == 2 and len(thing) >= 4 else thing


def completion_rate(frame: str, base: str | None) -> str | None:
    """收入…完成预算数的92.49% → 收入预算完成率: the rate of a plan's completion, named by the measure done
    and the plan (None if the words before the figure hold no such plan)."""
    rule, names = _completion_rules()
    m = rule.search(frame)
    if not m:
        return None
    if m.group("inner"):  # 完成全年投资任务的55%: the plan's own measure, where no amount done before names one
        plan = m.group("year") + m.group("plan")
        base = base or measure_named(m.group("inner")) or m.group("inner")
    else:
        plan = m.group("base")  # (工业总产值计划完成102.6%: the name read before the figure ends on the plan)
    return _issue_after(_without_done_word((base or "").removesuffix(plan))) + names[plan]


def _without_done_word(amount: str) -> str:
    """省市重点工程完成投资 → 省市重点工程投资: the rate says the completing, the amount's name need not."""
    for word in patterns.load("metrics")["completion_rate"]["done_words"]:
        at = amount.find(word)
        if at >= 0 and len(amount) - len(word) >= 2 and at + len(word) < len(amount):
            amount = amount[:at] + amount[at + len(word):]
    return amount


def _issue_after(name: str) -> str:
    """发放创业担保贷款 → 创业担保贷款发放: a name that opens on the verb issuing the thing puts the issue after it,
    so that its measures (发放额, 发放人数, 发放年计划完成率) are read as the thing's."""
    verb = next((v for v in taxonomy()[2]["kind_verb_measures"]["money"] if name.startswith(v)), None)
    return name[len(verb):] + verb if verb and len(name) > len(verb) + 1 else name


def _target_held_against(text: str, q, before) -> bool:
    """增长11.3%，低于13%左右的预期目标 (…，虽然略低于8%的预定目标): the target a growth is held against is a
    growth of the same measure."""
    return q.aspect == "value" and before is not None and before.aspect == "growth" and q.kind == before.kind \
        and text.startswith("的", q.end) and "目标" in text[q.end:q.end + 8] \
        and rx(r"[，,]?(?:虽然|虽|但|均|也)?(?:略|稍|明显)?(?:低于|高于|超过|超出|好于)$").match(text[before.end:q.start]) is not None
