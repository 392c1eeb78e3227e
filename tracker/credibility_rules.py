"""Credibility rules (pure: plain facts in, grades and reasons out).

Owns the rules of SPEC §6: which appearances of a claim are independent origins, when a
claim rests only on interested parties, the information-credibility grade 1-6 with the
reasons behind it, why a claim is listed as unverified, and the score and suggested
Admiralty grade an outlet's track record earns (a Beta posterior computed here, without
scipy).

Must not: touch the database, print, or import typer, rich or SQLAlchemy. The caller
(``tracker/credibility.py``) builds :class:`ClaimFacts` and :class:`OutletRecord` from ORM
rows and renders what these functions return. docs/credibility.md explains the rules to
the people who read the grades.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "ADMIRALTY_GRADES",
    "CREDIBILITY_LABELS",
    "PRECEDENCE",
    "UNVERIFIED_CODES",
    "AppearanceFacts",
    "Assessment",
    "ClaimFacts",
    "Origin",
    "OutletRecord",
    "assess",
    "beta_quantile",
    "beta_score",
    "credibility_explained",
    "information_credibility",
    "is_interested_party",
    "is_unverified",
    "name_key",
    "origins",
    "record_disagrees",
    "record_score",
    "regularized_beta",
    "suggested_grade",
    "unverified_reasons",
]

# --- vocabulary -------------------------------------------------------------------------

ADMIRALTY_GRADES: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
TRUE_VERDICTS = frozenset({"true", "mostly-true"})
FALSE_VERDICTS = frozenset({"false", "mostly-false"})
# Source grades good enough for a single origin to make a claim "possibly true" (3).
GOOD_SOURCE_GRADES = frozenset({"A", "B", "C"})
# A contradiction by a claim graded 1 or 2 makes this one "improbable" (5).
STRONG_CONTRADICTION_GRADES = frozenset({1, 2})
# The order in which the information-credibility rules are tried; the first that applies
# wins. See information_credibility() for why 4 comes before 2.
PRECEDENCE: tuple[int, ...] = (1, 5, 4, 2, 3, 6)
# Machine-readable reasons for listing a claim as unverified, in the order they are listed.
UNVERIFIED_CODES: tuple[str, ...] = (
    "single-origin",
    "anonymous",
    "hedged",
    "interested-party",
    "cannot-be-judged",
)

# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AppearanceFacts:
    """One outlet carrying the claim, as plain values."""

    outlet: str  # outlet canonical name
    outlet_grade: str | None  # Admiralty A-F set by the analyst, or None
    outlet_kind: str | None  # wire, newspaper, broadcaster, government, armed-group, ...
    url: str | None
    via: str | None  # canonical name of the outlet this appearance cites as its origin
    speaker: str | None
    anonymous: bool
    stance: str  # asserts | denies | reports
    hedges: tuple[str, ...]  # hedge words found in the quote/text
    published: str | None  # ISO date
    # Analyst grade of the `via` outlet, when the caller knows it. Lets an origin that is
    # only seen through reposts ("via AP", no AP appearance) still carry AP's grade.
    via_grade: str | None = None
    # Analyst grade of the speaker (tracker.speakers), for a named, not anonymous speaker.
    speaker_grade: str | None = None


@dataclass(frozen=True)
class ClaimFacts:
    """A claim with everything the credibility rules look at."""

    id: int
    text: str
    hedges: tuple[str, ...]  # hedge words in the claim text itself
    appearances: tuple[AppearanceFacts, ...]
    verdict: str | None  # true, mostly-true, mixed, mostly-false, false, unproven
    # Information-credibility grades (1-6) of the claims that contradict this one through a
    # confirmed or suggested (not dismissed) contradiction relation.
    contradicted_by_grades: tuple[int, ...]
    interested_party: bool = False  # True when the caller knows; otherwise computed


@dataclass(frozen=True)
class OutletRecord:
    """What an outlet has carried and how the verdicts on those claims came out."""

    outlet: str
    grade: str | None  # analyst-set Admiralty grade
    carried: int  # claims with at least one appearance in this outlet
    with_verdict: int  # of those, claims with any verdict
    true: int  # verdict true or mostly-true
    false: int  # verdict false or mostly-false
    mixed: int  # verdict mixed (unproven is counted in with_verdict only)
    contradicted: int  # carried claims with a confirmed or suggested contradiction


# --- outputs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Appearances that trace back to one source and so count once.

    ``key`` is the display name of the root outlet, ``outlets`` the outlets carrying it (in
    order of first appearance), ``appearances`` indexes into the sequence given to
    :func:`origins`, and ``grade`` the origin's source grade: the analyst grade of the
    speakers it names when they are graded (the lowest, if several; ``graded_speaker`` then
    names the one it comes from), else its root outlet's grade when the facts show it.
    """

    key: str
    outlets: tuple[str, ...]
    appearances: tuple[int, ...]
    grade: str | None = None
    graded_speaker: str | None = None

    def describe_grade(self) -> str:
        """ "Reuters (B)", "Reuters (speaker Jane Roe: E)", "Reuters (ungraded)"."""
        if self.graded_speaker:
            return f"{self.key} (speaker {self.graded_speaker}: {self.grade})"
        return f"{self.key} ({self.grade or 'ungraded'})"


