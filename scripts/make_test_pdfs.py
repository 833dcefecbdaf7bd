#!/usr/bin/env python3
"""Lay out the five bulletins the way 《开发区建设》周刊 prints them, as PDFs for the tests.

No real issue PDFs exist, so this makes them: each bulletin's *normalised* text (what
`Document.from_raw(raw).text` gives, paragraph for paragraph) set in two or three columns on A4 or
A3, with a running head (the weekly's name and pinyin title) and a footer with the page number on
every page, titles and subtitles in larger type, 【section heads】 centred, 供稿 lines set right,
special-issue banners and the front-page masthead across the page, a photo with its headline and
caption set in a column (placed inside the paragraph that follows it, as a newspaper would), and
numbers wrapping at a line end wherever the line breaks. The font is a subset of WenQuanYi Micro
Hei (Debian `fonts-wqy-microhei`), embedded.

Also the bad inputs that need a PDF writer: an encrypted PDF and an image-only scan (the tests make
the others: empty, HTML, truncated, no pages).

    apt-get install fonts-wqy-microhei
    .venv/bin/pip install -e '.[pdfgen]'
    .venv/bin/python scripts/make_test_pdfs.py          # writes tests/data/pdf/

The output is deterministic (fixed dates, ids and image noise), so regenerating shows no diff unless
the text, the normaliser or this layout changed.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A3, A4  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor.document import Document  # noqa: E402
from extractor.segment import classify  # noqa: E402

FONT = "CJK"
FONT_PATHS = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"]
OUT = ROOT / "tests" / "data" / "pdf"

WEEKLY = "《开发区建设》周刊"
PINYIN = "KAIFAQU JIANSHE"
PUBLISHER = "山西省商务厅主办"

# One layout per bulletin: page size and column count differ so the reader cannot rely on fixed widths.
LAYOUTS = {
    "000_56f2bf5d4fae28d3": {"page": A4, "columns": 2},
    "001_1a8d8aa01a70d735": {"page": A3, "columns": 3},
    "002_97cfec9b54826632": {"page": A4, "columns": 2},
    "003_af2d74c9e19e1703": {"page": A3, "columns": 3},
    "004_68c82b09bb470f3b": {"page": A4, "columns": 3},
}

# Other settings of the same text, so the reader is tested on more than one set of measures: dense
# four-column A3 pages at 9 pt (002 fits on one page, where its running head cannot repeat), double
# leading on A4.
DENSE = {"BODY": 9.0, "LEADING": 1.3, "GUTTER": 10.0}
VARIANTS = {
    "dense-002": ("002_97cfec9b54826632", {"page": A3, "columns": 4}, DENSE),
    "dense-003": ("003_af2d74c9e19e1703", {"page": A3, "columns": 4}, DENSE),
    "loose-000": ("000_56f2bf5d4fae28d3", {"page": A4, "columns": 2}, {"BODY": 10.0, "LEADING": 2.0, "GUTTER": 20.0}),
}

BODY = 10.0          # body type size (pt)
LEADING = 1.5        # line pitch as a multiple of the type size
GUTTER = 16.0        # space between columns (pt)
MARGIN = {"left": 42.0, "right": 42.0, "top": 68.0, "bottom": 58.0}
NO_LINE_START = set("，。、；：？！）》」』”’…%,.;:?!)]】·—")
NO_LINE_END = set("（《「『“‘【(")


# --- typesetting one column item at a time ------------------------------------------------------

@dataclass
class Line:
    text: str
    size: float
    align: str = "justify"    # justify | left | centre | right
    indent: float = 0.0       # left indent of this line (first line of a body paragraph: 2 em)
    last: bool = False        # last line of its paragraph: not justified
    before: float = 0.0       # extra space above the line
    after: float = 0.0

    @property
    def height(self) -> float:
        return self.before + self.size * LEADING + self.after


@dataclass
class Figure:
    """A photo with its headline and caption, set in one column."""
    width: float
    lines: list[Line]
    image_height: float
    seed: int

    @property
    def height(self) -> float:
        return 6 + self.image_height + 4 + sum(line.height for line in self.lines) + 6


@dataclass
class Band:
    """Lines across the whole page (banners, the masthead)."""
    lines: list[Line]

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines) + 10


def width_of(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def break_lines(text: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
    """Greedy line breaking with the usual Chinese rules: no closing mark at a line start, no opening
    mark at a line end, no break inside a Latin word; numbers break anywhere, as in print."""
    lines, start = [], 0
    while start < len(text):
        avail = width - (first_indent if not lines else 0.0)
        end, used = start, 0.0
        while end < len(text) and used + width_of(text[end], size) <= avail + 0.01:
            used += width_of(text[end], size)
            end += 1
        if end < len(text):
            while end < len(text) and text[end] in NO_LINE_START:  # hang the closing mark
                end += 1
            while end - 1 > start and text[end - 1] in NO_LINE_END:
                end -= 1
            end = _not_inside_word(text, start, end)
        lines.append(text[start:end].rstrip(" "))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    return lines


def _not_inside_word(text: str, start: int, end: int) -> int:
    def is_letter(ch):
        return ch.isascii() and ch.isalpha()
    if end < len(text) and is_letter(text[end]) and is_letter(text[end - 1]):
        k = end
        while k > start and is_letter(text[k - 1]):
            k -= 1
        if k > start:
            return k
    return end


def paragraph_lines(text: str, kind: str, width: float, first_of_run: bool) -> list[Line]:
    if kind == "heading":
        size = 15.0 if first_of_run else 12.5
        parts = break_lines(text, size, width * 0.9)
        lines = [Line(p, size, "centre", last=True) for p in parts]
        lines[0].before = 8.0 if first_of_run else 2.0
        lines[-1].after = 4.0
        return lines
    if kind == "section":
        return [Line(t, BODY, "centre", last=True, before=3.0) for t in break_lines(text, BODY, width)]
    if kind in ("source", "byline"):
        return [Line(t, BODY, "right", last=True) for t in break_lines(text, BODY, width)]
    parts = break_lines(text, BODY, width, first_indent=2 * BODY)
    lines = [Line(p, BODY, indent=2 * BODY if i == 0 else 0.0) for i, p in enumerate(parts)]
    lines[-1].last = True
    return lines


def band_lines(text: str) -> list[Line]:
    size = 26.0 if len(text) <= 6 else 13.0
    return [Line(text, size, "centre", last=True, before=4.0, after=6.0)]


# --- the bulletin as a stream of column items and bands -----------------------------------------

def build_stream(text: str, col_width: float) -> list:
    """Paragraphs → column lines, figures and bands, in reading order."""
    paras = [p for p in text.split("\n") if p]
    kinds = [classify(p) for p in paras]
    stream: list = []
    i, seed = 0, 7
    while i < len(paras):
        if kinds[i] == "furniture":
            stream.append(Band(band_lines(paras[i])))
        elif _starts_figure(paras, kinds, i):
            end = kinds.index("caption", i)  # the photo's headline (if any) through its caption
            figure = _figure(paras[i:end + 1], col_width, seed)
            seed += 1
            inside = _inside_paragraph(figure, paras, kinds, end + 1, col_width)
            stream.extend(inside or [figure])
            i = end + (2 if inside else 1)
            continue
        else:
            first = kinds[i] != "heading" or i == 0 or kinds[i - 1] != "heading"
            stream.extend(paragraph_lines(paras[i], kinds[i], col_width, first))
        i += 1
    return stream


def _starts_figure(paras, kinds, i) -> bool:
    """A caption, or a short line right before one: the photo's headline."""
    return kinds[i] == "caption" or (kinds[i] == "body" and len(paras[i]) <= 40
                                     and i + 1 < len(kinds) and kinds[i + 1] == "caption")


