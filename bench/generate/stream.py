"""The lines: outlet lines, then base claims with their variants emitted a little
later, as a stream, a list, or a JSON Lines file.

Owns the line format (which fields a claim line carries and in what order), the
publication dates and outlet picks, and the delay heap that holds variants until
their slot. Memory stays flat while streaming: only waiting variants are held.
"""

import bisect
import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .claims import _new_claim, _render
from .dates import _DAYS
from .frames import _COUNT_FRAMES, _OPP_FRAMES, FRAMES
from .plan import _key, _plan, _truth_from_plan
from .variants import _variant_duplicate, _variant_number, _variant_opposing, _variant_polarity
from .vocab import _URL_PAT, STANCE_OF, TOPIC_GROUPS, WHEN_FMTS
from .world import _World


@dataclass
class Synthetic:
    lines: list[dict] = field(default_factory=list)
    duplicate_pairs: list[tuple[str, str]] = field(default_factory=list)
    number_change_pairs: list[tuple[str, str]] = field(default_factory=list)
    polarity_pairs: list[tuple[str, str]] = field(default_factory=list)
    opposing_pairs: list[tuple[str, str]] = field(default_factory=list)


def _line(
    g: _World,
    key: str,
    c: dict,
    text: str,
    day: int,
    outlet_i: int,
    via: str | None,
    topics: list[str],
    event_date: str | None,
) -> dict:
    o = g.outlets[outlet_i]
    iso, y, m, d, _ = _DAYS[min(day, len(_DAYS) - 1)]
    wk = c["wk"]
    line = {"type": "claim", "key": key, "text": text, "outlet": o["name"], "published": iso}
    if g.rnd() < 0.85:
        pat = _URL_PAT[len(o["name"]) % len(_URL_PAT)]
        line["url"] = pat.format(dom=o["_dom"], y=y, m=m, d=d, id=100000 + int(g.rnd() * 9e6))
    sp = c["sp"]
    if sp[2]:
        line["speaker"] = sp[2]
    line["anonymous"] = bool(sp[3])
    if via:
        line["via"] = via
    line["stance"] = STANCE_OF[wk]
    line["topics"] = topics
    if event_date:
        line["event_date"] = event_date
    return line


def _event_date(c: dict) -> tuple[str | None, int]:
    """(event_date string, day index the event happened)."""
    s = c["s"]
    d = s.get("d")
    if d is None:
        return None, -1
    iso = _DAYS[d][0]
    prec = WHEN_FMTS[s.get("wf", 0)][1] if "wf" in s else "day"
    if prec == "day":
        return iso, d
    if prec == "month":
        return iso[:7], d
    return iso[:7], d


def _pick_outlet(g: _World) -> int:
    return bisect.bisect_left(g.outlet_cum, g.rnd())


def iter_lines(
    n_claims: int,
    seed: int = 0,
    *,
    truth: dict | None = None,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    n_outlets: int = 300,
    delay: int = 2000,
) -> Iterator[dict]:
    """Stream the lines: ``n_outlets`` outlet lines, then exactly ``n_claims`` claim lines.

    Memory stays flat (only variants waiting for their slot are held; each is
    emitted within ``delay`` base claims after its base). If ``truth`` is a dict it
    is filled with the answer key *before* this function returns, i.e. before the
    first line is read (the same dict that :func:`truth_pairs` returns).
    """
    nb, plan = _plan(n_claims, seed, dup_rate, number_rate, polarity_rate, opposing_rate)
    if truth is not None:
        truth.update(_truth_from_plan(plan))
    if n_outlets < 1:
        raise ValueError("n_outlets must be >= 1")
    g = _World(seed, n_outlets)
    return _stream(g, nb, plan, max(1, delay))


