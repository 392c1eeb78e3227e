"""The claim workflow: validate, add, look up, list (SPEC §2, §3).

Owns the rules for what a claim and an appearance may hold, and every write to claims
and appearances. Matching (``tracker.matching``) decides *which* stored claim a new text
is; this module records the decision. Never prints and never prompts: the CLI asks the
analyst and passes the answer in.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tracker import events, outlets
from tracker.errors import InvalidInput, NotFound
from tracker.models import MAX_TEXT, STANCES, Appearance, Claim, Outlet, Relation

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def same_text_form(text: str) -> str:
    """The form in which two texts count as the same words: case and spacing ignored
    (runs of Unicode whitespace become one space, as ``re``'s ``\\s+`` would)."""
    return " ".join(text.split()).casefold()


def fingerprint(text: str) -> str:
    return hashlib.sha1(same_text_form(text).encode("utf-8")).hexdigest()


def check_text(text: str | None, what: str = "Claim text") -> str:
    if text is None or not text.strip():
        raise InvalidInput(f"{what} is empty; give the sentence to store.")
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"{what} is {len(text):,} characters long; the limit is {MAX_TEXT:,}: store one "
            "sentence per claim."
        )
    if "\x00" in text:
        raise InvalidInput(f"{what} contains a NUL character; remove it and try again.")
    return text


