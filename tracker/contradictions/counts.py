"""The counts in one text, each with what it counts ("14 rockets", "at least two US service
members were injured", "no casualties"), for the numeric detector.

Owns: :func:`_counts` and the :class:`_Count` it returns: the counted thing's class and
kind, the interval the number means (a bound or an estimate widens it), and the phrase to
show. The words come from ``tracker/data/weapons.toml``, ``casualties.toml`` and
``quantities.toml``.

Must not: look at a second text, touch the database, print, or import typer, rich or
SQLAlchemy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.contradictions.words import (
    _APPROX,
    _CASUALTY_SUB,
    _CASUALTY_VERBS_BEFORE,
    _COMPARABLE,
    _COUNT_GAP,
    _DEMONYMS,
    _INDEFINITE,
    _LOWER_BOUND,
    _MODIFIER_CLASS,
    _NATIONS,
    _NEGATIONS,
    _PERSONS,
    _SEVERITY_MINOR,
    _THING_CLASS,
    _UPPER_BOUND,
    _VICTIM_GROUP,
)
from tracker.text import name_key

_NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True, slots=True)
class _Count:
    key: tuple[str, str]  # (class, kind): ("rocket", ""), ("attack", "drone"), ("casualty", "death")
    low: float
    high: float
    phrase: str
    minor: bool = False  # casualties described as minor / light
    who: tuple[str, str] = ("", "")  # casualties: (victim group, nation); "" when not said


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


def _count_at(
    toks: tuple[str, ...], p: int, q: int, thing: str, low: float, high: float, qual: str
) -> tuple[_Count, int]:
    """The count whose number (or quantity word) is at ``p`` and whose noun ``thing`` is at
    ``q``, and the last token it covers (a casualty word after the people counted)."""
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
    who = ("", "")
    if cls == "casualty":
        minor = any(t in _SEVERITY_MINOR for t in toks[max(p, end - 2) : end])
        who = _victims(toks[p : q + 1])
    phrase = " ".join(toks[p : end + 1])
    if qual:
        phrase = f"{qual} {phrase}"
    return _Count((cls, sub), low, high, phrase, minor, who), end


def _victims(words: Sequence[str]) -> tuple[str, str]:
    """(the victim group, the nation) the words of a casualty count name, "" for either
    when they do not say: "2 US service members" is ("troops", "us")."""
    group = next((_VICTIM_GROUP[_singular(w)] for w in reversed(words) if _singular(w) in _VICTIM_GROUP), "")
    nation = ""
    for w in words:
        key = name_key(w)
        if key in _NATIONS:
            nation = _DEMONYMS.get(key, key)
            break
    return group, nation


def _locate(toks: tuple[str, ...], value: float, start: int) -> int | None:
    """The first token from ``start`` that writes ``value`` (for zero: "no", "none" ...)."""
    for k in range(start, len(toks)):
        t = toks[k]
        hit = (
            t in ("no", "nobody", "none", "zero")
            if value == 0
            else (t[0].isdigit() and _NUMBER_RE.fullmatch(t) is not None and float(t) == value)
        )
        if hit:
            return k
    return None


def _numbered(
    toks: tuple[str, ...], numbers: Sequence[tuple[float, str]], out: list[_Count], covered: set[int]
) -> None:
    """Counts written with a number: "14 rockets", "at least 2 US service members"."""
    cursor = 0
    n = len(toks)
    for value, thing in numbers:
        if not thing:
            continue
        p = _locate(toks, value, cursor)
        if p is None:
            continue
        cursor = p + 1
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
        count, end = _count_at(toks, p, q, thing, low, high, qual)
        covered.update(range(p, end + 1))
        out.append(count)


def _indefinite(toks: tuple[str, ...], out: list[_Count], covered: set[int]) -> None:
    """Quantity words without a number: "several US soldiers were killed", "dozens of rockets"."""
    n = len(toks)
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
                count, end = _count_at(toks, p, k, thing, least, math.inf, "")
                covered.update(range(p, end + 1))
                if count.key[0] in _COMPARABLE:  # "some officials": not a count this detector compares
                    out.append(count)
            break


def _uncounted_casualties(toks: tuple[str, ...], out: list[_Count], covered: set[int]) -> None:
    """Casualty words with no count: "militia rockets killed American troops" (at least
    one), "were not hurt" (none)."""
    n = len(toks)
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
            out.append(
                _Count(("casualty", sub), 1.0, math.inf, phrase, minor, _victims(toks[k + 1 : end + 1]))
            )


def _counts(toks: tuple[str, ...], numbers: Sequence[tuple[float, str]]) -> tuple[_Count, ...]:
    """Every count in the normalised tokens ``toks``, given the (value, counted noun) pairs
    the text's features found. Numbered counts come first; a quantity word or casualty word
    already part of a count is not counted again."""
    out: list[_Count] = []
    covered: set[int] = set()
    _numbered(toks, numbers, out, covered)
    _indefinite(toks, out, covered)
    _uncounted_casualties(toks, out, covered)
    return tuple(out)
