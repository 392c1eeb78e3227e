"""Claim frames about orders, visits, troops, agreements, sanctions and money,
elections, appointments, oil, truces, base handovers, talks, calls and positions on
the US presence.

Each frame ``f(g, s, neg, opp)`` fills the slot dict ``s`` of a claim on first use
(``s.setdefault``, ``g.syn``, ``g.count``) and renders the core clause from it, so
rendering again with the same ``s`` gives the same clause and a variant changes only
the slots it means to change. Slots named ``_...`` are synonyms a duplicate may
reword; the others are facts it must keep. ``neg`` renders the negated clause, ``opp``
the opposing class (frames that have one). The frames draw from ``g`` in a fixed
order: that order is part of the output.
"""

from .dates import _DAYS
from .vocab import (
    _ENTITY,
    AGREE,
    AGREEMENT_FIRST,
    AGREEMENT_SECOND,
    AUDIENCE,
    BASES,
    CITIES,
    COUNTRIES,
    DIRECTIVE_CITIES,
    DIRECTIVE_VERBS,
    DISAGREE,
    ELECTION_REGIONS,
    ESCALATE,
    FUNDERS,
    HANDOVER_FORCES,
    ISSUES,
    LEAVE,
    MEET_VERBS,
    MONEY_PERIOD,
    OIL_COMPANIES,
    OIL_FIELDS,
    PARTIES,
    PHONE_TOPICS,
    PRESENCE_AGAINST,
    PRESENCE_FOR,
    PROVINCES,
    REAL_MILITIAS,
    RESTRAIN,
    ROLES_APPT,
    SANCTION_ENTITIES,
    SANCTION_IMPOSERS,
    STAY,
    TALKS_PARTIES,
    THROUGH,
    TRUCE_OFF,
    TRUCE_ON,
    TRUCE_UNTIL,
    UNTIL,
)
from .world import _neg_or, _ordinal