def _figure(paras: list[str], col_width: float, seed: int) -> Figure:
    lines = []
    for n, para in enumerate(paras):
        size = 9.0 if n == len(paras) - 1 else 10.5  # headline larger than the caption under it
        lines.extend(Line(t, size, "left", last=True) for t in break_lines(para, size, col_width))
    return Figure(col_width, lines, image_height=round(col_width * 0.6), seed=seed)


def _inside_paragraph(figure: Figure, paras, kinds, i, col_width) -> list | None:
    """A photo sits where the page has room, often inside the paragraph after it (after its third
    line); None when that paragraph is too short to hold it."""
    if i >= len(paras) or kinds[i] != "body":
        return None
    lines = paragraph_lines(paras[i], kinds[i], col_width, True)
    return [*lines[:3], figure, *lines[3:]] if len(lines) >= 5 else None


# --- pages ----------------------------------------------------------------------------------------

@dataclass
class Page:
    number: int
    items: list = field(default_factory=list)  # (item, x, top)


class Layout:
    """Fills pages band by band: columns are balanced above a band (a banner), filled to the foot
    of the page otherwise; a new page starts when the columns are full."""

    def __init__(self, page_size, columns: int, masthead_first: bool):
        self.width, self.height = page_size
        self.columns = columns
        self.col_width = (self.width - MARGIN["left"] - MARGIN["right"] - GUTTER * (columns - 1)) / columns
        self.pages: list[Page] = []
        self.masthead_first = masthead_first
        self.new_page()

    def new_page(self):
        self.pages.append(Page(len(self.pages) + 1))
        front = len(self.pages) == 1 and self.masthead_first
        self.y = MARGIN["top"] - (24 if front else 0)  # a front page: masthead under a thin head strip
        self.bottom = self.height - MARGIN["bottom"]

    def column_x(self, k: int) -> float:
        return MARGIN["left"] + k * (self.col_width + GUTTER)

    def place(self, stream: list) -> list[Page]:
        pending: list = []
        for item in stream:
            if isinstance(item, Band):
                self.flush(pending, balance=True)
                pending = []
                if self.y + item.height > self.bottom:
                    self.new_page()
                self.pages[-1].items.append((item, MARGIN["left"], self.y + 4))
                self.y += item.height
            else:
                pending.append(item)
        self.flush(pending, balance=True)
        return self.pages

    def flush(self, items: list, balance: bool) -> None:
        while items:
            capacity = self.bottom - self.y
            height = self.fit_height(items, capacity) if balance else None
            if height is None:          # more than the page holds: fill every column, go on overleaf
                items = self.fill(items, capacity)
                self.new_page()
            else:
                self.fill(items, height)
                self.y += height + 4
                items = []

    def fit_height(self, items: list, capacity: float) -> float | None:
        """The smallest column height that takes all items in this many columns, or None."""
        total = sum(item.height for item in items)
        height = total / self.columns
        while height <= capacity:
            if self.columns_needed(items, height) <= self.columns:
                return height
            height += 1.0
        return None

    def columns_needed(self, items: list, height: float) -> int:
        cols, used = 1, 0.0
        for item in items:
            if used + item.height > height + 0.01:
                if item.height > height:
                    return 10 ** 6
                cols, used = cols + 1, 0.0
            used += item.height
        return cols

    def fill(self, items: list, height: float) -> list:
        """Set items into the columns down to `height`; returns what did not fit."""
        col, used = 0, 0.0
        for n, item in enumerate(items):
            if used + item.height > height + 0.01:
                col, used = col + 1, 0.0
                if col == self.columns:
                    return items[n:]
            self.pages[-1].items.append((item, self.column_x(col), self.y + used))
            used += item.height
        return []


