"""Analyst-managed name aliases for matching (``tracker alias add NAME VARIANT``).

An alias says that VARIANT names the same person, group or place as NAME, for spellings
the built-in transliteration key does not fold. Aliases take precedence over the
built-in key. Adding or removing one re-folds the claims that contain the variant.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import events
from tracker.errors import Conflict, InvalidInput, NotFound
from tracker.models import Claim, NameAlias


def _clean(value: str, what: str) -> str:
    from tracker.text import normalize

    value = " ".join((value or "").split())
    if not normalize(value):
        raise InvalidInput(f"{what} is empty; give a name with letters or digits.")
    return value


def add(session: Session, name: str, variant: str) -> tuple[NameAlias, int]:
    """Record VARIANT as another spelling of NAME; returns the alias and how many stored
    claims were re-folded."""
    from tracker.text import normalize

    name, variant = _clean(name, "Name"), _clean(variant, "Variant")
    vnorm = normalize(variant)
    if vnorm == normalize(name):
        raise InvalidInput("The variant and the name are the same once normalised.")
    existing = session.scalar(select(NameAlias).where(NameAlias.variant_norm == vnorm))
    if existing is not None:
        raise Conflict(f"'{variant}' is already an alias of '{existing.name}'.")
    affected = _claims_containing(session, variant)
    alias = NameAlias(name=name, variant=variant, variant_norm=vnorm)
    session.add(alias)
    session.flush()
    count = _refold(session, affected)
    events.record(session, "alias-add", name=name, variant=variant, refolded=count)
    return alias, count


def remove(session: Session, variant: str) -> int:
    from tracker.text import normalize

    alias = session.scalar(select(NameAlias).where(NameAlias.variant_norm == normalize(variant)))
    if alias is None:
        raise NotFound(f"'{variant}' is not an alias; list them with: tracker alias list.")
    affected = _claims_containing(session, alias.name) | _claims_containing(session, variant)
    session.delete(alias)
    session.flush()
    count = _refold(session, affected)
    events.record(session, "alias-remove", name=alias.name, variant=alias.variant, refolded=count)
    return count


def list_all(session: Session) -> list[NameAlias]:
    return list(session.scalars(select(NameAlias).order_by(NameAlias.name, NameAlias.variant)))


def _claims_containing(session: Session, phrase: str) -> set[int]:
    """Claims whose folded text holds every token of ``phrase`` (found through the index)."""
    from tracker.matching.form import alias_map, fold_text, tokens_of
    from tracker.matching.index import posted_claims

    toks = tokens_of(fold_text(phrase, alias_map(session)))
    ids: set[int] | None = None
    for tok in toks:
        found = set(posted_claims(session, tok))
        ids = found if ids is None else ids & found
    return ids or set()


def _refold(session: Session, ids: set[int]) -> int:
    from tracker.judgement.postings import index_claim
    from tracker.matching.form import alias_map

    aliases = alias_map(session)
    for claim in session.scalars(select(Claim).where(Claim.id.in_(ids))):
        index_claim(session, claim, aliases)
    return len(ids)
