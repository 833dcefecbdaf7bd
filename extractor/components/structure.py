"""Stage 7 — structure inside sentences: 分别 lists and 其中 breakdowns.

* "开工率、投产率、达效率分别达到97.69%、57.11%和100%": the listed names are paired in order with the
  figures after 分别, each name giving its figure's metric (or subject, when it is a place).
* "共出让标准地33宗…其中，大同经开区…8宗": each part after 其中 gets `parent` = the stated total, the
  nearest figure before 其中 (in the sentence or the one before) with the same unit.
"""
from __future__ import annotations

import bisect
import functools
import os

from .. import gazetteer, patterns
from ..document import Document
from . import metrics, quantities, subjects
from .subjects import Subject
from .quantities import LIST_GAP
from ..rx import last_of, rx

LIST_SPLIT = rx(r"[、和及与]")
RESPECTIVELY = "分别"  # (and its like, 分列, 分居, 依次: structure.toml `respectively`, all as long)
PLACE_TYPES = ("zone", "city_zones", "city", "province_zones", "province", "county")
OF_WHICH = "其中"


def _respectively(text: str, start: int, end: int) -> int:
    """Where the next word that pairs names with figures in order stands (分别, and 分列 / 分居 of ranks, 依次), or -1."""
    found = rx(patterns.load("structure")["respectively"]).search(text, start, end)
    return found.start() if found else -1


def _figure_list(text: str, figures: list, pos: int, end: int) -> list:
    """The figures listed from `pos`: the first after it, and each one joined to the one before by
    、/和/及 alone (分别增长9.4%、13.3%、6.1%，民间投资增长4.6%: three, not four)."""
    out = []
    for q in figures:
        if not pos < q.start < end:
            continue
        # (分别居全省第三位和第二位: a rank's 位 stands outside its figure)
        joined = out and (LIST_GAP.fullmatch(text, out[-1].end, q.start) or out[-1].is_rank and q.is_rank
                          and text.startswith(("位", "名"), out[-1].end)
                          and LIST_GAP.fullmatch(text, out[-1].end + 1, q.start))
        if out and not joined:
            break
        out.append(q)
    return out


def _times_of_one_measure(names: list[str], figures: list) -> bool:
    """A list of times before 分别 (the periods stage dates each figure by its own) names no measure: the figures
    are all of the measure the first was named by."""
    from .periods import names_a_time

    if len(names) < 2 or len(names) != len(figures) or not all(map(names_a_time, names)):
        return False
    for q in figures[1:]:
        if q.metric is None:
            q.metric, q.metric_source, q.aspect = figures[0].metric, figures[0].metric_source, figures[0].aspect
    return True


def _respectively_bounds(text: str, sentence, pos: int) -> tuple[int, int]:
    """Where the names before a 分别 at `pos` start (its clause) and where its figures end (the next ；or 。)."""
    left = max(last_of("，；：。", text, sentence.start, pos) + 1, sentence.start)
    right = min((i for i in (text.find(ch, pos, sentence.end) for ch in "；。") if i != -1), default=sentence.end)
    return left, right


def listed_before_respectively(doc: Document) -> list[tuple[list[str], list]]:
    """Each 分别 of the document with the names listed in its clause before it and the figures it pairs them
    with (三季度、四季度分别计划供应1.03万亩和0.52万亩 → [三季度, 四季度], the two figures)."""
    text, out = doc.text, []
    starts = [q.start for q in doc.quantities]
    for found in rx(patterns.load("structure")["respectively"]).finditer(text):
        pos, sentence = found.start(), doc.sentence_at(found.start())
        if sentence is None:
            continue
        in_sentence = doc.quantities[bisect.bisect_left(starts, pos):bisect.bisect_left(starts, sentence.end)]
        left, right = _respectively_bounds(text, sentence, pos)
        names = [n for n in LIST_SPLIT.split(text[left:pos]) if n.strip()]
        out.append((names, _figure_list(text, in_sentence, pos, right)))
    return out


def _pair_lists(doc: Document) -> None:
    text = doc.text
    starts = [q.start for q in doc.quantities]  # in text order
    listed_places: dict[int, list] = {}  # each article's last list of places paired with figures, by its start
    for sentence in doc.sentences:
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        if hi == lo:
            continue
        in_sentence = doc.quantities[lo:hi]
        pos = _respectively(text, sentence.start, sentence.end)
        if hi - lo < 2:
            _one_figure_shared(doc, in_sentence[0], pos)
            continue  # a list needs two figures
        earlier: list[tuple[int, list[str]]] = []  # the sentence's 分别 lists so far: (where, names)
        listed_measures: dict[int, list] = {}  # …and the names each gave its figures, by where
        listed_figures: dict[int, list] = {}  # …and its figures
        unnamed = []  # 分别 lists with no names, to frame the figures before them once those are named
        while pos != -1:
            left_start, right_end = _respectively_bounds(text, sentence, pos)
            figures = _figure_list(text, in_sentence, pos, right_end)
            # 有色冶金、石化化工、装备制造产业增加值年均分别增长…: the adverb before 分别 is no part of the last name
            listed = _without_status(metrics.without_adverbs(text[left_start:pos]))
            names = _without_list_count(_ordinals_shared(_list_names(listed, len(figures))))
            if _times_of_one_measure(names, figures):  # 三季度、四季度分别计划供应1.03万亩和0.52万亩: times, no names
                pos = _respectively(text, pos + 1, sentence.end)
                continue
            if len(names) <= 1:
                _joint_owners_split(doc, figures)  # 吕梁经开区、孝义经开区…4个重点开发区…，营业收入分别为…
            aid = _aid_to_recipients(text, pos, names, figures)
            if aid:
                for name, q in zip(aid, figures):
                    q.metric, q.metric_source, q.aspect = name, "list", "value"
                pos = _respectively(text, pos + 1, sentence.end)
                continue
            # …分别增长4.2%、5.3%, 累计分别达到64项和288项: a 分别 with no list of names of its own pairs the
            # sentence's last list again
            counted = _counted_before(names, in_sentence, figures)
            if counted:
                for name, q in zip(counted, figures):
                    q.metric, q.metric_source = name, "list"
                pos = _respectively(text, pos + 1, sentence.end)
                continue
            if len(names) <= 1 and _amounts_done_to_items_before(text, in_sentence, figures, pos, names):
                pos = _respectively(text, pos + 1, sentence.end)
                continue  # 批而未供土地3260亩，闲置土地512亩，一季度分别处置420亩和96亩: each item's amount done
            if not names and not text[left_start:pos].strip():
                # (the clause before is asked first: …位居前三，分别增长…；大同、晋城市开发区增速同比下降，分别下降…
                # lists names of its own, not the sentence's last list again)
                names = _names_of_clause_before(text, sentence, in_sentence, left_start, figures)
            elif _only_an_aspect(names, figures):
                # …长治高新区分列前三位，增速分别为32.5%、…: a clause that opens on the rate alone pairs the names of
                # the clause before
                names = _names_of_clause_before(text, sentence, in_sentence, left_start, figures) or names
            again = _places_again(text[left_start:pos], figures, listed_places.get(_article_key(doc, figures)))
            if again:  # 运城、临汾两市开发区…。二季度以来，两市开发区分别新开工项目24个、15个: the places listed before
                for place, q in zip(again, figures):
                    q.subject, q.subject_type, q.city = place.name, place.type, place.city
                pos = _respectively(text, pos + 1, sentence.end)
                continue
            paired = _paired(names, len(figures))
            # (…单位工业增加值能耗分别下降…；工业固废综合利用率分别为…: the list again, each figure of the measure its
            # own clause names, which the metrics stage gave the first)
            own = figures[0] if not paired and len(names) == 1 and earlier and figures \
                and figures[0].metric_source in ("taxonomy", "fallback") else None
            own = (own.metric, own.metric_source) if own else None
            again_of = earlier[-1][0] if not paired and len(names) <= 1 and earlier else None
            names = paired or (names if len(names) > 1 or not earlier else earlier[-1][1])
            seated = _places_seated_before(text, sentence, in_sentence, left_start, figures) \
                if len(names) == 1 and not own else None
            if seated:  # 新能源装机主要集中在潞城经开区、襄垣经开区…，装机容量分别为…: the places before, the measure here
                names, own = seated, (figures[0].metric, figures[0].metric_source) if figures[0].metric else None
            if not names:
                if not _pair_with_figures_before(text, in_sentence, figures):
                    unnamed.append(figures)
                pos = _respectively(text, pos + 1, sentence.end)
                continue
            if len(names) == 1 and len(figures) >= 2 and _rates_of_items_before(text, in_sentence, figures, names[0]):
                pass  # 处置批而未供土地1260亩、闲置土地385亩，处置率分别达到86.3%和100%: each item's rate
            elif len(figures) == 1 and len(names) >= 2 and figures[0].start > pos:
                _one_figure_shared(doc, figures[0], pos)
            elif len(names) >= 2 and len(names) == len(figures):
                names = names[:-1] + [_without_aspect_word(_without_share_frame(names[-1]), figures[0])]
                earlier.append((pos, names))
                comparands = _comparands(names)
                # (对东盟、共建“一带一路”国家进出口: partners are read before their head is shared)
                traded = metrics.trade_list(names) if comparands else None
                rest = None if comparands or not all(map(_names_a_zone, names[:-1])) else _rest_after_places(names)
                # (太原经开区、晋中经开区工业用水重复利用率: places listed bare share all the last one says after its place,
                # not the head word a list of measures shares)
                shared = [n + rest for n in names[:-1]] + [names[-1]] if rest else metrics.shared_head(names)
                places = _apply_names(doc, shared, figures, comparands, traded, names)
                # (…分别实现营业收入213.6亿元、…，同比分别增长12.6%、…: the list again names what it named before)
                for q, told in zip(figures, listed_measures.get(again_of, ()) if again_of is not None else ()):
                    if told and q.metric_source != "list":
                        q.metric, q.metric_source = told, "list"
                # (…分别实现利润总额268.4亿元、…，同比分别增长9.3%、…: the places again, each figure of its level's measure)
                for q, level in zip(figures, listed_figures.get(again_of, ()) if again_of is not None else ()):
                    if q.metric is None and level.metric and len(figures) == len(listed_figures[again_of]):
                        q.metric, q.metric_source = level.metric, "list"
                listed_measures[pos] = [q.metric if q.metric_source == "list" else None for q in figures]
                listed_figures[pos] = figures
                if places and all(places):
                    listed_places[_article_key(doc, figures)] = places
                if own:
                    told = listed_measures.get(again_of, ()) if again_of is not None else ()
                    for k, q in enumerate(figures):
                        q.metric, q.metric_source = own
                        kinded = _kind_named(names[k], own[0]) if own[0] and len(told) == len(figures) else None
                        if kinded and told[k] and told[k].startswith(kinded.removesuffix(own[0])):
                            q.metric = kinded  # …分别签约项目236个、…，签约金额分别为1052.6亿元、…: each kind's
                reached = _levels_reached(text, in_sentence, figures, right_end) \
                    or _ranks_reached(text, in_sentence, figures, right_end)
                if reached:  # 分别从771家、481家增加到1076家、636家: the levels at the end are the same names'
                    _apply_names(doc, shared, reached, comparands, traded, names)
            pos = _respectively(text, pos + 1, sentence.end)
        _pair_implicit_lists(doc, sentence, in_sentence, earlier)
        for figures in unnamed:
            # 城镇和农村人均住房面积32.9平方米、37.1平方米，分别比2007年增加…: the levels before were named
            # as a list of their own only just now
            _pair_with_figures_before(text, in_sentence, figures, unnamed_ok=True)


