"""Table cells (after periods, before facts) — a table printed in the text (见下表): one figure per cell, named by its
column.

    前三季度各市开发区规上工业增加值        ← the caption: what the table measures, when, of whom
    单位：亿元，%                          ← the units, one per column of figures, in order
    地 区 增加值 同比增长                  ← the header: the label column, then the columns' names
    全 省 3987.5 9.8                       ← a row: its owner, then its figures
    长 治 612.4 13.8

The rows reach here as paragraphs of kind "table" (segment._tables); their figures carry no unit, so the
quantities stage never read them. Each cell becomes a quantity with its metric, aspect, subject, period and
status already settled from the caption, the header and its row, and joins the document's figures in text order
(the stages before this one never see it; the parents they set are renumbered).
"""
from __future__ import annotations

import functools

from .. import gazetteer, patterns
from ..document import Document, Paragraph
from ..rx import rx
from . import metrics, periods, subjects
from .quantities import Quantity, find_quantities


@functools.cache
def _rules() -> dict:
    spec = patterns.load("structure")["table_cells"]
    layout = patterns.load("layout")
    return {
        "row": rx(layout["table_row"]),
        "units": rx(layout["table_units"]),
        "cell": rx(r"[-－]?\d+(?:\.\d+)?%?"),
        "unit_split": rx(spec["unit_split"]),
        "aspects": [(aspect, rx(pattern)) for aspect, pattern in spec["column_aspects"].items()],
        "province_words": tuple(spec["province_words"]),
        "caption_max": spec["caption_max"],
        "zones_word": patterns.load("subjects")["zones_word"],
    }


def annotate(doc: Document) -> Document:
    tables = _tables_of(doc.paragraphs, doc.text)
    if not tables:
        return doc
    read = [_cells(doc, block, caption) for block, caption in tables]
    cells = [cell for table in read for cell in table]
    if cells:
        units_said = [m.span() for _, caption in tables if caption  # (单位：亿元 in the caption is no figure)
                      for m in [rx(r"[（(]单位[：:][^）)]+[）)]").search(doc.text, caption.start, caption.end)] if m]
        _merge(doc, cells, [(block[0].start, block[-1].end) for block, _ in tables] + units_said)
        for table in read:
            if table:
                _told_again(doc, table)
    return doc


def _told_again(doc: Document, cells: list[Quantity]) -> None:
    """长治、太原、晋城市开发区增速分别为13.8%、12.6%、11.7%，…高于全省开发区平均水平4.0、2.8、1.9个百分点: the
    text after a table tells some of its cells again, naming no measure; a figure of a row's owner equal to its
    cell is that cell's measure, and the figures its sentence names no measure for are of that measure too."""
    by_owner = {(q.subject, q.value, q.unit): q for q in cells if q.subject}
    last = max(q.end for q in cells)
    article = doc.article_at(last - 1)
    named: dict[int, str] = {}  # a sentence's start → the measure its figures told again
    for q in doc.quantities:
        if q.start < last or q.metric is not None:
            continue
        if article is None or q.start >= article.end or q.metric_source == "table" and q not in cells:
            break  # (in the table's own article only, up to the next table)
        cell = by_owner.get((q.subject, q.value, q.unit))
        sentence = doc.sentence_at(q.start)
        if cell is not None and sentence is not None:
            q.metric, q.metric_source, q.aspect = cell.metric, "table", cell.aspect
            named.setdefault(sentence.start, cell.metric)
    for q in doc.quantities:
        sentence = doc.sentence_at(q.start) if q.start >= last and q.metric is None else None
        if sentence is not None and sentence.start in named:
            q.metric, q.metric_source = named[sentence.start], "table"


def _tables_of(paragraphs: list[Paragraph], text: str) -> list[tuple[list[Paragraph], Paragraph | None]]:
    """(the table's paragraphs: units, header and rows; the caption right above them, if any) for each table."""
    found, k = [], 0
    while k < len(paragraphs):
        if paragraphs[k].kind != "table":
            k += 1
            continue
        end = k
        while end < len(paragraphs) and paragraphs[end].kind == "table":
            end += 1
        block = paragraphs[k:end]
        above = paragraphs[k - 1] if k > 0 else None
        # (the caption: the short line right above, a heading or not: 表1 前三季度…营业收入（单位：亿元，%）)
        caption = above if above is not None and above.kind in ("heading", "body") \
            and above.end - above.start <= _rules()["caption_max"] and "。" not in text[above.start:above.end] else None
        found.append((block, caption))
        k = end
    return found


