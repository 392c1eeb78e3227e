"""How alike two claim texts are, and what a close pair is: the same claim, a suggested
duplicate, a pair whose words agree but whose facts differ, or unrelated.

``score`` blends rapidfuzz's token-sort and token-set ratios of the two matching forms;
``judge`` turns a score and each text's facts (numbers, polarity, lexicon sides) into a
``Judgement``. Equal words with different numbers, opposite polarity, opposing actions,
other names or another fact are never duplicates (``tracker.matching.guards``).
Thresholds are ``SETTINGS`` (docs/matching.md). Pure: no database, no printing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from tracker import data
from tracker.matching.guards import swapped_facts, swapped_names
from tracker.matching.settings import SETTINGS
from tracker.text import NEGATIONS, normalize, numbers


def score(a_norm: str, b_norm: str, sort: float | None = None) -> float:
    """Similarity of two matching forms, 0-100: word order and a few extra words matter
    less than the words themselves. ``sort``: the token-sort ratio, if already known."""
    if sort is None:
        sort = fuzz.token_sort_ratio(a_norm, b_norm, processor=None)
    return combined(sort, fuzz.token_set_ratio(a_norm, b_norm, processor=None))


def combined(sort: float, tset: float) -> float:
    """``score`` from the token-sort and token-set ratios."""
    return round(0.5 * sort + 0.5 * tset, 1)


def sort_floor(score_floor: float) -> float:
    """The lowest token-sort similarity a pair can have and still reach ``score_floor`` on
    ``score`` (which averages token sort with token set, at most 100)."""
    return max(0.0, 2 * score_floor - 100)


@lru_cache(maxsize=1)
def _denial() -> re.Pattern:
    """A denial that ``features().negated`` does not see (negations.toml, ``denials``):
    near-identical texts of which one carries it are never duplicates."""
    words = sorted(data.toml("negations")["denials"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def polarity_marks(text: str) -> int:
    """How many negations and denials a text carries ("did not", "no", "rejected claims
    that"): two near-identical texts whose counts differ say opposite things, even when
    both hold a negation somewhere else."""
    toks = normalize(text).split()
    return sum(t in NEGATIONS for t in toks) + len(_denial().findall(text)) + text.count("n't")


cached_polarity_marks = lru_cache(maxsize=262_144)(polarity_marks)


@lru_cache(maxsize=262_144)
def numbers_of(text: str) -> tuple[tuple[float, str], ...]:
    """The numbers of a text with what they count (aliases never change them)."""
    return numbers(text)


class TextFacts(NamedTuple):
    """What ``judge`` reads of each text besides its matching form: the numbers with what
    they count (``tracker.text.numbers``), ``polarity_marks`` and the opposing-action lexicon
    sides (``tracker.judgement.facts.lexicon_sides``)."""

    numbers: tuple[tuple[float, str], ...]
    polarity: int
    sides: frozenset


@dataclass(frozen=True)
class Judgement:
    kind: str  # "same" | "suggest" | "contradiction" | "unrelated"
    score: float
    reasons: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()


def sides_opposed(sa: frozenset[tuple[str, str]], sb: frozenset[tuple[str, str]]) -> bool:
    """Two texts with these lexicon sides sit on opposite sides of one opposition."""
    return any((name, "b" if side == "a" else "a") in sb for name, side in sa)


def _values(nums: tuple[tuple[float, str], ...]) -> Counter:
    return Counter(value for value, _ in nums)


def _fmt(value: float, unit: str) -> str:
    v = int(value) if float(value).is_integer() else value
    return f"{v} {unit}".strip()


def _fact_signals(fa: TextFacts, fb: TextFacts) -> tuple[list[str], list[str]]:
    """Reasons and signals of a close pair whose numbers, polarity or lexicon sides differ."""
    reasons: list[str] = []
    signals: list[str] = []
    if _values(fa.numbers) != _values(fb.numbers):
        left = ", ".join(_fmt(v, u) for v, u in fa.numbers) or "no number"
        right = ", ".join(_fmt(v, u) for v, u in fb.numbers) or "no number"
        reasons.append(f"same words, different numbers: {left} vs {right}")
        signals.append("numeric")
    if fa.polarity != fb.polarity:
        reasons.append("same words, one of them negated or denied")
        signals.append("polarity")
    if sides_opposed(fa.sides, fb.sides):
        reasons.append("same words, opposing actions (lexicon)")
        signals.append("opposing-action")
    return reasons, signals


def judge(
    a_text: str,
    b_text: str,
    a_norm: str,
    b_norm: str,
    facts: tuple[TextFacts, TextFacts],
    sim: float | None = None,
    sort: float | None = None,
) -> Judgement:
    """Classify a pair: the same claim, a suggested duplicate, a contradiction candidate
    (same words, different numbers or polarity), or unrelated. ``facts``: each text's
    ``TextFacts``; ``sim``/``sort``: the score or the token-sort ratio, when known."""
    sim = score(a_norm, b_norm, sort) if sim is None else sim
    if sim < min(SETTINGS.suggest, SETTINGS.contradiction):
        return Judgement("unrelated", sim)
    reasons, signals = _fact_signals(*facts)
    swapped_fact = None
    if not signals and sim >= SETTINGS.suggest:
        swapped = swapped_names(a_text, b_text, a_norm, b_norm)
        if swapped is not None:
            reasons.append(f"same words, different names: {swapped[0]} vs {swapped[1]}")
            signals.append("names")
        else:
            swapped_fact = swapped_facts(a_norm, b_norm)
            if swapped_fact is not None and swapped_fact[0] == "casualties":
                reasons.append(f"same words, different casualties: {swapped_fact[1]} vs {swapped_fact[2]}")
                signals.append("numeric")  # the casualty counts are the numeric detector's
    if signals:
        if sim >= SETTINGS.contradiction:
            return Judgement("contradiction", sim, tuple(reasons), tuple(signals))
        return Judgement("unrelated", sim)
    if swapped_fact is not None:
        # Another day, month, weapon or direction: perhaps one event misreported, perhaps
        # two events; never merged, always offered for review.
        kind, x, y = swapped_fact
        return Judgement("suggest", sim, (f"same words, different {kind}: {x} vs {y}",), ("duplicate",))
    if sim >= SETTINGS.merge:
        return Judgement("same", sim, (f"similarity {sim:.0f}",), ("duplicate",))
    if sim >= SETTINGS.suggest:
        return Judgement("suggest", sim, (f"similarity {sim:.0f}",), ("duplicate",))
    return Judgement("unrelated", sim)
