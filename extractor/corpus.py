"""Reading documents: the bundled corpus and its manifest, and any file a user names.

A file that cannot be read raises `InputError` naming the file and the problem; the caller decides
whether to stop (one file) or log and go on (a batch).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
TEXT_SUFFIXES = {".txt", ".text", ".md"}
PDF_SUFFIXES = {".pdf"}


@dataclass(frozen=True)
class Source:
    id: str
    path: Path
    year: int | None
    meta: dict

    def document_meta(self) -> dict:
        """What the manifest says of the document (title, publisher, region …) for Document.meta."""
        return {k: v for k, v in self.meta.items() if k not in ("id", "file", "year")}


def manifest(corpus_dir: Path = CORPUS_DIR) -> dict[str, dict]:
    """Manifest entries by file name; empty where a folder has no manifest."""
    path = Path(corpus_dir) / "manifest.toml"
    if not path.exists():
        return {}
    with open(path, "rb") as fh:
        spec = tomllib.load(fh)
    weekly = spec.get("weekly", {})
    return {entry["file"]: {**{f"weekly_{k}": v for k, v in weekly.items()}, **entry}
            for entry in spec.get("document", [])}


def sources(paths: list[str | Path], defaults: dict | None = None) -> list[Source]:
    """Files and folders → the documents in them (folders: their .txt, .md and .pdf files, sorted, less
    a README, which describes the folder and is no bulletin). `defaults` (year, region) hold for a file
    its folder's manifest says nothing of."""
    out: list[Source] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES | PDF_SUFFIXES
                       and p.stem.lower() != "readme") if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(path, "folder holds no .txt or .pdf files")
        entries = manifest(path if path.is_dir() else path.parent)
        for file in files:
            meta = {**{k: v for k, v in (defaults or {}).items() if v is not None}, **entries.get(file.name, {})}
            out.append(Source(meta.get("id", file.stem), file, meta.get("year"), meta))
    return out


def read_text(path: Path) -> str:
    """A bulletin's text, or an InputError that says what is wrong with the file."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(path, f"unknown file type '{path.suffix or '(none)'}': give a .txt text layer or a .pdf")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(path, "empty file: no text to read")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                               "convert it to UTF-8 first") from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 4096):
        raise InputError(path, "binary junk, not text (control characters)")
    return text
