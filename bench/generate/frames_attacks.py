"""Claim frames about events on the ground: attacks, casualties, bombs, arrests,
seizures, airstrikes, smuggling, protests, kidnappings, killings, clashes, Turkish
strikes.

Each frame ``f(g, s, neg, opp)`` fills the slot dict ``s`` of a claim on first use
(``s.setdefault``, ``g.syn``, ``g.count``) and renders the core clause from it, so
rendering again with the same ``s`` gives the same clause and a variant changes only
the slots it means to change. Slots named ``_...`` are synonyms a duplicate may
reword; the others are facts it must keep. ``neg`` renders the negated clause, ``opp``
the opposing class (frames that have one). The frames draw from ``g`` in a fixed
order: that order is part of the output.
"""

from .vocab import (
    AIR_ACTORS,
    AIR_TARGETS,
    AIR_VERBS,
    ARREST_VERBS,
    ATTACK_NOUNS,
    BASES,
    BORDER_ORIGINS,
    CARGO,
    CASUALTY_PEOPLE,
    CITIES,
    CROSSINGS,
    DAMAGE_THINGS,
    DEMANDS,
    DISPLACEMENT_OPPONENTS,
    DR_VERBS,
    DRONES,
    FACILITY,
    HURT,
    HURT_EVENTS,
    IED_ROADS,
    INQUIRY_BODIES,
    INQUIRY_EVENTS,
    INTERCEPT_SYSTEMS,
    KIDNAP_VICTIMS,
    KURD_ORGS,
    PARTIES,
    PROTEST_CITIES,
    PROTEST_PLACES,
    PROTESTERS,
    RELEASE_AUTHORITIES,
    RELEASE_INCIDENTS,
    RK_VERBS,
    ROCKETS,
    SEIZE_VERBS,
    SUPPLIERS,
    SUPPLY_ROUTES,
    SUSPECTS,
    TARGET_OWNERS,
    TURKEY_AREAS,
    TURKEY_ATTACKERS,
    TURKEY_TARGETS,
    US_ORGS,
    WEAPONS,
)
from .world import _neg_or


def f_rockets(g, s, neg, opp):
    s.setdefault("perp", g.group())
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 40)
    v = _neg_or(g, s, neg, "_v", RK_VERBS)
    # "weapon", not "_m": rockets, mortar rounds and artillery shells are other facts, which a
    # reworded duplicate must keep (slots named "_..." are reworded).
    m = g.syn(s, "weapon", ROCKETS)
    sh = s.setdefault("sh", int(g.rnd() * 3))
    if sh == 0:
        return f"{s['perp']} {v} {n} {m} at {s['tgt']}{g.when(s)}"
    if sh == 1:
        return f"{s['perp']} {v} {n} {m}{g.when(s)} at {s['tgt']}"
    return f"{s['perp']}{g.when(s)} {v} {n} {m} targeting {s['tgt']}"


def f_drones(g, s, neg, opp):
    s.setdefault("perp", g.group())
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 12)
    v = _neg_or(g, s, neg, "_v", DR_VERBS)
    m = g.syn(s, "_m", DRONES)
    p = g.syn(s, "_p", ["at", "against", "toward"])
    if s.setdefault("sh", int(g.rnd() * 2)):
        return f"{s['perp']} {v} {n} {m} {p} {s['tgt']}{g.when(s)}"
    return f"{s['perp']}{g.when(s)} {v} {n} {m} {p} {s['tgt']}"


def f_casualties(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 45)
    pe = g.syn(s, "people", CASUALTY_PEOPLE)[0]  # who was hurt: a fact, never reworded
    hu = g.syn(s, "hurt", HURT)  # killed or wounded: a fact, never reworded
    ev = s.setdefault("ev", g.pk(HURT_EVENTS))
    were = "were not" if neg else "were"
    return f"{n} {pe} {were} {hu[0]} when {ev} {s['loc']}{g.when(s)}"


