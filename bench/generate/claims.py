"""A claim as slots, and its text: pick a frame, a wrapper and a speaker, then render.

A claim is a dict (frame index ``f``, frame slots ``s``, negated core ``neg0``,
wrapper kind ``wk`` and index ``wi``, speaker tuple ``sp``, outlet and city of the
wrapper ``o``/``t``, context clause ``ctx``, typographic quotes ``curly``). Rendering
again keeps the value of every slot already filled, so a variant is a copied claim
with a few slots changed. Owns the wrapper fit rules (anonymous speakers get no
on-the-record wrapper).
"""

import bisect
import re

from .frames import _ALL_FRAMES, _POLITICAL_FRAMES, FRAMES
from .vocab import _ANON_BAD, CITIES, WRAPS
from .world import _World


def _render(g: _World, c: dict, neg: bool = False, opp: bool = False) -> str:
    core = FRAMES[c["f"]][0](g, c["s"], neg or c["neg0"], opp) + c["ctx"]
    wl = WRAPS[c["wk"]]
    w = wl[c["wi"] % len(wl)]
    v, e = c["sp"][0], c["sp"][1]
    if c["sp"][4] and "was quoted" in w:
        w = w.replace("was quoted", "were quoted")
    text = (
        w.replace("{V}", v)
        .replace("{E}", e)
        .replace("{O}", c["o"])
        .replace("{T}", c["t"])
        .replace("{C}", core)
    )
    text = text[0].upper() + text[1:]
    if c["curly"]:
        text = _curly(text)
    return text


_DQ_RE = re.compile(r'"([^"]*)"')


def _curly(text: str) -> str:
    text = _DQ_RE.sub("\u201c\\1\u201d", text)
    return text.replace("'", "\u2019")


def _straight(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")


def _new_claim(g: _World, frames=_ALL_FRAMES) -> dict:
    rnd = g.rnd
    idx, cum = frames
    f = idx[bisect.bisect_left(cum, rnd())]
    r = rnd()
    wk = 0 if r < 0.54 else (1 if r < 0.87 else (2 if r < 0.94 else 3))
    sp = g.speaker() if wk != 3 else ("", "", None, False, False)
    c = {
        "f": f,
        "s": {},
        "neg0": FRAMES[f][4] and wk != 2 and rnd() < 0.03,
        "wk": wk,
        "wi": int(rnd() * len(WRAPS[wk])),
        "sp": sp,
        "o": "",
        "t": "",
        "ctx": g.context(f in _POLITICAL_FRAMES) if rnd() < 0.7 else "",
        "curly": rnd() < 0.15,
    }
    _fit_wrapper(g, c)
    return c


def _wrapper_ok(w: str, sp: tuple) -> bool:
    return not (sp[3] and any(b in w for b in _ANON_BAD))


def _fit_wrapper(g: "_World", c: dict) -> None:
    """Make the chosen wrapper fit the speaker and fill its outlet / city slots."""
    w = WRAPS[c["wk"]][c["wi"]]
    if not _wrapper_ok(w, c["sp"]):
        c["wi"] = 0
        w = WRAPS[c["wk"]][0]
    if "{O}" in w and not c["o"]:
        c["o"] = g.outlets[int(g.rnd() * len(g.outlets))]["name"]
    if "{T}" in w and not c["t"]:
        c["t"] = g.pk(CITIES)
