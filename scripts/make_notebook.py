"""Writes notebooks/walkthrough.ipynb from the cells below, outputs stripped (the tests execute it).

Edit the cells here or in Jupyter; either way commit the notebook without outputs
(`python scripts/make_notebook.py`, or Jupyter's "Clear All Outputs" before saving)."""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    ("md", """# bulletin-facts: a walkthrough for researchers

Ingest the bundled issues of 《开发区建设》周刊 into a collection, build the zone × metric table of
2023 actuals, plot one metric across zones, and list what the audit found. Every cell runs on the
bundled corpus; nothing is fetched."""),
    ("code", """import tempfile
from pathlib import Path

import pandas as pd

from extractor.batch import ingest
from extractor.store import Store

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
db_path = Path(tempfile.mkdtemp()) / "facts.sqlite"   # your own collection: any path, e.g. facts.sqlite
store = Store(db_path)"""),
    ("md", """## 1. Ingest
The same as `bulletin-facts ingest corpus/ --db facts.sqlite`. A second run adds nothing: documents
already stored (same content) are skipped, and a changed file replaces only its own rows."""),
    ("code", """report = ingest([ROOT / "corpus"], store)
print(report.summary())
pd.read_sql("SELECT doc, year, n_facts, ingested_at FROM documents", store.conn)"""),
    ("md", """## 2. Zone × metric, 2023 actuals
The same as `bulletin-facts table --rows subject --cols metric --period 2023 --status actual --aspect value`.
Units are in the column headers; a cell where the bulletins disagree shows every value (`342.8 | 22`)."""),
    ("code", """from extractor.tables import wide

facts = store.frame()
result = wide(facts, rows="subject", cols="metric", period="2023", status="actual", aspect="value")
busiest = result.table.notna().sum().sort_values(ascending=False).index[:8]   # the most widely reported
zones = result.table.loc[result.table[busiest].notna().sum(axis=1) >= 2, busiest]
print(f"{result.table.shape[0]} subjects × {result.table.shape[1]} metrics, {result.conflicts} conflicting cells")
zones"""),
    ("md", """Every cell can be traced to its characters: the provenance table gives the document, the raw
offsets and the sentence."""),
    ("code", """result.provenance.query("column == '标准地出让面积 (亩)'")[["row", "value", "doc", "start", "end", "quote"]]"""),
    ("md", """## 3. One metric across zones
Zones only (`subject_type == "zone"`): a city's total over its zones (大同市开发区) is another kind of subject."""),
    ("code", """import warnings

import matplotlib.pyplot as plt
from matplotlib import font_manager

# Chinese labels need a CJK font; use one if the machine has it (e.g. Debian's fonts-noto-cjk)
cjk = [f.name for f in font_manager.fontManager.ttflist if any(k in f.name for k in ("CJK", "WenQuanYi", "Hei", "Song"))]
if cjk:
    plt.rcParams["font.family"] = cjk[0]
warnings.filterwarnings("ignore", message="Glyph .* missing")

column = "标准地出让面积 (亩)"
by_zone = wide(facts[facts["subject_type"] == "zone"], period="2023", status="actual", aspect="value")
series = pd.to_numeric(by_zone.table[column], errors="coerce").dropna().sort_values()
ax = series.plot.barh(figsize=(7, 0.35 * len(series) + 1), title=column)
ax.set_xlabel("亩")
plt.tight_layout()
plt.show()
series"""),
    ("md", """## 4. What the audit found
Each document's own checks (parts against totals, rates, gaps, repeats, unit slips) are stored at
ingest. Conflicts *across* issues are checked over the whole collection, the same as
`bulletin-facts audit new-issue.txt --db facts.sqlite` does for a new issue."""),
    ("code", """findings = pd.read_sql("SELECT doc, kind, verdict, arithmetic, message FROM findings", store.conn)
print(findings["verdict"].value_counts().to_string())
findings[findings["verdict"] != "consistent"]"""),
    ("code", """from extractor.audit import conflicts

across = [r for r in conflicts(store.facts()) if r.verdict == "conflict"]
for relation in across:
    print(relation.arithmetic, "—", relation.message)"""),
    ("md", """## Elsewhere
The collection is a plain SQLite file: `datasette facts.sqlite` browses it, `pandas.read_sql` reads it
(as above), and DuckDB reads it too (see the README)."""),
    ("code", """store.close()"""),
]


def build() -> nbformat.NotebookNode:
    cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in CELLS]
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "notebooks" / "walkthrough.ipynb"
    nbformat.write(build(), target)
    print(f"wrote {target}")