@dataclass(frozen=True)
class Assessment:
    """Everything the credibility rules conclude about one claim."""

    grade: int
    reasons: tuple[str, ...]  # sentences a person can read
    unverified: tuple[str, ...]  # codes from UNVERIFIED_CODES; empty when not unverified
    origins: tuple[Origin, ...] = field(default=())  # over the appearances that support it


# --- names ------------------------------------------------------------------------------

_POSSESSIVE_RE = re.compile(r"['’ʼ]s\b", re.IGNORECASE)
_APOSTROPHE_RE = re.compile(r"['’‘`´ʼ]")
_NON_WORD_RE = re.compile(r"[\W_]+")


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """Comparison key for outlet and actor names.

    Case-, accent- and punctuation-insensitive; drops possessive 's and the word "the", so
    "The Associated Press", "associated press" and "Associated Press." share a key.
    """
    if name.isascii():
        text = name.lower()  # what the general path gives for ASCII, much faster
    else:
        text = unicodedata.normalize("NFKD", name).translate(_NO_MARKS).casefold()
    text = _APOSTROPHE_RE.sub("", _POSSESSIVE_RE.sub("", text))
    words = _NON_WORD_RE.sub(" ", text).split()
    if "the" in words:
        words = [w for w in words if w != "the"]
    return " ".join(words)


class _MarkTable(dict):
    """str.translate table that drops combining marks, filled on first sight of a character."""

    def __missing__(self, cp: int) -> str | None:
        out = None if unicodedata.combining(chr(cp)) else chr(cp)
        self[cp] = out
        return out


_NO_MARKS = _MarkTable()


def _grade_letter(grade: str | None) -> str | None:
    if grade is None:
        return None
    letter = grade.strip().upper()
    return letter if letter in ADMIRALTY_GRADES else None


def _kind_key(kind: str | None) -> str:
    return re.sub(r"[\s_]+", "-", (kind or "").strip().casefold())


# --- independence -----------------------------------------------------------------------


def origins(appearances: Sequence[AppearanceFacts]) -> list[Origin]:
    """Group appearances into independent origins (SPEC §6 Independence).

    - An appearance with no ``via`` speaks for its own outlet: its origin is that outlet.
    - An appearance with a ``via`` counts for the outlet it cites, followed up the chain:
      if the cited outlet itself only relays (all its appearances here have a ``via``),
      its citations are followed too, so A via B and B via C both land on C. The chain
      stops at an outlet that carries the claim on its own account or that cites nobody
      (so "via AP" with no AP appearance is keyed by AP). If an outlet relays several
      upstreams, the alphabetically first root is used: either way the relay joins an
      origin already counted instead of adding one. Cycles collapse to one origin.
    - Appearances with the same origin key are one origin: AP's own story plus three
      reposts via AP is 1 origin "Associated Press"; the same outlet twice with no ``via``
      is 1 origin. Two appearances from the same outlet with the same URL are also one.
    - Names compare by :func:`name_key` (case, accents, punctuation and "the" ignored).

    The grouping (which indexes end up together) does not depend on input order.
    """
    return _origins_of(list(enumerate(appearances)))


