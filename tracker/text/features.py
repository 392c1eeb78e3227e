"""``features``: what decides between "the same claim" and "a contradiction".

Owns: ``Features`` (numbers with what they count, negation, names, content words) and the
combined analyses that share one normalisation (``features_and_fold``, ``fold_and_numbers``).
Must not: touch the database or print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.text.counts import numbers_in
from tracker.text.fold import analyse
from tracker.text.vocab import NEGATIONS, STOPWORDS


@dataclass(frozen=True)
class Features:
    """What decides between "the same claim" and "a contradiction".

    numbers: (value, counted thing) in text order; the counted thing is the noun after the
        number, singular and lower-case ("30 Grad missiles" -> (30.0, "missile")), or "" when
        none is found. Years and days of a month are not numbers of things. "no casualties"
        gives (0.0, "casualty"), "no one"/"nobody" (0.0, "person").
    negated: the text holds a negation (not, no, never, n't, denied, without, zero...).
    names: name keys (and built-in phrase aliases such as "pmf") of the names in the text.
    content: folded tokens without stopwords.
    """

    numbers: tuple[tuple[float, str], ...]
    negated: bool
    names: frozenset[str]
    content: frozenset[str]


_NT_RE = re.compile(r"n['’]t\b", re.IGNORECASE)


def features(text: str, aliases: Mapping[str, str] | None = None) -> Features:
    """Numbers, negation, names and content words of ``text`` (see Features)."""
    return features_and_fold(text, aliases)[0]


def features_and_fold(text: str, aliases: Mapping[str, str] | None = None) -> tuple[Features, str]:
    """``(features(text, aliases), fold(text, aliases))`` from one analysis of the text."""
    ntoks, out, names = analyse(text, aliases, False)
    return _features_of(text, ntoks, out, names), " ".join(out)


def fold_and_numbers(
    text: str, aliases: Mapping[str, str] | None = None
) -> tuple[str, tuple[tuple[float, str], ...]]:
    """``(fold(text, aliases, key_all=True), numbers(text))`` from one normalisation."""
    ntoks, out, _ = analyse(text, aliases, False, True, names_too=False)
    return " ".join(out), numbers_in(text, ntoks)


def _features_of(text: str, ntoks: list[str], out: list[str], names: list[str]) -> Features:
    negated = not NEGATIONS.isdisjoint(ntoks) or _NT_RE.search(text) is not None
    return Features(
        numbers=numbers_in(text, ntoks),
        negated=negated,
        names=frozenset(names),
        content=frozenset(t for t in out if t not in STOPWORDS),
    )
