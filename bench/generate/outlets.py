"""The synthetic outlets: names, aliases, Admiralty grades and domains.

Owns the outlet lines (the part of them that goes into the file) and the private
``_dom`` each claim's URL is built from. Draws only from the pool stream it is given,
in a fixed order, so that the outlets of a seed never depend on the claims.
"""

import random
import re

from .vocab import (
    HANDLE_SUFFIXES,
    IRAN_ORGS,
    KIND_GRADES,
    KURD_ORGS,
    LAST_EN,
    OUT_AR,
    OUT_NOUNS,
    OUT_PLACES,
    US_ORGS,
)


def _norm_alias(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _make_outlets(pr: random.Random, n: int, w) -> list[dict]:
    """``n`` outlets with distinct folded names and aliases; ``w`` is the world being
    built (its ``iraqi_orgs`` and ``militias`` name government and militia outlets)."""
    pk = lambda s: s[int(pr.random() * len(s))]  # noqa: E731
    out: list[dict] = []
    seen: set[str] = set()
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > n * 200:
            raise ValueError(f"cannot make {n} distinct outlet names")
        kind, name = _kind_and_name(pk, pr.random(), w)
        key = _norm_alias(name)
        if key in seen:
            continue
        aliases = _aliases(pk, name, kind, key, seen)
        seen.add(key)
        grade = pk(KIND_GRADES[kind])
        dom = re.sub(r"[^a-z0-9]", "", name.lower())[:24] or "outlet"
        out.append(
            {
                "type": "outlet",
                "name": name,
                "aliases": aliases,
                "kind": kind,
                "reliability": grade,
                "_dom": f"https://{dom}.{pk(['com', 'net', 'iq', 'org'])}",
            }
        )
    return out


def _kind_and_name(pk, r: float, w) -> tuple[str, str]:
    """The kind of outlet for the draw ``r`` and a name of that kind."""
    if r < 0.06:
        kind = "wire"
        name = pk(
            [
                f"{pk(OUT_PLACES)} Press Agency",
                f"{pk(OUT_PLACES)} News Agency",
                f"{pk(OUT_PLACES)} Wire",
                f"{pk(OUT_AR)} News Agency",
                f"The {pk(OUT_PLACES)} Wire Service",
            ]
        )
    elif r < 0.36:
        kind = "newspaper"
        name = pk(
            [
                f"The {pk(OUT_PLACES)} {pk(OUT_NOUNS)}",
                f"{pk(OUT_PLACES)} {pk(OUT_NOUNS)}",
                f"Al-{pk(OUT_AR)}",
                f"Al-{pk(OUT_AR)} Daily",
                f"{pk(OUT_PLACES)} Daily {pk(OUT_NOUNS)}",
            ]
        )
    elif r < 0.54:
        kind = "broadcaster"
        name = pk(
            [
                f"Al-{pk(OUT_AR)} TV",
                f"{pk(OUT_PLACES)} TV",
                f"Radio {pk(OUT_PLACES)}",
                f"Al-{pk(OUT_AR)} Channel",
                f"{pk(OUT_PLACES)} {pk(['24', 'Now', 'Live'])}",
                f"{pk(OUT_AR)} Satellite Channel",
            ]
        )
    elif r < 0.64:
        kind = "government"
        org = pk(w.iraqi_orgs + US_ORGS + IRAN_ORGS + KURD_ORGS)
        org = org.removeprefix("the ")
        name = pk([f"{org[0].upper() + org[1:]} media office", f"{org[0].upper() + org[1:]} press releases"])
    elif r < 0.74:
        kind = "armed group channel"
        g = pk(w.militias).removeprefix("the ")
        name = pk(
            [
                f"{g} media office",
                f"{g} Telegram channel",
                f"{pk(OUT_AR)} News Telegram",
                f"{pk(OUT_AR)} Media Network",
            ]
        )
    elif r < 0.80:
        kind = "think tank"
        name = pk(
            [
                f"{pk(OUT_PLACES)} Center for Strategic Studies",
                f"Institute for {pk(OUT_PLACES)} Policy",
                f"{pk(OUT_AR)} Foundation",
                f"{pk(OUT_PLACES)} Research Institute",
            ]
        )
    elif r < 0.88:
        kind = "blog"
        name = pk(
            [
                f"{pk(LAST_EN)}'s Iraq Blog",
                f"The {pk(OUT_PLACES)} Analyst",
                f"{pk(OUT_PLACES)} Watch",
                f"Notes from {pk(OUT_PLACES)}",
                f"{pk(LAST_EN)} on {pk(OUT_PLACES)}",
            ]
        )
    elif r < 0.93:
        kind = "forum"
        name = pk([f"{pk(OUT_PLACES)} Forum", f"{pk(OUT_AR)} Boards", f"{pk(OUT_PLACES)} Discussion Board"])
    else:
        kind = "social account"
        name = "@" + pk(OUT_AR) + pk(HANDLE_SUFFIXES)
    return kind, name


def _aliases(pk, name: str, kind: str, key: str, seen: set[str]) -> list[str]:
    """Acronym, name without "The"/"Al-", handle, domain: those whose folded form is new
    (each is added to ``seen``)."""
    aliases = []
    cands = []
    words = [x for x in re.split(r"[\s-]+", name) if x and x[0].isalnum()]
    caps = [x for x in words if x[0].isupper() and x.lower() not in ("the", "al")]
    if len(caps) >= 3:  # two-letter acronyms ("ON", "AT") are words, not aliases
        cands.append("".join(x[0] for x in caps).upper())
    if name.startswith("The "):
        cands.append(name[4:])
    elif name.startswith("Al-"):
        cands.append(name[3:])
        cands.append("Al " + name[3:])
    if name.startswith("@"):
        cands.append(name[1:])
    if kind in ("newspaper", "broadcaster", "wire", "blog"):
        cands.append(re.sub(r"[^a-z0-9]", "", name.lower()) + pk([".com", ".net", ".iq", ".org", ".news"]))
    for a in cands:
        ka = _norm_alias(a)
        if ka and ka not in seen and ka != key and len(ka) >= 2:
            aliases.append(a)
            seen.add(ka)
    return aliases
