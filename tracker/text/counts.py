"""``numbers``: the numbers of a text with the thing each one counts.

Owns: which numerals count something (not years, days of a month, dates or clock times),
the counted noun made singular ("30 Grad missiles" -> (30.0, "missile")), and counts of none
("no casualties" -> (0.0, "casualty"), "nobody" -> (0.0, "person")). The words that decide are
in ``tracker/data/counting.toml`` and ``calendar.toml``. Must not: touch the database or print.
"""

from __future__ import annotations

import re

from tracker.text.fold import normal_tokens
from tracker.text.normal import normalize
from tracker.text.numwords import NUMBER_RE
from tracker.text.vocab import COUNT_SKIP, IRREGULAR_PLURALS, MONTHS, NOT_COUNTED, STOPWORDS, YEAR_PREV

# ISO dates, numeric dates and clock times: their digits are not counts.
_DATEISH_RE = re.compile(
    r"[0-9](?<![^\W][0-9])"
    r"(?:[0-9]{3}-[0-9]{1,2}(?:-[0-9]{1,2})?|[0-9]?[/.][0-9]{1,2}[/.][0-9]{2,4}"
    r"|[0-9]?:[0-9]{2}(?::[0-9]{2})?)(?![0-9])"
)


def _is_plural(t: str) -> bool:
    if t in IRREGULAR_PLURALS:
        return True
    return len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")) and t.isalpha()


def _singular(t: str) -> str:
    if t in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[t]
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if t.endswith(("sses", "shes", "ches", "xes", "zes")):
        return t[:-2]
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
        return t[:-1]
    return t


def _counted(tokens: list[str], j: int, value: float, plural_only: bool = False) -> str:
    """The noun a number at tokens[j-1] counts: the first plural within three words (skipping
    adjectives), else the first content word; for 1, the first content word."""
    candidate = ""
    for t in tokens[j : j + 4]:
        if t[0].isdigit() or t in MONTHS:
            break
        if t in COUNT_SKIP:
            continue
        if t in STOPWORDS:
            break
        if value != 1 and _is_plural(t):
            return _singular(t)
        if not candidate:
            candidate = t
            if value == 1:
                break
    if plural_only or not candidate:
        return ""
    return _singular(candidate)


def _numbers(tokens: list[str]) -> tuple[tuple[float, str], ...]:
    found: list[tuple[float, str]] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t == "no" or t == "nobody":
            nxt = tokens[i + 1] if i + 1 < n else ""
            if t == "nobody" or nxt == "one":
                found.append((0.0, "person"))
            elif nxt:
                thing = _counted(tokens, i + 1, 0.0, plural_only=True)
                if thing:
                    found.append((0.0, thing))
            continue
        if t[0] not in "0123456789" or not NUMBER_RE.fullmatch(t):
            continue
        if len(t) > 1 and t[0] == "0" and t[1] != ".":
            continue  # "07": part of a date or a code
        value = float(t)
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < n else ""
        if nxt in NOT_COUNTED:
            continue
        whole = value.is_integer() and "." not in t
        if whole and (prev in MONTHS or nxt in MONTHS) and (1 <= value <= 31 or len(t) == 4):
            continue  # "July 7", "7 July", "July 2021"
        if whole and len(t) == 4 and 1900 <= value <= 2100:
            if prev in YEAR_PREV or not _counted(tokens, i + 1, value, plural_only=True):
                continue  # a year, unless a plural noun follows ("2000 troops")
        found.append((value, _counted(tokens, i + 1, value)))
    return tuple(found)


def numbers(text: str) -> tuple[tuple[float, str], ...]:
    """``features(text).numbers`` alone, without the analysis of names (aliases change
    names, never numbers)."""
    return numbers_in(text, normal_tokens(text)[1])


def numbers_in(text: str, ntoks: list[str]) -> tuple[tuple[float, str], ...]:
    """``numbers(text)`` when ``ntoks`` are already ``normal_tokens(text)[1]``."""
    if _DATEISH_RE.search(text):
        return _numbers(normalize(_DATEISH_RE.sub(" ", text)).split())
    return _numbers(ntoks)
