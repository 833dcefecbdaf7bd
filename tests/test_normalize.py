"""The normaliser on real lines of the five bulletins: every repair, and the cases it must leave alone."""

import pytest
from hypothesis import given, settings, strategies as st

from extractor.normalize import WHITESPACE, normalize, repair_characters


def clean(raw: str) -> str:
    return normalize(raw).text


@pytest.mark.parametrize("raw,expected", [
    # column line breaks inside a number's unit, inside words, between number and unit
    ("符合领办代办项目 112 件，领办代办项目 112\n件，办结率 100%", "符合领办代办项目112件，领办代办项目112件，办结率100%"),
    ("全市工业类开发区规模以上工业增加值完成 171.9 亿\n元，规模以上工业增加值预计增速 6.5%", "全市工业类开发区规模以上工业增加值完成171.9亿元，规模以上工业增加值预计增速6.5%"),
    ("近年来，大同市委、市政府深入贯彻落\n\n实习近平总书记考察调研山西重要讲话重", "近年来，大同市委、市政府深入贯彻落实习近平总书记考察调研山西重要讲话重"),
    ("朔州经开区 30\n家，增速 36.4%", "朔州经开区30家，增速36.4%"),
    # justified lines with a space between every character
    ("攻坚克难、奋力前行，全力提升经济产出。全市\n\n4个工业类开发区累计完成规上工业\n增 加 值 489.69 亿 元 ， 同 比 增 长\n22.6%，高于全市增速（7.7%）14.9 个\n百分点",
     "攻坚克难、奋力前行，全力提升经济产出。全市4个工业类开发区累计完成规上工业增加值489.69亿元，同比增长22.6%，高于全市增速（7.7%）14.9个百分点"),
    # letter-spaced digits: every digit a token of its own is one number (these lines are made up)
    ("该条例自1 9 9 6 年5 月起施行", "该条例自1996年5月起施行"),
    ("全 市 1 2 个 开 发 区 完 成 投 资 3 0 0 亿 元", "全市12个开发区完成投资300亿元"),
    ("去年增长8 ．8 ％，涨幅为0 ．8 ％，年均增长1 1 ％。", "去年增长8.8%，涨幅为0.8%，年均增长11%。"),  # the point and the sign go on the number
    # symbol-font glyphs in context
    ("朔州经开区打造“承诺制垣标准地垣全代办垣金\n牌专员”服务体系", "朔州经开区打造“承诺制+标准地+全代办+金牌专员”服务体系"),
    ("省级以上开发区符合条\n件的项目 100豫落实“一本制”服务。", "省级以上开发区符合条件的项目100%落实“一本制”服务。"),
    ("———山西综改示范区工作亮点扫描\n\n姻 王媛\n\n本刊讯 今年以来", "———山西综改示范区工作亮点扫描\n◎王媛\n本刊讯今年以来"),
    # a web page's middle dot between digits is a decimal point (made-up line)
    ("城镇投资增长12·5％，", "城镇投资增长12.5%，"),
    # full-width digits and signs fold, Chinese punctuation stays
    ("增长１２．５％，（同比）", "增长12.5%，（同比）"),
])
def test_repairs_on_real_lines(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("2023 年 7 月 27 日", "2023年7月27日"),               # a date does not become 20237月
    ("数量及投资额占比分别达到 79.1% 97.7%", "数量及投资额占比分别达到79.1% 97.7%"),  # two numbers stay two
    ("两组编号为 12 34", "两组编号为12 34"),                   # ...and so do two numbers of two digits
    ("分别为 3.5 6.2", "分别为3.5 6.2"),
    ("KAIFAQU JIANSHE ZHOUKAN", "KAIFAQU JIANSHE ZHOUKAN"),  # Latin words keep their spaces
    ("运城市垣曲县经济技术开发区", "运城市垣曲县经济技术开发区"),  # a real 垣 in a place name stays
    ("襄垣经济技术开发区新签约项目12个", "襄垣经济技术开发区新签约项目12个"),  # ...in any place the gazetteer knows
    ("豫晋两省合作", "豫晋两省合作"),                          # a real 豫 (Henan) stays
    ("婚姻登记", "婚姻登记"),                                  # a real 姻 stays
    ("马克·吐温", "马克·吐温"),                                # a name's middle dot stays
])
def test_what_is_left_alone(raw, expected):
    assert clean(raw) == expected


def test_paragraph_breaks_are_kept(raw_texts):
    text = clean(raw_texts["000_56f2bf5d4fae28d3"])
    assert "助推全市高质量发展取得新突破。\n【2023年工作成绩】\n全市开发区以制度规范为引领" in text
    assert "供稿：大同市商务局\n2023年，朔州市开发区" in text
    assert text.startswith("大同市开发区\n近年来")  # a heading line is its own paragraph


def test_a_title_broken_inside_a_quotation_runs_on():
    """全省开发区“三个一 / 批”活动…: a heading line that leaves a quotation open is not a paragraph of its own,
    so the quoted name is whole (and 三个 is read as no count), and the title runs on to its end."""
    body = "本刊讯 12月18日，全省开发区第四季度“三个一批”活动集中举行。本季度全省开发区共签约项目156个，总投资10\n" * 4
    text = clean("开发区建设\n\n全省开发区“三个一\n批”活动第四季度签\n约开工投产项目情况\n\n" + body)
    assert text.startswith("开发区建设\n全省开发区“三个一批”活动第四季度签约开工投产项目情况\n本刊讯")


def test_traditional_characters_convert_one_to_one():
    raw = "全國經濟開發區實現進出口總額１２３億元，增長８．５％。"
    result = normalize(raw)
    assert result.text == "全国经济开发区实现进出口总额123亿元，增长8.5%。"
    assert result.offsets == list(range(len(raw)))


def check_offsets(raw: str) -> None:
    """Every clean character comes from the raw character its offset names (repaired one for one, or
    whitespace folded to ' '/'\\n'); offsets increase; no non-whitespace raw character is lost."""
    result = normalize(raw)
    repaired = repair_characters(raw)
    assert len(result.text) == len(result.offsets)
    assert all(a < b for a, b in zip(result.offsets, result.offsets[1:]))
    for ch, off in zip(result.text, result.offsets):
        if ch in " \n":
            assert repaired[off] in WHITESPACE + "\n" or repaired[off] == ch
        else:
            assert ch == repaired[off]
    kept = set(result.offsets)
    lost = [i for i, ch in enumerate(repaired) if i not in kept and ch not in WHITESPACE + "\n"]
    assert lost == []


def test_offset_map_is_exact_on_every_bulletin(raw_texts):
    for raw in raw_texts.values():
        check_offsets(raw)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_clean_span_maps_back_to_its_source(raw_texts, data):
    doc_id = data.draw(st.sampled_from(sorted(raw_texts)))
    result = normalize(raw_texts[doc_id])
    start = data.draw(st.integers(0, len(result.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(result.text), start + 200)))
    raw_start, raw_end = result.to_raw(start, end)
    # repairs depend on context (豫 is % only after a digit): repair the whole text, then slice it
    source = repair_characters(result.raw)[raw_start:raw_end]
    squeeze = lambda s: "".join(ch for ch in s if ch not in WHITESPACE + "\n")
    assert squeeze(source) == squeeze(result.text[start:end])


NOISE = st.text(alphabet=st.sampled_from(list("开发区增加值亿元万亩宗%。，；：【】“”垣豫姻 \n\t\u3000１２３0123456789.ABCab")), max_size=300)


@settings(max_examples=200, deadline=None)
@given(NOISE)
def test_offset_map_is_exact_on_random_noise(raw):
    check_offsets(raw)
