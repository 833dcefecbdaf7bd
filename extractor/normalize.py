"""Stage 1 — the normaliser: the PDF's text layer back to the text the editor wrote.

Raw text in; clean text out, with `offsets[i]` = the raw offset of clean character `i`, so any clean
span maps back to the raw characters it came from. Two kinds of repair:

* character repairs, one character for one character (full-width folding, years in Chinese numerals,
  symbol-font glyphs, traditional characters): they never move an offset;
* layout repairs, which only ever *drop* whitespace or turn a run of whitespace into one ' ' or '\\n':
  column line breaks inside words and numbers are joined, the spaces of justified lines removed, real
  paragraph breaks kept as '\\n'.

The rules are data in `patterns/` (glyphs.toml, fold.toml, layout.toml, furniture.toml,
traditional_to_simplified.tsv).
"""
from __future__ import annotations

import bisect
import functools
import statistics
from dataclasses import dataclass, field

from . import gazetteer, patterns
from .rx import Pattern, rx

# zero-width spaces and joiners (\u200b-\u200d, \u2060) are web pages' invisible furniture: a line holding
# only one (74.4 / \u200b / 万亿元) is no line, and one inside a figure is no break in it
WHITESPACE = " \t\r\u3000\u00a0\u2002\u2003\u2009\ufeff\u200b\u200c\u200d\u2060"
_LATIN = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%+-/")
_DIGITS = "0123456789"
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_INNER_SPACE = rx("[" + WHITESPACE + "]+")
_SPACED_POINT = rx("[0-9][" + WHITESPACE + "]+\\.[" + WHITESPACE + "]+[0-9]")


@dataclass(frozen=True)
class CleanText:
    raw: str
    text: str
    offsets: list[int]  # offsets[i] is the raw offset of text[i]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Clean span [start, end) → raw span covering exactly its source characters."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_clean(self, raw_offset: int) -> int:
        """The first clean character at or after a raw offset."""
        return bisect.bisect_left(self.offsets, raw_offset)


# --- character repairs (length-preserving) -------------------------------------------------------

@functools.cache
def _fold_table() -> dict[int, str]:
    import unicodedata

    spec = patterns.load("fold")
    table: dict[int, str] = {}
    for first, last in spec["fold_ranges"]:
        for code in range(ord(first), ord(last) + 1):
            table[code] = unicodedata.normalize("NFKC", chr(code))
    for ch in spec["fold_chars"]:
        table[ord(ch)] = unicodedata.normalize("NFKC", ch)
    for ch in spec["space_chars"]:
        table[ord(ch)] = " "
    assert all(len(v) == 1 for v in table.values())
    return table


@functools.cache
def _simplified_table() -> dict[int, str]:
    return {ord(t): s for t, s in patterns.load_pairs("traditional_to_simplified.tsv").items()}


@functools.cache
def _glyph_rules() -> list[tuple[str, str, Pattern | None, Pattern | None, tuple[str, ...]]]:
    rules = []
    for rule in patterns.load("glyphs")["repair"]:
        assert len(rule["replacement"]) == 1, "a glyph repair must keep the text's length"
        before = rx(rule["before"]) if rule["before"] else None
        after = rx(rule["after"]) if rule["after"] else None
        keep = tuple(rule["keep_words"])
        if rule.get("keep_place_names"):
            keep += tuple(name for name in gazetteer.places() if rule["glyph"] in name)
        rules.append((rule["glyph"], rule["replacement"], before, after, keep))
    return rules


def _inside_word(text: str, i: int, words: tuple[str, ...]) -> bool:
    for word in words:
        for k, ch in enumerate(word):
            if ch == text[i] and text.startswith(word, i - k):
                return True
    return False