def _joint_owners_split(doc: Document, figures: list) -> None:
    """吕梁经济技术开发区、孝义经济技术开发区…4个重点开发区合计完成营业收入2070.0亿元，…，营业收入分别为486.2亿元、
    932.5亿元…: figures a 分别 lists under the joint owners of their sentence, as many as the owners, are each
    owner's in turn."""
    subject = figures[0].subject if figures else None
    if len(figures) < 2 or not subject or "、" not in subject or any(q.subject != subject for q in figures):
        return
    places = [place for _, _, place in gazetteer.mentions(subject)]
    if len(places) != len(figures) or len({p.name for p in places}) != len(places) \
            or any(p.type != "zone" for p in places):
        return
    for q, place in zip(figures, places):
        owner = subjects.in_full(doc, subjects.Subject(place.name, place.type, place.city))
        q.subject, q.subject_type, q.city = owner.name, owner.type, owner.city


def _aid_to_recipients(text: str, pos: int, names: list[str], figures: list) -> list[str] | None:
    """对新引进的博士、硕士分别给予每月3000元、1500元生活补贴 → 博士生活补贴, 硕士生活补贴: money given to each of the
    recipients listed before 分别, named by the aid the text calls it."""
    rule = patterns.load("structure")["aid_to_recipients"]
    given = rx(rule["verb"]).match(text, pos)
    if not given or len(names) < 2 or len(names) != len(figures) \
            or any(not q.kind.startswith("money") for q in figures):
        return None
    after = rx(metrics.taxonomy()[2]["aid_after"]).match(text[figures[-1].end:figures[-1].end + 16])
    aid = given.group("aid") or (after.group("aid") if after else None) \
        or (given.group("verb") if given.group("verb") in rule["verb_as_aid"] else None)
    if not aid:
        return None
    recipients = [rx(rule["recipient_frame"]).sub("", names[0].strip())] + [n.strip() for n in names[1:]]
    if not all(recipients):
        return None
    spec = metrics.taxonomy()[2]  # (named as one such amount would be: 国家级专精特新企业奖励金额, 博士生活补贴)
    return [metrics._with_kind(r + aid, figures[0].kind, spec) for r in metrics.shared_head(recipients)]


def _article_key(doc: Document, figures: list) -> int:
    article = doc.article_at(figures[0].start) if figures else None
    return article.start if article else -1


def _places_again(words: str, figures: list, places: list | None) -> list | None:
    """两市开发区 (分别新开工项目24个、15个): a count of places, named by no name, before a 分别 whose figures are as
    many, is the article's last list of places paired with figures, as many again."""
    if not places or len(places) != len(figures):
        return None
    found = rx(patterns.load("structure")["places_again"]).fullmatch(words.strip())
    return places if found and quantities.whole_number(found.group("n")) == len(places) else None


def _only_an_aspect(names: list[str], figures: list) -> bool:
    """增速 (分别为…): the one name before a 分别 is only the word of the figures' aspect."""
    closing = metrics.closing_aspect(names[0].strip(), figures[0]) if len(names) == 1 and figures else None
    return bool(closing) and not closing[1]


def _names_of_clause_before(text: str, sentence, in_sentence: list, clause_start: int, figures: list) -> list[str]:
    """万亿产业、国家先进制造业集群从无到有，分别达2个、3个: a 分别 that opens its clause pairs the names the clause
    before lists, as many as its figures, where that clause states no figure of its own (a rank aside:
    太原、大同、朔州开发区增速位居前三，分别为…); an aspect word closing the names frames the figures."""
    end = clause_start - 1
    if end <= sentence.start or len(figures) < 2:
        return []
    start = max(last_of("，；：。", text, sentence.start, end) + 1, sentence.start)
    tail = rx(patterns.load("structure")["clause_before_tail"]).search(text, start, end)
    told_end = tail.start() if tail else end  # (a bound the names all pass is said of them, no figure of its own)
    if any(start <= q.start < end and q.aspect != "rank" and (q.start < told_end or q.approx not in ("over", "under"))
           for q in in_sentence):
        return []
    lead = rx(patterns.load("structure")["clause_before_lead"]).match(text, start, end)
    words = text[lead.end() if lead else start:told_end]
    names = _list_names(_without_status(metrics.without_adverbs(words)), len(figures))
    if len(names) != len(figures):
        return []
    shared = _rest_after_places(names)
    if shared and metrics.any_aspect_word(figures[0].kind.split("/")[0]).search(shared):
        shared = None  # (晋城开发区固定资产投资增速: the closing aspect word frames them, read below as before)
    if shared and not lead:  # (运城三市开发区 | 出让宗数: the places' zone word stays theirs, the measure is told below)
        names[-1] = names[-1][:-len(shared)]
    if lead:
        _framed_by_lead(lead.group("measure"), figures)
    closing = metrics.closing_aspect(names[-1], figures[0])
    if closing and closing[1] and all(q.aspect == "value" for q in figures):
        for q in figures:
            q.aspect = closing[0]
        names[-1] = closing[1]
    if shared and not lead:  # 太原、晋中、运城开发区出让宗数: the places' measure is every figure's
        for q in figures:
            metric = metrics.list_item_metric(shared, q)
            q.metric, q.metric_source = (metric, "list") if metric else (q.metric, q.metric_source)
    return names


def _places_seated_before(text: str, sentence, in_sentence: list, clause_start: int, figures: list) -> list[str] | None:
    """新能源装机主要集中在潞城经济技术开发区、襄垣经济技术开发区和长治高新区，装机容量分别为…: the places a clause
    before says the thing is seated in, as many as the figures, where that clause states no figure of its own."""
    end = clause_start - 1
    if end <= sentence.start or len(figures) < 2:
        return None
    start = max(last_of("，；：。", text, sentence.start, end) + 1, sentence.start)
    seat = rx(patterns.load("structure")["clause_before_seat"]).search(text, start, end)
    if not seat or any(start <= q.start < end for q in in_sentence):
        return None
    names = _list_names(text[seat.end():end], len(figures))
    if len(names) != len(figures) or not all(subjects.mentions_between(name, 0, len(name), None) for name in names):
        return None
    return names


def _framed_by_lead(measure: str, figures: list) -> None:
    """规上工业增加值增速较快的是…，分别为21.4%、18.2%: the measure that picked the names, up to its last aspect
    word, names each figure and frames it."""
    words = list(metrics.any_aspect_word(figures[0].kind.split("/")[0]).finditer(measure))
    aspect, name = metrics.closing_aspect(measure[:words[-1].end()], figures[0]) if words else (None, measure)
    for q in figures:
        q.aspect = aspect if aspect and q.aspect == "value" else q.aspect
        metric = metrics.list_item_metric(name, q) if name else None
        if metric:
            q.metric, q.metric_source = metric, "list"


def _one_figure_shared(doc: Document, q, pos: int) -> None:
    """今年二氧化硫、氮氧化物排放量要分别下降3%: one figure that 分别 gives each of the names listed before it is
    told once, under the first name (the guide's figure shared by two metrics)."""
    if pos == -1 or pos > q.start:
        return
    text = doc.text
    sentence_start = doc.sentence_at(q.start).start
    left_start = max(last_of("，；：。", text, sentence_start, pos) + 1, sentence_start)
    gap = text[pos + len(RESPECTIVELY):q.start]
    if _respectively(gap, 0, len(gap)) != -1 or not rx(patterns.load("structure")["one_figure_shared"]["gap"]).match(gap):
        return
    names = metrics.listed_names(_without_status(metrics.without_adverbs(text[left_start:pos])))
    if len(names) < 2:
        return
    metric = metrics.list_item_metric(metrics.shared_head(names)[0], q)
    if metric:
        q.metric, q.metric_source = metric, "list"


def _without_status(words: str) -> str:
    """今年化学需氧量、氨氮排放量要 (分别下降2%): the 要 says the figures are targets, and names nothing; nor
    does a comparison's base (较上年分别增长), which leaves no name at all."""
    spec = patterns.load("structure")
    words = rx(spec["comparison_before_respectively"]["pattern"]).sub("", words)
    return rx(spec["status_before_respectively"]["pattern"]).sub("", words) or words


def _without_aspect_word(last_name: str, first) -> str:
    """新材料、装备制造产业产值增速分别为14%和16%: the aspect word closing the last name frames every figure, as
    增长 after 分别 would, and is no part of the name the list shares."""
    closing = metrics.closing_aspect(last_name.strip(), first) if first.aspect != "value" else None
    if not closing or closing[0] != first.aspect:
        return last_name
    # (…and so is a plan's word before it: 产值目标增速 → 产值, the status the sentence's words decide)
    name = rx(patterns.load("structure")["planned_before_aspect"]).sub("", closing[1])
    return name if len(name) >= 2 else last_name


def _without_share_frame(last_name: str) -> str:
    """文化及相关产业、旅游及相关产业增加值占地区生产总值比重: the share's frame on the last name is every name's,
    so it is no part of the last one's."""
    return rx(patterns.load("structure")["share_frame"]["pattern"]).sub("", last_name) or last_name


