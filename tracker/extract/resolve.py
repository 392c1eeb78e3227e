"""Pronouns and definite descriptions -> the earlier speaker they stand for.

Owns: what the article pass remembers of each attributed sentence (:class:`Seen`) and
resolving a speaker such as "he", "they", "it", "his office", "the group", "the channel" or
"the news agency" to a speaker or a name of the sentences before, with the anonymity and
the cited outlet it inherits. A speaker the rules cannot resolve comes back unchanged.

Must not: find speakers in a sentence or judge anonymity from scratch (the frames and
:mod:`tracker.extract.speakers` do). Pure: sentences in, a speaker out; no database, no
printing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.phrases import base, has_person, head_word, is_cap, is_named, person_names, words
from tracker.extract.vocabulary import AGENT_NOUNS, CAP_STOP, NATIONALITIES, ORG_WORDS, OUTLET_RE, PLACES

_GROUP_CUE_RE = re.compile(
    r"\b(?:Brigades?|Hezbollah|Hizbullah|Hizballah|Kataib|Kata'ib|Asaib|Saraya|Liwa|Harakat|"
    r"Nujaba|Front|Movement|group|militia|faction)\b"
)
_DEFINITE_GROUP_RE = re.compile(
    r"^the (?:group|groups|faction|militia|brigade|movement|organi[sz]ation|channel|statement)$",
    re.IGNORECASE,
)
_DEFINITE_OUTLET_RE = re.compile(
    r"^the (?:news )?(?:agency|newspaper|paper|broadcaster|report|outlet|wire service|network)$",
    re.IGNORECASE,
)

Resolved = tuple[str | None, bool | None, str | None]
"""(speaker, inherited anonymity or None, inherited via)."""


@dataclass
class Seen:
    """An attributed sentence the article pass has read, as the resolver needs it."""

    speaker: str | None
    anonymous: bool
    via: str | None
    sentence: str
    index: int


def resolve(speaker: str, index: int, sentences: list[str], history: list[Seen]) -> Resolved:
    """Resolve pronouns and definite descriptions ('he', 'the group', 'the news agency')
    to an earlier speaker. Returns (speaker, inherited anonymity or None, inherited via)."""
    low = speaker.lower().strip()
    owned = _OWNED_SPEAKER_RE.fullmatch(low)
    if owned:
        return _resolve_owned(speaker, owned.group(1), index, sentences, history)
    if low in ("he", "she"):
        return _resolve_person(index, sentences, history)
    if low in ("they", "we"):
        return _resolve_plural(index, history)
    if low == "it":
        return _resolve_it(index, history)
    if _DEFINITE_OUTLET_RE.match(low):
        return _cited_outlet(index, history) or (speaker, None, None)
    if low == "the channel" and (outlet := _cited_outlet(index, history)):
        # A channel named as an outlet a few sentences back ("Sabereen News claimed …
        # The channel added …").
        return outlet
    if _DEFINITE_GROUP_RE.match(low):
        return _resolve_group(speaker, index, sentences, history)
    return speaker, None, None


def _recent(index: int, history: list[Seen]) -> list[Seen]:
    return [h for h in history if index - h.index <= 5]


def _resolve_owned(
    speaker: str, owner_word: str, index: int, sentences: list[str], history: list[Seen]
) -> Resolved:
    """A speaker owned by a pronoun ("his office", "its spokesman"): the owner is named
    before the speaker in this sentence ("Kadhimi ordered an inquiry, his office said") or
    resolved as the pronoun."""
    low = speaker.lower().strip()
    pronoun = {"his": "he", "her": "she", "its": "it", "their": "they"}[owner_word]
    noun = speaker.strip().split(None, 1)[1]
    at = sentences[index].lower().find(low)
    before = sentences[index][:at] if at >= 0 else ""
    names = person_names(before) if pronoun in ("he", "she") else _group_names(before)
    owner, _, via = (names[0], None, None) if names else resolve(pronoun, index, sentences, history)
    if owner:
        return f"{owner}'s {noun}", False, via
    return speaker, None, None


def _resolve_person(index: int, sentences: list[str], history: list[Seen]) -> Resolved:
    """He or she: the speaker of the sentence before when that is one person, else a
    person named in the sentence before, else the last person quoted."""
    if (
        history
        and history[-1].index == index - 1
        and history[-1].speaker
        and (has_person(history[-1].speaker) or not head_word(history[-1].speaker).lower().endswith("s"))
    ):
        h = history[-1]
        return h.speaker, h.anonymous, None
    if index > 0:
        names = person_names(sentences[index - 1])
        first = re.match(r"[\w'’\-]+", sentences[index - 1])
        if not names and first and _single_name(first.group(0)):
            names = [first.group(0)]  # "Khazali spoke in Baghdad. He said …"
        if names:
            return names[0], False, None
    for h in reversed(_recent(index, history)):
        if h.speaker and (has_person(h.speaker) or _single_name(h.speaker)):
            return h.speaker, h.anonymous, None
    return None, None, None


def _resolve_plural(index: int, history: list[Seen]) -> Resolved:
    """They or we: the last speaker that is not a single person's pronoun."""
    for h in reversed(_recent(index, history)):
        if h.speaker and h.speaker.lower() not in ("he", "she"):
            return h.speaker, h.anonymous, None
    return None, None, None


