"""Stage 4 — subjects: whom each figure is about.

The article's own subject comes from its title, its source line (供稿：朔州市商务局 → the city's zones)
or its first sentence. In a figure's clause, a place named before it takes over (其中，大同经开区…);
我区/该区 resolve to the article's zone, 全市/该市 to its city (or the city's zones when 开发区 follows),
全省 to the province; a project that owns a figure (总投资40亿元的…项目) is the subject of that figure.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from .. import gazetteer, patterns
from ..document import Article, Document
from ..rx import Match, Pattern, last_of, longest_of, rx
from .metrics import tagged
from .quantities import whole_number


@dataclass(frozen=True)
class Subject:
    name: str
    type: str          # zone | city_zones | city | province_zones | province | project | company | county | country
    city: str | None = None


@functools.cache
def _rules():
    spec = patterns.load("subjects")
    return {
        **spec,
        "zone_name_re": rx(spec["zone_name"]),
        "not_a_name": tuple(spec["zone_self"] + spec["city_self"] + spec["province_self"] + spec["not_a_name_prefixes"]),
        "project_after_re": rx(spec["project_after"]),
        "joint_anaphor_re": rx(spec["joint_anaphor"]),
        "benchmark_after_re": rx(spec["benchmark_after"]),
        "means_after_re": rx(spec["means_after"]),
        "slogan_re": rx(spec["slogan"]),
        "editor_note_re": rx(spec["editor_note"]),
        "zones_part_re": rx(spec["zones_part"]),
        "city_zones_after_re": rx(spec["city_zones_after"]),
        "anaphor_zone_re": rx(spec["anaphor_zone"]),
        "short_name_bracket_re": rx(spec["short_name_bracket"]),
        "zone_qualifier_bracket_re": rx(spec["zone_qualifier_bracket"]),
        "seat_re": rx(spec["seat_words"]),
        "project_before_re": rx(spec["project_before"]),
        "project_named_re": rx(spec["project_named"]),
        "project_category_re": rx(spec["project_category_only"]),
        "project_count_re": rx(spec["project_count"]),
        "county_count_re": rx(spec["county_count"]),
        "counties_counted_re": rx(r"\d\s*个?" + spec["county_count"]),
        "city_actor_re": rx(spec["city_actor"]),
        "by_city_re": rx(spec["by_city"]),
        "example_of_set_re": rx(spec["example_of_set"]),
        "rank_field_gap_re": rx(spec["rank_field_gap"]),
        "field_of_rank_after_re": rx(spec["field_of_rank_after"]),
        "rank_arena_before": tuple(spec["rank_arena_before"]),
        "rank_move_units": tuple(spec["rank_move_units"]),
        "group_joint_re": rx(spec["group_joint"]),
        "group_tail_re": rx(spec["group_tail"]),
        "counted_places_re": rx(spec["counted_places"]),
        "bracket_signed_re": rx(r"[（(](?:下降|增长|降低|回落|减少)\s*$"),
        "project_carry_re": rx(spec["project_carry_opening"]),
        "zones_counted_after_re": rx(spec["zones_counted_after"]),
        "remainder_zones_re": rx(spec["remainder_zones"]),
        "some_zones_re": rx(spec["some_zones"]),
        "zone_class_re": rx(spec["zone_class"]),
        "list_lead_in_re": rx("(?:" + patterns.load("aspects")["list_lead_in"] + ")$"),
        "venue_after_re": rx(spec["venue_after"]),
        "data_office_after_re": rx(spec["data_office_after"]),
        "item_heading_re": rx(spec["item_heading"]),
        "entity_re": rx(spec["entity"]["opens_after"] + "(?:" + spec["entity"]["group"].replace("?P<name>", "?P<group>")
                                   + "|(?![" + spec["entity"]["not_first"] + "])" + spec["entity"]["proper"] + ")"),
        "placeless_group_re": rx(spec["entity"]["placeless_group"]),
        "body_continues_re": rx(spec["entity"]["continues"]),
        "body_opens_re": rx(spec["entity"]["opens_sentence"]),
        "judged_re": rx(spec["entity"]["judged"]),
        "home_zone_re": rx(spec["home_zone"]["pattern"]),
        "entity_heads_re": rx(spec["entity"]["heads"]),
        "entity_verb_openers": frozenset(spec["entity"]["verb_openers"]),
        "city_fields_re": rx(spec["city_fields"]),
        "region_topic_lead_re": rx(spec["region_topic"]["lead"]),
        "company_re": rx(spec["company"]["pattern"]),
        "region_listed_re": rx(spec["region_topic"]["listed_after"]),
        "self_standard_re": rx(spec["self_standard"]),
        "self_re": rx(longest_of(
            spec["zone_self"] + spec["city_self"] + spec["province_self"] + spec["province_actors"])),
    }


def _leading_verbs(name: str) -> str:
    """制定修改 / 浦东新区: verbs (as jieba tags them) before a place that opens the zone's name; or before the
    bare zone word, which then names no zone at all (强化 / 高新区和高等院校“双高协同”)."""
    words = tagged(name)  # jieba, with the gazetteer and the taxonomy in its dictionary
    k = next((i for i, (_, flag) in enumerate(words) if not flag.startswith("v")), 0)
    bare = 0 < k and "".join(w for w, _ in words[k:]) in _rules()["zone_suffixes"]
    return "".join(w for w, _ in words[:k]) if 0 < k and (words[k][1] == "ns" or bare) else ""


def _plausible_zone_name(name: str) -> bool:
    """A zone's name is a place plus a zone word; its place part holds no function words."""
    rules = _rules()
    prefix = rx("(" + "|".join(rules["zone_suffixes"]) + ")$").sub("", name)
    return (len(prefix) >= 2 and not name.startswith(rules["not_a_name"])
            and not any(ch in rules["zone_prefix_stop_chars"] for ch in prefix)
            and not rules["some_zones_re"].fullmatch(name))  # 近三成开发区: some of the report's zones


def _zone_name(m: Match) -> tuple[int, int, str] | None:
    """The zone a `zone_name` match names, where it is one: its span and name without the verb before it
    (设立浦东新区自然科学基金: the verb is no part of the zone's name)."""
    name = m.group("name")
    verb = next((v for v in _rules()["zone_name_verbs"] if name.startswith(v)), "") or _leading_verbs(name)
    name = name[len(verb):]
    return (m.start("name") + len(verb), m.end("name"), name) if _plausible_zone_name(name) else None


def _city_subject(city: str, zones: bool) -> Subject:
    return Subject(f"{city}开发区", "city_zones", city) if zones else Subject(city, "city", city)


def _province_subject(zones: bool, name: str) -> Subject:
    if name == gazetteer.country_name():
        return Subject(name, "country")  # a national report's home is the country (its zones have no column)
    return Subject(f"{name}开发区", "province_zones") if zones else Subject(name, "province")


