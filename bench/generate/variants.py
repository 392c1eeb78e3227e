"""The injected variants of a base claim: duplicates, number changes, polarity
changes and opposing predicates.

Each takes the base claim (slots) and returns a copy with changed slots, rendered by
``claims._render``; a duplicate also rewrites its text (spelling, transliteration,
quotes, dashes, filler words, case, a typo, the final period). A duplicate keeps every
fact: numbers, dates, polarity, and the slots not named ``_...``. A number change
keeps every other token.
"""

import bisect
import re
from collections.abc import Iterable

from .claims import _curly, _fit_wrapper, _render, _straight, _wrapper_ok
from .dates import _WHEN_GROUPS
from .frames import FRAMES
from .frames_politics import f_agreement, f_directive, f_presence, f_troops, f_truce
from .vocab import (
    AGREE,
    DISAGREE,
    ESCALATE,
    LEAVE,
    NEG_WORDS,
    NUM_WORDS,
    PRESENCE_AGAINST,
    PRESENCE_FOR,
    RESTRAIN,
    SPELLING_GROUPS,
    STAY,
    TRANSLIT_RULES,
    TRUCE_OFF,
    TRUCE_ON,
    WHEN_FMTS,
    WRAP_DENY,
    WRAPS,
)
from .world import _World


def _alt_re(words: Iterable[str]) -> re.Pattern:
    alts = "|".join(re.escape(v) for v in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![\w'])(" + alts + r")(?![\w'])")


_SPELL_RE = [(_alt_re(g), sorted(set(g))) for g in SPELLING_GROUPS]
_SPELL_ANY = _alt_re(v for g in SPELLING_GROUPS for v in g)
_SPELL_GROUP_OF: dict[str, int] = {}
for _i, _g in enumerate(SPELLING_GROUPS):
    for _v in _g:
        assert _SPELL_GROUP_OF.setdefault(_v, _i) == _i, f"{_v} in two spelling groups"
US_RE = re.compile(r"\bUS\b|\bU\.S\.(?=\W)")
ALNAME_RE = re.compile(r"\b([aA]l)-([A-Z][a-z']{3,})")
DASH_RE = re.compile(r" (?:-|–|—) ")
FILLER_RE = [
    (
        re.compile(
            r"\b(said|claimed|confirmed|announced|insisted|stressed|alleged|"
            r"acknowledged) that\b"
        ),
        r"\1",
    ),
    (re.compile(r"\b(said) (?!that\b|in\b|on\b)"), r"\1 that "),
    (re.compile(r"\b(told (?:reporters|parliament)) that\b"), r"\1"),
    (re.compile(r"^(.{8,}?) (said|confirmed|announced)\b"), r"\1 also \2"),
    (re.compile(r"\bthe US-led coalition\b"), "the coalition"),
    (re.compile(r"\bIraq's\b"), "Iraqi"),
    (re.compile(r"\bthe Popular Mobilization Forces\b"), "the PMF"),
]
_NUMWORD_SET = set(NUM_WORDS)
_WORD_RE = re.compile(r"[A-Za-z]{5,}")


def _copy_claim(c: dict) -> dict:
    d = dict(c)
    d["s"] = dict(c["s"])
    return d


