"""`tracker link|dismiss|merge|undo|dedupe`: keeping one claim per assertion."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, NoInputOpt, YesOpt, info, interactive, print_json, session

Ref = Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id or key.")]


def link(
    ctx: typer.Context,
    a: Ref,
    b: Ref,
    duplicate: Annotated[bool, typer.Option("--duplicate", help="The two say the same thing.")] = False,
    supports: Annotated[bool, typer.Option("--supports", help="One supports the other.")] = False,
    contradicts: Annotated[bool, typer.Option("--contradicts", help="They cannot both be true.")] = False,
    note: Annotated[str | None, typer.Option(help="Why (shown in reports).")] = None,
) -> None:
    """Link two claims by hand (a confirmed relation, origin analyst)."""
    from tracker import claims, relations
    from tracker.errors import InvalidInput
    from tracker.render import console

    kinds = [
        k for k, on in (("duplicate", duplicate), ("supports", supports), ("contradicts", contradicts)) if on
    ]
    if len(kinds) != 1:
        raise InvalidInput(
            "Say how the claims relate: exactly one of --duplicate, --supports, --contradicts."
        )
    with session(ctx) as s:
        ca, cb = claims.get(s, a), claims.get(s, b)
        rel, event_id = relations.link(s, ca, cb, kinds[0], note)
        console().print(
            f"Linked claims {rel.a_id} and {rel.b_id}: {rel.kind} (event {event_id}; "
            f"undo with: tracker undo {event_id})"
        )


def dismiss(ctx: typer.Context, a: Ref, b: Ref) -> None:
    """Dismiss the suggested relations between two claims; they are not suggested again."""
    from tracker import claims, relations
    from tracker.render import console

    with session(ctx) as s:
        rels, event_id = relations.dismiss(s, claims.get(s, a), claims.get(s, b))
        kinds = ", ".join(sorted({r.kind for r in rels}))
        console().print(
            f"Dismissed {kinds} between claims {rels[0].a_id} and {rels[0].b_id} "
            f"(event {event_id}; undo with: tracker undo {event_id})"
        )


def merge(ctx: typer.Context, keep: Ref, gone: Ref) -> None:
    """Merge claim GONE into KEEP: appearances, verdicts and relations move over (logged)."""
    from tracker.claims import workflow
    from tracker.render import console

    with session(ctx) as s:
        kept, event_id = workflow.merge(s, keep, gone)
        console().print(f"Merged into claim {kept.id} (event {event_id}; undo with: tracker undo {event_id})")


def undo(
    ctx: typer.Context,
    event: Annotated[int, typer.Argument(help="Event id (printed by merge, link, dismiss).")],
) -> None:
    """Reverse a merge, link or dismissal."""
    from tracker.claims import workflow
    from tracker.render import console

    with session(ctx) as s:
        summary = workflow.undo(s, event)
        console().print(f"Undone event {event}: {summary}.")


def dedupe(
    ctx: typer.Context,
    yes: YesOpt = False,
    no_input: NoInputOpt = False,
    json_: JsonOpt = False,
) -> None:
    """Find near-duplicate clusters over the whole database; review them one by one, or
    apply the merge rule to all with --yes. --json lists the clusters and changes nothing."""
    from tracker import claims
    from tracker import dedupe as core
    from tracker.render import console
    from tracker.render.claims import cluster_panel
    from tracker.render.jsonout import clusters_list

    with session(ctx) as s:
        found = core.find_clusters(s, progress=None if json_ else info)
        if json_:
            print_json(clusters_list([[claims.get(s, str(i)) for i in c.ids] for c in found]))
            return
        out = console()
        if not found:
            out.print("No near-duplicate clusters.")
            return
        ask = interactive(yes, no_input)
        merged = suggested = 0
        for n, cluster in enumerate(found, 1):
            members = [claims.get(s, str(i)) for i in cluster.ids]
            out.print(cluster_panel(n, len(found), cluster, members))
            if ask:
                choice = (
                    typer.prompt(
                        "Apply the merge rule to this cluster? [y]es / [n]o / [q]uit", default="y", err=True
                    )
                    .strip()
                    .lower()
                )
                if choice.startswith("q"):
                    break
                if not choice.startswith("y"):
                    continue
            elif not yes:
                continue
            done = core.apply(s, cluster)
            merged += len(done)
            suggested += sum(1 for p in cluster.pairs if p.kind == "suggest")
        if yes or ask:
            out.print(f"{merged} merge(s), {suggested} suggested duplicate relation(s) recorded.")
        else:
            out.print(f"{len(found)} cluster(s). Review them interactively, or apply with --yes.")


def register(app: typer.Typer) -> None:
    for fn in (compare, link, dismiss, merge, undo, dedupe, verdict):
        app.command(fn.__name__)(fn)


def verdict(
    ctx: typer.Context,
    ref: Ref,
    rating: Annotated[str, typer.Argument(help="true, mostly-true, mixed, mostly-false, false or unproven.")],
    evidence: Annotated[str | None, typer.Option(help="URL of the evidence.")] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    date: Annotated[str | None, typer.Option(help="Date of the verdict (default today).")] = None,
) -> None:
    """Rate a claim. Earlier verdicts are kept as history; the latest is current."""
    from tracker import claims, verdicts
    from tracker.render import console, data

    with session(ctx) as s:
        claim = claims.get(s, ref)
        v = verdicts.add(s, claim, rating, evidence_url=evidence, note=note, day=date)
        console().print(
            data(f"Claim {claim.id} rated {v.rating} ({len(claim.verdicts)} verdict(s) in its history).")
        )


def compare(ctx: typer.Context, a: Ref, b: Ref, json_: JsonOpt = False) -> None:
    """Two claims side by side: differing words highlighted, numbers, names and predicates
    on each side, similarity scores, outlets, speakers, dates, verdicts, and every
    contradiction signal the detectors raise."""
    from tracker.judgement import report
    from tracker.render import console
    from tracker.render.contradictions import compare_view
    from tracker.render.jsonout import compare_dict

    with session(ctx) as s:
        cmp = report.compare(s, a, b)
        if json_:
            print_json(compare_dict(cmp))
            return
        console().print(compare_view(cmp))