def _place_subject(place: gazetteer.Place, zones: bool) -> Subject:
    if place.type == "zone":
        return Subject(place.name, "zone", place.city)
    if place.type == "city":
        return _city_subject(place.name, zones)
    if place.type == "province":
        return _province_subject(zones, place.name)
    return Subject(place.name, "county", place.city)


def _zones_follow(text: str, end: int) -> bool:
    rules = _rules()
    window = text[end:end + rules["zones_window"]]
    cut = next((i for i, ch in enumerate(window) if ch in "，。；：、"), len(window))
    return rules["zones_word"] in window[:cut]


def article_subject(article: Article, text: str, home: str) -> Subject:
    """The article's own subject: title, then source line, then the first sentence; with no place
    named, the document's home region (a provincial report speaks for its province)."""
    rules = _rules()
    body = text[article.start:min(article.end, article.start + 120)]
    body = body[:body.find("。") + 1 or len(body)]  # only the first sentence speaks for the article
    report = article.kind == "report"
    for candidate in (article.title, article.source, body):
        if not candidate:
            continue
        for start, end, place in _places_in(candidate):
            if candidate is body and _listed(candidate, start, end):
                continue  # 南昌、赣江新区、九江三地联席会议: one of listed places is not the article's topic
            if candidate[start - 1:start] == "在" and rules["venue_after_re"].match(candidate, end):
                continue  # 全省开发区…推进会在运城召开: the place of a meeting
            unlisted = _unlisted_zone_at(candidate, start, end, place)
            if unlisted:
                return Subject(unlisted, "zone")  # 长治经开区召开…: a zone the gazetteer lacks, not the city's zones
            # (…and a news item whose first sentence names the city and, later, its zones is theirs: 大同市二季度“三个
            # 一批”活动主会场设在大同经开区，全市8个开发区全部参加)
            zones = report or _zones_follow(candidate, end) or candidate is not body \
                or rules["city_zones_after_re"].search(candidate, end) is not None
            if place.type == "city" and candidate is article.source and "商务局" in candidate:
                zones = True
            if candidate is article.title and place.type == "zone" and _bare_city_zones(candidate[start:end], place):
                opened = _city_zones_opening(body, place.city)
                if opened:
                    return opened  # 运城开发区外贸逆势增长 / 今年1—9月，运城市开发区完成…: the city's zones
            return _place_subject(place, zones and place.type != "zone")
        found = rules["zone_name_re"].search(candidate)
        named = _zone_name(found) if found else None
        if named and not (candidate is body and _listed(candidate, named[0], named[1])):
            return Subject(named[2], "zone")
    # no place named: a provincial department's item on the zones, or one on 全省开发区, is about the province's zones
    # (said in its first sentence, or its second after an editor's note that names nothing: 编者按：项目是经济发展的
    # “生命线”。二季度以来，全省开发区以…)
    if rules["editor_note_re"].match(body):
        rest = text[article.start + len(body):min(article.end, article.start + len(body) + 120)]
        body += rest[:rest.find("。") + 1 or len(rest)]
    for candidate in (article.title, body):
        if candidate and any(actor in candidate for actor in rules["province_actors"] + rules["province_self"]) \
                and rules["zones_word"] in candidate:
            return _province_subject(True, home)
    return _province_subject(False, home)


def _bare_city_zones(said: str, zone: gazetteer.Place) -> bool:
    """运城开发区: a zone's alias that is its city's name and the bare zones' word, which may as well be the city's
    zones."""
    city = zone.city or ""
    return said in (city + _rules()["zones_word"], city.removesuffix("市") + _rules()["zones_word"])


def _city_zones_opening(body: str, city: str | None) -> Subject | None:
    """The city's zones, where the article's first sentence names them first (运城市开发区完成进出口总额…)."""
    first = next(iter(_places_in(body)), None)
    if not first or first[2].type != "city" or first[2].name != city or not _zones_follow(body, first[1]):
        return None
    return _city_subject(city, zones=True)


def _unlisted_zone_at(text: str, start: int, end: int, place: gazetteer.Place) -> str | None:
    """The name of one zone that a city or county the gazetteer knows opens (长治经开区, 孝义高新区)."""
    found = _rules()["zone_name_re"].match(text, start) if place.type in ("city", "county") else None
    return found.group("name") if found and _one_zone_after_place(found.group("name")[end - start:]) else None


def _listed(text: str, start: int, end: int) -> bool:
    return text[end:end + 1] == "、" or text[start - 1:start] == "、"


def _mentions_before(text: str, start: int, end: int, home: str | None = None) -> list[tuple[int, int, str, object]]:
    """Places and self-references in text[start:end], in order; with `home`, the home region by its own
    name too (北京输出到津冀技术合同成交额…: Beijing's own figure, after a zone's clause)."""
    rules = _rules()
    segment = text[start:end]
    bodies = _bodies_in(segment, start)
    found = bodies + [(start + s, start + e, "place", p) for s, e, p in _places_in(segment)
                      if not any(a <= start + s < b for a, b, _, _ in bodies)]
    companies = _companies_in(segment, start, [(s, e) for s, e, _, _ in found])
    found += companies
    taken = [(s, e) for s, e, _, _ in found]
    if home == gazetteer.country_name():
        named = gazetteer.region_mentions(segment)
        regions = [(start + s, start + e, "place", p) for s, e, p in named
                   if not any(a <= start + s < b for a, b in taken) and not _splits_a_word(segment, s, e)
                   and _region_as_topic(segment, s, e)]
        if len({p.name for _, _, p in named}) >= rules["region_topic"]["listed_at"]:
            regions = []  # 湖北省的麻城、广济，浙江省的慈溪，甘肃省的敦煌…等五个县: a list, each region one of its items
        found += regions
        taken += [(s, e) for s, e, _, _ in regions]
    if home:
        for m in _home_names(home).finditer(segment):
            if not any(a <= start + m.start() < b for a, b in taken):
                found.append((start + m.start(), start + m.end(), "home", home))
    if home:
        zones = _home_zones_in(segment, start, home, taken)
        # (中国（安徽）自贸试验区: the region in its brackets is part of the zone's name)
        found = [f for f in found if not any(a <= f[0] < b for a, b, _, _ in zones)] + zones
    for m in rules["zone_name_re"].finditer(segment):
        unlisted = _unlisted_zone_of(found, start + m.start("name"), start + m.end("name"), m.group("name"))
        if unlisted:  # 长治经开区: a zone the gazetteer lacks, after the place it knows
            found.remove(unlisted)
            taken.remove(unlisted[:2])
        if any(a <= start + m.start("name") < b or start + m.start("name") <= a < start + m.end("name") for a, b in taken):
            continue  # a place the gazetteer knows
        # (a known place opens the name, whatever its characters: 晋中高新区)
        named = (m.start("name"), m.end("name"), m.group("name")) if unlisted else _zone_name(m)
        if not named:
            continue  # 全市开发区, 今年向各开发区: a reference, not a zone's name
        s, e = start + named[0], start + named[1]
        if not any(a <= s < b or s <= a < e for a, b in taken):
            found.append((s, e, "zone_name", named[2]))
    for m in rules["remainder_zones_re"].finditer(segment):
        found.append((start + m.start(), start + m.end(), "remainder", m.group()))
    for m in rules["some_zones_re"].finditer(segment):
        found.append((start + m.start(), start + m.end(), "some_zones", m.group()))
    if "级" in segment:
        for m in rules["zone_class_re"].finditer(segment):
            if not any(a <= start + m.start() < b for a, b in taken):
                found.append((start + m.start(), start + m.end(), "zone_class", m.group()))
    for m in rules["self_re"].finditer(segment):
        s, e = start + m.start(), start + m.end()
        if not any(a <= s < b for a, b in taken) and not rules["self_standard_re"].match(segment, m.end()):
            found.append((s, e, "self", m.group()))
    if rules["short_name_cue"] in segment:  # （以下简称大同高新区）: the zone before, named again, no other owner
        defined = [(start + m.start(), start + m.end()) for m in rules["short_name_bracket_re"].finditer(segment)]
        found = [f for f in found if not any(a <= f[0] < b for a, b in defined)]
    if "（" in segment or "(" in segment:
        found = _without_zone_qualifiers(segment, start, found, rules)
    if "“" in segment:  # (擦亮“晋城速度”品牌: a place's name inside a slogan or brand owns no figure)
        quoted = [(start + m.start(), start + m.end()) for m in rules["slogan_re"].finditer(segment)]
        found = [f for f in found if f[2] != "place" or not any(a < f[0] and f[1] < b and (f[0], f[1]) != (a + 1, b - 1)
                                                                 for a, b in quoted)]
    seats = {start + m.end() for m in rules["seat_re"].finditer(segment)}  # (one search, not one per mention)
    found = [f for f in found if f[0] not in seats] if seats else found
    return sorted(found, key=lambda f: f[0])