def _stream(g: _World, nb: int, plan: dict[int, list[str]], delay: int) -> Iterator[dict]:
    for o in g.outlets:
        yield {k: v for k, v in o.items() if not k.startswith("_")}
    rnd = g.rnd
    pending: list[tuple[int, int, dict]] = []
    seq = 0
    outlets = g.outlets
    wires = g.wire_idx
    for i in range(nb):
        kinds = plan.get(i)
        if kinds is None:
            c = _new_claim(g)
        elif kinds[0] == "n":
            c = _new_claim(g, _COUNT_FRAMES)
        elif kinds[0] == "o":
            c = _new_claim(g, _OPP_FRAMES)
            c["neg0"] = False  # keep the opposition clean: base states its predicate
        else:
            c = _new_claim(g)
        text = _render(g, c)
        ev, day = _event_date(c)
        if day < 0:
            day = g.day()
        pub = day + int(rnd() * 3)
        oi = _pick_outlet(g)
        via = outlets[wires[int(rnd() * len(wires))]]["name"] if rnd() < 0.04 else None
        if via == outlets[oi]["name"]:
            via = None
        tg = TOPIC_GROUPS[FRAMES[c["f"]][1]]
        topics = tg[:1] if rnd() < 0.5 else list(tg)
        key = _key(i)
        yield _line(g, key, c, text, pub, oi, via, topics, ev)
        if kinds:
            for j, kind in enumerate(kinds, 1):
                vkey = f"{key}-{kind}{j}"
                vo = _pick_outlet(g)
                vvia = None
                if kind == "d":
                    d, vtext = _variant_duplicate(g, c, text)
                    if rnd() < 0.4 and vo != oi:
                        vvia = outlets[oi]["name"]
                    vpub = pub + int(rnd() * 6)
                elif kind == "n":
                    d = _variant_number(g, c)
                    vtext = _render(g, d)
                    vpub = pub + int(rnd() * 4)
                elif kind == "p":
                    d, negcore = _variant_polarity(g, c)
                    vtext = _render(g, d, neg=negcore)
                    vpub = pub + int(rnd() * 4)
                else:
                    d = _variant_opposing(g, c)
                    vtext = _render(g, d)
                    vpub = pub + int(rnd() * 5)
                line = _line(g, vkey, d, vtext, vpub, vo, vvia, topics, ev)
                seq += 1
                heapq.heappush(pending, (i + 1 + int(rnd() * delay), seq, line))
        while pending and pending[0][0] <= i:
            yield heapq.heappop(pending)[2]
    while pending:
        yield heapq.heappop(pending)[2]


def generate(
    n_claims: int,
    seed: int = 0,
    *,
    dup_rate: float = 0.05,
    number_rate: float = 0.01,
    polarity_rate: float = 0.005,
    opposing_rate: float = 0.005,
    n_outlets: int = 300,
) -> Synthetic:
    """Everything in memory (fine up to a few hundred thousand claims; for 1,000,000
    stream with :func:`iter_lines` or :func:`write_jsonl`)."""
    truth: dict = {}
    lines = list(
        iter_lines(
            n_claims,
            seed,
            truth=truth,
            dup_rate=dup_rate,
            number_rate=number_rate,
            polarity_rate=polarity_rate,
            opposing_rate=opposing_rate,
            n_outlets=n_outlets,
        )
    )
    return Synthetic(lines=lines, **truth)


def write_jsonl(path, n_claims: int, seed: int = 0, **kw: Any) -> dict:
    """Write the lines as JSON Lines to ``path``; return the answer key
    ``{"duplicate_pairs": [...], "number_change_pairs": [...], "polarity_pairs": [...],
    "opposing_pairs": [...], "n_claims": ..., "n_outlets": ..., "seed": ...}``."""
    truth: dict = {}
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    n_out = kw.get("n_outlets", 300)
    buf: list[str] = []
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for line in iter_lines(n_claims, seed, truth=truth, **kw):
            buf.append(enc(line))
            if len(buf) >= 20000:
                buf.append("")
                fh.write("\n".join(buf))
                buf.clear()
        if buf:
            buf.append("")
            fh.write("\n".join(buf))
    truth.update({"n_claims": n_claims, "n_outlets": n_out, "seed": seed})
    return truth
