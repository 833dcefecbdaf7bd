"""Compiled patterns, cached by their text.

`regex.search(pattern, text)` looks the pattern up in the module's own cache on every call, and that
lookup (flags, locale, version checks) costs more than matching a short clause. The components ask
the same few patterns thousands of times per document, so they ask here instead.
"""
from __future__ import annotations

import functools
import re
import warnings

import regex

# what rx() gives and what its searches find: either engine's, used alike
Pattern = re.Pattern | regex.Pattern
Match = re.Match | regex.Match


@functools.cache
def rx(pattern: str) -> Pattern:
    """The pattern compiled by the standard library's engine where that engine reads it, else by `regex`.

    `re` runs the components' short searches in less time than `regex` does: on the five bulletins, text
    → facts is about a fifth faster (benchmarks/). Both engines backtrack and try alternatives left to
    right, so a pattern that both read finds the same matches (all facts of the corpora are unchanged).
    What only `regex` reads (the (?r) of `last_of`, \\P{Han}, variable-width lookbehind, a group name
    used twice, nested sets) makes `re` refuse or warn, and `regex` compiles it: the rules in patterns/
    may use any of its features."""
    return _standard(_han_spelt_out(pattern)) or regex.compile(pattern)


def _standard(pattern: str) -> re.Pattern | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # re's FutureWarning: a nested set, which regex reads otherwise
            return re.compile(pattern)
    except (re.error, FutureWarning, DeprecationWarning):
        return None


def _han_spelt_out(pattern: str) -> str:
    """\\p{Han} (a Chinese character), which most rules use and `re` does not know, as the ranges of code
    points that `regex` itself reads as Han; in a set its ranges join the set."""
    if "\\p{Han}" not in pattern:
        return pattern
    out, i, in_set = [], 0, False
    while i < len(pattern):
        if pattern.startswith("\\p{Han}", i):
            out.append(_han_ranges() if in_set else "[" + _han_ranges() + "]")
            i += len("\\p{Han}")
            continue
        step = 2 if pattern[i] == "\\" else 1
        if pattern[i] == "[" and not in_set:
            in_set = True
            step += pattern.startswith("^", i + 1)
            step += pattern.startswith("]", i + step)  # []…] and [^]…]: a ] first is a member
        elif pattern[i] == "]" and in_set:
            in_set = False
        out.append(pattern[i:i + step])
        i += step
    return "".join(out)


@functools.cache
def _han_ranges() -> str:
    spans = []
    for first, end in ((0, 0xD800), (0xE000, 0x40000)):  # no Han beyond plane 3, and no surrogates
        plane = "".join(map(chr, range(first, end)))
        spans += [(first + m.start(), first + m.end() - 1) for m in regex.finditer(r"\p{Han}+", plane)]
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in spans)


@functools.cache
def _any_of_from_the_right(chars: str) -> regex.Pattern:
    return regex.compile("(?r)[" + "".join(regex.escape(c) for c in chars) + "]")


def last_of(chars: str, text: str, lo: int = 0, hi: int | None = None) -> int:
    """Where the last of `chars` stands in text[lo:hi], or -1: max(text.rfind(c, lo, hi) for c in chars)
    in one backward search, since the clause boundaries are looked for once per figure and per rule."""
    if hi is None or hi < 0 or lo < 0:
        lo, hi, _ = slice(lo, hi).indices(len(text))  # rfind's reading of the bounds, negative ones too
    found = _any_of_from_the_right(chars).search(text, lo, hi)
    return found.start() if found else -1


def longest_of(words) -> str:
    """A pattern matching the longest of `words` that starts at a position, as the alternation of the
    words sorted longest first does, but written as a trie: 规上工业增加值|规上工业营业收入|… shares its
    prefix once (规上工业(?:增加值|营业收入)), so the engine no longer tries hundreds of alternatives at every
    character. The cue and place lists are scanned over every clause, and this halves that time."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie) or "(?!)"


def _branches(node: dict) -> str:
    arms = [regex.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not arms:
        return ""
    body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
    # the next character picks one arm at most, so backtracking only ever falls back to a shorter word
    return "(?:" + body + ")?" if "" in node else body
