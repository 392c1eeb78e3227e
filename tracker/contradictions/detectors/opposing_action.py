"""The opposing-action detector: the same actors, the same period, and predicates from the
two opposite classes of one lexicon opposition (docs/contradictions.md, "opposing action";
docs/lexicon.md).

Owns: :func:`opposing_action` and the actor overlap it requires. The phrases come from the
lexicon (``lexicon``); which actors a text names from ``actors``.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info, _TextInfo
from tracker.contradictions.lexicon import Lexicon, default_lexicon, predicates
from tracker.contradictions.pairs import _show, _v
from tracker.contradictions.pairs import similarity as _similarity
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import _when, same_period


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
    ma = lex._matcher.scan(a.text)
    mb = lex._matcher.scan(b.text)
    if not ma or not mb:
        return None
    sa, sb = predicates(a.text, lex), predicates(b.text, lex)
    opposed = [name for name, side in sa.items() if sb.get(name, side) != side]
    if not opposed:
        return None
    ia, ib = _info(a.text), _info(b.text)
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
        pa = next(m.phrase for m in ma if m.opposition == name)
        pb = next(m.phrase for m in mb if m.opposition == name)
        reasons.append(f'"{pa}" vs "{pb}": opposing action ({name})')
    reasons.append(
        f"shared actors: {_show(shown, ia, ib) or 'by affiliation'}; same period ({_when(a)} / {_when(b)})"
    )
    score = 60.0 + min(weight, 4.0) * 5.0
    return Signal("opposing-action", min(score, 90.0), tuple(reasons))
