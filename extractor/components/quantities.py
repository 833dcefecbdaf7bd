"""Stage 3 — quantities: numbers with their unit, qualifier, range and sign.

Reads Arabic numbers (1,234.5), Chinese numerals (两, 十二, 三百, 一万) and mixed forms (2.5万亿元),
units with magnitude prefixes (亿元, 万平方米, 万人次), compound units (万元/亩), units left implicit
(20个亿 → 亿元, 60万/亩 → 万元/亩), qualifiers (余, 多, 超, 近, 约, 左右, 以上), ranges (2—4家, 4.5%—5%),
signs from the words before (下降 3% → -3) and ranks (排名朔州第一 → 1 名).

What is not a quantity (dates, list markers, numbers in names, quotes and codes) follows the gold
guide; the rules are in patterns/units.toml and patterns/quantities.toml.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import gazetteer, patterns
from ..document import Document
from ..rx import Match, Pattern, last_of, longest_of, rx

PUNCT = "，。；、：！？,;:!?（）()“”《》【】\n"
CHINESE_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_MAGNITUDES = {"万": 10_000, "亿": 100_000_000}


@dataclass
class Quantity:
    start: int            # clean offsets of the whole quantity (qualifiers included)
    end: int
    value: float
    unit: str
    kind: str             # money, area, percent, pp, count, duration_day, rank …
    approx: str = "exact"
    value_max: float | None = None
    base_value: float | None = None
    base_unit: str | None = None
    number_start: int = 0  # where the first number itself starts
    is_rank: bool = False
    # filled by the later stages
    metric: str | None = None
    metric_source: str | None = None   # taxonomy | fallback | list
    aspect: str | None = None
    subject: str | None = None
    subject_type: str | None = None
    city: str | None = None
    period: str | None = None
    status: str | None = None
    parent: int | None = None          # index (in doc.quantities) of the stated total this is part of


def whole_number(word: str | None) -> int:
    """3, 两, 十二 → 3, 2, 12: a count said in digits or in words (0 where it is neither)."""
    if not word:
        return 0
    return int(word) if word.isdigit() else int(parse_chinese_number(word) or 0)


def parse_chinese_number(text: str) -> float | None:
    """十二 → 12, 三百 → 300, 一万五千 → 15000, 两 → 2. None if the characters do not form a number."""
    if not text or any(ch not in CHINESE_DIGITS and ch not in CHINESE_UNITS and ch not in CHINESE_MAGNITUDES
                       for ch in text):
        return None
    if _gap_after_yi(text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row (三四) is an estimate, not a number
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            section += (1 if digit is None else digit) * CHINESE_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * CHINESE_MAGNITUDES[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def _gap_after_yi(text: str) -> bool:
    """一百亿九十一: tens or hundreds closing a number right after its 亿, with no 万 and no 零 between, are no
    number's (a column break that moved 亿 out of 一百九十一亿元); 一亿二千万, 三亿零五十 and 一百亿 are."""
    head, yi, tail = text.rpartition("亿")
    return bool(yi and tail) and "万" not in tail and "零" not in tail and "〇" not in tail \
        and any(unit in tail for unit in "十百") and "千" not in tail


