"""The collection: ingest is idempotent and transactional, survives a kill, and keeps readers reading."""
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from extractor.batch import ingest
from extractor.errors import InputError
from extractor.store import SCHEMA_VERSION, Store

from .conftest import CORPUS, DOC_IDS, ROOT


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8")


def rows(db, sql, params=()):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def corpus_copy(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def stored(corpus_copy, tmp_path):
    db = tmp_path / "facts.sqlite"
    with Store(db) as store:
        report = ingest([corpus_copy], store)
    assert report.count("added") == len(DOC_IDS), report.failures
    return db


def test_ingest_twice_adds_nothing(stored, corpus_copy):
    before = rows(stored, "SELECT doc, content_hash, ingested_at, n_facts FROM documents ORDER BY doc")
    facts_before = rows(stored, "SELECT COUNT(*) FROM facts")[0][0]
    with Store(stored) as store:
        report = ingest([corpus_copy], store)
    assert report.count("unchanged") == len(DOC_IDS) and report.count("added") == 0
    assert rows(stored, "SELECT doc, content_hash, ingested_at, n_facts FROM documents ORDER BY doc") == before
    assert rows(stored, "SELECT COUNT(*) FROM facts")[0][0] == facts_before


def test_every_stored_document_is_whole(stored):
    for doc, n_facts in rows(stored, "SELECT doc, n_facts FROM documents"):
        assert rows(stored, "SELECT COUNT(*) FROM facts WHERE doc = ?", (doc,))[0][0] == n_facts
    raw = (CORPUS / "000_56f2bf5d4fae28d3.txt").read_text(encoding="utf-8")
    for start, end, quote in rows(stored, "SELECT start, \"end\", quote FROM facts WHERE doc = ?",
                                  ("000_56f2bf5d4fae28d3",)):
        assert raw[start:end] == quote


def test_a_changed_file_replaces_only_its_own_rows(stored, corpus_copy):
    others = "SELECT * FROM facts WHERE doc != '000_56f2bf5d4fae28d3' ORDER BY id"
    other_docs = "SELECT * FROM documents WHERE doc != '000_56f2bf5d4fae28d3' ORDER BY doc"
    before, before_docs = rows(stored, others), rows(stored, other_docs)
    path = corpus_copy / "000_56f2bf5d4fae28d3.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("2417.52", "2418.52"), encoding="utf-8")
    with Store(stored) as store:
        report = ingest([corpus_copy], store)
    assert report.count("replaced") == 1 and report.count("unchanged") == len(DOC_IDS) - 1
    assert rows(stored, others) == before and rows(stored, other_docs) == before_docs
    values = {v for (v,) in rows(stored, "SELECT value FROM facts WHERE doc = '000_56f2bf5d4fae28d3'")}
    assert 2418.52 in values and 2417.52 not in values


def test_schema_is_versioned_and_foreign_databases_are_refused(tmp_path, stored):
    assert rows(stored, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert rows(stored, "PRAGMA journal_mode")[0][0] == "wal"
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(InputError, match="not a bulletin-facts database"):
        Store(other)
    with sqlite3.connect(stored) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="newer than this bulletin-facts"):
        Store(stored)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(InputError, match="not a bulletin-facts database"):
        Store(junk)


def test_readers_read_while_a_document_is_being_written(stored):
    with Store(stored) as store:
        with store.transaction() as conn:  # a writer holds the write lock, mid-document
            conn.execute("DELETE FROM facts WHERE doc = '000_56f2bf5d4fae28d3'")
            reader = sqlite3.connect(stored, timeout=0.1)  # would fail at once if it were blocked
            seen = reader.execute("SELECT COUNT(*) FROM facts WHERE doc = '000_56f2bf5d4fae28d3'").fetchone()[0]
            reader.close()
            assert seen > 0  # the reader sees the last committed state, not the half-written one


def _many_documents(folder, copies: int):
    """Distinct documents made from the bundled bulletins: each copy's content differs by a line."""
    folder.mkdir()
    for n in range(copies):
        doc_id = DOC_IDS[n % len(DOC_IDS)]
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        (folder / f"issue-{n:03d}.txt").write_text(text + f"\n（第{n}期）\n", encoding="utf-8")


def test_a_killed_batch_leaves_a_sound_database_that_resumes(tmp_path):
    folder, db = tmp_path / "archive", tmp_path / "facts.sqlite"
    _many_documents(folder, 60)
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "ingest", str(folder), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while stored < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                stored = rows(db, "SELECT COUNT(*) FROM documents")[0][0]
            except sqlite3.OperationalError:
                pass  # the schema is not there yet
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 3 <= stored, "the batch never stored three documents"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    finished = rows(db, "SELECT doc, n_facts FROM documents")
    assert 3 <= len(finished) < 60, "the kill came too late to test anything"
    for doc, n_facts in finished:  # no half documents
        assert rows(db, "SELECT COUNT(*) FROM facts WHERE doc = ?", (doc,))[0][0] == n_facts
        assert rows(db, "SELECT COUNT(*) FROM articles WHERE doc = ?", (doc,))[0][0] > 0
    out = cli("ingest", str(folder), "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    outcomes = json.loads(out.stdout)["outcomes"]
    assert sum(o["status"] == "unchanged" for o in outcomes) == len(finished)
    assert sum(o["status"] == "added" for o in outcomes) == 60 - len(finished)
    assert rows(db, "SELECT COUNT(*) FROM documents")[0][0] == 60


def test_a_corrupt_file_is_named_and_the_rest_ingested(tmp_path, corpus_copy):
    (corpus_copy / "broken.txt").write_bytes(b"\x00\x01\x02junk" * 50)
    (corpus_copy / "scan.pdf").write_bytes(b"<html>not a pdf</html>")
    db = tmp_path / "facts.sqlite"
    out = cli("ingest", str(corpus_copy), str(tmp_path / "missing-folder"), "--db", str(db), "--workers", "2")
    assert out.returncode == 3
    assert "broken.txt" in out.stderr and "scan.pdf" in out.stderr and "missing-folder" in out.stderr
    assert "Traceback" not in out.stderr
    assert {d for (d,) in rows(db, "SELECT doc FROM documents")} == set(DOC_IDS)


def test_workers_give_the_same_facts_as_one_process(tmp_path):
    one = cli("extract", str(CORPUS), "--format", "jsonl")
    two = cli("extract", str(CORPUS), "--format", "jsonl", "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 300


def test_audit_against_the_collection_finds_a_conflict_with_an_earlier_issue(tmp_path):
    db = tmp_path / "facts.sqlite"
    assert cli("ingest", str(CORPUS / "000_56f2bf5d4fae28d3.txt"), "--db", str(db)).returncode == 0
    new_issue = str(CORPUS / "001_1a8d8aa01a70d735.txt")
    alone = json.loads(cli("audit", new_issue, "--json").stdout)["relations"]
    out = cli("audit", new_issue, "--db", str(db), "--json")
    against = json.loads(out.stdout)["relations"]
    assert out.returncode == 1
    conflict = next(r for r in against if r["verdict"] == "conflict" and "产出强度" in r["message"])
    assert {f["doc"] for f in conflict["facts"]} == {"000_56f2bf5d4fae28d3", "001_1a8d8aa01a70d735"}
    assert sorted(f["value"] for f in conflict["facts"]) == [22.0, 342.8]
    assert not any(r["verdict"] == "conflict" and "产出强度" in r["message"] for r in alone)
    # every reported relation involves the new issue: the collection's own were checked at ingest
    assert all(any(f["doc"] == "001_1a8d8aa01a70d735" for f in r["facts"]) for r in against)
    # the review page quotes the earlier issue's sentence, since its figure is not on the page
    page = tmp_path / "review.html"
    cli("audit", new_issue, "--db", str(db), "--html", str(page))
    quoted = page.read_text(encoding="utf-8").split('<blockquote class="elsewhere">')[1:]
    assert any("000_56f2bf5d4fae28d3" in q and '<mark class="flash">342.8万元/亩</mark>' in q for q in quoted)


def test_audit_findings_are_stored_per_document(stored):
    findings = rows(stored, "SELECT kind, verdict, fact_ids FROM findings WHERE doc = '000_56f2bf5d4fae28d3'")
    assert ("parts_total", "consistent") in {(k, v) for k, v, _ in findings}
    ids = {i for _, _, fact_ids in findings for i in json.loads(fact_ids)}
    stored_ids = {i for (i,) in rows(stored, "SELECT id FROM facts")}
    assert ids <= stored_ids


def test_missing_database_is_a_clear_error(tmp_path):
    out = cli("table", "--db", str(tmp_path / "nowhere.sqlite"))
    assert out.returncode == 3 and "nowhere.sqlite" in out.stderr and "ingest" in out.stderr
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_database_from_the_environment(tmp_path, corpus_copy):
    import os

    db = tmp_path / "env.sqlite"
    env = {**os.environ, "BULLETIN_FACTS_DB": str(db)}
    out = subprocess.run([sys.executable, "-m", "extractor", "ingest", str(corpus_copy / "003_af2d74c9e19e1703.txt")],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert rows(db, "SELECT doc FROM documents") == [("003_af2d74c9e19e1703",)]
    assert not (tmp_path / "facts.sqlite").exists()


def test_pdf_issues_are_ingested_with_page_and_box(tmp_path):
    pdf = ROOT / "tests" / "data" / "pdf" / "004_68c82b09bb470f3b.pdf"
    db = tmp_path / "facts.sqlite"
    out = cli("ingest", str(pdf), "--db", str(db))
    assert out.returncode == 0, out.stderr
    (n_pages,) = rows(db, "SELECT n_pages FROM documents")[0]
    assert n_pages >= 1
    located = rows(db, "SELECT page, bbox FROM facts")
    assert located and all(1 <= page <= n_pages and len(json.loads(bbox)) == 4 for page, bbox in located)
