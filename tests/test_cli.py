"""The command line: outputs, and bad input named in one line with a non-zero exit, never a traceback."""
import json
import subprocess
import sys

import pytest

from .conftest import CORPUS, ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8")


def test_help_teaches():
    out = run("--help")
    assert out.returncode == 0
    assert "examples:" in out.stdout and "exit codes:" in out.stdout


def test_extract_jsonl_traces_every_fact(tmp_path):
    out = run("extract", str(CORPUS / "000_56f2bf5d4fae28d3.txt"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    raw = (CORPUS / "000_56f2bf5d4fae28d3.txt").read_text(encoding="utf-8")
    facts = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(facts) > 50
    assert all(raw[f["start"]:f["end"]] == f["quote"] for f in facts)
    total = next(f for f in facts if f["value"] == 2417.52)
    assert (total["unit"], total["metric"], total["subject"]) == ("亩", "标准地出让面积", "大同市开发区")


def test_extract_csv_to_file(tmp_path):
    target = tmp_path / "facts.csv"
    out = run("extract", str(CORPUS), "--format", "csv", "-o", str(target))
    assert out.returncode == 0, out.stderr
    import pandas as pd

    frame = pd.read_csv(target)
    assert set(frame["doc"]) == {p.stem for p in CORPUS.glob("*.txt")}


def test_segment_json():
    out = run("segment", str(CORPUS / "003_af2d74c9e19e1703.txt"), "--json")
    tree = json.loads(out.stdout)
    assert len(tree["articles"]) == 6


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02junk" * 50)
    (tmp_path / "gbk.txt").write_bytes("开发区建设周刊".encode("gbk"))
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary",
        "gbk.txt": "not UTF-8",
        "report.docx": "unknown file type",
        "missing.txt": "no such file",
    }


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "gbk.txt", "report.docx", "missing.txt"])
def test_bad_input_is_one_clear_line(tmp_path, name):
    problems = _bad_inputs(tmp_path)
    out = run("extract", str(tmp_path / name))
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and problems[name] in lines[0]


