"""Every matching threshold and candidate-rule size, in one settings object.

Documented in docs/matching.md. Pure: no database, no printing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Every matching threshold, in one place (docs/matching.md)."""

    merge: float = 90.0
    """At or above: the same claim; ``claim add`` offers to record a new appearance."""
    suggest: float = 75.0
    """From here up to ``merge``: a new claim with a suggested duplicate relation."""
    content: float = 45.0
    """Content score (``tracker.matching.content``) from which a pair the string score
    leaves below ``suggest`` is a suggested duplicate, when no guard keeps it apart."""
    contradiction: float = 70.0
    """Pairs this close whose numbers or polarity differ are contradiction candidates."""
    window: int = 50
    """Candidate rule: for each token, only the this-many newest claims holding it are
    looked at; a token held by more is common, and its older holders are out of reach."""
    rank_cap: int = 1000
    """Candidate rule: how many claims hold a token is counted up to this many; tokens
    held by more rank as equally common."""
    query_tokens: int = 6
    """Candidate rule: a claim looks for partners through its this-many rarest tokens."""
    shared_tokens: int = 2
    """Candidate rule: a partner holds at least this many of those tokens (or all of
    them, when the claim has fewer)."""
    pool: int = 60
    """Candidate rule: at most this many partners are judged, the best sharers first."""
    detect_floor: float = 45.0
    """The detectors look at a pool member whose wording is at least this close (token
    sort of the matching forms) when the two differ in numbers or polarity, either is
    rated or denied, or both name an attack; and at every lexicon partner."""
    partner_token_cap: int = 3
    """Candidate rule, lexicon partners: a token held by more than this many of the claims
    on the other side is too common there to tie two claims together."""
    max_tokens: int = 64
    """Longest token stored in the posting table."""
    search_holders: int = 2000
    """``claim search``: a query word held by more claims than this does not narrow the
    search (the rarer words of the query do)."""


SETTINGS = Settings()
