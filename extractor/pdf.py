"""PDF in: an issue of the weekly read as its readers see it, every character traced to its box.

    characters with boxes (pdfplumber or pdfium) → lines → running heads, page numbers, footers
    dropped → photos with their captions set apart → reading order (columns and bands found from the
    page's own character positions) → paragraphs → text, and for every character of that text the
    (page, x0, top, x1, bottom) it was printed at.

The text then goes through the normaliser like any text layer (`Document.from_raw`), and
`doc.pages.locate(clean_start, clean_end)` gives a fact its page (counted from 1) and box
([x0, top, x1, bottom] in PDF points from the top left corner of the page's media box: pdfplumber's
coordinates where the media box starts at 0,0, as it nearly always does). Rotated pages and vertical
writing are not handled.
A figure printed across a line break gets the union of its characters' boxes on the page of its
first character: that box contains every character of the figure on that page (and the text
between its parts).

Two character sources feed the same layout code. pdfplumber (pdfminer) is thorough and slow on dense
CJK pages; pdfium (pypdfium2, which pdfplumber already installs) reads the same characters many times
faster. Their boxes follow one convention (origin to advance, font size high, as pdfminer has it),
and `tests/test_pdf.py` checks that they give the same text and boxes within 0.2 pt on every test PDF.
`engine="auto"` therefore uses pdfium, and pdfplumber only where pypdfium2 cannot be imported.
"""
from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

ENGINES = ("auto", "pdfplumber", "pdfium")

# Layout thresholds, in multiples of the type size of the characters concerned, gaps above the body
# type's usual line gap (see Body), so that they hold for any page size, column count, type and leading.
SPLIT_GAP = 0.8        # a gap this wide inside a printed row separates two blocks (columns, head parts)
SPACE_GAP = 0.22       # a gap this wide between two characters of a line is a space
BAND_GAP = 0.4         # a strip across the page this much higher than the usual line gap may part bands
MIN_GUTTER = 0.5       # an empty vertical strip this wide between blocks is a column gutter
INDENT = 0.6           # a line starting this far right of its column's left edge opens a paragraph
PARA_GAP = 0.5         # a gap between two lines this much above the usual line gap ends a paragraph
MARGIN_ZONE = 0.12     # running heads and footers lie in this share of the page height, top or bottom
CAPTION_REACH = 1.5    # a caption starts within this distance below its photo


# --- characters from either engine ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass
class PageGlyphs:
    number: int                     # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    images: list[tuple[float, float, float, float]]  # x0, top, x1, bottom


REPLACEMENT = "\ufffd"                  # a glyph the PDF gives no Unicode for, as either engine reports it
_UNMAPPED = re.compile(r"\(cid:\d+\)")    # pdfminer's way of saying the same


def _pdfplumber_pages(path: Path) -> list[PageGlyphs]:
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            dx, dy = page.bbox[0], page.bbox[1]  # pdfplumber keeps a media box's offset; measure from its corner
            glyphs = [Glyph(_UNMAPPED.sub(REPLACEMENT, c["text"]), c["x0"] - dx, c["top"] - dy, c["x1"] - dx,
                            c["bottom"] - dy, c["size"]) for c in page.chars if c["text"]]
            images = [(i["x0"] - dx, i["top"] - dy, i["x1"] - dx, i["bottom"] - dy) for i in page.images]
            pages.append(PageGlyphs(number, float(page.width), float(page.height), glyphs, images))
            page.close()  # frees pdfminer's layout objects page by page
    return pages


def _pdfium_pages(path: Path) -> list[PageGlyphs]:
    import pypdfium2

    pages = []
    doc = pypdfium2.PdfDocument(str(path))
    try:
        for number in range(1, len(doc) + 1):
            page = doc[number - 1]
            left, bottom, right, top = page.get_mediabox()  # pdfminer measures from the media box too
            textpage = page.get_textpage()
            pages.append(PageGlyphs(number, right - left, top - bottom, _pdfium_glyphs(textpage, left, top),
                                    _pdfium_images(page, left, top)))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pages