def _origins_of(indexed: list[tuple[int, AppearanceFacts]]) -> list[Origin]:
    if not indexed:
        return []
    display: dict[str, str] = {}  # name key -> first spelling seen, outlets before vias

    def key_of(name: str) -> str:
        k = name_key(name) or name.strip().casefold()
        display.setdefault(k, name.strip())
        return k

    for _, app in indexed:
        key_of(app.outlet)

    outlet_key: dict[int, str] = {}
    via_key: dict[int, str | None] = {}
    own: set[str] = set()  # outlets carrying it on their own account
    upstream: dict[str, set[str]] = {}  # outlet -> outlets it cites
    for i, app in indexed:
        ok = key_of(app.outlet)
        vk = key_of(app.via) if app.via and app.via.strip() else None
        if vk == ok:  # citing oneself is carrying it on one's own account
            vk = None
        outlet_key[i], via_key[i] = ok, vk
        if vk is None:
            own.add(ok)
        else:
            upstream.setdefault(ok, set()).add(vk)

    def root(start: str) -> str:
        seen: set[str] = set()
        stack = [start]
        terminals: set[str] = set()
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            if node in own or not upstream.get(node):
                terminals.add(node)
            else:
                stack.extend(upstream[node])
        return min(terminals) if terminals else min(seen)

    key: dict[int, str] = {}
    for i, _ in indexed:
        vk = via_key[i]
        key[i] = outlet_key[i] if vk is None else root(vk)

    # Union appearances with the same origin key, and the same outlet + URL.
    parent = {i: i for i, _ in indexed}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by: dict[tuple[str, ...], int] = {}
    for i, app in indexed:
        tags: list[tuple[str, ...]] = [("key", key[i])]
        url = (app.url or "").strip().rstrip("/").casefold()
        if url:
            tags.append(("url", outlet_key[i], url))
        for tag in tags:
            if tag in first_by:
                union(i, first_by[tag])
            else:
                first_by[tag] = i

    groups: dict[int, list[int]] = {}
    for i, _ in indexed:
        groups.setdefault(find(i), []).append(i)
    by_index = dict(indexed)

    result: list[Origin] = []
    for members in sorted(groups.values(), key=min):
        members.sort()
        counts = Counter(key[i] for i in members)
        top = max(counts.values())
        root_key = min(k for k, n in counts.items() if n == top)
        outlets: list[str] = []
        for i in members:
            name = by_index[i].outlet.strip()
            if name not in outlets:
                outlets.append(name)
        speaker = _speaker_grade([by_index[i] for i in members])
        result.append(
            Origin(
                key=display[root_key],
                outlets=tuple(outlets),
                appearances=tuple(members),
                grade=speaker[1] if speaker else _known_grade(root_key, [app for _, app in indexed]),
                graded_speaker=speaker[0] if speaker else None,
            )
        )
    return result


def _speaker_grade(appearances: Iterable[AppearanceFacts]) -> tuple[str, str] | None:
    """(speaker, grade) of the lowest-graded named speaker of an origin, or None when no
    named speaker of it is graded. F (cannot be judged) counts as the lowest."""
    graded = [
        (letter, app.speaker.strip())
        for app in appearances
        if app.speaker and not app.anonymous and (letter := _grade_letter(app.speaker_grade))
    ]
    if not graded:
        return None
    letter, speaker = max(graded)
    return speaker, letter


def _known_grade(root_key: str, appearances: Iterable[AppearanceFacts]) -> str | None:
    """The analyst grade of the root outlet, if any appearance shows it."""
    via_grade = None
    for app in appearances:
        if name_key(app.outlet) == root_key and _grade_letter(app.outlet_grade):
            return _grade_letter(app.outlet_grade)
        if via_grade is None and app.via and name_key(app.via) == root_key:
            via_grade = _grade_letter(app.via_grade)
    return via_grade


# --- interested parties -----------------------------------------------------------------

# Words that describe a speaker's role rather than name the actor ("spokesman for Kataib
# Hezbollah", "a Kataib Hezbollah commander"); stripped from the ends of a speaker's name.
_ROLE_WORDS = frozenset(
    {
        "a",
        "an",
        "by",
        "for",
        "from",
        "of",
        "its",
        "their",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "official",
        "officials",
        "source",
        "sources",
        "statement",
        "commander",
        "leader",
        "member",
    }
)
_SPEAKER_SPLIT_RE = re.compile(r"[,;()]|\b(?:of|for|from)\b", re.IGNORECASE)
_RESPONSIBILITY_RE = re.compile(r"\bclaim(?:s|ed|ing)?\s+responsibility\b", re.IGNORECASE)
# Outlet kinds that are parties rather than reporters.
ARMED_GROUP_KINDS = frozenset({"armed-group"})
GOVERNMENT_KINDS = frozenset({"government"})


