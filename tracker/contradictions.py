"""Contradiction detectors (SPEC §5) and the opposing-action lexicon loader (pure).

Owns: the five automatic detectors (numeric, polarity, opposing action, responsibility,
verdict), the time rule they share (``same_period``), the cheap pre-filter (``plausible``),
and the lexicon of opposing predicate classes (built-in ``tracker/data/lexicon.toml`` merged
with the user's file, docs/lexicon.md). docs/contradictions.md explains every rule, with
examples and what each detector deliberately does not flag.

Must not: touch the database, print, or import typer, rich or SQLAlchemy. The database side
(candidate pairs, stored relations, dismissals, the report) builds :class:`ClaimView` objects
and calls :func:`plausible` and :func:`detect`; it decides what is stored.

Speed: everything that depends on one text only (normalised and folded tokens, numbers with
what they count, negated words, names, actors, perpetrators) is computed once per text and
kept in an LRU cache, so a pair costs a few set operations and at most one rapidfuzz call.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from tracker.errors import InvalidInput
from tracker.normalize import MONTHS, STOPWORDS, features_and_fold, name_key, normalize

__all__ = [
    "SETTINGS",
    "ClaimView",
    "DetectorSettings",
    "Lexicon",
    "Opposition",
    "PhraseMatch",
    "Prepared",
    "Signal",
    "builtin_lexicon",
    "default_lexicon",
    "detect",
    "lexicon_path",
    "load_lexicon",
    "numeric",
    "opposing_action",
    "period",
    "plausible",
    "polarity",
    "predicate_matches",
    "predicates",
    "prepare",
    "responsibility",
    "same_period",
    "similarity",
    "verdict",
]


# ---------------------------------------------------------------------------------------------
# Settings and the public value types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetectorSettings:
    """Every detector threshold, in one place (docs/contradictions.md, "Settings")."""

    window_days: int = 45
    """Two claims are about the same period when their date windows are at most this far
    apart (numeric, polarity, verdict, plausible)."""
    opposing_window_days: int = 60
    """The opposing-action window: wider, because instructions and their reported reversal
    are often dated only to the month (a June meeting against an early-July visit)."""
    responsibility_window_days: int = 3
    """One attack: the two event windows are at most this many days apart."""
    polarity_similarity: float = 70.0
    """Near-identical (negation words left out) for the polarity detector."""
    verdict_similarity: float = 75.0
    """Near-duplicate for the verdict detector, when the caller gives no similarity."""
    plausible_tokens: int = 2
    """Shared content tokens that make a pair without a shared name worth a look."""
    opposing_similarity: float = 45.0
    """Opposing action: least word similarity of the two claims (they are about one thing)."""
    proposition_similarity: float = 65.0
    """Confirm vs deny, support vs oppose: the confirmed and the denied statement must be
    nearly the same sentence, or the two claims are about different things."""
    proposition_oppositions: tuple[str, ...] = ("confirm-vs-deny", "support-vs-oppose")


SETTINGS = DetectorSettings()


@dataclass(frozen=True)
class ClaimView:
    """What the detectors need to know about one claim; built by the database side."""

    id: int
    text: str
    event_date: str | None = None  # partial ISO: YYYY, YYYY-MM, YYYY-MM-DD
    published: tuple[str, ...] = ()  # ISO dates of its appearances
    stances: tuple[str, ...] = ()  # asserts | denies | reports, one per appearance
    speakers: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    verdict: str | None = None  # true, mostly-true, mixed, mostly-false, false, unproven


@dataclass(frozen=True)
class Signal:
    """One detector's finding on a pair: its kind, a 0-100 confidence, and readable reasons."""

    kind: str  # "numeric" | "polarity" | "opposing-action" | "responsibility" | "verdict"
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Opposition:
    """Two opposing predicate classes (docs/lexicon.md); which one is ``a`` has no meaning."""

    name: str
    a: tuple[str, ...]
    b: tuple[str, ...]


@dataclass(frozen=True)
class PhraseMatch:
    """A lexicon phrase found in a text: its opposition, its side and the phrase."""

    opposition: str
    side: str  # "a" | "b"
    phrase: str


class _Matcher:
    """Leftmost-longest, non-overlapping phrase matching over every class at once."""

    def __init__(self, oppositions: Sequence[Opposition]) -> None:
        first: dict[str, list[tuple[tuple[str, ...], PhraseMatch]]] = {}
        for opp in oppositions:
            for side, phrases in (("a", opp.a), ("b", opp.b)):
                for phrase in phrases:
                    toks = tuple(phrase.split())
                    if toks:
                        first.setdefault(toks[0], []).append((toks, PhraseMatch(opp.name, side, phrase)))
        for entries in first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._first = first
        self._cache: dict[str, tuple[PhraseMatch, ...]] = {}

    def scan(self, text: str) -> tuple[PhraseMatch, ...]:
        found = self._cache.get(text)
        if found is None:
            found = self._scan(_info(text).norm)
            if len(self._cache) > 65536:
                self._cache.clear()
            self._cache[text] = found
        return found

    def _scan(self, toks: tuple[str, ...]) -> tuple[PhraseMatch, ...]:
        out: list[PhraseMatch] = []
        i, n = 0, len(toks)
        first = self._first
        while i < n:
            entries = first.get(toks[i])
            if entries:
                for ptoks, match in entries:
                    k = len(ptoks)
                    if i + k <= n and toks[i : i + k] == ptoks:
                        if not _negated_before(toks, i):
                            out.append(match)
                        i += k
                        break
                else:
                    i += 1
            else:
                i += 1
        return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """The merged opposing-action lexicon: built-in entries first, then the user's."""

    oppositions: tuple[Opposition, ...]
    _matcher: _Matcher = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", _Matcher(self.oppositions))

    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.oppositions)

    def match_tokens(self, tokens: tuple[str, ...]) -> tuple[PhraseMatch, ...]:
        """Phrases found in already normalised tokens (no caching, no text analysis): the
        cheap pass the database scan uses to pick candidate pairs."""
        return self._matcher._scan(tokens)


