"""Who a text is about and who it says carried out an attack.

Owns: :func:`actor_key` (a country and its demonym as one key), :func:`_actors` (the actors a
text names, with affiliations at half weight and generic actors such as "militias"), and
:func:`_agents` (perpetrators: the names next to cues such as "claimed responsibility" or
"carried out by"). The words come from ``tracker/data/actors.toml`` and ``attacks.toml``.

Must not: look at a second text, touch the database, print, or import typer, rich or
SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.contradictions.words import (
    _AFFILIATIONS,
    _AGENT_CUES,
    _AGENT_SKIP_BACK,
    _ATTACK_WORDS,
    _CLAIM_GAP,
    _CLAIM_VERBS,
    _DEMONYMS,
    _DESCRIBED_BY,
    _GENERIC_ACTORS,
    _GENERIC_AGENT_TAIL,
    _NAME_JOINERS,
    _NEGATIONS,
    _NOT_AGENT_KEYS,
    _WEAK_NAMES,
    _WEAPON_CLASS,
)
from tracker.text import MONTHS


def actor_key(key: str) -> str:
    """One key for a country and its demonym ("Iraqi" and "Iraq", "American" and "US")."""
    return _DEMONYMS.get(key, key)


@dataclass(frozen=True, slots=True)
class _Agent:
    keys: frozenset[str]
    phrase: str


def _match_at(toks: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    k = len(phrase)
    return tuple(toks[i : i + k]) == phrase


def _is_name(t: str, names: frozenset[str]) -> bool:
    return t in names and t not in _NOT_AGENT_KEYS


def _cue_at(ftoks: tuple[str, ...], i: int) -> tuple[str, tuple[str, ...]] | None:
    """The perpetrator cue at ``i``: where its name is ("before" or "after") and its words."""
    n = len(ftoks)
    for where, ph in _AGENT_CUES.get(ftoks[i], ()):
        if _match_at(ftoks, i, ph):
            return where, ph
    if ftoks[i] in _CLAIM_VERBS:  # "claimed the 26 June rocket attack"
        for k in range(i + 1, min(n, i + 6)):
            t = ftoks[k]
            if t in _ATTACK_WORDS:
                return "before", (ftoks[i],)
            if not (t in _CLAIM_GAP or t in _WEAPON_CLASS or t in MONTHS or t[0].isdigit()):
                break
    if ftoks[i] == "by" and any(t in _ATTACK_WORDS for t in ftoks[max(0, i - 3) : i]):
        return "after", ("by",)
    return None


def _run_before(ftoks: tuple[str, ...], i: int, names: frozenset[str]) -> list[str]:
    """The names just before the cue at ``i`` ("Kataib Hezbollah has claimed")."""
    run: list[str] = []
    j = i - 1
    while j >= 0 and ftoks[j] in _AGENT_SKIP_BACK:
        j -= 1
    while j >= 0 and ftoks[j] in _GENERIC_AGENT_TAIL:
        j -= 1
    while j >= 0:
        t = ftoks[j]
        if _is_name(t, names):
            run.append(t)
        elif t in _NAME_JOINERS and j > 0 and _is_name(ftoks[j - 1], names) and run:
            run.append(t)
        else:
            break
        j -= 1
    run.reverse()
    return run


def _run_after(ftoks: tuple[str, ...], i: int, ph: tuple[str, ...], names: frozenset[str]) -> list[str]:
    """The names just after the cue ``ph`` at ``i`` ("claimed by the Islamic State")."""
    n = len(ftoks)
    run: list[str] = []
    j = i + len(ph)
    while j < n and ftoks[j] in ("the", "a", "an"):
        j += 1
    while j < n:
        t = ftoks[j]
        if _is_name(t, names):
            run.append(t)
        elif t in _NAME_JOINERS and j + 1 < n and _is_name(ftoks[j + 1], names) and run:
            run.append(t)
        else:
            break
        j += 1
    # "by Iraqi armed groups", "by Iran-backed militias": a description, not a name
    if j < n and ftoks[j] in _DESCRIBED_BY:
        return []
    if ph == ("blamed",) and not (j < n and ftoks[j] == "for"):
        return []
    return run


def _agents(ftoks: tuple[str, ...], names: frozenset[str]) -> tuple[_Agent, ...]:
    """The perpetrators a text names, in text order; a negated cue names none."""
    out: list[_Agent] = []
    n = len(ftoks)
    i = 0
    while i < n:
        cue = _cue_at(ftoks, i)
        if cue is None:
            i += 1
            continue
        where, ph = cue
        if not any(t in _NEGATIONS for t in ftoks[max(0, i - 3) : i]):
            run = _run_before(ftoks, i, names) if where == "before" else _run_after(ftoks, i, ph, names)
            keys = frozenset(_DEMONYMS.get(t, t) for t in run if t not in _NAME_JOINERS)
            if keys:
                out.append(_Agent(keys, " ".join(run)))
        i += len(ph)
    return tuple(out)


def _actors(names: frozenset[str], toks: tuple[str, ...]) -> dict[str, float]:
    """Actor -> 1.0 when the text names it (or a generic actor such as "militias"), 0.5 when
    only an affiliated body is named."""
    actors: dict[str, float] = {}
    for k in names:
        if k in _WEAK_NAMES:
            continue
        k = _DEMONYMS.get(k, k)
        actors[k] = 1.0
    for k in list(actors):
        for aff in _AFFILIATIONS.get(k, ()):
            actors.setdefault(aff, 0.5)
    for t in toks:
        g = _GENERIC_ACTORS.get(t)
        if g:
            actors[g] = 1.0
    return actors
