#!/usr/bin/env python3
"""Benchmarks (issue #8): how fast, how much memory, and how good, side by side with the peers.

    make bench                          # installs the `bench` extra, runs everything below
    python benchmarks/run.py --quick    # one bulletin, one repeat: checks that the script still works
    python benchmarks/run.py --profile  # also cProfile one pass over the corpora, print the top functions

Sections (each in results.json under its own key):
  throughput  text → facts on one core, chars/s and facts/s, median of --repeats timed passes after a
              warm-up pass; the project and the peers interleaved pass by pass, so that the noise of a
              shared machine falls on all of them alike, and quoted as ratios measured in this run
  stages      where the project's time goes, stage by stage (one extra pass, no profiler)
  pdf         PDF → facts, pages/s, for each engine of extractor.pdf.read_pdf (when it and tests/data/pdf exist)
  startup     a fresh interpreter: import, first fact, first fact that needs jieba (median of runs)
  memory      peak RSS of a run over the corpora at 1x and 4x, each in its own subprocess
  scaling     time per character at 1x, 2x, 4x the corpus (subprocesses above) and for one document
              1x, 2x, 4x, 8x as long (the five bulletins concatenated)
  workers     1 worker process against 2 (ProcessPoolExecutor over documents, as a user's --workers)
  accuracy    L1 (span, value, unit) precision/recall/F1 against gold/, project and peers, with the
              project's own matching rules (extractor.evaluate.match)

Peers get the *normalised* text (Document.clean.text: column line breaks inside numbers joined, symbol-font
glyphs repaired) — the raw text breaks numbers across lines, which no peer can be expected to read — and
their spans are mapped back to raw offsets with Document.clean.to_raw. Normalising is not charged to them.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PROVINCIAL = SHARED / "corpora" / "provincial-2026"
NATIONAL = SHARED / "corpora" / "national-work-reports.jsonl"
PDF_DIR = ROOT / "tests" / "data" / "pdf"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# a sentence the taxonomy names, and one whose metric only the jieba noun-phrase fallback can name
FIRST_SENTENCE = "2023年，全市开发区出让“标准地”39宗、4101.2亩。"
FALLBACK_SENTENCE = "今年以来，该区共解决空编43名。"


# --- the documents -----------------------------------------------------------------------------------

@dataclass
class Doc:
    id: str
    text: str
    year: int | None
    set: str  # bulletins | provincial | national


def load_docs(quick: bool = False) -> list[Doc]:
    from extractor.corpus import CORPUS_DIR, read_text, sources

    docs = [Doc(s.id, read_text(s.path), s.year, "bulletins") for s in sources([CORPUS_DIR])]
    if quick:
        return docs[:1]
    for path in sorted(PROVINCIAL.glob("*.txt")) if PROVINCIAL.is_dir() else []:
        docs.append(Doc(path.stem, path.read_text(encoding="utf-8"), 2026, "provincial"))
    if NATIONAL.exists():
        for line in NATIONAL.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.append(Doc(f"national-{row['year']}-{row.get('title', '')[:12]}", row["content"],
                                row["year"], "national"))
    return docs


def chars(docs) -> int:
    return sum(len(d.text) for d in docs)


# --- the peers ---------------------------------------------------------------------------------------
#
# Each peer maps its output to (clean start, clean end, value, unit). The value and unit follow the gold's
# convention, "as written": the unit is what the matched text writes after its number (100万元 → 万元,
# 37.9万平方米 → 万平方米), the value is the peer's own resolved value divided by that unit's magnitude
# (jionlp resolves 100万元 to 1000000 元 → 100). Percentages: 5% → 5, %; 3.2个百分点 → 3.2, 个百分点.

_NUMERAL = "0-9０-９.．零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟"
_WRITTEN = re.compile(rf"^.*[{_NUMERAL}]([^{_NUMERAL}]*)$", re.S)
_UNIT_END = re.compile(r"[\s，。、；：,;:（）()“”]")
_QUALIFIER_AFTER = ("以上", "以下", "左右", "多", "余")
_MAGNITUDE = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


def written_unit(matched: str) -> tuple[str, float]:
    """The unit written after the last numeral of a match, and its magnitude: 171.9亿元 → (亿元, 1e8)."""
    m = _WRITTEN.match(matched)
    unit = _UNIT_END.split((m.group(1) if m else matched).strip())[0]  # 亿元，达 (a span run on) → 亿元
    for q in _QUALIFIER_AFTER:
        unit = unit.removeprefix(q).removesuffix(q)
    for prefix, size in _MAGNITUDE:
        if unit.startswith(prefix):
            return unit, size
    return unit, 1.0


def _scaled(resolved: float, matched: str) -> tuple[float, str]:
    unit, size = written_unit(matched)
    return round(resolved / size, 6), unit


class Peer:
    name = ""
    label = ""

    def __init__(self):
        self.error = None
        self.version = None
        self.setup_seconds = None
        try:
            t = time.perf_counter()
            self.setup()
            self.setup_seconds = time.perf_counter() - t
        except Exception as exc:  # an old package that cannot be imported or run: say why, never fake it
            self.error = f"{type(exc).__name__}: {exc}"

    @property
    def ok(self) -> bool:
        return self.error is None

    def setup(self):
        raise NotImplementedError

    def spans(self, text: str) -> list[tuple[int, int, float, str]]:
        raise NotImplementedError


class JioNLP(Peer):
    name = "jionlp"
    label = "jionlp.extract_money"
    scope_units = {"元", "万元", "亿元", "万亿元"}

    def setup(self):
        from importlib.metadata import version

        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
        self.version = version("jionlp")
        self.extract = jionlp.ner.extract_money
        self.extract("1万元", with_parsing=True)  # dictionaries and regexes are built on the first call

    def spans(self, text):
        out = []
        for e in self.extract(text, with_parsing=True):
            start, end = e["offset"]
            num = e["detail"]["num"]
            resolved = float(num[0] if isinstance(num, list) else num)  # a range: its lower bound
            value, unit = _scaled(resolved, text[start:end])
            out.append((start, end, value, unit))
        return out


class Recognizers(Peer):
    name = "recognizers"
    label = "Recognizers-Text zh-cn (currency, dimension, percentage)"
    scope_units = JioNLP.scope_units | {"%", "个百分点", "亩", "平方米", "万平方米", "公顷", "平方公里"}

    def setup(self):
        from importlib.metadata import version

        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        self.version = version("recognizers-text-suite")
        with_unit = NumberWithUnitRecognizer(Culture.Chinese)
        self.models = [("currency", with_unit.get_currency_model()),
                       ("dimension", with_unit.get_dimension_model()),
                       ("percentage", NumberRecognizer(Culture.Chinese).get_percentage_model())]
        for _, model in self.models:
            model.parse("增长5%，投资1亿元，面积3亩")

    def spans(self, text):
        out = []
        for kind, model in self.models:
            for r in model.parse(text):
                value = (r.resolution or {}).get("value")
                if value is None:  # a bare unit word (亩) with no number: not a quantity
                    continue
                start, end = r.start, r.end + 1  # Recognizers-Text ends are inclusive
                if kind == "percentage":
                    out.append((start, end, float(str(value).rstrip("%")),
                                "个百分点" if "百分点" in text[start:end] else "%"))
                else:
                    out.append((start, end, *_scaled(float(value), text[start:end])))
        return sorted(out)


PEERS = (JioNLP, Recognizers)


# --- throughput --------------------------------------------------------------------------------------

def project_pass(docs) -> tuple[float, float, int, dict]:
    import extractor

    per_set: dict[str, float] = {}
    n = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        t = time.perf_counter()
        n += len(extractor.extract(d.text, doc_id=d.id, year=d.year))
        per_set[d.set] = per_set.get(d.set, 0.0) + time.perf_counter() - t
    return time.perf_counter() - wall, time.process_time() - cpu, n, per_set


def peer_pass(peer: Peer, cleaned: list[str]) -> tuple[float, float, int]:
    n = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for text in cleaned:
        n += len(peer.spans(text))
    return time.perf_counter() - wall, time.process_time() - cpu, n


def throughput(docs, peers, repeats: int) -> dict:
    from extractor.document import Document

    total = chars(docs)
    cleaned = [Document.from_raw(d.text).clean.text for d in docs]
    bulletins = [d for d in docs if d.set == "bulletins"]
    # warm-up: every lazy load (patterns, jieba, the peers' dictionaries) happens here, not in a timed pass
    project_pass(bulletins)
    for peer in peers:
        peer_pass(peer, cleaned[:len(bulletins)])
    runs: dict[str, list] = {"project": []} | {p.name: [] for p in peers}
    sets: dict[str, list] = {}
    for _ in range(repeats):
        wall, cpu, n, per_set = project_pass(docs)
        runs["project"].append((wall, cpu, n))
        for key, seconds in per_set.items():
            sets.setdefault(key, []).append(seconds)
        for peer in peers:
            runs[peer.name].append(peer_pass(peer, cleaned))
    out = {"documents": len(docs), "chars": total, "clean_chars": sum(map(len, cleaned)), "repeats": repeats}
    for name, rows in runs.items():
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        n = rows[0][2]
        out[name] = {"seconds": round(wall, 4), "cpu_seconds": round(cpu, 4), "runs": [round(r[0], 4) for r in rows],
                     "facts": n, "chars_per_s": round(total / wall), "facts_per_s": round(n / wall, 1)}
    for name in runs:
        if name != "project":
            out[name]["project_speed_ratio"] = round(out[name]["seconds"] / out["project"]["seconds"], 3)
    out["project"]["by_set"] = {
        key: {"documents": sum(1 for d in docs if d.set == key), "chars": chars(d for d in docs if d.set == key),
              "seconds": round(statistics.median(v), 4),
              "chars_per_s": round(chars(d for d in docs if d.set == key) / statistics.median(v))}
        for key, v in sets.items()}
    return out


def stages(docs) -> dict:
    """Seconds per stage over one pass (normalise, then each stage of patterns/pipeline.toml)."""
    from extractor import pipeline
    from extractor.document import Document

    spent = {"normalize": 0.0} | {name: 0.0 for name, _ in pipeline.stages()}
    for d in docs:
        t = time.perf_counter()
        doc = Document.from_raw(d.text, doc_id=d.id, year=d.year)
        spent["normalize"] += time.perf_counter() - t
        for name, stage in pipeline.stages():
            t = time.perf_counter()
            doc = stage(doc)
            spent[name] += time.perf_counter() - t
    total = sum(spent.values())
    return {name: {"seconds": round(s, 4), "share": round(s / total, 3)} for name, s in spent.items()}


# --- PDF ---------------------------------------------------------------------------------------------

def _page_count(path: Path) -> int:
    try:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except ImportError:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)


def _facts_of(result) -> list:
    """read_pdf may return facts, a Document (processed or not) or text: facts in every case."""
    import extractor
    from extractor import pipeline

    if isinstance(result, list):
        return result
    if isinstance(result, str):
        return extractor.extract(result)
    if hasattr(result, "clean"):  # a Document
        return result.facts or pipeline.run(result).facts
    return list(result)


def pdf_bench(repeats: int) -> dict:
    try:
        from extractor.pdf import read_pdf
    except ImportError:
        read_pdf = None
    pdfs = sorted(PDF_DIR.glob("*.pdf")) if PDF_DIR.is_dir() else []
    if read_pdf is None or not pdfs:
        why = " / ".join(w for w, missing in (("no PDF reader", read_pdf is None), ("no PDFs", not pdfs)) if missing)
        return {"skipped": f"skipped: {why}"}
    pages = sum(_page_count(p) for p in pdfs)
    out = {"files": len(pdfs), "pages": pages, "engines": {}}
    for engine in ("pdfplumber", "pdfium"):
        try:
            _facts_of(read_pdf(pdfs[0], doc_id=pdfs[0].stem, year=None, engine=engine))  # warm-up
            runs, n = [], 0
            for _ in range(repeats):
                t, n = time.perf_counter(), 0
                for path in pdfs:
                    n += len(_facts_of(read_pdf(path, doc_id=path.stem, year=None, engine=engine)))
                runs.append(time.perf_counter() - t)
        except Exception as exc:
            out["engines"][engine] = {"skipped": f"{type(exc).__name__}: {exc}"}
            continue
        wall = statistics.median(runs)
        out["engines"][engine] = {"seconds": round(wall, 4), "facts": n, "pages_per_s": round(pages / wall, 1),
                                  "facts_per_s": round(n / wall, 1), "runs": [round(r, 4) for r in runs]}
    return out


# --- start-up, memory and scaling: fresh subprocesses ------------------------------------------------

STARTUP_PROJECT = f"""
import json, sys, time
t0 = time.perf_counter()
import extractor
t1 = time.perf_counter()
jieba_on_import = "jieba" in sys.modules
facts = extractor.extract({FIRST_SENTENCE!r})
t2 = time.perf_counter()
jieba_after_first = "jieba" in sys.modules
fallback = extractor.extract({FALLBACK_SENTENCE!r})
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first_fact": t2 - t1, "first_fallback_fact": t3 - t2,
    "facts": len(facts), "fallback_metric": fallback[0].metric if fallback else None,
    "jieba_loaded_by_import": jieba_on_import, "jieba_loaded_by_first_fact": jieba_after_first,
    "jieba_loaded_by_fallback": "jieba" in sys.modules}}))
