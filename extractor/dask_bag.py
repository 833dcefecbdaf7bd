"""Whole archives on a Dask cluster: the extractor is a pure function of a document, so a run is a
`dask.bag` map over sources, and its output a Parquet dataset (one file per partition) that pandas,
DuckDB, Spark or Dask itself loads as it is.

    from extractor.dask_bag import facts_bag, write_parquet
    write_parquet(["archive/2019", "archive/2020"], "facts.parquet", scheduler="tcp://10.0.0.5:8786")

`facts_bag(paths)` gives the bag of fact records (dicts) for any other Dask pipeline. A document that
cannot be read becomes one record in `failures_bag`, never a failed job.
"""
from __future__ import annotations

from pathlib import Path

from .store import FACT_COLUMNS

PARQUET_TYPES = {  # explicit, so that every partition has the same schema, even one with no PDFs
    "doc": "string", "id": "string", "start": "int64", "end": "int64", "quote": "string",
    "value": "float64", "unit": "string", "base_value": "float64", "base_unit": "string",
    "approx": "string", "value_max": "float64", "metric": "string", "aspect": "string",
    "subject": "string", "subject_type": "string", "period": "string", "status": "string",
    "parent": "string", "sentence": "string", "metric_source": "string", "city": "string",
    "article": "string", "section": "string", "clean_start": "int64", "clean_end": "int64",
    "page": "int64", "bbox": "list<float64>",
}


def _extract_partition(sources: list) -> list[dict]:
    from .batch import _safe_extract

    records = []
    for src in sources:
        stored, error = _safe_extract(src)
        if error:
            records.append({"_error": error, "_path": str(src.path)})
        else:
            records.extend(f.to_dict() for f in stored.facts)
    return records


def _bag_of_results(paths: list, npartitions: int | None = None, defaults: dict | None = None):
    """The bag of fact and failure records, and the paths that named nothing to read."""
    import dask.bag as db

    from .batch import expand

    sources, missing = expand(paths, defaults)
    n = npartitions or max(1, min(len(sources), 64))
    return db.from_sequence(sources, npartitions=n).map_partitions(_extract_partition), missing


def facts_bag(paths: list, npartitions: int | None = None):
    """A dask.bag of fact records (dicts with every Fact field) for the documents under `paths`."""
    return _bag_of_results(paths, npartitions)[0].filter(lambda r: "_error" not in r)


def failures_bag(paths: list, npartitions: int | None = None):
    """A dask.bag of one message per document that could not be read (paths naming nothing to read are
    reported by `write_parquet`, and by `batch.expand` before a bag exists)."""
    bag, _ = _bag_of_results(paths, npartitions)
    return bag.filter(lambda r: "_error" in r).map(lambda r: r["_error"])


def _arrow_schema():
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "list<float64>": pa.list_(pa.float64())}
    return pa.schema([(name, types[PARQUET_TYPES[name]]) for name in FACT_COLUMNS])


def write_parquet(paths: list, out_dir: str | Path, scheduler: str | None = None,
                  npartitions: int | None = None, defaults: dict | None = None) -> dict:
    """Extract every document under `paths` on Dask and write one Parquet file per partition into
    `out_dir`. `scheduler` is a dask.distributed address (tcp://host:8786), or None for Dask's local
    process scheduler. Returns {"files": [...], "failures": [...]}."""
    import dask

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()  # a rerun replaces the dataset rather than mixing two runs
    bag, missing = _bag_of_results(paths, npartitions, defaults)
    schema = _arrow_schema()

    # Each partition writes its own file on its worker, so no fact funnels through the client.
    writes = [dask.delayed(_write_part)(part, out / f"part-{i:05d}.parquet", schema)
              for i, part in enumerate(bag.to_delayed())]
    compute = {"scheduler": "processes"} if scheduler is None else {}
    client = _client(scheduler)
    try:
        results = dask.compute(*writes, **compute) if client is None else client.compute(writes, sync=True)
    finally:
        if client is not None:
            client.close()
    files = sorted(str(p) for p in out.glob("part-*.parquet"))
    failures = missing + [f for r in results for f in r]
    return {"files": files, "failures": failures}


def _write_part(records: list[dict], path: Path, schema) -> list[str]:
    """Write one partition's facts; return its failures (documents that could not be read)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in records if "_error" not in r]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return [r["_error"] for r in records if "_error" in r]


def _client(scheduler: str | None):
    if scheduler is None:
        return None
    from distributed import Client

    return Client(scheduler)


def read_parquet(out_dir: str | Path):
    """The dataset as one pandas DataFrame, in document and text order."""
    import pandas as pd

    frame = pd.read_parquet(out_dir)
    return frame.sort_values(["doc", "start", "id"], kind="stable").reset_index(drop=True)
