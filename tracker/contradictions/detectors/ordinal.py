"""The ordinal detector: one event numbered differently ("the fourth round of the talks"
against "the third round of the talks", the same day) (docs/contradictions.md, "ordinal").

Owns: :func:`ordinal` and :func:`ordinals_differ` (the judgement pipeline's cheap test of
whether a pair is worth the detector's look); the words are ``tracker/data/ordinals.toml``.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from functools import lru_cache

from tracker import data
from tracker.contradictions.analysis import _info
from tracker.contradictions.pairs import _same_subject, _v
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import _day_precise, period_words, same_period, window_of
from tracker.text import normalize

_TABLE = data.toml("ordinals")
_ORDINALS: dict[str, int] = dict(_TABLE["ordinals"])
_EVENTS = frozenset(_TABLE["events"]["nouns"])


@lru_cache(maxsize=65_536)
def ordinals(text: str) -> dict[str, tuple[int, str]]:
    """{event noun: (its ordinal, the words)} of a text: "the fourth round" is
    {"round": (4, "fourth round")}. A noun numbered twice in one text is left out."""
    toks = normalize(text).split()
    out: dict[str, tuple[int, str]] = {}
    twice: set[str] = set()
    for i, t in enumerate(toks):
        value = _ORDINALS.get(t)
        if value is None:
            continue
        for k in range(i + 1, min(len(toks), i + 3)):
            noun = toks[k][:-1] if toks[k].endswith("s") and toks[k][:-1] in _EVENTS else toks[k]
            if noun in _EVENTS:
                if noun in out and out[noun][0] != value:
                    twice.add(noun)
                out.setdefault(noun, (value, " ".join(toks[i : k + 1])))
                break
    for noun in twice:
        del out[noun]
    return out


def ordinals_differ(a_text: str, b_text: str) -> bool:
    """Whether the two texts number one kind of event differently."""
    oa = ordinals(a_text)
    if not oa:
        return False
    ob = ordinals(b_text)
    return any(noun in ob and ob[noun][0] != v for noun, (v, _) in oa.items())


def ordinal(a: ClaimView, b: ClaimView) -> Signal | None:
    """One event (same subject, the same days, both dated) numbered differently."""
    a, b = _v(a), _v(b)
    oa, ob = ordinals(a.text), ordinals(b.text)
    clash = [(noun, oa[noun], ob[noun]) for noun in oa.keys() & ob.keys() if oa[noun][0] != ob[noun][0]]
    if not clash:
        return None
    if window_of(a) is None or window_of(b) is None:
        return None  # an undated "third round" may be another round
    if not same_period(a, b, SETTINGS.responsibility_window_days):
        return None
    subject = _same_subject(_info(a.text), _info(b.text))
    if subject is None:
        return None
    noun, (_, wa), (_, wb) = sorted(clash)[0]
    score = 70.0 + (10.0 if _day_precise(a) and _day_precise(b) else 0.0)
    return Signal(
        "ordinal",
        score,
        (
            f'"{wa}" vs "{wb}": one {noun} numbered differently',
            f"same subject ({subject}), {period_words(a, b)}",
        ),
    )
