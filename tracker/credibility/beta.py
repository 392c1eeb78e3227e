"""The Beta distribution an outlet's score is read from, computed here without scipy.

Owns the regularized incomplete beta function (continued fraction), its quantiles (by
bisection) and :func:`beta_score`, the Beta(1,1)-smoothed mean and 90% credible interval
of a count of true and false verdicts. Must not: touch the database, print, or import
typer, rich or SQLAlchemy.
"""

from __future__ import annotations

import math

# Credible interval reported with an outlet's score: equal-tailed, 5th to 95th percentile.
INTERVAL_PROBABILITIES = (0.05, 0.95)

_FLOAT_TINY = 1e-300
_CF_EPS = 1e-15


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz; NR betacf)."""
    max_iter = 200 + int(10 * math.sqrt(max(a, b)))
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _FLOAT_TINY else _FLOAT_TINY)
    h = d
    for m in range(1, max_iter + 1):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > _FLOAT_TINY else _FLOAT_TINY)
            c = 1.0 + aa / c
            c = c if abs(c) > _FLOAT_TINY else _FLOAT_TINY
            delta = d * c
            h *= delta
        if abs(delta - 1.0) < _CF_EPS:
            return h
    raise ArithmeticError(f"incomplete beta did not converge for a={a}, b={b}, x={x}")


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b): the CDF at ``x`` of a Beta(a, b) distribution."""
    if a <= 0 or b <= 0:
        raise ValueError("Beta parameters must be positive")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    # The continued fraction converges fast only below the mean-ish point; use symmetry.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(p: float, a: float, b: float) -> float:
    """The ``p`` quantile of Beta(a, b), by bisection on :func:`regularized_beta`.

    Accurate to about 1e-13 relative; the CDF is monotone, so bisection cannot go wrong.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError("probability must be between 0 and 1")
    if p == 0.0:
        return 0.0
    if p == 1.0:
        return 1.0
    lo, hi = 0.0, 1.0
    for _ in range(400):
        mid = (lo + hi) / 2.0
        if mid in (lo, hi) or hi - lo <= 1e-13 * mid:
            break
        if regularized_beta(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def beta_score(true: int, false: int, prior: tuple[float, float] = (1, 1)) -> tuple[float, float, float]:
    """Posterior mean and 90% equal-tailed credible interval of an outlet's truth rate.

    With ``true`` claims rated true or mostly-true and ``false`` rated false or
    mostly-false (mixed and unproven do not count), the posterior is
    Beta(prior[0] + true, prior[1] + false). Returns ``(mean, lower, upper)`` where lower
    and upper are its 5th and 95th percentiles. With no verdicts: (0.5, 0.05, 0.95).
    """
    if true < 0 or false < 0:
        raise ValueError("counts must not be negative")
    if prior[0] <= 0 or prior[1] <= 0:
        raise ValueError("prior parameters must be positive")
    a, b = prior[0] + true, prior[1] + false
    lower = beta_quantile(INTERVAL_PROBABILITIES[0], a, b)
    upper = beta_quantile(INTERVAL_PROBABILITIES[1], a, b)
    return a / (a + b), lower, upper