"""

STARTUP_PEER = """
import json, sys, time
sys.path.insert(0, {here!r})
t0 = time.perf_counter()
import run
peer = run.{cls}()
t1 = time.perf_counter()
print(json.dumps({{"error": peer.error, "import_and_first_result": t1 - t0, "setup": peer.setup_seconds}}))
"""


def _children(commands: list[list[str]], parallel: bool = False) -> list[tuple[dict, float]]:
    """Run fresh Python processes (one after the other, so that they do not disturb each other's timing;
    all at once with --quick, where no figure counts); each prints one JSON line last."""
    def start(cmd):
        return subprocess.Popen([sys.executable, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, cwd=ROOT), time.perf_counter()

    def finish(proc, began):
        stdout, stderr = proc.communicate()
        wall = time.perf_counter() - began
        if proc.returncode:
            raise RuntimeError(f"subprocess {' '.join(proc.args[1:3])} failed: {stderr.strip()[-800:]}")
        return json.loads(stdout.strip().splitlines()[-1]), wall

    if parallel:
        return [finish(*started) for started in [start(cmd) for cmd in commands]]
    return [finish(*start(cmd)) for cmd in commands]


def startup(runs: int, parallel: bool = False) -> dict:
    out = {}
    here = str(Path(__file__).resolve().parent)
    commands = [["-c", STARTUP_PROJECT]] * runs + [["-c", STARTUP_PEER.format(here=here, cls=cls.__name__)]
                                                   for cls in PEERS for _ in range(runs)]
    done = _children(commands, parallel)
    rows, done = done[:runs], done[runs:]
    med = lambda key: round(statistics.median(r[0][key] for r in rows), 4)  # noqa: E731
    out["project"] = {"process_wall": round(statistics.median(r[1] for r in rows), 4),
                      "import": med("import"), "first_fact": med("first_fact"),
                      "first_fallback_fact": med("first_fallback_fact"),
                      **{k: rows[0][0][k] for k in ("jieba_loaded_by_import", "jieba_loaded_by_first_fact",
                                                    "jieba_loaded_by_fallback", "fallback_metric")}}
    for cls in PEERS:
        rows, done = done[:runs], done[runs:]
        if rows[0][0]["error"]:
            out[cls.name] = {"error": rows[0][0]["error"]}
            continue
        out[cls.name] = {"process_wall": round(statistics.median(r[1] for r in rows), 4),
                         "import_and_first_result": round(statistics.median(r[0]["import_and_first_result"]
                                                                             for r in rows), 4)}
    return out


def child_scale(scale: int, quick: bool) -> None:
    """In a fresh process: warm up, then stream the corpus `scale` times (facts counted, not kept)."""
    import extractor

    docs = load_docs(quick)
    extractor.extract(FIRST_SENTENCE)
    extractor.extract(FALLBACK_SENTENCE)
    rss_ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t, cpu, n = time.perf_counter(), time.process_time(), 0
    for _ in range(scale):
        for d in docs:
            n += len(extractor.extract(d.text, doc_id=d.id, year=d.year))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(json.dumps({"scale": scale, "chars": scale * chars(docs), "facts": n, "seconds": seconds, "cpu_seconds": cpu,
                      "peak_rss_mib_ready": rss_ready / 1024,
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def scaling(sizes: tuple[int, ...], quick: bool) -> dict:
    rows = []
    commands = [[__file__, "--child-scale", str(k)] + (["--quick"] if quick else []) for k in sizes]
    for row, _ in _children(commands, parallel=quick):
        row["ns_per_char"] = round(1e9 * row["seconds"] / row["chars"], 1)
        row["cpu_ns_per_char"] = round(1e9 * row["cpu_seconds"] / row["chars"], 1)
        row["seconds"], row["cpu_seconds"] = round(row["seconds"], 4), round(row["cpu_seconds"], 4)
        row["peak_rss_mib"] = round(row["peak_rss_mib"], 1)
        row["peak_rss_mib_ready"] = round(row["peak_rss_mib_ready"], 1)
        rows.append(row)
    first, last = rows[0], rows[-1]
    return {"corpus": rows,
            "time_per_char_ratio_last_vs_first": round(last["ns_per_char"] / first["ns_per_char"], 3),
            "cpu_time_per_char_ratio_last_vs_first": round(last["cpu_ns_per_char"] / first["cpu_ns_per_char"], 3),
            "peak_rss_ratio_last_vs_first": round(last["peak_rss_mib"] / first["peak_rss_mib"], 3)}


def document_length_scaling(docs, factors=(1, 2, 4, 8), repeats: int = 3) -> list[dict]:
    """One document k times as long (the bulletins concatenated k times): cost per char must stay flat.
    Sizes interleaved, median of `repeats`, wall and CPU time."""
    import extractor

    base = "\n".join(d.text for d in docs if d.set == "bulletins")
    texts = {k: "\n".join([base] * k) for k in factors}
    extractor.extract(base, doc_id="long", year=2023)  # warm-up
    runs: dict[int, list] = {k: [] for k in factors}
    facts = {}
    for _ in range(repeats):
        for k, text in texts.items():
            t, cpu = time.perf_counter(), time.process_time()
            facts[k] = len(extractor.extract(text, doc_id="long", year=2023))
            runs[k].append((time.perf_counter() - t, time.process_time() - cpu))
    rows = []
    for k, text in texts.items():
        wall, cpu = statistics.median(r[0] for r in runs[k]), statistics.median(r[1] for r in runs[k])
        rows.append({"factor": k, "chars": len(text), "facts": facts[k], "seconds": round(wall, 4),
                     "ns_per_char": round(1e9 * wall / len(text), 1), "cpu_ns_per_char": round(1e9 * cpu / len(text), 1)})
    return rows


# --- workers -----------------------------------------------------------------------------------------

def _count_facts(item) -> int:
    import extractor

    text, doc_id, year = item
    return len(extractor.extract(text, doc_id=doc_id, year=year))


def workers(docs, counts=(1, 2), repeats: int = 1) -> dict:
    """Wall time over the corpus with N cold worker processes (spawned: each loads patterns and jieba)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    items = [(d.text, d.id, d.year) for d in docs]
    ctx = multiprocessing.get_context("spawn")
    runs: dict[int, list] = {n: [] for n in counts}
    facts = {}
    for _ in range(repeats):
        for n in counts:
            t = time.perf_counter()
            with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
                facts[n] = sum(pool.map(_count_facts, items, chunksize=1))
            runs[n].append(time.perf_counter() - t)
    out = {"method": "concurrent.futures.ProcessPoolExecutor (spawn) over documents, extractor.extract",
           "cpus": len(os.sched_getaffinity(0)), "chars": chars(docs)}
    for n in counts:
        wall = statistics.median(runs[n])
        out[f"workers_{n}"] = {"seconds": round(wall, 4), "best_seconds": round(min(runs[n]), 4), "facts": facts[n],
                               "chars_per_s": round(chars(docs) / wall), "runs": [round(r, 4) for r in runs[n]]}
    out["speedup_2_vs_1"] = round(out["workers_1"]["seconds"] / out["workers_2"]["seconds"], 3)
    out["speedup_2_vs_1_best"] = round(out["workers_1"]["best_seconds"] / out["workers_2"]["best_seconds"], 3)
    try:
        from extractor.batch import extract_files  # the integrator's batch API, when it exists
    except ImportError:
        out["extract_files"] = "skipped: extractor.batch is not there yet"
    else:
        out["extract_files"] = _extract_files_bench(extract_files, docs, counts)
    return out


