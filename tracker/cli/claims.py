"""`tracker claim add|list|show` (and the rest of the claim workflow)."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker import fields
from tracker.cli.common import JsonOpt, NoInputOpt, YesOpt, info, interactive, print_json, session

app = typer.Typer(help="Claims: add, list, show, search, edit, delete.", no_args_is_help=True)

CLOSEST = 3
"""How many of the closest other stored claims ``claim add`` shows under a claim, below
every threshold too (``claim similar`` lists more)."""

LIST_LIMIT = 100
"""Claims ``claim list`` shows unless told otherwise: a database of a million claims is
no list to print whole by accident."""


def _field_option(name: str, *short: str) -> typer.models.OptionInfo:
    """The option that sets the claim line's field ``name``, as ``tracker.fields`` names it."""
    return typer.Option(fields.claim_field(name).option, *short, help=fields.option_help(name))


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The claim: one assertion in one sentence.")],
    outlet: Annotated[str, _field_option("outlet", "-o")],
    date: Annotated[str | None, _field_option("published", "-d")] = None,
    url: Annotated[str | None, _field_option("url")] = None,
    speaker: Annotated[str | None, _field_option("speaker", "-s")] = None,
    role: Annotated[str | None, _field_option("speaker_role")] = None,
    anonymous: Annotated[bool, _field_option("anonymous")] = False,
    count: Annotated[int | None, _field_option("speaker_count")] = None,
    via: Annotated[str | None, _field_option("via")] = None,
    quote: Annotated[str | None, _field_option("quote")] = None,
    stance: Annotated[str, _field_option("stance")] = "asserts",
    topic: Annotated[list[str] | None, _field_option("topics", "-t")] = None,
    event_date: Annotated[str | None, _field_option("event_date")] = None,
    key: Annotated[str | None, _field_option("key")] = None,
    yes: YesOpt = False,
    no_input: NoInputOpt = False,
    json_: JsonOpt = False,
) -> None:
    """Add a claim, or a new appearance of a claim already stored."""
    from tracker import claims
    from tracker.claims import workflow
    from tracker.judgement import single
    from tracker.judgement.similar import similar as closest
    from tracker.render import console
    from tracker.render.claims import add_summary, found_table, similar_table
    from tracker.render.jsonout import claim_add_dict

    data = claims.ClaimInput(
        text=text,
        outlet=outlet,
        published=date,
        url=url,
        speaker=speaker,
        speaker_role=role,
        anonymous=anonymous,
        speaker_count=count,
        via=via,
        quote=quote,
        stance=stance,
        topics=tuple(topic or ()),
        event_date=event_date,
        key=key,
    )
    with session(ctx) as s:
        plan = single.plan_add(s, data)
        out = console(stderr=json_)
        if plan.found:
            out.print(found_table(plan))
        merge = plan.same is not None
        if merge and interactive(yes, no_input):
            merge = typer.confirm(
                f"Record this as a new appearance of claim {plan.same.claim.id}?",
                default=True,
                err=True,
            )
        result = workflow.apply_plan(s, plan, merge=merge)
        near = closest(s, result.claim.text, exclude=result.claim.id, limit=CLOSEST)
        loaded = claims.claims_by_id(s, [f.claim_id for f in near])
        rows = [(loaded[f.claim_id], f) for f in near]
        if json_:
            print_json(claim_add_dict(result, rows))
        else:
            out.print(add_summary(result))
            if rows:
                out.print(
                    similar_table(result.claim.text, rows, f"The {len(rows)} closest stored claims to: ")
                )