# ---------------------------------------------------------------------------------------------
# Word lists (normalised forms)
# ---------------------------------------------------------------------------------------------

# Negations for the lexicon rule (docs/lexicon.md): within three words before a phrase.
_LEX_NEGATIONS = frozenset(
    """
    not no never without cannot neither nor dont doesnt didnt isnt arent wasnt werent wont
    wouldnt cant couldnt shouldnt hasnt havent hadnt
    """.split()
)
_REFUSE = frozenset(("refused", "refuse", "refuses", "refusing", "declined"))

# Negations for polarity and casualty counts.
_NEGATIONS = _LEX_NEGATIONS | frozenset("nobody none nothing deny denies denied denying zero".split())
# Between a negation and the word it negates.
_HEAD_SKIP = STOPWORDS | frozenset(
    """
    be been being one ever yet even also actually really directly immediately reportedly
    any anyone anybody single officially publicly explicitly
    """.split()
)

# Names too broad to tie two claims to one subject on their own.
_WEAK_NAMES = frozenset(("us", "uk", "un", "eu", "amaracan", "amaracans", "wast", "ast"))

# Name keys of nationality adjectives and bodies mapped to the actor they stand for; the
# second set are looser affiliations (they count half: a Quds Force commander speaks for Iran,
# but a claim naming only the Quds Force is not about "Iran" in so many words).
_DEMONYMS = {
    "araqi": "araq",
    "araqis": "araq",
    "aranan": "aran",
    "aranans": "aran",
    "amaracan": "us",
    "amaracans": "us",
    "saran": "sara",
    "kurdac": "kurdastan",
    "labanasa": "labanun",
}


def actor_key(key: str) -> str:
    """One key for a country and its demonym ("Iraqi" and "Iraq", "American" and "US")."""
    return _DEMONYMS.get(key, key)


_AFFILIATIONS = {
    "quds": ("irgc", "aran"),
    "irgc": ("aran",),
    "katab": ("@militia",),
    "asab": ("@militia",),
    "nujaba": ("@militia",),
    "pmf": ("@militia",),
}
_GENERIC_ACTORS = {
    "militia": "@militia",
    "militias": "@militia",
    "faction": "@militia",
    "factions": "@militia",
    "paramilitary": "@militia",
    "paramilitaries": "@militia",
    "militiamen": "@militia",
    "troops": "@troops",
    "troop": "@troops",
    "soldiers": "@troops",
    "forces": "@troops",
}

# Counted things that are one thing (singular forms, as Features gives them).
_THING_CLASS = {
    "rocket": "rocket",
    "missile": "rocket",
    "projectile": "rocket",
    "grad": "rocket",
    "katyusha": "rocket",
    "drone": "drone",
    "uav": "drone",
    "troop": "troop",
    "soldier": "troop",
    "attack": "attack",
    "strike": "attack",
    "airstrike": "attack",
    "casualty": "casualty",
    "injured": "casualty",
    "wounded": "casualty",
    "hurt": "casualty",
    "injury": "casualty",
    "killed": "casualty",
    "dead": "casualty",
    "death": "casualty",
    "fatality": "casualty",
    "died": "casualty",
}
# Words between a number and the noun it counts that say which kind of it ("8 drone attacks").
_MODIFIER_CLASS = {
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "rocket": "rocket",
    "rockets": "rocket",
    "missile": "rocket",
    "missiles": "rocket",
    "grad": "rocket",
    "katyusha": "rocket",
    "projectile": "rocket",
    "mortar": "mortar",
    "ied": "ied",
    "roadside": "ied",
    "suicide": "suicide",
}
_CASUALTY_SUB = {
    "killed": "death",
    "dead": "death",
    "death": "death",
    "deaths": "death",
    "died": "death",
    "fatality": "death",
    "fatalities": "death",
    "injured": "injury",
    "wounded": "injury",
    "hurt": "injury",
    "injury": "injury",
    "injuries": "injury",
    "casualty": "any",
    "casualties": "any",
}
_CASUALTY_VERBS_BEFORE = frozenset(("killed", "killing", "wounded", "wounding", "injured", "injuring"))
_PERSONS = frozenset(
    """
    person people soldier troop civilian personnel man woman child member contractor worker
    fighter militant staff officer guard marine service american iraqi employee
    """.split()
)
_COMPARABLE = frozenset(_THING_CLASS.values())
_SEVERITY_MINOR = frozenset(("minor", "light", "slight", "superficial"))
# Quantity words without a number: the least they can mean.
_INDEFINITE = {
    "several": 2.0,
    "some": 1.0,
    "many": 3.0,
    "multiple": 2.0,
    "numerous": 3.0,
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 200.0,
    "thousands": 2000.0,
}
_LOWER_BOUND = (
    ("at", "least"),
    ("more", "than"),
    ("no", "fewer", "than"),
    ("no", "less", "than"),
    ("over",),
    ("upwards", "of"),
    ("in", "excess", "of"),
)
_UPPER_BOUND = (
    ("up", "to"),
    ("as", "many", "as"),
    ("at", "most"),
    ("fewer", "than"),
    ("less", "than"),
    ("no", "more", "than"),
    ("under",),
)
_APPROX = (
    ("about",),
    ("around",),
    ("approximately",),
    ("roughly",),
    ("nearly",),
    ("almost",),
    ("some",),
    ("an", "estimated"),
    ("estimated",),
)
_COUNT_GAP = frozenset(
    """
    of the more than other additional further new some about around nearly almost over least
    us american iraqi iranian israeli turkish british foreign local armed unarmed unguided
    suspected alleged possible reported separate different heavy light small large big
    unmanned explosive rival were was had been have has are
    """.split()
)