def _extract_files_bench(extract_files, docs, counts) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(docs):
            path = Path(tmp) / f"{i:04d}.txt"
            path.write_text(d.text, encoding="utf-8")
            paths.append(path)
        out = {}
        for n in counts:
            try:
                times, facts = [], 0
                for _ in range(3):  # median of 3: the machine is shared
                    t = time.perf_counter()
                    report = extract_files(paths, workers=n)
                    times.append(time.perf_counter() - t)
                    if report.failures:
                        raise RuntimeError(f"{len(report.failures)} documents failed")
                    facts = sum(len(o.stored.facts) for o in report.outcomes)
                out[f"workers_{n}"] = {"seconds": round(statistics.median(times), 4), "facts": facts}
            except Exception as exc:
                out[f"workers_{n}"] = {"error": f"{type(exc).__name__}: {exc}"}
        if all("seconds" in out.get(f"workers_{n}", {}) for n in counts) and len(counts) > 1:
            out["speedup"] = round(out[f"workers_{counts[0]}"]["seconds"] / out[f"workers_{counts[-1]}"]["seconds"], 3)
        return out


# --- accuracy ----------------------------------------------------------------------------------------

def accuracy(docs, peers) -> dict:
    """L1 against gold/, with extractor.evaluate's own matching (overlapping raw spans, same value and unit)."""
    import extractor
    from extractor import evaluate as ev
    from extractor import gold as goldmod
    from extractor.document import Document

    gold_docs = [(d, goldmod.GOLD_DIR / f"{d.id}.jsonl") for d in docs if d.set == "bulletins"]
    gold_docs = [(d, p) for d, p in gold_docs if p.exists()]

    def project(d):
        return [f.to_dict() for f in extractor.extract(d.text, doc_id=d.id, year=d.year)]

    def peer_fn(peer):
        def run(d):
            clean = Document.from_raw(d.text).clean
            out = []
            for start, end, value, unit in peer.spans(clean.text):
                raw_start, raw_end = clean.to_raw(start, end)
                out.append({"start": raw_start, "end": raw_end, "value": value, "unit": unit,
                            "quote": d.text[raw_start:raw_end], "metric": None, "subject": None,
                            "period": None, "status": None})
            return out
        return run

    tools = [("project", project, None)] + [(p.name, peer_fn(p), p.scope_units) for p in peers]
    scopes = {p.name: p.scope_units for p in peers}
    out = {"documents": [d.id for d, _ in gold_docs], "gold_facts": 0}
    for name, fn, _ in tools:
        total = ev.Score()
        in_scope = {scope: [0, 0] for scope in scopes}  # gold facts in a peer's scope: [found, all]
        misses_sign_only = 0
        for d, path in gold_docs:
            gold = goldmod.load(path)
            predicted = fn(d)
            score, _ = ev.score_document(predicted, gold)
            total.add(score)
            found = {j for _, j in ev.match(predicted, gold)}
            for scope, units in scopes.items():
                for j, g in enumerate(gold):
                    if ev._unit(g["unit"]) in units:
                        in_scope[scope][1] += 1
                        in_scope[scope][0] += j in found
            flipped = [dict(p, value=-p["value"]) for p in predicted]
            misses_sign_only += len({j for _, j in ev.match(flipped, gold)} - found)
        p, r, f = total.prf("L1")
        out["gold_facts"] = total.gold
        out[name] = {"predicted": total.predicted, "matched": total.hits["L1"],
                     "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                     "recall_in_scope": {scope: {"gold": all_, "found": hit, "recall": round(hit / all_, 4) if all_ else None}
                                         for scope, (hit, all_) in in_scope.items()},
                     "misses_only_by_sign": misses_sign_only}
    out["scopes"] = {name: sorted(units) for name, units in scopes.items()}
    return out