@functools.cache
def _rules():
    units = patterns.load("units")
    quant = patterns.load("quantities")
    aspects_spec = patterns.load("aspects")
    magnitudes = dict(sorted(units["magnitudes"].items(), key=lambda kv: -len(kv[0])))
    base = units["base"]
    measure = units["measure_words"]
    # every simple unit we can read, longest first: base units and measure words, each with or
    # without a magnitude prefix
    simple: dict[str, tuple[str, float, str]] = {}  # surface → (kind, factor, base)
    for name, kind in base.items():
        simple[name] = (kind, units.get("base_factor", {}).get(name, 1.0), name)
        for mag, factor in magnitudes.items():
            simple.setdefault(mag + name, (kind, factor, name))
    for name, kind in units.get("prefixed_only", {}).items():
        for mag, factor in magnitudes.items():
            simple.setdefault(mag + name, (kind, factor, units["table_base"][kind]))
    for word in measure:
        simple.setdefault(word, ("count", 1.0, word))
        for mag in ("万", "亿", "百万", "千万"):  # (3百万辆: 300 万辆, see _quantity_at)
            simple.setdefault(mag + word, ("count", magnitudes[mag], word))
        simple.setdefault("千" + word, ("count", 1000.0, word))  # 5千多户: 5000 户 (see _quantity_at)
    for mag, factor in magnitudes.items():
        if mag in ("万", "亿", "万亿", "千万", "百万", "十万"):
            simple.setdefault(mag, ("money", factor, "元"))  # 5000万 / 20亿 with 元 left out
    not_before = units.get("unit_not_before", {})

    def unit_pattern(u: str) -> str:  # 家 but not 家庭
        stops = next((v for k, v in not_before.items() if u.endswith(k)), None)
        return regex.escape(u) + (f"(?!{'|'.join(map(regex.escape, stops))})" if stops else "")
    unit_re = "|".join(unit_pattern(u) for u in sorted(simple, key=len, reverse=True))
    # 1个多月, 2个多百分点: the qualifier stands inside a unit that opens with 个
    ge_rest = "|".join(regex.escape(u[1:]) for u in sorted(simple, key=len, reverse=True)
                       if u.startswith("个") and len(u) > 1)
    prefixed_re = "|".join(map(regex.escape, sorted(units.get("prefixed_only", {}), key=len, reverse=True))) or "(?!)"
    approx = quant["approx"]
    before_re = "|".join(regex.escape(w) for w in sorted(approx["before"], key=len, reverse=True))
    return {
        "simple": simple,
        "magnitudes": magnitudes,
        "base_units": frozenset(base),
        "unit": rx(
            rf"(?:(?P<magnitude>万|亿|千)(?=[余多]))?(?P<between>余|多)?(?P<implied>个亿(?!元?以上|元?级))?"
            rf"(?:(?P<ge>个)(?P<ge_between>余|多)(?={ge_rest}))?"
            # (a unit read only after a magnitude may follow the magnitude's qualifier: 十六亿多土方)
            rf"(?P<unit>(?(ge)(?:{ge_rest})|(?(magnitude)(?:{unit_re}|{prefixed_re})|(?:{unit_re}))))?"
            rf"(?:/(?P<per>{longest_of(units['per_units'])}))?"
            rf"(?P<after>以上|左右|以下|以内|多(?![{approx['more_not_before']}])|余)?"),
        "approx": approx,
        "several": quant["several"],
        "several_re": rx("(?<!分之)(?:" + "|".join(map(regex.escape, sorted(quant["several"], key=len, reverse=True))) + ")"),
        "approx_before": rx(rf"(?:{before_re})$") if before_re else None,
        "approx_reach": max(map(len, approx["before"]), default=0),
        "approx_bound": rx("(?:" + "|".join(map(regex.escape, approx["bound_before"])) + ")$")
        if approx.get("bound_before") else None,
        "approx_bound_reach": max(map(len, approx.get("bound_before", {})), default=0),
        "range_dash": rx(quant["range_dash"]),
        "half_after_unit": rx(quant["half_after_unit"]),
        "minus": quant["minus_signs"],
        "table_base": units["table_base"],
        "unit_context": {kind: rx(p) for kind, p in units.get("unit_context", {}).items()},
        "unit_context_after": {kind: rx(p) for kind, p in units.get("unit_context_after", {}).items()},
        "one_units": tuple(units["chinese_one_units"]),
        "chinese_units": tuple(sorted(units["chinese_numeral_units"], key=len, reverse=True)),
        "prefixed_only": tuple(units.get("prefixed_only", {})),
        "implied": units["implied_money"],
        "negative": tuple(quant["negative_words"]),
        "sign_window": quant["sign_window"],
        "level_reached_re": rx("(?:" + "|".join(quant["negative_words"]) + ")(?:" + "|".join(quant["level_reached"]) + ")$"),
        # (…and a verb that moves a level, before 为, sets it: 由6个月缩短为1个月, as aspects.toml reads it)
        "level_set_re": rx("(?:" + "|".join(set(quant["negative_words"]) & set(aspects_spec["level_set_verbs"]))
                           + ")(?:" + "|".join(aspects_spec["level_set_after"]) + ")$"),
        "narrowed_fall_re": rx(quant["narrowed_fall"]),
        "extent_of_fall_re": rx(quant["extent_of_fall"]),
        "below_other_re": rx(quant["below_other"]),
        "sign_modifier_re": rx("(?:" + "|".join(quant["negative_words"]) + ")" + quant["sign_modifier"] + "$"),
        "negative_object_re": rx(quant["negative_object"]),
        "rank_cues": tuple(quant["rank_cues"] + quant["rank_moves"]),
        "rank_fields": tuple(quant["rank_position_after"]),
        "rank_window": quant["rank_window"],
        "sign_clause_end": quant["sign_clause_end"],
        "rank_window_after_field": quant["rank_window_after_field"],
        "rank_not": tuple(quant["rank_not_followed_by"]),
        "rank_position": tuple(quant["rank_position"]),
        "fraction_window": quant["fraction_window"],
        "streak": rx(quant["streak"]),
        "ratio_name": rx(quant["ratio_name"] + "(?P<clause>" + quant["ratio_clause"] + ")"),
        "ratio_figure": rx(quant["ratio_figure"]),
        "years_name": rx(quant["years_name"]),
        "years_figure": rx(quant["years_figure"]),
        "ahead": rx(quant["ahead"]),
        "extension": rx(quant["extension"]),
        "streak_state": rx(quant["streak_state"]),
        "streak_dates": rx(quant["streak_dates"]),
        "doubling": rx(quant["doubling"]),
        "doubling_goal": rx(quant["doubling_goal"]),
        "rank_position_after": tuple(quant["rank_position_after"] + quant["rank_moves"]),
        "rank_moves_after": tuple(quant["rank_moves"] + quant["rank_moves_bare"]),
        "rank_top": rx(quant["rank_top"]),
        "rank_top_opens_list": rx(quant["rank_top_opens_list"]),
        "rank_bottom": rx(quant["rank_bottom"]),
        "shared_unit": (rx(quant["shared_unit"]["item"]), rx(quant["shared_unit"]["respectively"]),
                        quant["shared_unit"]["item_reach"], quant["shared_unit"]["measure_of_unit"]),
        "fraction_verbs": tuple(quant["fraction_verbs"]),
        "fraction_share_words": tuple(quant["fraction_share_words"]),
        "fraction_of_set": rx(quant["fraction_of_set"]),
        "period_before": tuple(quant["duration_as_period"]["before"]),
        "lead_before": tuple(quant["duration_as_period"]["not_after"]),
        "rank_top_after": tuple(quant["rank_position_after"] + quant["rank_moves"] + quant["rank_top_after"]),
        "not_after": tuple(quant["not_after"]),
        "chinese_not_after": tuple(quant["chinese_not_after"]),
        "demonstrative_before": tuple(quant["demonstrative_before"]),
        "plan_indicators": (rx(quant["plan_indicators"]["verb_before"]), rx(quant["plan_indicators"]["after"]),
                            rx(quant["plan_indicators"]["part"]), rx(quant["plan_indicators"]["part_before"])),
        "named_by_one_numeral": tuple(quant["named_by_one_numeral"]),
        "per_head_bare": rx(quant["per_head_bare"]),
        "per_output_bare": rx(quant["per_output_bare"]),
        "steps_counted": rx(quant["steps_counted"]),
        "programme_named": rx(quant["programme_named"]),
        "chinese_idioms": frozenset(quant["chinese_idioms"]),
        "numeral_words": tuple(quant["numeral_words"]),
        "framing": tuple(quant["framing_after"]),
        "framing_chinese": tuple(quant["framing_after"] + quant["framing_after_chinese"]),
        "rounds_framing": rx(quant["rounds_framing"]),
        "age_bracket_after_re": rx(quant["age_bracket_after"]),
        "abstract_chinese": rx(quant["abstract_after_chinese"]),
        "time_continued": tuple(quant["time_continued"]),
        "name_heads": tuple(quant["name_heads"]),
        "name_window": quant["name_window"],
        "quotes": quant["quote_pairs"],
        "quoted_max": quant["quoted_name_max_chars"],
        "speech_punct": frozenset(quant["quoted_speech_punct"]),
        "name_before": tuple(quant["name_before"]),
    }


def _latin_units() -> str:
    """The units spelt in Latin letters (P, PF, Eflops): a number runs on into them and is still read, where a
    letter after digits otherwise makes a code (5G, T3B)."""
    latin = sorted((u for u in patterns.load("units")["base"] if u[:1].isascii() and u[:1].isalpha()), key=len, reverse=True)
    return "|".join(regex.escape(u) for u in latin) or "(?!)"  # (a code goes on: 2P2 is none)


NUMBER = rx(r"(?<![0-9.A-Za-z])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                       rf"(?:(?=(?:{_latin_units()})(?![0-9A-Za-z]))|(?![0-9A-Za-z]))"
                       r"|[零〇一二两三四五六七八九十百千万亿][零〇○一二两三四五六七八九十百千万亿]*")  # 二百○八所
