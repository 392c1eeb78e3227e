"""Speaker grades: an Admiralty source-reliability grade an analyst may set on a speaker
as well as on an outlet.

Appearances name their speakers as free text. A grade is stored once per speaker key, the
speaker's transliteration key (``tracker.text.fold_name``, built-in phrase aliases only), so
that a grade set on "Ismail Qaani" also covers "Esmail Ghaani" and "ISMAIL QAANI". The
credibility rules weigh the grade of a named speaker above the outlet's (docs/credibility.md,
"Speaker grades"). Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker import events
from tracker.db import chunks
from tracker.errors import InvalidInput, NotFound
from tracker.models import Appearance, Speaker
from tracker.outlets import check_grade

MAX_NAME = 300


def speaker_key(name: str) -> str:
    """The key a speaker's grade is stored under: case, accents, punctuation, the article
    "al-" and transliteration differences ignored."""
    from tracker.text import fold_name

    return fold_name(name)


def speaker_name(name: str) -> str:
    """The name as stored (whitespace collapsed); raises InvalidInput for a name that
    cannot be graded."""
    return _clean(name)[0]


def _clean(name: str) -> tuple[str, str]:
    shown = " ".join((name or "").split())
    if not shown:
        raise InvalidInput("A speaker's name cannot be empty.")
    if len(shown) > MAX_NAME:
        raise InvalidInput(f"A speaker's name is at most {MAX_NAME} characters; this one has {len(shown)}.")
    key = speaker_key(shown)
    if not key:
        raise InvalidInput(f"The speaker name '{shown}' has no letters or digits to match on.")
    return shown, key


def set_grade(session: Session, name: str, grade: str, notes: str | None = None) -> Speaker:
    """Grade a speaker (A-F), creating its row on first use. ``notes`` replaces the stored
    notes when given. Logged as a "speaker-grade" event."""
    shown, key = _clean(name)
    speaker = session.scalar(select(Speaker).where(Speaker.key == key))
    speaker = _graded(session, speaker, shown, key, check_grade(grade), notes)
    session.flush()
    return speaker


def _graded(
    session: Session, speaker: Speaker | None, shown: str, key: str, grade: str, notes: str | None
) -> Speaker:
    """``speaker`` (None: a new row for ``shown``) with ``grade`` and, when given, ``notes``;
    the change logged, written with the next flush."""
    old = speaker.grade if speaker is not None else None
    if speaker is None:
        speaker = Speaker(name=shown, key=key, grade=grade, notes=notes)
        session.add(speaker)
    else:
        speaker.grade = grade
        if notes is not None:
            speaker.notes = notes
    if grade != old or notes is not None:
        events.pending(session, "speaker-grade", speaker=speaker.name, old=old, new=grade)
    return speaker


def clear_grade(session: Session, name: str) -> Speaker:
    """Remove a speaker's grade (and its notes). Raises NotFound when it has none."""
    _, key = _clean(name)
    speaker = session.scalar(select(Speaker).where(Speaker.key == key))
    if speaker is None:
        raise NotFound(f"No grade is set for a speaker named '{name.strip()}'.")
    events.record(session, "speaker-grade", speaker=speaker.name, old=speaker.grade, new=None)
    session.delete(speaker)
    session.flush()
    return speaker


def graded(session: Session) -> list[Speaker]:
    return list(session.scalars(select(Speaker).order_by(Speaker.name)))


def grade_map(session: Session) -> dict[str, str]:
    """Speaker key -> grade, for every graded speaker (a small table: read whole)."""
    return {key: grade for key, grade in session.execute(select(Speaker.key, Speaker.grade))}


class GradeLookup:
    """The grade of a speaker named in an appearance, or None: anonymous speakers and
    speakers with no grade have none. Keys are computed once per distinct spelling."""

    def __init__(self, grades: dict[str, str]) -> None:
        self.grades = grades
        self._by_name: dict[str, str | None] = {}

    def __call__(self, speaker: str | None, anonymous: bool = False) -> str | None:
        if not self.grades or not speaker or anonymous:
            return None
        if speaker not in self._by_name:
            self._by_name[speaker] = self.grades.get(speaker_key(speaker))
        return self._by_name[speaker]


def lookup(session: Session) -> GradeLookup:
    return GradeLookup(grade_map(session))


@dataclass(frozen=True)
class Credited:
    """A speaker as appearances credit it: the most used spelling, how many appearances
    credit it (all spellings together), and its grade if the analyst set one."""

    name: str
    key: str
    appearances: int
    grade: str | None
    notes: str | None = None


def credited(session: Session, graded_only: bool = False) -> list[Credited]:
    """Named (not anonymous) speakers with their appearance counts, most credited first;
    graded speakers that no appearance names are listed too, with a count of 0."""
    stored = {s.key: s for s in graded(session)}
    counts: dict[str, int] = {}
    spellings: dict[str, dict[str, int]] = {}
    rows = session.execute(
        select(Appearance.speaker, func.count())
        .where(Appearance.speaker.is_not(None), Appearance.anonymous.is_(False))
        .group_by(Appearance.speaker)
    )
    for speaker, n in rows:
        key = speaker_key(speaker)
        if not key or (graded_only and key not in stored):
            continue
        counts[key] = counts.get(key, 0) + n
        spellings.setdefault(key, {})[speaker] = n
    out = []
    for key, n in counts.items():
        name = min(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        s = stored.get(key)
        out.append(Credited(s.name if s else name, key, n, s.grade if s else None, s.notes if s else None))
    for key, s in stored.items():
        if key not in counts:
            out.append(Credited(s.name, key, 0, s.grade, s.notes))
    out.sort(key=lambda c: (-c.appearances, c.name.casefold()))
    return out


def add_many(session: Session, records: Iterable[tuple[str, str, str | None]]) -> int:
    """Import speaker grades (name, grade, notes): a speaker with no stored grade gets this
    one; a stored grade is kept (as for outlet grades), and so is the first of several
    lines for one speaker. Returns how many were added."""
    new: dict[str, tuple[str, str, str | None]] = {}
    for name, grade, notes in records:
        shown, key = _clean(name)
        new.setdefault(key, (shown, check_grade(grade), notes))
    for chunk in chunks(list(new)):
        for key in session.scalars(select(Speaker.key).where(Speaker.key.in_(chunk))):
            del new[key]
    for key, (shown, grade, notes) in new.items():
        _graded(session, None, shown, key, grade, notes)
    session.flush()
    return len(new)