def _levels_reached(text: str, in_sentence: list, figures: list, end: int) -> list:
    """认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家: the figures listed right
    after the word a from-to runs to, as many as the list it runs from."""
    to = rx(patterns.load("structure")["from_to_list"]["to"]).match(text, figures[-1].end, end)
    if not to or to.end() == figures[-1].end:
        return []
    reached = _figure_list(text, in_sentence, to.end() - 1, end)
    if not reached or reached[0].start != to.end() or len(reached) != len(figures):
        return []
    return reached


def _ranks_reached(text: str, in_sentence: list, figures: list, end: int) -> list:
    """晋城经开区、大同经开区分别以95.47分、94.13分位列第二、第三: the ranks listed right after the scores, as many
    as they, are the same names'."""
    ranked = rx(patterns.load("structure")["from_to_list"]["ranked"]).match(text, figures[-1].end, end)
    if not ranked or figures[-1].is_rank:
        return []
    ranks = _figure_list(text, in_sentence, ranked.end() - 1, end)
    if not ranks or ranks[0].start != ranked.end() or len(ranks) != len(figures) or not all(q.is_rank for q in ranks):
        return []
    return ranks


def _framed_by_first(text: str, q, figures: list) -> bool:
    """Whether the word before a list's first figure frames q too (分别增长10.6%、10.3%): q is of the first's kind
    and has only the aspect no word gives; where that is not a level's (个百分点: a difference), q must also follow
    the figure before it with nothing but the list's joint (分别提高20.9、36.2、54个百分点), no word of its own."""
    first = figures[0]
    if q is first or q.aspect == first.aspect or q.kind.split("/")[0] != first.kind.split("/")[0]:
        return False
    if q.aspect == "value":
        return True
    k = figures.index(q)
    return q.aspect == metrics.default_aspect(q.kind) and LIST_GAP.fullmatch(text, figures[k - 1].end, q.start) is not None


def _pair_with_figures_before(text: str, in_sentence: list, figures: list, unnamed_ok: bool = False) -> bool:
    """产业类投资553.1亿元、研发投入133.5亿元，分别增长10.6%、10.3%: a 分别 with no names before it and
    no list of names earlier frames the figures just before it, one for one, in order."""
    if len(figures) < 2:
        return False
    at = next(i for i, q in enumerate(in_sentence) if q is figures[0])
    before = in_sentence[max(0, at - len(figures)):at]
    # (once the sentence's lists are paired, a level still unnamed is one of the list all the same: 开行国际班列32列，
    # 运送货物2816标箱，货值3.74亿元，分别增长…, each growth is its own level's, the first's name unknown as its level's is)
    if len(before) != len(figures) or not any(q.metric for q in before) \
            or any(not q.metric and (not unnamed_ok or q.aspect != "value") or not _framed_level(q, p)
                   for q, p in zip(before, figures)):
        return False
    frame = text[max(0, figures[0].start - 24):figures[0].start]
    for earlier, q in zip(before, figures):
        if _framed_by_first(text, q, figures):
            q.aspect = figures[0].aspect  # 分别增长10.6%、10.3%: the word before the first frames them all
        rate = metrics.completion_rate(frame, earlier.metric) if q.kind.startswith("percent") else None
        # (签约项目1286个，签约金额4862.5亿元，分别完成年度目标的107.2%和96.3%: each one's rate of completion)
        q.metric, q.metric_source = rate or earlier.metric, "list"
        q.aspect = "value" if rate else q.aspect
        q.subject, q.subject_type, q.city = earlier.subject, earlier.subject_type, earlier.city
    return True


def _framed_level(before, q) -> bool:
    """Whether a figure before a 分别 with no names can name the figure it pairs with: a level or a change, or,
    for points (个百分点), any rate they move (分别占…的86.3%和88.9%，较上年同期分别提高6.2个和7.5个百分点:
    each share's change)."""
    if before.aspect in ("value", "change"):
        return True
    return q.unit == "个百分点" and before.kind.startswith("percent") and before.aspect in ("share", "growth")


def _rates_of_items_before(text: str, in_sentence: list, figures: list, rate: str) -> bool:
    """处置批而未供土地1260亩、闲置土地385亩，处置率分别达到86.3%和100%: one rate's name before 分别, and as many
    amounts of named items right before as rates: each rate is its item's (批而未供土地处置率, 闲置土地处置率)."""
    rate = rate.strip()
    if not rate.endswith("率") or len(rate) < 3 or not all(q.kind.startswith("percent") for q in figures):
        return False
    at = next(i for i, q in enumerate(in_sentence) if q is figures[0])
    before = in_sentence[max(0, at - len(figures)):at]
    if len(before) != len(figures) or any(not q.metric or q.aspect not in ("value", "change")
                                          or q.kind.startswith("percent") for q in before):
        return False
    for item, q in zip(before, figures):
        q.metric, q.metric_source = _item_of(item) + rate, "list"
        q.aspect = "value"
    return True


def _amounts_done_to_items_before(text: str, in_sentence: list, figures: list, pos: int, names: list[str]) -> bool:
    """批而未供土地3260亩，闲置土地512亩，一季度分别处置420亩和96亩: a verb done to items (structure.toml
    item_verbs) right after 分别, with no names before it but a time, and as many amounts of named items in
    the same unit right before: each amount is its item's, named by the verb (处置批而未供土地面积)."""
    told = names[0].strip() if names else ""
    if len(figures) < 2 or told and not rx(patterns.load("metrics")["project_sets"]["part_time"]).fullmatch(told):
        return False
    verb = rx("(?:" + "|".join(patterns.load("structure")["item_verbs"]) + ")了?").match(text, pos + len(RESPECTIVELY))
    if not verb or verb.end() != figures[0].start:
        return False
    at = next(i for i, q in enumerate(in_sentence) if q is figures[0])
    before = in_sentence[max(0, at - len(figures)):at]
    if len(before) != len(figures) or any(not q.metric or q.aspect != "value" or q.unit != p.unit
                                          for q, p in zip(before, figures)):
        return False
    done = verb.group().removesuffix("了")
    for item, q in zip(before, figures):
        q.metric, q.metric_source = (item.metric if item.metric.startswith(done) else done + item.metric), "list"
    return True


def _item_of(q) -> str:
    """处置批而未供土地面积 (with its rate 处置率) → 批而未供土地: the thing an amount measures, without its measure
    word and the verb done to it."""
    spec = metrics.taxonomy()[2]
    thing = q.metric.removesuffix(spec["kind_suffix"].get(q.kind, "")).removesuffix(spec["count_suffix"])
    verb = next((v for v in patterns.load("structure")["item_verbs"] if thing.startswith(v) and len(thing) > len(v) + 1), "")
    return thing[len(verb):]


def _ordinals_shared(names: list[str]) -> list[str]:
    """一、二、三产业增加值: bare ordinals before the name they share are that name's parts."""
    rule = patterns.load("structure")["ordinal_list"]
    numerals = rule["numerals"]
    if len(names) < 2 or not all(n in numerals for n in names[:-1]) or names[-1][:1] not in numerals:
        return names
    tail = names[-1][1:]
    mark = "第" if tail.startswith(tuple(rule["ordinal_before"])) else ""
    return [mark + n + tail for n in names[:-1]] + [mark + names[-1]]


def _list_names(words: str, count: int) -> list[str]:
    """The names of a list: split at 、和及与 where each is a word of its own (not the 及 of 普及率), or, where
    that does not pair them one for one with the figures and a split at 、 alone does, at 、 (a name may hold
    a 和 of its own: 信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长…)."""
    names = metrics.listed_names(words)
    if len(names) != count:
        listed = [n for n in words.split("、") if n]
        if len(listed) == count > 1:
            return listed
    return names


def _without_list_count(names: list[str]) -> list[str]:
    """新材料、装备制造、现代农业三个领域签约项目 → …、现代农业领域签约项目: the count of the list, or its 等,
    after the last name is the list's, not the name's."""
    if len(names) < 2:
        return names
    said = rx(patterns.load("structure")["list_count"]).search(names[-1], 2)
    if not said or said.group("count") and quantities.parse_chinese_number(said.group("count")) != len(names):
        return names
    return names[:-1] + [names[-1][:said.start()] + names[-1][said.end():]]


def _paired(names: list[str], count: int) -> list[str] | None:
    """城乡居民人均可支配收入分别达到6.9万元、3.4万元: one name over a pair of figures, opening on a word
    that stands for a pair (城乡 → 城镇, 农村), is the two names."""
    if len(names) != 1 or count < 2:
        return None
    for word, parts in patterns.load("structure")["pair_words"].items():
        if word in names[0] and len(parts) == count:
            return [names[0].replace(word, part, 1) for part in parts]
    return None


def _counted_before(names: list[str], in_sentence: list, figures: list) -> list[str] | None:
    """签约项目312个、开工项目268个、投产项目175个，总投资分别为1865.4亿元、…: one measure over a list of figures,
    right after as many counts of things, is each counted set's measure (签约项目总投资, 开工项目总投资, …)."""
    if len(names) != 1 or len(figures) < 2 or names[0] not in metrics.taxonomy()[2]["generic_measures"]:
        return None  # (a measure of its own, 城乡低保平均标准, is no measure of the sets before it)
    k = in_sentence.index(figures[0])
    counts = in_sentence[max(0, k - len(figures)):k]
    suffix = metrics.taxonomy()[2]["count_suffix"]
    if len(counts) != len(figures) or not all(q.kind == "count" and q.metric and q.metric.endswith(suffix)
                                              for q in counts) or len({q.metric for q in counts}) < len(counts):
        return None
    return [q.metric.removesuffix(suffix) + names[0] for q in counts]