RANK = rx(r"第\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})|(?P<first>首位)")
SPOKEN_FRACTION = rx(r"(?:(?P<b>[二三四五六七八九十]{1,2})分之(?P<a>[一二三四五六七八九])|(?P<half>一半))(?P<after>以上|多|左右)?")
FRACTION = rx(r"(?<![\d./])(?P<a>[1-9])/(?P<b>[1-9]\d?)(?![\d./])(?P<after>以上|左右|以下)?")
LIST_GAP = rx(r"\s*[、和及与]\s*")  # between two figures of one list (2.5%、4.1%)
# a rank's 第 shared by the position listed after it (分列第二、三位)
SHARED_ORDINAL = rx(r"第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*、\s*$")
SHARED_RANK = rx(r"\s*、\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?=[位名])")
PHYSICAL = {"area", "area_m2", "area_km2", "area_ha", "mass", "mass_kg", "mass_jin", "mass_dan", "power", "energy",
            "container", "volume", "length_km", "length_m", "deadweight"}


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》, 【…】 (per paragraph, so an unclosed mark cannot swallow the text)."""
    rules = _rules()
    regions = []
    for open_mark, close_mark in rules["quotes"]:
        pos = 0
        while (start := text.find(open_mark, pos)) != -1:
            stop = text.find(close_mark, start + 1)
            line_end = text.find("\n", start)
            if stop == -1 or (line_end != -1 and stop > line_end):
                pos = start + 1
                continue
            inner = text[start + 1:stop]
            if open_mark != "“" or (len(inner) <= rules["quoted_max"]
                                    and not rules["speech_punct"].intersection(inner)):
                regions.append((start, stop + 1))  # a name or slogan; a quoted speech stays text
            pos = stop + 1
    return sorted(regions)


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    import bisect

    i = bisect.bisect_right(regions, (pos, float("inf"))) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


def _read_unit(text: str, pos: int):
    """The unit (with its qualifiers) starting at `pos`, or None where no unit follows."""
    rules = _rules()
    m = rules["unit"].match(text, pos)
    if not m or not (m.group("unit") or m.group("implied")):
        more = _magnitude_more().match(text, pos)  # 1亿多, 14亿多中国人: a bare magnitude and its 多
        if more:
            kind, factor, base = rules["simple"][more.group("unit")]
            return more, more.group("unit") + "元", kind, factor, base, "over"  # (money, as a bare 万 is, until counted)
        return None
    if m.group("implied"):
        kind, factor, base = "money", 1e8, "元"
        unit = "亿元"
    else:
        unit = m.group("ge") + m.group("unit") if m.group("ge") else m.group("unit")
        if m.group("magnitude"):  # 3万余场次, 1.4万余家: the magnitude stands before the qualifier
            unit = m.group("magnitude") + unit
            if unit not in rules["simple"]:
                return None
        kind, factor, base = rules["simple"][unit]
        if unit in ("万", "亿", "万亿", "千万", "百万", "十万"):
            unit += "元"
    if m.group("per"):
        per = m.group("per")
        unit, kind, base = f"{unit}/{per}", f"{kind}/{per}", f"{base}/{per}"
    approx = rules["approx"]["between"].get(m.group("between") or m.group("ge_between") or "", None) \
        or rules["approx"]["after"].get(m.group("after") or "", None)
    return m, unit, kind, factor, base, approx


@functools.cache
def _magnitude_more():
    """万多, 亿多 that no unit follows: read as a bare magnitude (a count only where people are named, below)."""
    return rx(patterns.load("quantities")["magnitude_more"])


def _shared_unit(text: str, end: int, magnitude: str) -> tuple[str, str, float, str] | None:
    """The unit that the next figures of a list write out after the same magnitude (1409万、1305万人次 →
    万人次), or None where the list says no more (5000万、2亿元 is money)."""
    for _ in range(6):
        number = NUMBER.match(text, end + 1) if text[end:end + 1] in tuple("、和与及") else None
        read = _read_unit(text, number.end()) if number else None
        said = read[0].group("unit") if read else None
        if not said or not said.startswith(magnitude) or read[0].group("per"):
            return None
        if said != magnitude:
            return read[1], read[2], read[3], read[4]
        end = read[0].end()
    return None


def _nouns_and_units(table: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """{"人": ["群众", …]} → the nouns as one alternation (longest first) and each noun's measure word."""
    unit_of = {noun: word for word, nouns in table.items() for noun in nouns}
    return "|".join(sorted(unit_of, key=len, reverse=True)), unit_of


@functools.cache
def _bare_counts() -> tuple[Pattern, dict[str, str]]:
    table = dict(patterns.load("units")["bare_magnitude_counts"])
    modifiers = table.pop("modifiers")
    nouns, unit_of = _nouns_and_units(table)
    # 450万农村沼气用户, 8000多万农业转移人口: a modifier, and a word or two of the noun's own, may come first
    # (51万新就业形态人员: five)
    return rx(rf"(?:{'|'.join(modifiers)})?\p{{Han}}{{0,5}}?(?P<noun>{nouns})"), unit_of


def _counted_after(text: str, end: int, magnitude: str) -> tuple[str, str, float, str] | None:
    """76万群众: a bare magnitude before people or households counts them (万人), it is no sum of money."""
    pattern, unit_of = _bare_counts()
    said = pattern.match(text, end)
    if not said:
        return None
    word = unit_of[said.group("noun")]
    return magnitude + word, "count", _rules()["magnitudes"][magnitude], word


@functools.cache
def _counted_before_rule() -> tuple[Pattern, dict[str, str]]:
    nouns, unit_of = _nouns_and_units(patterns.load("units")["bare_magnitude_counted_before"])
    # the noun, then words that are no clause's end, up to the number; the only figures between are the
    # list's bare magnitudes before it (参保人数分别增加1753万、2028万, …1753万和2028万) or the level a change
    # starts from (人次由8300万增加到1亿)
    return rx(rf"(?P<noun>{nouns})(?:[^0-9０-９，。；;,：:！？]|[0-9.]+[万亿](?:、|和|及|[增提上下减降][^0-9，。；]{{0,3}}到))"
                         rf"{{0,16}}$"), unit_of


def _counted_before(text: str, start: int, magnitude: str) -> tuple[str, str, float, str] | None:
    """参保人数分别增加1753万、2028万: a bare magnitude whose clause names persons or households before it
    counts them (万人), as 76万群众 does after it."""
    pattern, unit_of = _counted_before_rule()
    said = pattern.search(text, max(0, start - 40), start)
    if not said:
        return None
    word = unit_of[said.group("noun")]
    return magnitude + word, "count", _rules()["magnitudes"][magnitude], word


def _counts_people(text: str, start: int, end: int) -> bool:
    """八亿农民, 三千六百万的少数民族人口, 共有人口一百二十万: a magnitude said in words with no unit counts the
    people or households its clause names after or before it, as a bare 76万群众 does in digits."""
    return bool(_bare_counts()[0].match(text, end) or _counted_before_rule()[0].search(text, max(0, start - 40), start))


def _framing(text: str, unit_start: int, end: int, chinese: bool = False) -> bool:
    rules = _rules()
    framing = rules["framing_chinese"] if chinese else rules["framing"]
    return (text.startswith(framing, end) or text.startswith(framing, unit_start)
            or chinese and bool(rules["abstract_chinese"].match(text[end:end + 8]))
            or bool(rules["rounds_framing"].match(text, unit_start, unit_start + 24)))


def _set_by_plan(text: str, start: int, end: int) -> bool:
    """设置了29项主要指标: the count of a plan's indicators, read where a verb of setting opens its clause;
    其中预期性指标16个: a part of that count by kind."""
    verb_before, indicators, part, part_before = _rules()["plan_indicators"]
    if (part.match(text, end) or part.search(text, max(0, start - 5), start)) \
            and part_before.search(text, max(0, start - 170), start):
        return True
    return bool(indicators.match(text, end)) and bool(verb_before.search(text, max(0, start - 48), start))


def _in_name(text: str, start: int, end: int, kind: str) -> bool:
    """A size inside a name: 科技产业园28万平方米标准化厂房工程 (no punctuation before the name's head)."""
    if kind.split("/")[0] not in PHYSICAL:
        return False
    rules = _rules()
    if text[:start].endswith(rules["name_before"]):
        return True
    window = text[end:end + rules["name_window"]]
    cut = next((i for i, ch in enumerate(window) if ch in PUNCT or ch == "的"), len(window))
    return any(head in window[:cut] for head in rules["name_heads"])


def _sign(text: str, start: int) -> int:
    rules = _rules()
    window = text[max(0, start - rules["sign_window"]):start]
    window = window[last_of(rules["sign_clause_end"], window) + 1:]  # (…负增长，11个开发区: the fall was the last clause's)
    if rules["level_reached_re"].search(window) or rules["level_set_re"].search(window):
        return 1  # 回落到6.1%, 缩短为1个月: the level it fell to, not how far
    # (the window reaches two characters further back for the 的有 that may follow the word)
    if rules["sign_modifier_re"].search(text, max(0, start - rules["sign_window"] - 2), start):
        return 1  # 负增长的27个: how many fell
    if rules["narrowed_fall_re"].search(text, max(0, start - 12), start):
        return 1  # 降幅收窄2.1个百分点: the fall shrank, the rate rose
    if any(w in window for w in rules["negative"]) or rules["extent_of_fall_re"].search(text, max(0, start - 8), start):
        return -1
    if rules["below_other_re"].search(text, max(0, start - 20), start):
        return -1  # 低于全国0.3个百分点
    return -1 if cut_of_a_burden(text, start) else 1


