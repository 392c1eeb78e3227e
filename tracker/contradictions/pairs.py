"""What the contradiction detectors share about a pair of claims, and the two entry points
beside ``detect``: the cheap pre-filter :func:`plausible` and :func:`describe` (what the
detectors see in one text, for people).

Owns: :func:`prepare`, :func:`similarity` (the word similarity with negation words left
out), :func:`plausible`, the same-subject rule of the numeric detector
(:func:`_same_subject`), the spelling of names in reasons (:func:`_show`), and
:func:`describe`.

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from tracker.contradictions.analysis import _info, _TextInfo
from tracker.contradictions.lexicon import Lexicon, default_lexicon, predicate_matches
from tracker.contradictions.types import SETTINGS, ClaimView, Prepared
from tracker.contradictions.windows import same_period, window_of
from tracker.contradictions.words import _DEMONYM_OF


def prepare(view: ClaimView) -> Prepared:
    """Analyse a view once (results are cached per text anyway)."""
    return Prepared(view, _info(view.text), window_of(view))


def _v(x: ClaimView | Prepared) -> ClaimView:
    return x.view if isinstance(x, Prepared) else x


def similarity(a: ClaimView | str, b: ClaimView | str) -> float:
    """0-100 word similarity of two claims on their folded text without negation words
    (so "did not rebuke" and "rebuked" compare as the same words). Same blend as matching:
    half token_sort_ratio, half token_set_ratio."""
    ta = _info(a if isinstance(a, str) else _v(a).text).polar_text
    tb = _info(b if isinstance(b, str) else _v(b).text).polar_text
    sort = fuzz.token_sort_ratio(ta, tb, processor=None)
    tset = fuzz.token_set_ratio(ta, tb, processor=None)
    return round(0.5 * sort + 0.5 * tset, 1)


def _word(k: str, *infos: _TextInfo) -> str:
    """A spelling of name key ``k`` found in one of the texts (for reasons)."""
    if k.startswith("@"):
        return k[1:]
    for info in infos:
        w = info.display.get(k)
        if w is not None:
            return w
    for info in infos:
        for d in _DEMONYM_OF.get(k, ()):
            w = info.display.get(d)
            if w is not None:
                return w
    return k


def _show(keys: Iterable[str], *infos: _TextInfo) -> str:
    return ", ".join(_word(k, *infos) for k in sorted(keys))


def _show_run(run: str, info: _TextInfo) -> str:
    return " ".join(_word(k, info) for k in run.split())


def plausible(a: ClaimView, b: ClaimView) -> bool:
    """Worth running the detectors: a shared (folded) name other than a very broad one such
    as "US", or at least two shared content words and the same period."""
    ia = _info(a.text)
    ib = _info(b.text)
    if not ia.names.isdisjoint(ib.names):
        return True
    if len(ia.content & ib.content) >= SETTINGS.plausible_tokens:
        return same_period(a, b)
    return False


def _same_subject(ia: _TextInfo, ib: _TextInfo) -> str | None:
    """What makes two texts about the same subject (shown in reasons), or None."""
    shared = ia.names & ib.names
    if shared:
        return _show(shared, ia, ib)
    if ia.names and ib.names:
        return None  # each names something, and not the same thing
    words = {t for t in ia.content & ib.content if not t[0].isdigit()}
    small = min(len(ia.content), len(ib.content)) or 1
    if len(words) >= 3 and len(words) / small >= 0.4:
        return ", ".join(sorted(words))
    return None


def describe(text: str, lexicon: Lexicon | None = None) -> dict[str, list[str]]:
    """What the detectors see in one text, for people (the ``compare`` view): the counts
    with what they count, the names as spelled here, and the lexicon predicates."""
    info = _info(text)
    lex = default_lexicon() if lexicon is None else lexicon
    return {
        "numbers": [c.phrase for c in info.counts],
        "names": sorted({info.display.get(k, k) for k in info.all_names}),
        "predicates": [f"{m.phrase} ({m.opposition}, side {m.side})" for m in predicate_matches(text, lex)],
    }