# --- profile -----------------------------------------------------------------------------------------

def profile(docs, top: int = 25) -> dict:
    import cProfile
    import pstats

    import extractor

    project_pass([d for d in docs if d.set == "bulletins"])  # warm-up: lazy loads are not the hot path
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        extractor.extract(d.text, doc_id=d.id, year=d.year)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    jieba = sum(tt for (file, _, _), (_, _, tt, _, _) in stats.stats.items() if f"{os.sep}jieba{os.sep}" in file)
    stream = io.StringIO()
    pstats.Stats(prof, stream=stream).sort_stats("tottime").print_stats(top)
    pstats.Stats(prof, stream=stream).sort_stats("cumulative").print_stats(r"extractor", top)
    print(stream.getvalue())
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3], reverse=True)
    cumulative = [{"function": f"{Path(file).name}:{line}({func})", "calls": nc, "cumtime": round(ct, 3),
                   "share": round(ct / total, 3)}
                  for (file, line, func), (_, nc, _, ct, _) in rows if "extractor" in file or "jieba" in file][:top]
    return {"total_seconds": round(total, 3), "jieba_share_tottime": round(jieba / total, 3),
            "top_cumulative": cumulative}


# --- machine, report, chart --------------------------------------------------------------------------

def machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    packages = {}
    for name in ("bulletin-facts", "jieba", "regex", "pandas", "pdfplumber", "pypdfium2", "jionlp", "jiojio",
                 "recognizers-text", "recognizers-text-number", "recognizers-text-number-with-unit",
                 "recognizers-text-suite", "emoji", "matplotlib", "psutil"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return {"cpu": model, "cores": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)),
            "python": platform.python_version(), "platform": platform.platform(),
            "date": subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip(),
            "commit": commit, "packages": packages}