def _cells(doc: Document, block: list[Paragraph], caption: Paragraph | None) -> list[Quantity]:
    text, rules = doc.text, _rules()
    rows = [(p, m) for p in block if (m := rules["row"].fullmatch(text, p.start, p.end))]
    heads = [p for p in block if all(p is not row for row, _ in rows)]
    width = {len(rules["cell"].findall(text, m.start("cells"), row.end)) for row, m in rows}
    if len(width) != 1:
        return []  # rows of different widths: no columns to read them by
    n = width.pop()
    said = text[caption.start:caption.end] if caption else ""
    units = _units(text, heads, n, said)
    names = _column_names(doc, heads, n)
    measure = metrics.measure_named(said) if said else None
    columns = _columns(names, units, measure)
    if not columns:
        return []
    period = periods.period_of(said, len(said), 0, doc.year) if said else None
    period = period or (str(doc.year) if doc.year else None)
    zones = rules["zones_word"] in said
    out, totals = [], {}
    for row, m in rows:
        label = "".join(m.group("label").split())
        owner = _owner(label, zones, doc.region)
        for column, ((metric, aspect, unit), cell) in enumerate(
                zip(columns, rules["cell"].finditer(text, m.start("cells"), row.end))):
            q = _quantity(cell, unit)
            if q is None or metric is None:
                continue
            q.metric, q.metric_source, q.aspect = metric, "table", aspect
            if owner is not None:
                q.subject, q.subject_type, q.city = owner.name, owner.type, owner.city
            q.period, q.status = period, "actual"
            if aspect == "value" and label in rules["province_words"]:
                totals[column] = q  # 全省 3987.5: the total of the rows' levels under it
            elif aspect == "value" and column in totals:
                q.parent = totals[column]  # (an object until the cells join the figures: see _merge)
            out.append(q)
    return out


def _units(text: str, heads: list[Paragraph], n: int, caption: str = "") -> list[str | None]:
    """单位：亿元，% → ['亿元', '%']: one per column of figures; a single unit holds for them all (the units said
    in the caption's brackets where no line of their own says them: …主要指标（单位：亿元，%）)."""
    line = next((text[p.start:p.end] for p in heads if _rules()["units"].fullmatch(text, p.start, p.end)), "")
    if not line and (said := rx(r"[（(](单位[：:][^）)]+)[）)]").search(caption)):
        line = said.group(1)
    said = [u.strip() for u in _rules()["unit_split"].split(line.split("：", 1)[-1].split(":", 1)[-1]) if u.strip()]
    if len(said) == n:
        return said
    return said * n if len(said) == 1 else [None] * n


def _column_names(doc: Document, heads: list[Paragraph], n: int) -> list[str | None]:
    """地 区 增加值 同比增长 → ['增加值', '同比增长']: the header's last n words, read in the raw text, whose spaces
    the normaliser dropped (the first words name the label column)."""
    header = next((p for p in heads if not _rules()["units"].fullmatch(doc.text, p.start, p.end)), None)
    if header is None:
        return [None] * n
    raw = doc.clean.raw[slice(*doc.clean.to_raw(header.start, header.end))]
    words = raw.split()
    return words[-n:] if len(words) > n else [None] * n


def _columns(names: list[str | None], units: list[str | None], measure: str | None) -> list[tuple]:
    """(metric, aspect, unit) of each column of figures: a column named by a rate word (同比增长, 占比) is that
    aspect of the measure the column before it (or the caption) names; a column of levels is the measure its name
    says, else the caption's."""
    out, level = [], measure
    for name, unit in zip(names, units):
        aspect = next((a for a, pattern in _rules()["aspects"] if name and pattern.search(name)), "value")
        if aspect == "value":
            own = metrics.measure_named(name) if name else None
            level = own or measure
            out.append((level, aspect, unit))
        else:
            out.append((level, aspect, unit if unit else "%"))
    return out


def _owner(label: str, zones: bool, home: str | None) -> subjects.Subject | None:
    """全省 → the province's (zones); 长治 → the city's (zones), where the caption speaks of zones; a zone's name."""
    if label in _rules()["province_words"]:
        return subjects._province_subject(zones, home) if home else None
    found = gazetteer.mentions(label)
    if len(found) != 1:
        return None
    s, e, place = found[0]
    if place.type == "city":
        return subjects._city_subject(place.name, zones)
    if place.type == "zone":
        return subjects.Subject(place.name, "zone", place.city)
    return None


def _quantity(cell, unit: str | None) -> Quantity | None:
    """The cell's figure read with its column's unit, at the cell's offsets."""
    number = cell.group().replace("－", "-")
    said = number if number.endswith("%") or not unit else number + unit
    found = find_quantities(said)
    if len(found) != 1 or found[0].end != len(said):
        return None
    q = found[0]
    q.start, q.end, q.number_start = cell.start(), cell.end(), cell.start()
    return q


def _merge(doc: Document, cells: list[Quantity], spans: list[tuple[int, int]]) -> None:
    """The cells among the document's figures in text order, in place of any figure read inside the tables (单位：
    亿元 is no figure); the parents set before point to the same figures after."""
    kept = [(k, q) for k, q in enumerate(doc.quantities) if not any(a <= q.start < b for a, b in spans)]
    merged = sorted([(q.start, 0, k, q) for k, q in kept] + [(q.start, 1, -1, q) for q in cells],
                    key=lambda t: (t[0], t[1]))
    renumber = {k: i for i, (_, _, k, _) in enumerate(merged) if k >= 0}
    at = {id(q): i for i, (_, _, _, q) in enumerate(merged)}
    doc.quantities = [q for _, _, _, q in merged]
    for q in doc.quantities:
        if isinstance(q.parent, Quantity):
            q.parent = at[id(q.parent)]  # a row's cell under the table's total row
        elif q.parent is not None:
            q.parent = renumber.get(q.parent)
