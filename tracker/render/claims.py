"""Rich views of claims: the list table and the provenance tree of ``claim show``."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from tracker.models import Claim, Relation
from tracker.render import data


def _speaker(a, grade: str | None = None) -> Text:
    if not a.speaker:
        return Text("anonymous" if a.anonymous else "—", style="dim")
    t = data(a.speaker)
    if a.anonymous:
        t.append(" (anonymous)", style="dim")
    elif grade:
        t.append(f" (graded {grade})", style="dim")
    return t


def claims_table(claims: list[Claim], statuses: dict[int, str]) -> Table:
    table = Table(title=f"{len(claims)} claim(s)", show_lines=False)
    table.add_column("id", justify="right", style="cyan")
    table.add_column("claim", ratio=3)
    table.add_column("outlets", ratio=1)
    table.add_column("first seen")
    table.add_column("status")
    for c in claims:
        outlets = sorted({a.outlet.name for a in c.appearances})
        dates = sorted(a.published for a in c.appearances if a.published)
        table.add_row(
            str(c.id),
            data(c.text),
            data(", ".join(outlets)),
            dates[0] if dates else "—",
            statuses.get(c.id, ""),
        )
    return table


def claim_tree(
    claim: Claim,
    status: str,
    relations: list[Relation],
    texts: dict[int, str],
    assessed=None,
    speaker_grade: Callable[[str | None, bool], str | None] | None = None,
) -> Tree:
    """The provenance tree; ``assessed`` (a credibility Assessment) adds the independent
    origins and the credibility grade, ``speaker_grade`` the grades of named speakers."""
    head = Text(f"claim {claim.id} ", style="bold cyan")
    if claim.key:
        head.append(f"[{claim.key}] ", style="dim")
    head.append(f"({status})", style="yellow")
    tree = Tree(head)
    tree.add(data(claim.text, "bold"))
    meta = []
    if claim.event_date:
        meta.append(f"event date {claim.event_date}")
    if claim.topics:
        meta.append("topics " + ", ".join(claim.topics))
    if meta:
        tree.add(data("; ".join(meta), "dim"))
    apps = tree.add(Text(f"appearances ({len(claim.appearances)})", style="bold"))
    for a in claim.appearances:
        line = data(a.outlet.name, "green")
        line.append(f"  {a.published or 'undated'}", style="dim")
        line.append("  stance ")
        line.append(a.stance)
        node = apps.add(line)
        sp = Text("speaker: ")
        sp.append_text(_speaker(a, speaker_grade(a.speaker, a.anonymous) if speaker_grade else None))
        if a.speaker_count:
            sp.append(f" ×{a.speaker_count}")
        node.add(sp)
        if a.via:
            node.add(Text("via ").append_text(data(a.via.name, "green")))
        if a.url:
            node.add(data(a.url, "blue"))
        if a.quote:
            node.add(Text("quote: “").append_text(data(a.quote)).append("”"))
        if a.hedges:
            node.add(Text("hedges: ").append_text(data(", ".join(a.hedges), "magenta")))
    if assessed is not None:
        o = tree.add(Text(f"independent origins ({len(assessed.origins)})", style="bold"))
        for origin in assessed.origins:
            members = ", ".join(sorted(origin.outlets))
            o.add(data(origin.key, "green").append_text(data(f"  ← {members}", "dim")))
        from tracker.credibility import CREDIBILITY_LABELS

        label = CREDIBILITY_LABELS.get(assessed.grade, "")
        cred = tree.add(Text(f"credibility {assessed.grade} ({label})", style="bold"))
        for reason in assessed.reasons:
            cred.add(data(reason))
        if assessed.unverified:
            cred.add(data("unverified: " + ", ".join(assessed.unverified), "magenta"))
    if relations:
        rel = tree.add(Text(f"relations ({len(relations)})", style="bold"))
        for r in relations:
            other = r.b_id if r.a_id == claim.id else r.a_id
            t = Text(f"{r.kind} ", style="red" if r.kind == "contradicts" else "yellow")
            t.append(f"claim {other} ", style="cyan")
            t.append(f"({r.state}, {r.origin}")
            t.append(f", score {r.score:.0f})" if r.score is not None else ")")
            node = rel.add(t)
            node.add(data(texts.get(other, ""), "dim"))
            for reason in r.reasons or []:
                node.add(data(reason, "italic"))
    if claim.verdicts:
        ver = tree.add(Text("verdicts (latest last)", style="bold"))
        for v in claim.verdicts:
            t = Text(f"{v.date or ''} ")
            t.append(v.rating, style="bold")
            t.append_text(data(f"  by {v.reviewer}" if v.reviewer else ""))
            if v.evidence_url:
                t.append_text(data(f"  {v.evidence_url}", "blue"))
            if v.note:
                t.append_text(data(f"  — {v.note}"))
            ver.add(t)
    return tree


def found_table(plan) -> Table:
    table = Table(title="Found among the stored claims", title_justify="left")
    table.add_column("claim", justify="right", style="cyan")
    table.add_column("score", justify="right")
    table.add_column("as")
    table.add_column("text")
    table.add_column("outlet / date")
    for m in plan.found:
        first = m.claim.appearances[0] if m.claim.appearances else None
        where = f"{first.outlet.name} {first.published or ''}" if first else ""
        kind = "same claim" if m is plan.same else m.kind
        table.add_row(str(m.claim.id), f"{m.score:.0f}", kind, data(m.claim.text), data(where))
    return table


def add_summary(result) -> Text:
    c = result.claim
    if result.created:
        t = Text(f"Stored claim {c.id}", style="bold green")
    else:
        t = Text(f"Recorded a new appearance of claim {c.id}", style="bold green")
    t.append(f" ({len(c.appearances)} appearance(s))")
    for r in result.relations:
        other = r.b_id if r.a_id == c.id else r.a_id
        t.append(f"\n  suggested {r.kind} with claim {other}", style="yellow")
        if r.reasons:
            t.append_text(data(f": {'; '.join(r.reasons)}"))
    return t


def search_table(query: str, found) -> Table:
    table = Table(title=Text(f"{len(found)} claim(s) matching ") + data(query), title_justify="left")
    table.add_column("id", justify="right", style="cyan")
    table.add_column("score", justify="right")
    table.add_column("claim")
    table.add_column("outlets")
    for claim, score in found:
        table.add_row(
            str(claim.id),
            f"{score:.0f}",
            data(claim.text),
            data(", ".join(sorted({a.outlet.name for a in claim.appearances}))),
        )
    return table


def similar_table(text: str, found, title: str = "Closest stored claims to: ") -> Table:
    table = Table(title=Text(title) + data(text), title_justify="left")
    table.add_column("id", justify="right", style="cyan")
    table.add_column("score", justify="right")
    table.add_column("judgement")
    table.add_column("claim")
    table.add_column("why")
    for claim, s in found:
        why = "; ".join(s.judgement.reasons) or f"similarity {s.score:.0f}"
        table.add_row(str(claim.id), f"{s.score:.0f}", s.verdict, data(claim.text), data(why))
    return table


def cluster_panel(n: int, total: int, cluster, members: list[Claim]):
    from rich.panel import Panel

    body = Text()
    for c in members:
        first = c.appearances[0] if c.appearances else None
        body.append(f"{c.id:>7} ", style="cyan")
        body.append_text(data(c.text))
        if first:
            body.append_text(data(f"  ({first.outlet.name} {first.published or ''})", "dim"))
        body.append("\n")
    for p in cluster.pairs:
        body.append(f"  {p.a}–{p.b} score {p.score:.0f}: ", style="dim")
        body.append(
            "merge" if p.kind == "same" else "suggest", style="bold" if p.kind == "same" else "yellow"
        )
        body.append("\n")
    return Panel(body, title=f"cluster {n}/{total}: keep claim {cluster.keep}", title_align="left")


def candidate_panel(n: int, total: int, c):
    from rich.panel import Panel

    body = Text()
    body.append("sentence: ", style="bold")
    body.append_text(data(c.sentence))
    body.append("\nclaim:    ", style="bold")
    body.append_text(data(c.text))
    body.append("\nspeaker:  ", style="bold")
    body.append_text(data(c.speaker or "—"))
    if c.anonymous:
        body.append(" (anonymous)", style="dim")
    if c.via:
        body.append("\nvia:      ", style="bold")
        body.append_text(data(c.via, "green"))
    body.append(f"\nstance:   {c.stance}")
    if c.hedges:
        body.append("\nhedges:   ", style="bold")
        body.append_text(data(", ".join(c.hedges), "magenta"))
    return Panel(body, title=f"candidate {n}/{total} ({c.verb})", title_align="left")