def _fmt(n) -> str:
    return f"{n:,.0f}" if isinstance(n, (int, float)) else str(n)


def report(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines.append(f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}; {m['date']}; commit {m['commit']}")
    tp, acc = results["throughput"], results["accuracy"]
    lines.append(f"\nText → facts, one core: {tp['documents']} documents, {tp['chars']:,} characters, "
                 f"median of {tp['repeats']} passes after a warm-up (peers given the normalised text)\n")
    lines.append("| tool | chars/s | facts/s | s per pass | time vs project | L1 P | L1 R | L1 F1 | start-up s |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    su = results["startup"]
    for name, label in [("project", "bulletin-facts")] + [(p["name"], p["label"]) for p in results["peers"]]:
        row, a = tp.get(name), acc.get(name)
        if row is None:
            err = next(p["error"] for p in results["peers"] if p["name"] == name)
            lines.append(f"| {label} | not run: {err} | | | | | | | |")
            continue
        ratio = "1" if name == "project" else f"{row['project_speed_ratio']:.2f}×"
        start = su.get(name, {})
        start_s = (start["import"] + start["first_fact"] if "import" in start
                   else start.get("import_and_first_result"))
        start_s = f"{start_s:.2f}" if isinstance(start_s, float) else "–"
        lines.append(f"| {label} | {_fmt(row['chars_per_s'])} | {_fmt(row['facts_per_s'])} | {row['seconds']:.2f} | "
                     f"{ratio} | {a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} | {start_s} |")
    lines.append(f"\nL1 against gold/ ({acc['gold_facts']} facts, {len(acc['documents'])} bulletins); recall on the "
                 "gold facts inside each peer's scope (units it claims to handle):\n")
    scopes = list(acc["scopes"])
    lines.append("| tool | " + " | ".join(f"recall in {s} scope" for s in scopes) + " | misses only by sign |")
    lines.append("|---|" + "---|" * len(scopes) + "---|")
    for name in ["project"] + [p["name"] for p in results["peers"] if p["name"] in acc]:
        cells = [f"{acc[name]['recall_in_scope'][s]['found']}/{acc[name]['recall_in_scope'][s]['gold']} = "
                 f"{acc[name]['recall_in_scope'][s]['recall']:.3f}" for s in scopes]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {acc[name]['misses_only_by_sign']} |")
    lines.append("\nProject by corpus: " + "; ".join(
        f"{k} {v['documents']} docs {v['chars']:,} chars {_fmt(v['chars_per_s'])} chars/s"
        for k, v in tp["project"]["by_set"].items()))
    lines.append("Stages (share of one pass): " + ", ".join(
        f"{k} {v['share']:.0%}" for k, v in results["stages"].items()))
    p = su["project"]
    lines.append(f"Start-up (fresh process, median): interpreter+import+first fact {p['process_wall']:.2f} s wall; "
                 f"import {p['import']:.3f} s, first fact {p['first_fact']:.3f} s, first fact needing jieba "
                 f"{p['first_fallback_fact']:.3f} s; jieba loaded by import: {p['jieba_loaded_by_import']}, by the "
                 f"first fact: {p['jieba_loaded_by_first_fact']}")
    for peer in results["peers"]:
        s = su.get(peer["name"], {})
        if "error" in s:
            lines.append(f"Start-up {peer['name']}: not run: {s['error']}")
        else:
            lines.append(f"Start-up {peer['name']}: {s['process_wall']:.2f} s wall, import + first result "
                         f"{s['import_and_first_result']:.3f} s")
    sc = results["scaling"]
    lines.append("\nScaling (each size a fresh process, the corpus streamed k times, facts not kept):\n")
    lines.append("| corpus × | chars | seconds | ns/char (wall) | ns/char (CPU) | peak RSS MiB (ready → end) |")
    lines.append("|---|---|---|---|---|---|")
    for r in sc["corpus"]:
        lines.append(f"| {r['scale']} | {r['chars']:,} | {r['seconds']:.2f} | {r['ns_per_char']} | "
                     f"{r['cpu_ns_per_char']} | {r['peak_rss_mib_ready']} → {r['peak_rss_mib']} |")
    lines.append(f"time/char {sc['corpus'][-1]['scale']}x vs 1x: wall {sc['time_per_char_ratio_last_vs_first']}, "
                 f"CPU {sc['cpu_time_per_char_ratio_last_vs_first']}; peak RSS: {sc['peak_rss_ratio_last_vs_first']}")
    lines.append("One document k× as long (median): " + "; ".join(
        f"{r['factor']}× {r['chars']:,} chars {r['ns_per_char']} ns/char (CPU {r['cpu_ns_per_char']})"
        for r in sc["document_length"]))
    w = results["workers"]
    lines.append(f"\nWorkers ({w['method']}; {w['cpus']} CPUs): 1 worker {w['workers_1']['seconds']:.2f} s, "
                 f"2 workers {w['workers_2']['seconds']:.2f} s: speed-up {w['speedup_2_vs_1']}× "
                 f"(best of runs: {w['speedup_2_vs_1_best']}×) "
                 f"(in-process, no pool: {tp['project']['seconds']:.2f} s)")
    lines.append(f"extract_files: {w['extract_files']}")
    pdf = results["pdf"]
    if "skipped" in pdf:
        lines.append(f"\nPDF → facts: {pdf['skipped']}")
    else:
        lines.append(f"\nPDF → facts: {pdf['files']} files, {pdf['pages']} pages")
        for engine, r in pdf["engines"].items():
            lines.append(f"  {engine}: " + (r["skipped"] if "skipped" in r else
                                            f"{r['pages_per_s']} pages/s, {r['facts_per_s']} facts/s"))
    for peer in results["peers"]:
        if peer["error"]:
            lines.append(f"\n{peer['name']} could not be run: {peer['error']}")
    return "\n".join(lines)


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [("project", "bulletin-facts")] + [(p["name"], p["name"]) for p in results["peers"]
                                                if p["name"] in results["throughput"]]
    labels = [label for _, label in names]
    speed = [results["throughput"][n]["chars_per_s"] / 1000 for n, _ in names]
    acc = results["accuracy"]
    prf = [(acc[n]["precision"], acc[n]["recall"], acc[n]["f1"]) for n, _ in names]
    colors = ["#1f6feb"] + ["#8b949e"] * (len(names) - 1)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.9))
    bars = ax1.barh(labels, speed, color=colors)
    ax1.set_xscale("log")
    ax1.set_xlabel("thousand characters per second, one core (log)")
    ax1.set_title("Throughput, text → facts")
    for bar, v in zip(bars, speed):
        ax1.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {v:,.0f}k", va="center", fontsize=9)
    ax1.invert_yaxis()
    ax1.set_xlim(right=max(speed) * 3)
    width = 0.25
    for k, (what, shade) in enumerate((("precision", 0.45), ("recall", 0.7), ("F1", 1.0))):
        ys = [i + (k - 1) * width for i in range(len(names))]
        vals = [row[k] for row in prf]
        ax2.barh(ys, vals, height=width, label=what, color=[(0.12, 0.44, 0.92, shade)] * len(names))
        if what == "F1":
            for y, v in zip(ys, vals):
                ax2.text(v, y, f" {v:.3f}", va="center", fontsize=8)
    ax2.set_yticks(range(len(names)), labels)
    ax2.invert_yaxis()
    ax2.set_xlim(0, 1.45)
    ax2.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax2.set_xlabel(f"L1 (span, value, unit) against gold/, {acc['gold_facts']} facts")
    ax2.set_title("Quantity-level accuracy")
    ax2.legend(loc="lower right", fontsize=8)
    m = results["machine"]
    fig.suptitle(f"{m['cpu']}, {m['cores']} cores, Python {m['python']} — {m['date']}", fontsize=8, y=0.025)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


