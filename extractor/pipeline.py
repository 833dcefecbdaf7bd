"""The pipeline: stages composed by configuration (patterns/pipeline.toml), as spaCy composes components.

normalize (Document.from_raw) → segment → quantities → metrics → subjects → structure → periods → facts
"""
from __future__ import annotations

import functools
import importlib
from typing import Callable

from . import patterns
from .document import Document

Stage = Callable[[Document], Document]


def _stage(name: str) -> Stage:
    if name == "segment":
        return importlib.import_module("extractor.segment").segment
    return importlib.import_module(f"extractor.components.{name}").annotate


@functools.cache
def stages(names: tuple[str, ...] | None = None) -> tuple[tuple[str, Stage], ...]:
    names = names or tuple(patterns.load("pipeline")["stages"])
    return tuple((name, _stage(name)) for name in names)


def run(doc: Document, names: tuple[str, ...] | None = None) -> Document:
    for _, stage in stages(names):
        doc = stage(doc)
    return doc
