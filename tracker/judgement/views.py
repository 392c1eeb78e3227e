"""The detectors' view of stored claims (``contradictions.ClaimView``), read from the
database in batches: text, event date, topics, and per appearance the published date,
stance, speaker and outlet, with the current verdict.

Read-only: never writes, never prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import contradictions as det
from tracker.db import chunks
from tracker.models import Appearance, Claim, Outlet, Verdict

AppearanceFacts = tuple[str | None, str, str | None, str]
"""What a view keeps of one appearance: (published, stance, speaker, outlet name)."""


def make_view(
    cid: int,
    text: str,
    event_date: str | None,
    topics: Iterable[str] | None,
    appearances: Iterable[AppearanceFacts],
    verdict: str | None = None,
) -> det.ClaimView:
    a = list(appearances)
    return det.ClaimView(
        id=cid,
        text=text,
        event_date=event_date,
        published=tuple(p for p, _, _, _ in a if p),
        stances=tuple(s for _, s, _, _ in a),
        speakers=tuple(sp for _, _, sp, _ in a if sp),
        outlets=tuple(o for _, _, _, o in a),
        topics=tuple(topics or ()),
        verdict=verdict,
    )


def stored(session: Session, ids: Iterable[int]) -> dict[int, tuple]:
    """{claim id: (text, event_date, topics, [AppearanceFacts], verdict)} of the given
    claims, read in batches."""
    ids = sorted(set(ids))
    out: dict[int, tuple] = {}
    if not ids:
        return out
    names = dict(session.execute(select(Outlet.id, Outlet.name)).all())
    for chunk in chunks(ids, 900):
        apps: dict[int, list[AppearanceFacts]] = defaultdict(list)
        for cid, pub, stance, speaker, oid in session.execute(
            select(
                Appearance.claim_id,
                Appearance.published,
                Appearance.stance,
                Appearance.speaker,
                Appearance.outlet_id,
            )
            .where(Appearance.claim_id.in_(chunk))
            .order_by(Appearance.id)
        ):
            apps[cid].append((pub, stance, speaker, names.get(oid, "")))
        verdicts: dict[int, str] = {}
        for cid, rating in session.execute(
            select(Verdict.claim_id, Verdict.rating).where(Verdict.claim_id.in_(chunk)).order_by(Verdict.id)
        ):
            verdicts[cid] = rating
        for cid, text, event_date, topics in session.execute(
            select(Claim.id, Claim.text, Claim.event_date, Claim.topics).where(Claim.id.in_(chunk))
        ):
            out[cid] = (text, event_date, list(topics or []), apps.get(cid, []), verdicts.get(cid))
    return out


def views(session: Session, ids: Iterable[int]) -> dict[int, det.ClaimView]:
    """ClaimViews of the given stored claims."""
    return {
        cid: make_view(cid, t, ed, tp, apps, v) for cid, (t, ed, tp, apps, v) in stored(session, ids).items()
    }