def _without_zone_qualifiers(segment: str, start: int, found: list, rules: dict) -> list:
    """山西综改示范区（太原区域）: the places in a bracket right after a zone's name qualify the zone (its part, its
    seat); they own nothing."""
    zone_ends = {e for _, e, kind, value in found
                 if kind == "zone_name" or kind == "place" and getattr(value, "type", None) == "zone"}
    brackets = [(start + m.start(), start + m.end()) for m in rules["zone_qualifier_bracket_re"].finditer(segment)
                if start + m.start() in zone_ends]
    return [f for f in found if not any(a <= f[0] < b for a, b in brackets)] if brackets else found


def _unlisted_zone_of(found: list, start: int, end: int, name: str):
    """The mention of a city or county (or a body) the zone name `name` (at start:end) opens with a word of one
    zone after it (长治 in 长治经开区), or a place's name of its own and that word (太原 in 太原武宿综保区), where the
    gazetteer lists no such zone; else None."""
    for f in found:
        s, e, kind, value = f
        if s == start and e < end and (kind == "place" and value.type in ("city", "county") or kind == "body") \
                and _one_zone_after_place(name[e - s:]):  # (运城空港 read as a body before 经开区)
            return f
    return None


def _one_zone_after_place(rest: str) -> bool:
    """经开区, 武宿综保区: the words after a city's name in a zone's name make one zone (not 市开发区, the city's)."""
    rules = _rules()
    word = next((w for w in rules["one_zone_words"] if rest.endswith(w)), None)
    own = rest[:-len(word)] if word else ""
    stops = rules["zone_prefix_stop_chars"] + rules["whole_name_ends"]
    return word is not None and (not own or len(own) <= 4 and not any(c in stops for c in own))


def mentions_between(text: str, start: int, end: int, home: str | None) -> list[tuple[int, int, str, object]]:
    """The places, zones and self-references named in text[start:end] (for the metrics stage: a figure said only
    of other subjects)."""
    return _mentions_before(text, start, end, home)


@functools.lru_cache(maxsize=64)
def _sentence_mentions(text: str, start: int, end: int, home: str | None) -> list[tuple[int, int, str, object]]:
    """A sentence's mentions, found once for all its figures: those ending before a figure are the ones it
    may take (no name spans a figure's digits, so the sentence's list cut at the figure is what a search of
    the words before the figure finds)."""
    return _mentions_before(text, start, end, home)