def repair_glyphs(text: str) -> str:
    """Symbol-font glyphs (垣 → +, 豫 → %, 姻 → ◎), each only where its context says it is a symbol."""
    chars = None
    for glyph, replacement, before, after, keep_words in _glyph_rules():
        start = text.find(glyph)
        while start != -1:
            left = text[max(0, start - 12):start]
            right = text[start + 1:start + 13]
            if ((before is None or before.search(left)) and (after is None or after.search(right))
                    and not _inside_word(text, start, keep_words)):
                if chars is None:
                    chars = list(text)
                chars[start] = replacement
            start = text.find(glyph, start + 1)
    return text if chars is None else "".join(chars)


@functools.cache
def _keys(table) -> frozenset[str]:
    return frozenset(map(chr, table()))


def _translate(text: str, table) -> str:
    """`text.translate(table())`, skipped when the text holds none of the table's characters: most texts
    hold no traditional character and half no full-width one, and the test is several times cheaper."""
    if _keys(table).isdisjoint(text):
        return text
    return text.translate(table())


@functools.cache
def _chinese_years():
    spec = patterns.load("fold")["chinese_years"]
    return rx(spec["pattern"]), tuple(spec["needs"]), str.maketrans(spec["digits"])


def fold_chinese_years(text: str) -> str:
    """一九八五年 → 1985年, in as many characters: older reports write their years so."""
    pattern, needs, digits = _chinese_years()
    if not any(word in text for word in needs):
        return text
    return pattern.sub(lambda m: m.group().translate(digits), text)


@functools.cache
def _thousands():
    spec = patterns.load("fold")["thousands"]
    return rx(spec["pattern"]), spec["separator"]


def fold_thousands(text: str) -> str:
    """33，212万吨 → 33,212万吨, in as many characters, so the figure is read whole."""
    pattern, separator = _thousands()
    return pattern.sub(lambda m: m.group().replace(separator, ","), text)


def repair_characters(raw: str) -> str:
    """All one-for-one repairs; the result has the raw text's length and offsets."""
    folded = fold_thousands(fold_chinese_years(_translate(raw, _fold_table)))
    return _translate(repair_glyphs(folded), _simplified_table)


# --- layout repairs (whitespace only) -------------------------------------------------------------

@functools.cache
def _layout():
    spec = patterns.load("layout")
    furniture = patterns.load("furniture")
    return {
        "paragraph_end": rx(spec["paragraph_end"]),
        "byline_end": rx(spec["byline_end"]),
        "block_start": rx(spec["block_start"]),
        "lead_start": rx(spec["lead_start"]),
        "subtitle_start": rx(spec["subtitle_start"]),
        "block_end": rx(spec["block_end"]),
        "source_cut": rx(spec["source_cut"]),
        "source_rest": rx(spec["source_rest"]),
        "indented_start": rx(spec["indented_start"]),
        "runs_on": rx(spec["runs_on"]),
        "quote_open": rx(spec["quote_open"]),
        "part_head": rx(spec["part_head"]),
        "part_head_short": rx(spec["part_head_short"]),
        "heading_forbidden": rx(spec["heading_forbidden"]),
        "titled_heading": rx(spec["titled_heading"]),
        "heading_max_chars": spec["heading_max_chars"],
        "title_max_chars": spec["title_max_chars"],
        "heading_max_width_share": spec["heading_max_width_share"],
        "table_row": rx(spec["table_row"]),
        "table_min_rows": spec["table_min_rows"],
        "table_header": rx(spec["table_header"]),
        "table_units": rx(spec["table_units"]),
        # one alternation, not a pattern at a time: every line of every document is asked
        "furniture": rx("|".join(f"(?:{p})" for p in furniture["line_patterns"])),
        "masthead": frozenset(furniture["masthead_lines"]),
    }