def _pdfium_glyphs(textpage, left: float, top: float) -> list[Glyph]:
    import ctypes

    import pypdfium2.raw as pdfium_c

    glyphs = []
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    loose = pdfium_c.FS_RECTF()
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i):  # pdfium's own spaces and line ends
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, loose)
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, origin_x, origin_y)
        # pdfminer's convention: from the origin to the advance, font size high from the descender
        # line (the loose box's left edge follows the glyph's side bearing, its top the glyph)
        glyphs.append(Glyph(REPLACEMENT if code in (0, 0xFFFE, 0xFFFF) else chr(code), origin_x.value - left,
                            top - loose.bottom - size, loose.right - left, top - loose.bottom, size))
    return glyphs


def _pdfium_images(page, left: float, top: float) -> list[tuple[float, float, float, float]]:
    import pypdfium2.raw as pdfium_c

    images = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):  # also inside form XObjects
        x0, y0, x1, y1 = obj.get_bounds()
        images.append((x0 - left, top - y1, x1 - left, top - y0))
    return images


# --- bad files: one clear line each --------------------------------------------------------------

def _check_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not data:
        raise InputError(path, "empty file (0 bytes): no PDF to read")
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, f"not a PDF: {_looks_like(data)}")
    return data


def _looks_like(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "it is an HTML page (a download that returned a web page?)"
    if head.startswith(b"pk\x03\x04"):
        return "it is a ZIP archive (a .docx or .xlsx?)"
    shown = data[:24].decode("latin-1").encode("unicode_escape").decode("ascii")
    return f"it starts with '{shown}', not '%PDF-'"


def _open_error(path: Path, data: bytes, exc: Exception) -> InputError:
    """What a reader's failure to open a file means, said for a person."""
    text = repr(exc).lower()  # pdfplumber wraps pdfminer's error: PdfminerException(PDFPasswordIncorrect())
    if b"/Encrypt" in data and ("password" in text or "encrypt" in text):
        return InputError(path, "encrypted PDF: it needs a password; save an unencrypted copy first")
    pages = _count_pages(path)
    if pages == 0:
        return InputError(path, "the PDF has no pages")
    return InputError(path, f"damaged PDF, cannot be read ({_short(exc)})")


def _count_pages(path: Path) -> int | None:
    """pdfium refuses a document without pages with an unrelated error code; pdfminer counts them."""
    try:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - any failure here means "damaged", said by the caller
        return None


def _short(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return (f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__)[:120]


def _engine_errors() -> tuple[type[Exception], ...]:
    """The exceptions by which pdfium, pdfplumber and pdfminer say a file cannot be parsed."""
    errors: list[type[Exception]] = []
    try:
        from pypdfium2 import PdfiumError
        errors.append(PdfiumError)
    except ImportError:
        pass
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException
    return (*errors, PdfminerException, PDFException, PSException)


def read_glyphs(path: str | Path, engine: str = "auto") -> tuple[list[PageGlyphs], str]:
    """Every page's characters and photos; (pages, the engine used). Bad files raise InputError."""
    path = Path(path)
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    data = _check_file(path)
    if engine == "auto":
        try:
            import pypdfium2  # noqa: F401
            engine = "pdfium"
        except ImportError:
            engine = "pdfplumber"
    reader = _pdfium_pages if engine == "pdfium" else _pdfplumber_pages
    try:
        pages = reader(path)
    except _engine_errors() as exc:  # the engine could not parse the file; our own bugs still raise
        raise _open_error(path, data, exc) from None
    if not pages:
        raise InputError(path, "the PDF has no pages")
    if not any(page.glyphs for page in pages):
        if any(page.images for page in pages):
            raise InputError(path, "no text layer (the pages are images, a scan?): OCR it first")
        raise InputError(path, "no text on any page")
    return pages, engine


@dataclass(frozen=True)
class Body:
    """The document's body type: its size, and the usual gap between two lines of a column (leading
    less the type). Gaps are judged against these, so loose and tight setting read alike."""
    size: float
    gap: float

    def line_gap(self, size: float) -> float:
        """The usual gap for lines of this size, the leading scaled with the type."""
        return self.gap * size / self.size

    def apart(self, gap: float, size: float) -> bool:
        """A gap clearly wider than lines of this size have between them."""
        return gap > self.line_gap(size) + PARA_GAP * size


def body_type(pages: list[PageGlyphs], lines: dict[int, list[Line]]) -> Body:
    sizes = Counter(round(g.size, 1) for page in pages for g in page.glyphs if not g.text.isspace())
    size = sizes.most_common(1)[0][0]
    gaps = []
    for page_lines in lines.values():
        body = sorted((l for l in page_lines if abs(l.size - size) < 0.5), key=lambda l: l.top)
        for i, line in enumerate(body):
            below = next((o for o in body[i + 1:] if o.top >= line.bottom - 0.5 and _x_overlap(o, line)), None)
            if below is not None:
                gaps.append(max(0.0, below.top - line.bottom))
    return Body(size, statistics.median(gaps) if gaps else 0.5 * size)


# --- lines: characters of one printed row, up to a wide gap ---------------------------------------

@dataclass
class Line:
    glyphs: list[Glyph]
    page: int
    x0: float = field(init=False)
    top: float = field(init=False)
    x1: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self):
        self.x0 = min(g.x0 for g in self.glyphs)
        self.x1 = max(g.x1 for g in self.glyphs)
        self.top = min(g.top for g in self.glyphs)
        self.bottom = max(g.bottom for g in self.glyphs)
        self.size = statistics.median(g.size for g in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(ch for ch, _ in self.chars())

    def chars(self) -> list[tuple[str, Glyph | None]]:
        """The line's characters; runs of blanks and wide gaps become one space (with no box)."""
        out: list[tuple[str, Glyph | None]] = []
        prev = None
        for g in self.glyphs:
            if g.text.isspace():
                if out and out[-1][0] != " ":
                    out.append((" ", None))
                continue
            if prev is not None and out[-1][0] != " " and g.x0 - prev.x1 > SPACE_GAP * g.size:
                out.append((" ", None))
            out.append((g.text, g))
            prev = g
        while out and out[-1][0] == " ":
            out.pop()
        return out


def lines_of(page: PageGlyphs) -> list[Line]:
    """Rows by baseline (bottom), each cut at gaps wider than SPLIT_GAP type sizes."""
    rows: list[list[Glyph]] = []
    for g in sorted(page.glyphs, key=lambda g: (g.bottom, g.x0)):
        if rows and g.bottom - rows[-1][-1].bottom <= 0.3 * min(g.size, rows[-1][-1].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    lines = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        part = [row[0]]
        for g in row[1:]:
            if g.x0 - part[-1].x1 > SPLIT_GAP * max(g.size, part[-1].size):
                lines.append(Line(part, page.number))
                part = []
            part.append(g)
        lines.append(Line(part, page.number))
    return [line for line in lines if line.text]


# --- running heads, page numbers, footers ---------------------------------------------------------

PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*[版页])?[-—–\s]*$|^(page|p\.)\s*\d+$", re.I)


def _margin_lines(page: PageGlyphs, lines: list[Line], body: Body) -> list[tuple[str, Line]]:
    """Lines in the top or bottom zone of a page that stand apart from the text next to them."""
    out = []
    for line in lines:
        if line.bottom <= MARGIN_ZONE * page.height:
            below = [o.top - line.bottom for o in lines if o.top > line.bottom and _x_overlap(o, line)]
            if not below or body.apart(min(below), line.size):
                out.append(("head", line))
        elif line.top >= (1 - MARGIN_ZONE) * page.height:
            above = [line.top - o.bottom for o in lines if o.bottom < line.top and _x_overlap(o, line)]
            if not above or body.apart(min(above), line.size):
                out.append(("foot", line))
    return out


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", "".join(line.text.split()))


def drop_furniture(pages: list[PageGlyphs], lines: dict[int, list[Line]], body: Body) -> dict[int, list[Line]]:
    """Running heads and footers: lines in a page's margin zone that repeat from page to page (digits
    compared as '#', so page numbers repeat), a page number and what shares its row, and a margin
    row set in parts across the full measure (name left, date right): a head even on one page."""
    margins = {page.number: _margin_lines(page, lines[page.number], body) for page in pages}
    seen = Counter()
    for page_margins in margins.values():
        seen.update({(zone, _furniture_key(line)) for zone, line in page_margins})
    kept = {}
    for page in pages:
        across = _across_the_measure(margins[page.number], lines[page.number])
        drop = {id(line) for zone, line in margins[page.number]
                if seen[(zone, _furniture_key(line))] >= 2 or PAGE_NUMBER.match(line.text) or id(line) in across}
        kept[page.number] = [line for line in lines[page.number] if id(line) not in drop]
    return kept


def _across_the_measure(margin_lines: list[tuple[str, Line]], page_lines: list[Line]) -> set[int]:
    """Margin rows of two or more parts that reach both edges of the page's text (within an em) or
    hold a page number: a head or a foot line."""
    if not page_lines:
        return set()
    left, right = min(l.x0 for l in page_lines), max(l.x1 for l in page_lines)
    rows = defaultdict(list)
    for zone, line in margin_lines:
        rows[zone, round(line.bottom / line.size)].append(line)
    return {id(line) for row in rows.values() if len(row) >= 2 and (
                any(PAGE_NUMBER.match(l.text) for l in row)
                or (min(l.x0 for l in row) - left < row[0].size and right - max(l.x1 for l in row) < row[0].size))
            for line in row}


# --- photos and their captions --------------------------------------------------------------------

@dataclass
class Figure:
    """A photo and the caption lines printed right under it: one block, read apart from the body."""
    image: tuple[float, float, float, float]
    lines: list[Line]
    page: int

    @property
    def x0(self):
        return min(self.image[0], *(l.x0 for l in self.lines))

    @property
    def x1(self):
        return max(self.image[2], *(l.x1 for l in self.lines))

    @property
    def top(self):
        return self.image[1]

    @property
    def bottom(self):
        return max(l.bottom for l in self.lines)


def take_figures(page: PageGlyphs, lines: list[Line], body: Body) -> tuple[list[Line], list[Figure]]:
    figures, taken = [], set()
    for image in sorted(page.images, key=lambda im: (im[1], im[0])):
        caption, edge = [], image[3]
        for line in sorted(lines, key=lambda l: l.top):
            if id(line) in taken or line.top < edge - 2 or not _within_x(line, image):
                continue
            gap = line.top - edge
            if (gap > CAPTION_REACH * line.size) if not caption else body.apart(gap, line.size):
                break
            caption.append(line)
            taken.add(id(line))
            edge = line.bottom
        if caption:
            figures.append(Figure(image, caption, page.number))
    return [line for line in lines if id(line) not in taken], figures


def _within_x(line: Line, image) -> bool:
    overlap = min(line.x1, image[2]) - max(line.x0, image[0])
    return overlap >= 0.5 * (line.x1 - line.x0)


def _x_overlap(a, b) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0)


# --- reading order: bands and columns -------------------------------------------------------------

@dataclass
class Placed:
    block: Line | Figure
    column: tuple[float, float]     # left and right edge of the column the block was read in


def reading_order(blocks: list, body: Body, column=None) -> list[Placed]:
    """Recursive cuts on the page's own blocks. A page is a stack of bands (a masthead, a banner,
    columns of text); a band is a row of columns. Horizontal cuts go where an empty strip crosses the
    whole region, unless the parts above and below share their gutters (then the strip is only a
    coincidence of two columns' gaps and the text flows down the columns); vertical cuts go where an
    empty strip separates blocks that stand side by side; a title printed across the gutters splits
    its columns into the bands above and below it."""
    if column is None:
        column = (min(b.x0 for b in blocks), max(b.x1 for b in blocks)) if blocks else (0.0, 0.0)
    if len(blocks) <= 1:
        return [Placed(b, column) for b in blocks]
    for split in (_bands, _columns, _spanning_bands):
        parts = split(blocks, body)
        if parts and len(parts) > 1:
            out = []
            for part in parts:
                sub_column = (min(b.x0 for b in part), max(b.x1 for b in part)) if split is _columns else column
                out.extend(reading_order(part, body, sub_column))
            return out
    return [Placed(b, column) for b in sorted(blocks, key=lambda b: (b.top, b.x0))]


def _gaps(intervals: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Empty stretches at least min_gap long between intervals (projection profile)."""
    gaps, reach = [], None
    for start, end in sorted(intervals):
        if reach is not None and start - reach >= min_gap:
            gaps.append((reach, start))
        reach = end if reach is None else max(reach, end)
    return gaps


def _gutters(blocks: list, body: Body) -> list[tuple[float, float]]:
    gaps = _gaps([(b.x0, b.x1) for b in blocks], MIN_GUTTER * body.size)
    return [g for g in gaps if _side_by_side(blocks, g)]


def _side_by_side(blocks: list, gap: tuple[float, float]) -> bool:
    """A gutter separates columns only if text stands on both sides of it at the same height."""
    left = [b for b in blocks if b.x1 <= gap[0]]
    right = [b for b in blocks if b.x0 >= gap[1]]
    return any(l.top < r.bottom and r.top < l.bottom for l in left for r in right)


def _columns(blocks: list, body: Body) -> list[list] | None:
    gutters = _gutters(blocks, body)
    if not gutters:
        return None
    return _split_at(blocks, [g[1] for g in gutters], lambda b: b.x0)


def _bands(blocks: list, body: Body) -> list[list] | None:
    gaps = _gaps([(b.top, b.bottom) for b in blocks], body.gap + BAND_GAP * body.size)
    if not gaps:
        return None
    return _merge_coincidences(_split_at(blocks, [g[1] for g in gaps], lambda b: b.top), body)


def _split_at(blocks: list, cuts: list[float], position) -> list[list]:
    """Blocks grouped by the cut they start after (columns by x, bands by y), in order."""
    parts = defaultdict(list)
    for b in blocks:
        parts[bisect.bisect_right(cuts, position(b))].append(b)
    return [parts[k] for k in sorted(parts)]


def _merge_coincidences(bands: list[list], body: Body) -> list[list]:
    """Undo cuts that only a coincidence made: two bands with the same gutters are one set of columns,
    and so is a band sandwiched between two such whose blocks each fit in one of their columns (two
    subheadings side by side at one height)."""
    changed = True
    while changed and len(bands) > 1:
        changed = False
        for i in range(len(bands) - 1):
            if _same_columns(bands[i], bands[i + 1], body):
                bands[i:i + 2] = [bands[i] + bands[i + 1]]
                changed = True
                break
            if (i + 2 < len(bands) and _same_columns(bands[i], bands[i + 2], body)
                    and _fits_columns(bands[i + 1], bands[i], body)):
                bands[i:i + 3] = [bands[i] + bands[i + 1] + bands[i + 2]]
                changed = True
                break
    return bands


def _same_columns(upper: list, lower: list, body: Body) -> bool:
    """Both parts are columns, as many, each gutter of one overlapping the matching gutter of the other
    (a short title in one column widens that column's gutter, it does not move it)."""
    a, b = _gutters(upper, body), _gutters(lower, body)
    if not a or len(a) != len(b):
        return False
    return all(min(g[1], h[1]) > max(g[0], h[0]) for g, h in zip(a, b))


def _fits_columns(band: list, columns_of: list, body: Body) -> bool:
    gutters = _gutters(columns_of, body)
    edges = [min(b.x0 for b in columns_of)] + [x for g in gutters for x in g] + [max(b.x1 for b in columns_of)]
    columns = list(zip(edges[::2], edges[1::2]))
    slack = 0.5 * body.size
    return all(any(c0 - slack <= b.x0 and b.x1 <= c1 + slack for c0, c1 in columns) for b in band)


def _spanning_bands(blocks: list, body: Body) -> list[list] | None:
    """Gutters that only a few blocks cross (titles across the columns): those blocks cut the region
    into bands: the columns above, the title, the columns below."""
    runs = _valleys(blocks, body)
    spanning = [b for b in blocks if any(b.x0 < (lo + hi) / 2 < b.x1 for lo, hi in runs)]
    rest = [b for b in blocks if b not in spanning]
    if not spanning or not rest or _columns(rest, body) is None:
        return None
    bands, current = [], []
    spans = sorted(spanning, key=lambda b: b.top)
    for b in sorted(rest, key=lambda b: b.top):
        while spans and spans[0].top <= b.top:
            if current:
                bands.append(current)
                current = []
            bands.append([spans.pop(0)])
        current.append(b)
    if current:
        bands.append(current)
    bands.extend([s] for s in spans)
    return bands


def _valleys(blocks: list, body: Body) -> list[tuple[int, int]]:
    """Strips of the x-histogram (how many blocks cover each point) that few blocks cross, at least a
    gutter wide, with text on both sides: gutters bridged by a title or two."""
    lo, hi = round(min(b.x0 for b in blocks)), round(max(b.x1 for b in blocks))
    cover = [0] * (hi - lo + 2)
    for b in blocks:
        for x in range(round(b.x0) + 1, round(b.x1)):
            cover[x - lo] += 1
    peak = max(cover)
    dense = [i for i, c in enumerate(cover) if c >= 0.5 * peak]
    few = max(1, 0.1 * peak)
    runs, start = [], None
    for i in range(dense[0], dense[-1] + 1):
        if cover[i] <= few and start is None:
            start = i
        elif cover[i] > few and start is not None:
            if i - start >= MIN_GUTTER * body.size:
                runs.append((start + lo, i + lo))
            start = None
    return runs


# --- paragraphs and the text ----------------------------------------------------------------------

@dataclass
class PdfText:
    """The reader's text, and for each of its characters (page, x0, top, x1, bottom) or None
    (a space or line break the layout implies)."""
    text: str
    boxes: list[tuple[int, float, float, float, float] | None]
    pages: int
    engine: str


def _opens_paragraph(prev: Placed | None, cur: Placed, body: Body, photo_between: bool = False) -> bool:
    """A new paragraph starts with a change of type size, after a gap wider than the leading (not
    where a photo stands between the two lines), or with an indent (or a centred or right-set line)
    of body type; lines of a larger type (a title set over two lines, centred) run on."""
    if prev is None:
        return True
    a, b = prev.block, cur.block
    if abs(a.size - b.size) > 0.15 * min(a.size, b.size):
        return True
    same_column = a.page == b.page and _x_overlap(a, b) and b.top >= a.bottom - 0.5
    if same_column and not photo_between and body.apart(b.top - a.bottom, max(a.size, b.size)):
        return True
    heading_run = abs(b.size - body.size) > 0.15 * body.size and abs(a.size - b.size) < 0.5
    return not heading_run and b.x0 - cur.column[0] > INDENT * b.size


def _move_figures(sequence: list[Placed], body: Body) -> list[tuple[Placed, bool]]:
    """(item, opens a paragraph) in reading order. A photo standing inside a paragraph is moved
    before that paragraph, so that its caption never splits the body text."""
    opens, prev, photo = {}, None, False
    for item in sequence:
        if isinstance(item.block, Figure):
            photo = True
            continue
        opens[id(item)] = _opens_paragraph(prev, item, body, photo_between=photo)
        prev, photo = item, False
    out: list[tuple[Placed, bool]] = []
    start_of_paragraph = 0
    pending: list[Placed] = []
    for item in sequence:
        if isinstance(item.block, Figure):
            pending.append(item)
            continue
        if opens[id(item)]:
            out.extend((f, True) for f in pending)
            pending = []
            start_of_paragraph = len(out)
        elif pending:
            out[start_of_paragraph:start_of_paragraph] = [(f, True) for f in pending]
            start_of_paragraph += len(pending)
            pending = []
        out.append((item, opens[id(item)]))
    out.extend((f, True) for f in pending)
    return out


def _caption_items(figure: Placed, body: Body) -> list[tuple[Placed, bool]]:
    placed = [Placed(line, (figure.block.x0, figure.block.x1)) for line in figure.block.lines]
    return [(p, True if i == 0 else _opens_paragraph(placed[i - 1], p, body)) for i, p in enumerate(placed)]


def compose(items: list[tuple[Placed, bool]], body: Body) -> tuple[str, list]:
    parts: list[str] = []
    boxes: list = []
    prev_char = ""
    for placed, opens in items:
        if isinstance(placed.block, Figure):
            sub = _caption_items(placed, body)
        else:
            sub = [(placed, opens)]
        for line_item, line_opens in sub:
            chars = line_item.block.chars()
            if parts and line_opens:
                parts.append("\n")
                boxes.append(None)
            elif parts and prev_char.isascii() and prev_char.isalpha() and chars[0][0].isascii() and chars[0][0].isalpha():
                parts.append(" ")  # a Latin word ended at the line end; CJK and numbers join directly
                boxes.append(None)
            for ch, g in chars:
                parts.append(ch)  # one glyph may stand for two characters (a ligature): each gets its box
                boxes.extend([None if g is None else (line_item.block.page, g.x0, g.top, g.x1, g.bottom)] * len(ch))
            prev_char = chars[-1][0]
    return "".join(parts), boxes


def layout(pages: list[PageGlyphs], engine: str = "") -> PdfText:
    lines = {page.number: lines_of(page) for page in pages}
    body = body_type(pages, lines)
    lines = drop_furniture(pages, lines, body)
    sequence: list[Placed] = []
    for page in pages:
        text_lines, figures = take_figures(page, lines[page.number], body)
        sequence.extend(reading_order([*text_lines, *figures], body))
    text, boxes = compose(_move_figures(sequence, body), body)
    return PdfText(text, boxes, len(pages), engine)


def read_layout(path: str | Path, engine: str = "auto") -> PdfText:
    """The lower level: the reader's text and every character's box, before normalisation."""
    pages, used = read_glyphs(path, engine)
    return layout(pages, used)


# --- the document ---------------------------------------------------------------------------------

class PageMap:
    """Clean offsets → page and box, through the normaliser's offset map."""

    def __init__(self, offsets: list[int], boxes: list):
        self.offsets = offsets
        self.boxes = boxes

    def char_box(self, clean_index: int):
        return self.boxes[self.offsets[clean_index]]

    def locate(self, clean_start: int, clean_end: int) -> tuple[int | None, list[float] | None]:
        """(page counted from 1, [x0, top, x1, bottom]) of a clean span: the union of its characters'
        boxes on the page of its first character; (None, None) for a span with no printed character."""
        boxes = [b for b in (self.char_box(i) for i in range(clean_start, clean_end)) if b is not None]
        if not boxes:
            return None, None
        page = boxes[0][0]
        on_page = [b for b in boxes if b[0] == page]
        return page, [round(min(b[1] for b in on_page), 2), round(min(b[2] for b in on_page), 2),
                      round(max(b[3] for b in on_page), 2), round(max(b[4] for b in on_page), 2)]


def read_pdf(path: str | Path, doc_id: str = "doc", year: int | str | None = None, engine: str = "auto"):
    """An issue as a Document: its text as read on the page, normalised, with `doc.pages.locate`."""
    from .document import Document

    result = read_layout(path, engine)
    doc = Document.from_raw(result.text, doc_id, year, source_format="pdf", pdf_pages=result.pages,
                            pdf_engine=result.engine)
    doc.pages = PageMap(doc.clean.offsets, result.boxes)
    return doc