def _actor_names(name: str | None, split: bool) -> list[str]:
    """Name keys under which ``name`` could appear as an actor in a claim's text."""
    if not name or not name.strip():
        return []
    parts = [name, *(_SPEAKER_SPLIT_RE.split(name) if split else [])]
    out: list[str] = []
    for part in parts:
        words = name_key(part).split()
        while words and words[0] in _ROLE_WORDS:
            words.pop(0)
        while words and words[-1] in _ROLE_WORDS:
            words.pop()
        candidate = " ".join(words)
        if len(candidate) >= 3 and candidate not in out:
            out.append(candidate)
    return out


def _is_subject(actors: list[str], text: str) -> bool:
    """True when one of ``actors`` opens the claim text, i.e. is its grammatical subject.

    A short lead-in set off by a comma is skipped ("On 7 July, Kataib Hezbollah fired…").
    """
    starts = [name_key(text)]
    head, comma, rest = text.partition(",")
    if comma and len(head.split()) <= 6:
        starts.append(name_key(rest))
    return any(s == a or s.startswith(a + " ") for s in starts for a in actors)


def _interest_reason(app: AppearanceFacts, text: str) -> str | None:
    """Why this appearance is an interested party speaking for itself, or None."""
    speaker_actors = _actor_names(app.speaker, split=True)
    outlet_actors = _actor_names(app.outlet, split=False)
    kind = _kind_key(app.outlet_kind)
    own_voice = not (app.via and app.via.strip())

    match = _RESPONSIBILITY_RE.search(text)
    if match:
        claimant = f" {name_key(text[: match.start()])} "
        actors = speaker_actors or outlet_actors
        if any(f" {a} " in claimant for a in actors):
            who = app.speaker or app.outlet
            return f"{who} claims responsibility itself"
    if speaker_actors and not app.anonymous and _is_subject(speaker_actors, text):
        return f"speaker {app.speaker} claims its own act"
    if own_voice and kind in ARMED_GROUP_KINDS:
        return f"{app.outlet} is an armed group's own channel"
    if own_voice and kind in GOVERNMENT_KINDS and _is_subject(outlet_actors, text):
        return f"{app.outlet} is a government speaking about its own action"
    return None


def _supporting(claim: ClaimFacts) -> list[tuple[int, AppearanceFacts]]:
    """Appearances that carry the claim (assert or report it), not those that deny it."""
    return [(i, a) for i, a in enumerate(claim.appearances) if _stance(a) != "denies"]


def _stance(app: AppearanceFacts) -> str:
    return (app.stance or "").strip().casefold()


def _interest_reasons(claim: ClaimFacts) -> list[str]:
    if claim.interested_party:
        return ["marked as resting on interested parties"]
    support = _supporting(claim)
    reasons = [_interest_reason(app, claim.text) for _, app in support]
    if not support or any(r is None for r in reasons):
        return []
    return list(dict.fromkeys(r for r in reasons if r))


def is_interested_party(claim: ClaimFacts) -> bool:
    """True when the claim rests only on interested parties speaking for themselves.

    True if the caller set ``claim.interested_party``. Otherwise true when the claim has
    at least one supporting appearance (stance asserts or reports; denials are not what it
    rests on) and every one of them is self-serving by one of these rules:

    1. Responsibility: the text says someone "claimed/claims responsibility" and the
       appearance's speaker (or, with no speaker, its outlet) is named before those words:
       the claimant is the one saying it.
    2. Own act: the speaker is named (not anonymous) and its name, less role words such as
       "spokesman for", opens the claim text as its subject: speaker "Kataib Hezbollah",
       text "Kataib Hezbollah fired 30 Grad missiles…". A short lead-in ending in a comma
       ("On 7 July, …") is skipped. A name elsewhere in the text ("US strikes hit Kataib
       Hezbollah positions") does not count.
    3. Armed group's channel: the outlet's kind is "armed-group" and the appearance does
       not cite another outlet (``via``). Such channels rarely name the group they speak
       for, so no name match is required: all they say about the fighting is partisan.
    4. Government about itself: the outlet's kind is "government", no ``via``, and the
       outlet's name opens the claim text ("The Pentagon said its strike…" from outlet
       "Pentagon").
    """
    return bool(_interest_reasons(claim))


# --- information credibility ------------------------------------------------------------


