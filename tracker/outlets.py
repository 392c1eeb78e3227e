"""Outlets, their aliases and grades, and name resolution with "did you mean".

Owns every lookup of an outlet by name: callers never query outlet names themselves.
Lookup is case-, accent- and punctuation-insensitive and ignores a leading "the".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker import events
from tracker.db import chunks
from tracker.errors import Conflict, InvalidInput, NotFound
from tracker.models import GRADES, Outlet, OutletAlias

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")


def name_norm(name: str) -> str:
    """The lookup form of an outlet name: "The Associated Press" == "associated press"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _clean_name(name: str, what: str = "Outlet name") -> str:
    name = _SPACE.sub(" ", name or "").strip()
    if not name_norm(name):
        raise InvalidInput(f"{what} is empty; give a name with letters or digits.")
    if len(name) > 200:
        raise InvalidInput(f"{what} is longer than 200 characters.")
    return name


def check_grade(grade: str | None) -> str | None:
    if grade is None:
        return None
    g = grade.strip().upper()
    if g not in GRADES:
        raise InvalidInput(f"Reliability grade '{grade}' is not one of A, B, C, D, E, F (Admiralty scale).")
    return g


def find(session: Session, name: str) -> Outlet | None:
    norm = name_norm(name)
    if not norm:
        return None
    return session.scalar(select(Outlet).join(OutletAlias).where(OutletAlias.norm == norm))


def known_names(session: Session, names: Sequence[str]) -> set[str]:
    """The lookup forms (``name_norm``) of those of ``names`` that a stored outlet answers to."""
    known: set[str] = set()
    for chunk in chunks(list({name_norm(n) for n in names})):
        known.update(session.scalars(select(OutletAlias.norm).where(OutletAlias.norm.in_(chunk))))
    return known


def suggestions(session: Session, name: str, limit: int = 3) -> list[str]:
    """Known outlet names closest to ``name``, best first."""
    from rapidfuzz import fuzz, process

    rows = session.execute(select(OutletAlias.norm, Outlet.name).join(Outlet)).all()
    if not rows:
        return []
    choices = [norm for norm, _ in rows]
    # 70: WRatio's partial match gives a two-letter alias 60 against any name holding
    # its letters ("AP" in "Antiwar.com"), which is no reason to suggest it.
    found = process.extract(
        name_norm(name), choices, scorer=fuzz.WRatio, processor=None, score_cutoff=70, limit=limit * 3
    )
    names: list[str] = []
    for _, _, idx in found:
        outlet_name = rows[idx][1]
        if outlet_name not in names:
            names.append(outlet_name)
    return names[:limit]


def resolve(session: Session, name: str) -> Outlet:
    """The outlet known by ``name``, or NotFound naming the closest known outlets."""
    outlet = find(session, name)
    if outlet is not None:
        return outlet
    close = suggestions(session, name)
    hint = (
        f" Did you mean {', '.join(repr(c) for c in close)}?"
        if close
        else " Add it with: tracker outlet add NAME."
    )
    raise NotFound(f"Unknown outlet '{name}'.{hint}")


def _claim_alias(session: Session, outlet: Outlet, alias: str, primary: bool = False) -> bool:
    """Attach ``alias`` to ``outlet``; False if the outlet already answers to it."""
    norm = name_norm(alias)
    holder = session.scalar(select(OutletAlias).where(OutletAlias.norm == norm))
    if holder is not None:
        if holder.outlet_id == outlet.id:
            return False
        raise Conflict(f"'{alias}' is already a name of the outlet '{holder.outlet.name}'.")
    outlet.aliases.append(OutletAlias(alias=alias, norm=norm, is_primary=primary))
    session.flush()
    return True


@dataclass(frozen=True)
class OutletInput:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    country: str | None = None
    url: str | None = None
    grade: str | None = None
    notes: str | None = None


def add(session: Session, data: OutletInput) -> Outlet:
    return add_many(session, [data])[0]


