"""The Dask path: on a local dask.distributed cluster of several worker processes, the Parquet dataset
holds exactly the facts the single-process run gives."""
import subprocess
import sys

import pytest

from .conftest import CORPUS, ROOT

distributed = pytest.importorskip("distributed")


def _single_process_facts():
    import pandas as pd

    out = subprocess.run([sys.executable, "-m", "extractor", "extract", str(CORPUS), "--format", "jsonl"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True)
    frame = pd.read_json(__import__("io").StringIO(out.stdout), lines=True, dtype=False)
    return frame.sort_values(["doc", "start", "id"], kind="stable").reset_index(drop=True)


def _records(frame):
    import math

    def clean(v):
        if hasattr(v, "tolist"):
            v = v.tolist()
        if v is None or isinstance(v, float) and math.isnan(v):
            return None
        return v

    return [{k: clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def test_dask_cluster_yields_exactly_the_single_process_facts(tmp_path):
    from extractor.dask_bag import read_parquet, write_parquet

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
        result = write_parquet([CORPUS, tmp_path / "no-such-folder"], tmp_path / "facts.parquet",
                               scheduler=cluster.scheduler_address)
    assert len(result["files"]) == len(list(CORPUS.glob("*.txt")))  # one partition per document here
    assert len(result["failures"]) == 1 and "no-such-folder" in result["failures"][0]
    on_dask = read_parquet(tmp_path / "facts.parquet")
    single = _single_process_facts()
    assert list(on_dask.columns) == list(single.columns)
    assert _records(on_dask) == _records(single)


def test_unreadable_documents_are_reported_not_fatal(tmp_path):
    import shutil

    from extractor.dask_bag import read_parquet, write_parquet

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "003_af2d74c9e19e1703.txt", folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01junk" * 40)
    result = write_parquet([folder], tmp_path / "out", scheduler=None)
    assert len(result["failures"]) == 1 and "broken.txt" in result["failures"][0]
    assert set(read_parquet(tmp_path / "out")["doc"]) == {"003_af2d74c9e19e1703"}


def test_facts_bag_for_other_dask_pipelines():
    from extractor.dask_bag import facts_bag, failures_bag

    bag = facts_bag([CORPUS / "000_56f2bf5d4fae28d3.txt"])
    areas = bag.filter(lambda f: f["metric"] == "标准地出让面积").pluck("value").compute(scheduler="sync")
    assert 2417.52 in areas
    assert failures_bag([CORPUS]).compute(scheduler="sync") == []
