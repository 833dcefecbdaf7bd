"""The `bulletin-facts` command."""
from __future__ import annotations

import argparse
import io
import json
import regex
import sys
from pathlib import Path

from .errors import InputError

EXIT_OK = 0
EXIT_FINDINGS = 1      # audit: inconsistent figures found; evaluate: below the floor
EXIT_USAGE = 2         # wrong arguments (argparse's own code)
EXIT_BAD_INPUT = 3     # one or more input files could not be read (the others were processed)

# optional dependencies → the extra that installs them (pyproject.toml)
OPTIONAL_MODULES = {"openpyxl": "tables", "pyarrow": "tables", "dask": "dask", "distributed": "dask"}

EPILOG = """\
examples:
  bulletin-facts extract corpus/                      facts of every bulletin, as a table
  bulletin-facts extract issue.txt --format jsonl -o facts.jsonl
  bulletin-facts extract corpus/ --format summary     counts per document, metric and status
  bulletin-facts normalize corpus/000_56f2bf5d4fae28d3.txt      the repaired text
  bulletin-facts segment corpus/004_68c82b09bb470f3b.txt --json  articles, sections, sentences
  bulletin-facts audit corpus/ --html review.html     check figures against each other, and a review page
  bulletin-facts evaluate --errors                    scores against gold/, with every miss
  bulletin-facts ingest corpus/ --workers 2           add bulletins to the collection (facts.sqlite)
  bulletin-facts table --rows subject --cols metric --period 2023 --status actual -o zones.xlsx
  bulletin-facts export --format parquet -o facts.parquet     every stored fact, one row each
  bulletin-facts audit new-issue.txt --db facts.sqlite  check a new issue against the collection
  bulletin-facts extract archive/ --engine dask --scheduler tcp://host:8786 -o facts.parquet/

exit codes:
  0  success
  1  findings: the audit found inconsistent or conflicting figures, or evaluate fell below --floor
  2  usage error
  3  some input could not be read (each named on stderr); the rest was processed
  130 interrupted (Ctrl-C): what was already stored stays stored

environment:
  BULLETIN_FACTS_DB   the collection's database when --db is not given (default: facts.sqlite)
"""


def _progress(iterable, total: int, label: str):
    """A progress line on stderr for long runs on a terminal; silent when piped."""
    show = total > 1 and sys.stderr.isatty()
    for n, item in enumerate(iterable, start=1):
        if show:
            print(f"\r{label} {n}/{total}", end="", file=sys.stderr, flush=True)
        yield item
    if show:
        print(file=sys.stderr)


def _read_documents(paths: list[str]):
    """(source, document) for every readable input; unreadable ones are reported and skipped."""
    from .batch import expand, read_document

    srcs, failures = expand(paths)
    docs = []
    for src in _progress(srcs, len(srcs), "reading"):
        try:
            docs.append((src, read_document(src)))
        except InputError as exc:
            failures.append(str(exc))
    return docs, failures


def _report_failures(failures: list[str]) -> int:
    for failure in failures:
        print(f"bulletin-facts: error: {failure}", file=sys.stderr)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _output(args) -> io.TextIOBase:
    return open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout


# --- commands ---------------------------------------------------------------------------------------

def cmd_normalize(args) -> int:
    docs, failures = _read_documents([args.file])
    for _, doc in docs:
        print(doc.text)
    return _report_failures(failures)


def cmd_segment(args) -> int:
    from .segment import segment

    docs, failures = _read_documents([args.file])
    for _, doc in docs:
        segment(doc)
        tree = _segment_tree(doc)
        if args.json:
            print(json.dumps(tree, ensure_ascii=False, indent=2))
        else:
            for article in tree["articles"]:
                print(f"[{article['kind']}] {article['title'] or '(untitled)'}"
                      f"  source: {article['source'] or '-'}  byline: {article['byline'] or '-'}"
                      f"  raw {article['start']}..{article['end']}")
                for section in article["sections"]:
                    print(f"    【{section['heading']}】 period {section['period']} status {section['status']}")
                print(f"    {len(article['sentences'])} sentences")
    return _report_failures(failures)


