"""The scorer, and the regression floor: the extractor's scores on the gold never fall below the level
reached (raised as the extractor improves, never lowered to make a change pass)."""
import tomllib

import pytest

from extractor.evaluate import LEVELS, evaluate, match, score_document

from .conftest import ROOT

FLOORS = tomllib.loads((ROOT / "tests" / "floors.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result():
    return evaluate()


def test_scores_hold_the_floor(result):
    print()
    for level in LEVELS:
        p, r, f = result["overall"].prf(level)
        print(f"{level}: P {p:.3f} R {r:.3f} F1 {f:.3f} (floor {FLOORS['f1'][level]})")
        assert f >= FLOORS["f1"][level], f"{level} F1 {f:.3f} fell below the floor {FLOORS['f1'][level]}"


def test_development_set_holds_its_floor():
    dev = evaluate(ROOT / "corpus" / "dev", ROOT / "gold" / "dev")
    assert len(dev["documents"]) >= 5
    for level in LEVELS:
        f = dev["overall"].prf(level)[2]
        assert f >= FLOORS["dev_f1"][level], f"dev {level} F1 {f:.3f} fell below the floor {FLOORS['dev_f1'][level]}"


def test_every_bulletin_is_scored(result):
    assert len(result["documents"]) == 5
    assert result["overall"].gold >= 300


def _fact(start, end, value, unit, **fields):
    base = {"start": start, "end": end, "value": value, "unit": unit, "metric": "m", "subject": "s",
            "period": "2023", "status": "actual", "quote": ""}
    return base | fields


def test_matching_needs_overlap_value_and_unit():
    gold = [_fact(10, 15, 33, "宗"), _fact(20, 28, 2417.52, "亩")]
    assert match([_fact(12, 14, 33, "宗")], gold) == [(0, 0)]
    assert match([_fact(15, 18, 33, "宗")], gold) == []           # touching is not overlapping
    assert match([_fact(12, 14, 34, "宗")], gold) == []           # value differs
    assert match([_fact(12, 14, 33, "个")], gold) == []           # unit differs


def test_levels_are_cumulative():
    gold = [_fact(0, 5, 1, "个"), _fact(10, 15, 2, "个"), _fact(20, 25, 3, "个"), _fact(30, 35, 4, "个")]
    predicted = [_fact(0, 5, 1, "个"), _fact(10, 15, 2, "个", metric="other"),
                 _fact(20, 25, 3, "个", subject="other"), _fact(30, 35, 4, "个", status="target"),
                 _fact(40, 45, 9, "个")]
    score, errors = score_document(predicted, gold)
    assert [score.hits[level] for level in LEVELS] == [4, 3, 2, 1]
    assert score.prf("L1") == (0.8, 1.0, pytest.approx(8 / 9))
    assert sorted(e["kind"] for e in errors) == ["false positive", "wrong metric", "wrong period/status", "wrong subject"]


def test_an_empty_extractor_scores_zero():
    from extractor.evaluate import evaluate as run

    result = run(extract_fn=lambda text, src: [])
    assert result["overall"].prf("L1") == (0.0, 0.0, 0.0)


def test_a_free_trade_zone_is_one_subject_written_short_or_in_full():
    gold = [_fact(0, 5, 9, "项", subject="重庆自贸试验区")]
    full = [_fact(0, 5, 9, "项", subject="中国（重庆）自由贸易试验区")]
    other = [_fact(0, 5, 9, "项", subject="中国（四川）自由贸易试验区")]
    assert score_document(full, gold)[0].hits["L3"] == 1
    assert score_document(other, gold)[0].hits["L3"] == 0


def test_a_region_is_one_subject_written_short_or_in_full():
    gold = [_fact(0, 5, 9, "万", subject="西藏")]
    assert score_document([_fact(0, 5, 9, "万", subject="西藏自治区")], gold)[0].hits["L3"] == 1
    assert score_document([_fact(0, 5, 9, "万", subject="新疆维吾尔自治区")], gold)[0].hits["L3"] == 0
    assert score_document([_fact(0, 5, 9, "万", subject="全国")], gold)[0].hits["L3"] == 0


def test_an_excerpt_without_a_fact_shows_no_rate_and_one_invented_figure_shows_it():
    from extractor.evaluate import format_table

    empty, _ = score_document([], [])
    invented, _ = score_document([_fact(3, 6, 10, "个")], [])
    table = format_table({"documents": {"quiet": empty, "noisy": invented}, "overall": invented}).splitlines()
    quiet = next(line for line in table if line.startswith("quiet"))
    noisy = next(line for line in table if line.startswith("noisy"))
    assert "—" in quiet and "0.000" not in quiet
    assert "—" not in noisy and noisy.split()[1:3] == ["1", "0"] and "0.000" in noisy