def cut_of_a_burden(text: str, start: int) -> bool:
    """降低企业税负5700多亿元: the amount is how far the burden named before it fell."""
    return _rules()["negative_object_re"].search(text, max(0, start - 12), start) is not None


def _minus_before(text: str, start: int) -> bool:
    """增长8.1%、-3.2%: a minus sign, not a range's dash (2-4家) or a code's hyphen (G5-3)."""
    return start > 0 and text[start - 1] in _rules()["minus"] and not rx(r"[0-9A-Za-z.%]").match(text[start - 2:start - 1])


def _to_value(token: str) -> float | None:
    if token[0].isdigit():
        return float(token.replace(",", ""))
    return parse_chinese_number(token)


def _in_wan(token: str) -> float | None:
    """六亿二千 before 万吨 → 62000: a figure said in two magnitudes whose last section's 万 the unit
    took (六亿二千万吨, 三亿零五百三十万吨) counts its 亿 in 万 (one 亿 is 10000 万)."""
    cut = token.rindex("亿") + 1
    high, low = parse_chinese_number(token[:cut]), parse_chinese_number(token[cut:])
    if high is None or low is None:
        return None
    return high / 10_000 + low


def _base(value: float | None, factor: float, base: str, kind: str) -> tuple[float | None, str]:
    if value is None:
        return None, base
    table_base = _rules()["table_base"].get(kind.split("/")[0])
    if table_base and "/" in kind:
        table_base += "/" + kind.split("/")[1]
    return round(value * factor, 6), table_base or base


# a figure spoken in two magnitudes (2万5千公里, 1万6千多户, 1亿3千多万): one decimal of the larger
COMPOUND = rx(r"(?<![0-9.])(?P<a>\d{1,4})(?:(?P<wan>万)(?P<b>[1-9])千(?P<more>[多余]?)"
                         r"|(?P<yi>亿)(?P<c>[1-9])千(?P<more2>[多余]?)万)")


def _spell_compounds(text: str) -> str:
    """The text with each compound figure rewritten, in as many characters, as a decimal of its larger
    magnitude (2万5千 → 2.5万, 1亿3千多万 → 1.30多亿), so that it reads as one number and one unit and
    its offsets stay those of the text."""
    def spelt(m: Match) -> str:
        if m.group("wan"):
            return f"{m.group('a')}.{m.group('b')}万{m.group('more')}"
        return f"{m.group('a')}.{m.group('c')}0{m.group('more2')}亿"
    return COMPOUND.sub(spelt, text) if "千" in text else text


_CN_NUMBER = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
# a rate said in words (增长百分之九点五, 百分之八到九, 千分之十二): older reports write most rates so
SPOKEN_RATE = rx(rf"(?P<per>百分之|千分之)(?P<a>{_CN_NUMBER})"
                            rf"(?:(?P<dash>到|至|—|～)(?P<b>{_CN_NUMBER})(?!分之))?")
# ...and a decimal said in words before its unit (回落一点五个百分点, 增长二点三倍, 亩产三百八十六点一斤, 三点五亿元);
# before no unit it reads as no figure (一点一滴), and 三点五十分 is a time
SPOKEN_DECIMAL = rx(r"(?<![零〇一二两三四五六七八九十百千万亿])"
                               r"(?P<a>[零〇一二两三四五六七八九十百千]+点[零〇一二三四五六七八九]+)(?=\p{Han})(?![十百千])")


def _digits_of(words: str) -> str | None:
    whole, _, decimals = words.partition("点")
    value = parse_chinese_number(whole)
    if value is None:
        return None
    return str(int(value)) + ("." + "".join(str(CHINESE_DIGITS[ch]) for ch in decimals) if decimals else "")


def _spell_spoken_rates(text: str) -> str:
    """The text with each rate or decimal said in words rewritten, in as many characters, in digits
    (百分之九点五 → 0009.5%, 百分之八到九 → 0008到9%, 一点五个百分点 → 1.5个百分点), so that it reads like
    any figure and its offsets stay those of the text; a rewrite that would not fit is left as words."""
    def rate(m: Match) -> str:
        a, b = _digits_of(m.group("a")), m.group("b") and _digits_of(m.group("b"))
        if a is None or (m.group("b") and b is None):
            return m.group()
        sign = "%" if m.group("per") == "百分之" else "‰"
        digits = f"{a}{m.group('dash')}{b}{sign}" if b else f"{a}{sign}"
        return digits.rjust(len(m.group()), "0") if len(digits) <= len(m.group()) else m.group()

    def decimal(m: Match) -> str:
        digits = _digits_of(m.group("a"))
        return digits.rjust(len(m.group()), "0") if digits and len(digits) <= len(m.group()) else m.group()
    if "分之" in text:
        text = SPOKEN_RATE.sub(rate, text)
    return SPOKEN_DECIMAL.sub(decimal, text) if "点" in text else text


def _spell_several(text: str) -> str:
    """The text with each "several" said with 几 rewritten, in as many characters, as the 多 figure it means
    (几十亿元 → 十多亿元, 十几万 → 十多万, 几百位 → 百多位), so that it reads as at least that round number."""
    if "几" not in text:
        return text
    rules = _rules()
    return rules["several_re"].sub(lambda m: rules["several"][m.group()], text)


def find_quantities(text: str) -> list[Quantity]:
    said = text
    text = _spell_spoken_rates(_spell_compounds(_spell_several(text)))
    regions = quoted_regions(text)
    found: list[Quantity] = []
    taken_until = 0
    tops, headings = _top_ranks(text, regions)  # 前12位: the bound's number is no count of its own
    for m in NUMBER.finditer(text):
        start, token = m.start(), m.group()
        if start < taken_until or _inside(start, regions) or tops and any(t.start <= start < t.end for t in tops) \
                or headings and any(a <= start < b for a, b in headings):
            continue
        chinese = not token[0].isdigit()
        if chinese:
            m = _kilo_backtracked(text, m)
            token = m.group()
        if chinese and (token in _rules()["chinese_idioms"] or _in_numeral_word(said, m.start())
                        or _in_place_name(said, m.start())):
            continue
        quantity = _quantity_at(text, m, chinese)
        if quantity is None:
            continue
        if (found and found[-1].end == quantity.number_start and found[-1].kind == "count"
                and quantity.approx == "over"):
            continue  # 1个50亿元以上(的项目): a threshold that only qualifies the counted category
        if (quantity.approx in ("over", "under") or quantity.value_max is not None) \
                and _names_category(text, quantity):
            taken_until = quantity.end  # (过10万亿元省份: 万亿元 is no figure of its own either)
            _drop_listed_bounds(text, found, quantity)
            continue  # 10亿元以上项目7个, 10亿元至50亿元项目31个: the bound names the category of projects
        if _bounds_a_set(text, quantity):
            taken_until = quantity.end  # (a range's second number is the bound's too)
            _drop_listed_bounds(text, found, quantity)
            continue  # 经济总量超千亿元的县域达12个: the bound picks out the set counted
        if quantity.kind.startswith("duration") and text.endswith(_rules()["period_before"], 0, start) \
                and not text.endswith(_rules()["lead_before"], 0, start):
            continue  # 前10个月出口增长3%: the months since January, a period, not a length (but 提前两个月 is)
        if quantity.kind == "count" and SHARED_ORDINAL.search(text, max(0, start - 8), start) \
                and text.startswith(_rules()["rank_position"], quantity.end - 1):
            continue  # 分列第二、三位: the 第 of the rank before is this one's too (see _ranks)
        if quantity.kind == "count" and _set_size_re().match(text, quantity.end):
            continue  # 17个重点传统制造业增加值增长5.3%: the count only sizes the set measured
        if quantity.kind == "count" and _counts_its_list(text, quantity):
            continue  # 安阳、商丘、信阳、三门峡四个端点城市: the count only repeats the list's length
        if quantity.kind == "count" and _focus_re().search(text, max(0, quantity.start - 48), quantity.start) \
                and not _focus_counts_things(text, quantity):
            continue  # 紧盯…3条产业链: the count names the set focused on
        found.append(quantity)
        taken_until = quantity.end
    found.extend(_ranks(text, regions, found) + tops)
    found.extend(_fractions(text, regions, found))
    found = _streaks(text, regions, found)
    found.extend(_doublings(text, regions, found))
    found.extend(_ratios(text, regions, found))
    found.extend(_extensions(text, regions, found))
    found.extend(_years_named(text, regions, found))
    found.extend(_verb_counts(text, regions, found, "ahead", "duration_year", "年"))
    shared, restated = _shared_units(text, regions, found)
    found = [q for q in found if not any(q is r for r in restated)] + shared
    found.sort(key=lambda q: q.start)
    _share_signs_along_lists(text, found)
    return _several_marked(said, found)