def f_ied(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    s.setdefault("own", g.pk(TARGET_OWNERS))
    n = g.count(s, 2, 25)
    cargo = s.setdefault("cargo", g.pk(CARGO))
    v = "did not hit" if neg else g.syn(s, "_v", ["hit", "struck", "targeted"])
    road = s.setdefault("road", g.pk(IED_ROADS))
    return (
        f"a roadside bomb {v} a convoy of {n} trucks carrying {cargo} for {s['own']} "
        f"on {road} highway {s['loc']}{g.when(s)}"
    )


def f_resp(g, s, neg, opp):
    s.setdefault("grp", g.militia())
    s.setdefault("tgt", g.target())
    a = g.syn(s, "atk", ATTACK_NOUNS)  # a drone or a rocket attack: a fact, never reworded
    v = "did not claim" if neg else g.syn(s, "_v", ["claimed", "took", "claimed"])
    return f"{s['grp']} {v} responsibility for the {a} on {s['tgt']}{g.when(s)}"


def f_arrest(g, s, neg, opp):
    s.setdefault("frc", g.pk(g.iraqi_orgs + KURD_ORGS) if g.rnd() < 0.8 else g.pk(US_ORGS))
    s.setdefault("grp", g.militia())
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 80)
    v = _neg_or(g, s, neg, "_v", ARREST_VERBS)
    su = g.syn(s, "_su", SUSPECTS)
    lk = g.syn(s, "_lk", ["linked to", "belonging to", "affiliated with", "of"])
    return f"{s['frc']} {v} {n} {su} {lk} {s['grp']} {s['loc']}{g.when(s)}"


def f_seizure(g, s, neg, opp):
    s.setdefault("frc", g.pk(g.iraqi_orgs + KURD_ORGS))
    s.setdefault("loc", g.loc())
    n = g.count(s, 3, 300)
    w = s.setdefault("w", g.pk(WEAPONS))
    fac = s.setdefault("fac", g.pk(FACILITY))
    v = _neg_or(g, s, neg, "_v", SEIZE_VERBS)
    own = s.setdefault("own", g.militia() if g.rnd() < 0.6 else "")
    o = f" belonging to {own}" if own else ""
    return f"{s['frc']} {v} {n} {w} at a {fac}{o} {s['loc']}{g.when(s)}"


def f_airstrike(g, s, neg, opp):
    s.setdefault("act", g.pk(AIR_ACTORS))
    s.setdefault("grp", g.group())
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 9)
    v = _neg_or(g, s, neg, "_v", AIR_VERBS)
    t = g.syn(s, "_t", AIR_TARGETS)
    if "kn" not in s:
        s["kn"] = 2 + int(g.rnd() * 20) if g.rnd() < 0.5 else 0
    k = f", killing {s['kn']} fighters" if s["kn"] else ""
    return f"{s['act']} {v} {n} {t} used by {s['grp']} {s['loc']}{g.when(s)}{k}"


def f_border(g, s, neg, opp):
    if "frm" not in s:
        s["frm"] = g.pk(BORDER_ORIGINS)
        s["cx"] = g.pk(CROSSINGS[s["frm"]])
    n = g.count(s, 3, 200)
    c = s.setdefault("cargo", g.pk(CARGO))
    v = "did not cross into" if neg else g.syn(s, "_v", ["crossed into", "entered", "passed into"])
    if "tail" not in s:
        s["tail"] = g.pk(
            [
                f" bound for {g.place()}",
                f" under escort by {g.militia()}",
                f" without inspection, bound for {g.place()}",
                f" and unloaded at a warehouse {g.loc()}",
                f" for a company owned by {g.official_name()}",
            ]
        )
    tail = s["tail"]
    return f"{n} trucks carrying {c} {v} Iraq from {s['frm']} through {s['cx']}{g.when(s)}{tail}"