def _pair_implicit_lists(doc: Document, sentence, in_sentence: list, earlier: list[tuple[int, list[str]]]) -> None:
    """国内游客人次、总花费增长5.6%、7.5%: names listed before an aspect word, figures listed after it,
    as many of each, pair in order as if 分别 stood between them; a clause with the aspect word alone
    (…分别达6.9万元、3.4万元，增长4.2%、5.3%) pairs the sentence's 分别 names again."""
    text = doc.text
    if not LIST_SPLIT.search(text, in_sentence[0].end, in_sentence[-1].start):
        return  # no two figures listed (the common case, cheap)
    k = 0
    while k < len(in_sentence):
        first = in_sentence[k]
        figures = _figure_list(text, in_sentence[k:], first.start - 1, sentence.end)
        k += max(1, len(figures))
        if len(figures) < 2:
            continue
        left_start = max(last_of("，；：。", text, sentence.start, first.start) + 1, sentence.start)
        before = [names for pos, names in earlier if pos < first.start]
        if text.find(RESPECTIVELY, sentence.start, first.start) == -1:
            left = text[left_start:first.start]
            framed = metrics.framed_names(left) or _listed_levels(left, figures) \
                or _paired([metrics.framed_words(left) or ""], len(figures))
            if not framed and metrics.only_aspect(left):
                # 城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%: a clause of an
                # aspect word alone frames the figures just before it, one for one, as 分别 would
                _pair_with_figures_before(text, in_sentence, figures)
                continue
        elif before and len(before[-1]) == len(figures) and (metrics.only_aspect(text[left_start:first.start])
                                                             or _only_set_against(text[left_start:first.start])):
            framed = before[-1]  # (…分别为58.3%和61.7%，低于全省平均水平25.9个和22.5个百分点: the same places' gaps)
        else:
            continue
        if framed and len(framed) == len(figures):
            _apply_names(doc, metrics.shared_head(framed), figures)


def _only_set_against(words: str) -> bool:
    """低于全省平均水平, 高于全市: a clause that only sets its figures against another's."""
    against = metrics._set_against_other(words.strip())
    return against is not None and against.start() == 0


def _listed_levels(left: str, figures: list) -> list[str] | None:
    """城镇和农村人均住房面积32.9平方米、37.1平方米: names listed right before levels listed in one unit,
    as many of each, pair in order (新建和改造农村公路1.2万公里、桥梁300座 is no such list: two units); so do
    changes a verb before the names frames (新增养老、托育机构12家、30家)."""
    if any(q.aspect not in ("value", "change") or q.aspect != figures[0].aspect or q.unit != figures[0].unit
           for q in figures):
        return None
    names = metrics.listed_names(left)
    return names if len(names) == len(figures) else None


def _comparands(names: list[str]) -> bool:
    """对全省开发区、全市贡献率分别为…: a list opening on 对 names what the figures are measured against."""
    return names[0].lstrip().startswith(tuple(patterns.load("structure")["comparand_list"]["openers"]))


def _apply_names(doc: Document, names: list[str], figures: list, comparands: bool = False,
                 traded: list[str] | None = None, written: list[str] | None = None) -> list:
    """Pairs names and figures in order; returns the places the names are (None where a name is no place)."""
    places = _listed_subjects(doc, names, figures, written)
    owned = _measure_owned(names[-1], figures[0], doc.text) if names and not any(places) else None
    said_after = _measure_said_after(doc.text, names[-1], figures[0], owned) if names and not any(places) else None
    for k, (name, q) in enumerate(zip(names, figures)):
        if figures[0].aspect != "value" and _framed_by_first(doc.text, q, figures):
            q.aspect = figures[0].aspect  # 分别增长51.4%、45.5%: the framing word before the first figure frames them all
        if traded:  # 对东盟、欧盟进出口分别增长…: each partner's trade, not the whole
            q.metric, q.metric_source = traded[k], "list"
            continue
        if comparands:
            _apply_shared_measure(names[-1], q)
            continue
        if places[k]:
            place = subjects.in_full(doc, places[k])
            q.subject, q.subject_type, q.city = place.name, place.type, place.city
            if _place_alone(name):
                # 忻州、吕梁两市开发区增速分别为…: the places are the list, and the measure the sentence gives the first
                # figure is every figure's (or, where its clause names none, the measure the last place holds)
                q.metric, q.metric_source = figures[0].metric, figures[0].metric_source
                if not q.metric:
                    _apply_shared_measure(names[-1][len(_place_part(names[-1])):], q)
                if not q.metric:  # …以126.4亿元的利润总额居全省第一，太原、长治两市开发区分别以118.7亿元、84.2亿元…
                    q.metric, q.metric_source = _measure_of_kind_before(doc, figures[0])
                continue
        told = _told_before_list(doc, name.strip(), figures[0])
        if told:  # 宗数和面积分别占…: the measures of the figures told before
            q.metric, q.metric_source = told, "list"
            continue
        metric = (_kind_named(name, said_after) if said_after else None) \
            or metrics.list_item_metric(name, q) or (name.strip() + owned if owned else None)
        rate = metrics.completion_rate(doc.text[max(0, figures[0].start - 24):figures[0].start],
                                       metric or metrics.without_adverbs(name).strip()) \
            if q.kind.startswith("percent") else None
        if rate:  # 城镇新增就业、…分别完成年计划的118.2%、…: each name's rate of completion
            q.metric, q.metric_source, q.aspect = rate, "list", "value"
            continue
        if metric:
            q.metric, q.metric_source = metric, "list"
            if metric in metrics.patterns.load("metrics")["project_sets"]["names"]:
                kind = _kind_of_projects(name)
                if kind:  # 新材料、新能源、现代煤化工项目: each item names its own kind of projects
                    q.metric = kind + metric
                    continue
                sentence = doc.sentence_at(q.start)  # 项目个数和年度投资额: the set named earlier in the sentence
                q.metric, q.metric_source = metrics._of_project_set(
                    doc.text, q, sentence.start if sentence else 0, metric, "list")
    return places


def _measure_said_after(text: str, last: str, first, owned: str | None) -> str | None:
    """新能源、新材料…和生物医药产业分别签约项目236个、198个…: the measure said once right after 分别, which kinds
    listed (no places) each own: 签约项目数 (where the metrics stage read the last kind into it, without it:
    文化惠民工程、全民健身工程分别惠及3500万、2300万人次 → 惠及人次)."""
    spec = patterns.load("structure")["kinds_listed"]
    said = rx(spec["measure_after"]).search(text, max(0, first.start - 16), first.start)
    if said is None or not first.metric or first.metric_source not in ("taxonomy", "fallback"):
        return None
    kind = rx(spec["shared_head"]).sub("", metrics.without_adverbs(last).strip())
    measure = owned or (first.metric[len(kind):] if kind and first.metric.startswith(kind) else first.metric)
    return measure if len(measure) >= 2 and any(
        word in measure for word in rx(r"\p{Han}{2}").findall(said.group("m"))) else None


def _kind_named(name: str, measure: str) -> str | None:
    """The kind's figure of a measure all the listed kinds own: 新能源签约项目数 (the list's shared head dropped:
    生物医药产业 → 生物医药签约项目数)."""
    from .periods import names_a_time, period_of

    spec = patterns.load("structure")["kinds_listed"]
    kind = rx(spec["shared_head"]).sub("", metrics.without_adverbs(name).strip())
    if period_of(kind, len(kind), 0, 2000) or names_a_time(kind):
        return None  # 力争三季度、四季度分别签约项目6个、8个: times, no kinds
    return kind + measure if 2 <= len(kind) <= spec["longest_kind"] and not gazetteer.mentions(kind) else None


def _measure_of_kind_before(doc: Document, first) -> tuple[str | None, str | None]:
    """The measure of the sentence's last figure before `first` in its kind and aspect: what places listed bare,
    with no measure of their own, are measured by."""
    sentence = doc.sentence_at(first.start)
    k = doc.quantities.index(first)
    told = next((p for p in reversed(doc.quantities[:k]) if sentence and p.start >= sentence.start and p.metric
                 and p.kind == first.kind and p.aspect == first.aspect), None)
    return (told.metric, "list") if told else (None, None)


def _measure_owned(last: str, first, text: str) -> str | None:
    """交通运输业、软件业、租赁和商务服务业分别实现营业收入…: names that are no measures own the measure the
    metrics stage read after the last of them (商务服务业营业收入 → 营业收入), each its own (交通运输业营业收入),
    where the text says that measure right before the figures (not 小麦、稻谷最低收购价平均每斤分别提高0.11元: the
    last name holds its measure, and the figures are of the names)."""
    told = first.metric or ""
    last = metrics.without_adverbs(last).strip()
    tail = next((last[k:] for k in range(len(last) - 1) if told.startswith(last[k:])), None)
    measure = told[len(tail):] if tail else ""
    if len(measure) < 2 or first.metric_source not in ("taxonomy", "fallback", "context") \
            or measure not in text[max(0, first.start - 12):first.start]:
        return None
    return measure


def _told_before_list(doc: Document, name: str, first) -> str | None:
    """The metric of the last figure before the list in its sentence that a bare measure (宗数, 面积) stands for."""
    rules = patterns.load("structure")["bare_measures"]
    unit, kind = rules["units"].get(name), rules["kinds"].get(name)
    sentence = doc.sentence_at(first.start)
    if not (unit or kind) or sentence is None:
        return None
    k = doc.quantities.index(first)
    told = (p for p in reversed(doc.quantities[:k]) if p.start >= sentence.start and p.metric
            and (p.unit == unit if unit else p.kind.startswith(kind)))
    return next((p.metric for p in told), None)


def _kind_of_projects(name: str) -> str | None:
    """新材料项目 → 新材料: the kind a listed name gives its projects, where the name is a kind and 项目 alone."""
    plain = name.translate(metrics.QUOTES).strip()
    sets = patterns.load("metrics")["project_sets"]
    kind = plain.removesuffix("项目")
    if kind == plain or len(kind) < 2 or any(w in kind for w in sets["stage_words"]) or gazetteer.mentions(kind):
        return None
    return kind