def f_directive(g, s, neg, opp):
    s.setdefault("who", g.iran_official())
    s.setdefault("aud", g.pk(AUDIENCE) if g.rnd() < 0.6 else f"the leaders of {g.militia()}")
    s.setdefault("city", g.pk(DIRECTIVE_CITIES))
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (RESTRAIN, ESCALATE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if s.setdefault("q", g.rnd() < 0.25):
        pred = f'"{pred}"'
    until = s.setdefault("until", g.pk(UNTIL) if g.rnd() < 0.5 else "")
    v = _neg_or(g, s, neg, "_v", DIRECTIVE_VERBS)
    u = f" {until}" if until and cls == 0 else ""
    return f"{s['who']} {v} {s['aud']} in {s['city']}{g.when(s)} to {pred}{u}"


def f_visit(g, s, neg, opp):
    s.setdefault("who", g.iran_official() if g.rnd() < 0.5 else g.official_name())
    s.setdefault("city", g.pk(CITIES))
    s.setdefault("host", g.official_name() if g.rnd() < 0.5 else f"leaders of {g.militia()}")
    n = g.count(s, 2, 8) if s.setdefault("has_n", g.rnd() < 0.5) else None
    v = "did not visit" if neg else g.syn(s, "_v", ["visited", "travelled to", "flew to"])
    mv = g.syn(s, "_mv", MEET_VERBS)
    mv = f"or {mv[1]}" if neg else f"and {mv[0]}"
    if n is not None:
        return (
            f"{s['who']} {v} {s['city']}{g.when(s)} {mv} {n} "
            f"{g.syn(s, '_a', ['faction leaders', 'militia commanders', 'senior politicians'])}"
        )
    return f"{s['who']} {v} {s['city']}{g.when(s)} {mv} {s['host']}"


def f_troops(g, s, neg, opp):
    c = s.setdefault("ctry", g.pk(COUNTRIES) if g.rnd() < 0.7 else "the United States")
    n = g.count(s, 200, 5000, 50, words=False)
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (STAY, LEAVE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    pred = pred.replace("{n}", n)
    if neg:
        pred = pred.replace("will ", "will not ", 1).replace("plans to", "does not plan to", 1)
    if "thr" not in s:
        y = _DAYS[s.setdefault("d", g.day())][1]
        s["thr"] = g.pk(THROUGH).format(Y=y + (1 if g.rnd() < 0.6 else 0))
        r = g.rnd()
        if r < 0.2:
            s["mis"] = f", including those at {g.pk(BASES)},"
        elif r < 0.35:
            s["mis"] = f", including those stationed {g.loc()},"
        elif r < 0.55:
            s["mis"] = f", most of them training {g.pk(g.security_orgs)} {g.loc()},"
        elif r < 0.75:
            s["mis"] = f", after talks between {g.official_name()} and {g.official_name()},"
        else:
            s["mis"] = f", a decision conveyed to {g.official_name()} in {g.pk(CITIES)},"
    if s["mis"].startswith((", a decision", ", after")):
        return f"{c} {pred} {s['thr']}{s['mis'][:-1]}"
    return f"{c} {pred}{s['mis']} {s['thr']}"


def f_agreement(g, s, neg, opp):
    a = s.setdefault("a", g.pk(AGREEMENT_FIRST))
    b = s.setdefault("b", g.pk(AGREEMENT_SECOND))
    if _ENTITY.get(a, a) == _ENTITY.get(b, b):
        b = s["b"] = "the coalition" if _ENTITY.get(a) != "us" else "Baghdad"
    if "iss" not in s:
        s["iss"] = g.pk(ISSUES)
        r = g.rnd()
        s["med"] = (
            f" in talks mediated by {g.official_name()}"
            if r < 0.4
            else f" at a meeting in {g.place()}"
            if r < 0.7
            else f" after {g.official_name()} visited {g.pk(CITIES)}"
        )
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (AGREE, DISAGREE)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if neg:  # only reached for cls 0; the frame is marked non-negatable otherwise
        pred = "did not reach an agreement on"
    return f"{a} and {b} {pred} {s['iss']}{s['med']}{g.when(s)}"


def f_sanctions(g, s, neg, opp):
    s.setdefault("who", g.pk(SANCTION_IMPOSERS))
    s.setdefault("grp", g.militia() if g.rnd() < 0.7 else g.official_name())
    n = g.count(s, 2, 30)
    e = g.syn(s, "_e", SANCTION_ENTITIES)
    v = "did not impose" if neg else g.syn(s, "_v", ["imposed", "announced", "slapped"])
    return f"{s['who']} {v} sanctions on {n} {e} linked to {s['grp']}{g.when(s)}"


def f_funding(g, s, neg, opp):
    s.setdefault("who", g.pk(FUNDERS))
    s.setdefault("grp", g.militia())
    n = g.count(s, 2, 900, words=False)
    v = _neg_or(
        g,
        s,
        neg,
        "_v",
        [("transferred", "transfer"), ("paid", "pay"), ("sent", "send"), ("funnelled", "funnel")],
    )
    if "per" not in s:
        s["per"] = g.pk(MONEY_PERIOD).replace("{CITY}", g.pk(CITIES)).replace("{PLACE}", g.place())
    per = s["per"]
    cur = g.syn(s, "_c", ["million", "million in cash"])
    return f"{s['who']} {v} ${n} {cur} to {s['grp']} {per}{g.when(s)}"


def f_election(g, s, neg, opp):
    if "bloc" not in s:
        camp = g.pk(("Shia", "Shia", "Sunni", "Kurdish"))
        parties, provinces = ELECTION_REGIONS[camp]
        s["bloc"] = g.pk(parties)
        s["where"] = g.pk(provinces)
        s["lead"] = g.person("k" if camp == "Kurdish" else "a")
        s["dist"] = (
            f" in the {_ordinal(1 + int(g.rnd() * 12))} district of {s['where']}"
            if g.rnd() < 0.5
            else f" in {s['where']}"
        )
        s["y"] = g.pk(["2021", "2021", "2023", "2018"])
        s["sh"] = int(g.rnd() * 2)
    n = g.count(s, 2, 24)
    v = "did not win" if neg else g.syn(s, "_v", ["won", "secured", "took"])
    y = s["y"]
    kind = "provincial" if y == "2023" else "parliamentary"
    if s["sh"]:
        return (
            f"{s['bloc']}'s list{s['dist']}, headed by {s['lead']}, {v} {n} seats in the {y} {kind} elections"
        )
    return (
        f"{s['bloc']} {v} {n} seats{s['dist']} in the {y} {kind} elections, with {s['lead']} topping its list"
    )


def f_appointment(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.official_name()
        s["role"] = g.pk(ROLES_APPT).replace("{prov}", g.pk(PROVINCES)).replace("{city}", g.pk(CITIES))
        s["by"] = g.pk(
            [
                "",
                " by the prime minister",
                " after pressure from " + g.militia(),
                " with Iran's blessing",
                f", replacing {g.official_name()}",
                f" on the recommendation of {g.official_name()}",
            ]
        )
    v = "was not appointed" if neg else g.syn(s, "_v", ["was appointed", "has been named", "was chosen as"])
    return f"{s['who']} {v} {s['role']}{s['by']}{g.when(s)}"


def f_oil(g, s, neg, opp):
    if "co" not in s:
        s["co"] = g.pk(OIL_COMPANIES)
        s["fld"] = g.pk(OIL_FIELDS)
        s["why"] = g.pk(
            [
                "after a rocket attack on " + g.target(),
                "over security threats",
                f"after protesters blocked the road to {g.place()}",
                f"after a drone strike {g.loc()}",
                "following threats from " + g.militia(),
                "amid a payment dispute with " + g.official_name(),
            ]
        )
    n = g.count(s, 20, 900, 10, words=False)
    v = "did not cut" if neg else g.syn(s, "_v", ["cut", "reduced", "halted"])
    return f"{s['co']} {v} output at {s['fld']} by {n},000 barrels per day {s['why']}{g.when(s)}"


def f_truce(g, s, neg, opp):
    s.setdefault("grp", g.militia())
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (TRUCE_ON, TRUCE_OFF)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if "un" not in s:
        s["un"] = g.pk(TRUCE_UNTIL)
        r = g.rnd()
        s["ctx"] = (
            f" after a meeting with {g.iran_official()} in {g.pk(CITIES)}"
            if r < 0.35
            else f" in a statement signed by {g.kunya()}"
            if r < 0.65
            else f" following the strike on {g.target()}"
            if r < 0.85
            else ""
        )
    u = f" {s['un']}" if cls == 0 else ""
    v = "did not announce" if neg else g.syn(s, "_v", ["announced", "declared", "ordered"])
    return f"{s['grp']} {v} {pred}{u}{s['ctx']}{g.when(s)}"


def f_handover(g, s, neg, opp):
    if "frc" not in s:
        s["frc"] = g.pk(HANDOVER_FORCES)
        s["base"] = g.pk(BASES) if g.rnd() < 0.4 else f"a base {g.loc()}"
        s["to"] = g.pk(
            [
                "the Iraqi army",
                "Iraqi security forces",
                "the Peshmerga",
                "the Iraqi Air Force",
                "the Counter-Terrorism Service",
                g.pk(g.iraqi_orgs),
                f"the {g.pk(PROVINCES)} Operations Command",
            ]
        )
        s["cer"] = f" in a ceremony attended by {g.official_name()}" if g.rnd() < 0.6 else ""
    v = "has not handed over" if neg else g.syn(s, "_v", ["handed over", "transferred", "turned over"])
    return f"{s['frc']} {v} {s['base']} to {s['to']}{s['cer']}{g.when(s)}"


def f_budget(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.pk(
            [
                "parliament",
                "the cabinet",
                "the Finance Ministry",
                "the government",
                "the budget committee",
                "the Kurdistan Region's cabinet",
                f"the {g.pk(PROVINCES)} provincial council",
            ]
        )
        s["for"] = g.pk(
            [
                f"the salaries of PMF fighters in {g.pk(PROVINCES)}",
                f"rebuilding {g.place()}",
                f"{g.militia()}",
                f"compensating families in {g.place()}",
                f"housing for families displaced from {g.place()}",
                f"a new security directorate headed by {g.official_name()}",
                f"the {g.pk(PROVINCES)} Operations Command",
                f"water projects in {g.place()}",
                f"a power station near {g.place()}",
            ]
        )
        s["y"] = str(_DAYS[g.day()][1])
        s["req"] = f" at the request of {g.official_name()}" if g.rnd() < 0.5 else ""
    n = g.count(s, 100, 9000, 50, words=False)
    v = "did not allocate" if neg else g.syn(s, "_v", ["allocated", "approved", "set aside"])
    return f"{s['who']} {v} {n} billion dinars for {s['for']} in the {s['y']} budget{s['req']}"


def f_talks(g, s, neg, opp):
    if "a" not in s:
        s["a"] = g.pk(TALKS_PARTIES)
        s["city"] = g.pk(CITIES)
        s["on"] = g.pk([f" on {g.pk(ISSUES)}", "", f" on the attack on {g.target()}"])
        s["lead"] = (
            f", with {g.official_name()} leading one delegation"
            if g.rnd() < 0.5
            else f", mediated by {g.official_name()}"
        )
    n = g.count(s, 2, 9)
    v = "did not hold" if neg else g.syn(s, "_v", ["held", "concluded", "completed"])
    t = g.syn(s, "_t", ["rounds of indirect talks", "rounds of talks", "rounds of negotiations"])
    return f"{s['a']} {v} {n} {t}{s['on']} in {s['city']}{g.when(s)}{s['lead']}"


def f_phone(g, s, neg, opp):
    s.setdefault("a", g.official_name())
    s.setdefault("b", g.official_name())
    s.setdefault("t", g.pk(PHONE_TOPICS))
    v = (
        "did not speak"
        if neg
        else g.syn(s, "_v", ["spoke by phone", "held a phone call", "talked by telephone"])
    )
    return f"{s['a']} {v} with {s['b']} about {s['t']}{g.when(s)}"


def f_presence(g, s, neg, opp):
    if "who" not in s:
        s["who"] = g.pk(PARTIES + REAL_MILITIAS[:6]) if g.rnd() < 0.3 else g.official_name()
        r = g.rnd()
        s["tail"] = (
            f" after meeting {g.official_name()} in {g.pk(CITIES)}"
            if r < 0.35
            else f" in a letter to {g.official_name()}"
            if r < 0.6
            else f" during a visit to {g.place()}"
            if r < 0.8
            else f" despite the attack on {g.target()}"
        )
    cls = s.setdefault("cls", int(g.rnd() * 2))
    if opp:
        cls = 1 - cls
    lst = (PRESENCE_FOR, PRESENCE_AGAINST)[cls]
    pred = lst[s["_pr"][0] % len(lst)] if "_pr" in s else g.syn(s, "_pr", lst)
    if neg:
        pred = "no longer " + pred
    return f"{s['who']} {pred}{s['tail']}{g.when(s)}"
