"""Interested parties: when a claim rests only on those speaking about their own acts.

Owns the four self-interest rules (a claimant of responsibility, a speaker that is the
subject of its own claim, an armed group's own channel, a government about itself) and
the reasons they give. Its vocabulary (role words, the responsibility phrase, the outlet
kinds that are parties) is ``tracker/data/interested_parties.toml``, read once at import.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker import data
from tracker.credibility.facts import AppearanceFacts, ClaimFacts, supporting
from tracker.credibility.names import kind_key, name_key

_VOCABULARY = "interested_parties"


def _phrases_re(phrases: Iterable[str]) -> str:
    """An alternation of whole-word phrases, longest first, any whitespace between words."""
    forms = sorted(phrases, key=len, reverse=True)
    return r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in forms) + r")\b"


# Stripped from the ends of a speaker's name ("spokesman for Kataib Hezbollah").
_ROLE_WORDS = data.words(_VOCABULARY, "role_words")
_SPEAKER_SPLIT_RE = re.compile(
    r"[,;()]|" + _phrases_re(data.toml(_VOCABULARY)["speaker_split_words"]), re.IGNORECASE
)
_RESPONSIBILITY_RE = re.compile(_phrases_re(data.toml(_VOCABULARY)["responsibility_phrases"]), re.IGNORECASE)
# Outlet kinds that are parties rather than reporters.
ARMED_GROUP_KINDS = data.words(_VOCABULARY, "armed_group_kinds")
GOVERNMENT_KINDS = data.words(_VOCABULARY, "government_kinds")


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
    return bool(interest_reasons(claim))


def interest_reasons(claim: ClaimFacts) -> list[str]:
    """Why the claim rests only on interested parties, one sentence per distinct reason;
    empty when it does not (one appearance that is not self-serving is enough)."""
    if claim.interested_party:
        return ["marked as resting on interested parties"]
    support = supporting(claim)
    reasons = [_interest_reason(app, claim.text) for _, app in support]
    if not support or any(r is None for r in reasons):
        return []
    return list(dict.fromkeys(r for r in reasons if r))


def _interest_reason(app: AppearanceFacts, text: str) -> str | None:
    """Why this appearance is an interested party speaking for itself, or None."""
    speaker_actors = _actor_names(app.speaker, split=True)
    outlet_actors = _actor_names(app.outlet, split=False)
    kind = kind_key(app.outlet_kind)
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
