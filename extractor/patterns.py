"""Loads the rule and vocabulary files of `patterns/` (TOML and TSV), once per process."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"


SHARED = "words"  # patterns/words.toml: the pieces of pattern every file may use


@functools.cache
def load(name: str) -> dict:
    """`load("units")` reads patterns/units.toml. A `[define]` table names pieces of pattern that strings use as
    `{name}` (a year in any of its spellings, written once): they are written out on loading. The pieces of
    patterns/words.toml serve every file; a file's own define table adds to them."""
    with open(PATTERNS_DIR / f"{name}.toml", "rb") as fh:
        data = tomllib.load(fh)
    defined = {**(load(SHARED) if name != SHARED else {}).get("define", {}), **data.pop("define", {})}
    if name == SHARED:
        return {"define": defined}
    return _expanded(data, {"{" + k + "}": v for k, v in defined.items()}) if defined else data


def _expanded(value, defined: dict[str, str]):
    if isinstance(value, str):
        for placeholder, piece in defined.items():
            value = value.replace(placeholder, piece)
        return value
    if isinstance(value, dict):
        return {k: _expanded(v, defined) for k, v in value.items()}
    if isinstance(value, list):
        return [_expanded(v, defined) for v in value]
    return value


@functools.cache
def load_pairs(name: str) -> dict[str, str]:
    """A two-column TSV (comments start with #) as a dict."""
    pairs = {}
    for line in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            left, right = line.split("\t")[:2]
            pairs[left] = right
    return pairs
