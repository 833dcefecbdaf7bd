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
