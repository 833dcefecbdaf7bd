from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def raw_texts():
    return {doc_id: (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8") for doc_id in DOC_IDS}


@pytest.fixture(scope="session")
def processed(raw_texts):
    import extractor
    from extractor.corpus import manifest

    entries = manifest()
    return {doc_id: extractor.process(text, doc_id=doc_id, year=entries[f"{doc_id}.txt"]["year"])
            for doc_id, text in raw_texts.items()}
