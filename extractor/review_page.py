"""The review page: one self-contained HTML file (no network, no CDN) for an editor.

The bulletin's text with every extracted fact highlighted (colour by status; hovering shows the fact's
record), and beside it the audit's findings and verified relations, each linked to its figures: a click
highlights them and scrolls them into view. Every piece of bulletin text is escaped, so a document that
contains markup or script shows it as text and runs nothing.
"""
from __future__ import annotations

import html
import json

STYLE = """
body{margin:0;font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#222;display:flex}
main{flex:3;padding:1em 2em;height:100vh;overflow:auto;box-sizing:border-box}
aside{flex:2;padding:1em;height:100vh;overflow:auto;box-sizing:border-box;background:#f6f6f4;border-left:1px solid #ddd}
h1{font-size:1.2em}h2{font-size:1.05em;margin-top:1.5em}
p.doc{white-space:pre-wrap}
mark{border-radius:3px;padding:0 1px;cursor:help}
mark.actual{background:#d9ecff}mark.target{background:#fff0c2}mark.expected{background:#e8dcff}
mark.flash{outline:3px solid #d33;background:#ffd0d0}
li.finding{margin:.4em 0;padding:.4em;border-radius:4px;cursor:pointer;list-style:none;background:#fff;border:1px solid #ddd}
li.finding:hover{border-color:#888}
.v-inconsistent,.v-conflict{border-left:5px solid #d33!important}
.v-suspicious{border-left:5px solid #e90!important}.v-consistent{border-left:5px solid #3a3!important}
blockquote.elsewhere{margin:.4em 0 0;padding:.3em .6em;background:#fafafa;border-left:3px solid #bbb}
code{font-size:.9em}.legend span{padding:0 .4em;margin-right:.5em;border-radius:3px}
"""

SCRIPT = """
document.querySelectorAll('li.finding').forEach(function (item) {
  item.addEventListener('click', function () {
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
    var ids = item.getAttribute('data-facts').split(' ');
    var first = null;
    ids.forEach(function (id) {
      var mark = document.getElementById(id);
      if (mark) { mark.classList.add('flash'); if (!first) { first = mark; } }
    });
    if (first) { first.scrollIntoView({block: 'center'}); }
  });
});
"""


def _anchor(fact_id: str) -> str:
    return "f-" + "".join(ch if ch.isalnum() else "-" for ch in fact_id)


def _record(fact) -> str:
    keys = ("value", "unit", "metric", "aspect", "subject", "period", "status", "approx", "parent", "start", "end")
    return json.dumps({k: getattr(fact, k) for k in keys}, ensure_ascii=False)


def _document_html(doc) -> str:
    text = doc.text
    parts, pos = [], 0
    for fact in sorted(doc.facts, key=lambda f: f.clean_start):
        if fact.clean_start < pos:
            continue
        parts.append(html.escape(text[pos:fact.clean_start]))
        parts.append(f'<mark id="{_anchor(fact.id)}" class="{html.escape(fact.status or "")}" '
                     f'title="{html.escape(_record(fact), quote=True)}">'
                     f'{html.escape(text[fact.clean_start:fact.clean_end])}</mark>')
        pos = fact.clean_end
    parts.append(html.escape(text[pos:]))
    return f'<h2>{html.escape(doc.id)}</h2>\n<p class="doc">{"".join(parts)}</p>'


def _relation_html(relation, on_page: set[str]) -> str:
    ids = " ".join(_anchor(f["id"]) for f in relation.facts)
    elsewhere = "".join(_quoted_elsewhere(f) for f in relation.facts if f["id"] not in on_page)
    return (f'<li class="finding v-{html.escape(relation.verdict)}" data-facts="{html.escape(ids, quote=True)}">'
            f'<b>{html.escape(relation.verdict)}</b> · {html.escape(relation.kind)}<br>'
            f'<code>{html.escape(relation.arithmetic)}</code><br>{html.escape(relation.message)}{elsewhere}</li>')


def _quoted_elsewhere(fact: dict) -> str:
    """A figure from an earlier issue (audit --db) is not on the page: quote its sentence, figure marked."""
    sentence, figure = fact.get("sentence") or "", "".join((fact.get("quote") or "").split())
    before, found, after = sentence.partition(figure)
    body = (f"{html.escape(before)}<mark class=\"flash\">{html.escape(found)}</mark>{html.escape(after)}"
            if found else html.escape(sentence))
    return f'<blockquote class="elsewhere"><small>{html.escape(fact["doc"])}</small><br>{body}</blockquote>'



def render(docs: list, relations: list) -> str:
    order = {"inconsistent": 0, "conflict": 1, "suspicious": 2, "consistent": 3}
    findings = [r for r in relations if r.verdict != "consistent"]
    verified = [r for r in relations if r.verdict == "consistent"]
    findings.sort(key=lambda r: order[r.verdict])
    on_page = {f.id for d in docs for f in d.facts}
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>bulletin-facts review</title><style>{STYLE}</style></head>
<body>
<main>
<h1>Review: {len(docs)} bulletin(s), {sum(len(d.facts) for d in docs)} facts</h1>
<p class="legend"><span class="actual" style="background:#d9ecff">actual</span><span style="background:#fff0c2">target</span><span style="background:#e8dcff">expected</span> — hover a figure for its record; click a finding to see its figures.</p>
{"".join(_document_html(doc) for doc in docs)}
</main>
<aside>
<h1>Findings ({len(findings)})</h1>
<ul id="findings">{"".join(_relation_html(r, on_page) for r in findings) or "<li>none</li>"}</ul>
<h1>Verified ({len(verified)})</h1>
<ul id="verified">{"".join(_relation_html(r, on_page) for r in verified) or "<li>none</li>"}</ul>
</aside>
<script>{SCRIPT}</script>
</body></html>
"""