def check_date(value: str | None, what: str = "Date") -> str | None:
    """A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD), checked for being a real date."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if _real_date(value):
        return value
    raise InvalidInput(f"{what} '{value}' is not a valid date; use YYYY-MM-DD, YYYY-MM or YYYY.")


@lru_cache(maxsize=65536)
def _real_date(value: str) -> bool:
    # Cached: an import meets the same few thousand dates again and again.
    m = _DATE.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            date(y, mo, d)
            return True
        except ValueError:
            pass
    return False


def check_stance(value: str | None) -> str:
    if value is None or value == "":
        return "asserts"
    v = value.strip().lower()
    if v not in STANCES:
        raise InvalidInput(f"Stance '{value}' is not one of {', '.join(STANCES)}.")
    return v


def _at(name: str, exc: InvalidInput) -> InvalidInput:
    exc.field = name
    return exc


def _field(name: str, check: Callable[..., Any], *args: Any) -> Any:
    """``check(*args)``, its InvalidInput marked with the field name."""
    try:
        return check(*args)
    except InvalidInput as exc:
        raise _at(name, exc) from None


@dataclass(frozen=True)
class ClaimInput:
    """What a person (or an import line) says about one appearance of a claim."""

    text: str
    outlet: str
    published: str | None = None
    url: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    anonymous: bool = False
    speaker_count: int | None = None
    via: str | None = None
    quote: str | None = None
    stance: str = "asserts"
    topics: tuple[str, ...] = ()
    event_date: str | None = None
    key: str | None = None
    hedges: tuple[str, ...] | None = None

    def checked(self) -> ClaimInput:
        """A copy with every field validated and tidied; raises InvalidInput, with the
        name of the field at fault in its ``field`` attribute."""
        if not self.outlet or not self.outlet.strip():
            raise _at("outlet", InvalidInput("An outlet is required: say which outlet carried the claim."))
        if self.speaker_count is not None and self.speaker_count < 1:
            raise _at("speaker_count", InvalidInput("Speaker count must be a positive number."))
        topics = tuple(dict.fromkeys(t.strip().lower() for t in self.topics if t and t.strip()))
        tidy = dict(
            text=_field("text", check_text, self.text),
            outlet=self.outlet.strip(),
            published=_field("published", check_date, self.published, "Published date"),
            event_date=_field("event_date", check_date, self.event_date, "Event date"),
            stance=_field("stance", check_stance, self.stance),
            via=(self.via or "").strip() or None,
            speaker=(self.speaker or "").strip() or None,
            key=(self.key or "").strip() or None,
            topics=topics,
        )
        mine = vars(self)
        if all(mine[name] == value for name, value in tidy.items()):
            return self  # already tidy (an import line usually is): no copy to make
        # dataclasses.replace, without its field introspection (an import calls this per line)
        return ClaimInput(**mine | tidy)


@dataclass
class AddResult:
    claim: Claim
    appearance: Appearance
    created: bool
    relations: list[Relation] = field(default_factory=list)


def new_appearance(session: Session, data: ClaimInput, outlet: Outlet, via: Outlet | None) -> Appearance:
    from tracker.normalize import find_hedges

    hedges = list(data.hedges) if data.hedges is not None else find_hedges(f"{data.text} {data.quote or ''}")
    return Appearance(
        outlet=outlet,
        via=via,
        key=data.key,
        published=data.published,
        url=data.url,
        speaker=data.speaker,
        speaker_role=data.speaker_role,
        anonymous=bool(data.anonymous),
        speaker_count=data.speaker_count,
        quote=data.quote,
        stance=data.stance,
        hedges=hedges,
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
    aliases: dict[str, str] | None = None,
) -> AddResult:
    """Store ``data`` as a new claim, or as a new appearance of ``into``."""
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
    from tracker import matching

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
    matching.index_claim(session, claim, aliases)
    events.record(session, "add", claim.id, text=data.text, outlet=outlet.name, key=data.key)
    return AddResult(claim, appearance, created=True)


def find_same_text(session: Session, text: str) -> Claim | None:
    """An active claim whose text is ``text`` up to case and spacing."""
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
    """A claim by id or key. A claim merged away resolves to the claim that kept it."""
    ref_s = str(ref).strip()
    claim: Claim | None = None
    if ref_s.isdigit():
        claim = session.get(Claim, int(ref_s), options=_loaded())
    if claim is None:
        claim = session.scalar(select(Claim).where(Claim.key == ref_s).options(*_loaded()))
    if claim is None:
        raise NotFound(f"No claim with id or key '{ref_s}'; list them with: tracker claim list.")
    seen = set()
    while follow_merges and claim.status == "merged" and claim.merged_into_id and claim.id not in seen:
        seen.add(claim.id)
        claim = session.get(Claim, claim.merged_into_id, options=_loaded())
    return claim


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
    from tracker.db import chunks

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


@dataclass
class Plan:
    """What ``add`` found before storing: a claim the input is the same as (above the
    merge threshold), near-duplicates to suggest, and contradiction candidates."""

    data: ClaimInput
    same: Match | None = None
    suggest: list[Match] = field(default_factory=list)
    contradict: list[Match] = field(default_factory=list)
    found: list[Match] = field(default_factory=list)


@dataclass
class Match:
    claim: Claim
    score: float
    kind: str = "duplicate"  # duplicate | contradiction
    reasons: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)


def plan_add(session: Session, data: ClaimInput) -> Plan:
    """Look for the stored claims a new input is, resembles or contradicts, before
    storing it: the matcher ranks near-duplicates, and every contradiction detector runs
    on the best index candidates."""
    from tracker import detection, matching
    from tracker.contradictions import ClaimView

    data = data.checked()
    outlets.resolve(session, data.outlet)
    if data.via:
        outlets.resolve(session, data.via)
    plan = Plan(data)
    matcher = matching.Matcher(session)
    norm = matcher.fold(data.text)
    exact = find_same_text(session, data.text)
    if exact is not None:
        plan.same = Match(exact, 100.0, "duplicate", ["same words"], ["duplicate"])
    contradicting: dict[int, Match] = {}
    for f in matcher.find(data.text, norm, exclude=[exact.id] if exact else []):
        claim = session.get(Claim, f.claim_id)
        j = f.judgement
        m = Match(claim, j.score, "duplicate", list(j.reasons), list(j.signals))
        if j.kind == "same" and plan.same is None:
            plan.same = m
        elif j.kind in ("same", "suggest"):
            plan.suggest.append(m)
        # A "contradiction" judgement only keeps the pair from being a duplicate; whether
        # it is a contradiction is the detectors' call below (they know about time).
    view = ClaimView(
        id=0,
        text=data.text,
        event_date=data.event_date,
        published=(data.published,) if data.published else (),
        stances=(data.stance,),
        speakers=(data.speaker,) if data.speaker else (),
        outlets=(data.outlet,),
        topics=data.topics,
    )
    skip = {plan.same.claim.id} if plan.same else set()
    candidates = [c for c in matcher.candidates(norm) if c > 0 and c not in skip]
    for cid, signals in detection.detect_text(session, view, candidates[: detection.CANDIDATES_PER_CLAIM]):
        contradicting[cid] = Match(
            session.get(Claim, cid),
            round(max(s.score for s in signals), 1),
            "contradiction",
            [r for s in signals for r in s.reasons],
            [s.kind for s in signals],
        )
    plan.contradict = sorted(contradicting.values(), key=lambda m: -m.score)
    plan.found = ([plan.same] if plan.same else []) + plan.suggest + plan.contradict
    return plan


def apply_plan(session: Session, plan: Plan, *, merge: bool) -> AddResult:
    """Store the planned input: as an appearance of ``plan.same`` when ``merge``, else as
    a new claim with the suggested relations."""
    from tracker import relations

    if merge and plan.same is not None:
        return add(session, plan.data, into=plan.same.claim)
    result = add(session, plan.data)
    candidates = ([plan.same] if plan.same else []) + plan.suggest
    for m in candidates:
        rel = relations.store(
            session,
            result.claim,
            m.claim,
            "duplicate",
            origin="matcher",
            score=m.score,
            reasons=m.reasons or [f"similarity {m.score:.0f}"],
            signals=["duplicate"],
        )
        if rel:
            result.relations.append(rel)
    for m in plan.contradict:
        rel = relations.store(
            session,
            result.claim,
            m.claim,
            "contradicts",
            origin=(m.signals or ["matcher"])[0],
            score=m.score,
            reasons=m.reasons,
            signals=m.signals,
        )
        if rel:
            result.relations.append(rel)
    return result


def texts_of(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(ids))).all())


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
    previous values."""
    from tracker import matching

    claim = get(session, ref)
    before: dict = {}
    after: dict = {}
    if text is not None:
        new = check_text(text)
        if new != claim.text:
            before["text"], after["text"] = claim.text, new
            claim.text = new
            claim.fingerprint = fingerprint(new)
            matching.index_claim(session, claim, matching.alias_map(session))
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
    claim.updated_at = func_now()
    session.flush()
    events.record(session, "edit", claim.id, before=before, after=after)
    return claim


