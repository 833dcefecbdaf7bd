"""Batch runs over files and folders: one document per task, a process pool for `--workers N`.

The extractor is a pure function of a document (`extract_source`), so a batch is a map over sources.
Workers extract; the calling process alone writes to the store, one transaction per document, so a
broken file or a crash costs at most the document in flight.
"""
from __future__ import annotations

import hashlib
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import __version__
from .errors import InputError
from .store import Store, StoredDocument


@dataclass
class Outcome:
    """What happened to one source in a batch."""
    source: object                        # corpus.Source
    status: str                           # added | replaced | unchanged | extracted | failed
    stored: StoredDocument | None = None
    error: str | None = None


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[str]:
        return [o.error for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "replaced", "unchanged", "extracted", "failed")
                 if self.count(s)]
        head = "interrupted after" if self.interrupted else "done:"
        return f"{head} {len(self.outcomes)} documents ({', '.join(parts) or 'none'})"


def content_hash(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def read_document(src):
    """A source's Document, from text or PDF; InputError when the file cannot be read."""
    from . import corpus
    from .document import Document

    if src.path.suffix.lower() in corpus.PDF_SUFFIXES:
        from .pdf import read_pdf

        doc = read_pdf(src.path, doc_id=src.id, year=src.year)
        doc.meta.update(src.document_meta())
        return doc
    return Document.from_raw(corpus.read_text(src.path), src.id, src.year, **src.document_meta())


def extract_source(src) -> StoredDocument:
    """Read, extract and audit one document: everything the store keeps of it. Runs in a worker."""
    from .audit import audit
    from .pipeline import run

    digest = content_hash(src.path)
    doc = run(read_document(src))
    articles = [{"kind": a.kind, "title": a.title, "source": a.source, "byline": a.byline,
                 **dict(zip(("start", "end"), doc.clean.to_raw(a.start, a.end)))}
                for a in doc.articles]
    return StoredDocument(
        doc=doc.id, source_path=str(src.path), content_hash=digest, year=doc.year, meta=dict(src.meta),
        facts=doc.facts, articles=articles, findings=[r.to_dict() for r in audit(doc.facts)],
        n_pages=doc.meta.get("pdf_pages"))


def _safe_extract(src) -> tuple[StoredDocument | None, str | None]:
    """Errors come back as values: one broken document must not take the pool down."""
    try:
        return extract_source(src), None
    except InputError as exc:
        return None, str(exc)
    except Exception as exc:  # an extractor bug on one document: report it, go on with the rest
        return None, f"{src.path}: extractor failed: {type(exc).__name__}: {exc}"


def _warm_up() -> None:
    """Load the rules and jieba's dictionary (~1.6 s, ~130 MiB) once, before the pool forks: workers
    inherit them instead of each paying for its own copy. (Where processes are spawned, not forked,
    each worker still loads its own, lazily.)"""
    from .components.metrics import _jieba
    from .pipeline import stages

    stages()
    _jieba()


def run_sources(sources: list, workers: int = 1) -> Iterator[tuple[object, StoredDocument | None, str | None]]:
    """(source, stored, error) for each source, in completion order; workers > 1 uses processes."""
    if workers <= 1 or len(sources) <= 1:
        for src in sources:
            yield (src, *_safe_extract(src))
        return
    _warm_up()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_safe_extract, src): src for src in sources}
        try:
            for future in as_completed(futures):
                yield (futures[future], *future.result())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def expand(paths: list, defaults: dict | None = None) -> tuple[list, list[str]]:
    """Sources of every path; a missing path is a failure of its own, not the end of the batch."""
    from . import corpus

    sources, failures = [], []
    for path in paths:
        try:
            sources.extend(corpus.sources([path], defaults))
        except InputError as exc:
            failures.append(str(exc))
    return sources, failures


def extract_files(paths: list, workers: int = 1, progress: Callable | None = None,
                  defaults: dict | None = None) -> BatchReport:
    """Extract every document under `paths` (no store): outcomes carry the facts, in input order.
    `defaults` (year, region) hold for files no manifest describes."""
    sources, failures = expand(paths, defaults)
    report = BatchReport([Outcome(None, "failed", error=e) for e in failures])
    done = {}
    try:
        for n, (src, stored, error) in enumerate(run_sources(sources, workers), start=1):
            done[src.path] = Outcome(src, "failed" if error else "extracted", stored, error)
            if progress:
                progress(n, len(sources), src)
    except KeyboardInterrupt:
        report.interrupted = True
    report.outcomes += [done[s.path] for s in sources if s.path in done]
    return report


def ingest(paths: list, store: Store, workers: int = 1, progress: Callable | None = None,
           defaults: dict | None = None) -> BatchReport:
    """Extract new and changed documents into the store; content already stored is skipped (resumable)."""
    sources, failures = expand(paths, defaults)
    report = BatchReport([Outcome(None, "failed", error=e) for e in failures])
    todo, seen = [], set()
    for src in sources:
        try:
            digest = content_hash(src.path)
        except InputError as exc:
            report.outcomes.append(Outcome(src, "failed", error=str(exc)))
            continue
        if digest in seen or store.has_content(digest):
            report.outcomes.append(Outcome(src, "unchanged"))
        else:
            seen.add(digest)
            todo.append(src)
    try:
        for n, (src, stored, error) in enumerate(run_sources(todo, workers), start=1):
            if error:
                report.outcomes.append(Outcome(src, "failed", error=error))
            else:
                report.outcomes.append(Outcome(src, store.write(stored, __version__), stored))
            if progress:
                progress(n, len(todo), src)
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def terminal_progress(label: str) -> Callable | None:
    """A one-line progress bar on stderr when it is a terminal; None (silent) when piped."""
    if not sys.stderr.isatty():
        return None

    def show(n: int, total: int, src) -> None:
        width = 30
        filled = width * n // max(total, 1)
        name = src.path.name if src is not None else ""
        print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {n}/{total} {name[:40]:<40}",
              end="" if n < total else "\n", file=sys.stderr, flush=True)

    return show
