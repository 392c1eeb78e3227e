"""The claim workflow: adding a judged input, editing, deleting, merging and undoing,
each followed by the judgement's re-check where the claim changed.

Owns the writes that follow a decision: ``apply_plan`` stores what
``tracker.judgement.single.plan_add`` found (a new appearance of the claim it is the
same as, or a new claim with its suggested relations); ``edit``, ``merge`` and ``undo``
re-judge the claims they change (``recheck``) and store the suggestions that brings.
Never prints and never prompts: the CLI asks the analyst and passes the answer in.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker import events, relations
from tracker.claims.inputs import check_date, check_text
from tracker.claims.store import AddResult, add, get, relations_of, snapshot_claim
from tracker.errors import InvalidInput, NotFound
from tracker.judgement import single
from tracker.judgement.postings import index_claim
from tracker.matching.form import alias_map, fingerprint
from tracker.matching.index import unpost
from tracker.models import Appearance, Claim, Event, Relation, Verdict


def apply_plan(session: Session, plan: single.Plan, *, merge: bool) -> AddResult:
    """Store the planned input: as an appearance of ``plan.same`` when ``merge``, else as
    a new claim with its suggested duplicates and the contradictions the detectors find
    between it (now stored, with its id) and the rest of its pool."""
    if merge and plan.same is not None:
        return add(session, plan.data, into=plan.same.claim)
    result = add(session, plan.data, norm=plan.norm)
    new = result.claim.id
    rows = [
        relations.suggestion(
            new,
            m.claim.id,
            "duplicate",
            origin="matcher",
            score=m.score,
            reasons=m.reasons or [f"similarity {m.score:.0f}"],
            signals=["duplicate"],
        )
        for m in ([plan.same] if plan.same else []) + plan.suggest
    ]
    # The detectors' verdict on a pair does not depend on the claims' ids, only some of
    # their reasons name them: the members the plan flagged are judged again, with the id.
    found = single.stored_contradictions(session, new, [m.claim.id for m in plan.contradict])
    for cid, signals in sorted(found, key=lambda f: (-max(s.score for s in f[1]), f[0])):
        rows.append(single.pair.contradiction_row(*sorted((new, cid)), signals))
    result.relations.extend(relations.add_new(session, rows))
    return result


def recheck(session: Session, claim: Claim, skip: set[int] = frozenset()) -> list[Relation]:
    """Judge a changed stored claim against its pool again and store the suggestions that
    are new (a pair related with that kind in any state stays as it is); ``skip``:
    claims it is not to be paired with."""
    session.flush()
    dup_rows, contra_rows = single.findings(session, claim)
    added = []
    for row in dup_rows + contra_rows:
        if row["a_id"] in skip or row["b_id"] in skip:
            continue
        a, b = session.get(Claim, row["a_id"]), session.get(Claim, row["b_id"])
        rel = relations.store(
            session,
            a,
            b,
            row["kind"],
            origin=row["origin"],
            score=row["score"],
            reasons=row["reasons"],
            signals=row["signals"],
            log=False,
        )
        if rel is not None:
            added.append(rel)
    return added


# ---------------------------------------------------------------- edit and delete


def edit(
    session: Session,
    ref: str,
    *,
    text: str | None = None,
    event_date: str | None = None,
    topics: list[str] | None = None,
    key: str | None = None,
) -> Claim:
    """Change a claim's canonical text, event date, topics or key; logged with the
    previous values. A new text or event date is judged again (``recheck``)."""
    claim = get(session, ref)
    before: dict = {}
    after: dict = {}
    if text is not None:
        new = check_text(text)
        if new != claim.text:
            before["text"], after["text"] = claim.text, new
            claim.text = new
            claim.fingerprint = fingerprint(new)
            index_claim(session, claim, alias_map(session))
    if event_date is not None:
        new_date = check_date(event_date, "Event date")
        if new_date != claim.event_date:
            before["event_date"], after["event_date"] = claim.event_date, new_date
            claim.event_date = new_date
    if topics is not None:
        new_topics = list(dict.fromkeys(t.strip().lower() for t in topics if t.strip()))
        if new_topics != list(claim.topics or []):
            before["topics"], after["topics"] = list(claim.topics or []), new_topics
            claim.topics = new_topics
    if key is not None:
        new_key = key.strip() or None
        if new_key != claim.key:
            if new_key and session.scalar(select(Claim.id).where(Claim.key == new_key)):
                raise InvalidInput(f"The key '{new_key}' is already used by another claim.")
            before["key"], after["key"] = claim.key, new_key
            claim.key = new_key
    if not after:
        raise InvalidInput("Nothing to change: give --text, --event-date, --topic or --key.")
    claim.updated_at = func.now()
    session.flush()
    suggested = recheck(session, claim) if {"text", "event_date"} & after.keys() else []
    events.record(session, "edit", claim.id, before=before, after=after, suggested=[r.id for r in suggested])
    return claim


def delete(session: Session, ref: str) -> dict:
    """Delete a claim with its appearances, relations and verdicts; the event keeps a
    full copy of what was deleted."""
    claim = get(session, ref, follow_merges=False)
    snapshot = snapshot_claim(session, claim)
    unpost(session.connection(), [claim.id])
    session.delete(claim)
    session.flush()
    events.record(session, "delete", claim.id, claim=snapshot)
    return snapshot


# ---------------------------------------------------------------- merge and undo

_REL_FIELDS = ("id", "a_id", "b_id", "kind", "origin", "signals", "score", "reasons", "state", "note")


def _rel_row(r: Relation) -> dict:
    return {f: getattr(r, f) for f in _REL_FIELDS}


def _move_relations(session: Session, keep: Claim, gone: Claim) -> list[dict]:
    """Move GONE's relations to KEEP (or drop those KEEP has already); the changes, for undo."""
    changes = []
    for r in relations_of(session, [gone.id]):
        other = r.b_id if r.a_id == gone.id else r.a_id
        row = _rel_row(r)
        if other == keep.id or relations.find(session, keep.id, other, r.kind) is not None:
            changes.append({"action": "deleted", "row": row})
            session.delete(r)
        else:
            lo, hi = sorted((keep.id, other))
            changes.append({"action": "moved", "row": row})
            r.a_id, r.b_id = lo, hi
    return changes