def func_now():
    from sqlalchemy import func

    return func.now()


def delete(session: Session, ref: str) -> dict:
    """Delete a claim with its appearances, relations and verdicts; the event keeps a
    full copy of what was deleted."""
    claim = get(session, ref, follow_merges=False)
    from tracker import matching

    snapshot = snapshot_claim(session, claim)
    matching.unpost(session.connection(), [claim.id])
    session.delete(claim)
    session.flush()
    events.record(session, "delete", claim.id, claim=snapshot)
    return snapshot


def snapshot_claim(session: Session, claim: Claim) -> dict:
    return {
        "id": claim.id,
        "key": claim.key,
        "text": claim.text,
        "event_date": claim.event_date,
        "topics": list(claim.topics or []),
        "appearances": [
            {
                "outlet": a.outlet.name,
                "published": a.published,
                "url": a.url,
                "speaker": a.speaker,
                "anonymous": a.anonymous,
                "via": a.via.name if a.via else None,
                "quote": a.quote,
                "stance": a.stance,
                "key": a.key,
            }
            for a in claim.appearances
        ],
        "verdicts": [{"rating": v.rating, "date": v.date, "note": v.note} for v in claim.verdicts],
        "relations": [
            {"a": r.a_id, "b": r.b_id, "kind": r.kind, "state": r.state}
            for r in relations_of(session, [claim.id])
        ],
    }


# ---------------------------------------------------------------- merge and undo

_REL_FIELDS = ("id", "a_id", "b_id", "kind", "origin", "signals", "score", "reasons", "state", "note")


def _rel_row(r: Relation) -> dict:
    return {f: getattr(r, f) for f in _REL_FIELDS}


def merge(session: Session, keep_ref: str, gone_ref: str) -> tuple[Claim, int]:
    """Fold claim GONE into KEEP: appearances, verdicts and relations move over, GONE is
    kept as a tombstone pointing at KEEP. Returns KEEP and the event id (for undo)."""
    from tracker import matching

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
        "relations": [],
    }
    for a in list(gone.appearances):
        a.claim_id = keep.id
    for v in list(gone.verdicts):
        v.claim_id = keep.id
    for r in relations_of(session, [gone.id]):
        other = r.b_id if r.a_id == gone.id else r.a_id
        row = _rel_row(r)
        if other == keep.id or _find_rel(session, keep.id, other, r.kind) is not None:
            payload["relations"].append({"action": "deleted", "row": row})
            session.delete(r)
        else:
            lo, hi = sorted((keep.id, other))
            payload["relations"].append({"action": "moved", "row": row})
            r.a_id, r.b_id = lo, hi
    keep.topics = list(dict.fromkeys([*(keep.topics or []), *(gone.topics or [])]))
    if not keep.event_date and gone.event_date:
        keep.event_date = gone.event_date
    gone.status = "merged"
    gone.merged_into_id = keep.id
    matching.unpost(session.connection(), [gone.id])
    session.flush()
    session.expire(keep)
    session.expire(gone)
    event = events.record(session, "merge", keep.id, **payload)
    return keep, event.id


def _find_rel(session: Session, a: int, b: int, kind: str) -> Relation | None:
    from tracker import relations

    return relations.find(session, a, b, kind)


def undo(session: Session, event_id: int) -> str:
    """Reverse a merge, link or dismiss recorded as event ``event_id``."""
    from tracker import matching, relations
    from tracker.models import Event, Verdict

    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"No event {event_id}; recent changes are listed by: tracker log.")
    if event.undone_by:
        raise InvalidInput(f"Event {event_id} was already undone by event {event.undone_by}.")
    p = event.payload
    if event.action == "merge":
        keep = session.get(Claim, p["keep"])
        gone = session.get(Claim, p["gone"])
        if gone is None or keep is None or gone.status != "merged" or gone.merged_into_id != keep.id:
            raise InvalidInput(f"Event {event_id} cannot be undone: the claims changed since the merge.")
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
        matching.index_claim(session, gone, matching.alias_map(session))
        summary = f"claim {gone.id} is separate from claim {keep.id} again"
    elif event.action in ("relation-add", "relation-state", "link", "dismiss"):
        relations.undo(session, p)
        summary = f"the {event.action} of claims {event.claim_id} and {p.get('other')} is undone"
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