def f_protest(g, s, neg, opp):
    if "grp" not in s:
        s["grp"] = g.militia() if g.rnd() < 0.6 else g.pk(PARTIES)
        s["pl"] = g.pk(PROTEST_PLACES)
        s["city"] = g.pk(CITIES[:1] * 4 + PROTEST_CITIES)
        s["dem"] = g.pk(DEMANDS)
        s["led"] = f", led by {g.kunya() if g.rnd() < 0.5 else g.person('a')}," if g.rnd() < 0.5 else ""
    n = g.count(s, 50, 5000, 50, words=False)
    who = g.syn(s, "_w", PROTESTERS)
    v = (
        "did not storm"
        if neg
        else g.syn(s, "_v", ["gathered outside", "stormed", "rallied outside", "besieged"])
    )
    return f"{n} {who} of {s['grp']}{s['led']} {v} {s['pl']} in {s['city']}{g.when(s)} demanding {s['dem']}"


def f_kidnap(g, s, neg, opp):
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 15)
    vic = g.syn(s, "_vi", KIDNAP_VICTIMS)
    by = s.setdefault("by", g.group() if g.rnd() < 0.5 else "gunmen in military uniforms")
    if neg:
        return f"{by} did not abduct {n} {vic} {s['loc']}{g.when(s)}"
    if s.setdefault("pas", g.rnd() < 0.5):
        return f"{n} {vic} were abducted by {by} {s['loc']}{g.when(s)}"
    return f"{by} abducted {n} {vic} {s['loc']}{g.when(s)}"


def f_assassination(g, s, neg, opp):
    s.setdefault("who", g.person())
    s.setdefault(
        "role",
        g.pk(
            [
                "an activist",
                "a journalist",
                "a protest leader",
                "a PMF commander",
                "a security analyst",
                "a tribal sheikh",
                "an intelligence officer",
                "a judge",
                "a candidate for " + g.pk(PARTIES),
            ]
        ),
    )
    s.setdefault("loc", g.loc())
    how = g.syn(
        s,
        "_h",
        [
            "was shot dead by gunmen on a motorcycle",
            "was killed by a sticky bomb attached to his car",
            "was assassinated outside his home",
            "was gunned down at a checkpoint",
        ],
    )
    if neg:
        how = how.replace("was ", "was not ", 1)
    return f"{s['who']}, {s['role']}, {how} {s['loc']}{g.when(s)}"


def f_inquiry(g, s, neg, opp):
    s.setdefault("body", g.pk(INQUIRY_BODIES))
    s.setdefault("frc", g.pk(g.iraqi_orgs) if g.rnd() < 0.6 else g.group())
    s.setdefault("ev", g.pk(INQUIRY_EVENTS) if g.rnd() < 0.5 else f"the protests in {g.place()}")
    n = g.count(s, 2, 120)
    vict = g.syn(s, "_vi", ["protesters", "people", "demonstrators", "civilians"])
    v = "did not find" if neg else g.syn(s, "_v", ["found", "concluded", "determined"])
    return f"{s['body']} {v} that {s['frc']} killed {n} {vict} during {s['ev']}"


def f_intercept(g, s, neg, opp):
    if "sys" not in s:
        s["sys"] = g.pk(INTERCEPT_SYSTEMS)
        s["tgt"] = g.pk(BASES)
        s["frm"] = g.pk(
            [f" fired from {g.place()}", f" launched from {g.loc()}", f" fired from a truck {g.loc()}", ""]
        )
    n = g.count(s, 2, 12)
    m = g.syn(s, "weapon", ["rockets", "drones", "incoming rockets", "Katyusha rockets"])  # a fact
    v = "did not intercept" if neg else g.syn(s, "_v", ["intercepted", "shot down", "downed"])
    return f"{s['sys']} at {s['tgt']} {v} {n} {m}{s['frm']}{g.when(s)}"