_ATTACK_WORDS = frozenset(
    """
    attack attacks attacked strike strikes struck airstrike airstrikes bombing bombings bomb
    bombed fired launched shelling shelled explosion blast ambush raid assault
    """.split()
)
_WEAPON_CLASS = {
    "drone": "drone",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "rocket": "rocket",
    "rockets": "rocket",
    "missile": "rocket",
    "missiles": "rocket",
    "grad": "rocket",
    "katyusha": "rocket",
    "katyushas": "rocket",
    "mortar": "mortar",
    "mortars": "mortar",
    "ied": "ied",
    "roadside": "ied",
    "car": "car bomb",
}
# Perpetrator cues. Before: the agent is the name run just before the cue. After: just after.
_AGENT_BEFORE: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "claimed responsibility",
        "claims responsibility",
        "claim responsibility",
        "claiming responsibility",
        "took responsibility",
        "takes responsibility",
        "claimed the attack",
        "claimed the attacks",
        "claims the attack",
        "claimed the strike",
        "carried out",
        "carries out",
        "fired",
        "fires",
        "launched",
        "launches",
        "attacked",
        "targeted",
        "struck",
        "shelled",
        "bombed",
        "was behind",
        "were behind",
        "is behind",
        "are behind",
    )
)
_AGENT_AFTER: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "carried out by",
        "claimed by",
        "blamed on",
        "attributed to",
        "launched by",
        "fired by",
        "conducted by",
        "perpetrated by",
        "blamed",
    )
)
_AGENT_CUES: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _where, _phrases_ in (("after", _AGENT_AFTER), ("before", _AGENT_BEFORE)):
    for _ph in _phrases_:
        _AGENT_CUES.setdefault(_ph[0], []).append((_where, _ph))
for _cues in _AGENT_CUES.values():
    _cues.sort(key=lambda c: len(c[1]), reverse=True)  # "carried out by" before "carried out"

_CLAIM_VERBS = frozenset(("claimed", "claims", "claim", "claiming"))
_CLAIM_GAP = frozenset(("the", "a", "an", "last", "latest", "recent", "deadly", "overnight"))

_AGENT_SKIP_BACK = frozenset(
    """
    it they he she has have had was were is are says said say claimed claims reportedly
    allegedly also then later subsequently which who that been
    """.split()
)
_NAME_JOINERS = frozenset(("of", "bin", "ibn", "and"))
_GENERIC_AGENT_TAIL = frozenset(
    "forces troops militia militias fighters militants group groups brigade brigades".split()
)

_REPORTING = frozenset(
    """
    said says say told tells tell added reported reports report according claimed claims
    stated statement official officials source sources spokesman
    """.split()
)
_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_FALSE = frozenset(("false", "mostly-false"))
_TRUE = frozenset(("true", "mostly-true"))


def _word_keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(name_key(w) for w in words)


# Keys of words that are never a perpetrator's name even when capitalised.
_NOT_AGENT_KEYS = _word_keys(
    (*_WEAPON_CLASS, "katyusha", "katyushas", "grad", "unknown", "unidentified", "gunmen", "the")
)


# ---------------------------------------------------------------------------------------------
# Per-text analysis (cached)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Count:
    key: tuple[str, str]  # (class, kind): ("rocket", ""), ("attack", "drone"), ("casualty", "death")
    low: float
    high: float
    phrase: str
    minor: bool = False  # casualties described as minor / light


@dataclass(frozen=True, slots=True)
class _Agent:
    keys: frozenset[str]
    phrase: str


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