# --- drawing --------------------------------------------------------------------------------------

def draw_line(c, line: Line, x: float, top: float, width: float, page_height: float) -> None:
    natural = width_of(line.text, line.size)
    avail = width - line.indent
    if line.align == "centre":
        x += (width - natural) / 2
    elif line.align == "right":
        x += width - natural
    else:
        x += line.indent
    space = 0.0
    if len(line.text) > 1 and (natural > avail or (line.align == "justify" and not line.last)):
        # justified, or squeezed where a hanging closing mark would reach into the gutter
        space = max(-0.1 * line.size, min(0.12 * line.size, (avail - natural) / (len(line.text) - 1)))
    baseline = top + line.before + (line.size * LEADING - line.size) / 2 + line.size * 0.8
    # reportlab writes a TrueType font as several 256-glyph subsets and switches between them inside
    # a line; each run gets its own position, so that every reader places it alike (pdfminer drops the
    # character spacing at a switch of font within one text position, pdfium keeps it).
    pos = 0
    for _, codes in pdfmetrics.getFont(FONT).splitString(line.text, c._doc):
        run, pos = line.text[pos:pos + len(codes)], pos + len(codes)  # one byte per character
        text = c.beginText(x, page_height - baseline)
        text.setFont(FONT, line.size)
        text.setCharSpace(space)
        text.textOut(run)
        c.drawText(text)
        x += width_of(run, line.size) + space * len(run)


def draw_figure(c, fig: Figure, x: float, top: float, page_height: float) -> None:
    top += 6
    c.drawImage(ImageReader(photo(fig.seed, int(fig.width), int(fig.image_height))), x,
                page_height - top - fig.image_height, fig.width, fig.image_height)
    top += fig.image_height + 4
    for line in fig.lines:
        draw_line(c, line, x, top, fig.width, page_height)
        top += line.height


