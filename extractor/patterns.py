"""Loads the rule and vocabulary files of `patterns/` (TOML and TSV), once per process."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"


@functools.cache
def load(name: str) -> dict:
    """`load("units")` reads patterns/units.toml."""
    with open(PATTERNS_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@functools.cache
def load_pairs(name: str) -> dict[str, str]:
    """A two-column TSV (comments start with #) as a dict."""
    pairs = {}
    for line in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            left, right = line.split("\t")[:2]
            pairs[left] = right
    return pairs
