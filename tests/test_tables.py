"""Wide and long tables from the collection, written as xlsx/csv/parquet, read back by pandas and
spot-checked against the hand-labelled gold."""
import json
import sqlite3
import subprocess
import sys

import pandas as pd
import pytest

from extractor.gold import GOLD_DIR

from .conftest import CORPUS, ROOT


def cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("collection") / "facts.sqlite"
    out = cli("ingest", str(CORPUS), "--db", str(path))
    assert out.returncode == 0, out.stderr
    return path


@pytest.fixture(scope="module")
def tables_2023(db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    written = {}
    for suffix in ("xlsx", "csv"):
        target = folder / f"zones-2023.{suffix}"
        out = cli("table", "--db", str(db), "--rows", "subject", "--cols", "metric", "--period", "2023",
                  "--status", "actual", "--aspect", "value", "-o", str(target))
        assert out.returncode == 0, out.stderr
        written[suffix] = target
    return written


def _read(written: dict, suffix: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    path = written[suffix]
    if suffix == "xlsx":
        return (pd.read_excel(path, sheet_name="table", index_col=0),
                pd.read_excel(path, sheet_name="provenance"))
    return (pd.read_csv(path, index_col=0, encoding="utf-8-sig"),
            pd.read_csv(path.with_name(f"{path.stem}.provenance.csv"), encoding="utf-8-sig"))


def _cell_values(cell) -> list[float]:
    if isinstance(cell, str):
        return [float(v) for v in cell.split(" | ")]
    return [] if pd.isna(cell) else [float(cell)]


def _gold_2023_actual_values():
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            if (fact.get("period"), fact.get("status"), fact.get("aspect")) == ("2023", "actual", "value"):
                yield fact


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_wide_table_agrees_with_the_gold(tables_2023, suffix):
    table, _ = _read(tables_2023, suffix)
    checked, wrong = 0, []
    for fact in _gold_2023_actual_values():
        columns = [c for c in table.columns if c.startswith(f"{fact['metric']} (")]
        if fact["subject"] not in table.index or not columns:
            continue  # the extractor named this one differently: evaluate scores that, not this test
        values = [v for c in columns for v in _cell_values(table.loc[fact["subject"], c])]
        if values:
            checked += 1
            if fact["value"] not in values:
                wrong.append((fact["subject"], fact["metric"], fact["value"], values))
    print(f"{suffix}: {checked} gold figures found in their cells, {len(wrong)} disagree")
    assert checked >= 80 and not wrong, wrong


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_units_in_headers_and_a_known_cell(tables_2023, suffix):
    table, _ = _read(tables_2023, suffix)
    assert table.loc["大同市开发区", "标准地出让面积 (亩)"] == pytest.approx(2417.52)
    assert table.loc["晋城市开发区", "规上工业增加值 (亿元)"] == pytest.approx(489.69)
    assert all(c.endswith(")") for c in table.columns), "every column names its unit"


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_provenance_points_every_cell_to_its_characters(tables_2023, suffix):
    table, provenance = _read(tables_2023, suffix)
    raw = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    filled = {(r, c) for r in table.index for c in table.columns if not pd.isna(table.loc[r, c])}
    assert filled == set(zip(provenance["row"], provenance["column"]))
    for item in provenance.itertuples():
        assert raw[item.doc][item.start:item.end] == item.quote


def test_conflicting_values_are_shown_not_picked(db, tmp_path):
    out = cli("table", "--db", str(db), "--metric", "产出强度", "--rows", "subject", "--cols", "doc",
              "--aspect", "value", "-o", str(tmp_path / "intensity.xlsx"))
    assert out.returncode == 0, out.stderr
    by_doc = pd.read_excel(tmp_path / "intensity.xlsx", sheet_name="table", index_col=0)
    shuozhou = by_doc.loc["朔州经济开发区"]
    assert {float(v) for v in shuozhou.dropna()} == {342.8, 22.0}  # 000 and 001 disagree
    out = cli("table", "--db", str(db), "--metric", "产出强度", "--rows", "subject", "--cols", "period",
              "--aspect", "value", "-o", str(tmp_path / "intensity.csv"))
    merged = pd.read_csv(tmp_path / "intensity.csv", index_col=0, encoding="utf-8-sig")
    assert sorted(_cell_values(merged.loc["朔州经济开发区"].dropna().iloc[0])) == [22.0, 342.8]
    import re

    assert int(re.search(r"(\d+) conflicting cells", out.stderr).group(1)) >= 1


def test_figures_in_other_magnitudes_are_converted_to_the_column_unit():
    from extractor.tables import wide

    facts = pd.DataFrame([
        {"doc": "a", "id": "a:1", "start": 0, "end": 5, "quote": "12亿元", "value": 12.0, "unit": "亿元",
         "base_value": 12e8, "base_unit": "元", "metric": "工业投资", "aspect": "value", "subject": "甲开发区",
         "period": "2023", "status": "actual", "page": None, "sentence": ""},
        {"doc": "a", "id": "a:2", "start": 9, "end": 15, "quote": "3亿元", "value": 3.0, "unit": "亿元",
         "base_value": 3e8, "base_unit": "元", "metric": "工业投资", "aspect": "value", "subject": "丙开发区",
         "period": "2023", "status": "actual", "page": None, "sentence": ""},
        {"doc": "b", "id": "b:1", "start": 0, "end": 7, "quote": "5000万元", "value": 5000.0, "unit": "万元",
         "base_value": 5e7, "base_unit": "元", "metric": "工业投资", "aspect": "value", "subject": "乙开发区",
         "period": "2023", "status": "actual", "page": None, "sentence": ""},
    ])
    result = wide(facts)
    assert list(result.table.columns) == ["工业投资 (亿元)"]
    assert result.table.loc["乙开发区", "工业投资 (亿元)"] == pytest.approx(0.5)


def test_a_table_without_metric_on_an_axis_needs_one_metric(db):
    out = cli("table", "--db", str(db), "--rows", "subject", "--cols", "period")
    assert out.returncode == 2 and "--metric" in out.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_export_the_long_table(db, tmp_path, fmt):
    target = tmp_path / f"facts.{fmt}"
    out = cli("export", "--db", str(db), "--format", fmt, "-o", str(target))
    assert out.returncode == 0, out.stderr
    reader = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel,
              "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    frame = reader(target)
    with sqlite3.connect(db) as conn:
        assert len(frame) == conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    assert {"doc", "start", "end", "quote", "value", "unit", "metric", "subject", "period", "status",
            "page", "bbox", "source_path"} <= set(frame.columns)
    row = frame[frame["value"] == 2417.52].iloc[0]
    assert (row["unit"], row["subject"]) == ("亩", "大同市开发区")


def test_binary_export_needs_a_file(db):
    out = cli("export", "--db", str(db), "--format", "parquet")
    assert out.returncode == 2 and "-o" in out.stderr