def _several_marked(said: str, found: list[Quantity]) -> list[Quantity]:
    """A figure said with 几 is at least its round number (几万人, read as 1万人: over); one whose unit only the
    default of a bare magnitude gave (长风几万里, 几十万中医: 万元) is no figure."""
    kept = []
    for q in found:
        if "几" in said[q.start:q.end]:
            if q.kind == "money" and not said[q.start:q.end].rstrip("以上左右多余").endswith("元"):
                continue
            q.approx = "over" if q.approx == "exact" else q.approx
        kept.append(q)
    return kept


def _chinese_range_opens(text: str, end: int) -> bool:
    """二百八十万到三百万千瓦: a numeral in words with no unit of its own opens a range to one that has one."""
    dash = _rules()["range_dash"].match(text, end)
    second = NUMBER.match(text, dash.end()) if dash else None
    if not second or second.group()[0].isdigit():
        return False
    second = _kilo_backtracked(text, second)
    return text.startswith(_rules()["chinese_units"], second.end()) or _read_unit(text, second.end() - 1) is not None


def _kilo_backtracked(text: str, m):
    """三万千瓦: the last 千 of a numeral in words opens the unit 千瓦, it is no digit of the number."""
    token = m.group()
    if len(token) > 1 and token.endswith("千") and any(text.startswith(u, m.end() - 1) for u in _kilo_units()):
        return NUMBER.match(text, m.start(), m.end() - 1)
    return m


@functools.cache
def _kilo_units() -> tuple[str, ...]:
    return tuple(u for u in patterns.load("units")["base"] if u.startswith("千"))


def _share_signs_along_lists(text: str, found: list[Quantity]) -> None:
    """分别下降2.5%、4.1%: the word that negates the first figure of a list negates the figures listed
    after it (joined by 、/和 alone, of the same kind), which have no word of their own."""
    listed = False  # the figure before was negated along the list
    for before, q in zip(found, found[1:]):
        negated = before.value is not None and before.value < 0 and (listed or _sign(text, before.start) < 0)
        listed = bool(negated and q.kind == before.kind and q.value and q.value > 0
                      and LIST_GAP.fullmatch(text, before.end, q.start))
        if listed:
            q.value = -q.value
            q.value_max = -q.value_max if q.value_max is not None else None
            q.base_value = -q.base_value if q.base_value is not None else None


@functools.cache
def _category_re():
    return rx(patterns.load("quantities")["category_after_threshold"])


@functools.cache
def _set_size_re() -> Pattern:
    return rx(patterns.load("quantities")["set_size_before_measure"])


@functools.cache
def _focus_re() -> Pattern:
    return rx(patterns.load("quantities")["focus_set_before"])


def _focus_counts_things(text: str, quantity: Quantity) -> bool:
    """要紧盯126个年内计划投产项目: projects counted bare after a verb of focus are a figure, not a framing."""
    return text[quantity.start - 1:quantity.start] != "、" \
        and bool(rx(patterns.load("quantities")["focus_things_after"]).match(text, quantity.end))


@functools.cache
def _set_bound_re() -> tuple[Pattern, ...]:
    spec = patterns.load("quantities")
    return rx(spec["set_bound_after"]), rx(spec["set_bound_first"]), rx(spec["set_bound_compared"]), \
        rx(spec["set_bound_sibling"]), rx(spec["set_share_before"]), rx(spec["set_count_before"])


def _bounds_a_set(text: str, q: Quantity) -> bool:
    """经济总量超千亿元的县域达12个: see quantities.toml, set_bound_after."""
    if q.approx not in ("over", "under") and q.value_max is None \
            and not _set_bound_re()[2].search(text, max(0, q.start - 2), q.start):
        return False
    # (the measure bounded is named right before it, or before the list: 经济总量超…; 占比超过10%的有44种、超过
    # 20%的有23种; ，95%以上的村集体… is a share of villages)
    clause_start = max(text.rfind(c, 0, q.start) for c in "，。；：,;:\n") + 1
    if _set_bound_re()[4].search(text, clause_start, q.start) or _set_bound_re()[5].search(text, clause_start, q.start):
        return True
    named_before = rx(r"[\p{Han}、]").match(text, q.start - 1) is not None or _set_bound_re()[3].match(text, q.end)
    return bool(_set_bound_re()[0].match(text, q.end)) and bool(named_before) and not _first_to_pass(text, q)


def _drop_listed_bounds(text: str, found: list[Quantity], bound: Quantity) -> None:
    """超500亿元、超300亿元开发区分别有5个、12个: bounds listed before the one that names the category (or
    picks out the set) name a category each, with the same qualifier and the same kind of unit."""
    while found and found[-1].approx == bound.approx and found[-1].kind == bound.kind \
            and LIST_GAP.fullmatch(text, found[-1].end, bound.start):
        bound = found.pop()


def _first_to_pass(text: str, q: Quantity) -> bool:
    """首个经济总量超过3万亿元的城市: a figure said as the first to pass it, in its own clause (set_bound_first)."""
    clause_start = max(text.rfind(c, 0, q.start) for c in "，。；,;\n") + 1
    return _set_bound_re()[1].search(text, clause_start, q.start) is not None


def _names_category(text: str, q: Quantity) -> bool:
    """10亿元以上项目, 过三千亿元城市; not a share of a set (超80%的省科技攻坚项目) nor the first to pass the
    threshold (首个经济总量超过3万亿元的城市)."""
    if q.kind == "count" or q.kind.split("/")[0] in ("percent", "permille", "fraction") \
            or not _category_re().match(text, q.end):
        return False
    return not _first_to_pass(text, q)


def _in_numeral_word(text: str, pos: int) -> bool:
    """Whether the numeral at `pos` is inside a word that only looks like a count (千家万户's 万户, 万岁)."""
    words, longest = _numeral_words()
    # an occurrence that covers pos lies within [pos - longest + 1, pos + longest); one overlapped
    # search of that window, not a find per word, since every Chinese numeral is asked
    lo = max(0, pos - longest + 1)
    return any(m.start() <= pos < m.end() for m in words.finditer(text, lo, pos + longest, overlapped=True))


def _counts_its_list(text: str, q: Quantity) -> bool:
    """忻州经开区、原平经开区两家营业收入…, 酒泉、天水两个区域中心城市: a count in words glued between the names
    it lists, as many as they are, and the noun they are is an apposition, no figure."""
    if q.value is None or q.approx != "exact" or text[q.start].isdigit() or q.unit in _times_units() \
            or not rx(r"[\p{Han}“]").match(text, q.end):
        return False  # (a count in digits is told as a figure: 创建金凤、嘉陵江、明月湖3个重庆实验室; and the times
        # the names did something are no apposition: 党中央、国务院两次召开…)
    listed = _listed_before().search(text, max(0, q.start - 80), q.number_start)
    return listed is not None and listed.group().count("、") + 1 == q.value