def _match_at(toks: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    k = len(phrase)
    return tuple(toks[i : i + k]) == phrase


def _singular(t: str) -> str:
    if t in ("people",):
        return "person"
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if t.endswith(("sses", "shes", "ches", "xes")):
        return t[:-2]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        return t[:-1]
    return t


def _bound(toks: Sequence[str], p: int, value: float) -> tuple[float, float, str]:
    """The interval a count means, from the words just before it at ``p``."""
    for phrases, kind in ((_LOWER_BOUND, "low"), (_UPPER_BOUND, "high"), (_APPROX, "approx")):
        for ph in phrases:
            k = len(ph)
            if p - k >= 0 and tuple(toks[p - k : p]) == ph:
                q = " ".join(ph)
                if kind == "low":
                    return value, math.inf, q
                if kind == "high":
                    return 0.0, value, q
                return value * 0.85, value * 1.15, q
    return value, value, ""


def _casualty_after(toks: Sequence[str], q: int) -> tuple[int, str] | None:
    """A casualty word within four words after a counted person at ``q``."""
    for k in range(q + 1, min(len(toks), q + 5)):
        sub = _CASUALTY_SUB.get(toks[k])
        if sub:
            return k, sub
        if toks[k] in (".",):
            break
    return None


def _counts(toks: tuple[str, ...], numbers: Sequence[tuple[float, str]]) -> tuple[_Count, ...]:
    out: list[_Count] = []
    covered: set[int] = set()
    cursor = 0
    n = len(toks)

    def locate(value: float) -> int | None:
        nonlocal cursor
        for k in range(cursor, n):
            t = toks[k]
            hit = (
                t in ("no", "nobody", "none", "zero")
                if value == 0
                else (t[0].isdigit() and _NUMBER_RE.fullmatch(t) is not None and float(t) == value)
            )
            if hit:
                cursor = k + 1
                return k
        return None

    def add(p: int, q: int, thing: str, low: float, high: float, qual: str) -> None:
        cls = _THING_CLASS.get(thing, thing)
        sub = ""
        end = q
        minor = False
        if cls == "casualty":
            sub = _CASUALTY_SUB.get(toks[q], _CASUALTY_SUB.get(thing, "any"))
        elif thing in _PERSONS or cls == "troop" or (thing == "member" and "service" in toks[p:q]):
            after = _casualty_after(toks, q)
            before = next((t for t in toks[max(0, p - 2) : p] if t in _CASUALTY_VERBS_BEFORE), None)
            if after is not None:
                end, sub = after
                cls = "casualty"
            elif before is not None:
                cls, sub = "casualty", _CASUALTY_SUB.get(before.replace("ing", "ed"), "any")
            elif thing == "member" and "service" in toks[p:q]:
                cls = "troop"
        else:
            mods = {_MODIFIER_CLASS[t] for t in toks[p + 1 : q] if t in _MODIFIER_CLASS}
            mods.discard(cls)
            sub = "+".join(sorted(mods))
        if cls == "casualty":
            minor = any(t in _SEVERITY_MINOR for t in toks[max(p, end - 2) : end])
        covered.update(range(p, end + 1))
        phrase = " ".join(toks[p : end + 1])
        if qual:
            phrase = f"{qual} {phrase}"
        out.append(_Count((cls, sub), low, high, phrase, minor))

    for value, thing in numbers:
        if not thing:
            continue
        p = locate(value)
        if p is None:
            continue
        q = p + 1
        for k in range(p + 1, min(n, p + 6)):
            if toks[k] == thing or _singular(toks[k]) == thing:
                q = k
                break
        else:
            continue
        if value == 0:
            low, high, qual = 0.0, 0.0, ""
        else:
            low, high, qual = _bound(toks, p, value)
        add(p, q, thing, low, high, qual)

    # "several US soldiers were killed", "dozens of rockets"
    for p, t in enumerate(toks):
        least = _INDEFINITE.get(t)
        if least is None or p in covered or (p + 1 < n and toks[p + 1][0].isdigit()):
            continue
        for k in range(p + 1, min(n, p + 4)):
            w = toks[k]
            if w in _COUNT_GAP or (w in _MODIFIER_CLASS and _singular(w) == w):
                continue
            thing = "personnel" if w in ("personnel", "staff") else _singular(w)
            plural = thing != w or w in ("personnel", "staff", "people")
            if plural and (thing in _THING_CLASS or thing in _PERSONS):
                add(p, k, thing, least, math.inf, "")
                if out[-1].key[0] not in _COMPARABLE:
                    out.pop()  # "some officials": not a count this detector compares
            break

    # casualty words with no count: "militia rockets killed American troops", "were not hurt"
    for k, t in enumerate(toks):
        sub = _CASUALTY_SUB.get(t)
        if sub is None or k in covered:
            continue
        if any(w in _NEGATIONS for w in toks[max(0, k - 3) : k]):
            lo = max(0, k - 3)
            start = next(j for j in range(lo, k) if toks[j] in _NEGATIONS)
            out.append(_Count(("casualty", sub), 0.0, 0.0, " ".join(toks[start : k + 1])))
        else:
            minor = any(w in _SEVERITY_MINOR for w in toks[max(0, k - 2) : k])
            start = k - 1 if minor else k
            end = k
            for j in range(k + 1, min(n, k + 3)):  # "killed American troops"
                if toks[j] in _COUNT_GAP:
                    continue
                if _singular(toks[j]) in _PERSONS or toks[j] in _PERSONS:
                    end = j
                    break
            phrase = " ".join(toks[start : end + 1])
            out.append(_Count(("casualty", sub), 1.0, math.inf, phrase, minor))
    return tuple(out)


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


def _agents(ftoks: tuple[str, ...], names: frozenset[str]) -> tuple[_Agent, ...]:
    def is_name(t: str) -> bool:
        return t in names and t not in _NOT_AGENT_KEYS

    out: list[_Agent] = []
    n = len(ftoks)
    i = 0
    while i < n:
        cue = None
        for where, ph in _AGENT_CUES.get(ftoks[i], ()):
            if _match_at(ftoks, i, ph):
                cue = (where, ph)
                break
        if cue is None and ftoks[i] in _CLAIM_VERBS:  # "claimed the 26 June rocket attack"
            for k in range(i + 1, min(n, i + 6)):
                t = ftoks[k]
                if t in _ATTACK_WORDS:
                    cue = ("before", (ftoks[i],))
                    break
                if not (t in _CLAIM_GAP or t in _WEAPON_CLASS or t in MONTHS or t[0].isdigit()):
                    break
        if cue is None and ftoks[i] == "by" and any(t in _ATTACK_WORDS for t in ftoks[max(0, i - 3) : i]):
            cue = ("after", ("by",))
        if cue is None:
            i += 1
            continue
        where, ph = cue
        if any(t in _NEGATIONS for t in ftoks[max(0, i - 3) : i]):
            i += len(ph)
            continue
        run: list[str] = []
        if where == "before":
            j = i - 1
            while j >= 0 and ftoks[j] in _AGENT_SKIP_BACK:
                j -= 1
            while j >= 0 and ftoks[j] in _GENERIC_AGENT_TAIL:
                j -= 1
            while j >= 0:
                t = ftoks[j]
                if is_name(t):
                    run.append(t)
                elif t in _NAME_JOINERS and j > 0 and is_name(ftoks[j - 1]) and run:
                    run.append(t)
                else:
                    break
                j -= 1
            run.reverse()
        else:
            j = i + len(ph)
            while j < n and ftoks[j] in ("the", "a", "an"):
                j += 1
            while j < n:
                t = ftoks[j]
                if is_name(t):
                    run.append(t)
                elif t in _NAME_JOINERS and j + 1 < n and is_name(ftoks[j + 1]) and run:
                    run.append(t)
                else:
                    break
                j += 1
            # "by Iraqi armed groups", "by Iran-backed militias": a description, not a name
            if j < n and ftoks[j] in ("armed", "backed", "aligned", "linked", "allied", *_GENERIC_AGENT_TAIL):
                run = []
            if ph == ("blamed",) and not (j < n and ftoks[j] == "for"):
                run = []
        keys = frozenset(_DEMONYMS.get(t, t) for t in run if t not in _NAME_JOINERS)
        if keys:
            out.append(_Agent(keys, " ".join(run)))
        i += len(ph)
    return tuple(out)


def _actors(names: frozenset[str], toks: tuple[str, ...]) -> dict[str, float]:
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


# ---------------------------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _date_window(value: str | None) -> tuple[int, int] | None:
    """A partial ISO date as (first day, last day) ordinals; None when it is not a date."""
    if not value:
        return None
    s = value.strip()[:10]
    try:
        if len(s) == 4:
            y = int(s)
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        if len(s) == 7 and s[4] == "-":
            y, m = int(s[:4]), int(s[5:7])
            start = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return start.toordinal(), nxt.toordinal() - 1
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            d = date(int(s[:4]), int(s[5:7]), int(s[8:10])).toordinal()
            return d, d
    except ValueError:
        return None
    return None


@lru_cache(maxsize=131072)
def _window(event_date: str | None, published: tuple[str, ...]) -> tuple[int, int] | None:
    w = _date_window(event_date)
    if w is not None:
        return w
    spans = [s for s in (_date_window(p) for p in published) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def period(view: ClaimView) -> tuple[date, date] | None:
    """The claim's time window: its event date as an interval, else the span of its
    publication dates; None when it has neither."""
    w = _window(view.event_date, view.published)
    if w is None:
        return None
    return date.fromordinal(w[0]), date.fromordinal(w[1])


def same_period(a: ClaimView, b: ClaimView, days: int = SETTINGS.window_days) -> bool:
    """True when the two claims' windows are at most ``days`` apart (or overlap), or when
    either has no date at all (nothing separates them)."""
    wa = _window(a.event_date, a.published)
    wb = _window(b.event_date, b.published)
    if wa is None or wb is None:
        return True
    return max(wb[0] - wa[1], wa[0] - wb[1]) <= days


def _when(view: ClaimView) -> str:
    if view.event_date and _date_window(view.event_date):
        return view.event_date
    dates = sorted(p for p in view.published if _date_window(p))
    return f"published {dates[0]}" if dates else "undated"


def _day_precise(view: ClaimView) -> bool:
    w = _window(view.event_date, view.published)
    return w is not None and w[1] - w[0] <= 1


# ---------------------------------------------------------------------------------------------
# Pair helpers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """A view with its per-text analysis resolved (``prepare``); detectors accept either."""

    view: ClaimView
    info: _TextInfo
    window: tuple[int, int] | None


def prepare(view: ClaimView) -> Prepared:
    """Analyse a view once (results are cached per text anyway)."""
    return Prepared(view, _info(view.text), _window(view.event_date, view.published))


def _v(x: ClaimView | Prepared) -> ClaimView:
    return x.view if isinstance(x, Prepared) else x


def similarity(a: ClaimView | str, b: ClaimView | str) -> float:
    """0-100 word similarity of two claims on their folded text without negation words
    (so "did not rebuke" and "rebuked" compare as the same words). Same blend as matching:
    half token_sort_ratio, half token_set_ratio."""
    ta = _info(a if isinstance(a, str) else _v(a).text).polar_text
    tb = _info(b if isinstance(b, str) else _v(b).text).polar_text
    sort = fuzz.token_sort_ratio(ta, tb, processor=None)
    tset = fuzz.token_set_ratio(ta, tb, processor=None)
    return round(0.5 * sort + 0.5 * tset, 1)


_similarity = similarity


_DEMONYM_OF = {v: k for k, v in _DEMONYMS.items()}


def _word(k: str, *infos: _TextInfo) -> str:
    """A spelling of name key ``k`` found in one of the texts (for reasons)."""
    if k.startswith("@"):
        return k[1:]
    for info in infos:
        w = info.display.get(k)
        if w is not None:
            return w
    for info in infos:
        w = info.display.get(_DEMONYM_OF.get(k, ""))
        if w is not None:
            return w
    return k


def _show(keys: Iterable[str], *infos: _TextInfo) -> str:
    return ", ".join(_word(k, *infos) for k in sorted(keys))


def _show_run(run: str, info: _TextInfo) -> str:
    return " ".join(_word(k, info) for k in run.split())


def plausible(a: ClaimView, b: ClaimView) -> bool:
    """Worth running the detectors: a shared (folded) name other than a very broad one such
    as "US", or at least two shared content words and the same period."""
    ia = _info(a.text)
    ib = _info(b.text)
    if not ia.names.isdisjoint(ib.names):
        return True
    if len(ia.content & ib.content) >= SETTINGS.plausible_tokens:
        return same_period(a, b)
    return False


def _same_subject(ia: _TextInfo, ib: _TextInfo) -> str | None:
    """What makes two texts about the same subject (shown in reasons), or None."""
    shared = ia.names & ib.names
    if shared:
        return _show(shared, ia, ib)
    if ia.names and ib.names:
        return None  # each names something, and not the same thing
    words = {t for t in ia.content & ib.content if not t[0].isdigit()}
    small = min(len(ia.content), len(ib.content)) or 1
    if len(words) >= 3 and len(words) / small >= 0.4:
        return ", ".join(sorted(words))
    return None


# ---------------------------------------------------------------------------------------------
# The detectors
# ---------------------------------------------------------------------------------------------


def _disjoint(x: _Count, y: _Count) -> bool:
    return x.high < y.low or y.high < x.low


def _fmt_count(c: _Count) -> str:
    return f'"{c.phrase}"'


def numeric(a: ClaimView, b: ClaimView) -> Signal | None:
    """Same subject, same counted thing, different numbers, same period (SPEC §5)."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    if not ia.counts or not ib.counts:
        return None
    subject = _same_subject(ia, ib)
    if subject is None or not same_period(a, b):
        return None
    found: list[tuple[float, str]] = []
    by_key_a: dict[tuple[str, str], list[_Count]] = {}
    by_key_b: dict[tuple[str, str], list[_Count]] = {}
    for c in ia.counts:
        by_key_a.setdefault(c.key, []).append(c)
    for c in ib.counts:
        by_key_b.setdefault(c.key, []).append(c)
    attack_a = ia.attack or bool(ia.weapons)
    what = "the same attack" if attack_a and (ib.attack or ib.weapons) else "the same thing"
    for key, ca in by_key_a.items():
        cb = by_key_b.get(key)
        if not cb:
            continue
        if all(_disjoint(x, y) for x in ca for y in cb):
            x, y = ca[0], cb[0]
            exact = x.low == x.high and y.low == y.high
            score = 80.0 if exact else 72.0
            found.append((score, f"{_fmt_count(x)} vs {_fmt_count(y)}: different counts of {what}"))
    # "no casualties" against any reported death or injury
    for left, right, flip in ((by_key_a, by_key_b, False), (by_key_b, by_key_a, True)):
        zero = [c for c in left.get(("casualty", "any"), ()) if c.high == 0]
        if not zero:
            continue
        for key in (("casualty", "death"), ("casualty", "injury")):
            pos = [c for c in right.get(key, ()) if c.low > 0]
            if pos:
                x, y = (pos[0], zero[0]) if flip else (zero[0], pos[0])
                found.append(
                    (75.0, f"{_fmt_count(x)} vs {_fmt_count(y)}: different casualty counts of {what}")
                )
                break
    # deaths on one side, only minor injuries on the other
    if not found:
        for left, right, flip in ((by_key_a, by_key_b, False), (by_key_b, by_key_a, True)):
            deaths = [c for c in left.get(("casualty", "death"), ()) if c.low > 0]
            minor = [c for c in right.get(("casualty", "injury"), ()) if c.minor and c.low > 0]
            if deaths and minor and ("casualty", "death") not in right:
                x, y = (minor[0], deaths[0]) if flip else (deaths[0], minor[0])
                found.append(
                    (
                        45.0,
                        f"{_fmt_count(x)} vs {_fmt_count(y)}: deaths on one side, only minor "
                        f"injuries on the other, in {what}",
                    )
                )
                break
    if not found:
        return None
    found.sort(key=lambda f: -f[0])
    score = found[0][0]
    if _day_precise(a) and _day_precise(b):
        score += 5
    if len(ia.names & ib.names) >= 2:
        score += 5
    reasons = tuple(r for _, r in found) + (
        f"same subject ({subject}), same period ({_when(a)} / {_when(b)})",
    )
    return Signal("numeric", min(score, 95.0), reasons)


def _asserting(view: ClaimView) -> bool:
    return not view.stances or "asserts" in view.stances


def _denies_only(view: ClaimView) -> bool:
    return bool(view.stances) and all(s == "denies" for s in view.stances)


def _text_flip(ia: _TextInfo, ib: _TextInfo) -> str | None:
    """A word one text negates and the other states plainly, or None."""
    for h in sorted(ia.heads - ib.heads):
        if h in ib.plain_stems:
            return h
    for h in sorted(ib.heads - ia.heads):
        if h in ia.plain_stems:
            return h
    return None


def _flip_word(ia: _TextInfo, ib: _TextInfo, stem: str) -> tuple[str, str]:
    """The negated phrase and the plain word, for the reasons."""
    for info, other in ((ia, ib), (ib, ia)):
        toks = info.norm
        for i, t in enumerate(toks):
            if t in _NEGATIONS:
                for k in range(i + 1, min(len(toks), i + 5)):
                    if _stem(toks[k]) == stem:
                        j = next((j for j, w in enumerate(other.norm) if _stem(w) == stem), None)
                        if j is None:
                            return " ".join(toks[i : k + 1]), stem
                        # the negated word's neighbour in both quotes when the head is a noun
                        tail = 2 if t in ("deny", "denies", "denied", "denying") else 1
                        return " ".join(toks[i : k + tail]), " ".join(other.norm[j : j + tail])
    return stem, stem


def polarity(a: ClaimView, b: ClaimView, similarity_: float | None = None) -> Signal | None:
    """Near-identical claims, one negated (or denied) and the other not (SPEC §5)."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    flip = _text_flip(ia, ib)
    stance = (_denies_only(a) and _asserting(b)) or (_denies_only(b) and _asserting(a))
    if (flip is not None) == stance:
        return None
    if not same_period(a, b):
        return None
    sim = _similarity(a, b) if similarity_ is None else similarity_
    if sim < SETTINGS.polarity_similarity:
        return None
    if flip is not None:
        neg, plain = _flip_word(ia, ib, flip)
        reason = f'"{neg}" vs "{plain}": the same claim, negated on one side'
    else:
        denier = a if _denies_only(a) else b
        reason = (
            f"claim {denier.id} is only denied where the other is asserted: "
            "the same claim, denied on one side"
        )
    score = min(95.0, 55.0 + (sim - SETTINGS.polarity_similarity) * 1.3)
    return Signal("polarity", round(score, 1), (reason, f"word similarity {sim:.0f}"))


def predicate_matches(text: str, lexicon: Lexicon | None = None) -> tuple[PhraseMatch, ...]:
    """Every lexicon phrase found in ``text`` (negated ones dropped), in text order."""
    lex = default_lexicon() if lexicon is None else lexicon
    return lex._matcher.scan(text)


def predicates(text: str, lexicon: Lexicon | None = None) -> dict[str, str]:
    """Opposition name -> "a" or "b": the side this text takes. An opposition whose both sides
    occur in the text is left out (it gives no signal, docs/lexicon.md)."""
    sides: dict[str, str] = {}
    both: set[str] = set()
    for m in predicate_matches(text, lexicon):
        s = sides.get(m.opposition)
        if s is None:
            sides[m.opposition] = m.side
        elif s != m.side:
            both.add(m.opposition)
    for name in both:
        del sides[name]
    return sides


def _shared_actors(ia: _TextInfo, ib: _TextInfo) -> tuple[float, list[str]]:
    weight = 0.0
    shown: list[str] = []
    for k in ia.actors.keys() & ib.actors.keys():
        w = min(ia.actors[k], ib.actors[k])
        weight += w
        if w >= 1.0:
            shown.append(k)
    return weight, shown


def opposing_action(a: ClaimView, b: ClaimView, lexicon: Lexicon | None = None) -> Signal | None:
    """Same actors, same period, predicates from opposite classes of one opposition."""
    a, b = _v(a), _v(b)
    lex = default_lexicon() if lexicon is None else lexicon
    ma = lex._matcher.scan(a.text)
    mb = lex._matcher.scan(b.text)
    if not ma or not mb:
        return None
    sa, sb = predicates(a.text, lex), predicates(b.text, lex)
    opposed = [name for name, side in sa.items() if sb.get(name, side) != side]
    if not opposed:
        return None
    ia, ib = _info(a.text), _info(b.text)
    weight, shown = _shared_actors(ia, ib)
    if weight < 1.0:
        return None
    if not same_period(a, b, SETTINGS.opposing_window_days):
        return None
    sim = _similarity(a, b)
    opposed = [
        name
        for name in opposed
        if sim
        >= (
            SETTINGS.proposition_similarity
            if name in SETTINGS.proposition_oppositions
            else SETTINGS.opposing_similarity
        )
    ]
    if not opposed:
        return None
    reasons = []
    for name in opposed:
        pa = next(m.phrase for m in ma if m.opposition == name)
        pb = next(m.phrase for m in mb if m.opposition == name)
        reasons.append(f'"{pa}" vs "{pb}": opposing action ({name})')
    reasons.append(
        f"shared actors: {_show(shown, ia, ib) or 'by affiliation'}; same period ({_when(a)} / {_when(b)})"
    )
    score = 60.0 + min(weight, 4.0) * 5.0
    return Signal("opposing-action", min(score, 90.0), tuple(reasons))


def responsibility(a: ClaimView, b: ClaimView) -> Signal | None:
    """One attack (same place or target, within a few days) with different perpetrators."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    if not ia.agents or not ib.agents or not ia.attack or not ib.attack:
        return None
    agents_a = frozenset().union(*(g.keys for g in ia.agents))
    agents_b = frozenset().union(*(g.keys for g in ib.agents))
    if agents_a & agents_b:
        return None
    if ia.weapons and ib.weapons and ia.weapons.isdisjoint(ib.weapons):
        return None  # a drone attack and a rocket attack: two events
    place = (ia.names - agents_a - agents_b) & (ib.names - agents_a - agents_b)
    if not place:
        return None
    if not same_period(a, b, SETTINGS.responsibility_window_days):
        return None
    score = 70.0
    if _day_precise(a) and _day_precise(b):
        score += 15.0
    reasons = (
        f'"{_show_run(ia.agents[0].phrase, ia)}" vs "{_show_run(ib.agents[0].phrase, ib)}": '
        "the same attack attributed to different perpetrators",
        f"same place or target ({_show(place, ia, ib)}), same time ({_when(a)} / {_when(b)})",
    )
    return Signal("responsibility", score, reasons)


def _flipped(a: ClaimView, b: ClaimView) -> bool:
    """One claim says the opposite of the other: a word negated on one side only, or one
    denied where the other is asserted (both at once cancel out)."""
    stance = (_denies_only(a) and _asserting(b)) or (_denies_only(b) and _asserting(a))
    return (_text_flip(_info(a.text), _info(b.text)) is not None) != stance


def verdict(a: ClaimView, b: ClaimView, similarity: float | None = None) -> Signal | None:
    """A claim rated false or mostly-false that the other (a near-duplicate) asserts, or two
    near-duplicates whose verdicts clash. ``similarity`` lets the caller vouch for the pair
    (an analyst ``supports`` link, or its own score); without it the words must be at least
    ``SETTINGS.verdict_similarity`` alike."""
    a, b = _v(a), _v(b)
    false_a, false_b = a.verdict in _FALSE, b.verdict in _FALSE
    true_a, true_b = a.verdict in _TRUE, b.verdict in _TRUE
    if not (false_a or false_b or (true_a and true_b)):
        return None
    if not same_period(a, b):
        return None
    sim = _similarity(a, b) if similarity is None else similarity
    if similarity is None and sim < SETTINGS.verdict_similarity:
        return None
    if numeric(a, b) is not None:
        return None  # different numbers: not the same claim
    flipped = _flipped(a, b)
    alike = f"word similarity {sim:.0f}"
    if (false_a and true_b) or (true_a and false_b):
        if flipped:
            return None  # "X" false and "not X" true agree
        f, t = (a, b) if false_a else (b, a)
        return Signal(
            "verdict",
            85.0,
            (
                f"the same claim rated {f.verdict} (claim {f.id}) and {t.verdict} (claim {t.id})",
                alike,
            ),
        )
    if (false_a and false_b) or (true_a and true_b):
        if not flipped:
            return None
        return Signal(
            "verdict",
            80.0,
            (
                f"both rated {a.verdict} / {b.verdict}, yet one says the opposite of the other",
                alike,
            ),
        )
    f, o = (a, b) if false_a else (b, a)
    if flipped or not _asserting(o) or o.verdict not in (None, "unproven"):
        return None
    score = min(90.0, 65.0 + max(0.0, sim - SETTINGS.verdict_similarity))
    return Signal(
        "verdict",
        round(score, 1),
        (
            f"claim {o.id} asserts what claim {f.id} is rated {f.verdict}",
            alike,
        ),
    )


def detect(a: ClaimView, b: ClaimView, lexicon: Lexicon | None = None) -> list[Signal]:
    """Every detector on one pair, strongest first; [] when nothing is found."""
    a, b = _v(a), _v(b)
    lex = default_lexicon() if lexicon is None else lexicon
    out: list[Signal] = []
    for sig in (
        numeric(a, b),
        opposing_action(a, b, lex),
        responsibility(a, b),
    ):
        if sig is not None:
            out.append(sig)
    sim: float | None = None
    ia, ib = _info(a.text), _info(b.text)
    need_polarity = (_text_flip(ia, ib) is not None) or _denies_only(a) or _denies_only(b)
    need_verdict = a.verdict in _FALSE or b.verdict in _FALSE or (a.verdict in _TRUE and b.verdict in _TRUE)
    if need_polarity or need_verdict:
        sim = _similarity(a, b)
    if need_polarity:
        sig = polarity(a, b, sim)
        if sig is not None:
            out.append(sig)
    if need_verdict and sim is not None and sim >= SETTINGS.verdict_similarity:
        sig = verdict(a, b, sim)
        if sig is not None:
            out.append(sig)
    out.sort(key=lambda s: -s.score)
    return out


# ---------------------------------------------------------------------------------------------
# The lexicon: built-in file merged with the user's (docs/lexicon.md)
# ---------------------------------------------------------------------------------------------


def lexicon_path() -> Path:
    """Where the user's lexicon file lives (it need not exist)."""
    import platformdirs

    return platformdirs.user_config_path("tracker", appauthor=False) / "lexicon.toml"


def _read_builtin_text() -> str:
    from importlib.resources import files

    return files("tracker").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[Opposition, ...]:
    data = tomllib.loads(_read_builtin_text())
    return tuple(Opposition(e["name"], tuple(e["a"]), tuple(e["b"])) for e in data["opposition"])


def builtin_lexicon() -> Lexicon:
    """The lexicon shipped with tracker, without the user's file."""
    return _builtin_lexicon()


@lru_cache(maxsize=1)
def _builtin_lexicon() -> Lexicon:
    return Lexicon(_builtin_entries())


def _bad(path: Path, message: str) -> InvalidInput:
    return InvalidInput(f"The lexicon file {path} is not valid: {message}; fix it or move it away.")


def _phrases(path: Path, name: str, side: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _bad(path, f'entry "{name}": {side} must be a list of phrases')
    out: list[str] = []
    for p in value:
        if not isinstance(p, str):
            raise _bad(path, f'entry "{name}": {side} holds {p!r}, which is not a string')
        if not p or normalize(p) != p:
            hint = normalize(p) if isinstance(p, str) and normalize(p) else ""
            tip = f' (write "{hint}")' if hint else ""
            raise _bad(path, f'entry "{name}": phrase "{p}" is not in normalised form{tip}')
        out.append(p)
    return tuple(out)


def _merge_user(builtin: Sequence[Opposition], path: Path, text: str) -> tuple[Opposition, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, f"TOML error: {exc}") from None
    extra = set(data) - {"meta", "opposition"}
    if extra:
        raise _bad(path, f"unknown table {sorted(extra)[0]!r} (expected [[opposition]] entries)")
    entries = data.get("opposition", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _bad(path, "opposition must be written as [[opposition]] tables")
    merged = {o.name: (list(o.a), list(o.b)) for o in builtin}
    order = [o.name for o in builtin]
    for n, entry in enumerate(entries, 1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _bad(path, f"opposition entry {n} has no name")
        unknown = set(entry) - {"name", "a", "b"}
        if unknown:
            key = sorted(unknown)[0]
            raise _bad(path, f'entry "{name}" has an unknown key {key!r} (expected name, a, b)')
        a = _phrases(path, name, "a", entry.get("a", []))
        b = _phrases(path, name, "b", entry.get("b", []))
        if name in merged:
            ca, cb = merged[name]
            ca.extend(p for p in a if p not in ca)
            cb.extend(p for p in b if p not in cb)
        else:
            if not a or not b:
                raise _bad(path, f'new entry "{name}" needs both a and b phrases')
            merged[name] = (list(dict.fromkeys(a)), list(dict.fromkeys(b)))
            order.append(name)
    where: dict[str, str] = {}
    for name in order:
        for side, phrases in zip(("a", "b"), merged[name], strict=True):
            for p in phrases:
                here = f"{name}.{side}"
                if p in where and where[p] != here:
                    raise _bad(path, f'phrase "{p}" is in {where[p]} and in {here} (one class per phrase)')
                where[p] = here
    return tuple(Opposition(name, tuple(merged[name][0]), tuple(merged[name][1])) for name in order)


def load_lexicon(user_file: Path | None = None) -> Lexicon:
    """The built-in lexicon merged with the user's file (``user_file``, else
    :func:`lexicon_path` when it exists). A broken user file raises InvalidInput."""
    path = lexicon_path() if user_file is None else Path(user_file)
    builtin = _builtin_entries()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if user_file is not None:
            raise InvalidInput(f"The lexicon file {path} does not exist.") from None
        return _builtin_lexicon()
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(path, f"cannot be read ({exc})") from None
    return Lexicon(_merge_user(builtin, path, text))


# [environment, user file path, its (mtime, size) or None, the lexicon]
_DEFAULT: list = [None, None, "unset", None]


def _env_key() -> tuple[str | None, ...]:
    env = os.environ
    return (env.get("XDG_CONFIG_HOME"), env.get("HOME"), env.get("APPDATA"), env.get("LOCALAPPDATA"))


def default_lexicon() -> Lexicon:
    """load_lexicon() for the default user file, read again only when that file changes."""
    state = _DEFAULT
    env = _env_key()
    if state[0] != env:
        state[0], state[1], state[2] = env, lexicon_path(), "unset"
    try:
        st = os.stat(state[1])
        stamp: object = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    if stamp != state[2]:
        state[3] = load_lexicon(state[1]) if stamp is not None else _builtin_lexicon()
        state[2] = stamp
    return state[3]


def describe(text: str, lexicon: Lexicon | None = None) -> dict[str, list[str]]:
    """What the detectors see in one text, for people (the ``compare`` view): the counts
    with what they count, the names as spelled here, and the lexicon predicates."""
    info = _info(text)
    lex = default_lexicon() if lexicon is None else lexicon
    return {
        "numbers": [c.phrase for c in info.counts],
        "names": sorted({info.display.get(k, k) for k in info.all_names}),
        "predicates": [f"{m.phrase} ({m.opposition}, side {m.side})" for m in predicate_matches(text, lex)],
    }