def _describe_origins(found: Sequence[Origin]) -> str:
    if len(found) == 1:
        only = found[0]
        n = len(only.appearances)
        return f"1 origin: {only.key}" + (f" ({n} appearances)" if n > 1 else "")
    return f"{len(found)} independent origins: " + ", ".join(o.key for o in found)


def _grades_phrase(grades: Iterable[int]) -> str:
    ordered = sorted(set(grades))
    if len(ordered) == 1:
        return f"a claim graded {ordered[0]}"
    return "claims graded " + ", ".join(str(g) for g in ordered)


def assess(claim: ClaimFacts) -> Assessment:
    """Grade, reasons, unverified codes and origins of one claim in a single pass.

    :func:`information_credibility`, :func:`credibility_explained` and
    :func:`unverified_reasons` are views of this; call it directly when you need several.
    """
    grade, reasons, causes, found = _grade(claim)
    unverified: list[str] = []
    if not claim.verdict:
        if len(found) == 1:
            unverified.append("single-origin")
        if grade == 4:
            unverified.extend(causes)
        if grade == 6:
            unverified.append("cannot-be-judged")
    return Assessment(grade, tuple(reasons), tuple(unverified), tuple(found))


def _grade(claim: ClaimFacts) -> tuple[int, list[str], list[str], list[Origin]]:
    """The rule of information_credibility(); returns grade, reasons, grade-4 cause codes
    and the origins of the supporting appearances."""
    verdict = (claim.verdict or "").strip().casefold() or None
    support = _supporting(claim)
    found = _origins_of(support)
    strong = [g for g in claim.contradicted_by_grades if g in STRONG_CONTRADICTION_GRADES]

    # 1 confirmed
    if verdict in TRUE_VERDICTS:
        return 1, [f"verdict {verdict}"], [], found
    # 5 improbable
    if verdict in FALSE_VERDICTS or strong:
        reasons = [f"verdict {verdict}"] if verdict in FALSE_VERDICTS else []
        if strong:
            reasons.append(f"contradicted by {_grades_phrase(strong)}")
        return 5, reasons, [], found

    notes = [f"verdict {verdict} does not settle it"] if verdict else []
    if not support:
        reason = "no appearances" if not claim.appearances else "only denials, no support"
        return 6, [*notes, reason], [], found

    # 4 doubtful
    causes: list[str] = []
    reasons: list[str] = []
    if claim.hedges:
        causes.append("hedged")
        reasons.append("hedged: " + ", ".join(claim.hedges))
    elif all(app.hedges or _stance(app) == "reports" for _, app in support):
        causes.append("hedged")
        reasons.append("hedged: no appearance asserts it without hedging")
    if all(_origin_is_anonymous(o, claim.appearances) for o in found):
        causes.append("anonymous")
        reasons.append("anonymous speakers only")
    interest = _interest_reasons(claim)
    if interest:
        causes.append("interested-party")
        reasons.append("only interested parties: " + "; ".join(interest))
    if causes:
        ordered = [c for c in UNVERIFIED_CODES if c in causes]
        return 4, [*notes, *reasons, _describe_origins(found)], ordered, found

    # 2 probably true
    against: list[str] = []
    if claim.contradicted_by_grades:
        against.append(f"contradicted by {_grades_phrase(claim.contradicted_by_grades)}")
    denials = [a.speaker or a.outlet for a in claim.appearances if _stance(a) == "denies"]
    if denials:
        against.append("denied by " + ", ".join(dict.fromkeys(denials)))
    if len(found) >= 2 and not against:
        return 2, [*notes, _describe_origins(found)], [], found

    # 3 possibly true
    good = [o for o in found if o.grade in GOOD_SOURCE_GRADES]
    context = [*notes, _describe_origins(found), *against]
    if good:
        graded = ", ".join(o.describe_grade() for o in good)
        return 3, [*context, f"origin graded A-C: {graded}"], [], found

    # 6 cannot be judged
    grades = ", ".join(o.describe_grade() for o in found)
    return 6, [*context, f"no origin graded A-C: {grades}"], [], found


def _origin_is_anonymous(origin: Origin, appearances: Sequence[AppearanceFacts]) -> bool:
    """An origin is anonymous when it credits unnamed speakers and names none.

    Reposts that credit no speaker inherit their origin's sourcing; an origin whose only
    appearances credit no speaker at all is the outlet's own voice, not anonymous.
    """
    apps = [appearances[i] for i in origin.appearances]
    named = any(a.speaker and a.speaker.strip() and not a.anonymous for a in apps)
    return not named and any(a.anonymous for a in apps)


