"""The content score: how much of what two claims say they share, word for word, with
each word weighted by how rare it is among the stored claims.

Two wordings of one claim share the words that carry it (names, places, numbers, the
predicate) more than the frame around them, and they may share them in other
inflections ("defeated", "defeat") or in words of one class ("troops", "soldiers";
tracker/data/synonyms.toml). So each claim is reduced to its *concepts*: every content
word of its text (stopwords and single letters left out) as

- a name, a number: its form in the matching form (the name key, with the analyst's
  aliases), singular;
- any other word: its Snowball stem, an irregular form first taken to its base form
  ("struck" as "strike"), and a stem of a synonym class taken to the class.

Each concept weighs ``ln((1 + N) / (1 + n)) + 0.05``: ``n`` claims of ``N`` hold the word it
comes from (the candidate index's holder counts, counted up to ``rank_cap``; ``N`` is
capped the same way), so a name that two claims hold counts for several times what
"said" or "militia" count. The score is the weighted Dice overlap of the two concept
sets, 0 to 100: twice the weight they share over the weight of both.

``content_guard`` says when a pair the score finds close is still not one claim.
Pure: no database, no printing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Container, Iterable
from functools import lru_cache
from typing import NamedTuple

from tracker.matching.form import index_form, skip_tokens
from tracker.matching.guards import extended_name, swapped_facts, swapped_names
from tracker.matching.settings import SETTINGS
from tracker.matching.similarity import sides_opposed
from tracker.matching.synonyms import concept_of
from tracker.text import features_and_fold, normalize, word_form


class Concepts(NamedTuple):
    """A claim's concepts, each with the posted token whose holder count weighs it, and
    which of them are names."""

    tokens: dict[str, str]  # concept -> posted token
    names: frozenset[str]
    words: dict[str, str]  # concept -> the first word of the text that has it, as written


@lru_cache(maxsize=262_144)
def concepts(text: str, norm: str) -> Concepts:
    """The concepts of a claim with this text and matching form (``norm``)."""
    feats, plain = features_and_fold(text)
    words, keyed = plain.split(), norm.split()
    skip = skip_tokens()
    out: dict[str, str] = {}
    shown: dict[str, str] = {}
    names: set[str] = set()
    aligned = len(words) == len(keyed)  # an analyst alias of several words changes the count
    for i, k in enumerate(keyed):
        w = words[i] if aligned else k
        if k in skip or w in skip or (len(k) == 1 and not k.isdigit()):
            continue
        token = index_form(k)
        if k.isdigit() or w in feats.names or not aligned or not w.isalpha():
            concept = token
            if w in feats.names:
                names.add(concept)
        else:
            concept = concept_of(w)
        out.setdefault(concept, token)
        shown.setdefault(concept, w)
    if names:
        written = {word_form(t): t for t in reversed(normalize(text).split())}
        shown.update((c, written.get(shown[c], shown[c])) for c in names)
    return Concepts(out, frozenset(names), shown)


class Weights:
    """A posted token's weight, ``ln((1 + N) / (1 + n)) + 0.05``, from ``holders`` (the
    candidate rule's source of postings: ``count(token)``, ``total()``, and where it has
    one ``prefetch_counts(tokens)``, which fetches the counts of many tokens at once);
    ``n`` and ``N`` are capped at ``rank_cap``."""

    def __init__(self, holders) -> None:
        self.holders = holders
        self.n_all = min(max(holders.total(), 1), SETTINGS.rank_cap)
        self.cache: dict[str, float] = {}

    def prefetch(self, tokens: Iterable[str]) -> None:
        fetch = getattr(self.holders, "prefetch_counts", None)
        if fetch is not None:
            fetch(tokens)

    def __call__(self, token: str) -> float:
        w = self.cache.get(token)
        if w is None:
            n = min(self.holders.count(token), self.n_all)
            w = self.cache[token] = math.log((1 + self.n_all) / (1 + n)) + 0.05
        return w


@lru_cache(maxsize=262_144)
def form_concepts(norm: str) -> frozenset[str]:
    """The concepts a matching form shows without its text being read again (for ranking
    many claims): each token in its index form, and the concept of each token that is a
    plain word (``concept_of``). A word the matching form holds as a name key ("raman"
    for "remain") shows only its key."""
    out: set[str] = set()
    for t in norm.split():
        out.add(index_form(t))
        if t.isalpha():
            out.add(concept_of(t))
    return frozenset(out)


def seen_in(a: Concepts, form: frozenset[str]) -> frozenset[str]:
    """The concepts of ``a`` that a matching form's ``form_concepts`` show: the concept
    itself, or the posted token it comes from."""
    return frozenset(c for c, t in a.tokens.items() if c in form or t in form)


def own_weights(a: Concepts, weight: Weights) -> dict[str, float]:
    """{concept: weight} of one claim's concepts."""
    return {c: weight(t) for c, t in a.tokens.items()}


