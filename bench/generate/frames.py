"""The frame table: which core propositions a claim can state, how often, and what
each can do (carry a count, be negated in its core, flip to an opposing class).

Owns the frame indices a claim stores (``c["f"]``) and the cumulative weights that
pick them; the order of ``FRAMES`` is part of the output. The frames themselves live
in ``frames_attacks`` and ``frames_politics``.
"""

from collections.abc import Callable

from .frames_attacks import (
    f_airstrike,
    f_arrest,
    f_assassination,
    f_border,
    f_casualties,
    f_clashes,
    f_damage,
    f_displacement,
    f_drones,
    f_ied,
    f_inquiry,
    f_intercept,
    f_kidnap,
    f_protest,
    f_release,
    f_resp,
    f_rockets,
    f_seizure,
    f_supply,
    f_turkey,
)
from .frames_politics import (
    f_agreement,
    f_appointment,
    f_budget,
    f_directive,
    f_election,
    f_funding,
    f_handover,
    f_oil,
    f_phone,
    f_presence,
    f_sanctions,
    f_talks,
    f_troops,
    f_truce,
    f_visit,
)

# (function, topic group, weight, has count "n", can negate in the core, opposing classes)
FRAMES: list[tuple[Callable, str, float, bool, bool, bool]] = [
    (f_rockets, "rockets", 1.6, True, True, False),
    (f_drones, "drones", 1.4, True, True, False),
    (f_casualties, "casualties", 1.3, True, False, False),
    (f_ied, "ied", 1.0, True, True, False),
    (f_resp, "resp", 1.0, False, True, False),
    (f_directive, "directive", 1.2, False, True, True),
    (f_visit, "visit", 1.0, False, True, False),
    (f_troops, "troops", 0.9, True, True, True),
    (f_agreement, "agreement", 1.0, False, False, True),
    (f_arrest, "arrest", 1.2, True, True, False),
    (f_seizure, "seizure", 1.0, True, True, False),
    (f_airstrike, "airstrike", 1.0, True, True, False),
    (f_sanctions, "sanctions", 0.8, True, True, False),
    (f_funding, "funding", 0.8, True, True, False),
    (f_border, "border", 0.8, True, True, False),
    (f_protest, "protest", 0.9, True, True, False),
    (f_election, "election", 0.7, True, True, False),
    (f_appointment, "appointment", 0.7, False, True, False),
    (f_kidnap, "kidnap", 0.8, True, True, False),
    (f_assassination, "assassination", 0.8, False, True, False),
    (f_oil, "oil", 0.7, True, True, False),
    (f_truce, "truce", 0.9, False, True, True),
    (f_handover, "handover", 0.7, False, True, False),
    (f_inquiry, "inquiry", 0.6, True, True, False),
    (f_intercept, "intercept", 0.8, True, True, False),
    (f_release, "release", 0.7, True, True, False),
    (f_budget, "budget", 0.6, True, True, False),
    (f_talks, "talks", 0.7, True, True, False),
    (f_displacement, "displacement", 0.7, True, True, False),
    (f_clashes, "clashes", 0.9, True, True, False),
    (f_phone, "phone", 0.7, False, True, False),
    (f_supply, "supply", 0.8, True, True, False),
    (f_damage, "damage", 0.7, True, True, False),
    (f_presence, "presence", 0.7, False, True, True),
    (f_turkey, "turkey", 0.8, True, True, False),
]


def _cum(idx: list[int]) -> tuple[list[int], list[float]]:
    tot = sum(FRAMES[i][2] for i in idx)
    acc, out = 0.0, []
    for i in idx:
        acc += FRAMES[i][2] / tot
        out.append(acc)
    out[-1] = 1.0
    return idx, out


_ALL_FRAMES = _cum(list(range(len(FRAMES))))
_POLITICAL_FRAMES = {
    i
    for i, f in enumerate(FRAMES)
    if f[0]
    in (
        f_election,
        f_budget,
        f_appointment,
        f_talks,
        f_agreement,
        f_presence,
        f_sanctions,
        f_phone,
        f_troops,
        f_visit,
        f_directive,
        f_truce,
    )
}
_COUNT_FRAMES = _cum([i for i, f in enumerate(FRAMES) if f[3]])
_OPP_FRAMES = _cum([i for i, f in enumerate(FRAMES) if f[5]])