def merge(session: Session, keep_ref: str, gone_ref: str, *, check: bool = True) -> tuple[Claim, int]:
    """Fold claim GONE into KEEP: appearances, verdicts and relations move over, GONE is
    kept as a tombstone pointing at KEEP; KEEP, which now has more appearances, is judged
    again (``check``; ``dedupe --yes`` leaves that to the contradiction scan). Returns
    KEEP and the event id (for undo)."""
    keep = get(session, keep_ref)
    gone = get(session, gone_ref)
    if keep.id == gone.id:
        raise InvalidInput(f"Claims '{keep_ref}' and '{gone_ref}' are the same claim; nothing to merge.")
    payload: dict = {
        "keep": keep.id,
        "gone": gone.id,
        "keep_before": {"topics": list(keep.topics or []), "event_date": keep.event_date},
        "appearances": [a.id for a in gone.appearances],
        "verdicts": [v.id for v in gone.verdicts],
    }
    for a in list(gone.appearances):
        a.claim_id = keep.id
    for v in list(gone.verdicts):
        v.claim_id = keep.id
    payload["relations"] = _move_relations(session, keep, gone)
    keep.topics = list(dict.fromkeys([*(keep.topics or []), *(gone.topics or [])]))
    if not keep.event_date and gone.event_date:
        keep.event_date = gone.event_date
    gone.status = "merged"
    gone.merged_into_id = keep.id
    unpost(session.connection(), [gone.id])
    session.flush()
    session.expire(keep)
    session.expire(gone)
    payload["suggested"] = [r.id for r in recheck(session, keep)] if check else []
    event = events.record(session, "merge", keep.id, **payload)
    return keep, event.id


def _undo_merge(session: Session, event: Event) -> str:
    p = event.payload
    keep = session.get(Claim, p["keep"])
    gone = session.get(Claim, p["gone"])
    if gone is None or keep is None or gone.status != "merged" or gone.merged_into_id != keep.id:
        raise InvalidInput(f"Event {event.id} cannot be undone: the claims changed since the merge.")
    for rid in p.get("suggested", []):
        r = session.get(Relation, rid)
        if r is not None and r.state == "suggested":
            session.delete(r)
    for app_id in p["appearances"]:
        app = session.get(Appearance, app_id)
        if app is not None:
            app.claim_id = gone.id
    for vid in p["verdicts"]:
        v = session.get(Verdict, vid)
        if v is not None:
            v.claim_id = gone.id
    session.flush()
    for change in p["relations"]:
        row = change["row"]
        if change["action"] == "moved":
            r = session.get(Relation, row["id"])
            if r is not None:
                r.a_id, r.b_id = row["a_id"], row["b_id"]
        else:
            session.add(Relation(**row))
    keep.topics = p["keep_before"]["topics"]
    keep.event_date = p["keep_before"]["event_date"]
    gone.status = "active"
    gone.merged_into_id = None
    session.flush()
    index_claim(session, gone, alias_map(session))
    recheck(session, gone, skip={keep.id})
    return f"claim {gone.id} is separate from claim {keep.id} again"


def undo(session: Session, event_id: int) -> str:
    """Reverse a merge, link or dismiss recorded as event ``event_id``. A claim a merge
    undone sets apart again is judged again (not against the claim it was merged into)."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"No event {event_id}; recent changes are listed by: tracker log.")
    if event.undone_by:
        raise InvalidInput(f"Event {event_id} was already undone by event {event.undone_by}.")
    if event.action == "merge":
        summary = _undo_merge(session, event)
    elif event.action in ("relation-add", "relation-state", "link", "dismiss"):
        relations.undo(session, event.payload)
        summary = f"the {event.action} of claims {event.claim_id} and {event.payload.get('other')} is undone"
    else:
        raise InvalidInput(
            f"Event {event_id} is a '{event.action}'; only merges, links and dismissals can be undone."
        )
    session.flush()
    done = events.record(session, "undo", event.claim_id, event=event_id, undone=event.action)
    event.undone_by = done.id
    session.flush()
    session.expire_all()
    return summary