@dataclass
class _Line:
    start: int  # raw offset of the first non-space character
    end: int    # raw offset after the last non-space character
    text: str   # the line's characters between start and end (inner spaces included)
    indent: str = ""  # the whitespace before start: a web page indents its paragraphs
    # computed once, on first use (functools.cached_property takes a lock on every read in Python 3.11)
    _compact: str | None = field(default=None, repr=False)
    _furniture: bool | None = field(default=None, repr=False)
    _part_head: tuple[bool, bool] | None = field(default=None, repr=False)

    @property
    def compact(self) -> str:
        if self._compact is None:
            self._compact = _INNER_SPACE.sub("", self.text)
        return self._compact

    @property
    def furniture(self) -> bool:  # asked twice of every line: as the line before a break and after it
        if self._furniture is None:
            self._furniture = is_furniture(self.text)
        return self._furniture

    @property
    def part_head(self) -> tuple[bool, bool]:  # (a part's head, a short part's head): asked of every line twice
        if self._part_head is None:
            layout = _layout()
            self._part_head = (bool(layout["part_head"].search(self.compact)),
                               bool(layout["part_head_short"].search(self.compact)))
        return self._part_head


def _content_lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for piece in text.split("\n"):
        stripped_left = piece.lstrip(WHITESPACE)
        body = stripped_left.rstrip(WHITESPACE)
        if body:
            start = pos + (len(piece) - len(stripped_left))
            lines.append(_Line(start, start + len(body), body, piece[:len(piece) - len(stripped_left)]))
        pos += len(piece) + 1
    return lines


def is_column_label(line: str) -> bool:
    """经验交流, 各地动态: a page's column label (or masthead line), which opens a page's articles."""
    return line.strip() in _layout()["masthead"]


def is_furniture(line: str) -> bool:
    layout = _layout()
    compact = line.strip()
    return compact in layout["masthead"] or layout["furniture"].search(compact) is not None


def _is_heading(line: _Line, width: float) -> bool:
    layout = _layout()
    n = len(line.compact)
    return (n <= layout["heading_max_chars"] and n <= layout["heading_max_width_share"] * width
            and not _forbidden_in_heading(line.compact))


def _forbidden_in_heading(line: str) -> bool:
    """Whether a line holds a stop no heading holds (a report's title may hold a colon after its place)."""
    layout = _layout()
    return layout["heading_forbidden"].search(line) is not None and not layout["titled_heading"].search(line)


def _is_short_part_head(line: _Line, width: float) -> bool:
    layout = _layout()
    return line.part_head[1] and len(line.compact) <= layout["heading_max_width_share"] * width


def _breaks_between(prev: _Line, cur: _Line, prev_opens_paragraph: bool, width: float) -> bool:
    layout = _layout()
    if prev.furniture or cur.furniture:
        return True
    if (layout["paragraph_end"].search(prev.text) or layout["byline_end"].search(prev.text)
            or layout["block_end"].search(prev.text)):
        return True
    if layout["block_start"].search(cur.text):
        return True
    if layout["indented_start"].match(cur.indent) and not layout["runs_on"].search(prev.text):
        return True
    if prev.part_head[0] or cur.part_head[0]:
        return True
    if _is_short_part_head(prev, width) or _is_short_part_head(cur, width):
        return True
    if prev_opens_paragraph and layout["lead_start"].match(cur.text) and not _forbidden_in_heading(prev.compact) \
            and not layout["quote_open"].search(prev.text):
        return True  # 前 7 月营收税收“双增长” / 1—7 月，…: a title's last line over its lead
    return prev_opens_paragraph and _is_heading(prev, width) and not layout["quote_open"].search(prev.text)


def _set_apart(text: str, above: _Line | None, line: _Line, below: _Line) -> bool:
    """外资“引得来” 项目“落得稳”: a line alone between blank lines, after a paragraph's end, holding no stop, is a
    heading, though a narrow column sets it as wide as its body lines."""
    layout = _layout()
    return above is not None and text.count("\n", above.end, line.start) >= 2 \
        and text.count("\n", line.end, below.start) >= 2 and len(line.compact) <= layout["heading_max_chars"] \
        and not _forbidden_in_heading(line.compact) and not layout["quote_open"].search(line.text)