def f_release(g, s, neg, opp):
    s.setdefault("who", g.pk(RELEASE_AUTHORITIES))
    s.setdefault("grp", g.militia())
    s.setdefault("inc", g.pk(RELEASE_INCIDENTS) + g.when({}))
    n = g.count(s, 2, 40)
    v = _neg_or(g, s, neg, "_v", [("released", "release"), ("freed", "free"), ("let go", "let go")])
    return f"{s['who']} {v} {n} members of {s['grp']} detained over {s['inc']}"


def f_displacement(g, s, neg, opp):
    s.setdefault("loc", g.place())
    s.setdefault("a", g.group())
    s.setdefault("b", g.pk(DISPLACEMENT_OPPONENTS))
    n = g.count(s, 10, 3000, 10, words=False)
    v = "did not flee" if neg else g.syn(s, "_v", ["fled", "left", "were displaced from"])
    return f"{n} families {v} {s['loc']} after clashes between {s['a']} and {s['b']}{g.when(s)}"


def f_clashes(g, s, neg, opp):
    s.setdefault("a", g.group())
    s.setdefault(
        "b",
        g.pk(
            [
                "the army",
                "the Peshmerga",
                "the Federal Police",
                "Saraya al-Salam",
                "a rival tribe",
                "the Counter-Terrorism Service",
                g.group(),
            ]
        ),
    )
    s.setdefault("loc", g.loc())
    n = g.count(s, 2, 30)
    v = g.syn(s, "_v", ["left", "killed", "claimed the lives of"])
    d = (
        g.syn(s, "_dd", ["dead", "people dead", "fighters dead"])
        if s["_v"][0] == 0
        else g.syn(s, "_dd2", ["people", "fighters", "members of both sides"])
    )
    if neg:
        v = {"left": "did not leave", "killed": "did not kill"}.get(v, "did not claim the lives of")
    return f"clashes between {s['a']} and {s['b']} {s['loc']}{g.when(s)} {v} {n} {d}"


def f_supply(g, s, neg, opp):
    s.setdefault("who", g.pk(SUPPLIERS))
    s.setdefault("grp", g.militia())
    s.setdefault("rt", g.pk(SUPPLY_ROUTES))
    n = g.count(s, 5, 400)
    w = g.syn(s, "weapons", WEAPONS)  # drones or rocket launchers: a fact, never reworded
    v = _neg_or(g, s, neg, "_v", [("supplied", "supply"), ("delivered", "deliver"), ("smuggled", "smuggle")])
    to = "with" if s["_v"][0] == 0 else "to"
    if to == "with":
        return f"{s['who']} {v} {s['grp']} with {n} {w} {s['rt']}{g.when(s)}"
    return f"{s['who']} {v} {n} {w} to {s['grp']} {s['rt']}{g.when(s)}"


def f_damage(g, s, neg, opp):
    s.setdefault("tgt", g.target())
    n = g.count(s, 2, 15)
    th = g.syn(s, "_t", DAMAGE_THINGS)
    a = g.syn(s, "atk", ATTACK_NOUNS)  # a drone or a rocket attack: a fact, never reworded
    v = "did not damage" if neg else g.syn(s, "_v", ["damaged", "destroyed", "hit"])
    own = s.setdefault("own", g.pk(TARGET_OWNERS))
    return f"the {a} on {s['tgt']}{g.when(s)} {v} {n} {th} belonging to {own}"


def f_turkey(g, s, neg, opp):
    s.setdefault("act", g.pk(TURKEY_ATTACKERS))
    s.setdefault("loc", g.pk(TURKEY_AREAS) + (f" and {g.town()}" if g.rnd() < 0.5 else ""))
    n = g.count(s, 2, 40)
    t = g.syn(s, "targets", TURKEY_TARGETS)  # the PKK or the YBS: a fact, never reworded
    v = _neg_or(g, s, neg, "_v", [("struck", "strike"), ("shelled", "shell"), ("bombed", "bomb")])
    return f"{s['act']} {v} {n} {t} {s['loc']}{g.when(s)}"