def _resolve_it(index: int, history: list[Seen]) -> Resolved:
    """It: the last named speaker that is not a person (a group, a ministry, an outlet)."""
    for h in reversed(_recent(index, history)):
        if h.speaker and is_named(h.speaker) and not has_person(h.speaker):
            return h.speaker, h.anonymous, h.via
    return None, None, None


def _cited_outlet(index: int, history: list[Seen]) -> Resolved | None:
    """The outlet cited last, up to eight sentences back ("the news agency")."""
    for h in reversed(history):
        if h.via and index - h.index <= 8:
            return h.via, False, h.via
    return None


def _resolve_group(speaker: str, index: int, sentences: list[str], history: list[Seen]) -> Resolved:
    """A definite group ("the group", "the faction"): the last named group quoted, or one
    named in the last three sentences, whichever is nearer; "the statement" is first
    the named speaker of an earlier statement."""
    low = speaker.lower().strip()
    window = [h for h in history if index - h.index <= 8 and h.speaker]
    if low.endswith("statement"):
        for h in reversed(window):
            if "statement" in h.sentence.lower() and is_named(h.speaker or ""):
                return h.speaker, h.anonymous, h.via
    best: tuple[int, str, bool | None, str | None] | None = None
    for h in reversed(window):
        if _GROUP_CUE_RE.search(h.speaker or "") and is_named(h.speaker or ""):
            best = (h.index, h.speaker or "", h.anonymous, h.via)
            break
    # A group named in the last sentences without being quoted: "a claim from a group
    # calling itself the Muhandis Revenge Brigade. The group says …"
    for j in range(index - 1, max(index - 4, -1), -1):
        if best and best[0] >= j:
            break
        names = _group_names(sentences[j])
        if names:
            best = (j, names[-1], False, None)
            break
    if best:
        return best[1], best[2], best[3]
    return speaker, None, None


_OWNED_SPEAKER_RE = re.compile(
    r"(his|her|its|their)\s+(?:(?:press|media)\s+)?(?:office|spokes(?:man|woman|person)|lawyer)"
)
_GROUP_NAME_RE = re.compile(
    r"(?:[A-Z][\w'’\-]*\s+|al-[A-Z][\w'’\-]*\s+|(?:of|al|the)\s+){0,5}"
    r"(?:Brigades?|Hezbollah|Hizbullah|Hizballah|Front|Movement)\b"
    r"|\b(?:Kataib|Kata'ib|Asaib|Saraya|Liwa|Harakat)(?:\s+(?:[A-Z][\w'’\-]*|al-[A-Z][\w'’\-]*|"
    r"Ahl|al))+"
)


def _group_names(s: str) -> list[str]:
    """Armed-group names in ``s`` ("Kataib Hezbollah", "the Muhandis Revenge Brigade")."""
    out = []
    for m in _GROUP_NAME_RE.finditer(s):
        name = re.sub(r"^(?:(?:of|al|the)\s+)+", "", m.group(0)).strip()
        if name and is_cap(name):
            out.append(name)
    return out


def _single_name(sp: str) -> bool:
    """A bare surname such as "Sadr" or "Nadhim" (not an organisation, outlet or place word)."""
    ws = words(sp)
    return (
        len(ws) == 1
        and is_cap(ws[0])
        and base(ws[0]) not in ORG_WORDS
        and base(ws[0]) not in NATIONALITIES
        and base(ws[0]) not in AGENT_NOUNS
        and base(ws[0]) not in PLACES
        and base(ws[0]) not in CAP_STOP
        and not OUTLET_RE.fullmatch(ws[0])
        and not ws[0].isupper()
    )