@functools.cache
def _times_units() -> frozenset[str]:
    return frozenset(patterns.load("quantities")["times_units"])


@functools.cache
def _listed_before() -> Pattern:
    return rx(patterns.load("quantities")["listed_before_count"])


def _in_place_name(text: str, pos: int) -> bool:
    """Whether the numeral at `pos` opens a place's name that the text names as a place (五台县, 五台经济技术开发区,
    忻州、五台、原平: a county, not five machines; 五台山文旅示范区, a zone named after it; 新购置五台设备 is a
    count)."""
    for name in _numbered_places():
        if text.startswith(name, pos):
            return any(s == 0 for s, _, _ in gazetteer.mentions(text[pos:pos + len(name) + 12])) \
                or _longer_place_word(text, pos, name)
    return False


def _longer_place_word(text: str, pos: int, name: str) -> bool:
    """五台山文旅示范区: the county's name opens a longer place's name (a mountain's, as jieba knows it)."""
    from .metrics import tagged  # (jieba is asked only here, where a numbered place's name stands)

    word, flag = tagged(text[pos:pos + len(name) + 6])[0]
    return flag == "ns" and len(word) > len(name) and word.startswith(name)


@functools.cache
def _numbered_places() -> tuple[str, ...]:
    """The gazetteer's names that open on a numeral (五台, 五寨, 万荣), longest first."""
    return tuple(sorted((name for name in gazetteer.places() if NUMBER.match(name)), key=len, reverse=True))


@functools.cache
def _numeral_words() -> tuple[Pattern, int]:
    words = _rules()["numeral_words"]
    return regex.compile(longest_of(words)), max(map(len, words))


_TENS = {"十": 10, "百": 100, "千": 1000}


def _quantity_at(text: str, m, chinese: bool) -> Quantity | None:
    rules = _rules()
    start, token = m.start(), m.group()
    value = _to_value(token)
    if value is None:
        return None
    before = text[max(0, start - 4):start]
    if before.endswith(rules["chinese_not_after"] if chinese else rules["not_after"]):
        return None
    if chinese and token.startswith("零") and before.endswith(rules["time_continued"]):
        return None
    if chinese and len(token) == 1 and before.endswith(rules["demonstrative_before"]):
        return None
    if chinese and (rules["per_head_bare"].match(text, start) or rules["per_output_bare"].match(text, start)
                    or rules["steps_counted"].match(text, start) or rules["programme_named"].match(text, start)):
        return None
    if chinese and len(token) > 1 and rx(r"[0-9０-９.．]").match(text[start - 1:start]):
        return None  # 10.36百亿亿次/秒: the rest of a number whose unit was not read is no number of its own
    # a numeral word alone is the number and its last magnitude is the unit's: 超千亿元 → 1000 亿元,
    # 突破百万辆 → 100 万辆, 百亿次 → 100 亿次, 突破万亿元 → 1 万亿元
    magnitude = 2 if token.endswith("万亿") else 1
    # (近亿人次 → 1 亿人次; but the 万 of 15万吨 belongs to the number before it)
    glued = len(token) == 1 and rx(r"[0-9０-９.一二两三四五六七八九十百千 ]").match(text[start - 1:start])
    split = chinese and not glued and token[-1] in "万亿" and _read_unit(text, m.end() - magnitude) is not None \
        and (_read_unit(text, m.end()) is not None  # 三千亿度, 十六亿多土方: a unit read only after its magnitude
             or text.startswith(rules["prefixed_only"], m.end() + (text[m.end():m.end() + 1] in ("多", "余")))
             or len(token) > magnitude and _counts_people(text, start, m.end()))  # 八亿农民, 人口一百二十万
    if split and len(token) == magnitude:
        value, m = 1.0, rx("").match(text, start)  # 万亿 alone: the whole word is the unit's magnitude
    elif split:
        m = NUMBER.match(text, start, m.end() - magnitude)
        token = m.group()
        value = _to_value(token)
        if value is None:
            return None
    if chinese and glued and token in ("万", "亿"):
        return None  # 年产15万吨: the magnitude is the number's before it, left out as it was, not a figure
    if chinese:
        # 七亿七千多万吨, 二十多万人, 十多斤: 多 before the unit (or its magnitude), as in 20多万人
        spoken_more = text[m.end():m.end() + 1] in ("多", "余") and (text[m.end() + 1:m.end() + 2] in ("万", "亿")
                                                                   or text.startswith(rules["chinese_units"], m.end() + 1))
        if not split and not spoken_more and not text.startswith(rules["chinese_units"], m.end()) \
                and not _chinese_range_opens(text, m.end()):
            return None
        if len(token) == 1 and token != "两" and text.startswith(rules["named_by_one_numeral"], m.end()):
            return None  # 中电科二所, 海南岛八所: an institute or a place named by its number
        if value == 1 and not split and not text.startswith(rules["one_units"], m.end()):
            return None  # 一 alone is an article (一个重要方向), not a count; 一周, 一天 are durations
    unit_info = _read_unit(text, m.end())
    value_max = None
    # a range whose first number has no unit of its own: 2—4家, 3至5个
    if unit_info is None:
        dash = rules["range_dash"].match(text, m.end())
        second = NUMBER.match(text, dash.end()) if dash else None
        if not second or not second.group()[0].isdigit() == token[0].isdigit():
            return None
        second = _kilo_backtracked(text, second) if chinese else second
        value_max = _to_value(second.group())
        unit_info = _read_unit(text, second.end())
        magnitude = token[-1] if chinese and token[-1] in "万亿" and second.group()[-1] == token[-1] else ""
        if magnitude and len(token) > 1 and len(second.group()) > 1:
            # 二百八十万到三百万千瓦: the magnitude both numbers end on is the unit's, 280—300 万千瓦
            in_unit = _read_unit(text, second.end() - 1)
            if in_unit and in_unit[1].startswith(magnitude) and in_unit[1] in rules["simple"]:
                value, value_max, unit_info = _to_value(token[:-1]), _to_value(second.group()[:-1]), in_unit
        if unit_info is None or value_max is None:
            return None
    um, unit, kind, factor, base, approx = unit_info
    end = um.end()
    if chinese and unit.startswith("万") and "亿" in token[:-1]:
        value = _in_wan(token) or value  # 六亿二千万吨: the 万 of the unit is the last section's, 62000 万吨
    if unit.startswith("千") and rules["simple"].get(unit[1:], (None, None))[1] == 1.0 \
            and unit not in rules["base_units"]:  # 5千多户, 3千公里: 千 is the number's (5000 户), but 千瓦 a unit
        value, value_max, unit, factor = value * 1000, value_max and value_max * 1000, unit[1:], 1.0
    elif not chinese and unit[:1] in _TENS and unit[1:2] in ("万", "亿") and unit[1:] in rules["simple"]:
        # 超8千亿元, 5千万元: the unit keeps the last magnitude, 千 and 百 are the number's (8000 亿元)
        times = _TENS[unit[0]]
        value, value_max, unit, factor = value * times, value_max and value_max * times, unit[1:], factor / times
    bare = um.group("unit") if um.group("unit") in _rules()["magnitudes"] and not um.group("per") else None
    if bare:  # 1409万、1305万人次: a bare magnitude shares its list's unit
        counted = _shared_unit(text, end, bare) or _counted_after(text, end, bare) or _counted_before(text, start, bare)
        if counted is None and um.re is _magnitude_more():
            return None  # 1亿多 that counts no people named: no figure we can give a unit
        unit, kind, factor, base = counted or (unit, kind, factor, base)
    if kind == "count" and token[0].isdigit() and len(token) == 4 and text.startswith("年", m.end()):
        return None
    if _framing(text, m.end(), end, chinese) or _in_name(text, start, end, kind) \
            or kind == "count" and _set_by_plan(text, start, end):
        return None
    if kind == "age" and rules["age_bracket_after_re"].match(text, end):
        return None
    if kind in rules["unit_context"] and not rules["unit_context"][kind].search(text, max(0, start - 24), start) \
            and not (kind in rules["unit_context_after"] and rules["unit_context_after"][kind].match(text, end)):
        return None  # 1080P is a picture's lines, not computing power: P counts only where 算力 is spoken of
    # a range whose first number carries the unit too: 4.5%—5%
    if value_max is None:
        dash = rules["range_dash"].match(text, end)
        second = NUMBER.match(text, dash.end()) if dash else None
        if second and second.group()[0].isdigit() == token[0].isdigit():
            second_unit = _read_unit(text, second.end())
            if second_unit and second_unit[1] == unit:
                value_max = _to_value(second.group())
                um = second_unit[0]
                end = um.end()
                approx = second_unit[5] or approx
    half = value_max is None and rules["half_after_unit"].match(text, end)
    if half:
        value, end = value + 0.5, half.end()
    q_start = start
    bound = rules["approx_bound"].search(text, max(0, start - rules["approx_bound_reach"]), start) \
        if rules["approx_bound"] else None
    lead = rules["approx_before"].search(text, max(0, start - rules["approx_reach"]), start) \
        if rules["approx_before"] and not bound else None
    if bound:
        approx = approx or rules["approx"]["bound_before"][bound.group()]
    if lead and any(text.startswith(w, lead.end() - len(w)) for w in rules["approx"]["before_not_in"]):
        lead = None  # 签约20个亿: the 约 of a word
    if lead:
        approx = approx or rules["approx"]["before"][lead.group()]
        q_start = lead.start()
    elif token[0] in "百千万亿" and text[start - 1:start] in rules["approx"].get("before_magnitude", {}):
        approx, q_start = approx or rules["approx"]["before_magnitude"][text[start - 1]], start - 1
    sign = _sign(text, q_start)
    if q_start == start and not chinese and _minus_before(text, start):
        sign, q_start = -1, start - 1
    value *= sign
    if value_max is not None:
        value_max *= sign
        approx = "range"
    base_value, base_unit = _base(value, factor, base, kind)
    return Quantity(start=q_start, end=end, value=value, unit=unit, kind=kind, approx=approx or "exact",
                    value_max=value_max, base_value=base_value, base_unit=base_unit, number_start=start)


