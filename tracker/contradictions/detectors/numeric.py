"""The numeric detector: same subject, same counted thing, numbers that cannot both hold,
same period (docs/contradictions.md, "numeric").

Owns: :func:`numeric` and how two counts clash (their intervals do not meet; "no
casualties" against a death or injury; deaths against only minor injuries, weakly). What a
text counts is ``counts``' business; what ties two texts to one subject is ``pairs``'.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info
from tracker.contradictions.counts import _Count
from tracker.contradictions.pairs import _same_subject, _v
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import _day_precise, period_words, same_period
from tracker.contradictions.words import _DEEDS, _WEAPON_COUNTED


def _disjoint(x: _Count, y: _Count) -> bool:
    return x.high < y.low or y.high < x.low


def _fmt_count(c: _Count) -> str:
    return f'"{c.phrase}"'


_ONE_DEED_APART = 60.0  # the score of two counts of one weapon with different deeds
_BETWEEN = frozenset(("were", "was", "had", "have", "has", "been", "being", "are", "is"))


def _same_victims(x: _Count, y: _Count) -> bool:
    """Two counts that may count the same victims: each group and nation either agrees or
    is not said on one side (casualties.toml, ``victims``)."""
    return all(not p or not q or p == q for p, q in zip(x.who, y.who, strict=True))


def _deed(toks: tuple[str, ...], c: _Count) -> str | None:
    """What the text says was done with a counted weapon (weapons.toml, ``deeds``): the
    nearest deed verb within three words after the count, else before it; None for a count
    of anything else, or when no such verb stands near."""
    if c.key[0] not in _WEAPON_COUNTED:
        return None
    words = c.phrase.split()
    n = len(words)
    for i in range(len(toks) - n + 1):
        if list(toks[i : i + n]) == words:
            after = [t for t in toks[i + n : i + n + 4] if t not in _BETWEEN][:3]
            for t in after:
                if t in _DEEDS:
                    return _DEEDS[t]
            for t in reversed(toks[max(0, i - 3) : i]):
                if t in _DEEDS:
                    return _DEEDS[t]
            return None
    return None


def numeric(a: ClaimView, b: ClaimView) -> Signal | None:
    """Same subject, same counted thing, different numbers, same period."""
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
        if all(_disjoint(x, y) or not _same_victims(x, y) for x in ca for y in cb):
            pairs = [(x, y) for x in ca for y in cb if _same_victims(x, y)]
            if not pairs:
                continue  # casualties of two groups: two counts, no clash
            x, y = pairs[0]
            exact = x.low == x.high and y.low == y.high
            score = 80.0 if exact else 72.0
            dx, dy = _deed(ia.norm, x), _deed(ib.norm, y)
            if dx and dy and dx != dy:
                # "30 fired" and "14 landed" can both be true: at most possible.
                why = f"{dx} against {dy}, perhaps not one count of {what}"
                found.append((_ONE_DEED_APART, f"{_fmt_count(x)} vs {_fmt_count(y)}: {why}"))
                continue
            found.append((score, f"{_fmt_count(x)} vs {_fmt_count(y)}: different counts of {what}"))
    # "no casualties" against any reported death or injury
    for left, right, flip in ((by_key_a, by_key_b, False), (by_key_b, by_key_a, True)):
        zero = [c for c in left.get(("casualty", "any"), ()) if c.high == 0]
        if not zero:
            continue
        for key in (("casualty", "death"), ("casualty", "injury")):
            pos = [c for c in right.get(key, ()) if c.low > 0 and _same_victims(c, zero[0])]
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
    if found[0][0] == _ONE_DEED_APART:
        score = min(score, SETTINGS.strong_score - 5.0)  # possible, however well dated
    reasons = tuple(r for _, r in found) + (f"same subject ({subject}), {period_words(a, b)}",)
    return Signal("numeric", min(score, 95.0), reasons)