@app.command("list")
def list_(
    ctx: typer.Context,
    outlet: Annotated[str | None, typer.Option(help="Only claims carried by this outlet.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only claims with this topic.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many claims (oldest first).")] = LIST_LIMIT,
    all_: Annotated[
        bool, typer.Option("--all", help="Every claim, however many (overrides --limit).")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """List claims with their outlets, oldest first: the first 100 unless --limit or --all
    says otherwise (a note on stderr says when more are left out)."""
    from tracker import claims
    from tracker.render import console
    from tracker.render.claims import claims_table
    from tracker.render.jsonout import claim_dict

    with session(ctx) as s:
        rows = claims.list_claims(s, outlet=outlet, topic=topic, limit=None if all_ else limit + 1)
        more = len(rows) > limit and not all_
        rows = rows[:limit] if more else rows
        rels = claims.relations_of(s, [c.id for c in rows])
        statuses = {c.id: claims.review_status(c, rels) for c in rows}
        if json_:
            print_json([claim_dict(c, statuses[c.id]) for c in rows])
        else:
            console().print(claims_table(rows, statuses))
        if more:
            info(f"Showing the first {limit} matching claims; --limit N or --all for more.")


@app.command("show")
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id or key.")],
    json_: JsonOpt = False,
) -> None:
    """Show a claim's provenance: appearances, outlets, speakers, via chains, independent
    origins, credibility, relations and verdict history."""
    from tracker import claims, credibility, speakers
    from tracker.render import console
    from tracker.render.claims import claim_tree
    from tracker.render.jsonout import claim_show_dict

    with session(ctx) as s:
        claim = claims.get(s, ref)
        rels = claims.relations_of(s, [claim.id])
        status = claims.review_status(claim, rels)
        others = claims.texts_of(s, [r.b_id if r.a_id == claim.id else r.a_id for r in rels])
        assessed = credibility.assess_one(s, claim.id).assessment
        if json_:
            print_json(claim_show_dict(claim, status, rels, assessed))
        else:
            console().print(claim_tree(claim, status, rels, others, assessed, speakers.lookup(s)))


@app.command("search")
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words or names to look for; spellings are folded.")],
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 20,
    json_: JsonOpt = False,
) -> None:
    """Find claims by words and names, however the names are spelled."""
    from tracker import claims
    from tracker.matching import search as matching_search
    from tracker.render import console
    from tracker.render.claims import search_table
    from tracker.render.jsonout import search_hit_dict

    with session(ctx) as s:
        hits = matching_search.search(s, query, limit=limit)
        loaded = claims.claims_by_id(s, [cid for cid, _ in hits])
        found = [(loaded[cid], score) for cid, score in hits]
        if json_:
            print_json([search_hit_dict(c, score) for c, score in found])
        else:
            console().print(search_table(query, found))


@app.command("similar")
def similar(
    ctx: typer.Context,
    ref: Annotated[
        str | None, typer.Argument(metavar="[CLAIM]", help="Claim id or key (or give --text).")
    ] = None,
    text: Annotated[str | None, typer.Option(help="A claim's wording, stored or not.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many claims.")] = 10,
    json_: JsonOpt = False,
) -> None:
    """The stored claims closest to a claim or a text, ranked, with what the pipeline
    makes of each pair (the same claim, possibly the same, a contradiction candidate or
    related) and why.

    Example: tracker claim similar ap-ghaani-calm --limit 3"""
    from tracker import claims
    from tracker.errors import InvalidInput
    from tracker.judgement.similar import similar as closest
    from tracker.render import console
    from tracker.render.claims import similar_table
    from tracker.render.jsonout import similar_dict

    if (ref is None) == (text is None):
        raise InvalidInput("Give a claim id or key, or --text, not both.")
    with session(ctx) as s:
        claim = claims.get(s, ref) if ref is not None else None
        wording = claim.text if claim is not None else text
        found = closest(s, wording, exclude=claim.id if claim is not None else None, limit=limit)
        loaded = claims.claims_by_id(s, [f.claim_id for f in found])
        rows = [(loaded[f.claim_id], f) for f in found]
        if json_:
            print_json(similar_dict(claim, wording, rows))
        else:
            console().print(similar_table(wording, rows))


@app.command("edit")
def edit(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id or key.")],
    text: Annotated[str | None, typer.Option(help="New canonical text.")] = None,
    event_date: Annotated[str | None, typer.Option("--event-date", help="YYYY[-MM[-DD]]")] = None,
    topic: Annotated[
        list[str] | None, typer.Option("--topic", "-t", help="Replace the topics (repeatable).")
    ] = None,
    key: Annotated[str | None, typer.Option(help="New external key.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Change a claim's text, event date, topics or key (logged with the old values)."""
    from tracker.claims import workflow
    from tracker.render import console, data
    from tracker.render.jsonout import claim_dict

    with session(ctx) as s:
        claim = workflow.edit(s, ref, text=text, event_date=event_date, topics=topic, key=key)
        if json_:
            print_json(claim_dict(claim))
        else:
            console().print(data(f"Claim {claim.id} updated: {claim.text}"))


@app.command("delete")
def delete(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id or key.")],
    yes: YesOpt = False,
    no_input: NoInputOpt = False,
) -> None:
    """Delete a claim with its appearances, relations and verdicts (the log keeps a copy)."""
    from tracker import claims
    from tracker.claims import workflow
    from tracker.render import console, data

    with session(ctx) as s:
        claim = claims.get(s, ref, follow_merges=False)
        if interactive(yes, no_input) and not typer.confirm(
            f"Delete claim {claim.id} and its {len(claim.appearances)} appearance(s)?",
            default=False,
            err=True,
        ):
            raise typer.Exit(1)
        snap = workflow.delete(s, ref)
        console().print(data(f"Deleted claim {snap['id']}: {snap['text']}"))