def _title_runs_on(text: str, first: _Line, second: _Line, after: _Line | None, width: float) -> bool:
    """Whether a heading line opening a paragraph and the heading line right under it are one title set on two
    lines: nothing between them, a blank line (or a block's start) after the second, and together still a
    title's length. A heading over its body has a body line under it; two headings apart are two blocks."""
    layout = _layout()
    if text.count("\n", first.end, second.start) != 1 or first.furniture or second.furniture \
            or first.part_head[1] or second.part_head[1] or not (_is_heading(first, width) and _is_heading(second, width)):
        return False
    if after is not None and text.count("\n", second.end, after.start) < 2 and not layout["block_start"].search(after.text):
        return False
    return len(first.compact) + len(second.compact) <= layout["title_max_chars"]


def _emit_line(line: _Line, out: list[str], offsets: list[int]) -> None:
    """Copy a line, dropping the spaces of justified print unless they separate two Latin/number runs."""
    text, pos = line.text, 0
    for gap in _INNER_SPACE.finditer(text):
        out.append(text[pos:gap.start()])
        offsets.extend(range(line.start + pos, line.start + gap.start()))
        if (text[gap.start() - 1] in _LATIN and text[gap.end()] in _LATIN
                and not _spaced_digits(text, gap.start() - 1, gap.end())):
            out.append(" ")
            offsets.append(line.start + gap.start())
        pos = gap.end()
    out.append(text[pos:])
    offsets.extend(range(line.start + pos, line.end))


def _spaced_digits(text: str, left: int, right: int) -> bool:
    """A gap inside one number set letter-spaced: the spaces of the print, not two numbers.

    Print that spaces out its digits (1 9 9 8 年, 8 ．8 ％) leaves every digit a token of its own; so two lone
    digits meet across the gap, or a lone digit meets the decimal point that goes on the number, or a
    digit meets the percent sign that closes it. Two numbers side by side (79.1% 97.7%, 12 34) have
    more than one character on at least one side and no sign or point between them.
    """
    def lone(i: int, outward: int) -> bool:
        j = i + outward
        return text[i].isdigit() and not (0 <= j < len(text) and text[j] in _LATIN)
    def followed_by(i: int, chars: str) -> bool:
        return i + 1 < len(text) and text[i + 1] in chars
    if text[left] == "." or text[right] == ".":
        return _spaced_point(text, right if text[right] == "." else left) \
            or text[left].isdigit() and lone(left, -1) and followed_by(right, _DIGITS)
    if not text[left].isdigit():
        return False
    if text[right] == "%":
        return not followed_by(right, _DIGITS)
    return lone(left, -1) and lone(right, +1)


def _spaced_point(text: str, point: int) -> bool:
    """1 1 . 4 %: a decimal point set apart from the digits on both its sides still joins them (a point
    between two spaces can separate no two numbers)."""
    found = _SPACED_POINT.search(text, max(0, point - 4), point + 5)
    return found is not None and found.start() < point < found.end()


