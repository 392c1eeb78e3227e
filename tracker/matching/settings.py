"""Every matching threshold and candidate-rule size, in one settings object.

Documented in docs/matching.md. ``SETTINGS`` holds the values in force: the defaults
below, with the user's settings file applied by the command line (``tracker.usersettings``)
and ``overridden`` values while ``tracker calibrate`` tries thresholds. Pure: no database,
no printing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    """Every matching threshold, in one place (docs/matching.md)."""

    merge: float = 90.0
    """At or above: the same claim; ``claim add`` offers to record a new appearance."""
    suggest: float = 75.0
    """From here up to ``merge``: a new claim with a suggested duplicate relation."""
    content: float = 50.0
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


DEFAULTS = Settings()

THRESHOLDS = ("merge", "suggest", "content", "contradiction", "detect_floor")
"""The settings that are scores from 0 to 100."""


def checked(values: Mapping[str, object]) -> dict[str, float | int]:
    """``values`` as settings, or ValueError naming the first that is not one: an unknown
    name, a value of the wrong type, a threshold outside 0-100, ``suggest`` above
    ``merge``."""
    kinds = {f.name: f.type for f in fields(Settings)}
    out: dict[str, float | int] = {}
    for name, value in values.items():
        if name not in kinds:
            raise ValueError(f"unknown setting {name!r} (known: {', '.join(kinds)})")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name} must be a number, not {value!r}")
        if kinds[name] == "int":
            if not float(value).is_integer() or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
            out[name] = int(value)
        else:
            if name in THRESHOLDS and not 0 <= value <= 100:
                raise ValueError(f"{name} must be from 0 to 100, not {value!r}")
            out[name] = float(value)
    merged = replace(SETTINGS, **out)
    if merged.suggest > merged.merge:
        raise ValueError(f"suggest ({merged.suggest:g}) must not be above merge ({merged.merge:g})")
    return out


def apply(values: Mapping[str, float | int]) -> None:
    """Put ``values`` (``checked``) in force in ``SETTINGS``, the one object every module
    reads."""
    for name, value in values.items():
        object.__setattr__(SETTINGS, name, value)


@contextmanager
def overridden(**values: float | int) -> Iterator[Settings]:
    """``SETTINGS`` with ``values`` in force for the duration of the block."""
    before = {name: getattr(SETTINGS, name) for name in values}
    apply(checked(values))
    try:
        yield SETTINGS
    finally:
        apply(before)