# --- main --------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one bulletin, one repeat (a smoke test)")
    parser.add_argument("--repeats", type=int, default=None, help="timed passes per tool (default 3; 1 with --quick)")
    parser.add_argument("--profile", action="store_true", help="cProfile one pass over the corpora, print the top")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results.json"), help="where to write results")
    parser.add_argument("--chart", default=str(ROOT / "docs" / "benchmark.png"), help="where to draw the chart")
    parser.add_argument("--no-chart", action="store_true")
    parser.add_argument("--child-scale", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_scale:
        child_scale(args.child_scale, args.quick)
        return 0
    repeats = args.repeats or (1 if args.quick else 3)

    began = time.perf_counter()

    def step(what):
        print(f"[bench {time.perf_counter() - began:6.1f}s] {what} …", file=sys.stderr, flush=True)

    docs = load_docs(args.quick)
    results = {"machine": machine(), "mode": "quick" if args.quick else "full",
               "corpora": {s: {"documents": sum(1 for d in docs if d.set == s), "chars": chars(d for d in docs if d.set == s)}
                           for s in ("bulletins", "provincial", "national")}}
    absent = [str(p) for p in (PROVINCIAL, NATIONAL) if not p.exists()]
    if absent and not args.quick:
        results["corpora"]["absent"] = absent
    step("peers: import and first result")
    peers = [cls() for cls in PEERS]
    results["peers"] = [{"name": p.name, "label": p.label, "version": p.version, "error": p.error,
                         "setup_seconds": round(p.setup_seconds, 4) if p.setup_seconds else None} for p in peers]
    peers = [p for p in peers if p.ok]
    step(f"throughput: {len(docs)} documents, {chars(docs):,} chars, {repeats} passes per tool")
    results["throughput"] = throughput(docs, peers, repeats)
    results["stages"] = stages(docs)
    step("accuracy against gold/")
    results["accuracy"] = accuracy(docs, peers)
    step("PDF")
    results["pdf"] = pdf_bench(repeats)
    step("start-up (fresh processes)")
    results["startup"] = startup(1 if args.quick else 3, parallel=args.quick)
    step("scaling and memory (fresh processes)")
    results["scaling"] = scaling((1, 2) if args.quick else (1, 2, 4), args.quick)
    results["scaling"]["document_length"] = document_length_scaling(docs, (1, 2) if args.quick else (1, 2, 4, 8), repeats)
    results["memory"] = {"peak_rss_mib_1x": results["scaling"]["corpus"][0]["peak_rss_mib"],
                         f"peak_rss_mib_{results['scaling']['corpus'][-1]['scale']}x":
                             results["scaling"]["corpus"][-1]["peak_rss_mib"],
                         "peak_rss_mib_ready": results["scaling"]["corpus"][0]["peak_rss_mib_ready"],
                         "how": "resource.getrusage(RUSAGE_SELF).ru_maxrss in a fresh subprocess per size"}
    step("workers (1 vs 2 processes)")
    results["workers"] = workers(docs, (1, 2), repeats)
    if args.profile:
        step("profile")
        results["profile"] = profile(docs)
    step("writing results")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.no_chart:
        chart(results, Path(args.chart))
    print(report(results))
    print(f"\nwrote {args.json}" + ("" if args.no_chart else f" and {args.chart}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
