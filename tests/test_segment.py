"""The segmenter finds every article of the five bulletins, with its title, source and byline."""
from extractor.segment import section_meta

EXPECTED = {
    "000_56f2bf5d4fae28d3": [("report", "大同市开发区", "大同市商务局", None),
                             ("report", None, "朔州市商务局", None)],
    "001_1a8d8aa01a70d735": [("report", "朔州经济开发区", "朔州经济开发区", None),
                             ("report", "大同经济技术开发区", "大同经济技术开发区", None)],
    "002_97cfec9b54826632": [("report", None, None, None), ("report", None, None, None)],
    "003_af2d74c9e19e1703": [
        ("news", "大同市创建开发区区域经济融合发展新模式", None, "（高雅敏）"),
        ("news", None, None, "（王波）"),
        ("report", "招落一体园区赋能聚焦重点树立标杆———山西综改示范区工作亮点扫描", None, "◎王媛"),
        ("news", "临汾市商务局", None, "（贺玉斌）"),
        ("caption", None, None, None),
        ("news", "省商务厅召开开发区主要经济指标调度会", None, "（王波）"),
    ],
    "004_68c82b09bb470f3b": [("report", None, "临汾市商务局", None), ("report", None, "晋城市商务局", None)],
}

FIRST_WORDS = {
    "002_97cfec9b54826632": ["2023年以来，太原市", "2023年以来，吕梁市"],
    "004_68c82b09bb470f3b": ["2023年，临汾市", "今年以来，晋城市"],
}


def test_every_article_with_title_source_and_byline(processed):
    for doc_id, expected in EXPECTED.items():
        doc = processed[doc_id]
        got = [(a.kind, a.title, a.source, a.byline) for a in doc.articles]
        assert got == expected, doc_id


def test_articles_start_where_their_text_starts(processed):
    for doc_id, starts in FIRST_WORDS.items():
        doc = processed[doc_id]
        assert [doc.text[a.start:a.start + len(s)] for a, s in zip(doc.articles, starts)] == starts


def test_page_furniture_is_no_article(processed):
    doc = processed["003_af2d74c9e19e1703"]
    for article in doc.articles:
        body = doc.text[article.start:article.end]
        assert "KAIFAQU JIANSHE ZHOUKAN" not in body and "山西省商务厅主办" not in body


def test_sections_carry_period_and_status(processed):
    sections = [(s.heading, s.period, s.status) for a in processed["001_1a8d8aa01a70d735"].articles for s in a.sections]
    assert ("2024年工作计划", "2024", "target") in sections
    assert ("首季“开门红”主要举措", "2024Q1", "target") in sections
    assert section_meta("2025年工作成绩", 2025) == ("2025", "actual")


def test_sentences_cover_the_body(processed):
    doc = processed["000_56f2bf5d4fae28d3"]
    sentence = next(s for s in doc.sentences if "2417.52亩" in doc.text[s.start:s.end])
    assert doc.text[sentence.start:sentence.end] == "“标准地”改革方面，截至目前，全市开发区共出让“标准地”33宗，出让总面积2417.52亩。"


def test_a_title_set_on_two_lines_keeps_its_place_and_colon_in_the_title():
    """寿阳经济技术开发区： / 抓项目促投资: a title broken after its colon is still a title, not the body's first words."""
    import extractor

    body = ("今年1—9月，寿阳经济技术开发区完成固定资产投资46.2亿元，同比增长18.5%。"
            "分产业看，工业投资38.7亿元，占固定资产投资的83.8%。新签约项目26个，总投资152亿元，"
            "其中10亿元以上项目5个；新开工项目19个，开工率73.1%；新投产项目8个，投产率42.1%。")
    lines = [body[i:i + 16] for i in range(0, len(body), 16)]
    doc = extractor.process("开发区建设\n\n寿阳经济技术开发区：\n抓项目促投资\n\n" + "\n".join(lines)
                            + "\n供稿：寿阳经济技术开发区\n", doc_id="t", year=2025)
    article = doc.articles[0]
    assert article.title == "寿阳经济技术开发区：抓项目促投资"
    assert doc.text[article.start:].startswith("今年1—9月")


def test_a_title_set_apart_after_a_title_printed_under_its_article_opens_the_next():
    """…供稿：长治市商务局 / 长治：节能改造“焕新”园区 / 绿电赋能产业升级 / (blank) / 朔州市开发区能源结构持续优化 /
    (blank) / 本刊讯…: the title set apart by blank lines is the next article's, not the tail of the one before's."""
    import extractor

    def column(body: str) -> str:
        return "\n".join(body[i:i + 16] for i in range(0, len(body), 16))

    first = ("1—6月，全市开发区实施节能改造项目62个，总投资26.4亿元。全市开发区单位GDP能耗同比下降4.1%，"
             "降幅居全省第一。")
    second = ("本刊讯 今年以来，朔州市把开发区作为推动能源革命的主战场。1—6月，全市开发区新增光伏装机19.5万千瓦，"
              "光伏累计装机达到118.7万千瓦。")
    raw = ("开发区建设\n\n" + column(first) + " 供稿：长治市商务局\n\n"
           "长治：节能改造“焕新”园区\n绿电赋能产业升级\n\n\n朔州市开发区能源结构持续优化\n\n" + column(second) + "\n")
    doc = extractor.process(raw, doc_id="t", year=2026)
    titles = [a.title for a in doc.articles]
    assert "朔州市开发区能源结构持续优化" in titles
    assert not any(t and "朔州" in t and "长治" in t for t in titles)
    fact = next(f for f in extractor.extract(raw, doc_id="t", year=2026) if f.value == 19.5)
    assert fact.subject == "朔州市开发区"


def test_a_table_printed_in_the_text_is_read_cell_by_cell_and_kept_out_of_the_prose():
    """前三季度各市开发区规上工业增加值 / 单位：亿元，% / 地 区 增加值 同比增长 / 全 省 3987.5 9.8 / …: each row is a
    block of its own (the prose after the table does not take its header's words), and each cell is a figure of
    its column's measure and its row's owner, traced to its characters in the raw text."""
    import extractor

    raw = ("开发区建设\n\n全省开发区前三季度主要指标稳中有进\n\n本刊讯 前三季度，全省开发区规上工业增加值\n"
           "均实现正增长（见下表）。\n\n前三季度各市开发区规上工业增加值\n单位：亿元，%\n地 区 增加值 同比增长\n"
           "全 省 3987.5 9.8\n长 治 612.4 13.8\n太 原 508.9 12.6\n晋 城 421.7 11.7\n\n"
           "长治、太原、晋城市开发区增速分别\n为 13.8%、12.6%、11.7%。\n")
    doc = extractor.process(raw, doc_id="t", year=2025)
    assert [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "table"][-1] == "晋城421.7 11.7"
    facts = extractor.extract(raw, doc_id="t", year=2025)
    cells = [f for f in facts if f.metric_source == "table"]
    assert [(f.quote, f.subject, f.aspect) for f in cells[:4]] == [
        ("3987.5", "山西省开发区", "value"), ("9.8", "山西省开发区", "growth"),
        ("612.4", "长治市开发区", "value"), ("13.8", "长治市开发区", "growth")]
    assert all(raw[f.start:f.end] == f.quote and f.metric == "规上工业增加值" for f in cells)
    assert cells[2].unit == "亿元" and cells[2].parent == cells[0].id
    told = [f for f in facts if f.quote == "13.8%"]
    assert told and told[0].metric == "规上工业增加值" and "增加值同比增长" not in told[0].sentence