def _variant_number(g: _World, c: dict) -> dict:
    d = _copy_claim(c)
    v, f, lo, hi, step, words = d["s"]["n"]
    for _ in range(100):
        if step == 1:
            nv = lo + int(g.rnd() * (hi - lo + 1))
        else:
            nv = lo + step * int(g.rnd() * ((hi - lo) // step + 1))
        if abs(nv - v) >= max(2, 0.25 * v) and nv != v:
            break
    else:
        nv = v * 2 + step
    nf = f
    if f == 1 and nv > 20:
        nf = 0
    if f == 2 and nv < 1000:
        nf = 0
    d["s"]["n"] = (nv, nf, lo, hi, step, words)
    return d


def _variant_polarity(g: _World, c: dict) -> tuple[dict, bool]:
    """Return (variant claim, negate-core flag for rendering)."""
    d = _copy_claim(c)
    if c["wk"] == 2:  # base is a denial -> plain assertion by the same speaker
        d["wk"], d["wi"] = 0, 0
        return d, False
    if c["neg0"]:  # base is negative -> positive
        d["neg0"] = False
        return d, False
    if FRAMES[c["f"]][4] and (c["wk"] == 3 or g.rnd() < 0.55):
        return d, True
    d["wk"] = 2
    d["wi"] = int(g.rnd() * len(WRAP_DENY))
    if c["wk"] == 3:
        d["sp"] = g.speaker()
    return d, False


def _variant_opposing(g: _World, c: dict) -> dict:
    d = _copy_claim(c)
    s = d["s"]
    s["cls"] = 1 - s["cls"]
    lst_len = {
        f_directive: (RESTRAIN, ESCALATE),
        f_troops: (STAY, LEAVE),
        f_agreement: (AGREE, DISAGREE),
        f_truce: (TRUCE_ON, TRUCE_OFF),
        f_presence: (PRESENCE_FOR, PRESENCE_AGAINST),
    }[FRAMES[c["f"]][0]]
    lst = lst_len[s["cls"]]
    i = int(g.rnd() * len(lst))
    s["_pr"] = (i, len(lst))
    if g.rnd() < 0.5:  # a different source reports the opposite
        d["sp"] = g.speaker()
        r = g.rnd()
        d["wk"] = 0 if r < 0.6 else 1
        d["wi"] = int(g.rnd() * len(WRAPS[d["wk"]]))
        d["o"] = d["t"] = ""
        _fit_wrapper(g, d)
    return d


def _reword_slots(g: _World, d: dict) -> bool:
    """Change a synonym, the wrapper (same stance) or the date format. In place."""
    s = d["s"]
    opts = []
    for k, v in s.items():
        if k.startswith("_") and isinstance(v, tuple) and v[1] > 1 and k != "_pr":
            opts.append(k)
    choice = g.rnd()
    if choice < 0.45 and opts:
        k = g.pk(sorted(opts))
        i, n = s[k]
        s[k] = ((i + 1 + int(g.rnd() * (n - 1))) % n, n)
        return True
    if choice < 0.8 and d["wk"] in (0, 1):
        old = WRAPS[d["wk"]][d["wi"]]
        lst = WRAPS[d["wk"]]
        for _ in range(10):
            wi = int(g.rnd() * len(lst))
            w = lst[wi]
            if (
                wi != d["wi"]
                and ("{O}" in w) == ("{O}" in old)
                and ("{T}" in w) == ("{T}" in old)
                and _wrapper_ok(w, d["sp"])
            ):
                d["wi"] = wi
                return True
    wf = s.get("wf")
    if wf is not None and WHEN_FMTS[wf][2]:
        grp = _WHEN_GROUPS[WHEN_FMTS[wf][2]]
        s["wf"] = grp[(grp.index(wf) + 1) % len(grp)]
        return True
    return False


def _numfmt_slots(d: dict) -> bool:
    t = d["s"].get("n")
    if not t:
        return False
    v, f, lo, hi, step, words = t
    if f == 1:
        nf = 0
    elif f == 2:
        nf = 0
    elif v >= 1000:
        nf = 2
    elif v <= 20 and words:
        nf = 1
    else:
        return False
    d["s"]["n"] = (v, nf, lo, hi, step, words)
    return True


def _t_spelling(g, t):
    hits = sorted({_SPELL_GROUP_OF[m.group(1)] for m in _SPELL_ANY.finditer(t)})
    hits = [_SPELL_RE[i] for i in hits]
    if not hits:
        m = US_RE.search(t)
        if m:
            return t[: m.start()] + ("U.S." if m.group() == "US" else "US") + t[m.end() :]
        return None
    rx, vs = g.pk(hits)

    def rep(m):
        alts = [x for x in vs if x != m.group(1)]
        return alts[int(g.rnd() * len(alts))] if alts else m.group(1)

    return rx.sub(rep, t, count=0 if g.rnd() < 0.7 else 1)


def _t_translit(g, t):
    ms = list(ALNAME_RE.finditer(t))
    if not ms:
        return None
    m = g.pk(ms)
    name = m.group(2)
    if g.rnd() < 0.35:
        pre = g.pk(["al ", "Al-", "el-", "Al "]) if m.group(1) == "al" else "al-"
        return t[: m.start()] + pre + name + t[m.end() :]
    rules = [(a, b) for a, b in TRANSLIT_RULES if a in name[1:]]
    if not rules:
        return t[: m.start()] + "al " + name + t[m.end() :]
    a, b = g.pk(rules)
    pos = name.find(a, 1)
    new = name[:pos] + b + name[pos + len(a) :]
    return t[: m.start(2)] + new + t[m.end(2) :]


def _t_quotes(g, t):
    if "\u2019" in t or "\u201c" in t:
        return _straight(t)
    if "'" in t or '"' in t:
        return _curly(t)
    return None


def _t_dash(g, t):
    m = DASH_RE.search(t)
    if not m:
        return None
    cur = m.group().strip()
    new = g.pk([x for x in ("-", "–", "—") if x != cur])
    return DASH_RE.sub(f" {new} ", t)


def _t_filler(g, t):
    opts = [(rx, rep) for rx, rep in FILLER_RE if rx.search(t)]
    if not opts:
        return None
    rx, rep = g.pk(opts)
    return rx.sub(rep, t, count=1)


def _t_case(g, t):
    r = g.rnd()
    if r < 0.4:
        return t.lower()
    if r < 0.7:
        return " ".join(w[:1].upper() + w[1:] for w in t.split(" "))
    if r < 0.85:
        return t.upper() if len(t) < 90 else t.lower()
    return t[0].lower() + t[1:] if t[0].isupper() else t[0].upper() + t[1:]


def _t_typo(g, t):
    ms = [
        m
        for m in _WORD_RE.finditer(t)
        if m.group().lower() not in NEG_WORDS and m.group().lower() not in _NUMWORD_SET
    ]
    if not ms:
        return None
    m = g.pk(ms)
    w = m.group()
    i = 1 + int(g.rnd() * (len(w) - 2))
    r = g.rnd()
    if r < 0.35:
        nw = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif r < 0.65:
        nw = w[:i] + w[i + 1 :]
    elif r < 0.85:
        nw = w[:i] + w[i] + w[i:]
    else:
        nw = w[:i] + g.pk("aeiounrst") + w[i + 1 :]
    if nw == w:
        nw = w[:i] + w[i + 1 :]
    return t[: m.start()] + nw + t[m.end() :]


def _t_period(g, t):
    if t.endswith("."):
        return t[:-1]
    return t + "."


_TEXT_T = [
    (_t_spelling, 3.0),
    (_t_translit, 1.5),
    (_t_quotes, 1.0),
    (_t_dash, 0.7),
    (_t_filler, 1.5),
    (_t_case, 0.8),
    (_t_typo, 1.5),
    (_t_period, 0.3),
]
_TEXT_T_CUM = []
_acc = 0.0
for _f, _w in _TEXT_T:
    _acc += _w
    _TEXT_T_CUM.append(_acc)


def _variant_duplicate(g: _World, c: dict, base_text: str) -> tuple[dict, str]:
    d = _copy_claim(c)
    k = 1 + (g.rnd() < 0.55) + (g.rnd() < 0.25)
    slot_changes = 0
    if g.rnd() < 0.45:
        slot_changes += _reword_slots(g, d)
    if g.rnd() < 0.3:
        slot_changes += _numfmt_slots(d)
    text = _render(g, d)
    for _ in range(max(1, k - slot_changes) + 3):
        if k - slot_changes <= 0 and text != base_text:
            break
        x = g.rnd() * _acc
        fn = _TEXT_T[bisect.bisect_left(_TEXT_T_CUM, x)][0]
        new = fn(g, text)
        if new is not None and new != text:
            text = new
            k -= 1
    if text == base_text:
        text = _t_typo(g, text) or text + "."
    return d, text
