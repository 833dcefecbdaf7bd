"""PDF in (issue #5): an issue read as its readers see it gives the text and the facts of its text layer,
each fact with its page and box.

The PDFs in tests/data/pdf/ were made by scripts/make_test_pdfs.py from the bulletins' normalised text,
laid out as the weekly is (two and three columns, A4 and A3, running heads, page numbers, banners, a
masthead, a photo with its caption inside a paragraph, numbers wrapping at line ends). These tests
read the committed files: they need neither reportlab nor the font.
"""
import collections
import difflib
import json
import shutil
import subprocess
import sys

import pdfplumber
import pytest

import extractor
from extractor.corpus import manifest
from extractor.document import Document
from extractor.errors import InputError
from extractor.pdf import Glyph, PageGlyphs, layout, read_layout, read_pdf
from extractor.pipeline import run

from .conftest import CORPUS, DOC_IDS, ROOT

PDF_DIR = ROOT / "tests" / "data" / "pdf"
ENGINES = ["pdfium", "pdfplumber"]
MAX_CER = 0.005


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, computed block by block between the stretches difflib finds equal: never
    below the true distance (so a CER bound checked with it holds), and exact for scattered edits."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(levenshtein(a[i1:i2], b[j1:j2])
               for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def normalised(doc_id: str) -> str:
    return Document.from_raw((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")).text


def first_difference(a: str, b: str) -> str:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            return f"{op}: {a[max(0, i1 - 20):i2 + 20]!r} → {b[max(0, j1 - 20):j2 + 20]!r}"
    return "none"


@pytest.fixture(scope="module")
def years():
    return {doc_id: manifest()[f"{doc_id}.txt"]["year"] for doc_id in DOC_IDS}


def test_every_bulletin_has_its_pdf():
    assert sorted(p.stem for p in PDF_DIR.glob("*.pdf")) == DOC_IDS
    assert all(p.stat().st_size < 300_000 for p in PDF_DIR.glob("*.pdf"))


# --- text ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_text_is_the_bulletins_normalised_text(doc_id, engine):
    expected = normalised(doc_id)
    got = read_pdf(PDF_DIR / f"{doc_id}.pdf", doc_id, engine=engine).text
    distance = edit_distance(expected, got)
    cer = distance / len(expected)
    print(f"\n{doc_id} [{engine}]: CER {cer:.4%} ({distance} edits / {len(expected)} characters)")
    assert cer <= MAX_CER, f"{doc_id} [{engine}]: CER {cer:.4%} > {MAX_CER:.1%}; first: {first_difference(expected, got)}"


VARIANTS = {"dense-002": "002_97cfec9b54826632", "dense-003": "003_af2d74c9e19e1703",
            "loose-000": "000_56f2bf5d4fae28d3"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_other_measures_read_as_well(name, engine):
    """The same text set otherwise: 4 columns at 9 pt on A3 (002 on a single page), double leading on A4."""
    expected = normalised(VARIANTS[name])
    got = read_pdf(PDF_DIR / "variants" / f"{name}.pdf", engine=engine).text
    distance = edit_distance(expected, got)
    cer = distance / len(expected)
    print(f"\nvariants/{name} [{engine}]: CER {cer:.4%} ({distance} edits / {len(expected)} characters)")
    assert cer <= MAX_CER, f"{name} [{engine}]: CER {cer:.4%}; first: {first_difference(expected, got)}"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_both_engines_read_the_same_text_and_boxes(doc_id):
    fast = read_layout(PDF_DIR / f"{doc_id}.pdf", engine="pdfium")
    thorough = read_layout(PDF_DIR / f"{doc_id}.pdf", engine="pdfplumber")
    assert fast.text == thorough.text, first_difference(thorough.text, fast.text)
    assert [b is None for b in fast.boxes] == [b is None for b in thorough.boxes]
    drift = max(max(abs(p - q) for p, q in zip(a[1:], b[1:]))
                for a, b in zip(fast.boxes, thorough.boxes) if a is not None)
    assert all(a[0] == b[0] for a, b in zip(fast.boxes, thorough.boxes) if a is not None)
    assert drift < 0.2, f"boxes differ by up to {drift:.3f} pt"


def test_a_media_box_not_at_the_origin_changes_nothing(tmp_path):
    """Boxes are measured from the media box's corner, by both engines alike."""
    import pypdfium2

    source = PDF_DIR / "002_97cfec9b54826632.pdf"
    doc = pypdfium2.PdfDocument(str(source))
    for page in doc:
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left - 30, bottom - 50, right + 20, top + 40)
    doc.save(str(tmp_path / "shifted.pdf"))
    doc.close()
    original = read_layout(source, engine="pdfium")
    for engine in ENGINES:
        shifted = read_layout(tmp_path / "shifted.pdf", engine=engine)
        assert shifted.text == original.text, f"[{engine}] {first_difference(original.text, shifted.text)}"
        moved = [(b[1] - a[1], b[2] - a[2]) for a, b in zip(original.boxes, shifted.boxes) if a is not None]
        assert all(abs(dx - 30) < 0.2 and abs(dy - 40) < 0.2 for dx, dy in moved), (engine, moved[:3])


def test_auto_engine_is_pdfium():
    assert read_layout(PDF_DIR / f"{DOC_IDS[0]}.pdf").engine == "pdfium"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_printed_character_maps_to_its_box(doc_id):
    """Each character of the reader's text, looked up at its box with pdfplumber, is that character."""
    result = read_layout(PDF_DIR / f"{doc_id}.pdf", engine="pdfium")
    rows = collections.defaultdict(list)
    with pdfplumber.open(PDF_DIR / f"{doc_id}.pdf") as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for c in page.chars:
                rows[n, round(c["top"])].append(c)

    def printed_at(box):  # the character printed there, within the engines' rounding (0.3 pt)
        near = [c for dy in (-1, 0, 1) for c in rows[box[0], round(box[2]) + dy]
                if abs(c["x0"] - box[1]) < 0.3 and abs(c["top"] - box[2]) < 0.3]
        return near[0]["text"] if len(near) == 1 else None

    wrong = [(i, ch, box) for i, (ch, box) in enumerate(zip(result.text, result.boxes))
             if box is not None and printed_at(box) != ch]
    unboxed = [ch for ch, box in zip(result.text, result.boxes) if box is None and not ch.isspace()]
    assert not wrong, wrong[:5]
    assert not unboxed


def test_running_heads_and_page_numbers_are_dropped():
    for doc_id in DOC_IDS:
        with pdfplumber.open(PDF_DIR / f"{doc_id}.pdf") as pdf:
            printed = "".join(page.extract_text() for page in pdf.pages)
            pages = len(pdf.pages)
        text = read_pdf(PDF_DIR / f"{doc_id}.pdf").text
        assert "《开发区建设》周刊" in printed and "— 2 —" in printed  # the test PDFs have them ...
        assert "《开发区建设》周刊" not in text                         # ... the reader drops them
        assert not any(f"— {n} —" in text for n in range(1, pages + 1))
        assert "KAIFAQU JIANSHE" not in text.replace("KAIFAQU JIANSHE ZHOUKAN", "")  # masthead kept


def test_a_caption_inside_a_paragraph_is_set_before_it():
    """003's photo stands inside a paragraph: its headline and caption come out as their own paragraphs
    before that paragraph, which reads on unbroken."""
    doc_id = "003_af2d74c9e19e1703"
    paragraph = next(p for p in normalised(doc_id).split("\n") if p.startswith("本刊讯7月28日上午"))
    with pdfplumber.open(PDF_DIR / f"{doc_id}.pdf") as pdf:
        page = next(p for p in pdf.pages if p.images)
        image = page.images[0]
        column = [c for c in page.chars if image["x0"] - 1 <= c["x0"] < image["x1"] + 1]
        above = "".join(c["text"] for c in column if c["bottom"] < image["top"]).replace(" ", "")
    # the paragraph starts above the photo and goes on after it (under it or in the next column)
    assert paragraph[:40] in above and paragraph[-20:] not in above
    lines = read_pdf(PDF_DIR / f"{doc_id}.pdf").text.split("\n")
    at = lines.index(paragraph)
    assert lines[at - 1].startswith("图为") and lines[at - 1].endswith("摄")
    assert lines[at - 2] == "山西建投装备制造有限公司全力加快生产进度，确保完成全年任务目标。"


# --- facts --------------------------------------------------------------------------------------

def _key(fact):
    return (fact.value, fact.unit, fact.metric, fact.subject)


@pytest.fixture(scope="module")
def pdf_facts(years):
    out = {}
    for doc_id in DOC_IDS:
        doc = read_pdf(PDF_DIR / f"{doc_id}.pdf", doc_id, years[doc_id])
        run(doc)
        out[doc_id] = doc
    return out


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_facts_are_those_of_the_text(doc_id, pdf_facts, processed):
    from_text = collections.Counter(_key(f) for f in processed[doc_id].facts)
    from_pdf = collections.Counter(_key(f) for f in pdf_facts[doc_id].facts)
    print(f"\n{doc_id}: {sum(from_text.values())} facts from the text, {sum(from_pdf.values())} from the PDF")
    assert from_pdf == from_text, (f"only in the text: {dict(from_text - from_pdf)}; "
                                   f"only in the PDF: {dict(from_pdf - from_text)}")


def _chars_in(page, bbox, margin=0.3):
    """Characters pdfplumber finds inside the box, in reading order (rows, then x). The margin covers
    the engines' rounding (pdfium's boxes are float32, up to ~0.15 pt off); a neighbouring character
    is at least 2.5 pt wide, so it cannot slip in."""
    x0, top, x1, bottom = bbox
    inside = page.within_bbox((x0 - margin, top - margin, x1 + margin, bottom + margin)).chars
    return [c for c in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])) if c["text"].strip()]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_fact_has_the_page_and_box_of_its_figure(doc_id, pdf_facts):
    doc = pdf_facts[doc_id]
    one_line = two_lines = 0
    with pdfplumber.open(PDF_DIR / f"{doc_id}.pdf") as pdf:
        for fact in doc.facts:
            assert fact.page is not None and 1 <= fact.page <= len(pdf.pages), fact
            quote = "".join(fact.quote.split())
            chars = _chars_in(pdf.pages[fact.page - 1], fact.bbox)
            found = "".join(c["text"] for c in chars)
            size = min((c["size"] for c in chars), default=0)
            assert found, f"{fact.quote!r} page {fact.page} {fact.bbox}: no character in the box"
            if fact.bbox[3] - fact.bbox[1] < 1.5 * size:   # on one line: exactly the figure
                one_line += 1
                assert found == quote, f"{fact.quote!r} page {fact.page} {fact.bbox}: box holds {found!r}"
            else:                                           # across a line break: the union box
                two_lines += 1
                it = iter(found)
                assert all(ch in it for ch in quote), f"{fact.quote!r} not within {found!r}"
    assert one_line > 0.8 * len(doc.facts)