def _taken(alias: str, is_name: bool, holder: str) -> Conflict:
    if is_name:
        return Conflict(f"An outlet named '{holder}' already exists.")
    return Conflict(f"'{alias}' is already a name of the outlet '{holder}'.")


def add_many(session: Session, items: Sequence[OutletInput]) -> list[Outlet]:
    """New outlets with their aliases, checked as a whole (no name may be taken, by a
    stored outlet or by another of ``items``) and written with one flush: an import
    adds hundreds of outlets."""
    plans: list[tuple[OutletInput, str, list[str], str | None, dict[str, str]]] = []
    # name norm -> (the new outlet that claims it, the name as written, its primary name?)
    claimed: dict[str, tuple[str, str, bool]] = {}
    for data in items:
        name = _clean_name(data.name)
        aliases = [_clean_name(a, "Alias") for a in data.aliases]
        grade = check_grade(data.grade)
        primary = name_norm(name)
        by_norm: dict[str, str] = {primary: name}
        for alias in aliases:
            by_norm.setdefault(name_norm(alias), alias)
        for norm, alias in by_norm.items():
            if norm in claimed:
                raise _taken(alias, norm == primary, claimed[norm][0])
            claimed[norm] = (name, alias, norm == primary)
        plans.append((data, name, aliases, grade, by_norm))
    for chunk in chunks(list(claimed)):
        taken = session.execute(
            select(OutletAlias.norm, Outlet.name).join(Outlet).where(OutletAlias.norm.in_(chunk))
        ).first()
        if taken is not None:
            _, alias, is_primary = claimed[taken[0]]
            raise _taken(alias, is_primary, taken[1])
    made = []
    for data, name, aliases, grade, by_norm in plans:
        primary = name_norm(name)
        outlet = Outlet(
            name=name,
            kind=data.kind,
            country=data.country,
            url=data.url,
            grade=grade,
            notes=data.notes,
            aliases=[OutletAlias(alias=a, norm=n, is_primary=n == primary) for n, a in by_norm.items()],
        )
        session.add(outlet)
        events.pending(session, "outlet-add", outlet=name, aliases=aliases, grade=grade)
        made.append(outlet)
    session.flush()
    return made


def get_or_create(session: Session, name: str) -> tuple[Outlet, bool]:
    outlet = find(session, name)
    if outlet is not None:
        return outlet, False
    return add(session, OutletInput(name=name)), True


def add_alias(session: Session, outlet_name: str, alias: str) -> Outlet:
    outlet = resolve(session, outlet_name)
    alias = _clean_name(alias, "Alias")
    if _claim_alias(session, outlet, alias):
        events.record(session, "outlet-alias", outlet=outlet.name, alias=alias)
    return outlet


def set_grade(session: Session, outlet_name: str, grade: str) -> Outlet:
    outlet = resolve(session, outlet_name)
    new = check_grade(grade)
    old = outlet.grade
    if new != old:
        outlet.grade = new
        events.record(session, "outlet-grade", outlet=outlet.name, old=old, new=new)
    return outlet


def list_all(session: Session) -> list[Outlet]:
    return list(session.scalars(select(Outlet).options(selectinload(Outlet.aliases)).order_by(Outlet.name)))


def alias_names(outlet: Outlet) -> list[str]:
    return [a.alias for a in outlet.aliases if not a.is_primary]


def track_record(session: Session, outlet: Outlet) -> dict[str, int]:
    """Claims carried (directly or as a cited origin) and how the rated ones came out."""
    from sqlalchemy import func, or_

    from tracker.models import Appearance, Claim

    claim_ids = (
        select(Appearance.claim_id)
        .where(or_(Appearance.outlet_id == outlet.id, Appearance.via_outlet_id == outlet.id))
        .distinct()
    )
    carried = (
        session.scalar(
            select(func.count()).select_from(Claim).where(Claim.id.in_(claim_ids), Claim.status == "active")
        )
        or 0
    )
    return {"claims_carried": carried}
