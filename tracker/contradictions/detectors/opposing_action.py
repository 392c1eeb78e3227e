"""The opposing-action detector: the same actors, the same period, and predicates from the
two opposite classes of one lexicon opposition (docs/contradictions.md, "opposing action";
docs/lexicon.md).

Owns: :func:`opposing_action` and the actor overlap it requires. The phrases come from the
lexicon (``lexicon``); which actors a text names from ``actors``.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import replace

from tracker.contradictions.actors import actor_key
from tracker.contradictions.analysis import _info, _TextInfo
from tracker.contradictions.detectors.polarity import _denies_only
from tracker.contradictions.lexicon import Lexicon, default_lexicon, predicates
from tracker.contradictions.pairs import _show, _v
from tracker.contradictions.pairs import similarity as _similarity
from tracker.contradictions.types import SETTINGS, ClaimView, PhraseMatch, Signal
from tracker.contradictions.windows import period_words, same_period
from tracker.contradictions.words import (
    _AFFILIATIONS,
    _AGENT_SKIP_BACK,
    _ANY_AGENT,
    _GENERIC_ACTORS,
    _LEX_NEGATIONS,
)
from tracker.text import name_key

_MOOD_WORDS = {"wanted": "instructions or demands", "plan": "plans or agreements"}
# The moods in which two opposite predicates clash (a partial or open one states too little).
_MOOD_CLASH = frozenset(("fact", "wanted", "plan"))


_ANYONE = frozenset(("*",))  # the agent of "no one has claimed responsibility"


def _taken(view: ClaimView, lex: Lexicon) -> tuple[tuple[PhraseMatch, ...], dict[str, str]]:
    """The lexicon phrases of a claim and the side it takes of each opposition. A claim
    that is only ever denied takes the other side: denying that Iran orders attacks is
    no call for attacks."""
    found, sides = lex._matcher.scan(view.text), predicates(view.text, lex)
    if found and _denies_only(view):
        other = {"a": "b", "b": "a"}
        found = tuple(replace(m, side=other[m.side]) for m in found)
        sides = {name: other[side] for name, side in sides.items()}
    return found, sides


def _agent(info: _TextInfo, m: PhraseMatch) -> frozenset[str]:
    """The actors who do (or deny) what the phrase at ``m`` says: the names and actor
    words right before it (past "was", "has", "reportedly"…; "the US was behind", "the
    militias were not behind"), or, when a "by" follows it, the names after the "by"
    ("was carried out by Kataib Hezbollah")."""
    if m.phrase in _ANY_AGENT:
        return _ANYONE
    toks = info.norm
    found: set[str] = set()
    k = m.start + len(m.phrase.split())
    if k < len(toks) and toks[k] == "by":  # the passive: its agent follows
        k += 1
        while k < len(toks) and toks[k] in ("the", "a", "an"):
            k += 1
        while k < len(toks) and (actor := _actor_of(toks[k], info)) is not None:
            found.add(actor)
            k += 1
        return frozenset(found)
    j = m.start - 1
    while j >= 0 and (toks[j] in _AGENT_SKIP_BACK or toks[j] in _LEX_NEGATIONS):
        j -= 1
    while j >= 0 and (actor := _actor_of(toks[j], info)) is not None:
        found.add(actor)
        j -= 1
    return frozenset(found)


def _actor_of(tok: str, info: _TextInfo) -> str | None:
    generic = _GENERIC_ACTORS.get(tok)
    if generic is not None:
        return generic
    key = name_key(tok)
    return actor_key(key) if key in info.all_names else None


def _same_agent(ia: _TextInfo, ib: _TextInfo, pa: PhraseMatch, pb: PhraseMatch) -> bool:
    """Both phrases have an agent, and one of them is (or is affiliated with) the other."""
    xa, xb = _agent(ia, pa), _agent(ib, pb)
    if not xa or not xb:
        return False
    if xa == _ANYONE or xb == _ANYONE:
        return True  # "no one has claimed it" against a claim by anyone
    wide_a = xa | {f for k in xa for f in _AFFILIATIONS.get(k, ())}
    wide_b = xb | {f for k in xb for f in _AFFILIATIONS.get(k, ())}
    return not xa.isdisjoint(wide_b) or not xb.isdisjoint(wide_a)


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
    ma, sa = _taken(a, lex)
    mb, sb = _taken(b, lex)
    if not ma or not mb:
        return None
    opposed = [name for name, side in sa.items() if sb.get(name, side) != side]
    # Two facts, two instructions or two plans clash; a fact against a wish or a plan,
    # a partial statement or anything left open does not (tracker/data/moods.toml).
    pairs = {
        name: (x, y)
        for name in opposed
        for x in ma
        if x.opposition == name and x.side == sa[name]
        for y in mb
        if y.opposition == name and y.side == sb[name] and x.mood == y.mood and x.mood in _MOOD_CLASH
    }
    opposed = [name for name in opposed if name in pairs]
    if not opposed:
        return None
    ia, ib = _info(a.text), _info(b.text)
    # Who did it: both texts name the one who did it, or denies it, and it is the same.
    opposed = [
        name
        for name in opposed
        if name not in SETTINGS.agent_oppositions or _same_agent(ia, ib, *pairs[name])
    ]
    if not opposed:
        return None
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
        pa, pb = pairs[name]
        mood = "" if pa.mood == "fact" else f", both {_MOOD_WORDS[pa.mood]}"
        da = " (denied)" if _denies_only(a) else ""
        db = " (denied)" if _denies_only(b) else ""
        reasons.append(f'"{pa.phrase}"{da} vs "{pb.phrase}"{db}: opposing action ({name}{mood})')
    reasons.append(f"shared actors: {_show(shown, ia, ib) or 'by affiliation'}; {period_words(a, b)}")
    score = 60.0 + min(weight, 4.0) * 5.0
    return Signal("opposing-action", min(score, 90.0), tuple(reasons))
