"""An outlet's track record: its score and the Admiralty grade the record suggests.

Owns the thresholds that turn a record (true and false verdicts on the claims an outlet
carried, and how many of them are contradicted) into a suggested letter, and when that
suggestion disagrees with the analyst's grade. The score itself is
:func:`tracker.credibility.beta.beta_score`. Must not: touch the database, print, or
import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from tracker.credibility.beta import beta_score
from tracker.credibility.facts import OutletRecord
from tracker.credibility.names import grade_letter

# An outlet needs this many decisive verdicts (true/false families) before its record
# suggests anything but F (cannot be judged).
MIN_DECISIVE_VERDICTS = 3
# A: the interval's lower bound is at least this (≈ 28 true and no false from Beta(1,1)).
GRADE_A_MIN_LOWER = 0.9
# B-D by posterior mean; below the last threshold: E.
GRADE_MIN_MEAN: tuple[tuple[str, float], ...] = (("B", 0.8), ("C", 0.6), ("D", 0.4))
# More than this share of carried claims contradicted lowers the suggestion one letter.
CONTRADICTED_SHARE_LIMIT = 0.5
# Two grades this many letters apart disagree.
DISAGREEMENT_LETTERS = 2


def record_score(record: OutletRecord) -> tuple[float, float, float]:
    """:func:`beta_score` of an outlet's record."""
    return beta_score(record.true, record.false)


_LETTERS = "ABCDE"


def suggested_grade(record: OutletRecord) -> str:
    """The Admiralty letter an outlet's track record suggests.

    - F when it has fewer than MIN_DECISIVE_VERDICTS verdicts that count toward the score
      (true + false; a record of only mixed verdicts says nothing either way);
    - A when the 90% interval's lower bound is at least GRADE_A_MIN_LOWER;
    - otherwise B, C, D by posterior mean (GRADE_MIN_MEAN: 0.8, 0.6, 0.4), else E;
    - then one letter lower (never past E) when more than CONTRADICTED_SHARE_LIMIT of the
      claims it carried are contradicted.
    """
    if record.true + record.false < MIN_DECISIVE_VERDICTS:
        return "F"
    mean, lower, _ = record_score(record)
    letter = "E"
    if lower >= GRADE_A_MIN_LOWER:
        letter = "A"
    else:
        for candidate, threshold in GRADE_MIN_MEAN:
            if mean >= threshold - 1e-12:
                letter = candidate
                break
    if record.carried > 0 and record.contradicted / record.carried > CONTRADICTED_SHARE_LIMIT:
        letter = _LETTERS[min(_LETTERS.index(letter) + 1, len(_LETTERS) - 1)]
    return letter


def record_disagrees(record: OutletRecord) -> bool:
    """True when the analyst's grade and the record's suggestion are 2+ letters apart.

    Only grades on the A-E scale are compared: a suggestion of F means the record is too
    thin to say anything, and an analyst grade of F means "cannot be judged", which is not
    a point below E, so neither can disagree.
    """
    analyst = grade_letter(record.grade)
    suggested = suggested_grade(record)
    if analyst is None or analyst == "F" or suggested == "F":
        return False
    return abs(_LETTERS.index(analyst) - _LETTERS.index(suggested)) >= DISAGREEMENT_LETTERS
