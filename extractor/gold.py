"""The gold standard: loading, validating, and the alias tables that scoring compares through."""
from __future__ import annotations

import functools
import json
from pathlib import Path

from . import gazetteer, patterns
from .errors import InputError
from .rx import rx

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
FIELDS = ["id", "doc", "start", "end", "quote", "value", "unit", "approx", "value_max", "metric", "aspect",
          "subject", "subject_type", "period", "status", "parent", "note"]
ALLOWED = {
    "approx": {"exact", "about", "over", "under", "range"},
    "aspect": {"value", "growth", "change", "share", "rank", "difference", "contribution"},
    "subject_type": {"zone", "city_zones", "city", "province_zones", "province", "project", "company",
                     "county", "country", "other"},
    "status": {"actual", "target", "expected"},
}


def load(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {n}: not JSON ({exc.msg})") from None
    return rows


def validate(rows: list[dict], raw: str) -> list[str]:
    """Problems with a gold file against its bulletin's raw text; empty when the file is sound."""
    problems = []
    ids = {r.get("id") for r in rows}
    last_start = -1
    for n, row in enumerate(rows, start=1):
        where = f"line {n} ({row.get('id')})"
        missing = [f for f in FIELDS if f not in row]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if not (0 <= row["start"] < row["end"] <= len(raw)):
            problems.append(f"{where}: offsets {row['start']}..{row['end']} outside the text")
        elif raw[row["start"]:row["end"]] != row["quote"]:
            problems.append(f"{where}: quote {row['quote']!r} != text {raw[row['start']:row['end']]!r}")
        if row["start"] <= last_start:
            problems.append(f"{where}: not in text order")
        last_start = row["start"]
        for field, allowed in ALLOWED.items():
            if row[field] not in allowed:
                problems.append(f"{where}: {field} {row[field]!r} not one of {sorted(allowed)}")
        if not isinstance(row["value"], (int, float)):
            problems.append(f"{where}: value is not a number")
        if row["approx"] == "range" and not isinstance(row["value_max"], (int, float)):
            problems.append(f"{where}: a range needs value_max")
        if row["parent"] is not None and row["parent"] not in ids:
            problems.append(f"{where}: parent {row['parent']} is not an id of this file")
        if not row["metric"] or not row["unit"]:
            problems.append(f"{where}: empty metric or unit")
    return problems


@functools.cache
def _metric_aliases() -> dict[str, str]:
    """Every cue and listed variant → its canonical metric name (patterns/metrics.toml, metric_aliases.toml)."""
    spec = patterns.load("metrics")
    table: dict[str, str] = {}
    for metric in spec.get("metric", []):
        for cue in metric["cues"]:
            table.setdefault(cue, metric["name"])
    for name, variants in patterns.load("metric_aliases").get("aliases", {}).items():
        for variant in variants:
            table[variant] = name
    return table


def canonical_metric(name: str | None) -> str | None:
    if not name:
        return None
    name = name.replace("“", "").replace("”", "")
    table = _metric_aliases()
    return table.get(name) or name


FREE_TRADE_ZONE = rx(r"(?:中国[（(])?(\p{Han}{2,8}?)[）)]?(?:自由贸易试验区|自贸试验区)")


def canonical_subject(name: str | None) -> str | None:
    if not name:
        return None
    ftz = FREE_TRADE_ZONE.fullmatch(name)
    if ftz and gazetteer.region_name(ftz.group(1)):
        # 重庆自贸试验区, 中国（重庆）自由贸易试验区: one zone, written short or in full
        return "中国（" + gazetteer.region_names(gazetteer.region_name(ftz.group(1)))[-1] + "）自由贸易试验区"
    if name.endswith("项目") and len(name) > 4:
        name = name[: -len("项目")]  # 双雁生物医药产业园项目 and 双雁生物医药产业园 are one project
    region = gazetteer.region_name(name)
    if region is not None and region != gazetteer.country_name():
        return region  # 西藏 and 西藏自治区, 上海 and 上海市: one region, written short or in full
    place = gazetteer.canonical(name)
    if place is not None and place.type == "zone":
        return place.name
    if name.endswith("开发区") and not name.endswith(("经济技术开发区", "经济开发区", "高新技术产业开发区")):
        city = gazetteer.canonical(name[: -len("开发区")])
        if city is not None and city.type in ("city", "province"):
            return city.name + "开发区"  # 大同开发区 and 大同市开发区: the city's zones
    return place.name if place is not None else name
