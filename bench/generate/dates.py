"""The calendar of the generated claims: every day from 2019 to 2023 (and a week
beyond, for publication dates after a late event), and the date-phrase swap groups.

Owns day indices: a claim stores the index of its event day into ``_DAYS``. Draws
nothing at random (``_World.day`` picks the index).
"""

import datetime as _dt

from .vocab import WEEKDAYS, WHEN_FMTS

_D0 = _dt.date(2019, 1, 1).toordinal()
_D1 = _dt.date(2023, 12, 31).toordinal()
_DAYS: list[tuple[str, int, int, int, str]] = []  # iso, Y, M(1-12), d, weekday name
for _o in range(_D0, _D1 + 8):
    _d = _dt.date.fromordinal(_o)
    _DAYS.append((_d.isoformat(), _d.year, _d.month, _d.day, WEEKDAYS[_d.weekday()]))
_NDAYS = _D1 - _D0 + 1

# Swap groups hold the formats that say the same thing with the same numbers (safe
# rewording for duplicates): group number -> indices into WHEN_FMTS.
_WHEN_GROUPS: dict[int, list[int]] = {}
for _i, (_f, _p, _g) in enumerate(WHEN_FMTS):
    if _g:
        _WHEN_GROUPS.setdefault(_g, []).append(_i)
