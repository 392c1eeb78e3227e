"""The closed word classes of the contradiction detectors, built once at import from the
vocabulary files in ``tracker/data/`` (weapons, casualties, quantities, actors, attacks,
negations, subjects).

Owns: turning those files into the sets, maps and phrase tuples the per-text analysis and
the detectors look words up in. The files say what each class means and how to extend it.

Must not: analyse text, touch the database, print, or import typer, rich or SQLAlchemy.
Nothing here is changed after import.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker import data
from tracker.text import STOPWORDS, name_key


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in items)


def _word_keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(name_key(w) for w in words)


def _roles(table: dict, words: Iterable[str]) -> dict[str, str]:
    return {w: table[w] for w in words}


# ---- negation ------------------------------------------------------------------------------

_NEG = data.toml("negations")
# Negations for the lexicon rule (docs/lexicon.md): within three words before a phrase.
_LEX_NEGATIONS = frozenset(_NEG["lexicon"])
_REFUSE = frozenset(_NEG["refusal"])
# Negations for polarity and casualty counts.
_NEGATIONS = _LEX_NEGATIONS | frozenset(_NEG["more"])
# Between a negation and the word it negates.
_HEAD_SKIP = STOPWORDS | frozenset(_NEG["skip"])

# ---- moods of a predicate (moods.toml) ------------------------------------------------------

_MOODS_FILE = data.toml("moods")
# Mood -> its cues as token tuples; the "open" cues win wherever they stand before a predicate.
_MOOD_CUES: dict[str, frozenset[tuple[str, ...]]] = {
    mood: frozenset(tuple(c.split()) for c in cues) for mood, cues in _MOODS_FILE.items()
}
_MOOD_CUE_LENGTHS = tuple(sorted({len(c) for cues in _MOOD_CUES.values() for c in cues}, reverse=True))

# ---- subjects and actors -------------------------------------------------------------------

_SUBJECTS = data.toml("subjects")
# Names too broad to tie two claims to one subject on their own.
_WEAK_NAMES = frozenset(_SUBJECTS["broad_names"])
_REPORTING = frozenset(_SUBJECTS["reporting"])

_ACTORS = data.toml("actors")
_DEMONYMS: dict[str, str] = dict(_ACTORS["demonyms"])
# Actor -> the demonym keys that stand for it ("araq": "araqi", "araqis").
# Name keys of nations and their demonyms ("araq", "araqi", "us", "amaracan").
_NATIONS = frozenset(_DEMONYMS) | frozenset(_DEMONYMS.values())
_DEMONYM_OF: dict[str, tuple[str, ...]] = {}
for _d, _actor in _DEMONYMS.items():
    _DEMONYM_OF[_actor] = (*_DEMONYM_OF.get(_actor, ()), _d)
_AFFILIATIONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _ACTORS["affiliations"].items()}
_GENERIC_ACTORS: dict[str, str] = dict(_ACTORS["generic"])

# ---- weapons, casualties and what a number counts ------------------------------------------

_WEAPONS = data.toml("weapons")
_WEAPON_CLASS = _roles(_WEAPONS["class"], _WEAPONS["roles"]["named"])
# A verb -> what it says was done with a counted weapon ("fired", "hit", "intercepted").
_DEEDS: dict[str, str] = {w: deed for deed, words in _WEAPONS["deeds"].items() for w in words}
_WEAPON_COUNTED = frozenset(_WEAPONS["class"][w] for w in _WEAPONS["roles"]["counted"])
# Words between a number and the noun it counts that say which kind of it ("8 drone attacks").
_MODIFIER_CLASS = _roles(_WEAPONS["class"], _WEAPONS["roles"]["modifier"])

_CASUALTIES = data.toml("casualties")
_CASUALTY_SUB: dict[str, str] = dict(_CASUALTIES["kind"])
_CASUALTY_VERBS_BEFORE = frozenset(_CASUALTIES["words"]["verbs_before"])
_PERSONS = frozenset(_CASUALTIES["words"]["persons"])
# A person noun -> the group of victims it names ("soldier": "troops").
_VICTIM_GROUP: dict[str, str] = {w: g for g, words in _CASUALTIES["victims"].items() for w in words}
_SEVERITY_MINOR = frozenset(_CASUALTIES["words"]["minor"])

_QUANTITIES = data.toml("quantities")
# Counted things that are one thing (singular forms, as Features gives them).
_THING_CLASS: dict[str, str] = {
    **_roles(_WEAPONS["class"], _WEAPONS["roles"]["counted"]),
    **_QUANTITIES["thing"],
    **{w: "casualty" for w in _CASUALTIES["words"]["counted"]},
}
_COMPARABLE = frozenset(_THING_CLASS.values())
# Quantity words without a number: the least they can mean.
_INDEFINITE: dict[str, float] = dict(_QUANTITIES["indefinite"])
_LOWER_BOUND = _phrases(_QUANTITIES["bounds"]["lower"])
_UPPER_BOUND = _phrases(_QUANTITIES["bounds"]["upper"])
_APPROX = _phrases(_QUANTITIES["bounds"]["approx"])
_COUNT_GAP = frozenset(_QUANTITIES["words"]["gap"])

# ---- attacks and perpetrators --------------------------------------------------------------

_ATTACKS = data.toml("attacks")
_ATTACK_WORDS = frozenset(_ATTACKS["attack"])
# Perpetrator cues. Before: the agent is the name run just before the cue. After: just after.
_AGENT_BEFORE = _phrases(_ATTACKS["agent_before"])
_AGENT_AFTER = _phrases(_ATTACKS["agent_after"])


def _agent_cues() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Cues by their first word, longest first."""
    cues: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for where, phrases in (("after", _AGENT_AFTER), ("before", _AGENT_BEFORE)):
        for ph in phrases:
            cues.setdefault(ph[0], []).append((where, ph))
    for entries in cues.values():
        entries.sort(key=lambda c: len(c[1]), reverse=True)  # "carried out by" before "carried out"
    return cues


_AGENT_CUES = _agent_cues()

_CLAIM_VERBS = frozenset(_ATTACKS["claim_verbs"])
_CLAIM_GAP = frozenset(_ATTACKS["claim_gap"])
_AGENT_SKIP_BACK = frozenset(_ATTACKS["skip_back"])
# Responsibility phrases whose agent is anyone ("no one has claimed responsibility").
_ANY_AGENT = frozenset(_ATTACKS["anyone"])
_NAME_JOINERS = frozenset(_ATTACKS["name_joiners"])
_GENERIC_AGENT_TAIL = frozenset(_ATTACKS["generic_tail"])
# After the names that follow a cue: these make the names a description, not a perpetrator.
_DESCRIBED_BY = frozenset(_ATTACKS["described_by"]) | _GENERIC_AGENT_TAIL
# Keys of words that are never a perpetrator's name even when capitalised.
_NOT_AGENT_KEYS = _word_keys((*_WEAPON_CLASS, *_ATTACKS["not_agents"]))