def _listed_subjects(doc: Document, names: list[str], figures: list, written: list[str] | None = None) -> list:
    """The places a list names, one per name, where its names are places: 太原经开区、长治高新区 …分别; also
    where the last name goes on to the measure they share (太原、长治、晋城三市开发区规上工业增加值分别增长…),
    whose zone word is then every place's (太原 → 太原市开发区). `written`: the names as the list wrote
    them, before the words the last one holds were shared out (太原、大同、朔州开发区: cities, not zones)."""
    heads, found = _heads_and_places(written or names)
    cities = _cities_zones(heads, found)
    if cities:  # (the last place ends at its zone word, whatever words of the measure follow)
        heads[-1], found[-1] = heads[-1][:found[-1][-1][1]], cities
    elif written and written != names:
        heads, found = _heads_and_places(names)
    # (the words after the last place, up to the measure: its zone word, 三市开发区, is every place's)
    shared = heads[-1][found[-1][-1][1]:] if found[-1] else ""
    article = doc.article_at(figures[0].start)
    default = article.subject if article else None
    out = []
    for name, head, places in zip(names, heads, found):
        if not places:  # 综改示范区、综保区、清徐经开区…分别为: a zone's bare word, where the text named one such zone
            out.append(_zone_by_bare_word(doc, head.strip(), figures[0].start))
            continue
        if head != name and not _place_alone(head, places):
            out.append(None)  # 晋城市2022年以来七次活动项目开工率: a place in passing, not the list's items
            continue
        s, e, kind, value = places[-1]
        tail = "" if e < len(head) else shared  # (a zone word of its own, or none, keeps its reading)
        if kind == "place" and value.type == "county" and e == len(head) and _zone_word_of(heads[-1], found[-1]):
            # 榆社、左权开发区: the last one's zone word makes the county's name its zone's (榆社开发区)
            named = head + _zone_word_of(heads[-1], found[-1])
            zoned = subjects._mentions_before(named, 0, len(named))
            s, e, kind, value = zoned[-1] if zoned else (s, e, kind, value)
        resolved = subjects._resolve(kind, value, head + tail, e, default, doc.region)
        if default and default.type == "city_zones" and resolved == Subject(default.city, "city", default.city):
            resolved = default  # in a report on a city's zones, the city's name speaks of those zones
        out.append(subjects.zones_by_city(doc, figures[0], resolved, default))
    return out


def _zone_by_bare_word(doc: Document, word: str, before: int) -> Subject | None:
    """综保区 as a list's item, after the text named 太原武宿综合保税区: a zone's bare word (patterns/subjects.toml,
    bare_zone_words) is the one zone named before whose name or alias ends on it; None where none is, or several."""
    if word not in patterns.load("subjects")["bare_zone_words"]:
        return None
    table = gazetteer.places()
    found = subjects.mentions_between(doc.text, 0, before, doc.region)
    named = {value for _, _, kind, value in found if kind == "place" and value.type == "zone"}
    unlisted = {value for _, _, kind, value in found if kind == "zone_name"
                and any(n.endswith(word) and n != word for n in [value, *gazetteer.rule_aliases(value)])}
    owners = {table[alias] for alias, place in table.items() if place in named and alias.endswith(word) and alias != word}
    if len(owners) + len(unlisted) != 1:
        return None
    if unlisted:  # (大同综合保税区, a zone the gazetteer does not list: as the text names it, of the city it names)
        return Subject(unlisted.pop(), "zone")
    place = owners.pop()
    return Subject(place.name, "zone", place.city)


def _zone_word_of(head: str, places: list) -> str:
    """The zone word a list's last place ends on, where that place is a zone (左权开发区 → 开发区), else ''."""
    if not places or places[-1][2] != "place" or places[-1][3].type != "zone":
        return ""
    named = head[places[-1][0]:places[-1][1]]
    return next((w for w in patterns.load("subjects")["zone_suffixes"] if named.endswith(w) and len(named) > len(w)), "")


def _heads_and_places(names: list[str]) -> tuple[list[str], list]:
    heads = [_place_part(name) for name in names]
    return heads, [subjects._mentions_before(head, 0, len(head)) if head else [] for head in heads]


def _cities_zones(heads: list[str], found: list) -> list | None:
    """太原、大同、朔州开发区…分别: cities' bare names, then a city's with a zone word that any city's zones share;
    the word is every item's, so the last is its city's zones too, not the zone of that alias (朔州开发区 alone
    is 朔州经济开发区)."""
    last = found[-1]
    if len(heads) < 2 or len(last) != 1 or last[0][2] != "place" or last[0][3].type != "zone":
        return None
    if not all(places and places[-1][2] == "place" and places[-1][3].type == "city" and _place_alone(head, places)
               and places[-1][1] == len(head.rstrip()) for head, places in zip(heads[:-1], found[:-1])):
        return None
    start, end = last[0][:2]
    named = heads[-1][start:end]
    for word in patterns.load("structure")["cities_zone_words"]:
        city = gazetteer.places().get(named[:-len(word)]) if named.endswith(word) else None
        if city and city.type == "city":
            return [(start, end - len(word), "place", city)]
    return None


def _rest_after_places(names: list[str]) -> str | None:
    """太原、晋中、运城开发区出让宗数 (居全省前列，分别为…): places listed bare before the last, which goes on past its
    place and its zones' word, share what follows: 出让宗数, each place's."""
    found = subjects._mentions_before(names[-1], 0, len(names[-1])) if len(names) > 1 else []
    if not found or found[0][0] != 0 or not all(map(_place_alone, names[:-1])):
        return None
    rest = names[-1][rx(patterns.load("structure")["place_item_tail"]).match(names[-1], found[0][1]).end():]
    return rest if len(rest) >= 2 else None


def _names_a_zone(name: str) -> bool:
    """太原经济技术开发区, 长治高新区: a list's item that is one zone, by its own name (not 忻州, a city whose zones the
    list's last item may make it)."""
    found = subjects._mentions_before(name, 0, len(name))
    return len(found) == 1 and (found[0][2] == "zone_name" or found[0][2] == "place" and found[0][3].type == "zone")


def _place_alone(name: str, found: list | None = None) -> bool:
    """Whether a list's item is a place and nothing more (太原经开区, 吕梁两市开发区增速); `found`, its mentions where
    they are known already."""
    found = subjects._mentions_before(name, 0, len(name)) if found is None else found
    if len(found) != 1 or found[0][0] != len(name) - len(name.lstrip()):
        return False
    return rx(patterns.load("structure")["place_item_tail"]).fullmatch(name.rstrip()[found[0][1]:]) is not None


def _place_part(name: str) -> str:
    """A list item's words before the measure it names (晋城三市开发区规上工业增加值 → 晋城三市开发区; a zone word
    such as 开发区 is part of the place, not the count of zones it names elsewhere); the item whole where
    it names no measure."""
    measure = _measure_in(name)
    if not measure:
        return name
    head = name.translate(metrics.QUOTES)[:measure.start()]
    # (…and the words between the place and the measure's cue are the measure's: 运城跨境电商进出口, 晋城经开区亩均
    # 税收 → 运城, 晋城经开区)
    found = subjects._mentions_before(head, 0, len(head))
    if len(found) == 1 and found[0][0] == 0 and found[0][2] in ("place", "zone_name"):
        cut = rx(patterns.load("structure")["place_item_tail"]).match(head, found[0][1]).end()
        if cut < len(head) and rx(r"\p{Han}{2,}").fullmatch(head, cut):
            return head[:cut]
    return head


def _measure_in(name: str):
    zone_words = patterns.load("subjects")["zone_suffixes"]
    return next((m for m in metrics.taxonomy()[1].finditer(name.translate(metrics.QUOTES))
                 if m.group() not in zone_words), None)


def _apply_shared_measure(last_name: str, q) -> None:
    """对东盟、欧盟进出口分别增长…: the measure the last comparand holds is every figure's."""
    metric = metrics.list_item_metric(last_name, q)
    if metric:
        q.metric, q.metric_source = metric, "list"


def _link_parts(doc: Document) -> None:
    text = doc.text
    quantities = doc.quantities
    starts = [q.start for q in quantities]  # in text order
    for i, sentence in enumerate(doc.sentences):
        found = list(_part_openers().finditer(text, sentence.start, sentence.end))
        if not found:
            continue
        opened = [m.start() for m in found]
        among = {m.start(): m.group("among") for m in found}  # 在签约项目中，: the total's own things
        floor = doc.sentences[i - 1].start if i > 0 else sentence.start
        # (a paragraph's 其中 breaks down its own totals, never the paragraph's before; but a paragraph that opens on
        # 其中, cut from the one before by a line that ended on a stop, breaks down that one's last sentence, where its
        # parts name no measure of their own: 其中，阳泉经济技术开发区596个，…)
        carried = "\n" in text[floor:sentence.start] and text[sentence.start - 1:sentence.start] == "\n" \
            and text.startswith(OF_WHICH, sentence.start)
        if "\n" in text[floor:sentence.start] and not carried:
            floor = sentence.start
        lo, hi = bisect.bisect_left(starts, floor), bisect.bisect_left(starts, sentence.end)
        for k in range(lo, hi):
            q = quantities[k]
            if not (opened[0] < q.start < sentence.end) or q.aspect not in ("value", "change", None) or _never_a_part(q) \
                    or carried and q.metric is not None:
                continue
            # (…其中国家级2个；全市共有A级景区45家，其中5A级3家: each part breaks down the total before its own 其中)
            pos = max(p for p in opened if p < q.start)
            totals = [t for t in range(lo, k) if quantities[t].start < pos]
            # (新增公路通车里程1.2万公里，其中高速公路3358公里；增加铁路新线1423公里: a semicolon ends the breakdown
            # of an addition, though a list of levels may go on past it: 其中，A…；B…)
            stop = text.find("；", pos, sentence.end)
            # (a total of the part's own name comes first: 处置批而未供土地3.42万亩…；处置闲置土地0.86万亩。其中，
            # 运城市开发区处置批而未供土地0.68万亩 is a part of the 3.42, not of the nearer 0.86)
            for t in sorted(reversed(totals), key=lambda t: q.metric is None or quantities[t].metric != q.metric):
                total = quantities[t]
                if among.get(pos) and among[pos].translate(metrics.QUOTES) not in (total.metric or ""):
                    continue  # 在签约项目中: a part of the signed projects only
                if t + 1 < len(quantities) and _target_amount(text, total, quantities[t + 1], floor):
                    continue  # …完成全年300万千瓦目标任务的62.2%，其中…: the parts are of what was done, not of the target
                if total.aspect == "change" and (-1 < stop < q.start or _says_whole(text, q, pos)):
                    continue
                if total.aspect == "change" and _change_of_level_before(text, quantities, t, lo):
                    continue  # 企业112家，比去年同期增加17家；其中…企业11家: a part of the 112, not of the increase
                if total.unit != q.unit and -1 < stop < q.start:
                    continue  # (a part in another magnitude is one only inside the breakdown's own clauses)
                if (_same_measure_unit(total, q) and _told_alike(total, q)
                        and metrics.family(total.metric) == metrics.family(q.metric)):
                    q.parent = t
                    if total.aspect == "change":
                        q.aspect = "change"  # 新增市场主体1.2万户，其中企业3200户: the part of what is new is new
                    _part_of_zones(total, q)
                    _part_of_subject(doc, total, k)
                    _graded_part(text, total, q, quantities[k - 1] if k > lo else None)
                    if total.metric and q.subject != total.subject and (
                            q.metric is None or _counted_by_verb_alone(q, total) or _named_by_subject_alone(q, text)):
                        _named_by_total(doc, k, total.metric)
                    elif total.metric and _new_by_verb_alone(q):
                        # 累计建成标准化厂房286万平方米，其中今年新建52.3万平方米: the part new this year of the total's
                        q.metric, q.metric_source, q.aspect = total.metric, "context", "change"
                    elif total.metric and (things := _things_of_total(q, total)):
                        q.metric = things
                    break