def held_share(own: dict[str, float], held_concepts: Container[str]) -> float:
    """The share ``S`` of a claim's concept weight ``W`` (``own``) held by another claim
    (``held_concepts``: its concepts), on the content score's scale, ``200 S / (W + S)``, 0
    to 100: the highest content score the two can have, reached when the other's own
    concepts weigh nothing. Only the claim's own holder counts are needed."""
    held = sum(w for c, w in own.items() if c in held_concepts)
    return 200.0 * held / (sum(own.values()) + held) if held else 0.0


def content_score(a: Concepts, b: Concepts, weight: Callable[[str], float]) -> tuple[float, list[str]]:
    """(weighted Dice overlap of the concepts, 0-100; the shared concepts, heaviest first)."""
    shared = a.tokens.keys() & b.tokens.keys()
    if not shared:
        return 0.0, []
    wa = {c: weight(t) for c, t in a.tokens.items()}
    wb = {c: weight(t) for c, t in b.tokens.items()}
    both = {c: min(wa[c], wb[c]) for c in shared}
    total = sum(wa.values()) + sum(wb.values())
    score = round(200.0 * sum(both.values()) / total, 1) if total else 0.0
    return score, sorted(shared, key=lambda c: (-both[c], c))


def _numbers_disagree(a_numbers, b_numbers) -> bool:
    """Neither text's numbers (as a multiset of values) are all among the other's: a
    number only one text gives is more detail; two different values are two claims."""
    x = Counter(v for v, _ in a_numbers)
    y = Counter(v for v, _ in b_numbers)
    return not (x <= y or y <= x)


def _names_swapped(
    a: Concepts, b: Concepts, a_text: str, b_text: str, a_norm: str, b_norm: str
) -> str | None:
    """The names one text has in place of the other's, when the words the two do not share
    are mostly names on both sides (at least half of each side's unshared concepts): one
    sentence with another person or group in it. Two wordings that differ in many words
    and each add a name of their own ("near Baghdad airport", "Qassim" before
    "Soleimani") add detail, not another actor."""
    only_a = a.tokens.keys() - b.tokens.keys()
    only_b = b.tokens.keys() - a.tokens.keys()
    na, nb = only_a & a.names, only_b & b.names
    if (na or nb) and (extended := extended_name(a_text, b_text, a_norm, b_norm)) is not None:
        return f"{extended[0]} vs {extended[1]}"
    if not na or not nb or 2 * len(na) < len(only_a) or 2 * len(nb) < len(only_b):
        return None
    swapped = swapped_names(a_text, b_text, a_norm, b_norm)
    return None if swapped is None else f"{swapped[0]} vs {swapped[1]}"


def content_guard(a_text: str, b_text: str, a_norm: str, b_norm: str, facts, concepts_ab) -> str | None:
    """Why a pair close in content is no duplicate, or None: their numbers disagree, one
    is negated or denied more than the other, they sit on opposite sides of the lexicon,
    another actor stands in one of them, or each has a day, month, kind of casualty,
    weapon or direction the other lacks."""
    fa, fb = facts
    if _numbers_disagree(fa.numbers, fb.numbers):
        return "different numbers"
    if fa.polarity != fb.polarity:
        return "one of them negated or denied"
    if sides_opposed(fa.sides, fb.sides):
        return "opposing actions (lexicon)"
    swap = _names_swapped(*concepts_ab, a_text, b_text, a_norm, b_norm)
    if swap is not None:
        return f"different names: {swap}"
    fact = swapped_facts(a_norm, b_norm)
    if fact is not None:
        return f"different {fact[0]}: {fact[1]} vs {fact[2]}"
    return None
