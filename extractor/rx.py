"""Compiled patterns, cached by their text.

`regex.search(pattern, text)` looks the pattern up in the module's own cache on every call, and that
lookup (flags, locale, version checks) costs more than matching a short clause. The components ask
the same few patterns thousands of times per document, so they ask here instead.
"""
from __future__ import annotations

import functools

import regex


@functools.cache
def rx(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


@functools.cache
def _any_of_from_the_right(chars: str) -> regex.Pattern:
    return regex.compile("(?r)[" + "".join(regex.escape(c) for c in chars) + "]")


def last_of(chars: str, text: str, lo: int = 0, hi: int | None = None) -> int:
    """Where the last of `chars` stands in text[lo:hi], or -1: max(text.rfind(c, lo, hi) for c in chars)
    in one backward search, since the clause boundaries are looked for once per figure and per rule."""
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