def information_credibility(claim: ClaimFacts) -> int:
    """Information credibility 1-6 of a claim (SPEC §6), the one rule everything uses.

    Only supporting appearances (stance asserts or reports) are counted as origins; an
    appearance that denies the claim counts against it. The rules are tried in this
    order (PRECEDENCE) and the first that applies wins:

    1. confirmed: the verdict is true or mostly-true. A reviewer's verdict outranks
       everything, including a clashing contradiction (the contradictions report shows it).
    5. improbable: the verdict is false or mostly-false, or a claim graded 1 or 2
       contradicts it (confirmed or suggested relation).
       (No supporting appearance at all: 6, there is nothing to weigh.)
    4. doubtful: any of
       - hedged: the claim text has hedge words, or every supporting appearance is hedged
         or has stance "reports" (carried without being endorsed);
       - anonymous only: every origin credits anonymous speakers and names none;
       - only interested parties (:func:`is_interested_party`).
    2. probably true: two or more independent origins (:func:`origins`), no contradicting
       claim of any grade, and no appearance denying it.
    3. possibly true: at least one origin graded A, B or C (and none of the doubts of 4).
       An origin's grade is that of the named speakers it credits when the analyst graded
       them (the lowest, if several: the speaker is the source, the outlet only carries
       the words), else that of its root outlet. With two origins that rule 2 refused
       because of a weak contradiction, a well-graded origin still makes it 3: adding an
       origin never lowers a grade.
    6. cannot be judged: everything else: one origin graded D-F or not graded at all, no
       appearances, or a mixed/unproven verdict with nothing else to go on. Mixed and
       unproven verdicts do not decide the grade; the other rules still apply.

    Why 4 before 2: two origins repeating an anonymous, hedged or self-serving claim do not
    make it probably true. With anonymous speakers independence cannot be shown (the same
    unnamed official may brief both agencies); with hedges no origin stands behind it; two
    interested parties are still interested. So two independent anonymous origins are 4.
    """
    return _grade(claim)[0]


def credibility_explained(claim: ClaimFacts) -> tuple[int, list[str]]:
    """The grade and the reasons for it, as sentences a person can read.

    e.g. ``(5, ["verdict false"])`` or ``(2, ["2 independent origins: Associated Press,
    Reuters"])``.
    """
    grade, reasons, _, _ = _grade(claim)
    return grade, reasons


def unverified_reasons(claim: ClaimFacts) -> list[str]:
    """Why the claim is listed as unverified (SPEC §6), as codes from UNVERIFIED_CODES.

    Empty when the claim has a verdict (any rating). Otherwise:
    "single-origin" when its supporting appearances have exactly one origin; for grade 4
    its causes ("anonymous", "hedged", "interested-party"); "cannot-be-judged" for
    grade 6. The claim is unverified iff the list is non-empty, which is SPEC's "no verdict,
    and credibility 4 or 6 or resting on one origin". Codes come in UNVERIFIED_CODES order.
    """
    return list(assess(claim).unverified)


def is_unverified(claim: ClaimFacts) -> bool:
    """True when :func:`unverified_reasons` lists anything."""
    return bool(unverified_reasons(claim))


# --- outlet track record ----------------------------------------------------------------

# Credible interval reported with an outlet's score: equal-tailed, 5th to 95th percentile.
INTERVAL_PROBABILITIES = (0.05, 0.95)
# An outlet needs this many decisive verdicts (true/false families) before its record
# suggests anything but F (cannot be judged).
MIN_DECISIVE_VERDICTS = 3
# A: the interval's lower bound is at least this (≈ 28 true and no false from Beta(1,1)).
GRADE_A_MIN_LOWER = 0.9
# B-D by posterior mean; below the last threshold: E.
GRADE_MIN_MEAN: tuple[tuple[str, float], ...] = (("B", 0.8), ("C", 0.6), ("D", 0.4))
# More than this share of carried claims contradicted lowers the suggestion one letter.
CONTRADICTED_SHARE_LIMIT = 0.5
# Two grades this many letters apart disagree.
DISAGREEMENT_LETTERS = 2