def test_some_figures_wrap_at_a_line_end(pdf_facts):
    """The layouts break numbers at line ends (as print does); the reader joins them."""
    wrapped = []
    for doc in pdf_facts.values():
        for fact in doc.facts:
            boxes = [doc.pages.char_box(i) for i in range(fact.clean_start, fact.clean_end)]
            if len({round(b[2]) for b in boxes if b is not None}) > 1:
                wrapped.append(fact.quote)
    assert wrapped, "no figure wraps: the test PDFs no longer exercise it"
    assert all("\n" not in q for q in wrapped)


# --- layout rules on synthetic pages (the next issue's PDF has another layout) ----------------------

def _page(rows, width=600, height=800, number=1, size=10.0):
    """rows: (text, x, top[, size]) → one page of glyphs, each character one em wide."""
    glyphs = []
    for row in rows:
        text, x, top = row[:3]
        s = row[3] if len(row) > 3 else size
        for k, ch in enumerate(text):
            glyphs.append(Glyph(ch, x + k * s, top, x + (k + 1) * s, top + s, s))
    return PageGlyphs(number, width, height, glyphs, [])


def _column(text, x, top, width_chars, first_indent=2, size=10.0, pitch=15.0):
    rows, pos, y = [], 0, top
    while pos < len(text):
        indent = first_indent if pos == 0 else 0
        n = width_chars - indent
        rows.append((text[pos:pos + n], x + indent * size, y, size))
        pos, y = pos + n, y + pitch
    return rows


