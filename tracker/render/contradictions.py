"""The contradiction report and the side-by-side compare view."""

from __future__ import annotations

from rich.columns import Columns
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tracker.render import data
from tracker.render.report import ReportDoc, Section


def _side(claim) -> str:
    lines = [claim.text]
    for a in claim.appearances:
        who = a.speaker or ("anonymous" if a.anonymous else "no speaker named")
        if a.anonymous and a.speaker:
            who += " (anonymous)"
        via = f", via {a.via.name}" if a.via else ""
        lines.append(f"— {a.outlet.name}, {a.published or 'undated'}: {who}{via}")
    if claim.verdict:
        lines.append(f"verdict: {claim.verdict.rating}")
    return "\n".join(lines)


def report_doc(items, include_dismissed: bool) -> ReportDoc:
    doc = ReportDoc("Contradictions")
    sections: dict[str, Section] = {}
    for it in items:
        sec = sections.get(it.topic)
        if sec is None:
            sec = sections[it.topic] = Section(
                f"Topic: {it.topic}", ["pair", "claim A", "claim B", "why", "state"], styles={"pair": "cyan"}
            )
            doc.sections.append(sec)
        why = ", ".join(it.kinds)
        if it.score is not None:
            why += f" ({it.tier}, score {it.score:.0f})" if it.tier else f" (score {it.score:.0f})"
        if it.reasons:
            why += "\n" + "\n".join(it.reasons)
        sec.rows.append([f"{it.a.id} / {it.b.id}", _side(it.a), _side(it.b), why, it.state])
    if not items:
        doc.intro.append("No contradictions found.")
    doc.intro.append(
        f"{len(items)} pair(s)"
        + ("" if include_dismissed else "; dismissed pairs hidden (--all shows them)")
        + ". Act on a pair with: tracker link A B --contradicts, tracker dismiss A B, tracker compare A B."
    )
    return doc


def _diff(a_words: list[str], b_words: list[str]) -> tuple[Text, Text]:
    """Both texts with the words the other lacks highlighted."""
    import difflib

    ta, tb = Text(), Text()
    sm = difflib.SequenceMatcher(
        a=[w.lower() for w in a_words], b=[w.lower() for w in b_words], autojunk=False
    )
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        chunk_a = " ".join(a_words[i1:i2])
        chunk_b = " ".join(b_words[j1:j2])
        style_a = "" if op == "equal" else "bold red"
        style_b = "" if op == "equal" else "bold green"
        if chunk_a:
            ta.append_text(data(chunk_a + " ", style_a))
        if chunk_b:
            tb.append_text(data(chunk_b + " ", style_b))
    return ta, tb


def compare_view(cmp) -> Group:
    ta, tb = _diff(cmp.a.text.split(), cmp.b.text.split())
    panels = []
    for label, claim, text, facts in (("A", cmp.a, ta, cmp.facts_a), ("B", cmp.b, tb, cmp.facts_b)):
        body = Text()
        body.append_text(text)
        body.append("\n\nnumbers: ", style="bold")
        body.append_text(data(", ".join(facts["numbers"]) or "—"))
        body.append("\nnames: ", style="bold")
        body.append_text(data(", ".join(facts["names"]) or "—"))
        body.append("\npredicates: ", style="bold")
        body.append_text(data(", ".join(facts["predicates"]) or "—"))
        for a in claim.appearances:
            body.append("\n")
            body.append_text(data(f"{a.outlet.name} {a.published or 'undated'}", "green"))
            who = a.speaker or ("anonymous" if a.anonymous else "")
            if who:
                body.append_text(data(f" — {who}" + (" (anonymous)" if a.anonymous and a.speaker else "")))
            if a.via:
                body.append_text(data(f", via {a.via.name}"))
        body.append("\nverdict: ", style="bold")
        body.append(claim.verdict.rating if claim.verdict else "none")
        title = Text(f"{label}: claim {claim.id}")
        if claim.event_date:
            title.append(f" (event {claim.event_date})")
        panels.append(Panel(body, title=title, title_align="left"))
    scores = Table(title="similarity", title_justify="left", show_header=False)
    for name, value in cmp.scores.items():
        scores.add_row(name, f"{value:.0f}")
    signals = Table(title="contradiction signals", title_justify="left")
    signals.add_column("detector")
    signals.add_column("score", justify="right")
    signals.add_column("reasons")
    for s in cmp.signals:
        signals.add_row(s.kind, f"{s.score:.0f}", data("\n".join(s.reasons)))
    if not cmp.signals:
        signals.add_row(
            "none",
            "",
            Text(
                "no detector fires on this pair"
                + ("" if cmp.plausible else " (not a plausible pair: no shared names or different periods)")
            ),
        )
    parts = [Columns(panels, equal=True, expand=True), scores, signals]
    if cmp.relations:
        rel = Table(title="stored relations", title_justify="left")
        for col in ("kind", "state", "origin", "note"):
            rel.add_column(col)
        for r in cmp.relations:
            rel.add_row(r.kind, r.state, r.origin, data(r.note or ""))
        parts.append(rel)
    return Group(*parts)
