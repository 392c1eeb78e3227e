"""The plan of which base claim gets which variant, and the answer key it implies.

The plan has its own random stream (``tracker-bench-plan:<seed>``) and draws before
any text, so the answer key is known without generating a line. Owns the claim keys
(``s000123``, ``s000123-d1``) and the counts each rate gives.
"""

import random
from typing import Any

PAIR_KINDS = ("duplicate_pairs", "number_change_pairs", "polarity_pairs", "opposing_pairs")


def _counts(
    n_claims: int, dup_rate: float, number_rate: float, polarity_rate: float, opposing_rate: float
) -> tuple[int, int, int, int, int]:
    if n_claims < 0:
        raise ValueError("n_claims must be >= 0")
    for nm, r in (
        ("dup_rate", dup_rate),
        ("number_rate", number_rate),
        ("polarity_rate", polarity_rate),
        ("opposing_rate", opposing_rate),
    ):
        if not 0 <= r <= 1:
            raise ValueError(f"{nm} must be between 0 and 1")
    nd = round(n_claims * dup_rate)
    nn = round(n_claims * number_rate)
    npo = round(n_claims * polarity_rate)
    no = round(n_claims * opposing_rate)
    nb = n_claims - nd - nn - npo - no
    if nb < 0 or (nd + nn + npo + no) > nb:
        raise ValueError("injection rates too high: variants must not outnumber base claims")
    return nb, nd, nn, npo, no


def _plan(
    n_claims: int, seed: int, dup_rate: float, number_rate: float, polarity_rate: float, opposing_rate: float
) -> tuple[int, dict[int, list[str]]]:
    nb, nd, nn, npo, no = _counts(n_claims, dup_rate, number_rate, polarity_rate, opposing_rate)
    pr = random.Random(f"tracker-bench-plan:{seed}")
    sizes = []
    left = nd
    while left > 0:
        r = pr.random()
        k = 1 if r < 0.75 else (2 if r < 0.93 else 3)
        k = min(k, left)
        sizes.append(k)
        left -= k
    need = len(sizes) + nn + npo + no
    chosen = pr.sample(range(nb), need) if need else []
    plan: dict[int, list[str]] = {}
    it = iter(chosen)
    for k in sizes:
        plan[next(it)] = ["d"] * k
    for _ in range(nn):
        plan[next(it)] = ["n"]
    for _ in range(npo):
        plan[next(it)] = ["p"]
    for _ in range(no):
        plan[next(it)] = ["o"]
    return nb, plan


def _key(i: int) -> str:
    return f"s{i:06d}"


def _truth_from_plan(plan: dict[int, list[str]]) -> dict[str, list[tuple[str, str]]]:
    t: dict[str, list[tuple[str, str]]] = {k: [] for k in PAIR_KINDS}
    name = {"d": "duplicate_pairs", "n": "number_change_pairs", "p": "polarity_pairs", "o": "opposing_pairs"}
    for i in sorted(plan):
        b = _key(i)
        for j, kind in enumerate(plan[i], 1):
            t[name[kind]].append((b, f"{b}-{kind}{j}"))
    return t


def truth_pairs(
    n_claims: int,
    seed: int = 0,
    *,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    **_ignored: Any,
) -> dict:
    """The injected pairs for these parameters, without generating any text."""
    _, plan = _plan(n_claims, seed, dup_rate, number_rate, polarity_rate, opposing_rate)
    return _truth_from_plan(plan)