def photo(seed: int, w: int, h: int):
    """A grey 'photo': smooth shapes and noise, small as JPEG."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    img = Image.new("L", (w, h), 150)
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        draw.ellipse([x0, y0, x0 + rng.randrange(20, w // 2), y0 + rng.randrange(10, h // 2)],
                     fill=rng.randrange(40, 230))
    img = img.filter(ImageFilter.GaussianBlur(3))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=60)
    buf.seek(0)
    return buf


def draw_furniture(c, layout: Layout, page: Page, front: bool) -> None:
    """Running head and footer, mirrored on even pages; a front page with a masthead has its head
    higher, as a thin strip above the masthead."""
    w, h = layout.width, layout.height
    left, right = MARGIN["left"], w - MARGIN["right"]
    c.setFont(FONT, 9)
    y = h - (22 if front else 40)
    outer, inner = (WEEKLY, PINYIN) if page.number % 2 else (PINYIN, WEEKLY)
    c.drawString(left, y, outer)
    c.drawRightString(right, y, inner)
    c.setLineWidth(0.8)
    c.line(left, y - 6, right, y - 6)
    c.setLineWidth(0.4)
    c.line(left, 44, right, 44)
    c.drawCentredString(w / 2, 30, f"— {page.number} —")
    (c.drawString if page.number % 2 else c.drawRightString)(left if page.number % 2 else right, 30, PUBLISHER)


@contextlib.contextmanager
def measures(**values):
    """Set the type size, leading and gutter for one variant, and put them back after."""
    saved = {name: globals()[name] for name in values}
    globals().update(values)
    try:
        yield
    finally:
        globals().update(saved)


def render(doc_id: str, text: str, out: Path, spec: dict | None = None) -> int:
    spec = spec or LAYOUTS[doc_id]
    paras = [p for p in text.split("\n") if p]
    masthead = sum(1 for p in paras[:5] if classify(p) == "furniture") >= 3
    layout = Layout(spec["page"], spec["columns"], masthead)
    pages = layout.place(build_stream(text, layout.col_width))
    c = canvas.Canvas(str(out), pagesize=spec["page"], invariant=1, pageCompression=1)
    c.setTitle(f"开发区建设 {doc_id}")
    for page in pages:
        draw_furniture(c, layout, page, front=page.number == 1 and masthead)
        for item, x, top in page.items:
            if isinstance(item, Line):
                draw_line(c, item, x, top, layout.col_width, layout.height)
            elif isinstance(item, Figure):
                draw_figure(c, item, x, top, layout.height)
            else:
                for line in item.lines:
                    draw_line(c, line, x, top, layout.width - MARGIN["left"] - MARGIN["right"], layout.height)
                    top += line.height
        c.showPage()
    c.save()
    return len(pages)


# --- bad inputs -----------------------------------------------------------------------------------

def make_encrypted(out: Path) -> None:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1, encrypt=enc)
    c.setFont(FONT, 12)
    c.drawString(72, 760, "本刊讯 全市开发区完成规上工业增加值489.69亿元。")
    c.showPage()
    c.save()


def make_scan(out: Path, font_path: str) -> None:
    """A page that is only a picture of text, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path, 22)
    draw.text((20, 40), "本刊讯 全市开发区完成规上工业增加值", font=font, fill=0)
    draw.text((20, 90), "489.69亿元，同比增长12.3%。", font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    buf.seek(0)
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buf), 40, 500, 515, 172)
    c.showPage()
    c.save()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(OUT), help="output folder (default: tests/data/pdf)")
    parser.add_argument("--font", help="a CJK TrueType font (.ttf/.ttc with TrueType outlines)")
    args = parser.parse_args(argv)
    font_path = args.font or next((p for p in FONT_PATHS if Path(p).exists()), None)
    if font_path is None:
        sys.exit("no CJK TrueType font: apt-get install fonts-wqy-microhei, or give --font")
    pdfmetrics.registerFont(TTFont(FONT, font_path, subfontIndex=0))
    out = Path(args.out)
    (out / "bad").mkdir(parents=True, exist_ok=True)
    for doc_id in LAYOUTS:
        raw = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
        target = out / f"{doc_id}.pdf"
        pages = render(doc_id, Document.from_raw(raw).text, target)
        print(f"{target.relative_to(ROOT)}: {pages} pages, {target.stat().st_size // 1024} KB")
    (out / "variants").mkdir(exist_ok=True)
    for name, (doc_id, spec, values) in VARIANTS.items():
        raw = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
        target = out / "variants" / f"{name}.pdf"
        with measures(**values):
            pages = render(doc_id, Document.from_raw(raw).text, target, spec)
        print(f"{target.relative_to(ROOT)}: {pages} pages, {target.stat().st_size // 1024} KB")
    make_encrypted(out / "bad" / "encrypted.pdf")
    make_scan(out / "bad" / "scan-only.pdf", font_path)
    print(f"{(out / 'bad').relative_to(ROOT)}: encrypted.pdf, scan-only.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
