"""The benchmark script still runs (benchmarks/run.py --quick on one bulletin). No timing is asserted here:
speed and memory are measured by `make bench`, never by a test. Skipped unless the `bench` extra is installed."""
import json
import subprocess
import sys

import pytest

from extractor import cli

from .conftest import ROOT

pytest.importorskip("matplotlib")
pytest.importorskip("jionlp")


def test_quick_benchmark_writes_every_section(tmp_path, capsys):
    out = tmp_path / "results.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out),
                           "--chart", str(tmp_path / "chart.png")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    for key in ("machine", "peers", "throughput", "stages", "accuracy", "pdf", "startup", "scaling", "memory",
                "workers"):
        assert key in results, key
    assert {"cpu", "cores", "python", "date", "packages"} <= set(results["machine"])
    assert results["throughput"]["project"]["chars_per_s"] > 0
    for peer in results["peers"]:  # each peer either ran, or says exactly why not
        assert peer["error"] or peer["name"] in results["throughput"]
    assert "skipped" in results["pdf"] or results["pdf"]["engines"]
    assert (tmp_path / "chart.png").stat().st_size > 0

    # the project's L1 F1 is what `bulletin-facts evaluate` reports for the same bulletin
    (doc_id,) = results["accuracy"]["documents"]
    capsys.readouterr()
    assert cli.main(["evaluate", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)["documents"][doc_id]["L1"]
    assert results["accuracy"]["project"]["f1"] == expected["f1"]
    assert results["accuracy"]["project"]["precision"] == expected["precision"]
    assert results["accuracy"]["project"]["recall"] == expected["recall"]