def test_title_across_the_gutter_splits_the_columns_into_bands():
    """Text above a title set across both columns is read (left column, then right) before the title,
    and the title before the text under it, even with no wider space around the title."""
    upper_left = _column("甲" * 38 + "。", 40, 100, 20)
    upper_right = _column("乙" * 19 + "。", 260, 100, 20, first_indent=0)
    title = [("标题跨栏通排的大标题文字", 150, 145, 20.0)]
    lower_left = _column("丙" * 38 + "。", 40, 173, 20)
    lower_right = _column("丁" * 19 + "。", 260, 173, 20, first_indent=0)
    text = layout([_page(upper_left + upper_right + title + lower_left + lower_right)]).text
    assert text == "甲" * 38 + "。" + "乙" * 19 + "。\n标题跨栏通排的大标题文字\n" + "丙" * 38 + "。" + "丁" * 19 + "。"


def test_columns_with_gaps_at_the_same_height_still_read_down_each_column():
    """Two columns that both have a subheading at the same height: the empty strip across the page
    is a coincidence, not a band: the left column is read to its end first."""
    left = _column("一" * 58 + "。", 40, 100, 20) + [("左栏小标题", 80, 175, 14.0)] + _column("二" * 38 + "。", 40, 205, 20)
    right = _column("三" * 58 + "。", 260, 100, 20) + [("右栏小标题", 300, 175, 14.0)] + _column("四" * 38 + "。", 260, 205, 20)
    text = layout([_page(left + right)]).text
    assert text.split("\n") == ["一" * 58 + "。", "左栏小标题", "二" * 38 + "。",
                                "三" * 58 + "。", "右栏小标题", "四" * 38 + "。"]