def _ranks(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    rules = _rules()
    out = []
    for m in RANK.finditer(text):
        if _inside(m.start(), regions):
            continue
        moved = _rank_moved(text, m.end())
        listed = bool(out) and _rank_listed_after(text, out[-1], m.start())
        after_field = text.startswith(rules["rank_position"], m.end()) \
            and text.endswith(rules["rank_position_after"], 0, m.start())
        if text.startswith(rules["rank_not"], m.end()) and not (
                text.startswith(rules["rank_position"], m.end()) and (after_field or moved or listed)):
            continue  # 第一张, 第一方阵; but 居全国第5位 is a rank
        reach = rules["rank_window_after_field" if after_field else "rank_window"]
        window = text[max(0, m.start() - reach):m.start()]
        cut = last_of("，。；：\n", window)
        if not (moved or listed or any(cue in window[cut + 1:] for cue in rules["rank_cues"])):
            continue
        n = m.group("n") or "一"  # 居全国首位: first
        value = float(n) if n.isdigit() else parse_chinese_number(n)
        if value is None or any(q.start <= m.start() < q.end for q in found):
            continue
        out.append(Quantity(start=m.start(), end=m.end(), value=value, unit="名", kind="rank",
                            base_value=value, base_unit="名", number_start=m.start(), is_rank=True))
        shared = SHARED_RANK.match(text, m.end()) if not m.group("first") else None
        value = shared and (float(shared.group("n")) if shared.group("n").isdigit()
                            else parse_chinese_number(shared.group("n")))
        if value:  # 分列第二、三位: the next position takes this one's 第
            out.append(Quantity(start=shared.start("n"), end=shared.end("n"), value=value, unit="名", kind="rank",
                                base_value=value, base_unit="名", number_start=shared.start("n"), is_rank=True))
    return out


def _rank_moved(text: str, end: int) -> bool:
    """进出口总额从第13位升至第9位: a position that moves to another (a rank move after its 位) is a rank."""
    return text.startswith(_rules()["rank_position"], end) \
        and text.startswith(_rules()["rank_moves_after"], end + 1)  # (a position's word is one character)


def _rank_listed_after(text: str, rank: Quantity, start: int) -> bool:
    """汽车、新能源汽车产量从全国第8位、第4位双双跃居第1位: a position listed right after a rank is one too, and so
    is one in another field (居全省开发区第9位、临汾市第1位)."""
    between = text[rank.end:start]
    between = between[1:] if between.startswith(_rules()["rank_position"]) else between
    if between in ("、", "和"):
        return True
    # 居全省开发区第9位、临汾市第1位: another field named before the next position
    field = between[1:] if between[:1] in ("、", "和") else ""
    places = gazetteer.mentions(field) if field else []
    return bool(places) and places[0][0] == 0 and places[-1][1] == len(field) \
        or field in _rules()["rank_fields"]


def _top_ranks(text: str, regions) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """居全国前六, 稳居全国前十强: within the top N, a rank of value N and approx under; and the spans of the
    top-N bounds that head a list of those in it (增速排名前三位的依次为…), and of bottom-N bounds (排名后五位),
    which are no figures at all."""
    rules = _rules()
    out, headings = [], []
    for m in rules["rank_top"].finditer(text):
        if _inside(m.start(), regions) or not text.endswith(rules["rank_top_after"], 0, m.start()):
            continue
        if rules["rank_top_opens_list"].match(text, m.end()):
            headings.append((m.start(), m.end() + 1))  # (前三位: the 位 too)
            continue
        value = float(m.group("n")) if m.group("n").isdigit() else parse_chinese_number(m.group("n"))
        if value:
            out.append(Quantity(start=m.start(), end=m.end(), value=value, unit="名", kind="rank", approx="under",
                                base_value=value, base_unit="名", number_start=m.start(), is_rank=True))
    headings += [m.span() for m in rules["rank_bottom"].finditer(text)
                 if text.endswith(rules["rank_top_after"], 0, m.start())]
    return out, headings


def _fractions(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """占全国1/3以上, 占全国增量的1/4: a fraction is a share where 占 opens its clause; right after a verb of
    change (内设机构减少1/4) it is the change's rate, as a fraction said in words is. Its unit is 分数, its
    value the fraction as a number."""
    rules = _rules()
    out = []
    for m in FRACTION.finditer(text):
        clause = rx(r"[，。；：、\n]").split(text[max(0, m.start() - rules["fraction_window"]):m.start()])[-1]
        changed = text.endswith(rules["fraction_verbs"], 0, m.start())
        if _inside(m.start(), regions) or not ("占" in clause or changed or _of_a_set(text, m.end())) \
                or any(q.start <= m.start() < q.end for q in found):
            continue
        value = int(m.group("a")) / int(m.group("b")) * (_sign(text, m.start()) if changed else 1)
        approx = rules["approx"]["after"].get(m.group("after") or "", "exact")
        out.append(Quantity(start=m.start(), end=m.end(), value=value, unit="分数", kind="fraction",
                            approx=approx, base_value=value, base_unit="分数", number_start=m.start()))
    return out + _spoken_fractions(text, regions, found)


def _of_a_set(text: str, end: int) -> bool:
    """四分之一的合作社: a fraction right before 的 and a noun is the share of that set."""
    return _rules()["fraction_of_set"].match(text, end) is not None


def _spoken_fractions(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """外商投资限制性条目减少一半, 专项转移支付项目减少三分之一: a fraction said in words after a verb of
    change is the change's rate (negative after a verb of cutting); after 占 it is a share."""
    rules = _rules()
    out = []
    for m in SPOKEN_FRACTION.finditer(text):
        if _inside(m.start(), regions) or any(q.start <= m.start() < q.end for q in found):
            continue
        lead = rules["approx_before"].search(text, max(0, m.start() - rules["approx_reach"]), m.start()) \
            if rules["approx_before"] else None
        changed = text.endswith(rules["fraction_verbs"], 0, lead.start() if lead else m.start())
        shared = text.endswith(rules["fraction_share_words"], 0, lead.start() if lead else m.start())
        if not (changed or shared) and "占" not in text[max(0, m.start() - 12):m.start()] and not _of_a_set(text, m.end()):
            continue
        value = 0.5 if m.group("half") else parse_chinese_number(m.group("a")) / parse_chinese_number(m.group("b"))
        approx = rules["approx"]["after"].get(m.group("after") or "") \
            or (rules["approx"]["before"].get(lead.group()) if lead else None) or "exact"
        value *= _sign(text, m.start()) if changed else 1  # a share (占全国近一半) has no sign
        start = lead.start() if lead else m.start()
        out.append(Quantity(start=start, end=m.end(), value=value, unit="分数", kind="fraction", approx=approx,
                            base_value=value, base_unit="分数", number_start=m.start()))
    return out


def _streaks(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """连续8年全国第一: the streak's length is a fact (kind streak) when its clause says what standing held,
    or what was done over it (连续四年赴香港发行地方政府债券) unless it only dates a figure after it; a 个月
    streak already read as a duration becomes a streak."""
    out = list(found)
    rules = _rules()
    for m in rules["streak"].finditer(text):
        if _inside(m.start(), regions) or not rules["streak_state"].match(text, m.end()) \
                and rules["streak_dates"].match(text, m.end()):
            continue  # 连续三年发放消费券，直接带动消费19.99亿元: the streak only dates the figure after it
        n = m.group("n")
        value = float(n) if n.isdigit() else parse_chinese_number(n)
        unit = m.group("unit")
        out = [q for q in out if not (q.start <= m.start("n") < q.end)]
        out.append(Quantity(start=m.start("n"), end=m.end(), value=value, unit=unit, kind="streak",
                            base_value=value, base_unit=unit, number_start=m.start("n")))
    return out


def _ratios(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """城乡居民收入比值由3.27缩小至2.93: the bare numbers of a ratio's clause, each a ratio (kind times, unit 倍)."""
    return _clause_figures(text, regions, found, "ratio", "times", "倍")


def _years_named(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """平均受教育年限从13.5年提高到14年: the years of a clause that names a term (kind duration_year, unit 年)."""
    return _clause_figures(text, regions, found, "years", "duration_year", "年")


def _clause_figures(text: str, regions, found: list[Quantity], rule: str, kind: str, unit: str) -> list[Quantity]:
    """The figures (rule `<rule>_figure`) of the clause after a name (rule `<rule>_name`, group `clause`), each of
    `kind` in `unit`; a figure may run on past the clause's reach, not start after it."""
    rules = _rules()
    out = []
    for m in rules[rule + "_name"].finditer(text):
        if _inside(m.start(), regions):
            continue
        for n in rules[rule + "_figure"].finditer(text, m.start("clause"), m.end("clause") + 8):
            if n.start() >= m.end("clause") or any(q.start <= n.start() < q.end for q in found + out):
                continue
            value = float(n.group("n")) if n.group("n")[0].isdigit() else parse_chinese_number(n.group("n"))
            approx = rules["approx"]["after"].get(n.groupdict().get("after") or "", "exact")
            out.append(Quantity(start=n.start(), end=n.end(), value=value, unit=unit, kind=kind, approx=approx,
                                base_value=value, base_unit=unit, number_start=n.start()))
    return out


def _verb_counts(text: str, regions, found: list[Quantity], rule: str, kind: str, unit: str,
                 not_after: Pattern | None = None) -> list[Quantity]:
    """Figures a verb counts in a unit of its own (翻两番, 再延长30年): value N, unit `unit`, kind `kind`."""
    out = []
    for m in _rules()[rule].finditer(text):
        if _inside(m.start(), regions) or any(q.start <= m.start("n") < q.end for q in found) \
                or not_after is not None and not_after.match(text[m.end():m.end() + 8]):
            continue
        n = m.group("n")
        value = float(n) if n.isdigit() else parse_chinese_number(n)
        out.append(Quantity(start=m.start("n"), end=m.end(), value=value, unit=unit, kind=kind,
                            base_value=value, base_unit=unit, number_start=m.start("n")))
    return out


def _shared_units(text: str, regions, found: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """分别提高20.9、36.2、54个百分点: the bare numbers listed before a figure, after a 分别, each in its unit;
    and the counts read before where an item kept the unit's 个 (14.2个和9.8个百分点), which they replace."""
    item, respectively, reach, measure = _rules()["shared_unit"]
    out, restated = [], []
    for q in found:
        if q.value_max is not None or not text[q.number_start:q.number_start + 1].isdigit() \
                or text[max(0, q.number_start - 4):q.number_start].rstrip()[-1:] not in ("、", "和", "及", "与"):
            continue  # (the cheap test first: most figures follow no list's joint)
        items, pos = [], q.number_start
        while (m := item.search(text, max(0, pos - reach), pos)) is not None \
                and (not m.group("measure") or q.unit == measure):
            items.append(m)
            pos = m.start()
        counts = [o for o in found if o.unit == "个" and any(o.start == m.start("n") and m.group("measure") for m in items)]
        # (each item keeping the unit's 个, 低于全省平均水平25.9个和22.5个百分点, says the list without a 分别)
        if not items or _inside(pos, regions) or any(o.start <= pos < o.end for o in found if o not in counts) \
                or not (respectively.search(text, max(0, pos - 24), pos) or len(counts) == len(items)):
            continue
        restated += counts
        factor = q.base_value / q.value if q.value and q.base_value is not None else None
        for m in reversed(items):
            value = float(m.group("n").replace("．", ".")) * _sign(text, m.start("n"))  # (then along the list)
            out.append(Quantity(start=m.start("n"), end=m.end("measure") if m.group("measure") else m.end("n"),
                                value=value, unit=q.unit, kind=q.kind,
                                base_value=round(value * factor, 6) if factor is not None else None,
                                base_unit=q.base_unit, number_start=m.start("n")))
    return out, restated


def _doublings(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """经济总量实现翻一番, 翻两番: N doublings, a growth (kind doubling, unit 番)."""
    return _verb_counts(text, regions, found, "doubling", "doubling", "番", _rules()["doubling_goal"])


def _extensions(text: str, regions, found: list[Quantity]) -> list[Quantity]:
    """土地承包到期后再延长30年: a term extended by N years, a change (kind extension, unit 年)."""
    return _verb_counts(text, regions, found, "extension", "extension", "年")


def annotate(doc: Document) -> Document:
    doc.quantities = find_quantities(doc.text)
    return doc
