"""Number words written as digits: "twenty-five" -> "25", "two thousand five hundred" ->
"2500", "a hundred" -> "100", "per cent" -> "percent" (the words are in
``tracker/data/numbers.toml``; how they combine is the grammar here).

Owns: the number-word sets that other stages test for (``NUMWORDS``, ``SCALES``) and
``convert_numbers`` on a list of normalised tokens. Must not: touch the database or print.
"""

from __future__ import annotations

import re

from tracker.text.vocab import MULTIPLIERS, ONE_PRONOUN_PREV, TEENS, TENS, UNITS

# A numeral as normalize() leaves it: digits, at most one decimal point between digits.
NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")

_SMALL = {**UNITS, **TEENS, **TENS}
SCALES = frozenset(("hundred", *MULTIPLIERS))
# Any of these in a token list means the number stage has work to do.
NUMWORDS = frozenset((*_SMALL, *SCALES, "cent"))


def _fmt_number(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _parse_number(tokens: list[str], i: int) -> tuple[float, int] | None:
    """Parse a number phrase starting at ``tokens[i]``; return (value, end) or None."""
    n = len(tokens)
    t = tokens[i]
    total = 0.0
    cur = 0.0
    last_scale = float("inf")
    if t == "a":
        cur, last, j = 1.0, "a", i + 1
    elif t in _SMALL:
        cur, j = float(_SMALL[t]), i + 1
        last = "unit" if t in UNITS else ("teen" if t in TEENS else "tens")
    elif len(t) <= 15 and NUMBER_RE.fullmatch(t):
        cur, last, j = float(t), "digit", i + 1
    else:
        return None
    while j < n:
        t = tokens[j]
        if t in UNITS:
            v = UNITS[t]
            if last in ("hundred", "scale", "and") or (last == "tens" and v != 0):
                cur += v
                last = "unit"
            else:
                break
        elif t in TEENS or t in TENS:
            if last in ("hundred", "scale", "and"):
                cur += _SMALL[t]
                last = "teen" if t in TEENS else "tens"
            else:
                break
        elif t == "hundred":
            if last in ("unit", "teen", "tens", "a", "digit") and 0 < cur < 100:
                cur *= 100
                last = "hundred"
            else:
                break
        elif t in MULTIPLIERS:
            scale = MULTIPLIERS[t]
            if last in ("unit", "teen", "tens", "hundred", "a", "digit") and scale < last_scale:
                total += cur * scale
                cur = 0.0
                last, last_scale = "scale", scale
            else:
                break
        elif t == "and" and last in ("hundred", "scale") and j + 1 < n and tokens[j + 1] in _SMALL:
            last = "and"
        else:
            break
        j += 1
    if last in ("a", "digit"):
        return None  # "a" or a bare numeral with no number word after it: nothing to do
    return total + cur, j


# Tokens at which a number phrase or "per cent" may start, or (scale words) after which
# one may have started ("a hundred", "5 million").
_STARTS = frozenset((*_SMALL, "per"))


def _convert_numbers_once(tokens: list[str]) -> list[str]:
    # Only the places where a number can start are looked at: most of a text's tokens
    # are copied over in slices.
    n = len(tokens)
    out: list[str] = []
    done = 0  # tokens[:done] are in out, or consumed by a number phrase
    for m, t in enumerate(tokens):
        if t in _STARTS:
            i = m
        elif t in SCALES and m > 0 and (tokens[m - 1] == "a" or tokens[m - 1][0].isdigit()):
            i = m - 1
        else:
            continue
        if i < done:
            continue
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if t == "per":
            if nxt == "cent":
                out += tokens[done:i]
                out.append("percent")
                done = i + 2
            continue
        if (
            t == "one"
            and nxt not in SCALES
            and ((i > 0 and tokens[i - 1] in ONE_PRONOUN_PREV) or nxt == "another")
        ):
            continue
        parsed = _parse_number(tokens, i)
        if parsed is not None:
            out += tokens[done:i]
            value, done = parsed
            out.append(_fmt_number(value))
    out += tokens[done:]
    return out


def convert_numbers(tokens: list[str]) -> list[str]:
    """``tokens`` with every number phrase written as one numeral and "per cent" as
    "percent"; "one" stays a word where it is a pronoun ("no one", "one another")."""
    # Each change removes a token or a number word, so this terminates; running to a fixed
    # point keeps normalize() idempotent for oddities like "five thousand thousand".
    while True:
        new = _convert_numbers_once(tokens)
        if new == tokens or NUMWORDS.isdisjoint(new):
            return new
        tokens = new