def test_three_columns_above_a_banner_and_two_below():
    three = (_column("甲" * 25 + "。", 40, 100, 13) + _column("乙" * 25 + "。", 220, 100, 13, 0)
             + _column("丙" * 25 + "。", 400, 100, 13, 0))
    banner = [("特刊横幅", 260, 170, 16.0)]
    two = _column("丁" * 39 + "。", 40, 205, 20) + _column("戊" * 39 + "。", 300, 205, 20, 0)
    text = layout([_page(three + banner + two)]).text
    assert text.split("\n") == ["甲" * 25 + "。" + "乙" * 25 + "。" + "丙" * 25 + "。", "特刊横幅",
                                "丁" * 39 + "。" + "戊" * 39 + "。"]


def test_running_head_is_found_by_repetition_not_by_its_words():
    def page(n, body):
        return _page([("某某日报", 40, 20, 9.0), (f"第{n}版", 500, 20, 9.0)] + _column(body, 40, 80, 20)
                     + [(f"- {n} -", 290, 770, 9.0)], number=n)
    text = layout([page(1, "一" * 39 + "。"), page(2, "二" * 39 + "。")]).text
    assert text == "一" * 39 + "。\n" + "二" * 39 + "。"


def test_head_and_foot_lines_are_dropped_even_on_a_single_page():
    rows = ([("某某日报", 40, 20, 9.0), ("2024年1月5日", 460, 20, 9.0)] + _column("一" * 39 + "。", 40, 80, 20)
            + [("标题居中", 260, 20 + 400, 16.0), ("本报主办", 40, 770, 9.0), ("- 1 -", 290, 770, 9.0)])
    assert layout([_page(rows)]).text == "一" * 39 + "。\n标题居中"
    masthead = [("开发区建设", 250, 20, 20.0)] + _column("一" * 39 + "。", 40, 80, 20)
    assert layout([_page(masthead)]).text == "开发区建设\n" + "一" * 39 + "。"  # one part: not a head