def _change_of_level_before(text: str, quantities: list, t: int, lo: int) -> bool:
    """Whether the change at `t` only says how far the level of its own measure right before it moved, against a
    base (企业112家，比去年同期增加17家), where 新增1.2万户 after a level states the new ones, whose parts follow."""
    if t <= lo:
        return False
    level, change = quantities[t - 1], quantities[t]
    moved = rx(patterns.load("structure")["level_moved"]).search(text, level.end, change.start)
    return level.aspect == "value" and level.metric == change.metric and level.unit == change.unit and moved is not None


@functools.cache
def _part_openers():
    """其中, and 在签约项目中， (the things of a total named, then their parts)."""
    return rx(OF_WHICH + "|" + patterns.load("structure")["among_total"])


def _never_a_part(q) -> bool:
    """A rate (开工率) or an average (平均承接52项) of a part: such figures of the parts do not add up."""
    spec = patterns.load("structure")
    return bool(q.metric) and (q.kind.startswith("percent") and q.metric.endswith(tuple(spec["rate_ends"]))
                               or any(mark in q.metric for mark in spec["average_marks"]))


def _named_by_total(doc: Document, k: int, metric: str) -> None:
    """…工业投资186.4亿元…。其中，忻州经济开发区完成62.1亿元，增长18.9%: a place's part that names no measure
    of its own is its part of the total's measure, and so is the growth said of it right after (a part of the
    same subject, 其中本年开始建设的271个, is a kind the total's name does not say)."""
    part = doc.quantities[k]
    said, part.metric, part.metric_source = part.metric, metric, "context"
    sentence = doc.sentence_at(part.start)
    for later in doc.quantities[k + 1:]:
        if said is None or sentence is None or later.start >= sentence.end:
            break
        if later.metric == said:  # …办理412件，…，分别占全市的32.5%: what the part's own words named, renamed
            later.metric, later.metric_source = metric, "context"
    after = doc.quantities[k + 1] if k + 1 < len(doc.quantities) else None
    if after is not None and after.metric is None and after.aspect == "growth" \
            and rx(r"[，,]?\p{Han}{0,4}$").fullmatch(doc.text, part.end, after.start):
        after.metric, after.metric_source = metric, "context"


def _same_measure_unit(total, part) -> bool:
    """The part is told in the total's unit and is no larger; or, of the same measure, in another magnitude of it,
    compared on the base (全省开发区实现营业收入1.2万亿元，其中国家级开发区实现营业收入9860亿元); a count's part may
    name its own kind of the things counted (新引进各类人才1.26万人，其中硕士及以上学历人才2860人)."""
    if total.unit == part.unit:
        return abs(total.value) >= abs(part.value)
    if part.metric not in (None, total.metric) and not _kind_of_things_counted(total, part) \
            or total.kind != part.kind or total.base_unit != part.base_unit:
        return False
    return None not in (total.base_value, part.base_value) and abs(total.base_value) >= abs(part.base_value)


def _kind_of_things_counted(total, part) -> bool:
    """硕士及以上学历人才数 of 人才数: a count whose name ends as the total's does, on the things both count (three
    characters at least, more than the count's word)."""
    if total.kind != "count" or not total.metric or not part.metric:
        return False
    shared = os.path.commonprefix([total.metric[::-1], part.metric[::-1]])
    return len(shared) >= 3


def _counted_by_verb_alone(part, total) -> bool:
    """共办理审批事项1268件。其中，晋城经开区办理412件: a place's part counted by the verb alone (办理数) that opens
    the total's name counts the total's things."""
    count = metrics.taxonomy()[2]["count_suffix"]
    verb = part.metric.removesuffix(count)
    return part.metric_source == "fallback" and part.metric.endswith(count) and total.metric.endswith(count) \
        and len(verb) >= 2 and total.metric.startswith(verb) and total.metric != part.metric


def _named_by_subject_alone(part, text: str) -> bool:
    """其中国家级开发区963.7亿元: a part whose name is only its subject's words and its kind's word (国家级开发区金额)
    names no measure of its own; nor does a count right after its owner's name (其中，太原市开发区1352家 is no
    count of zones, 开发区数, but the city's zones' part of the total)."""
    spec = metrics.taxonomy()[2]
    suffix = spec["kind_suffix"].get(part.kind) or (spec["count_suffix"] if part.kind == "count" else None)
    words = part.metric.removesuffix(suffix) if suffix and part.metric.endswith(suffix) else ""
    named = part.metric_source == "fallback" or bool(part.subject) and text.endswith(part.subject, 0, part.start)
    return named and len(words) >= 2 and bool(part.subject) and part.subject.endswith(words)


def _new_by_verb_alone(part) -> bool:
    """其中今年新建52.3万平方米: a part named by a verb of adding alone (新建面积) and its kind's measure word."""
    suffix = metrics.taxonomy()[2]["kind_suffix"].get(part.kind)
    return part.metric_source == "fallback" and bool(suffix) and part.metric.endswith(suffix) \
        and part.metric.removesuffix(suffix) in patterns.load("structure")["new_part_verbs"]


def _things_of_total(part, total) -> str | None:
    """腾退低效企业136家，其中…兼并重组58家、引导外迁37家: a part named by what was done alone (兼并重组数) counts
    the things the total counts: 兼并重组企业数."""
    count = metrics.taxonomy()[2]["count_suffix"]
    if part.metric_source != "fallback" or not part.metric or not part.metric.endswith(count) or part.aspect != "value":
        return None
    deed = part.metric.removesuffix(count)
    things = next((t for t in patterns.load("metrics")["project_sets"]["generic_counted"]
                   if total.metric.endswith(t + count)), None)
    words = metrics.tagged(deed)
    if things is None or things in deed or not words or words[-1][1] not in ("v", "vn"):
        return None
    return deed + things + count


def _says_whole(text: str, q, opened: int) -> bool:
    """…高速公路总里程达9.56万公里: a figure whose own clause (after its 其中, opened) says it reached a whole is
    no part of an addition."""
    clause = max(last_of("，,；;", text, 0, q.start), opened)
    return rx(patterns.load("structure")["whole_clause"]).match(text[clause:q.start].lstrip("，,；;")) is not None


def _graded_part(text: str, total, q, before=None) -> None:
    """新增省级以上研发平台14个，其中国家级2个 → 国家级研发平台数: a part said by its grade alone counts the total's
    things of that grade; after a part of the same total that names its things (其中A类企业320家，B类540家), those
    things, of its own grade."""
    if not total.metric or total.kind != q.kind:
        return
    rules = patterns.load("structure")
    grade = rx(rules["graded_part"]).search(text, max(0, q.start - rules["graded_reach"]), q.start)
    if grade:
        sibling = before is not None and before.parent == q.parent and before.unit == q.unit and before.metric \
            and not rx(r"[0-9]").search(grade.group("grade"))  # (a bound's part counts the total's things)
        things = before.metric if sibling else total.metric
        q.metric = "".join(grade.group("grade").split()) + rx(rules["graded_total"]).sub("", things, count=1)
        q.metric_source = "context"


def _told_alike(total, q) -> bool:
    """Whether a part and a total are told alike: both levels, or both additions (新增…，其中…), where the
    part says no other aspect of its own."""
    if total.aspect in ("value", None):
        return q.aspect in ("value", None)
    return total.aspect == "change" and q.aspect in ("value", "change")


def _part_of_subject(doc: Document, total, k: int) -> None:
    """今年1—9月，运城市开发区完成进出口总额103.5亿元…。其中，出口76.4亿元: a part (the k-th figure) whose sentence
    names no owner before it is the total's owner's, whatever the article's own subject."""
    q = doc.quantities[k]
    sentence = doc.sentence_at(q.start)
    if q.subject == total.subject or sentence is None or total.start >= sentence.start \
            or subjects._mentions_before(doc.text, sentence.start, q.start):
        return
    if total.subject_type in ("city", "province") and q.subject_type in ("city_zones", "province_zones") \
            and subjects.zones_part_before(doc.text, sentence.start, q.start):
        return  # 全省…2386家。其中，开发区内有实绩企业1462家: the part is the place's zones'
    said = q.subject
    q.subject, q.subject_type, q.city = total.subject, total.subject_type, total.city
    for after in doc.quantities[k + 1:]:  # (…，增长24.6%: what the part's clause says of it after it is its too)
        if after.start >= sentence.end or after.subject != said or after.parent is not None \
                or rx("[；;]").search(doc.text, q.end, after.start) or after.aspect == "value":
            break
        after.subject, after.subject_type, after.city = total.subject, total.subject_type, total.city


def _part_of_zones(total, q) -> None:
    """全省开发区实际使用外资3.2亿美元，其中太原、大同分别完成…: a city named as a part of the province's zones (or
    of a group of cities' zones: 晋北三市开发区…，其中大同3.42亿元) is that city's zones."""
    zones = total.subject_type == "province_zones" or total.subject_type == "other" and total.subject \
        and total.subject.endswith(subjects._rules()["zones_word"])  # (晋北三市开发区: a group of cities' zones)
    if zones and q.subject_type == "city" and q.city:
        zones = subjects._city_subject(q.city, zones=True)
        q.subject, q.subject_type = zones.name, zones.type