def test_one_broken_file_does_not_abort_the_batch(tmp_path):
    import shutil

    shutil.copy(CORPUS / "004_68c82b09bb470f3b.txt", tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    out = run("extract", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 3
    assert "bad.txt" in out.stderr
    assert {json.loads(line)["doc"] for line in out.stdout.splitlines()} == {"good"}


def test_a_folders_readme_is_not_a_bulletin(tmp_path):
    import shutil

    shutil.copy(CORPUS / "004_68c82b09bb470f3b.txt", tmp_path / "weekly.txt")
    (tmp_path / "README.md").write_text("本文件夹存放周刊文本，共 5 期，2024 年收集。\n", encoding="utf-8")
    out = run("extract", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    assert {json.loads(line)["doc"] for line in out.stdout.splitlines()} == {"weekly"}
    named = run("extract", str(tmp_path / "README.md"), "--format", "jsonl")
    assert named.returncode == 0 and {json.loads(line)["doc"] for line in named.stdout.splitlines()} == {"README"}


def test_evaluate_json_and_floor():
    out = run("evaluate", "--json")
    payload = json.loads(out.stdout)
    assert set(payload["overall"]) >= {"L1", "L2", "L3", "L4"}
    assert run("evaluate", "--floor", "1.01").returncode == 1


def test_agreement_lists_every_doubly_labelled_document():
    out = run("agreement", "--json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    docs = {r["doc"] for r in rows}
    assert {"000_56f2bf5d4fae28d3", "004_68c82b09bb470f3b"} <= docs and "all" in docs
    assert all(0 <= r["levels"]["L4"] <= r["levels"]["L3"] <= r["levels"]["L2"] <= r["levels"]["L1"] <= 1 for r in rows)


def test_segment_json_lists_sentences_with_raw_offsets():
    raw = (CORPUS / "000_56f2bf5d4fae28d3.txt").read_text(encoding="utf-8")
    tree = json.loads(run("segment", str(CORPUS / "000_56f2bf5d4fae28d3.txt"), "--json").stdout)
    sentence = next(s for a in tree["articles"] for s in a["sentences"] if "2417.52亩" in s["text"])
    assert "".join(raw[sentence["start"]:sentence["end"]].split()) == sentence["text"]


def test_year_and_region_for_a_file_no_manifest_describes(tmp_path):
    # a file copied out of its folder has no manifest: 今年 and 全省 mean nothing until the user says
    from extractor.corpus import manifest

    weekly = CORPUS / "003_af2d74c9e19e1703.txt"
    year = manifest(CORPUS)[weekly.name]["year"]
    (tmp_path / weekly.name).write_bytes(weekly.read_bytes())
    bare = [json.loads(line) for line in run("extract", str(tmp_path / weekly.name), "--format", "jsonl").stdout.splitlines()]
    told = run("extract", str(tmp_path / weekly.name), "--format", "jsonl", "--year", str(year))
    in_corpus = run("extract", str(weekly), "--format", "jsonl")
    assert told.returncode == 0, told.stderr
    assert any(f["period"] is None for f in bare)
    assert told.stdout.replace(str(tmp_path / weekly.name), "") == in_corpus.stdout.replace(str(weekly), "")

    # the Zhejiang excerpt never names 浙江: only its manifest, or the user, can say whose 全省 it is
    report = tmp_path / "report.txt"
    report.write_bytes((ROOT / "corpus" / "dev" / "zhejiang-2026.txt").read_bytes())
    told = run("extract", str(report), "--format", "jsonl", "--year", "2026", "--region", "浙江")
    provinces = {json.loads(line)["subject"] for line in told.stdout.splitlines()
                 if json.loads(line)["subject_type"] == "province"}
    bare = run("extract", str(report), "--format", "jsonl", "--year", "2026")
    assert provinces == {"浙江省"}
    assert "浙江省" not in bare.stdout


def test_date_for_a_file_no_manifest_describes(tmp_path):
    # the 福建 excerpt's part heading names no year: delivered in January 2026, it reviews 2025
    from extractor.corpus import manifest

    dev = ROOT / "corpus" / "dev"
    report = tmp_path / "report.txt"
    report.write_bytes((dev / "fujian-2026-b.txt").read_bytes())
    date = manifest(dev)["fujian-2026-b.txt"]["date"][:7]
    told = run("extract", str(report), "--format", "jsonl", "--year", "2026", "--date", date)
    bare = run("extract", str(report), "--format", "jsonl", "--year", "2026")
    assert told.returncode == 0, told.stderr
    periods = [json.loads(line)["period"] for line in told.stdout.splitlines()]
    assert periods.count("2025") > len(periods) / 2
    assert [json.loads(line)["period"] for line in bare.stdout.splitlines()].count("2025") < len(periods) / 4


@pytest.mark.parametrize("option, value", [("--year", "26"), ("--region", "火星"), ("--date", "2026-13")])
def test_a_bad_year_region_or_date_is_a_usage_error(option, value):
    out = run("extract", str(CORPUS / "000_56f2bf5d4fae28d3.txt"), option, value)
    assert out.returncode == 2 and value in out.stderr and "Traceback" not in out.stderr


def test_region_may_be_the_country(tmp_path):
    # a national report's figures are the country's: --region 全国 (or a manifest's 国务院 title) says so
    report = tmp_path / "national.txt"
    report.write_text("过去一年，国内生产总值增长5.2%，粮食产量1.39万亿斤，城镇新增就业1244万人。\n", encoding="utf-8")
    told = run("extract", str(report), "--format", "jsonl", "--year", "2024", "--region", "中国")
    assert told.returncode == 0, told.stderr
    facts = [json.loads(line) for line in told.stdout.splitlines()]
    assert len(facts) == 3
    assert {(f["subject"], f["subject_type"], f["period"]) for f in facts} == {("全国", "country", "2023")}
    bare = [json.loads(line) for line in run("extract", str(report), "--format", "jsonl").stdout.splitlines()]
    assert all(f["subject_type"] != "country" for f in bare)
