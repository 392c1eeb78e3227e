"""The world of one seed: the generated pools (family names, towns, militias,
organisations, outlets) and the text stream with the helpers that draw names, places,
speakers and dates from it.

Owns the two random streams of a seed besides the plan: ``tracker-bench-pools:<seed>``
builds the pools once, ``tracker-bench-text:<seed>`` draws everything in the text. The
order of the draws is part of the output: the same seed gives the same claims only as
long as every helper draws the same number of times in the same order.
"""

import random
import re
from collections.abc import Iterable
from typing import Any

from .dates import _DAYS, _NDAYS
from .outlets import _make_outlets
from .vocab import (
    _FEMALE,
    _FIRST,
    ACCUSATIONS,
    ANON_COMBOS,
    ANON_Q,
    ANON_TAIL,
    AR_C1,
    AR_C2,
    AR_C3,
    AR_SUF,
    AR_V1,
    ARMED_OTHERS,
    BASES,
    CITIES,
    CIVIL_TITLES,
    CONTEXTS,
    CONTEXTS_POLITICAL,
    DISTRICTS_OF,
    FA_R1,
    FA_R2,
    FA_R3,
    FA_SUF,
    FIRST_AR,
    INTL_ORGS,
    IRAN_ACTORS,
    IRAN_ORGS,
    IRAQI_ORGS,
    ISSUES,
    KIND_WEIGHT,
    KU_R1,
    KU_R2,
    KU_SUF,
    KURD_ORGS,
    KURDISH_PROVINCES,
    LAST_EN,
    MILITIA_NAMES_FOR_IMAM,
    MILITIA_PREFIX,
    MILITIA_WORDS,
    MONTHS,
    NUM_WORDS,
    PARTIES,
    PROVINCES,
    RANKS_IQ,
    RANKS_IR,
    RANKS_MIL,
    RANKS_US,
    REAL_MILITIAS,
    REAL_NISBA,
    REAL_PEOPLE,
    REAL_PLACES,
    ROLE_ANALYST,
    ROLE_CIVIL,
    ROLE_INTL,
    ROLE_MILITIA,
    ROLE_TEMPL,
    SILENT_ORGS,
    TARGET_KINDS,
    TARGET_OWNERS,
    THINK_TANKS,
    TOWN_PRE,
    TOWN_SUF,
    TOWN_SYL1,
    TOWN_SYL2,
    UNIVERSITIES,
    US_ORGS,
    WHEN_FMTS,
)


def _n2s(n: int, f: int) -> str:
    if f == 1 and n <= 20:
        return NUM_WORDS[n]
    if f == 2:
        return f"{n:,}"
    return str(n)


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiouAEIO" else "a ") + noun


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _neg_or(g, s, neg, key, pairs):
    v = g.syn(s, key, pairs)
    return f"did not {v[1]}" if neg else v[0]


def _ar_family(pk) -> str:
    c2 = pk(AR_C2)
    c3 = "" if len(c2) == 2 and c2[0] == c2[1] else pk(AR_C3)
    return f"al-{pk(AR_C1)}{pk(AR_V1)}{c2}{c3}{pk(AR_SUF)}"


def _uniq(seq: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(seq))


