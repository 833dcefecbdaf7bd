"""The walkthrough notebook runs from top to bottom on the bundled corpus, and is committed without
outputs (so it never rots, and diffs stay readable)."""
import json

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def test_notebook_is_committed_without_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_notebook_runs_top_to_bottom():
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    text = "\n".join(out.get("text", "") + json.dumps(out.get("data", {}), ensure_ascii=False)
                     for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs)
    assert "5 added" in text                       # the corpus was ingested
    assert "标准地出让面积" in text and "2417.52" in text   # the zone table and its provenance
    assert "image/png" in text                     # the plot
    assert "朔州经济开发区" in text and "产出强度" in text   # the conflict across issues
