"""The diversity self-check: how similar distinct base claims are to one another,
and how similar the injected pairs are.

Reads lines, never generates them; needs rapidfuzz (imported when called), which the
rest of the generator does not.
"""

import random
from typing import Any

from .plan import PAIR_KINDS
from .stream import Synthetic


def _is_injected_key(k: str | None) -> bool:
    return bool(k) and "-" in k


def _pct(sorted_vals: list[float], q: float) -> float:
    if not sorted_vals:
        return 0.0
    k = (len(sorted_vals) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def diversity_report(sample, *, n: int = 2000, seed: int = 0, pairs: dict | None = None) -> dict:
    """Pairwise similarity among distinct non-injected claims.

    ``sample`` is a :class:`Synthetic`, an iterable of line dicts, or an iterable of
    strings. Claim lines whose key marks an injected variant (contains ``-``) are
    left out; at most ``n`` claims are drawn (seeded). Returns max / p99.9 / p99 /
    mean of rapidfuzz ``fuzz.token_sort_ratio`` and ``fuzz.token_set_ratio`` over all
    distinct pairs (texts lower-cased, ``processor=None``), with the most similar
    pair; if ``pairs`` (an answer key) or a Synthetic is given, also min / p05 /
    mean ``token_sort_ratio`` for each kind of injected pair. Needs no numpy: one
    ``rapidfuzz.process.extract`` per claim (~2 s per scorer for 2,000 claims).
    """
    from rapidfuzz import fuzz, process

    lines_by_key: dict[str, str] = {}
    if isinstance(sample, Synthetic):
        pairs = pairs or {k: getattr(sample, k) for k in PAIR_KINDS}
        sample = sample.lines
    texts: list[str] = []
    for x in sample:
        if isinstance(x, str):
            texts.append(x)
        elif isinstance(x, dict) and x.get("type", "claim") == "claim":
            lines_by_key[x.get("key", "")] = x["text"]
            if not _is_injected_key(x.get("key")):
                texts.append(x["text"])
    texts = list(dict.fromkeys(texts))
    if len(texts) > n:
        texts = random.Random(seed).sample(texts, n)
    low = [t.lower() for t in texts]
    out: dict[str, Any] = {"n": len(low)}
    for name, scorer in (
        ("token_sort_ratio", fuzz.token_sort_ratio),
        ("token_set_ratio", fuzz.token_set_ratio),
    ):
        vals: list[float] = []
        best = (-1.0, 0, 0)
        for i in range(len(low) - 1):
            res = process.extract(low[i], low[i + 1 :], scorer=scorer, processor=None, limit=None)
            for _, sc, j in res:
                vals.append(sc)
                if sc > best[0]:
                    best = (sc, i, i + 1 + j)
        if vals:
            vals.sort()
            out[name] = {
                "max": round(vals[-1], 1),
                "p999": round(_pct(vals, 99.9), 1),
                "p99": round(_pct(vals, 99), 1),
                "mean": round(sum(vals) / len(vals), 1),
                "max_pair": (texts[best[1]], texts[best[2]]),
            }
    if pairs and lines_by_key:
        out["pairs"] = {}
        for kind in PAIR_KINDS:
            sc = sorted(
                fuzz.token_sort_ratio(lines_by_key[a].lower(), lines_by_key[b].lower(), processor=None)
                for a, b in pairs.get(kind, [])
                if a in lines_by_key and b in lines_by_key
            )
            if sc:
                out["pairs"][kind] = {
                    "n": len(sc),
                    "min": round(sc[0], 1),
                    "p05": round(_pct(sc, 5), 1),
                    "mean": round(sum(sc) / len(sc), 1),
                }
    return out
