"""Tables a researcher can use at once: wide (zone × metric, metric × period …) and long, with provenance.

A wide table's cell holds what the bulletins state for its row and column. Figures of one metric in
different magnitudes (万元, 亿元) are shown in the column's most common unit, which its header names.
Where the stored facts disagree, the cell shows every value ("342.8 | 22") rather than silently picking
one, and the provenance table points every cell back to its documents and raw offsets.
"""
from __future__ import annotations

import fnmatch
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .store import AXES

CONFLICT_SEPARATOR = " | "
ASPECT_LABELS = {"value": "", "growth": "增速", "change": "增减", "share": "占比", "rank": "排名",
                 "difference": "差距", "contribution": "拉动"}


@dataclass
class WideTable:
    table: pd.DataFrame          # rows × columns; a conflicting cell is a string of its values
    provenance: pd.DataFrame     # one row per fact behind a cell: row, column, value, doc, offsets
    conflicts: int               # cells whose facts disagree


def select(facts: pd.DataFrame, period: str | None = None, status: str | None = None,
           aspect: str | None = None, metric: str | None = None, subject: str | None = None) -> pd.DataFrame:
    """Facts matching the filters; each filter takes a value or a shell pattern (--period '2023*')."""
    keep = pd.Series(True, index=facts.index)
    for column, wanted in (("period", period), ("status", status), ("aspect", aspect), ("metric", metric),
                           ("subject", subject)):
        if wanted is not None:
            keep &= facts[column].fillna("").map(lambda v, w=wanted: fnmatch.fnmatchcase(v, w))
    return facts[keep]


def wide(facts: pd.DataFrame, rows: str = "subject", cols: str = "metric", **filters) -> WideTable:
    for axis in (rows, cols):
        if axis not in AXES:
            raise ValueError(f"unknown axis {axis!r}: choose from {', '.join(AXES)}")
    if rows == cols:
        raise ValueError("rows and columns must be different fields")
    chosen = select(facts, **filters)
    chosen = chosen[chosen[rows].notna() & chosen[cols].notna()]
    if "metric" not in (rows, cols) and chosen["metric"].nunique() > 1:
        raise ValueError("the table mixes metrics: put metric on an axis or choose one with --metric")
    chosen = _with_series(chosen)
    cells, provenance = defaultdict(list), []
    for fact in chosen.itertuples(index=False):
        key = _axis_label(fact, rows), _axis_label(fact, cols)
        shown = _in_series_unit(fact)
        cells[key].append(shown)
        provenance.append({"row": key[0], "column": key[1], "value": shown, "unit": fact.shown_unit,
                           "doc": fact.doc, "fact": fact.id, "start": fact.start, "end": fact.end,
                           "quote": fact.quote, "page": fact.page, "period": fact.period,
                           "status": fact.status, "sentence": fact.sentence})
    table, conflicts = _pivot(cells)
    table.index.name, table.columns.name = rows, cols
    return WideTable(table, pd.DataFrame(provenance), conflicts)


def _with_series(facts: pd.DataFrame) -> pd.DataFrame:
    """Each fact's display unit: the most common unit among the figures of its metric, aspect and base
    unit, with that unit's size in base units (亿元 → 1e8), read off the facts themselves."""
    keys = ["metric", "aspect", "base_unit"]
    groups = facts[keys].fillna("")  # a fact without a base unit is a series of its own, not dropped
    shown = facts["unit"].groupby([groups[k] for k in keys]).transform(lambda u: Counter(u).most_common(1)[0][0])
    own = (facts["unit"] == shown) & (facts["value"] != 0)
    size = (facts["base_value"] / facts["value"]).where(own)
    return facts.assign(shown_unit=shown, unit_size=size.groupby([groups[k] for k in keys]).transform("median"))


def _in_series_unit(fact) -> float:
    """The figure in its column's unit: 5000万元 in a 亿元 column is 0.5."""
    if fact.unit == fact.shown_unit or pd.isna(fact.unit_size) or pd.isna(fact.base_value):
        return fact.value
    return round(fact.base_value / fact.unit_size, 6)


def _axis_label(fact, axis: str) -> str:
    if axis != "metric":
        return str(getattr(fact, axis))
    aspect = ASPECT_LABELS.get(fact.aspect, fact.aspect or "")
    return f"{fact.metric}{'·' + aspect if aspect else ''} ({fact.shown_unit})"


def _pivot(cells: dict) -> tuple[pd.DataFrame, int]:
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    table = pd.DataFrame(index=rows, columns=cols, dtype=object)
    conflicts = 0
    for (row, col), values in cells.items():
        distinct = sorted(set(values), key=values.index)
        if len(distinct) > 1:
            conflicts += 1
            table.loc[row, col] = CONFLICT_SEPARATOR.join(f"{v:g}" for v in distinct)
        else:
            table.loc[row, col] = distinct[0]
    return table, conflicts


# --- writing ----------------------------------------------------------------------------------------

FORMATS = ("csv", "xlsx", "parquet", "jsonl")


def format_of(path: str | Path, given: str | None = None) -> str:
    fmt = given or Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"cannot tell the output format of {path}: use .csv, .xlsx, .parquet or .jsonl")
    return fmt


def write_wide(result: WideTable, path: str | Path) -> list[Path]:
    """The table and its provenance: two sheets in xlsx, a sibling `*.provenance.*` file otherwise."""
    path = Path(path)
    fmt = format_of(path)
    if fmt == "xlsx":
        _write_xlsx(result, path)
        return [path]
    sibling = path.with_name(f"{path.stem}.provenance{path.suffix}")
    if fmt == "csv":
        result.table.to_csv(path, encoding="utf-8-sig")  # with BOM: Excel opens Chinese CSV correctly
        result.provenance.to_csv(sibling, index=False, encoding="utf-8-sig")
    elif fmt == "parquet":
        result.table.astype(str).where(result.table.notna(), None).to_parquet(path)
        result.provenance.to_parquet(sibling, index=False)
    else:
        result.table.reset_index().to_json(path, orient="records", lines=True, force_ascii=False)
        result.provenance.to_json(sibling, orient="records", lines=True, force_ascii=False)
    return [path, sibling]


def _write_xlsx(result: WideTable, path: Path) -> None:
    from openpyxl.styles import PatternFill

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        result.table.to_excel(writer, sheet_name="table")
        result.provenance.to_excel(writer, sheet_name="provenance", index=False)
        sheet = writer.sheets["table"]
        conflict_fill = PatternFill("solid", fgColor="FFD9B3")  # conflicting cells stand out
        for row in sheet.iter_rows(min_row=2, min_col=2):
            for cell in row:
                if isinstance(cell.value, str) and CONFLICT_SEPARATOR in cell.value:
                    cell.fill = conflict_fill


def write_long(facts: pd.DataFrame, path: str | Path | None, fmt: str, out=None) -> None:
    """The long table: one row per fact, every field."""
    if fmt == "csv":
        facts.to_csv(path or out, index=False)
    elif fmt == "jsonl":
        text = facts.to_json(orient="records", lines=True, force_ascii=False)
        if path:
            Path(path).write_text(text, encoding="utf-8")
        else:
            out.write(text)
    elif fmt == "parquet":
        facts.to_parquet(path, index=False)
    elif fmt == "xlsx":
        facts.to_excel(path, sheet_name="facts", index=False, engine="openpyxl")
    else:
        raise ValueError(f"unknown format {fmt!r}")
