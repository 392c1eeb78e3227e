"""The polarity detector: near-identical claims, one negated or denied and the other not
(docs/contradictions.md, "polarity").

Owns: :func:`polarity`, :func:`polarity_applies` (the cheap test ``detect`` runs first), and
the stance and negation rules the verdict detector reuses: which word one text negates and
the other states plainly (:func:`_text_flip`), and whether a claim is only denied.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.contradictions.analysis import _info, _stem, _TextInfo
from tracker.contradictions.pairs import _v
from tracker.contradictions.pairs import similarity as _similarity
from tracker.contradictions.types import SETTINGS, ClaimView, Signal
from tracker.contradictions.windows import same_period
from tracker.contradictions.words import _NEGATIONS


def _asserting(view: ClaimView) -> bool:
    return not view.stances or "asserts" in view.stances


def _denies_only(view: ClaimView) -> bool:
    return bool(view.stances) and all(s == "denies" for s in view.stances)


def _text_flip(ia: _TextInfo, ib: _TextInfo) -> str | None:
    """A word one text negates and the other states plainly, or None."""
    for h in sorted(ia.heads - ib.heads):
        if h in ib.plain_stems:
            return h
    for h in sorted(ib.heads - ia.heads):
        if h in ia.plain_stems:
            return h
    return None


def _flip_word(ia: _TextInfo, ib: _TextInfo, stem: str) -> tuple[str, str]:
    """The negated phrase and the plain word, for the reasons."""
    for info, other in ((ia, ib), (ib, ia)):
        toks = info.norm
        for i, t in enumerate(toks):
            if t in _NEGATIONS:
                for k in range(i + 1, min(len(toks), i + 5)):
                    if _stem(toks[k]) == stem:
                        j = next((j for j, w in enumerate(other.norm) if _stem(w) == stem), None)
                        if j is None:
                            return " ".join(toks[i : k + 1]), stem
                        # the negated word's neighbour in both quotes when the head is a noun
                        tail = 2 if t in ("deny", "denies", "denied", "denying") else 1
                        return " ".join(toks[i : k + tail]), " ".join(other.norm[j : j + tail])
    return stem, stem


def polarity(a: ClaimView, b: ClaimView, similarity_: float | None = None) -> Signal | None:
    """Near-identical claims, one negated (or denied) and the other not."""
    a, b = _v(a), _v(b)
    ia, ib = _info(a.text), _info(b.text)
    flip = _text_flip(ia, ib)
    stance = (_denies_only(a) and _asserting(b)) or (_denies_only(b) and _asserting(a))
    if (flip is not None) == stance:
        return None
    if not same_period(a, b):
        return None
    sim = _similarity(a, b) if similarity_ is None else similarity_
    if sim < SETTINGS.polarity_similarity:
        return None
    if flip is not None:
        neg, plain = _flip_word(ia, ib, flip)
        reason = f'"{neg}" vs "{plain}": the same claim, negated on one side'
    else:
        denier = a if _denies_only(a) else b
        reason = (
            f"claim {denier.id} is only denied where the other is asserted: "
            "the same claim, denied on one side"
        )
    score = min(95.0, 55.0 + (sim - SETTINGS.polarity_similarity) * 1.3)
    return Signal("polarity", round(score, 1), (reason, f"word similarity {sim:.0f}"))


def polarity_applies(a: ClaimView, b: ClaimView) -> bool:
    """Whether :func:`polarity` can find anything: a word negated on one side only, or a
    claim that is only denied. Cheaper than the word similarity polarity needs."""
    return (_text_flip(_info(a.text), _info(b.text)) is not None) or _denies_only(a) or _denies_only(b)