def _completion_rates(doc: Document) -> None:
    """税收共收到12,745,390,000元，完成预算数的92.49%; 城镇新增就业、新增发放创业担保贷款分别完成年计划的
    118.2%、248.57%: a percentage held against a plan or budget is its rate of completion, named by what was
    done: the amount the clause before states, else its own clause's measure (a list's names are paired
    with their rates in _apply_names)."""
    text = doc.text
    # the first figure of the list the figure is in; the last figure outside it; the amount done that one tells
    first, before, done = None, None, None
    for k, q in enumerate(doc.quantities):
        joined = k > 0 and LIST_GAP.fullmatch(text, doc.quantities[k - 1].end, q.start) is not None
        if not joined:
            before, first = (doc.quantities[k - 1] if k else None), q
            done = _amount_done(doc, k - 1) if k else None
        if not q.kind.startswith("percent") or q.metric_source == "list":
            continue  # (a list's figures are named by its names already, rates of completion or not)
        sentence = doc.sentence_at(first.start)
        floor = sentence.start if sentence else max(0, first.start - 80)
        frame = text[max(floor, first.start - 24):first.start]
        if first is q and k >= 2 and _target_amount(text, before, q, floor):
            frame = text[max(floor, before.start - 24):before.start] + text[before.end:q.start]
            done = _amount_done(doc, k - 2)
            if done.metric and not done.kind.startswith("percent") and done.start >= floor:
                before.metric, before.metric_source, before.aspect = done.metric, "context", done.aspect
            before = doc.quantities[k - 2]
        base = None
        if done is not None and done.start >= floor and done.metric \
                and not done.kind.startswith("percent") and text.count("，", before.end, first.start) <= 1:
            # 其他收入收到903,065,000元，完成预算数的121.68%; but …，确保固定资产投资完成年度目标的80%: its own measure
            base = metrics.measure_named(text[before.end:first.start]) or done.metric
        # (…营业收入完成年度目标的71.2%: a rate whose measure takes no percentage is named by the measure's cue)
        name = metrics.completion_rate(frame, base or q.metric or metrics.measure_named(frame))
        if name:
            q.metric, q.metric_source, q.aspect = name, "context", "value"


def _gaps_to_schedule(doc: Document) -> None:
    """…完成年度目标的71.2%，低于时序进度3.8个百分点: a gap in points to where the year's schedule stands is the gap
    of the rate of completion before it, as done (no plan of its own); 较上年同期提高9.3个百分点 is its move."""
    spec = patterns.load("structure")
    gap, moved = rx(spec["schedule_gap"]), rx(spec["rate_moved"])
    for k, q in enumerate(doc.quantities):
        if q.kind != "pp" or k == 0:
            continue
        rate = doc.quantities[k - 1]
        if not (rate.kind.startswith("percent") and rate.metric and rate.metric.endswith("完成率")):
            continue
        if gap.fullmatch(doc.text, rate.end, q.start):
            q.metric, q.metric_source, q.aspect, q.status = rate.metric, "context", "difference", rate.status
        elif q.metric is None and moved.fullmatch(doc.text, rate.end, q.start):
            q.metric, q.metric_source, q.aspect, q.status = rate.metric, "context", "change", rate.status


def _target_amount(text: str, amount, rate, floor: int) -> bool:
    """…，完成全年300万千瓦目标任务的62.2%: whether `amount` is the target said inside the frame of `rate`."""
    spec = patterns.load("structure")
    return amount is not None and amount.start >= floor and not amount.kind.startswith("percent") \
        and rx(spec["target_amount_after"]).match(text[amount.end:rate.start]) is not None \
        and rx(spec["target_amount_before"]).search(text, max(floor, amount.start - 12), amount.start) is not None


def _amount_done(doc: Document, k: int):
    """The amount done that a rate of completion after the k-th figure is held against: that figure, or the amount
    it is the growth of (固定资产投资完成52.3亿元，同比增长18.7%，完成年度目标任务的108.2%: 固定资产投资's rate)."""
    q = doc.quantities[k]
    prior = doc.quantities[k - 1] if k else None
    if q.aspect == "growth" and prior is not None and prior.metric == q.metric and prior.aspect == "value" \
            and doc.text.count("，", prior.end, q.start) <= 1 and not rx("[；;。]").search(doc.text, prior.end, q.start):
        return prior
    return q


def _rank_shared_by_figures(doc: Document) -> None:
    """…新增专精特新中小企业34家、“小巨人”企业4家，新增数量均居全省开发区第一: see structure.toml,
    rank_shared_by_figures."""
    text, own = doc.text, rx(patterns.load("structure")["rank_shared_by_figures"]["own_clause"])
    for k, q in enumerate(doc.quantities):
        sentence = doc.sentence_at(q.start) if q.is_rank and k >= 2 else None
        if sentence is None:
            continue
        clause = last_of("，,；;", text, sentence.start, q.start) + 1
        if not own.match(text, max(clause, sentence.start), q.start):
            continue
        floor = max(last_of("；;", text, sentence.start, clause) + 1, sentence.start)
        before = doc.quantities[k - 1]
        told = [p for p in doc.quantities[:k] if p.start >= floor and p.metric and p.aspect == before.aspect]
        if len({p.metric for p in told}) >= 2:
            q.metric, q.metric_source = told[0].metric, "context"


def _shared_figures(doc: Document) -> None:
    """游客人次、旅游花费均增长10%以上: one figure said of every name of a list belongs to the first of them (a
    rank, 水稻、油茶产量位居全国第1, is shared without 均); a figure list is paired name by name instead."""
    text, shared = doc.text, rx(patterns.load("structure")["shared_figure"]["shared"])
    for k, q in enumerate(doc.quantities):
        if q.metric_source == "list" or (k + 1 < len(doc.quantities)
                                          and LIST_GAP.fullmatch(text, q.end, doc.quantities[k + 1].start)):
            continue
        left = max(last_of("，,；;：:。\n", text, max(0, q.start - 80), q.start) + 1, 0)
        if k and doc.quantities[k - 1].end > left:
            continue  # another figure in the clause: a list of its own
        m = shared.fullmatch(text, left, q.start)
        if not m or (not q.is_rank and not rx("[均都]").search(text, m.end("names"), q.start)):
            continue
        names = metrics.listed_names(m.group("names"))
        bare = patterns.load("structure")["bare_measures"]
        if "、" not in m.group("names") and not all(n in bare["units"] or n in bare["kinds"] for n in names):
            continue  # (a 和 joins words of one name, unless the names are bare measures)
        if all(map(_place_alone, names[:-1])):
            continue  # 太原、晋中、运城三市出让面积均超过2000亩: the places own the figure, one measure is named
        told = _told_before_list(doc, names[0], q) if len(names) > 1 else None
        metric = told or (metrics.list_item_metric(metrics.shared_head(names)[0], q) if len(names) > 1 else None)
        if metric:
            q.metric, q.metric_source = metric, "list"


def _thing_after(text: str, end: int) -> bool:
    """发行1000亿元长期国债: words after the figure other than a joint (和), a verb (居), a qualifier (左右) or a
    measure word (位)."""
    after = rx(r"\s*(\p{Han}{1,8})").match(text, end)
    return after is not None and metrics.tagged(after.group(1))[0][1][0] not in "cvpmuq"


@functools.lru_cache(maxsize=4096)
def _bare_deed(name: str) -> bool:
    """出让面积, 整改率: a deed and its measure, and nothing it was done to (structure.toml, deed_named_before)."""
    spec = patterns.load("structure")["deed_named_before"]
    if name in spec["bare_names"]:
        return True
    words = metrics.tagged(name)
    return len(words) == 2 and words[0][1] in spec["deed_tags"] and words[1][0] in spec["measures"]


def _deeds_named_before(doc: Document) -> None:
    """晋城经济技术开发区出让9宗、742.6亩, after 出让“标准地”186宗、1.26万亩: a figure named only by a deed and its
    measure takes the fuller name its article told that deed by before (标准地出让宗数, 标准地出让面积)."""
    told: list = []  # the named figures of the article so far
    article_start = None
    for q in doc.quantities:
        article = doc.article_at(q.start)
        start = article.start if article else 0
        if start != article_start:
            told, article_start = [], start
        # (发行1000亿元长期国债: the thing the deed was done to follows the figure, and the bare name is not the case)
        if q.metric and _bare_deed(q.metric) and not _thing_after(doc.text, q.end):
            fuller = next((p.metric for p in reversed(told) if p.metric != q.metric and p.metric.endswith(q.metric)),
                          None)
            if fuller:
                q.metric, q.metric_source = fuller, "context"
        if q.metric:
            told.append(q)


def _comparands_in_brackets(doc: Document) -> None:
    """…增长9.8%，高于全省（4.1%）5.7个百分点: see structure.toml, bracketed_comparand."""
    spec = patterns.load("structure")["bracketed_comparand"]
    frame, gap_after = rx(spec["frame"]), rx(spec["gap_after"])
    text, quantities = doc.text, doc.quantities
    for k, q in enumerate(quantities):
        if k == 0 or not q.kind.startswith("percent") or not frame.search(text, max(0, q.start - 24), q.start):
            continue
        sentence = doc.sentence_at(q.start)
        floor = sentence.start if sentence else max(0, q.start - 80)
        growth = next((p for p in reversed(quantities[:k]) if p.start >= floor and p.aspect == "growth" and p.metric),
                      None)
        if growth is None or rx("[；;。]").search(text, growth.end, q.start):
            continue
        if q.metric is None or q.metric == growth.metric:
            q.metric, q.metric_source, q.aspect = growth.metric, "context", "growth"
        gap = quantities[k + 1] if k + 1 < len(quantities) else None
        if gap is not None and gap.kind == "pp" and gap_after.match(text[q.end:gap.start]):
            gap.aspect = "difference"  # …（下降1.6%）10.5个百分点: the gap, not a change
            if gap.metric is None:
                gap.metric, gap.metric_source = growth.metric, "context"
            ranked = quantities[k + 2] if k + 2 < len(quantities) else None
            if ranked is not None and ranked.is_rank and ranked.metric is None \
                    and not rx("[。；;！？]").search(text, gap.end, ranked.start):
                ranked.metric, ranked.metric_source = growth.metric, "context"  # …2.1个百分点，居全省第3位