def _companies_in(segment: str, start: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Enterprises named by their proper names where they open a clause (例如本溪钢铁公司…, 拿北京京西矿务局来说,
    武昌车辆厂一九五七年…): a place or an ordinal before the works' word, as jieba reads it (水泥厂, 有些厂, 这个公司
    are common nouns, and name no one)."""
    rules = _rules()
    if not rules["company_re"].search(segment):
        return []
    found = []
    for m in rules["company_re"].finditer(segment):
        s, e = start + m.start("name"), start + m.end("name")
        if any(a <= s < b or s <= a < e for a, b in taken):
            continue
        if _names_an_enterprise(m.group("name")) and not segment.startswith("、", m.end("name")):
            found.append((s, e, "company", m.group("name")))
    return found


def _names_an_enterprise(name: str) -> bool:
    """A place or an ordinal, then the works' nouns: 鞍山钢铁公司, 第一汽车制造厂; not one word (上市公司), and
    nothing that describes (第一机械工业部有些厂, 上海市的许多工厂, 吉林省有一个制糖厂)."""
    spec = _rules()["company"]
    words = tagged(name)
    if len(words) < 2 or any(flag[:1] in spec["describing_flags"] for _, flag in words[1:]):
        return False
    first, flag = words[0]
    return first.startswith("第") or len(first) >= 2 and flag in spec["proper_flags"]


def _region_as_topic(segment: str, start: int, end: int) -> bool:
    """A region that opens its clause, alone, is the topic its clause's figures are about (，四川省由千分之二十九
    降到…; 据四川省试点的84个地方企业的统计; 今年上海市纺织工业…); one of a list (在广东、福建两省的深圳…,
    推广上海等自贸试验区) or named inside a clause (相当于解放前北京市的全部房屋面积) is not."""
    rules = _rules()
    lead = segment[last_of(rules["region_topic"]["clause_marks"], segment, 0, start) + 1:start]
    # (a region after 、 or 和 has the list's first item in its lead, so the lead test turns it away)
    return rules["region_topic_lead_re"].fullmatch(lead) is not None and not rules["region_listed_re"].match(segment, end)


def _home_zones_in(segment: str, start: int, home: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """中国（安徽）自贸试验区, and a bare 自贸试验区 in the home region's report: the region's own zone."""
    rules = _rules()
    if not any(word in segment for word in rules["home_zone"]["needs"]):
        return []
    short = gazetteer.region_names(home)[-1]
    found = []
    for m in rules["home_zone_re"].finditer(segment):
        s, e = start + m.start(), start + m.end()
        if any(a <= s < b or s <= a < e for a, b in taken):
            continue
        if not m.group("region") and any(gazetteer.region_name(segment[max(0, m.start() - k):m.start()])
                                         for k in range(2, 9)):
            continue  # 上海自贸试验区: the region named before it says whose
        name = rules["home_zone"]["name"].format(region=m.group("region") or short)
        found.append((s, e, "home_zone", name))
    return found


def _bodies_in(segment: str, start: int) -> list[tuple[int, int, str, str]]:
    """Named bodies (ports, airports, fairs, funds, a province's enterprises) that open a clause of the segment."""
    if not _rules()["entity_heads_re"].search(segment):
        return []
    found = []
    for m in _rules()["entity_re"].finditer(segment):
        group = m.group("group")
        name = (group or m.group("name")).replace("“", "").replace("”", "")
        if not group and _opens_on_a_verb(name):
            continue  # 有力保障朔州机场通航, 结合云冈机场…: a verb's object, not the clause's subject
        span = m.span("group") if group else m.span("name")
        found.append((start + span[0], start + span[1], "body", name))
    return found


def _body_reaches(text: str, floor: int, start: int, end: int, at: int, opener_reaches: bool = True) -> bool:
    """Whether a body named at text[start:end] still speaks for a figure at `at`. A body that opens its
    sentence (after a year or 其中 at most) is the sentence's topic, up to a ；. One named later speaks for
    its own clause, and for the clauses after it that only go on with its figures."""
    between = text[end:at]
    if rx(r"[；;。]").search(between):
        return False
    if opener_reaches and _rules()["body_opens_re"].fullmatch(text, floor, start):
        return True
    cont = _rules()["body_continues_re"]
    return all(cont.match(text, end + m.end()) for m in rx(r"[，,]").finditer(between))


def _judged(text: str, end: int, at: int) -> bool:
    """Whether the clause after a place named at text[..end] closes, before the figure at `at`, on a judgement
    of the place with no figure of its own (滨海新区开发开放龙头作用更加突出，…)."""
    close = rx(r"[，,；;]").search(text, end, at)
    if not close:
        return False
    clause = text[end:close.start()]
    return not rx(r"[0-9０-９]").search(clause) and bool(_rules()["judged_re"].search(clause))


def _opens_on_a_verb(name: str) -> bool:
    """结合云冈机场: the would-be name starts with a verb (as jieba tags it) and has more after it; so does
    成功举办中非经贸博览会 after its adverb, and 投资建设运营…机场 on a verb jieba reads as a noun."""
    words = tagged(name)
    while len(words) > 1 and words[0][1] in ("a", "ad", "d"):
        words = words[1:]
    opener = _rules()["entity_verb_openers"]
    return len(words) > 1 and (words[0][1].startswith("v") or words[0][0] in opener)


@functools.cache
def _home_names(home: str) -> Pattern:
    return rx("|".join(regex.escape(n) for n in gazetteer.region_names(home)))


def _places_in(text: str) -> list[tuple[int, int, gazetteer.Place]]:
    office = _rules()["data_office_after_re"]
    return [(s, e, p) for s, e, p in gazetteer.mentions(text)
            if not _splits_a_word(text, s, e) and not office.match(text, e)]  # (太原海关: the source, not the subject)


def _splits_a_word(text: str, start: int, end: int) -> bool:
    """新晋中国工程院院士: a short place name (晋中) whose edge is half of a word commoner than any place
    name (中国) is not named there. A name ending in its own 市/区/县/省 stands whole (晋城市委), and so does one
    a zone word follows (晋中高新区)."""
    if text[end - 1] in _rules()["whole_name_ends"] or text.startswith(tuple(_rules()["one_zone_words"]), end):
        return False  # (晋中高新区: a zone word after the place, not the word 中高)
    from .metrics import PLACE_WEIGHT, _dictionary

    words = _dictionary()
    edges = (text[end - 1:end + 1], text[max(0, start - 1):start + 1])
    return any(len(edge) == 2 and words.get(edge, 0) > PLACE_WEIGHT for edge in edges)


def _resolve(kind: str, value, text: str, end: int, default: Subject | None, home: str,
             whole: bool = False) -> Subject | None:
    rules = _rules()
    zones = _zones_follow(text, end)
    if kind == "place":
        if value.type == "county":
            return None  # a county named in passing does not own a development zone's figure
        return _place_subject(value, zones)
    if kind in ("zone_name", "home_zone"):
        return Subject(value, "zone")
    if kind == "company":
        return Subject(value, "company")
    if kind == "body":
        placeless = rules["placeless_group_re"].match(value)
        return Subject(gazetteer.region_names(home)[0] + value if placeless and home else value, "other")
    if kind == "home":
        return _province_subject(zones, home)
    if kind == "remainder":  # 其他开发区: the zones of the report's city (or province) the list left over
        whole = default.name.removesuffix(rules["zones_word"]) if default and default.type in (
            "city_zones", "province_zones") else ""
        return Subject(whole + value, "other", default.city if default else None)
    if kind == "zone_class":  # 国家级开发区: the report's zones of that class
        zoned = default is not None and default.type in ("city_zones", "province_zones")
        whole = default.name.removesuffix(rules["zones_word"]) if zoned else (
            gazetteer.region_names(home)[0] if home else "")
        return Subject(whole + value, default.type if zoned else "province_zones", default.city if zoned else None)
    if kind == "some_zones":  # 个别开发区: some of the report's zones, unnamed
        return default if default and default.type in ("city_zones", "province_zones") else None
    if value in rules["zone_self"]:
        return default if default and default.type == "zone" else None
    if value in rules["city_self"]:
        city = default.city if default else None
        if city and default.type == "city_zones" and not whole:
            return default  # in a report on a city's zones, 全市 speaks of those zones
        if city:
            return _city_subject(city, zones)
        # a municipality's own report (重庆市, 上海市): 全市 is the home region itself
        return _province_subject(zones, home) if home and home.endswith(rules["municipality_end"]) else None
    if value in rules["province_actors"] and default and default.type == "province_zones":
        return default  # 下一步，省商务厅将…推动开发区…: in a report on the province's zones, the department acts for them
    if value in rules["province_self"] or value in rules["province_actors"]:
        return _province_subject(zones, home)
    return None


def project_owner(text: str, q, floor: int) -> Subject | None:
    """The project that owns a money figure (总投资40亿元的…项目), if one does."""
    return _project(text, q, floor)


def _project(text: str, q, floor: int) -> Subject | None:
    rules = _rules()
    before = text[max(floor, q.start - 6):q.start]
    if any(before.endswith(w) for w in rules["project_money_words"]):
        after = rules["project_after_re"].match(text, q.end)
        if after and names_one_project(after.group("name")):
            return Subject(_without_owner_or_zone(after.group("name")), "project")
        lead = rules["project_before_re"].search(text, max(floor, q.start - 60), q.start)
        if lead and names_one_project(_strip_mentions(lead.group("name"))):
            return Subject(_strip_mentions(lead.group("name")), "project")
    return None


def names_one_project(name: str) -> bool:
    rules = _rules()
    return not any(w in name for w in rules["project_not_words"]) and not rules["project_category_re"].match(name) \
        and not rules["project_count_re"].search(name)


def _strip_mentions(name: str) -> str:
    """特别是双雁生物医药产业园 → 双雁生物医药产业园: a project's name starts after the words before it, and after
    the size said of it (…6.5亿元的)."""
    for word in ("特别是", "其中", "如", "以及", "和", "及"):
        if word in name:
            name = name[name.rindex(word) + len(word):]
    sized = rx(r"^[^的]*\d[^的]*的").match(name)  # (投资6.5亿元的晋东南智慧物流园项目: its size, then its name)
    return _without_owner_or_zone(name[sized.end():] if sized and len(name) - sized.end() >= 4 else name)


def _without_owner_or_zone(name: str) -> str:
    """A project's name without who invests in it or the zone it stands in, said before it."""
    # (由深圳一家上市企业投资的年产5000吨…项目: who invests; 阳泉经济技术开发区（以下简称阳泉经开区）晋东算力港…项目:
    # the zone it is in, which is where, not what)
    owner = rx(r"^由[^的，。]{2,20}的").match(name)
    name = name[owner.end():] if owner and len(name) - owner.end() >= 4 else name
    places = gazetteer.mentions(name)
    if places and places[0][0] == 0 and _rules()["zone_name_re"].fullmatch(name[:places[0][1]]) is not None:
        rest = rx(r"^[（(]以下简称[^）)]{1,12}[）)]").sub("", name[places[0][1]:])
        name = rest if len(rest) >= 6 else name
    return name


def subject_of(doc: Document, q, article: Article | None, default: Subject | None) -> Subject | None:
    subject = _subject(doc, q, article, default)
    if subject and subject.type == "city_zones" and (
            _city_scope(q.metric) and not _zones_in_clause(doc, q)  # 全市社会消费品零售总额: the city's own figure
            or q.kind == "count" and _rules()["county_count_re"].match(doc.text, q.end)  # 14个县市区: no zone has counties
            or _counties_with(doc, q)  # 13个县市区和9个开发区新挂牌20个基地: the city's counties and zones
            or _city_actor_before(doc, q)  # 市招商部门拜访对接80余家企业: what the city's offices did
            or _city_field_item(doc, q, article)):  # 三是优化外贸环境…: an item on the city's commerce
        return _city_subject(subject.city, zones=False)
    return zones_by_city(doc, q, subject, default)


def zones_by_city(doc: Document, q, subject: Subject | None, default: Subject | None) -> Subject | None:
    """分市看，太原…: in a report on the province's zones, a city named in a paragraph that opens on a breakdown by
    city (see subjects.toml, by_city) is the city's zones (太原、长治 → 太原、长治开发区)."""
    if not (subject and subject.type == "city" and default and default.type == "province_zones"):
        return subject
    paragraph = doc.paragraph_at(q.start)
    if paragraph is None or not _rules()["by_city_re"].match(doc.text, paragraph.start):
        return subject
    if subject.name == subject.city:
        return _city_subject(subject.city, zones=True)
    return Subject(subject.name + _rules()["zones_word"], "city_zones", subject.city)


def _counties_with(doc: Document, q) -> bool:
    """A sentence whose actors include the city's counties (13个县市区和9个开发区…) sums the city, not its
    zones; a count of the zones themselves (9个开发区) stays theirs."""
    rules = _rules()
    floor = _sentence_floor(doc, q)
    if "县" not in doc.text[floor:q.start] or rules["zones_word"] in doc.text[q.end:q.end + 3]:
        return False  # no county named before it in its sentence, or a count of the zones themselves
    return rules["counties_counted_re"].search(doc.text, floor, q.start) is not None


def _city_actor_before(doc: Document, q) -> bool:
    return _rules()["city_actor_re"].search(doc.text, _sentence_floor(doc, q), q.start) is not None


def _city_field_item(doc: Document, q, article: Article | None) -> bool:
    """The numbered item the figure stands in is headed by a field of the city's commerce, not its zones."""
    rules = _rules()
    floor = article.start if article else max(0, q.start - 2000)
    starts, headings = _item_headings(doc.text)
    k = bisect.bisect_left(starts, q.start) - 1  # the last item that opens before the figure
    if k < 0 or starts[k] < floor:
        return False
    words = headings[k]
    return bool(rules["city_fields_re"].search(words)) and not any(w in words for w in rules["zone_item_words"])


@functools.lru_cache(maxsize=4)
def _item_headings(text: str) -> tuple[list[int], list[str]]:
    """Where each numbered item (一是…, （三）…) of a text opens, and its heading; read once per text."""
    found = [(m.start("heading"), m.group("heading")) for m in _rules()["item_heading_re"].finditer(text)]
    return [at for at, _ in found], [words for _, words in found]


def _sentence_floor(doc: Document, q) -> int:
    sentence = doc.sentence_at(q.start)
    return sentence.start if sentence else max(0, q.start - 80)


def _city_scope(metric: str | None) -> bool:
    """Metrics a city has as a whole, not its zones (patterns/metrics.toml `scope = "city"`)."""
    from .metrics import scope

    return scope(metric) == "city"


def _zones_in_clause(doc: Document, q) -> bool:
    return _rules()["zones_word"] in doc.text[_sentence_floor(doc, q):q.start]


def _project_in_focus(doc: Document, q, article: Article | None) -> Subject | None:
    """该项目…“项目自今年5月底…120余名施工人员…”: figures of a sentence that says 该项目, and of the
    quoted speech it opens, belong to the project the article named last before them."""
    if article is None:
        return None
    text, rules = doc.text, _rules()
    opened = text.rfind("“", article.start, q.start)
    anchor = opened if opened != -1 and text.find("”", opened, q.start) == -1 else q.start
    sentence = doc.sentence_at(anchor)
    floor = sentence.start if sentence else max(article.start, anchor - 80)
    this = text.rfind(rules["project_anaphor"], floor, anchor)
    if this == -1 or _mentions_before(text, this + len(rules["project_anaphor"]), q.start):
        return None  # (依托该项目，朔州经济开发区…已集聚上下游企业17家: the place named after it owns the figure)
    named = None
    for start, end, place in _places_in(text[article.start:this]):
        m = rules["project_named_re"].match(text, article.start + end)
        if m and place.type == "zone":
            named = m.group("name")
    return Subject(named, "project") if named else None


def _subject(doc: Document, q, article: Article | None, default: Subject | None) -> Subject | None:
    rules = _rules()
    text = doc.text
    sentence = doc.sentence_at(q.start)
    floor = sentence.start if sentence else 0
    project = _project(text, q, floor) or _project_in_focus(doc, q, article)
    if not project and q.kind.startswith("duration"):
        from .metrics import duration_project

        timed = duration_project(text, q, floor)
        project = Subject(_strip_mentions(timed), "project") if timed else None  # (总投资52亿元的…项目: its size goes)
    if project:
        return project
    # a figure in brackets right after a place's word and its measure: 高于全市增速（7.7%）, 高于全省规上工业增加值
    # 增速（6.2%）
    # (…its sign said inside the bracket: 高于全省（下降1.6%）)
    if (text[q.start - 1:q.start] in "（(" or rules["bracket_signed_re"].search(text, max(0, q.start - 4), q.start)) \
            and text[q.end:q.end + 1] in "）)":
        reach = max(floor, q.start - rules["bracketed_owner_reach"], last_of("，,；;。", text, floor, q.start) + 1)
        near = _mentions_before(text, reach, q.start)
        if near:
            s, e, kind, value = near[-1]
            resolved = _resolve(kind, value, text, e, default, doc.region, whole=True)
            if resolved:
                return resolved
    mentions = _sentence_mentions(text, floor, sentence.end, doc.region) if sentence else \
        _mentions_before(text, floor, q.start, doc.region)
    if any(kind == "remainder" and s < q.start and q.end <= e for s, e, kind, _ in mentions):
        return default  # 其余3家开发区: the count of the zones a list leaves over counts the report's zones
    joint = _joint_owners(text, q, floor, mentions, default, doc.region)
    if joint:
        return joint
    counted = _members_counted(text, q, mentions)
    zones_counted = q.kind == "count" and rules["zones_counted_after_re"].match(text, q.end - 1) is not None
    for s, e, kind, value in reversed([m for m in mentions if m[1] <= q.start and m[0] not in counted]):
        if zones_counted and rx("[；;]").search(text, e, q.start):
            break  # 有12个开发区增速为负: the zones counted are the report's, past the ； that closed the names'
        # (…and a class of zones after its place's word there: 总量居全省省级开发区第3位)
        lead = s - 2 if kind == "zone_class" and text[s - 2:s] in rules["province_self"] + rules["city_self"] else s
        if any(text.endswith(w, 0, lead) for w in rules["not_subject_after"]) \
                and not rules["list_lead_in_re"].search(text, max(0, lead - 4), lead):
            continue
        if rules["example_of_set_re"].match(text, e):
            continue  # 授予孝义经开区等6个开发区…: one example of a counted set is not the set's subject
        if kind == "zone_name" and (counted := rules["counted_places_re"].fullmatch(value)):
            listed = None if counted.group("region") else _places_listed_before(doc, s, article, counted)
            if listed or counted.group("region"):
                return listed or Subject(value, "other")  # 晋北三市开发区: the group, no zone
            continue  # 三市开发区: no zone of that name
        if text[s - 1:s] == "在" and rules["venue_after_re"].match(text, e):
            continue  # 全市二季度“三个一批”活动在朔州经开区举行，共推出项目82个: the scene, not whose figures
        if rules["benchmark_after_re"].match(text, e):
            continue  # …是全省开发区平均水平的1.8倍: the level held against, not whose figure
        if text.endswith("以", 0, s) and rules["means_after_re"].match(text, e):
            continue  # 太原市以综改示范区为主阵地，…: the means, not whose figure
        if q.is_rank and kind not in ("body", "home_zone", "zone_name") and not (kind == "place" and value.type == "zone") \
                and rules["rank_field_gap_re"].match(text[e:q.start]):
            continue  # 同比增速全省第一: the place before a rank is the field it is ranked in (a zone is never one)
        if _part_closed(text, floor, s, e, q.start):
            continue  # …其中阳泉经开区9宗、642亩，平定经开区7宗；实行“承诺制”项目94个: the parts ended at the ；
        if not q.is_rank and (kind == "place" and value.type != "zone" or kind == "self") \
                and (ranked := rules["field_of_rank_after_re"].match(text, e)) and ranked.end() <= q.start:
            continue  # …临汾市第1位；固定资产投资完成42.7亿元: the city was the field of a rank, not the owner
        if (q.is_rank or q.unit in rules["rank_move_units"]) and text.endswith(rules["rank_arena_before"], 0, s):
            continue  # 在全省开发区综合考核评价中位列第4名: the place of the contest, not who is ranked
        if kind == "place" and default and default.type == "city_zones" and value.name == default.city \
                and not _zones_follow(text, e) \
                and not (sentence and rules["zones_part_re"].search(text, e, sentence.end)):
            return default  # in a report on a city's zones, the city's name speaks of those zones
            # (…but not where the sentence then tells the zones' part of it: 大同市实际使用外资3862万美元，…，其中全市
            # 开发区实际使用外资3215万美元: the first is the whole city's)
        if kind == "company" and rx(r"[；;。]").search(text, e, q.start):
            continue  # an enterprise held up as an example speaks for its sentence, up to a ；
        if kind == "body" and not _body_reaches(text, floor, s, e, q.start):
            continue  # …，北京证券交易所上市公司达288家…，累计落地35支国家级大基金: a clause of its own
        if kind == "home_zone" and not _body_reaches(text, floor, s, e, q.start, opener_reaches=False):
            continue  # …自贸试验区制度创新指数…第三，新华·波罗的海…第18位: the next clause is the region's
        if kind in ("body", "place", "zone_name") and _judged(text, e, q.start):
            continue  # 滨海新区开发开放龙头作用更加突出，…上市公司增至88家: the place's clause is done
        if q.kind == "pp" and rx(r"[^，,；;]*[（(][^）)]*[0-9０-９][^）)]*[）)]").match(text[e:q.start]):
            # 全省增速（10.4%）12.2个百分点: the place is the comparison, not the subject (开发区（综保区） is; so is a place
            # a clause before: 阳泉经开区营业收入…，增长12.6%，高于全省开发区平均增速（6.8%）5.8个百分点)
            continue
        if kind == "self" and value in rules["zone_self"] and rules["anaphor_zone_re"].match(value):
            recent = _zone_before(doc, s, article)
            if recent:
                return recent  # …广灵开发区规上工业增加值同比增长6.4%。该区成立3个驻企服务专班: the zone named last
        if kind == "self" and value in rules["city_self"] and rules["anaphor_zone_re"].match(value):
            recent = _zone_before(doc, s, article, "city")
            # (晋城市“签约一批”项目24个…。今年以来，该市开发区签约项目开工率达到92.6%; in a city's own report,
            # 该市 is its city, as the rules below read it)
            if recent and recent.city and not (default and recent.city == default.city):
                return _city_subject(recent.city, _zones_follow(text, e))
        # (全市有进出口实绩的外贸企业达412家，…，其中开发区内企业238家: 全市 then is the whole city, whose zones' part
        # the sentence tells after it, as for a city named; the part is the zones')
        part = rules["zones_part_re"].search(text, e, sentence.end) \
            if kind == "self" and value in rules["city_self"] and sentence is not None else None
        whole = part is not None and q.end <= part.start()
        resolved = _resolve(kind, value, text, e, default, doc.region, whole=whole)
        if resolved and resolved.type in ("city", "province"):
            resolved = _zones_part_of(text, e, q, resolved)
        if resolved:
            return _group_of(text, mentions, (s, e, kind, value), resolved, default, doc.region) or resolved
    if default and default.type in ("city", "province"):
        return _zones_part_of(text, floor, q, default)  # 。其中，开发区内有实绩企业1462家
    return default


def zones_part_before(text: str, start: int, end: int) -> bool:
    """Whether 其中…开发区 is told between start and end: the zones' part of a place's figure follows."""
    part = _rules()["zones_part_re"].search(text, start, end)
    return part is not None and part.end() <= end


def _zones_part_of(text: str, e: int, q, whole: Subject) -> Subject:
    """全省有实绩外贸企业2386家，其中开发区内企业1462家: the figure of the part told after 其中…开发区 is the place's
    zones', though no place is named again."""
    if not zones_part_before(text, e, q.start):
        return whole
    return _city_subject(whole.city, zones=True) if whole.type == "city" else _province_subject(True, whole.name)


_ZONES_BEFORE: dict[tuple[int, str], Subject | None] = {}  # (该区's offset, kind) → what it points back to, for one document


def _zone_before(doc: Document, at: int, article: Article | None, kind_named: str = "zone") -> Subject | None:
    """The zone named last before `at`, in its article and within reach: what 该区 points back to (or the city,
    for 该市)."""
    key = (at, kind_named)
    if key not in _ZONES_BEFORE:
        _ZONES_BEFORE[key] = None
        floor = max(article.start if article else 0, at - _rules()["anaphor_reach"])
        for s, e, kind, value in reversed(_mentions_before(doc.text, floor, at, doc.region)):
            if kind in ("place", "zone_name"):
                zone = _resolve(kind, value, doc.text, e, None, doc.region)
                if zone and zone.type == "zone" and kind_named == "zone":
                    _ZONES_BEFORE[key] = in_full(doc, zone)
                    break
                if zone and kind_named == "city" and kind == "place" and value.type == "city":
                    _ZONES_BEFORE[key] = zone
                    break
    return _ZONES_BEFORE[key]


GROUPED = ("place", "zone_name", "home_zone", "company")


def _part_closed(text: str, floor: int, s: int, e: int, at: int) -> bool:
    """A place named in a breakdown (其中…) owns the figures of its part only: a ； after it closes the part."""
    of_which = text.rfind("其中", floor, s)
    return of_which != -1 and not rx("[；;]").search(text, of_which, s) and rx("[；;]").search(text, e, at) is not None


def _members_counted(text: str, q, mentions: list) -> set[int]:
    """…超过5000亩的有太原、大同、长治、晋城、运城5个市: the places listed right before their own count are what it
    counts, not whose count it is (the starts of their mentions)."""
    rules = _rules()
    last = next((m for m in mentions if m[1] == q.start and m[2] in GROUPED), None)
    tail = rules["group_tail_re"].match(text, q.start) if last else None
    if not tail or tail.end() < q.end:
        return set()
    at = mentions.index(last)
    first = at
    while first > 0 and mentions[first - 1][2] in GROUPED \
            and rules["group_joint_re"].fullmatch(text, mentions[first - 1][1], mentions[first][0]):
        first -= 1
    return {m[0] for m in mentions[first:at + 1]} if first < at else set()


def _joint_owners(text: str, q, floor: int, mentions: list, default: Subject | None, home: str) -> Subject | None:
    """…大同高新区出让12宗860亩，两区合计占全市开发区出让面积的60.3%: the places told last, taken up by their count,
    own the figure together (listed as 、-joined names); none when another place stands between."""
    rules = _rules()
    found = None
    for found in rules["joint_anaphor_re"].finditer(text[floor:q.start]):  # (sliced: ^ is the sentence's start)
        pass
    if found is None:
        return None
    start, end = floor + found.start(), floor + found.end()
    if any(end <= s < q.start and not any(text.endswith(w, 0, s) for w in rules["not_subject_after"])
           for s, _, _, _ in mentions):
        return None  # (占全市开发区…的: the whole they are a share of, no other owner)
    n = whole_number(found.group("n"))
    told = [m for m in mentions if m[1] <= start and m[2] in GROUPED]
    owners = [_resolve(kind, value, text, e, default, home) for _, e, kind, value in told[-n:]]
    if len(told) < n or not all(owners) or len({o.name for o in owners}) < n:
        return None
    kinds = {o.type for o in owners}
    return Subject("、".join(o.name for o in owners), kinds.pop() if len(kinds) == 1 else "other")


def _places_listed_before(doc: Document, at: int, article: Article | None, counted: Match) -> Subject | None:
    """三市开发区, told with no places before it: the group of that many places the article listed last before
    `at` with the same words after them (太原、大同、忻州三市开发区)."""
    text, n, words = doc.text, whole_number(counted.group("n")), counted.group()
    floor = article.start if article else max(0, at - _rules()["anaphor_reach"])
    said = text.rfind(words, floor, at)
    while said > floor:
        window = max(floor, said - 12 * n)
        members = [(window + s, window + e) for s, e, place in gazetteer.mentions(text[window:said])
                   if place.type in ("city", "county")][-n:]
        if len(members) == n and members[-1][1] == said and all(
                _rules()["group_joint_re"].fullmatch(text, a[1], b[0]) for a, b in zip(members, members[1:])):
            return Subject(text[members[0][0]:said + len(words)], "other")
        said = text.rfind(words, floor, said)
    return None


def _group_of(text: str, mentions: list, last: tuple, resolved: Subject, default: Subject | None,
              home: str) -> Subject | None:
    """太原、大同、长治三市开发区营业收入均超过500亿元: the places joined to the one a figure takes, by 、 or 和
    alone, own it together; the subject is the list as written, with the count that closes it."""
    rules = _rules()
    if last[2] not in GROUPED:
        return None
    at = mentions.index(last)
    first = at
    while first > 0 and mentions[first - 1][2] in GROUPED \
            and rules["group_joint_re"].fullmatch(text, mentions[first - 1][1], mentions[first][0]):
        first -= 1
    if first == at:
        return None
    members = [_resolve(kind, value, text, last[1], default, home) for _, _, kind, value in mentions[first:at]]
    if not all(members):
        return None  # a county named in passing, a self-reference: no list of owners
    tail = rules["group_tail_re"].match(text, last[1])
    name = text[mentions[first][0]:tail.end() if tail else last[1]]
    kinds = {m.type for m in members} | {resolved.type}
    return Subject(name, kinds.pop() if len(kinds) == 1 else "other")


def annotate(doc: Document) -> Document:
    _sentence_mentions.cache_clear()  # (another document's sentences will not come again)
    _ZONES_BEFORE.clear()
    doc.region = gazetteer.home_region(doc.text, doc.meta.get("region"), doc.title)
    for article in doc.articles:
        article.subject = article_subject(article, doc.text, doc.region)
    owner = None  # the sentence's project that owns a figure, and that figure
    opened: dict[int, Subject | None] = {}
    doc.short_names = _short_names(doc.text)
    for q in doc.quantities:
        article = doc.article_at(q.start)
        default = article.subject if article else _province_subject(False, doc.region)
        default = (_paragraph_zone(doc, q, opened) or default) if article else default
        subject = subject_of(doc, q, article, default)
        sentence = doc.sentence_at(q.start)
        if owner and subject and subject.type != "project" and sentence and owner[1].start >= sentence.start \
                and not _mentions_before(doc.text, owner[1].end, q.start) and not rx("[；;]").search(doc.text, owner[1].end, q.start):
            # …湖东电厂项目总投资78.9亿元，2024年保底能完成20个亿投资: still the project's, whatever place
            # the sentence named before the project (朔州…；投资8亿元的…工程，目前51个厂房单体…), up to a ；
            subject = owner[0]
        elif owner and subject and subject.type != "project" and sentence and article \
                and owner[1].start >= article.start and _rules()["project_carry_re"].match(doc.text, sentence.start) \
                and not _mentions_before(doc.text, sentence.start, q.start):
            subject = owner[0]  # …总投资48.6亿元。其中一期投资21.3亿元…: the project again
        if subject and subject.type == "project":
            owner = (subject, q)
            q.metric = _without_own_name(q.metric, subject.name)
        subject = in_full(doc, subject)
        if subject:
            q.subject, q.subject_type, q.city = subject.name, subject.type, subject.city
    return doc


def in_full(doc: Document, subject: Subject | None) -> Subject | None:
    """A zone by the full name its text defined for the short one it was named by (灵丘经开区 → 灵丘经济开发区)."""
    if subject and subject.type == "zone" and subject.name in doc.short_names:
        return Subject(doc.short_names[subject.name], "zone", subject.city)
    return subject


def _short_names(text: str) -> dict[str, str]:
    """灵丘经济开发区（以下简称灵丘经开区）: the short names a text defines for zones, to their full names; and the
    short names of the zones it names in full that the gazetteer does not list (see _unlisted_in_full)."""
    names = _unlisted_in_full(text)
    if _rules()["short_name_cue"] not in text:
        return names
    for m in rx(_rules()["short_name"]).finditer(text):
        # (the full name is the zone named right before the bracket, not the words before it: 据悉灵丘经济开发区)
        named = [(s, e, kind, value) for s, e, kind, value in _mentions_before(text, m.start(), m.end("full"))
                 if e == m.end("full") and kind in ("place", "zone_name")]
        subject = _resolve(*named[-1][2:], text, m.end("full"), None, "") if named else None
        if subject and subject.type == "zone":
            names[m.group("short")] = subject.name
    return names


def _unlisted_in_full(text: str) -> dict[str, str]:
    """潞城经济技术开发区 … 潞城经开区: a county's zone the gazetteer does not list, named in full somewhere in the
    text, is the zone its short names (by the gazetteer's alias rules: 经开区, 高新区…) name elsewhere in it; a short
    name two such zones share (屯留开发区, of two 屯留 zones) names neither."""
    if not gazetteer.may_name_a_county_zone(text):
        return {}
    listed = gazetteer.places()
    named = {place.name for _, _, place in gazetteer.mentions(text) if place.type == "zone" and place.name not in listed}
    full = {name: shorts for name in named if (shorts := set(gazetteer.rule_aliases(name)) - {name})}
    owners: dict[str, set[str]] = {}
    for name, shorts in full.items():
        for short in shorts:
            owners.setdefault(short, set()).add(name)
    # (…and a short name that is itself a zone's full name, 孝义经济开发区 beside 孝义经济技术开发区, is that zone's)
    return {short: names.pop() for short, names in owners.items() if len(names) == 1 and short not in full}


def _paragraph_zone(doc: Document, q, opened: dict) -> Subject | None:
    """晋城经济技术开发区 上半年，…。长治高新区 今年以来，长治高新区…。同时推行“全代办”服务，领办代办项目46个: a
    paragraph that opens on a zone's name set apart as its head (or on a bracketed head, 【阳高】, then names a zone in
    its first sentence) is that zone's; its sentences that name no one (and its 该区) are too.
    `opened` keeps each paragraph's zone, by where it starts."""
    paragraph = doc.paragraph_at(q.start)
    if paragraph is None:
        return None
    if paragraph.start not in opened:
        opened[paragraph.start] = _headed_zone(doc, paragraph)
    return opened[paragraph.start]


def _headed_zone(doc: Document, paragraph) -> Subject | None:
    text, rules = doc.text, _rules()
    at = paragraph.start + len(text[paragraph.start:paragraph.end]) - len(text[paragraph.start:paragraph.end].lstrip())
    head = rx(rules["bracket_head"]).match(text, at)
    if head:  # 【阳高】1—5月，阳高开发区完成…: the zone its first sentence names
        end = next((i for i in range(head.end(), paragraph.end) if text[i] in "。；;"), paragraph.end)
        found = [f for f in _mentions_before(text, head.end(), end, doc.region) if f[2] in ("place", "zone_name")]
    else:
        end = next((i for i in range(at, min(paragraph.end, at + rules["opening_zone_reach"]))
                    if text[i] in "，,。；;：:"), None)
        found = _mentions_before(text, at, end, doc.region) if end else []
        found = found[:1] if found and found[0][0] == at and found[0][2] in ("place", "zone_name") \
            and rx(rules["run_in_head"]).match(text, found[0][1]) else []
    zone = _resolve(*found[0][2:], text, found[0][1], None, doc.region) if found else None
    return zone if zone and zone.type == "zone" else None


def _without_own_name(metric: str | None, project: str) -> str | None:
    """晋东南智慧物流园项目 / 智慧物流园项目完成投资 → 完成投资: a project's figure needs no part of its own name."""
    if not metric:
        return metric
    for k in range(len(metric) - 2, 3, -1):  # (项目总投资: 项目 alone is the generic word, no name)
        if project.endswith(metric[:k]) and len(project) > k:
            return metric[k:]  # (a name read whole, 城乡供水一体化工程完成投资, may be a kind of works: kept)
    return metric