# --- bad files ----------------------------------------------------------------------------------

def _minimal_pdf_without_pages() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


BAD = {
    "encrypted.pdf": "encrypted PDF",
    "scan-only.pdf": "no text layer",
    "empty.pdf": "empty file",
    "webpage.pdf": "not a PDF: it is an HTML page",
    "truncated.pdf": "damaged PDF",
    "no-pages.pdf": "has no pages",
}


def _bad_files(folder):
    for name in ("encrypted.pdf", "scan-only.pdf"):
        shutil.copy(PDF_DIR / "bad" / name, folder / name)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "webpage.pdf").write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>", encoding="utf-8")
    good = (PDF_DIR / f"{DOC_IDS[0]}.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good[:len(good) // 3])
    (folder / "no-pages.pdf").write_bytes(_minimal_pdf_without_pages())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_pdf_raises_input_error_naming_file_and_problem(tmp_path, name, engine):
    _bad_files(tmp_path)
    with pytest.raises(InputError) as info:
        read_pdf(tmp_path / name, engine=engine)
    message = str(info.value)
    assert name in message and BAD[name] in message and "\n" not in message


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8")


def test_cli_extract_pdf_jsonl_carries_page_and_box():
    doc_id = "000_56f2bf5d4fae28d3"
    out = run_cli("extract", str(PDF_DIR / f"{doc_id}.pdf"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    facts = [json.loads(line) for line in out.stdout.splitlines()]
    assert facts and all(f["doc"] == doc_id for f in facts)
    assert all(isinstance(f["page"], int) and f["page"] >= 1 and len(f["bbox"]) == 4 for f in facts)
    total = next(f for f in facts if f["value"] == 2417.52)
    assert (total["unit"], total["metric"], total["subject"]) == ("亩", "标准地出让面积", "大同市开发区")


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_bad_pdf_exits_3_with_one_line(tmp_path, name):
    _bad_files(tmp_path)
    out = run_cli("extract", str(tmp_path / name))
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and BAD[name] in lines[0] and "Traceback" not in out.stderr


def test_cli_batch_goes_on_past_bad_pdfs(tmp_path):
    _bad_files(tmp_path)
    shutil.copy(PDF_DIR / "004_68c82b09bb470f3b.pdf", tmp_path / "good.pdf")
    shutil.copy(CORPUS / "003_af2d74c9e19e1703.txt", tmp_path / "also-good.txt")
    out = run_cli("extract", str(tmp_path), "--format", "jsonl")
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("bulletin-facts: error:")]
    assert len(errors) == len(BAD) and all(any(name in e for e in errors) for name in BAD)
    summary = [line for line in lines if line not in errors]  # the batch's summary names the failed files
    assert len(summary) == 1 and f"{len(BAD)} failed" in summary[0] and all(n in summary[0] for n in BAD)
    docs = collections.Counter(json.loads(line)["doc"] for line in out.stdout.splitlines())
    assert set(docs) == {"good", "also-good"}
    raw = (CORPUS / "004_68c82b09bb470f3b.txt").read_text(encoding="utf-8")
    assert docs["good"] == len(extractor.extract(raw, year=2024))