def reflow(text: str) -> tuple[str, list[int]]:
    lines = _content_lines(text)
    if not lines:
        return "", []
    widths = [len(line.compact) for line in lines if len(line.compact) >= 4]
    width = statistics.median(widths) if widths else 0
    out: list[str] = []
    offsets: list[int] = []
    opens_paragraph = True
    before = prev = None
    source_cut = False  # the line before ended inside a source line's name (供稿：临 / 汾市商务局)
    subtitled = False  # the paragraph so far is a subtitle (———…综述), which a blank line ends
    tabled = table_lines(lines)
    for k, line in enumerate(lines):
        if prev is not None:
            if k in tabled or k - 1 in tabled:
                out.append("\n")  # 长 治 612.4 13.8: a table's line is a block of its own
                offsets.append(prev.end)
                opens_paragraph = True
            elif subtitled and text.count("\n", prev.end, line.start) >= 2:
                out.append("\n")  # 深化改革激活力 / ———…改革综述 / (blank) / 2024 年，…: the title and its subtitle, the lead apart
                offsets.append(prev.end)
                opens_paragraph = True
            elif source_cut and not _breaks_between(prev, line, opens_paragraph, width):
                out.append("\n")  # (…汾市商务局 / 朔州经开区…: the name is whole, the source block is closed)
                offsets.append(prev.end)
                opens_paragraph = True
            elif _source_goes_on(prev, line):
                opens_paragraph = False  # 供稿：临 / 汾市商务局: one source line, cut by the column
            elif _subscript(prev, line) or _subscript(before, prev):
                pass  # 广义货币M / 2 / 增长11.3%: a web page's subscript, set on a line of its own, is part of its word
            elif opens_paragraph and _title_runs_on(text, prev, line, lines[k + 1] if k + 1 < len(lines) else None, width):
                pass  # 晋城经开区前三季度规上 / 工业增加值增速全省第三: one title, even cut in a word (which still
                # opens its paragraph, so the body under it breaks off)
            elif _breaks_between(prev, line, opens_paragraph, width) \
                    or opens_paragraph and _set_apart(text, before, prev, line) \
                    or k + 1 < len(lines) and _set_apart(text, prev, line, lines[k + 1]):
                # (…园区 / 绿电赋能产业升级 / (blank) / 朔州市开发区能源结构持续优化 / (blank): a title set apart is a
                # block of its own, though the lines above it ran on as one)
                out.append("\n")
                offsets.append(prev.end)
                opens_paragraph = True
            else:
                if prev.text[-1] in _LETTERS and line.text[0] in _LETTERS:
                    out.append(" ")  # an English word does not run on into the next line's word
                    offsets.append(prev.end)
                opens_paragraph = False
        source_cut = prev is not None and _source_goes_on(prev, line)
        subtitled = _subtitle(line) or subtitled and not opens_paragraph
        _emit_line(line, out, offsets)
        before, prev = prev, line
    return "".join(out), offsets


def table_lines(lines: list) -> set[int]:
    """The indices of the lines of tables printed in the text: runs of rows (a label, then figures with no unit),
    with the header of the columns' names right above them and the line of units above that (layout.toml)."""
    layout = _layout()
    if not any(line.text[-1:].isdigit() for line in lines):
        return set()
    rows = [bool(layout["table_row"].fullmatch(line.text)) for line in lines]
    found: set[int] = set()
    k = 0
    while k < len(lines):
        if not rows[k]:
            k += 1
            continue
        end = k
        while end < len(lines) and rows[end]:
            end += 1
        if end - k >= layout["table_min_rows"]:
            found.update(range(k, end))
            head = k - 1
            if head >= 0 and layout["table_header"].fullmatch(lines[head].text):
                found.add(head)
                head -= 1
            if head >= 0 and layout["table_units"].fullmatch(lines[head].text):
                found.add(head)
        k = end
    return found


def _subtitle(line: _Line) -> bool:
    """———山西综改示范区工作亮点扫描: a dash run opening a line that holds no stop (——经济运行稳中向好。… is a
    report's list item, a sentence)."""
    return bool(_layout()["subtitle_start"].match(line.text)) and not _forbidden_in_heading(line.compact)


def _source_goes_on(prev: _Line, line: _Line) -> bool:
    """供稿：临 / 汾市商务局: a source line whose name the column cut, and the short line that ends the name."""
    if "供稿" not in prev.text:
        return False  # (the cheap test first: asked of every line)
    layout = _layout()
    return layout["source_cut"].search(prev.text) is not None and layout["source_rest"].match(line.compact) is not None


def _subscript(prev: _Line | None, line: _Line) -> bool:
    """A line of one or two digits right after a line ending in a Latin letter (M / 2, PM / 2.5 is not one)."""
    return prev is not None and len(line.text) <= 2 and line.text.isdigit() and prev.text[-1] in _LETTERS


def normalize(raw: str) -> CleanText:
    text, offsets = reflow(repair_characters(raw))
    return CleanText(raw=raw, text=text, offsets=offsets)