def _shares_of_figures_before(doc: Document) -> None:
    """…，其中开发区新增203家，占比近七成; …分别开行214列、97列和75列，太原占全省的55.4%: see structure.toml,
    share_of_figure_before."""
    spec = patterns.load("structure")["share_of_figure_before"]
    bare, owner_share = rx(spec["bare"]), rx(spec["owner_share"])
    text = doc.text
    for k, q in enumerate(doc.quantities):
        if q.aspect != "share" or not q.kind.startswith("percent") or k == 0:
            continue
        sentence = doc.sentence_at(q.start)
        floor = sentence.start if sentence else max(0, q.start - 80)
        before = []  # the sentence's named figures before the share, the nearest first (a walk back, not the doc)
        for p in reversed(doc.quantities[:k]):
            if p.start < floor:
                break
            if p.metric and not p.kind.startswith("percent"):
                before.append(p)
        if not before or rx("[；;。]").search(text, before[0].end, q.start):
            continue
        if doc.quantities[k - 1] is before[0] and bare.match(text[before[0].end:q.start]):
            q.metric, q.metric_source = before[0].metric, "context"
        elif q.metric is None and q.subject and owner_share.search(text, last_of("，,", text, floor, q.start) + 1, q.start):
            owned = next((p for p in before if p.subject == q.subject), None)
            if owned:
                q.metric, q.metric_source = owned.metric, "context"


def _rates_of_places(doc: Document) -> None:
    """…规上工业增加值同比增长7.8%。其中，晋城经开区、高平经开区增速分别为9.2%、8.5%, 增速排名前三位的依次为
    晋中市开发区（12.6%）、…: a rate said of a place with no measure of its own, in the sentence of a growth just
    told of another subject or the one after it, is the rate of that growth's measure (a place is no kind of
    the measure, as 其中，现代工业增长… is: the subject must differ); so is one after another place's named level
    (分市看，太原市开发区规上工业增加值612.3亿元…。增速方面，吕梁市开发区同比增长14.6%)."""
    text, told, bracketed = doc.text, None, rx(patterns.load("structure")["bracketed_next"])
    still = None  # where the growth's measure was last told (…其中，运城经开区、河津经开区分别完成52.16亿元…)
    for k, q in enumerate(doc.quantities):
        if q.aspect == "growth" and q.metric:
            told = still = q
        elif told is not None and q.metric == told.metric and q.subject != told.subject:
            still = q
        elif q.aspect == "value" and q.metric and q.metric_source != "fallback" and q.subject_type in PLACE_TYPES \
                and (told is None or q.subject != told.subject):
            told = still = q  # 分市看，太原市开发区规上工业增加值612.3亿元…。增速方面，吕梁市开发区同比增长14.6%
        elif q.metric is None and q.aspect == "value" and told is not None and doc.quantities[k - 1] is told \
                and q.unit == told.unit \
                and bracketed.fullmatch(text, told.end, q.start) and text.startswith(("）", ")"), q.end):
            # 晋城（14.2%）、太原（12.8%）和运城（11.5%）: the rates after the first in brackets are rates of its growth
            q.aspect, q.metric, q.metric_source = told.aspect, told.metric, "context"
            told = q
        elif q.metric is None and q.aspect in ("growth", "difference") and told is not None \
                and q.subject_type in PLACE_TYPES and (q.subject != told.subject or _rate_word_before(text, q)) \
                and _same_paragraph_or_place_led(doc, told, q) and sum(map(text[still.end:q.start].count, "。！？")) <= 1:
            q.metric, q.metric_source = told.metric, "context"
            ranked = doc.quantities[k + 1] if k + 1 < len(doc.quantities) else None
            if ranked is not None and ranked.is_rank and ranked.metric is None \
                    and not rx("[。；;！？]").search(text, q.end, ranked.start):
                ranked.metric, ranked.metric_source = told.metric, "context"  # …增速达10.2%，位列全省开发区第二


def _rate_word_before(text: str, q) -> bool:
    """…广灵开发区规上工业增加值同比增长6.4%。…力争三季度增速回升至8%以上: a bare word of rate in the figure's clause
    speaks of the growth told last, of the same subject too."""
    clause = text[last_of("，,；;。", text, max(0, q.start - 24), q.start) + 1:q.start]
    return bool(rx(patterns.load("structure")["bare_rate_word"]).match(clause))


def _picked_one(doc: Document) -> None:
    """出让宗数最多的是长治市开发区，为128宗: the one place a measure picked, then its figure, which its own words
    do not name: the measure names it and frames it (as a list's lead does, _framed_by_lead)."""
    spec = patterns.load("structure")
    lead_re, gap_re = rx(spec["clause_before_lead"]), rx(spec["picked_one_gap"])
    text = doc.text
    for k, q in enumerate(doc.quantities):
        if q.metric is not None and q.metric_source != "fallback" \
                or not any(w in text[max(0, q.start - 60):q.start] for w in ("的是", "的为", "的有")):
            continue  # (the cheap test first: no picking words near, no lead)
        sentence = doc.sentence_at(q.start)
        if sentence is None:
            continue
        floor = max(sentence.start, doc.quantities[k - 1].end if k else 0)
        start = last_of("，；：。,;:", text, floor, q.start)
        start = last_of("，；：。,;:", text, floor, start) if start > floor else start
        lead = lead_re.match(text, max(start + 1, floor), q.start)
        if not lead:
            continue
        places = gazetteer.mentions(text[lead.end():q.start])
        if len(places) == 1 and places[0][0] == 0 and gap_re.match(text[lead.end() + places[0][1]:q.start]):
            _framed_by_lead(lead.group("measure"), [q])


def _indicators_told(doc: Document) -> None:
    """…工业投资同比增长16.2%，两项指标增速分别居全省第三位和第二位: see structure.toml, indicators_told."""
    text, told_re = doc.text, rx(patterns.load("structure")["indicators_told"])
    for sentence in doc.sentences:
        if "指标" not in text[sentence.start:sentence.end]:
            continue  # (the cheap test first)
        for told in told_re.finditer(text, sentence.start, sentence.end):
            n = quantities.whole_number(told.group("n"))
            figures = _figure_list(text, doc.quantities, told.end() - 1, sentence.end)
            measures = []
            for q in reversed([q for q in doc.quantities if sentence.start <= q.start and q.end <= told.start()]):
                if q.metric and q.metric not in measures and q.metric_source != "fallback":
                    measures.insert(0, q.metric)
            if n < 2 or len(figures) != n or len(measures) < n:
                continue
            for q, metric in zip(figures, measures[-n:]):
                q.metric, q.metric_source = metric, "context"


def _graded_counts(doc: Document) -> None:
    """评出优秀等次开发区18个、良好等次36个: see structure.toml, grade_item."""
    text, item = doc.text, rx(r"\s*、\s*(?P<grade>" + patterns.load("structure")["grade_item"] + r")\s*")
    suffix_count = metrics.taxonomy()[2]["count_suffix"]
    k = 0
    while k < len(doc.quantities):
        q, chain = doc.quantities[k], []
        while q.kind == "count" and k + len(chain) + 1 < len(doc.quantities):
            nxt = doc.quantities[k + len(chain) + 1]
            grade = item.fullmatch(text, (chain[-1][0] if chain else q).end, nxt.start)
            if not grade or nxt.kind != "count" or nxt.unit != q.unit:
                break
            chain.append((nxt, grade))
        k += len(chain) + 1
        if not chain:
            continue
        first = chain[0][1]
        words = text[max(0, last_of("，。；：,;:", text, max(0, q.start - 40), q.start) + 1):q.start]
        at = words.rfind(first.group("suffix"))
        head = len(first.group("grade")) - len(first.group("suffix"))
        noun = words[at + len(first.group("suffix")):] if at >= head else ""
        if not rx(r"\p{Han}{2,8}").fullmatch(noun):
            continue
        q.metric, q.metric_source = words[at - head:at + len(first.group("suffix"))] + noun + suffix_count, "list"
        for nxt, grade_name in chain:
            nxt.metric, nxt.metric_source = grade_name.group("grade") + noun + suffix_count, "list"


def _same_paragraph_or_place_led(doc: Document, told, q) -> bool:
    """The rate stands in the paragraph of the growth told, or in the next, which opens on the place it is of (a
    short line ended the one before: …21.05亿元。 / 运城经开区增速达10.2%): no new topic came between."""
    gap = doc.text[told.end:q.start]
    if "\n" not in gap:
        return True
    sentence = doc.sentence_at(q.start)
    opens = sentence is not None and gap.count("\n") == 1 and doc.text[sentence.start - 1:sentence.start] == "\n"
    lead = len(OF_WHICH) + 1 if opens and rx(OF_WHICH + "[，,]").match(doc.text, sentence.start) else 0
    # (…or on 其中 and that place: …的目标任务。 / 其中，临汾经济开发区、侯马经济开发区分别下降6.2%、5.5%)
    found = subjects._mentions_before(doc.text, sentence.start + lead, q.start) if opens else []
    return bool(found) and found[0][0] == sentence.start + lead


def _sibling_bounds(doc: Document) -> None:
    """…超百亿元的开发区有26家，超50亿元的有12家: see structure.toml, sibling_bound."""
    pattern = rx(patterns.load("structure")["sibling_bound"])
    suffix = metrics.taxonomy()[2]["count_suffix"]
    for k, q in enumerate(doc.quantities):
        sentence = doc.sentence_at(q.start) if q.kind == "count" and (
            q.metric is None or q.metric_source == "fallback") else None
        if sentence is None:
            continue  # (only a count unnamed, or named by its noun alone, can be a sibling: looked up for those alone)
        said = pattern.search(doc.text, max(sentence.start, q.start - 24), q.start)
        if said and q.metric is not None and (not said.group("things") or q.metric != said.group("things") + suffix):
            continue  # (a count with a name of its own, other than its things' bare noun)
        before = next((p for p in reversed(doc.quantities[:k]) if p.start >= sentence.start and p.unit == q.unit
                       and p.metric), None) if said else None
        bounded = metrics.bound_said(doc.text, before.start, sentence.start) if before else None
        if bounded and bounded.group("bound") in before.metric \
                and (not said.group("things") or before.metric.endswith(said.group("things") + suffix)):
            q.metric = before.metric.replace(bounded.group("bound"), said.group("bound"), 1)
            q.metric_source = "context"


def annotate(doc: Document) -> Document:
    _pair_lists(doc)
    _shared_figures(doc)
    _rank_shared_by_figures(doc)
    _completion_rates(doc)
    _gaps_to_schedule(doc)
    _picked_one(doc)
    _indicators_told(doc)
    _graded_counts(doc)
    _sibling_bounds(doc)
    _deeds_named_before(doc)
    _link_parts(doc)
    _rates_of_places(doc)
    _shares_of_figures_before(doc)
    _comparands_in_brackets(doc)
    return doc
