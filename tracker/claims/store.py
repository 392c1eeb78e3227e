"""Claims and appearances in the database: every write that creates them, and the
lookups the rest of the tool reads claims through.

Owns the rules for storing an input (``add``: a new claim, or a new appearance of a
given claim, logged). Which stored claim an input is the same as is the judgement's
call (``tracker.judgement``); this module records the decision. Never prints and never
prompts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tracker import events, outlets
from tracker.claims.inputs import ClaimInput, appearance_columns
from tracker.db import chunks
from tracker.errors import NotFound
from tracker.fields import appearance_values
from tracker.judgement.postings import index_claim, post_claims
from tracker.matching.form import alias_map, fingerprint, same_text_form
from tracker.models import Appearance, Claim, Outlet, Relation
from tracker.text import find_hedges


@dataclass
class AddResult:
    claim: Claim
    appearance: Appearance
    created: bool
    relations: list[Relation] = field(default_factory=list)


def new_appearance(session: Session, data: ClaimInput, outlet: Outlet, via: Outlet | None) -> Appearance:
    hedges = list(data.hedges) if data.hedges is not None else find_hedges(f"{data.text} {data.quote or ''}")
    return Appearance(
        outlet=outlet,
        via=via,
        hedges=hedges,
        **appearance_columns(data),
    )


def resolve_outlets(session: Session, data: ClaimInput, create: bool = False) -> tuple[Outlet, Outlet | None]:
    if create:
        outlet, _ = outlets.get_or_create(session, data.outlet)
        via = outlets.get_or_create(session, data.via)[0] if data.via else None
    else:
        outlet = outlets.resolve(session, data.outlet)
        via = outlets.resolve(session, data.via) if data.via else None
    return outlet, via


def add(
    session: Session,
    data: ClaimInput,
    *,
    into: Claim | None = None,
    create_outlets: bool = False,
    norm: str | None = None,
) -> AddResult:
    """Store ``data`` as a new claim, or as a new appearance of ``into``. ``norm``: the new
    claim's matching form, when the caller has folded it already."""
    data = data.checked()
    outlet, via = resolve_outlets(session, data, create=create_outlets)
    appearance = new_appearance(session, data, outlet, via)
    if into is not None:
        into.appearances.append(appearance)
        if data.topics:
            into.topics = list(dict.fromkeys([*(into.topics or []), *data.topics]))
        if data.event_date and not into.event_date:
            into.event_date = data.event_date
        session.flush()
        events.record(
            session,
            "appearance-add",
            into.id,
            appearance=appearance.id,
            outlet=outlet.name,
            key=data.key,
        )
        return AddResult(into, appearance, created=False)
    claim = Claim(
        key=data.key,
        text=data.text,
        norm="",
        fingerprint=fingerprint(data.text),
        event_date=data.event_date,
        topics=list(data.topics),
        appearances=[appearance],
    )
    session.add(claim)
    session.flush()
    if norm is None:
        index_claim(session, claim, alias_map(session))
    else:
        claim.norm = norm
        post_claims(session.connection(), [(claim.id, claim.text, norm)])
    events.record(session, "add", claim.id, text=data.text, outlet=outlet.name, key=data.key)
    return AddResult(claim, appearance, created=True)


def find_same_text(session: Session, text: str) -> Claim | None:
    """The oldest active claim whose text is ``text`` up to case and spacing."""
    fp = fingerprint(text)
    form = same_text_form(text)
    for claim in session.scalars(
        select(Claim).where(Claim.fingerprint == fp, Claim.status == "active").order_by(Claim.id)
    ):
        if same_text_form(claim.text) == form:
            return claim
    return None


def _loaded():
    return (
        selectinload(Claim.appearances).selectinload(Appearance.outlet),
        selectinload(Claim.appearances).selectinload(Appearance.via),
        selectinload(Claim.verdicts),
    )


def get(session: Session, ref: str | int, *, follow_merges: bool = True) -> Claim:
    """A claim by id, key or the key of one of its appearances. A claim merged away
    resolves to the claim that kept it."""
    ref_s = str(ref).strip()
    claim: Claim | None = None
    if ref_s.isdigit():
        claim = session.get(Claim, int(ref_s), options=_loaded())
    if claim is None:
        claim = session.scalar(select(Claim).where(Claim.key == ref_s).options(*_loaded()))
    if claim is None:
        owner = session.scalar(select(Appearance.claim_id).where(Appearance.key == ref_s))
        claim = session.get(Claim, owner, options=_loaded()) if owner is not None else None
    if claim is None:
        raise NotFound(f"No claim with id or key '{ref_s}'; list them with: tracker claim list.")
    seen = set()
    while follow_merges and claim.status == "merged" and claim.merged_into_id and claim.id not in seen:
        seen.add(claim.id)
        claim = session.get(Claim, claim.merged_into_id, options=_loaded())
    return claim


def claims_by_id(session: Session, ids: list[int]) -> dict[int, Claim]:
    """{id: claim} of the claims ``ids``, with their appearances and verdicts, in one query."""
    if not ids:
        return {}
    stmt = select(Claim).where(Claim.id.in_(ids)).options(*_loaded())
    return {c.id: c for c in session.scalars(stmt)}


def list_claims(
    session: Session,
    *,
    outlet: str | None = None,
    topic: str | None = None,
    limit: int | None = None,
) -> list[Claim]:
    stmt = select(Claim).where(Claim.status == "active").options(*_loaded()).order_by(Claim.id)
    if outlet:
        o = outlets.resolve(session, outlet)
        stmt = stmt.where(
            Claim.id.in_(
                select(Appearance.claim_id).where(
                    or_(Appearance.outlet_id == o.id, Appearance.via_outlet_id == o.id)
                )
            )
        )
    if not topic:
        return list(session.scalars(stmt if limit is None else stmt.limit(limit)))
    # Topics are a JSON list: filtered here, reading in batches until the limit is reached.
    t = topic.strip().lower()
    claims: list[Claim] = []
    for c in session.scalars(stmt.execution_options(yield_per=1000)):
        if t in (c.topics or []):
            claims.append(c)
            if limit is not None and len(claims) >= limit:
                break
    return claims


def relations_of(session: Session, claim_ids: list[int]) -> list[Relation]:
    """The relations of these claims (either side), in the order they were made."""
    found: dict[int, Relation] = {}
    for chunk in chunks(claim_ids):
        for r in session.scalars(
            select(Relation).where(or_(Relation.a_id.in_(chunk), Relation.b_id.in_(chunk)))
        ):
            found[r.id] = r
    return [found[i] for i in sorted(found)]


def review_status(claim: Claim, relations: list[Relation]) -> str:
    """What a fact-checker wants to know first: rated, disputed, or not yet reviewed."""
    if claim.status == "merged":
        return "merged"
    if claim.verdicts:
        return "rated"
    for r in relations:
        if r.kind == "contradicts" and r.state != "dismissed" and claim.id in (r.a_id, r.b_id):
            return "disputed"
    return "unreviewed"


def texts_of(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(ids))).all())


def snapshot_claim(session: Session, claim: Claim) -> dict:
    return {
        "id": claim.id,
        "key": claim.key,
        "text": claim.text,
        "event_date": claim.event_date,
        "topics": list(claim.topics or []),
        "appearances": [appearance_values(a) for a in claim.appearances],
        "verdicts": [{"rating": v.rating, "date": v.date, "note": v.note} for v in claim.verdicts],
        "relations": [
            {"a": r.a_id, "b": r.b_id, "kind": r.kind, "state": r.state}
            for r in relations_of(session, [claim.id])
        ],
    }