def _segment_tree(doc) -> dict:
    raw = doc.clean.to_raw
    articles = []
    for article in doc.articles:
        start, end = raw(article.start, article.end)
        sentences = [s for s in doc.sentences if article.start <= s.start < article.end]
        articles.append({
            "kind": article.kind, "title": article.title, "source": article.source, "byline": article.byline,
            "start": start, "end": end,
            "sections": [{"heading": s.heading, "period": s.period, "status": s.status,
                          "start": raw(s.start, s.end)[0], "end": raw(s.start, s.end)[1]}
                         for s in article.sections],
            "sentences": [{"start": raw(s.start, s.end)[0], "end": raw(s.start, s.end)[1],
                           "text": doc.text[s.start:s.end]} for s in sentences],
        })
    return {"doc": doc.id, "articles": articles}


def cmd_extract(args) -> int:
    from .batch import extract_files, terminal_progress

    if args.engine == "dask":
        return _extract_on_dask(args)
    report = extract_files(args.paths, workers=args.workers, progress=terminal_progress("extracting"),
                           defaults=_document_defaults(args))
    per_doc = {o.source.id: o.stored.facts for o in report.outcomes if o.stored is not None}
    facts = [fact for doc_facts in per_doc.values() for fact in doc_facts]
    out = _output(args)
    try:
        _write_facts(facts, per_doc, args.format, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return _finish(report)


def _extract_on_dask(args) -> int:
    from .dask_bag import write_parquet

    if not args.output:
        print("bulletin-facts: error: --engine dask writes a Parquet dataset: name its folder with -o",
              file=sys.stderr)
        return EXIT_USAGE
    result = write_parquet(args.paths, args.output, scheduler=args.scheduler, npartitions=args.partitions,
                           defaults=_document_defaults(args))
    print(f"{len(result['files'])} Parquet partitions in {args.output}", file=sys.stderr)
    return _report_failures(result["failures"])


def _finish(report) -> int:
    """The batch's summary on stderr, its failures named, and the exit code they mean."""
    if report.interrupted:
        print(f"bulletin-facts: {report.summary()}", file=sys.stderr)
        return 130
    code = _report_failures(report.failures)
    if code and len(report.outcomes) > 1:  # a batch: say what became of it, and which files failed
        print(f"bulletin-facts: {report.summary()}; failed: " +
              ", ".join(str(o.source.path) if o.source else o.error.split(":")[0]
                        for o in report.outcomes if o.status == "failed"), file=sys.stderr)
    return code


def cmd_ingest(args) -> int:
    from .batch import ingest, terminal_progress
    from .store import Store

    with Store(args.db) as store:
        report = ingest(args.paths, store, workers=args.workers, progress=terminal_progress("ingesting"),
                        defaults=_document_defaults(args))
        total = len(store.documents())
    if args.json:
        print(json.dumps({"db": str(args.db), "documents_in_db": total, "interrupted": report.interrupted,
                          "outcomes": [{"path": str(o.source.path) if o.source else None, "doc": o.source.id
                                        if o.source else None, "status": o.status, "error": o.error,
                                        "facts": len(o.stored.facts) if o.stored else None}
                                       for o in report.outcomes]}, ensure_ascii=False, indent=2))
    else:
        print(f"{report.summary()}; {args.db} holds {total} documents")
    return _finish(report)


def cmd_table(args) -> int:
    from .store import Store
    from .tables import wide, write_wide

    with Store(args.db, create=False) as store:
        facts = store.frame()
    try:
        result = wide(facts, rows=args.rows, cols=args.cols, period=args.period, status=args.status,
                      aspect=args.aspect, metric=args.metric, subject=args.subject)
    except ValueError as exc:
        print(f"bulletin-facts: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if result.table.empty:
        print("bulletin-facts: no stored fact matches these filters", file=sys.stderr)
        return EXIT_OK
    if args.output:
        try:
            written = write_wide(result, args.output)
        except ValueError as exc:
            print(f"bulletin-facts: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"{result.table.shape[0]} rows × {result.table.shape[1]} columns, {result.conflicts} "
              f"conflicting cells → {', '.join(map(str, written))}", file=sys.stderr)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            print(result.table.fillna("").to_string())
        print(f"{result.conflicts} conflicting cells (values joined by ' | ')", file=sys.stderr)
    return EXIT_OK


def cmd_export(args) -> int:
    from .store import Store
    from .tables import write_long

    if args.format in ("parquet", "xlsx") and not args.output:
        print(f"bulletin-facts: error: --format {args.format} is binary: name a file with -o", file=sys.stderr)
        return EXIT_USAGE
    with Store(args.db, create=False) as store:
        facts = store.frame("SELECT f.*, d.source_path FROM facts f JOIN documents d USING (doc) "
                            "ORDER BY f.doc, f.start, f.id")
    write_long(facts, args.output, args.format, out=sys.stdout)
    if args.output:
        print(f"{len(facts)} facts → {args.output}", file=sys.stderr)
    return EXIT_OK


def _write_facts(facts, per_doc, fmt: str, out) -> None:
    from . import to_dataframe

    if fmt == "jsonl":
        for fact in facts:
            out.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        to_dataframe(facts).to_csv(out, index=False)
    elif fmt == "summary":
        out.write(_summary(per_doc))
    else:
        for fact in facts:
            value = f"{fact.value:g}" + (f"–{fact.value_max:g}" if fact.value_max is not None else "")
            out.write(f"{fact.doc[:3]} {fact.start:>6}  {value:>10} {fact.unit:<8} {fact.approx:<6} "
                      f"{(fact.metric or '?'):<16} {fact.aspect:<12} {(fact.subject or '?'):<18} "
                      f"{fact.period or '?':<16} {fact.status}\n")


def _summary(per_doc: dict) -> str:
    from collections import Counter

    lines = [f"{'document':<24}{'facts':>7}{'actual':>8}{'target':>8}{'expected':>10}{'metrics':>9}"]
    total = Counter()
    for doc_id, facts in per_doc.items():
        status = Counter(f.status for f in facts)
        metrics = len({f.metric for f in facts if f.metric})
        lines.append(f"{doc_id:<24}{len(facts):>7}{status['actual']:>8}{status['target']:>8}"
                     f"{status['expected']:>10}{metrics:>9}")
        total.update(status)
        total["facts"] += len(facts)
    lines.append(f"{'all':<24}{total['facts']:>7}{total['actual']:>8}{total['target']:>8}{total['expected']:>10}")
    return "\n".join(lines) + "\n"


def cmd_audit(args) -> int:
    from .audit import audit, format_report
    from .pipeline import run

    docs, failures = _read_documents(args.paths)
    for _, doc in _progress(docs, len(docs), "auditing"):
        run(doc)
    processed = [doc for _, doc in docs]
    facts = [fact for doc in processed for fact in doc.facts]
    if args.db:
        facts += _earlier_facts(args.db, exclude={doc.id for doc in processed})
    relations = audit(facts)
    if args.db:  # the collection's own relations were checked when it was ingested: report the new ones
        new = {doc.id for doc in processed}
        relations = [r for r in relations if any(f["doc"] in new for f in r.facts)]
    if args.json:
        print(json.dumps({"relations": [r.to_dict() for r in relations]}, ensure_ascii=False, indent=2))
    else:
        print(format_report(relations))
    if args.html:
        from .review_page import render

        Path(args.html).write_text(render(processed, relations), encoding="utf-8")
        print(f"review page: {args.html}", file=sys.stderr)
    code = _report_failures(failures)
    if code:
        return code
    return EXIT_FINDINGS if any(r.verdict in ("inconsistent", "conflict") for r in relations) else EXIT_OK


def _earlier_facts(db, exclude: set[str]) -> list:
    """Facts of the collection's other documents, for conflicts across issues."""
    from .store import Store

    with Store(db, create=False) as store:
        return store.facts(exclude_docs=tuple(exclude))


def cmd_evaluate(args) -> int:
    from .evaluate import LEVELS, evaluate, format_table

    result = evaluate(Path(args.corpus), Path(args.gold))
    if args.json:
        payload = {"overall": result["overall"].to_dict(),
                   "documents": {k: v.to_dict() for k, v in result["documents"].items()}}
        if args.errors:
            payload["errors"] = result["errors"]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
        if args.errors:
            for doc_id, errors in result["errors"].items():
                for err in errors:
                    fact = err.get("gold") or err.get("predicted")
                    print(f"\n{doc_id} {err['kind']}: {fact.get('quote')!r} raw {fact['start']}..{fact['end']}")
                    if "gold" in err:
                        g = err["gold"]
                        print(f"   gold: {g['metric']} | {g['aspect']} | {g['subject']} | {g['period']} | {g['status']}")
                    if "predicted" in err:
                        p = err["predicted"]
                        print(f"   pred: {p['metric']} | {p['aspect']} | {p['subject']} | {p['period']} | {p['status']}")
                    print(f"   {err['sentence']}")
    if args.floor is not None:
        _, _, f1 = result["overall"].prf(LEVELS[0])
        if f1 < args.floor:
            print(f"bulletin-facts: L1 F1 {f1:.3f} is below the floor {args.floor}", file=sys.stderr)
            return EXIT_FINDINGS
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from .corpus import CORPUS_DIR
    from .gold import GOLD_DIR
    from .store import AXES

    parser = argparse.ArgumentParser(
        prog="bulletin-facts",
        description="Numeric facts from the bulletins of 《开发区建设》周刊: each figure with its value and "
                    "unit, metric, subject, period and status, traced to the characters it came from.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract the facts of bulletins (text or PDF, files or folders)",
                       description="Extract every numeric fact, one record per fact.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="bulletin files (.txt, .md, .pdf) or folders of them (a folder's README is skipped)")
    p.add_argument("--format", choices=["table", "jsonl", "csv", "summary"], default="table",
                   help="table (default, for reading), jsonl or csv (one record per fact, every field), "
                        "summary (counts per document)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _batch_options(p)
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local (default): this machine, --workers processes; dask: a Dask cluster, writing a "
                        "Parquet dataset (one file per partition) into the folder given by -o")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the dask.distributed scheduler (tcp://host:8786); default: "
                        "Dask's local process scheduler")
    p.add_argument("--partitions", type=int, metavar="N", help="with --engine dask: partitions (default: one "
                   "per document, at most 64)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="add bulletins to the collection (an SQLite database)",
                       description="Extract each bulletin (text or PDF, files or folders) into the collection: "
                                   "documents, articles, facts and their audit findings. Content already "
                                   "stored is skipped (so an interrupted run resumes); a changed file replaces "
                                   "its own rows. Each document is written in one transaction.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="bulletin files (.txt, .md, .pdf) or folders of them (a folder's README is skipped)")
    _db_option(p)
    _batch_options(p)
    p.add_argument("--json", action="store_true", help="what happened to each file, machine-readable")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("table", help="a wide table from the collection (zone × metric, metric × period …)",
                       description="Rows × columns of stated figures, units in the column headers. Where facts "
                                   "disagree the cell shows every value ('342.8 | 22'); a provenance sheet (xlsx) "
                                   "or sibling file (*.provenance.csv) points every cell to its document and "
                                   "offsets. Filters take a value or a shell pattern ('2023*').")
    _db_option(p)
    p.add_argument("--rows", default="subject", choices=AXES, help="the rows' field (default: subject)")
    p.add_argument("--cols", default="metric", choices=AXES, help="the columns' field (default: metric)")
    p.add_argument("--period", help="e.g. 2023, 2024Q1, '2023*'")
    p.add_argument("--status", help="actual, target or expected")
    p.add_argument("--aspect", help="value, growth, change, share, rank, difference or contribution")
    p.add_argument("--metric", help="one metric (needed when metric is on neither axis)")
    p.add_argument("--subject", help="one subject, e.g. '大同*'")
    p.add_argument("-o", "--output", metavar="FILE", help=".xlsx, .csv, .parquet or .jsonl (default: print)")
    p.set_defaults(func=cmd_table)

    p = sub.add_parser("export", help="every stored fact, one row each (the long table)",
                       description="The collection's facts with every field, offsets, page and box, and the "
                                   "source path of their document.")
    _db_option(p)
    p.add_argument("--format", choices=["csv", "jsonl", "parquet", "xlsx"], default="csv",
                   help="csv (default), jsonl, parquet or xlsx (the last two need -o)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("normalize", help="print a bulletin's repaired text",
                       description="Join broken lines, drop justification spaces, repair symbol glyphs.")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("segment", help="print a bulletin's articles, sections and sentences",
                       description="The article/section/sentence tree, with raw offsets.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_segment)

    p = sub.add_parser("audit", help="check the stated figures against each other",
                       description="Parts against totals, rates against their figures, percentage-point gaps, "
                                   "one figure stated twice with different values, suspicious repeats and unit "
                                   "slips; each relation with its arithmetic. Exit 1 when anything is "
                                   "inconsistent or in conflict.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="bulletin files or folders (checked together)")
    p.add_argument("--json", action="store_true", help='an object with a list "relations"')
    p.add_argument("--html", metavar="FILE", help="write the review page (self-contained HTML) here")
    p.add_argument("--db", metavar="FILE", help="also check against the collection's earlier issues (a "
                   "database made by `ingest`): a figure stated differently there is a conflict")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("evaluate", help="score the extractor against the hand-labelled gold",
                       description="Precision, recall and F1 at four levels: L1 quantity, L2 + metric, "
                                   "L3 + subject, L4 + period and status.")
    p.add_argument("--gold", default=str(GOLD_DIR), metavar="DIR", help="gold folder (default: gold/)")
    p.add_argument("--corpus", default=str(CORPUS_DIR), metavar="DIR", help="corpus folder (default: corpus/)")
    p.add_argument("--errors", action="store_true", help="list misses, false positives and wrong fields")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--floor", type=float, metavar="F1", help="exit 1 when L1 F1 falls below this")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("agreement", help="how far two independent labellings of the same text agree",
                       description="The doubly labelled documents of gold/agreement/, the second labelling scored "
                                   "against the first at the scorer's four levels: the ceiling to read the "
                                   "extractor's scores against.")
    p.add_argument("--json", action="store_true", help="one JSON object per document, field by field")
    p.set_defaults(func=cmd_agreement)
    return parser


def cmd_agreement(args) -> int:
    from .agreement import main

    return main(["--json"] if args.json else [])


def _db_option(p) -> None:
    from .store import DB_ENV, default_path

    p.add_argument("--db", default=str(default_path()), metavar="FILE",
                   help=f"the collection's SQLite database (default: ${DB_ENV} or facts.sqlite)")


def _batch_options(p) -> None:
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extract with N processes (default 1); the machine's cores are a sensible most")
    p.add_argument("--year", type=_year_arg, metavar="YYYY",
                   help="the year 今年 means, for files no manifest.toml describes (a manifest's own entry "
                        "wins); without it, figures dated only by 今年, 上半年 … get no period")
    p.add_argument("--date", type=_date_arg, metavar="YYYY-MM",
                   help="when the files were delivered or issued, for files no manifest.toml describes: a work "
                        "report delivered in the first months of the year --year names reviews the year before "
                        "in a part of results whose heading names no year")
    p.add_argument("--region", type=_region_arg, metavar="NAME",
                   help="the province the files speak for (what 全省 means: 河南 or 河南省), or 全国 for a national "
                        "report, for files no manifest.toml describes; without it, the region the title or text "
                        "names most")


def _year_arg(value: str) -> int:
    if not regex.fullmatch(r"(19|20)\d{2}", value.strip()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a year such as 2024")
    return int(value)


def _date_arg(value: str) -> str:
    if not regex.fullmatch(r"(19|20)\d{2}-(0[1-9]|1[0-2])(-\d{2})?", value.strip()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date such as 2026-01 or 2026-01-27")
    return value.strip()


def _region_arg(value: str) -> str:
    from .gazetteer import region_name

    name = region_name(value.strip())
    if name is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a province-level region of patterns/regions.toml "
                                         "(e.g. 山西, 河南省, 内蒙古自治区), nor the country (全国)")
    return name


def _document_defaults(args) -> dict:
    return {"year": getattr(args, "year", None), "region": getattr(args, "region", None),
            "date": getattr(args, "date", None)}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"bulletin-facts: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModuleNotFoundError as exc:
        extra = OPTIONAL_MODULES.get((exc.name or "").split(".")[0])
        if extra is None:
            raise
        print(f"bulletin-facts: error: this needs {exc.name}, which is optional: "
              f"pip install 'bulletin-facts[{extra}]'", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("bulletin-facts: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