class _World:
    """Vocabulary pools (built once per seed) plus the random stream for text."""

    def __init__(self, seed: int, n_outlets: int) -> None:
        pr = random.Random(f"tracker-bench-pools:{seed}")
        pk = lambda s: s[int(pr.random() * len(s))]  # noqa: E731
        self.ar_family = _uniq([f"al-{n}" for n in REAL_NISBA] + [_ar_family(pk) for _ in range(5000)])
        self.fa_family = _uniq(f"{pk(FA_R1)}{pk(FA_R2)}{pk(FA_R3)}{pk(FA_SUF)}" for _ in range(3000))
        self.ku_family = _uniq(f"{pk(KU_R1)}{pk(KU_R2)}{pk(KU_SUF)}" for _ in range(800))
        towns = []
        for _ in range(6000):
            core = pk(TOWN_SYL1) + pk(TOWN_SYL2) + pk(TOWN_SUF)
            core = core[0].upper() + core[1:].lower()
            towns.append(pk(TOWN_PRE) + core)
        self.towns = _uniq(towns)
        mil = list(REAL_MILITIAS)
        for _ in range(1500):
            p = pk(MILITIA_PREFIX)
            r = pr.random()
            if r < 0.35:
                body = pk(MILITIA_WORDS)
            elif r < 0.6:
                body = f"{pk(MILITIA_WORDS)} {pk(MILITIA_WORDS)}"
            elif r < 0.75:
                body = f"al-Imam {pk(MILITIA_NAMES_FOR_IMAM)}"
            elif r < 0.88:
                body = f"Abi {pk(MILITIA_NAMES_FOR_IMAM)} {pk(MILITIA_WORDS)}"
            else:
                body = f"Thar {pk(MILITIA_NAMES_FOR_IMAM)}"
            if body.startswith(("al-", "Thar", "Abi")) and p in ("Ansar",):
                p = "Saraya"
            mil.append(f"{p} {body}")
        for n in range(1, 60):
            mil.append(f"the PMF's {_ordinal(n * 3 % 70 + 1)} Brigade")
        self.militias = _uniq(mil)
        iq = list(IRAQI_ORGS)
        for p in PROVINCES:
            iq += [
                f"the {p} Operations Command",
                f"the {p} police command",
                f"the {p} provincial council",
                f"the {p} Asayish" if p in KURDISH_PROVINCES else f"{p}'s governorate",
            ]
        for n in range(1, 21):
            iq.append(f"the Iraqi army's {_ordinal(n)} Division")
        self.iraqi_orgs = _uniq(iq)
        self.all_orgs = self.iraqi_orgs + US_ORGS + IRAN_ORGS + KURD_ORGS + INTL_ORGS
        self.speaker_orgs = [o for o in self.all_orgs if not any(q in o for q in SILENT_ORGS)]
        self.security_orgs = [
            o
            for o in self.iraqi_orgs
            if re.search(r"Command|Division|Service|Police|police|Special Forces|Guard|Response", o)
        ] + ["the Peshmerga", "the Zeravani forces", "Kurdish counter-terrorism units"]
        self.outlets = _make_outlets(pr, n_outlets, self)
        # Zipf-ish outlet popularity, wires and big newspapers/broadcasters on top
        w = [KIND_WEIGHT[o["kind"]] / (i + 1) ** 0.6 for i, o in enumerate(self.outlets)]
        tot = sum(w)
        acc = 0.0
        self.outlet_cum = []
        for x in w:
            acc += x / tot
            self.outlet_cum.append(acc)
        self.outlet_cum[-1] = 1.0
        self.wire_idx = [i for i, o in enumerate(self.outlets) if o["kind"] == "wire"] or [0]

        self.r = random.Random(f"tracker-bench-text:{seed}")
        self.rnd = self.r.random

    # -- small helpers --------------------------------------------------------
    def pk(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def syn(self, s: dict, key: str, seq) -> Any:
        t = s.get(key)
        if t is None:
            i = int(self.rnd() * len(seq))
            s[key] = (i, len(seq))
            return seq[i]
        return seq[t[0]]

    def count(self, s: dict, lo: int, hi: int, step: int = 1, words: bool = True, key: str = "n") -> str:
        """A count slot: value, range and number format are kept for variants."""
        t = s.get(key)
        if t is None:
            if step == 1:
                v = lo + int(self.rnd() * (hi - lo + 1))
            else:
                v = lo + step * int(self.rnd() * ((hi - lo) // step + 1))
            r = self.rnd()
            f = 1 if (words and v <= 20 and r < 0.45) else (2 if v >= 1000 and r < 0.7 else 0)
            t = s[key] = (v, f, lo, hi, step, words)
        return _n2s(t[0], t[1])

    # -- names ---------------------------------------------------------------
    def person(self, culture: str | None = None, male: bool = False) -> str:
        """A generated name. ``male`` for titles that in this setting are held by men
        (IRGC, Iraqi army and militia ranks, Sheikh/Hajji/Sayyid)."""
        rnd = self.rnd
        c = culture or self.pk("aaaaffkkee")
        men, women = _FIRST[c]
        fem_share = 0.0 if male else (0.3 if c == "e" else 0.15)
        first = self.pk(women) if rnd() < fem_share else self.pk(men)
        if c == "a":
            fam = self.pk(self.ar_family)
            if rnd() < 0.2:
                fam = fam[3:]
            return f"{first} {fam}"
        if c == "f":
            return f"{first} {self.pk(self.fa_family)}"
        if c == "k":
            return f"{first} {self.pk(self.ku_family)}"
        mid = f" {chr(65 + int(rnd() * 26))}." if rnd() < 0.2 else ""
        return f"{first}{mid} {self.pk(LAST_EN)}"

    def kunya(self) -> str:
        return f"Abu {self.pk(FIRST_AR)} {self.pk(self.ar_family)}"

    def town(self) -> str:
        return self.pk(self.towns)

    def place(self) -> str:
        return self.pk(REAL_PLACES) if self.rnd() < 0.45 else self.pk(self.towns)

    def loc(self) -> str:
        r = self.rnd()
        if r < 0.35:
            return f"in {self.place()}"
        if r < 0.6:
            return f"near {self.place()}"
        if r < 0.7:
            return f"{self.pk(['north', 'south', 'east', 'west'])} of {self.place()}"
        if r < 0.8:
            return f"on the outskirts of {self.place()}"
        if r < 0.9:
            return f"in the {self.town()} district of {self.pk(DISTRICTS_OF)}"
        return f"in {self.town()}, {self.pk(PROVINCES)} province"

    def group(self) -> str:
        r = self.rnd()
        if r < 0.3:
            return self.pk(REAL_MILITIAS)
        if r < 0.38:
            return self.pk(ARMED_OTHERS)
        return self.pk(self.militias)

    def target(self) -> str:
        r = self.rnd()
        if r < 0.3:
            return self.pk(BASES)
        if r < 0.65:
            return f"{_a(self.pk(TARGET_KINDS))} used by {self.pk(TARGET_OWNERS)} {self.loc()}"
        if r < 0.8:
            return f"the home of {self.official_name()} {self.loc()}"
        return f"{_a(self.pk(TARGET_KINDS))} {self.loc()}"

    def org(self) -> str:
        return self.pk(self.all_orgs)

    def official_name(self) -> str:
        """A named person with a title, for use as an actor inside a core clause."""
        r = self.rnd()
        if r < 0.12:
            return self.pk(REAL_PEOPLE[self.pk(("iran", "iraq", "militia", "us", "kurd"))])[0]
        if r < 0.3:
            return f"{self.pk(RANKS_IQ)} {self.person('a', True)}"
        if r < 0.42:
            return f"IRGC {self.pk(RANKS_IR)} {self.person('f', True)}"
        if r < 0.5:
            return self.kunya()
        if r < 0.62:
            return f"{self.pk(RANKS_US)} {self.person('e')}"
        if r < 0.7:
            return f"Peshmerga {self.pk(RANKS_IQ)} {self.person('k', True)}"
        if r < 0.85:
            return f"{self.pk(CIVIL_TITLES)} {self.person()}"
        return self.person()

    def iran_official(self) -> str:
        r = self.rnd()
        if r < 0.18:
            return self.pk(IRAN_ACTORS)
        if r < 0.55:
            return f"Quds Force {self.pk(RANKS_IR)} {self.person('f', True)}"
        if r < 0.8:
            return f"IRGC {self.pk(RANKS_IR)} {self.person('f', True)}"
        return f"Hezbollah official Sheikh {self.person('a', True)}"

    def context(self, political: bool = False) -> str:
        t = self.pk(CONTEXTS_POLITICAL if political else CONTEXTS)
        if "{P}" in t:
            t = t.replace("{P}", self.official_name())
        if "{R}" in t:
            t = t.replace("{R}", self.official_name())
        if "{Q}" in t:
            t = t.replace("{Q}", self.official_name() if self.rnd() < 0.7 else self.militia())
        if "{G}" in t:
            t = t.replace("{G}", self.militia())
        if "{X}" in t:
            t = t.replace("{X}", self.place() if self.rnd() < 0.8 else self.pk(CITIES))
        if "{Y}" in t:
            t = t.replace("{Y}", self.place())
        if "{I}" in t:
            t = t.replace("{I}", self.pk(ISSUES))
        if "{A}" in t:
            t = t.replace("{A}", self.pk(ACCUSATIONS))
        if "{N}" in t:
            t = t.replace("{N}", self.person())
        return t

    def militia(self) -> str:
        return self.pk(REAL_MILITIAS) if self.rnd() < 0.3 else self.pk(self.militias)

    def speaker(self) -> tuple[str, str, str | None, bool, bool]:
        """(phrase before a verb, phrase elsewhere, speaker field, anonymous, plural)."""
        rnd, pk = self.rnd, self.pk
        r = rnd()
        if r < 0.2:  # anonymous
            q, pl = pk(ANON_Q)
            adj, whos = pk(ANON_COMBOS)
            who = pk(whos) + ("s" if pl else "")
            base = " ".join(x for x in (q, adj, who) if x)
            if base.startswith("a ") and adj[:1] in "AEIOaeio" and not adj.startswith("Eu"):
                base = "an " + base[2:]
            tail = pk(ANON_TAIL)
            tail = (
                tail.replace("{G}", self.militia())
                .replace("{C}", self.place())
                .replace("{was}", "were" if pl else "was")
            )
            if rnd() < 0.3 and tail.startswith(("who", "speaking")):
                return f"{base}, {tail},", f"{base}, {tail}", base, True, bool(pl)
            return f"{base} {tail}", f"{base} {tail}", base, True, bool(pl)
        if r < 0.36:  # an organisation speaks
            o = pk(self.speaker_orgs) if rnd() < 0.7 else self.militia()
            return o, o, o.removeprefix("the "), False, False
        if r < 0.43:  # a real person with the real role
            name, role = pk(REAL_PEOPLE[pk(("iran", "iraq", "militia", "us", "kurd"))])
        else:
            name, role = self.person_with_role()
        if not role:
            return name, name, name, False, False
        if rnd() < 0.25:
            d = pk([" – ", " — ", " - "])
            return f"{name}{d}{role}{d.rstrip()}", f"{name}, {role}", name, False, False
        return f"{name}, {role},", f"{name}, {role}", name, False, False

    def person_with_role(self) -> tuple[str, str]:
        rnd, pk = self.rnd, self.pk
        camp = rnd()
        with_role = rnd() < 0.6
        role = ""
        if camp < 0.28:  # Iraqi state
            name = f"{pk(RANKS_IQ)} {self.person('a', True)}" if rnd() < 0.5 else self.person("a")
            if with_role:
                if rnd() < 0.6:
                    role = pk(ROLE_TEMPL).replace("{ORG}", pk(self.iraqi_orgs))
                else:
                    role = (
                        pk(ROLE_CIVIL)
                        .replace("{PROV}", pk(PROVINCES))
                        .replace("{PARTY}", pk(PARTIES))
                        .replace("{TOWN}", self.town())
                    )
        elif camp < 0.4:  # Iran
            name = f"IRGC {pk(RANKS_IR)} {self.person('f', True)}" if rnd() < 0.5 else self.person("f")
            if with_role:
                role = pk(ROLE_TEMPL).replace("{ORG}", pk(IRAN_ORGS))
        elif camp < 0.58:  # United States / coalition
            name = f"{pk(RANKS_US)} {self.person('e')}" if rnd() < 0.4 else self.person("e")
            if with_role:
                role = pk(ROLE_TEMPL).replace("{ORG}", pk(US_ORGS))
        elif camp < 0.68:  # Kurdistan Region
            name = f"Peshmerga {pk(RANKS_IQ)} {self.person('k', True)}" if rnd() < 0.4 else self.person("k")
            if with_role:
                if rnd() < 0.7:
                    role = pk(ROLE_TEMPL).replace("{ORG}", pk(KURD_ORGS))
                else:
                    role = (
                        pk(ROLE_CIVIL)
                        .replace("{PROV}", pk(KURDISH_PROVINCES))
                        .replace("{PARTY}", pk(PARTIES[3:5] + PARTIES[8:9]))
                        .replace("{TOWN}", self.town())
                    )
        elif camp < 0.86:  # militias
            r = rnd()
            if r < 0.4:
                name = self.kunya()
            elif r < 0.7:
                name = f"{pk(RANKS_MIL)} {self.person('a', True)}"
            else:
                name = self.person("a")
            if with_role or rnd() < 0.5:
                role = pk(ROLE_MILITIA).replace("{G}", self.militia())
        elif camp < 0.94:  # analysts
            name = self.person()
            role = pk(ROLE_ANALYST).replace("{TT}", pk(THINK_TANKS)).replace("{UNI}", pk(UNIVERSITIES))
        else:  # international
            name = self.person(pk("ae"))
            role = pk(ROLE_INTL).replace("{O}", pk(INTL_ORGS[:5]))
        if role.startswith("a spokesman") and any(w in _FEMALE for w in name.split()):
            role = role.replace("spokesman", "spokeswoman", 1)
        return name, role

    def when(self, s: dict) -> str:
        """The date phrase of a core; day index and format are slots."""
        d = s.get("d")
        if d is None:
            d = s["d"] = self.day()
        wf = s.get("wf")
        if wf is None:
            wf = s["wf"] = int(self.rnd() * len(WHEN_FMTS))
        fmt = WHEN_FMTS[wf][0]
        if not fmt:
            return ""
        iso, y, m, dd, wd = _DAYS[d]
        return " " + fmt.format(M=MONTHS[m - 1], d=dd, Y=y, W=wd)

    def day(self) -> int:
        # weight 2020-2022 more heavily than 2019 and 2023
        r = self.rnd()
        if r < 0.75:
            lo, hi = 365, 365 + 1096
        else:
            lo, hi = 0, _NDAYS
        return lo + int(self.rnd() * (hi - lo))
