"""The extractor's output: one candidate claim per attributed sentence.

Owns: the :class:`Candidate` record, which ``tracker ingest`` turns into a claim for the
analyst to accept, edit or skip. Must not: hold behaviour; it is a plain value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A sentence that attributes an assertion, and what the extractor read in it.

    ``sentence`` is the sentence as it stands in the article text; ``text`` the assertion
    with the attribution cut where that is clean; ``speaker`` whom the sentence credits
    (``None`` when no one is named or described); ``anonymous`` whether that speaker is
    unnamed; ``hedges`` the hedge words of the sentence; ``via`` the outlet the sentence
    cites as its origin, as written; ``verb`` the attribution ("said", "according to",
    "claimed responsibility"); ``stance`` "asserts", "denies" or "reports".
    """

    sentence: str
    text: str
    speaker: str | None
    anonymous: bool
    hedges: tuple[str, ...]
    via: str | None
    verb: str
    stance: str