_FLOAT_TINY = 1e-300
_CF_EPS = 1e-15


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz; NR betacf)."""
    max_iter = 200 + int(10 * math.sqrt(max(a, b)))
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _FLOAT_TINY else _FLOAT_TINY)
    h = d
    for m in range(1, max_iter + 1):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > _FLOAT_TINY else _FLOAT_TINY)
            c = 1.0 + aa / c
            c = c if abs(c) > _FLOAT_TINY else _FLOAT_TINY
            delta = d * c
            h *= delta
        if abs(delta - 1.0) < _CF_EPS:
            return h
    raise ArithmeticError(f"incomplete beta did not converge for a={a}, b={b}, x={x}")


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b): the CDF at ``x`` of a Beta(a, b) distribution."""
    if a <= 0 or b <= 0:
        raise ValueError("Beta parameters must be positive")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    # The continued fraction converges fast only below the mean-ish point; use symmetry.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(p: float, a: float, b: float) -> float:
    """The ``p`` quantile of Beta(a, b), by bisection on :func:`regularized_beta`.

    Accurate to about 1e-13 relative; the CDF is monotone, so bisection cannot go wrong.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError("probability must be between 0 and 1")
    if p == 0.0:
        return 0.0
    if p == 1.0:
        return 1.0
    lo, hi = 0.0, 1.0
    for _ in range(400):
        mid = (lo + hi) / 2.0
        if mid in (lo, hi) or hi - lo <= 1e-13 * mid:
            break
        if regularized_beta(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def beta_score(true: int, false: int, prior: tuple[float, float] = (1, 1)) -> tuple[float, float, float]:
    """Posterior mean and 90% equal-tailed credible interval of an outlet's truth rate.

    With ``true`` claims rated true or mostly-true and ``false`` rated false or
    mostly-false (mixed and unproven do not count), the posterior is
    Beta(prior[0] + true, prior[1] + false). Returns ``(mean, lower, upper)`` where lower
    and upper are its 5th and 95th percentiles. With no verdicts: (0.5, 0.05, 0.95).
    """
    if true < 0 or false < 0:
        raise ValueError("counts must not be negative")
    if prior[0] <= 0 or prior[1] <= 0:
        raise ValueError("prior parameters must be positive")
    a, b = prior[0] + true, prior[1] + false
    lower = beta_quantile(INTERVAL_PROBABILITIES[0], a, b)
    upper = beta_quantile(INTERVAL_PROBABILITIES[1], a, b)
    return a / (a + b), lower, upper


def record_score(record: OutletRecord) -> tuple[float, float, float]:
    """:func:`beta_score` of an outlet's record."""
    return beta_score(record.true, record.false)


_LETTERS = "ABCDE"


def suggested_grade(record: OutletRecord) -> str:
    """The Admiralty letter an outlet's track record suggests.

    - F when it has fewer than MIN_DECISIVE_VERDICTS verdicts that count toward the score
      (true + false; a record of only mixed verdicts says nothing either way);
    - A when the 90% interval's lower bound is at least GRADE_A_MIN_LOWER;
    - otherwise B, C, D by posterior mean (GRADE_MIN_MEAN: 0.8, 0.6, 0.4), else E;
    - then one letter lower (never past E) when more than CONTRADICTED_SHARE_LIMIT of the
      claims it carried are contradicted.
    """
    if record.true + record.false < MIN_DECISIVE_VERDICTS:
        return "F"
    mean, lower, _ = record_score(record)
    letter = "E"
    if lower >= GRADE_A_MIN_LOWER:
        letter = "A"
    else:
        for candidate, threshold in GRADE_MIN_MEAN:
            if mean >= threshold - 1e-12:
                letter = candidate
                break
    if record.carried > 0 and record.contradicted / record.carried > CONTRADICTED_SHARE_LIMIT:
        letter = _LETTERS[min(_LETTERS.index(letter) + 1, len(_LETTERS) - 1)]
    return letter


def record_disagrees(record: OutletRecord) -> bool:
    """True when the analyst's grade and the record's suggestion are 2+ letters apart.

    Only grades on the A-E scale are compared: a suggestion of F means the record is too
    thin to say anything, and an analyst grade of F means "cannot be judged", which is not
    a point below E, so neither can disagree.
    """
    analyst = _grade_letter(record.grade)
    suggested = suggested_grade(record)
    if analyst is None or analyst == "F" or suggested == "F":
        return False
    return abs(_LETTERS.index(analyst) - _LETTERS.index(suggested)) >= DISAGREEMENT_LETTERS
