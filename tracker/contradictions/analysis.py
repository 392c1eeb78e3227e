"""What the contradiction detectors see in one text, computed once per text.

Owns: :func:`_info`, the cached analysis of a text (normalised and folded tokens, names,
content words, actors, counts with what they count, negated words, perpetrators, weapons),
and the negation rules on tokens (:func:`_heads`, :func:`_negated_before`). Counts live in
``counts``, actors and perpetrators in ``actors``.

Must not: look at a second text, know about dates or claims, touch the database, print,
or import typer, rich or SQLAlchemy.

Speed: the detectors run on millions of pairs, so everything that depends on one text only
is computed here once and kept in an LRU cache; a pair then costs a few set operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tracker.contradictions.actors import _actors, _Agent, _agents
from tracker.contradictions.counts import _Count, _counts
from tracker.contradictions.words import (
    _ATTACK_WORDS,
    _HEAD_SKIP,
    _LEX_NEGATIONS,
    _NEGATIONS,
    _REFUSE,
    _REPORTING,
    _WEAK_NAMES,
    _WEAPON_CLASS,
)
from tracker.text import STOPWORDS, features_and_fold, name_key, normalize


@dataclass(frozen=True, slots=True)
class _TextInfo:
    norm: tuple[str, ...]
    fold_tokens: tuple[str, ...]
    polar_text: str  # folded text without negation words, for similarity
    names: frozenset[str]  # name keys, broad names left out
    all_names: frozenset[str]
    content: frozenset[str]  # folded content tokens, reporting verbs and digits left out
    actors: dict[str, float]  # actor -> 1.0 (named in the text) or 0.5 (by affiliation)
    counts: tuple[_Count, ...]
    heads: frozenset[str]  # stems of negated words
    plain_stems: frozenset[str]  # stems of words not negated
    agents: tuple[_Agent, ...]
    attack: bool
    weapons: frozenset[str]
    display: dict[str, str]  # name key -> a spelling in this text


def _stem(tok: str) -> str:
    return tok[:5]


def _negated_before(toks: Sequence[str], i: int) -> bool:
    lo = max(0, i - 3)
    for k in range(lo, i):
        t = toks[k]
        if t in _LEX_NEGATIONS:
            return True
        if t in _REFUSE and k + 1 < i and toks[k + 1] == "to":
            return True
    return False


def _heads(toks: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Stems of negated words, and stems of the other words."""
    heads: set[str] = set()
    negated_at: set[int] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if t in _NEGATIONS:
            negated_at.add(i)
            for k in range(i + 1, min(n, i + 5)):
                w = toks[k]
                if w in _NEGATIONS:
                    break
                if w in _HEAD_SKIP:
                    continue
                heads.add(_stem(w))
                negated_at.add(k)
                break
    plain = frozenset(_stem(t) for i, t in enumerate(toks) if i not in negated_at and t not in STOPWORDS)
    return frozenset(heads), plain


@lru_cache(maxsize=131072)
def _info(text: str) -> _TextInfo:
    feats, folded = features_and_fold(text)
    norm = tuple(normalize(text).split())
    ftoks = tuple(folded.split())
    all_names = feats.names
    names = frozenset(k for k in all_names if k not in _WEAK_NAMES)
    heads, plain = _heads(norm)
    polar = " ".join(t for t in ftoks if t not in _NEGATIONS)
    display: dict[str, str] = {}
    for t in norm:
        display.setdefault(name_key(t), t)
    content = frozenset(t for t in feats.content if t not in _REPORTING and not t[0].isdigit())
    return _TextInfo(
        norm=norm,
        fold_tokens=ftoks,
        polar_text=polar,
        names=names,
        all_names=all_names,
        content=content,
        actors=_actors(all_names, norm),
        counts=_counts(norm, feats.numbers),
        heads=heads,
        plain_stems=plain,
        agents=_agents(ftoks, all_names),
        attack=not _ATTACK_WORDS.isdisjoint(norm),
        weapons=frozenset(_WEAPON_CLASS[t] for t in norm if t in _WEAPON_CLASS),
        display=display,
    )
