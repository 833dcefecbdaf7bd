"""bulletin-facts: numeric facts from Chinese policy bulletins, traced to their characters.

    >>> import extractor
    >>> facts = extractor.extract("2023年，全市开发区出让“标准地”39宗、4101.2亩。", doc_id="demo")
    >>> [(f.value, f.unit, f.metric) for f in facts]
    [(39.0, '宗', '标准地出让宗数'), (4101.2, '亩', '标准地出让面积')]
"""
from __future__ import annotations

__version__ = "0.1.0"


def process(text: str, doc_id: str = "doc", year: int | None = None, **meta):
    """Run the whole pipeline on a text; the Document carries every stage's annotations."""
    from .document import Document
    from .pipeline import run

    return run(Document.from_raw(text, doc_id=doc_id, year=year, **meta))


def extract(text: str, doc_id: str = "doc", year: int | None = None, **meta) -> list:
    """The facts of one text, in text order."""
    return process(text, doc_id=doc_id, year=year, **meta).facts


def to_dataframe(facts):
    """Facts as a pandas DataFrame, one row per fact."""
    import pandas as pd

    from .components.facts import Fact

    columns = list(Fact.__dataclass_fields__)
    return pd.DataFrame([f.to_dict() for f in facts], columns=columns)
