"""Places and development zones of Shanxi (patterns/zones.toml): names, aliases and their cities."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from . import patterns
from .rx import Pattern, longest_of, rx


@dataclass(frozen=True)
class Place:
    name: str   # canonical name
    type: str   # province | city | zone | county
    city: str | None = None


@functools.cache
def places() -> dict[str, Place]:
    """Every known alias → its place. Longer names are preferred when matching text."""
    spec = patterns.load("zones")
    table: dict[str, Place] = {}
    province = Place(spec["province"]["name"], "province")
    table[province.name] = province
    for city in spec["city"]:
        place = Place(city["name"], "city", city["name"])
        table[place.name] = place
        table.setdefault(place.name.removesuffix("市"), place)
        for county in city.get("counties", []):
            table.setdefault(county, Place(county, "county", city["name"]))
    for zone in spec["zone"]:
        place = Place(zone["name"], "zone", zone["city"])
        for alias in [zone["name"], *zone.get("aliases", []), *rule_aliases(zone["name"], spec["alias_rule"])]:
            table[alias] = place  # a zone alias wins over a county of the same letters
    return table


def rule_aliases(name: str, rules: list[dict] | None = None) -> list[str]:
    """The short names of a zone by the alias rules of patterns/zones.toml (大同经济技术开发区 → 大同经开区…)."""
    for rule in rules if rules is not None else patterns.load("zones")["alias_rule"]:
        if name.endswith(rule["suffix"]):
            place = name[: -len(rule["suffix"])]
            return [place + short for short in rule["short"]]
    return []


@functools.cache
def _mention_pattern() -> Pattern:
    return rx(longest_of(places()))


def mentions(text: str) -> list[tuple[int, int, Place]]:
    """Known places named in a text, longest match first, left to right; a county's zone the gazetteer
    does not list (盂县经开区, 襄垣县经济开发区) as a zone of the county's city, named as written."""
    table, pattern = places(), _mention_pattern()
    found = []
    m = pattern.search(text)
    while m:
        place = table[m.group()]
        if place.type != "county":
            found.append((m.start(), m.end(), place))
        elif zone := _county_zone(text, m.start(), m.end(), place):
            found.append(zone)
        elif _names_the_county(text, m.start(), m.end(), place):
            found.append((m.start(), m.end(), place))
        else:  # 其中阳泉经开区: 中阳 is no county here, and a place may start inside it
            m = pattern.search(text, m.start() + 1)
            continue
        m = pattern.search(text, found[-1][1])
    return found


@functools.cache
def _county_zone_words() -> Pattern:
    # 县/区/市 may stand between (襄垣县经济开发区); the zone words are the subjects' (patterns/subjects.toml) and
    # those said only after a county (patterns/zones.toml)
    spec = patterns.load("zones")
    words = patterns.load("subjects")["zone_suffixes"] + spec["county_zone_words"]
    return rx("[" + spec["county_endings"] + "]?" + longest_of(words))


def may_name_a_county_zone(text: str) -> bool:
    """Whether a county's name stands right before a zone word in the text (one search, where mentions()
    would be many)."""
    return _county_zone_anywhere().search(text) is not None


@functools.cache
def _county_zone_anywhere() -> Pattern:
    counties = [name for name, place in places().items() if place.type == "county"]
    return rx(longest_of(counties) + _county_zone_words().pattern)


def _county_zone(text: str, start: int, end: int, county: Place) -> tuple[int, int, Place] | None:
    if county.name in patterns.load("zones")["county_common_words"]:
        return None  # 城区开发区: the town centre's zones, not a county's zone
    words = _county_zone_words().match(text, end)
    return (start, words.end(), Place(text[start:words.end()], "zone", county.city)) if words else None


def _names_the_county(text: str, start: int, end: int, county: Place) -> bool:
    """盐湖区, 运城盐湖, 孝义、汾阳 name a county; 盐湖资源 and 中心城区 do not (patterns/zones.toml)."""
    spec = patterns.load("zones")
    name = text[start:end]
    after_city = text.endswith((county.city, county.city.removesuffix("市")), 0, start)  # (no copy of the text)
    if name in spec["county_common_words"]:
        return after_city
    if after_city or name[-1] in spec["county_endings"]:
        return True
    following = text[end:end + 1]
    return not following or following in spec["county_endings"] or not rx(r"\p{Han}").match(following)


def canonical(name: str) -> Place | None:
    return places().get(name)


def province() -> Place:
    return places()[patterns.load("zones")["province"]["name"]]


@functools.cache
def _region_pattern() -> tuple[Pattern, dict[str, str]]:
    """Regions by full or short name, and the gazetteer's cities (太原, 大同 — their zones carry their
    names) standing for the gazetteer's province."""
    by_short = {r["short"]: r["name"] for r in patterns.load("regions")["region"]}
    for city in patterns.load("zones")["city"]:
        by_short.setdefault(city["name"].removesuffix("市"), province().name)
    return rx(longest_of(by_short)), by_short


@functools.cache
def _other_regions_pattern() -> tuple[Pattern, dict[str, str]]:
    """The provincial-level regions by full or short name, but the gazetteer's own province (its places
    already name it, with its cities and zones)."""
    by_name = {}
    for region in patterns.load("regions")["region"]:
        if region["name"] != province().name:
            by_name[region["name"]] = by_name[region["short"]] = region["name"]
    return rx(longest_of(by_name)), by_name


def region_mentions(text: str) -> list[tuple[int, int, Place]]:
    """Provincial-level regions named in a text (四川省, 上海), each as a province: in the country's own
    report a region named for its own figures (四川省由千分之二十九降到千分之六点一) is their subject."""
    pattern, by_name = _other_regions_pattern()
    return [(m.start(), m.end(), Place(by_name[m.group()], "province")) for m in pattern.finditer(text)]


def region_name(name: str) -> str | None:
    """A province-level region's full name from its full or short name (河南, 河南省 → 河南省), or the
    country's (全国, 中国 → 全国)."""
    for region in patterns.load("regions")["region"]:
        if name in (region["name"], region["short"]):
            return region["name"]
    country = patterns.load("regions")["country"]
    return country["name"] if name == country["name"] or name in country["also"] else None


def region_names(name: str) -> list[str]:
    """A region's full and short names, longest first (北京市, 北京); the country's only its own."""
    for region in patterns.load("regions")["region"]:
        if region["name"] == name:
            return [region["name"], region["short"]]
    return [name]


def country_name() -> str:
    return patterns.load("regions")["country"]["name"]


def home_region(text: str, declared: str | None = None, title: str = "") -> str:
    """The region a document speaks for (what 全省 means in it): as declared, else the country where its
    title is a national body's, else the one its title (or its publisher) names, else the one its text
    names most (the gazetteer's cities and zones count for their province), else the gazetteer's province."""
    if declared:
        return declared
    if any(word in title for word in patterns.load("regions")["country"]["title_words"]):
        return country_name()  # 国务院政府工作报告: the country's own report
    if title:
        named = _most_named(title)
        if named:
            return named
    return _most_named(text) or province().name


def _most_named(text: str) -> str | None:
    pattern, by_short = _region_pattern()
    counts: dict[str, int] = {}
    for m in pattern.finditer(text):
        counts[by_short[m.group()]] = counts.get(by_short[m.group()], 0) + 1
    own = province().name
    counts.setdefault(own, 0)
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == own))
    return best[0] if best[1] > 0 else None
