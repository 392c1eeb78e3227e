"""The contradiction detectors (tracker.contradictions): tables of pairs that must be flagged,
near misses that must not be, relative order, the fixture claim set, and the lexicon loader.

Pure: no database. Scores are compared with each other, never with exact values.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tracker import contradictions as c
from tracker.contradictions import ClaimView, detect, load_lexicon, plausible, same_period
from tracker.errors import InvalidInput

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "iraq-militias-2021.jsonl"


@pytest.fixture(scope="module")
def lex() -> c.Lexicon:
    return c.builtin_lexicon()


def view(text: str, when: str | None = "2021-07-07", n: int = 0, **kw) -> ClaimView:
    return ClaimView(id=n, text=text, event_date=when, **kw)


def kinds(a: ClaimView, b: ClaimView, lexicon: c.Lexicon) -> list[str]:
    return [s.kind for s in detect(a, b, lexicon)]


# ---- time ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "days", "same"),
    [
        ("2021-07-07", "2021-07-07", 45, True),
        ("2021-06", "2021-07", 45, True),  # adjacent months: windows touch
        ("2021-06", "2021-07-13", 3, False),
        ("2021-06", "2021-07-02", 3, True),
        ("2021-07", "2021-10", 45, False),  # the attack-count pair
        ("2020-06", "2021-07", 45, False),  # the troop-numbers pair
        ("2021", "2021-11-03", 0, True),  # a year is a window
        ("2021-06-26", "2021-06-28", 3, True),
        ("2021-06-26", "2021-07-15", 3, False),
        (None, "2021-07-07", 0, True),  # unknown: cannot separate them
        ("not a date", "2021-07-07", 0, True),
    ],
)
def test_same_period(a, b, days, same):
    assert same_period(view("x", a), view("y", b), days) is same
    assert same_period(view("y", b), view("x", a), days) is same


def test_same_period_falls_back_to_publication_dates():
    a = ClaimView(1, "x", published=("2021-07-09", "2021-07-10"))
    b = ClaimView(2, "y", published=("2021-07-13",))
    far = ClaimView(3, "z", published=("2021-12-01",))
    assert same_period(a, b, 3)
    assert not same_period(a, far)
    assert c.period(a) is not None and c.period(ClaimView(4, "w")) is None


# ---- plausible -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ghaani told militia leaders to keep calm.", "Qaani rebuked the militia leaders.", True),
        ("14 rockets hit Ain al-Asad air base.", "The attack on Ain al-Asad caused no casualties.", True),
        ("rockets hit the air base near the airport", "an air base near the airport was hit", True),
        ("The US embassy was closed.", "US troops left the base.", False),  # "US" alone is too broad
        ("Ghaani told militia leaders to keep calm.", "Erbil airport reopened on Sunday.", False),
    ],
)
def test_plausible(a, b, expected):
    assert plausible(view(a), view(b)) is expected


def test_plausible_needs_the_same_period_without_a_shared_name():
    a = view("rockets hit the air base near the airport", "2020-01")
    b = view("an air base near the airport was hit by rockets", "2021-07")
    assert not plausible(a, b)


# ---- numeric ---------------------------------------------------------------------------------

NUMERIC_FLAGGED = [
    (
        "14 rockets landed on Ain al-Asad air base in Anbar province on 7 July.",
        "The Revenge of al-Muhandis Brigade fired 30 Grad missiles at Ain al-Asad air base.",
    ),
    (
        "The rocket attack on Ain al-Asad air base caused no casualties.",
        "At least two US service members were injured in the rocket attack on Ain al-Asad.",
    ),
    (
        "No one was hurt when drones struck Erbil airport.",
        "Three people were wounded when drones struck Erbil airport.",
    ),
    ("Five drones targeted Harir airfield.", "Two UAVs targeted the Harir airfield."),
    (
        "About 5,000 US troops are stationed in Iraq.",
        "Only 2,500 US soldiers are stationed in Iraq.",
    ),
    (
        "Several US soldiers were killed in the rocket attack on Ain al-Asad.",
        "The Security Media Cell said the attack on Ain al-Asad caused no casualties.",
    ),
]

NUMERIC_NOT_FLAGGED = [
    # counts of different things
    (
        "14 rockets hit Ain al-Asad air base.",
        "3 people were injured at Ain al-Asad air base.",
        "2021-07-07",
        "2021-07-07",
    ),
    # the same count, spelled differently
    (
        "Fourteen rockets landed on Ain al-Asad air base.",
        "14 rockets landed on the Ain al-Asad air base, the coalition said.",
        "2021-07-07",
        "2021-07-07",
    ),
    # different places
    ("14 rockets hit Ain al-Asad air base.", "30 rockets hit Erbil airport.", "2021-07-07", "2021-07-07"),
    # a lower bound that the other count satisfies
    (
        "At least 8 drone attacks targeted US forces in Iraq.",
        "10 drone attacks targeted US forces in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # the same counts in another order
    (
        "8 drone attacks and 17 rocket attacks targeted the US presence in Iraq.",
        "17 rocket attacks and 8 drone attacks targeted the US presence in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # "about" leaves room
    (
        "About 2,500 US troops are stationed in Iraq.",
        "2,400 US troops are stationed in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # a fact that changed over time
    (
        "About 5,000 US troops were stationed in Iraq in mid-2020.",
        "Only 2,500 US troops are now stationed in Iraq.",
        "2020-06",
        "2021-07",
    ),
]


@pytest.mark.parametrize(("a", "b"), NUMERIC_FLAGGED)
def test_numeric_flags(a, b, lex):
    sig = c.numeric(view(a), view(b))
    assert sig is not None and sig.kind == "numeric"
    assert sig.reasons and '" vs "' in sig.reasons[0]
    assert "numeric" in kinds(view(a), view(b), lex)
    assert c.numeric(view(b), view(a)) is not None


@pytest.mark.parametrize(("a", "b", "when_a", "when_b"), NUMERIC_NOT_FLAGGED)
def test_numeric_near_misses(a, b, when_a, when_b):
    assert c.numeric(view(a, when_a), view(b, when_b)) is None


def test_numeric_reason_quotes_both_counts():
    sig = c.numeric(view(NUMERIC_FLAGGED[0][0]), view(NUMERIC_FLAGGED[0][1]))
    assert '"14 rockets" vs "30 grad missiles"' in sig.reasons[0]
    assert "same attack" in sig.reasons[0]


def test_numeric_exact_counts_rank_above_a_severity_mismatch():
    exact = c.numeric(view(NUMERIC_FLAGGED[0][0]), view(NUMERIC_FLAGGED[0][1]))
    severity = c.numeric(
        view("14 rockets landed on Ain al-Asad air base, and some personnel suffered minor injuries."),
        view("Several US soldiers were killed in the rocket attack on Ain al-Asad air base."),
    )
    assert severity is not None
    assert exact.score > severity.score


# ---- polarity --------------------------------------------------------------------------------

POLARITY_FLAGGED = [
    (
        view("The Pentagon confirmed that two service members were injured at Ain al-Asad.", "2021-07-07"),
        view("The Pentagon denied that service members were injured at Ain al-Asad.", "2021-07-07"),
    ),
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("Ghaani rebuked the militia leaders at the Baghdad meeting.", "2021-06"),
    ),
    (
        view("The US will not withdraw its combat troops from Iraq this year.", "2021-07"),
        view("The US will withdraw its combat troops from Iraq this year.", "2021-07"),
    ),
    (
        view(
            "Iran directs the attacks by Iraqi armed groups on US forces in Iraq.",
            "2021-07",
            stances=("denies",),
        ),
        view(
            "Iran is directing the attacks by Iraqi armed groups on US forces in Iraq.",
            "2021-07",
            stances=("asserts",),
        ),
    ),
]

POLARITY_NOT_FLAGGED = [
    # reposts: the same negation, names spelled two ways
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("Qaani didn't rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
    ),
    # the negation is about a word the other claim does not use
    (
        view("Ghaani told militia leaders to keep calm and not to provoke the Americans.", "2021-06"),
        view("Ghaani told militia leaders to keep calm.", "2021-06"),
    ),
    # both denied
    (
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
    ),
    # denied, and only reported (not asserted) elsewhere
    (
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("reports",)),
    ),
    # denied text that is itself negated, against the plain text: they agree
    (
        view("Iran does not direct the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("asserts",)),
    ),
    # not near-identical
    (
        view("Ghaani did not rebuke the militia leaders.", "2021-06"),
        view("Taeb rebuked the Kurdish government over the Erbil attacks and the arrests.", "2021-06"),
    ),
    # a year apart
    (
        view("The Harir airfield was not attacked.", "2020-05"),
        view("The Harir airfield was attacked.", "2021-05"),
    ),
]


@pytest.mark.parametrize(("a", "b"), POLARITY_FLAGGED)
def test_polarity_flags(a, b, lex):
    sig = c.polarity(a, b)
    assert sig is not None and sig.kind == "polarity"
    assert c.polarity(b, a) is not None
    assert "polarity" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), POLARITY_NOT_FLAGGED)
def test_polarity_near_misses(a, b):
    assert c.polarity(a, b) is None


def test_polarity_reason_quotes_the_negation():
    a, b = POLARITY_FLAGGED[1]
    assert '"not rebuke" vs "rebuked"' in c.polarity(a, b).reasons[0]


def test_polarity_closer_wording_scores_higher():
    near = c.polarity(*POLARITY_FLAGGED[1])
    looser = c.polarity(
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("At a June meeting in Baghdad, Ghaani rebuked the leaders of the militias sharply.", "2021-06"),
    )
    assert looser is not None
    assert near.score > looser.score


# ---- opposing action -------------------------------------------------------------------------

AP_CALM = view(
    "Iran's Quds Force commander Esmail Ghaani told Iraqi militia leaders at a June meeting in "
    "Baghdad to keep calm until the nuclear talks with the United States are over.",
    "2021-06",
    1,
    published=("2021-07-09",),
)
REUTERS_ESCALATE = view(
    "During a visit to Baghdad last week, Revolutionary Guard intelligence chief Hossein Taeb "
    "urged Iraq's Shiite militias to step up attacks against US targets.",
    "2021-07",
    2,
    published=("2021-07-13",),
)

OPPOSING_FLAGGED = [
    (AP_CALM, REUTERS_ESCALATE, "restraint-vs-escalation"),
    (
        view("US troops will withdraw from Iraq by the end of the year, Kadhimi said.", "2021-07"),
        view("Kadhimi said US forces will stay in Iraq beyond the end of the year.", "2021-07"),
        "withdraw-vs-stay",
    ),
    (
        view("Kataib Hezbollah claimed responsibility for the drone attack on Erbil.", "2021-06-27"),
        view("Kataib Hezbollah denied responsibility for the drone attack on Erbil.", "2021-06-28"),
        "claim-vs-deny-responsibility",
    ),
    (
        view("Militia factions agreed to a truce with the government.", "2021-08"),
        view("The militias vowed to step up attacks on the government.", "2021-08"),
        "restraint-vs-escalation",
    ),
]

OPPOSING_NOT_FLAGGED = [
    # reposts of one story
    (
        AP_CALM,
        view(
            "Iran's Quds Force chief Ismail Qaani told Iraqi militia leaders at a June meeting in "
            "Baghdad to keep calm until the nuclear talks with the US are over.",
            "2021-06",
        ),
    ),
    # opposite predicates, different actors (a fixture hard negative)
    (
        AP_CALM,
        view(
            "Asaib Ahl al-Haq leader Qais al-Khazali said in a televised address on 17 June that his "
            "fighters would keep targeting the US occupier whatever happens in the nuclear talks.",
            "2021-06-17",
        ),
    ),
    # a negated phrase is not evidence for either side
    (
        view("Ghaani told the militias in Baghdad to keep calm.", "2021-06"),
        view("Taeb urged the militias in Baghdad not to step up attacks.", "2021-07"),
    ),
    # months apart
    (
        view("Ghaani told the militias in Baghdad to keep calm.", "2021-06"),
        view("Taeb urged the militias in Baghdad to step up attacks.", "2021-10"),
    ),
    # a claim about the contradiction holds both sides: no side, no signal
    (
        view(
            "Reuters' account that Taeb urged the militias to step up attacks contradicts the "
            "earlier AP report that Ghaani asked them for calm.",
            "2021-07",
        ),
        REUTERS_ESCALATE,
    ),
]


@pytest.mark.parametrize(("a", "b", "name"), OPPOSING_FLAGGED)
def test_opposing_action_flags(a, b, name, lex):
    sig = c.opposing_action(a, b, lex)
    assert sig is not None and sig.kind == "opposing-action"
    assert name in sig.reasons[0]
    assert c.opposing_action(b, a, lex) is not None
    assert "opposing-action" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), OPPOSING_NOT_FLAGGED)
def test_opposing_action_near_misses(a, b, lex):
    assert c.opposing_action(a, b, lex) is None


def test_opposing_action_reason_quotes_both_phrases(lex):
    sig = c.opposing_action(AP_CALM, REUTERS_ESCALATE, lex)
    assert '"keep calm" vs "step up attacks"' in sig.reasons[0]
    assert "baghdad" in sig.reasons[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghaani told the militias to remain calm.", {"restraint-vs-escalation": "a"}),
        ("The US will not withdraw from Iraq.", {"withdraw-vs-stay": "b"}),
        ("US troops will withdraw from Iraq.", {"withdraw-vs-stay": "a"}),
        ("The militias did not halt attacks.", {}),
        ("Kataib Hezbollah refused to stand down.", {}),
        (
            "Kataib Hezbollah said it was not responsible for the attack.",
            {"claim-vs-deny-responsibility": "b"},
        ),
        ("Reuters says Taeb urged the militias to step up attacks; AP says Ghaani asked for calm.", {}),
        ("De-escalation talks began in Baghdad.", {"restraint-vs-escalation": "a"}),
    ],
)
def test_predicates(text, expected, lex):
    assert c.predicates(text, lex) == expected


# ---- responsibility --------------------------------------------------------------------------

ERBIL_KH = "Kataib Hezbollah carried out the 26 June drone attack on the outskirts of Erbil."
ERBIL_AAH = "Asaib Ahl al-Haq carried out the 26 June drone attack on the outskirts of Erbil."

RESPONSIBILITY_FLAGGED = [
    (view(ERBIL_KH, "2021-06-26"), view(ERBIL_AAH, "2021-06-26")),
    (
        view("The 14 April attack on Erbil airport was blamed on Asaib Ahl al-Haq.", "2021-04-14"),
        view("Kataib Hezbollah claimed responsibility for the attack on Erbil airport.", "2021-04-15"),
    ),
    (
        view("The drone attack on Erbil airport was carried out by Kataib Hezbollah.", "2021-04-14"),
        view("Awliya al-Dam launched the drone attack on Erbil airport.", "2021-04-14"),
    ),
    (
        view("Saraya Awliya al-Dam claimed the rocket attack on Erbil airport.", "2021-02-15"),
        view("Officials blamed Kataib Hezbollah for the rocket attack on Erbil airport.", "2021-02-16"),
    ),
]

RESPONSIBILITY_NOT_FLAGGED = [
    # the same perpetrator, spelled two ways
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Kata'ib Hizballah carried out the drone attack on Erbil.", "2021-06-26"),
    ),
    # two places
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq carried out the drone attack on Baghdad airport.", "2021-06-26"),
    ),
    # weeks apart: two attacks
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq carried out the drone attack on Erbil.", "2021-07-15"),
    ),
    # only one side names a perpetrator
    (
        view("A drone attack hit the outskirts of Erbil province on 26 June.", "2021-06-26"),
        view(ERBIL_KH, "2021-06-26"),
    ),
    # a denial is not an attribution
    (
        view("Asaib Ahl al-Haq denied it carried out the drone attack on Erbil.", "2021-06-26"),
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
    ),
    # a drone attack and a rocket attack on one day: two events
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq fired rockets at Erbil.", "2021-06-26"),
    ),
]


@pytest.mark.parametrize(("a", "b"), RESPONSIBILITY_FLAGGED)
def test_responsibility_flags(a, b, lex):
    sig = c.responsibility(a, b)
    assert sig is not None and sig.kind == "responsibility"
    assert c.responsibility(b, a) is not None
    assert "responsibility" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), RESPONSIBILITY_NOT_FLAGGED)
def test_responsibility_near_misses(a, b):
    assert c.responsibility(a, b) is None


def test_responsibility_reason_names_both_perpetrators():
    a, b = RESPONSIBILITY_FLAGGED[0]
    reason = c.responsibility(a, b).reasons[0]
    assert "kataib hezbollah" in reason and "asaib ahl haq" in reason


# ---- verdict ---------------------------------------------------------------------------------

KILLED = "Several US soldiers were killed in the 7 July rocket attack on Ain al-Asad air base."
KILLED_AGAIN = "Several American soldiers were killed in the July 7 rocket attack on the Ain al-Asad base."

VERDICT_FLAGGED = [
    (view(KILLED, verdict="false"), view(KILLED_AGAIN)),
    (view(KILLED, verdict="mostly-false"), view(KILLED_AGAIN, verdict="true")),
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06", verdict="true"),
        view("Ghaani rebuked the militia leaders at the Baghdad meeting.", "2021-06", verdict="true"),
    ),
]

VERDICT_NOT_FLAGGED = [
    # the other denies it: it agrees with the verdict
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, stances=("denies",))),
    # the other negates it: it agrees with the verdict
    (view(KILLED, verdict="false"), view("No US soldiers were killed in the 7 July attack on Ain al-Asad.")),
    # unrelated
    (view(KILLED, verdict="false"), view("Kataib Hezbollah carried out the drone attack on Erbil.")),
    # rated alike
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, verdict="mostly-false")),
    (view(KILLED, verdict="true"), view(KILLED_AGAIN, verdict="mostly-true")),
    # a softer rating is not a clash
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, verdict="mixed")),
    # only reported, not asserted
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, stances=("reports",))),
]


@pytest.mark.parametrize(("a", "b"), VERDICT_FLAGGED)
def test_verdict_flags(a, b, lex):
    sig = c.verdict(a, b)
    assert sig is not None and sig.kind == "verdict"
    assert c.verdict(b, a) is not None
    assert "verdict" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), VERDICT_NOT_FLAGGED)
def test_verdict_near_misses(a, b):
    assert c.verdict(a, b) is None


def test_verdict_uses_a_given_similarity():
    rated = view(KILLED, verdict="false")
    paraphrase = view(
        "Militia rockets killed American troops at Ain al-Asad on 7 July, which proves "
        "the base is no longer safe for the occupiers."
    )
    assert c.verdict(rated, paraphrase) is None  # too different in words alone
    assert c.verdict(rated, paraphrase, similarity=100.0) is not None  # vouched for by an analyst


# ---- reposts and order -----------------------------------------------------------------------

REPOSTS = [
    (
        AP_CALM.text,
        "Iran's Quds Force chief Ismail Qaani told Iraqi militia leaders at a June meeting in "
        "Baghdad to keep calm until the nuclear talks with the US are over.",
    ),
    (
        "14 rockets landed on Ain al-Asad air base in Anbar province on 7 July.",
        "Fourteen rockets landed on the Ain al-Asad air base in Anbar province on 7 July, coalition says.",
    ),
    (
        "At least 8 drone attacks and 17 rocket attacks have targeted the US presence in Iraq.",
        "At least eight drone attacks and 17 rocket attacks have targeted the US presence in Iraq, "
        "coalition officials say.",
    ),
    (
        "Kataib Hezbollah carried out the 26 June drone attack on the outskirts of Erbil.",
        "Kata'ib Hizballah carried out the June 26 drone attack on the outskirts of Irbil.",
    ),
    (
        "Ghaani did not rebuke the militia leaders at the Baghdad meeting.",
        "Qaani did not rebuke the militia leaders at the Baghdad meeting, officials said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), REPOSTS)
def test_reposts_give_no_signal(a, b, lex):
    va, vb = view(a, "2021-07", 1), view(b, "2021-07", 2, stances=("reports",))
    assert detect(va, vb, lex) == []
    assert detect(vb, va, lex) == []


def test_detect_orders_strongest_first(lex):
    a = view("Kataib Hezbollah claimed responsibility for the drone attack on Erbil.", "2021-06-27")
    b = view("Kataib Hezbollah denied responsibility for the drone attack on Erbil.", "2021-06-28")
    signals = detect(a, b, lex)
    assert {s.kind for s in signals} >= {"opposing-action", "polarity"}
    assert [s.score for s in signals] == sorted((s.score for s in signals), reverse=True)
    assert all(0 <= s.score <= 100 and s.reasons for s in signals)


def test_prepared_views_work_like_views(lex):
    pa, pb = c.prepare(AP_CALM), c.prepare(REUTERS_ESCALATE)
    assert c.opposing_action(pa, pb, lex) == c.opposing_action(AP_CALM, REUTERS_ESCALATE, lex)


# ---- the fixture claim set -------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_signals(lex) -> dict[frozenset[str], list[str]]:
    by_key: dict[str, ClaimView] = {}
    for n, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        if rec.get("type", "claim") != "claim":
            continue
        by_key[rec["key"]] = ClaimView(
            id=n,
            text=rec["text"],
            event_date=rec.get("event_date"),
            published=(rec["published"],) if rec.get("published") else (),
            stances=(rec.get("stance") or "asserts",),
            speakers=(rec["speaker"],) if rec.get("speaker") else (),
            outlets=(rec["outlet"],),
            topics=tuple(rec.get("topics", ())),
            verdict=rec.get("verdict"),
        )
    found: dict[frozenset[str], list[str]] = {}
    for (ka, a), (kb, b) in itertools.combinations(by_key.items(), 2):
        if plausible(a, b):
            found[frozenset((ka, kb))] = [s.kind for s in detect(a, b, lex)]
    found["__keys__"] = list(by_key)  # type: ignore[index]
    return found


def _kinds(found, a: str, b: str) -> list[str]:
    return found.get(frozenset((a, b)), [])


REPOST_GROUPS = [
    [
        "ap-ghaani-calm-2021-07-09",
        "antiwar-ghaani-calm-2021-07-09",
        "iwn-ghaani-calm-2021-07-10",
        "forum-ghaani-calm-2021-07-11",
    ],
    [
        "reuters-taeb-escalate-2021-07-13",
        "thenational-taeb-escalate-2021-07-13",
        "k24-taeb-escalate-2021-07-14",
        "iwn-taeb-escalate-2021-07-14",
        "forum-taeb-escalate-2021-07-14",
    ],
    [
        "oir-ain-al-asad-14-rockets-2021-07-07",
        "k24-ain-al-asad-14-rockets-2021-07-07",
        "rudaw-ain-al-asad-14-rockets-2021-07-07",
    ],
    [
        "rmb-ain-al-asad-30-grad-2021-07-07",
        "sabereen-ain-al-asad-30-grad-2021-07-07",
        "forum-ain-al-asad-30-grad-2021-07-08",
    ],
    ["ap-attack-count-2021-07-09", "antiwar-attack-count-2021-07-09"],
    ["ap-khazali-address-2021-07-09", "antiwar-khazali-address-2021-07-09"],
    # same claim, independent origins: not contradictions either
    ["ap-khazali-address-2021-07-09", "rudaw-khazali-speech-2021-06-17"],
    ["iraqgov-withdrawal-deal-2021-07-26", "politico-combat-withdrawal-2021-08-04"],
]

CHANGED_OVER_TIME = [
    ("politico-us-troops-5000-2021-08-04", "ap-us-troops-2500-2021-07-09"),
    ("ap-attack-count-2021-07-09", "washinst-attack-count-2021-10-15"),
    ("antiwar-attack-count-2021-07-09", "washinst-attack-count-2021-10-15"),
    ("ap-nato-advisory-2021-07-09", "iraqgov-withdrawal-deal-2021-07-26"),
    ("ap-nato-advisory-2021-07-09", "politico-combat-withdrawal-2021-08-04"),
]


def test_fixture_expected_contradictions(fixture_signals):
    f = fixture_signals
    assert "opposing-action" in _kinds(f, "ap-ghaani-calm-2021-07-09", "reuters-taeb-escalate-2021-07-13")
    assert "numeric" in _kinds(
        f, "oir-ain-al-asad-14-rockets-2021-07-07", "rmb-ain-al-asad-30-grad-2021-07-07"
    )
    assert "responsibility" in _kinds(
        f, "rudaw-erbil-drone-kh-2021-06-27", "almonitor-erbil-drone-aah-2021-06-28"
    )
    assert "polarity" in _kinds(f, "ap-no-rebuke-2021-07-09", "forum-ghaani-rebuke-2021-07-11")
    # the canonical contradiction also holds between reposts of either side
    assert "opposing-action" in _kinds(f, "iwn-ghaani-calm-2021-07-10", "k24-taeb-escalate-2021-07-14")


def test_fixture_also_expected(fixture_signals):
    f = fixture_signals
    for a, b in [
        ("oir-ain-al-asad-14-rockets-2021-07-07", "iraqgov-ain-al-asad-no-casualties-2021-07-07"),
        ("sabereen-us-soldiers-killed-2021-07-07", "iraqgov-ain-al-asad-no-casualties-2021-07-07"),
        ("sabereen-us-soldiers-killed-2021-07-07", "oir-ain-al-asad-14-rockets-2021-07-07"),
    ]:
        assert set(_kinds(f, a, b)) & {"numeric", "polarity"}, (a, b)


@pytest.mark.parametrize(("a", "b"), CHANGED_OVER_TIME)
def test_fixture_changes_over_time_are_not_contradictions(fixture_signals, a, b):
    assert _kinds(fixture_signals, a, b) == []


@pytest.mark.parametrize("group", REPOST_GROUPS, ids=lambda g: g[0])
def test_fixture_repost_groups_have_no_signal(fixture_signals, group):
    for a, b in itertools.combinations(group, 2):
        assert _kinds(fixture_signals, a, b) == [], (a, b)


def test_fixture_hard_negatives(fixture_signals):
    f = fixture_signals
    assert _kinds(f, "reuters-taeb-escalate-2021-07-13", "reuters-taeb-not-too-far-2021-07-13") == []
    assert _kinds(f, "ap-ghaani-calm-2021-07-09", "ap-khazali-address-2021-07-09") == []
    for key in f["__keys__"]:
        if key != "k24-reuters-vs-ap-2021-07-14":
            assert "opposing-action" not in _kinds(f, "k24-reuters-vs-ap-2021-07-14", key)


def test_fixture_verdict_pair_with_the_analyst_link():
    lines = [json.loads(x) for x in FIXTURE.read_text(encoding="utf-8").splitlines()]
    rec = {r["key"]: r for r in lines if r.get("type", "claim") == "claim"}
    false = rec["sabereen-us-soldiers-killed-2021-07-07"]
    forum = rec["forum-us-troops-killed-2021-07-08"]
    assert false["key"] in forum["supports"]
    a = ClaimView(1, false["text"], false["event_date"], verdict=false["verdict"], stances=("asserts",))
    b = ClaimView(2, forum["text"], forum["event_date"], stances=("asserts",))
    sig = c.verdict(a, b, similarity=100.0)
    assert sig is not None and sig.kind == "verdict"


# ---- the lexicon -----------------------------------------------------------------------------


def test_builtin_lexicon_loads(lex):
    names = lex.names()
    assert "restraint-vs-escalation" in names and "withdraw-vs-stay" in names
    every = [p for o in lex.oppositions for p in (*o.a, *o.b)]
    assert len(every) == len(set(every))


def test_lexicon_path_is_in_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert c.lexicon_path() == tmp_path / "tracker" / "lexicon.toml"


USER_FILE = """
[[opposition]]
name = "restraint-vs-escalation"
a = ["hudna", "keep calm"]
b = ["vowed vengeance"]

[[opposition]]
name = "open-vs-close"
a = ["reopen the consulate", "reopened the consulate"]
b = ["close the consulate", "closed the consulate"]
"""


def test_user_file_extends_and_adds(tmp_path, lex):
    path = tmp_path / "lexicon.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    merged = load_lexicon(path)
    by_name = {o.name: o for o in merged.oppositions}
    base = {o.name: o for o in lex.oppositions}["restraint-vs-escalation"]
    r = by_name["restraint-vs-escalation"]
    assert r.a[: len(base.a)] == base.a and "hudna" in r.a and r.a.count("keep calm") == 1
    assert "vowed vengeance" in r.b
    assert merged.names()[-1] == "open-vs-close"
    assert c.predicates("Kataib Hezbollah declared a hudna.", merged) == {"restraint-vs-escalation": "a"}
    a = view("The US reopened the consulate in Basra, the embassy said.", "2021-07")
    b = view("The US closed the consulate in Basra, the embassy said.", "2021-07")
    assert c.opposing_action(a, b, lex) is None
    sig = c.opposing_action(a, b, merged)
    assert sig is not None and "open-vs-close" in sig.reasons[0]


def test_default_lexicon_reads_the_user_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert c.default_lexicon() == c.builtin_lexicon()
    c.lexicon_path().parent.mkdir(parents=True)
    c.lexicon_path().write_text(USER_FILE, encoding="utf-8")
    assert "open-vs-close" in c.default_lexicon().names()
    assert "open-vs-close" in load_lexicon().names()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[[opposition]\nname = 'x'", ["TOML"]),
        ('[[opposition]]\nname = "x"\na = ["hudna"]\n', ["x", "both a and b"]),
        ('[[opposition]]\na = ["hudna"]\nb = ["war"]\n', ["no name"]),
        ('[[opposition]]\nname = "x"\na = ["Hudna"]\nb = ["war"]\n', ["Hudna", "normalised"]),
        ('[[opposition]]\nname = "x"\na = ["keep calm"]\nb = ["war"]\n', ["keep calm", "restraint-vs-esc"]),
        ('[[opposition]]\nname = "restraint-vs-escalation"\nb = ["keep calm"]\n', ["keep calm"]),
        ('[[opposition]]\nname = "x"\na = ["p"]\nb = ["q"]\nc = ["r"]\n', ["unknown key"]),
    ],
)
def test_broken_user_file(tmp_path, content, words):
    path = tmp_path / "my-lexicon.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load_lexicon(path)
    message = str(info.value)
    assert str(path) in message
    for w in words:
        assert w in message
    assert "\n" not in message


# ---- the registry and the vocabulary files -----------------------------------------------------


def test_registry_runs_every_detector_in_order(fixture_signals):
    from tracker.contradictions.registry import DETECTORS

    kinds = [d.kind for d in DETECTORS]
    assert kinds == ["numeric", "opposing-action", "responsibility", "ordinal", "polarity", "verdict"]
    found = {k for key, ks in fixture_signals.items() if key != "__keys__" for k in ks}
    assert found <= set(kinds)
    assert {"numeric", "opposing-action", "responsibility", "polarity"} <= found


def test_vocabulary_files_parse_and_agree():
    from tracker import data
    from tracker.contradictions import words as w

    for name in ("weapons", "casualties", "quantities", "actors", "attacks", "negations", "subjects"):
        assert data.toml(name), name
    weapons = data.toml("weapons")
    for role, listed in weapons["roles"].items():
        assert listed and set(listed) <= set(weapons["class"]), role
    casualties = data.toml("casualties")
    assert set(casualties["words"]["counted"]) <= set(casualties["kind"])
    assert set(casualties["kind"].values()) == {"death", "injury", "any"}
    assert w._WEAPON_CLASS["katyushas"] == w._MODIFIER_CLASS["grad"] == w._THING_CLASS["missile"] == "rocket"
    assert w._THING_CLASS["wounded"] == "casualty" and w._THING_CLASS["airstrike"] == "attack"
    assert all(isinstance(v, float) for v in w._INDEFINITE.values())
    assert ("at", "least") in w._LOWER_BOUND and ("up", "to") in w._UPPER_BOUND
    assert w._AGENT_CUES["carried"][0] == ("after", ("carried", "out", "by"))
    assert {"not", "didnt", "nobody", "denied"} <= w._NEGATIONS
    assert "us" in w._WEAK_NAMES and "said" in w._REPORTING


# ---- moods and agents of the opposing-action detector --------------------------------------

MOOD_FLAGGED = [
    # two facts
    (
        view("The Danish engineers withdrew from Kirkuk in May.", "2022-05"),
        view("The Danish engineers remain in Kirkuk, the ministry said in May.", "2022-05"),
    ),
    # two instructions
    (
        view("The governor told the tribal fighters near Kirkuk to keep calm.", "2022-05"),
        view("The governor ordered the tribal fighters near Kirkuk to step up attacks.", "2022-05"),
    ),
    # two plans
    (
        view("The Danish engineers will withdraw from Kirkuk in May.", "2022-05"),
        view("The Danish engineers plan to stay in Kirkuk after May.", "2022-05"),
    ),
]

MOOD_NOT_FLAGGED = [
    # a fact against a plan
    (
        view("Only 300 Danish engineers remain in Kirkuk.", "2022-05"),
        view("Copenhagen and Baghdad agreed to withdraw the Danish engineers from Kirkuk.", "2022-05"),
    ),
    # a fact against a demand
    (
        view("The Danish engineers remain in Kirkuk.", "2022-05"),
        view(
            "Local councillors are pressing Baghdad to withdraw the Danish engineers from Kirkuk.", "2022-05"
        ),
    ),
    # an instruction against what was done: defiance is a story, not two accounts
    (
        view("The governor told the tribal fighters near Kirkuk to keep calm.", "2022-05"),
        view("The tribal fighters near Kirkuk stepped up attacks.", "2022-05"),
    ),
    # left open
    (
        view("The Danish engineers will withdraw from Kirkuk in May.", "2022-05"),
        view("Officials did not say whether the Danish engineers would stay in Kirkuk.", "2022-05"),
    ),
]


@pytest.mark.parametrize(("a", "b"), MOOD_FLAGGED)
def test_opposing_predicates_in_one_mood_clash(a, b, lex):
    assert c.opposing_action(a, b, lex) is not None
    assert c.opposing_action(b, a, lex) is not None


@pytest.mark.parametrize(("a", "b"), MOOD_NOT_FLAGGED)
def test_opposing_predicates_in_different_moods_do_not(a, b, lex):
    assert c.opposing_action(a, b, lex) is None
    assert c.opposing_action(b, a, lex) is None


def test_the_mood_is_read_from_the_nearest_cue_and_an_open_cue_wins():
    from tracker.contradictions.lexicon import mood_before

    def mood(text: str, phrase: str) -> str:
        toks = text.split()
        return mood_before(toks, toks.index(phrase))

    assert mood("the engineers withdrew", "withdrew") == "fact"
    assert mood("the minister told them to withdraw", "withdraw") == "wanted"
    assert mood("the minister told reporters the engineers will withdraw", "withdraw") == "plan"
    assert mood("nobody said whether the minister told them to withdraw", "withdraw") == "open"
    assert "both instructions or demands" in c.opposing_action(*MOOD_FLAGGED[1], load_lexicon()).reasons[0]


RESPONSIBILITY = "Saraya Thar claimed responsibility for the rocket attack on the Harir base."


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("Saraya Thar denied responsibility for the rocket attack on the Harir base.", True),
        ("The rocket attack on the Harir base was carried out by Saraya Thar.", False),  # agreement
        ("Turkey denied responsibility for the rocket attack on the Harir base.", False),  # another agent
        ("The rocket attack on the Harir base, carried out with drones, was denied.", False),  # no agent
    ],
)
def test_who_did_it_must_be_the_same_on_both_sides(b, flagged, lex):
    """A claim of responsibility and a denial clash only when they are about one agent."""
    a_view, b_view = view(RESPONSIBILITY, "2022-05-02"), view(b, "2022-05-02")
    assert (c.opposing_action(a_view, b_view, lex) is not None) is flagged


def test_a_denial_by_another_agent_against_a_passive_claim_is_no_clash(lex):
    a = view("The rocket attack on the Harir base was carried out by Saraya Thar.", "2022-05-02")
    b = view("Turkey denied responsibility for the rocket attack on the Harir base.", "2022-05-02")
    assert c.opposing_action(a, b, lex) is None
    b = view("Saraya Thar denied responsibility for the rocket attack on the Harir base.", "2022-05-02")
    assert c.opposing_action(a, b, lex) is not None


CONTROL_FLAGGED = [
    (
        view("The tribal brigades in Anbar are defying Baghdad by blocking the highway.", "2022-05"),
        view(
            "The tribal brigades in Anbar block the highway only when Baghdad gives a green light from its ministers.",
            "2022-05",
        ),
    ),
    (
        view("The tribal brigades in Anbar take orders from the Defence Ministry in Baghdad.", "2022-05"),
        view(
            "The tribal brigades in Anbar have broken with the Defence Ministry in Baghdad and flout its orders.",
            "2022-05",
        ),
    ),
]

CONTROL_NOT_FLAGGED = [
    # one side only in part
    (
        view("The tribal brigades in Anbar take orders from the Defence Ministry in Baghdad.", "2022-05"),
        view(
            "Some tribal brigades in Anbar sometimes flout orders from the Defence Ministry in Baghdad.",
            "2022-05",
        ),
    ),
    # one side feared, not asserted
    (
        view("The tribal brigades in Anbar are defying the Defence Ministry in Baghdad.", "2022-05"),
        view(
            "Diplomats fear the tribal brigades in Anbar take orders from the Defence Ministry in Baghdad.",
            "2022-05",
        ),
    ),
]


@pytest.mark.parametrize(("a", "b"), CONTROL_FLAGGED)
def test_control_against_defiance_clashes(a, b, lex):
    sig = c.opposing_action(a, b, lex)
    assert sig is not None and "control-vs-defiance" in sig.reasons[0]


@pytest.mark.parametrize(("a", "b"), CONTROL_NOT_FLAGGED)
def test_partial_or_feared_control_does_not_clash(a, b, lex):
    assert c.opposing_action(a, b, lex) is None


def test_an_instruction_to_attack_clashes_with_one_to_keep_calm(lex):
    a = view("The governor called on the tribal fighters near Kirkuk to attack the convoy.", "2022-05")
    b = view("The governor told the tribal fighters near Kirkuk to hold back.", "2022-05")
    sig = c.opposing_action(a, b, lex)
    assert sig is not None and '"to attack" vs "hold back"' in sig.reasons[0]


def test_a_limit_on_an_action_is_no_restraint(lex):
    """ "Avoid a major escalation" allows a smaller one: it takes no side."""
    a = view("The governor urged the tribal fighters near Kirkuk to step up attacks.", "2022-05")
    b = view(
        "The governor advised the tribal fighters near Kirkuk not to go too far and to avoid a major escalation.",
        "2022-05",
    )
    assert c.opposing_action(a, b, lex) is None


def test_a_claim_only_denied_takes_the_other_side(lex):
    """Denying that the governor ordered attacks is no order to attack: against an order
    to keep calm it agrees, against an order to attack it clashes."""
    denied = view(
        "The governor ordered the tribal fighters near Kirkuk to attack the convoy.",
        "2022-05",
        stances=("denies",),
    )
    calm = view("The governor told the tribal fighters near Kirkuk to keep calm.", "2022-05")
    attack = view("The governor told the tribal fighters near Kirkuk to step up attacks.", "2022-05")
    assert c.opposing_action(denied, calm, lex) is None
    sig = c.opposing_action(denied, attack, lex)
    assert sig is not None and "(denied)" in sig.reasons[0]


# ---- the time a claim's words give, and tiers -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "first", "last"),
    [
        ("Rockets hit the Harir base on 3 May 2022.", None, "2022-05-03", "2022-05-03"),
        ("Rockets hit the Harir base on May 3, 2022.", None, "2022-05-03", "2022-05-03"),
        ("In early May 2022 rockets hit the Harir base.", None, "2022-05-01", "2022-05-31"),
        (
            "Attacks on the Harir base have doubled since spring 2021.",
            "2022-05-10",
            "2021-03-01",
            "2022-05-10",
        ),
        ("The Harir base was first hit in 2019.", None, "2019-01-01", "2019-12-31"),
        ("The Harir base was hit last month.", "2022-05-10", "2022-04-01", "2022-04-30"),
        ("The Harir base was hit on Tuesday.", "2022-05-12", "2022-05-10", "2022-05-10"),
        ("The Harir base was hit yesterday.", "2022-05-12", "2022-05-11", "2022-05-11"),
        ("Rockets hit the Harir base in winter 2021.", None, "2021-12-01", "2022-02-28"),
    ],
)
def test_the_time_a_claim_gives_in_words(text, published, first, last):
    from datetime import date

    from tracker.contradictions.timetext import text_window

    w = text_window(text, published)
    assert w is not None
    assert (date.fromordinal(w[0]).isoformat(), date.fromordinal(w[1]).isoformat()) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "2500 US troops remain at the Harir base.",
        "The Harir base was hit last month.",
        "A 2021 report counted drones.",
    ],
)
def test_no_time_without_a_date_or_a_day_to_count_from(text):
    from tracker.contradictions.timetext import text_window

    assert text_window(text, None) is None


def test_the_words_of_a_claim_set_its_window_before_its_publication_date():
    old = view("Danish engineers withdrew from Kirkuk in 2019.", None, published=("2022-05-02",))
    now = view("The Danish engineers remain in Kirkuk.", None, published=("2022-05-02",))
    assert not same_period(old, now, 60)
    assert c.opposing_action(old, now, load_lexicon()) is None


def test_a_pair_whose_time_is_only_inferred_is_possible_not_strong(lex):
    a = view(
        "Governor Rakan told the Jubur militias in Kirkuk and Hawija to keep calm.",
        None,
        published=("2022-05-02",),
    )
    b = view(
        "Governor Rakan ordered the Jubur militias in Kirkuk and Hawija to step up attacks.",
        None,
        published=("2022-05-03",),
    )
    dated = [s.score for s in detect(view(a.text, "2022-05"), view(b.text, "2022-05"), lex)]
    inferred = [s.score for s in detect(a, b, lex)]
    assert dated and inferred
    assert c.tier(max(dated)) == "strong" and c.tier(max(inferred)) == "possible"
    undated = detect(view(a.text, None), view(b.text, None), lex)
    assert undated and any("time unknown" in r for r in undated[0].reasons)


@pytest.mark.parametrize(
    ("b", "strong"),
    [
        ("Nine rockets hit the Harir base on 3 May 2022.", True),  # hit against hit
        (
            "The Saraya Thar group fired nine rockets at the Harir base on 3 May 2022.",
            False,
        ),  # hit against fired
        ("Air defences intercepted nine rockets over the Harir base on 3 May 2022.", False),
    ],
)
def test_counts_of_one_weapon_clash_when_they_count_the_same_deed(b, strong, lex):
    a = view("Four rockets landed on the Harir base on 3 May 2022.", "2022-05-03")
    sig = c.numeric(a, view(b, "2022-05-03"))
    assert sig is not None
    assert (c.tier(sig.score) == "strong") is strong, sig


def test_the_detectors_rank_strong_pairs_above_possible_ones(lex):
    """One pair of each strength: a clash of two dated counts of the same deed ranks above
    a clash of counts of two deeds, which ranks above the same clash with no dates."""
    a = view("Four rockets landed on the Harir base on 3 May 2022.", "2022-05-03")
    same_deed = detect(a, view("Nine rockets hit the Harir base on 3 May 2022.", "2022-05-03"), lex)
    two_deeds = detect(
        a, view("Militants fired nine rockets at the Harir base on 3 May 2022.", "2022-05-03"), lex
    )
    undated = detect(
        view("Four rockets landed on the Harir base.", None),
        view("Nine rockets hit the Harir base.", None),
        lex,
    )
    assert same_deed[0].score > two_deeds[0].score >= undated[0].score
    assert c.tier(same_deed[0].score) == "strong"
    assert c.tier(two_deeds[0].score) == c.tier(undated[0].score) == "possible"


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        (
            "Two Danish soldiers were killed at the Harir base.",
            "No civilians were hurt at the Harir base.",
            False,
        ),
        (
            "Two Danish soldiers were killed at the Harir base.",
            "The attack on the Harir base caused no casualties.",
            True,
        ),
        (
            "Three Iraqi soldiers were killed at the Harir base.",
            "Five US soldiers were killed at the Harir base.",
            False,
        ),
        (
            "Three soldiers were killed at the Harir base.",
            "Five US soldiers were killed at the Harir base.",
            True,
        ),
        ("Four protesters were killed near the Harir base.", "Nobody was killed near the Harir base.", True),
    ],
)
def test_casualty_counts_clash_only_for_the_same_victims(a, b, flagged):
    assert (c.numeric(view(a, "2022-05-03"), view(b, "2022-05-03")) is not None) is flagged


# ---- ordinal and status facts ---------------------------------------------------------------

ROUND_4 = "Oman and the Gulf envoys held the fourth round of the Muscat talks on 2 May 2022."


@pytest.mark.parametrize(
    ("b", "flagged"),
    [
        ("Oman and the Gulf envoys held the third round of the Muscat talks on 2 May 2022.", True),
        ("Oman and the Gulf envoys held the 4th round of the Muscat talks on 2 May 2022.", False),
        ("Oman and the Gulf envoys will hold the fifth round of the Muscat talks in June 2022.", False),
        (
            "Peru and Chile held the third round of their border talks on 2 May 2022.",
            False,
        ),  # another subject
    ],
)
def test_one_event_numbered_differently(b, flagged):
    a_view = view(ROUND_4, None)
    b_view = view(b, None)
    sig = c.ordinal(a_view, b_view)
    assert (sig is not None) is flagged, sig
    if flagged:
        assert '"fourth round" vs "third round"' in sig.reasons[0]
        assert "ordinal" in kinds(a_view, b_view, load_lexicon())


def test_an_undated_ordinal_is_no_clash():
    assert (
        c.ordinal(
            view(ROUND_4.replace(" on 2 May 2022", ""), None), view(ROUND_4.replace("fourth", "third"), None)
        )
        is None
    )


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        (
            "The Muscat talks ended on 2 May 2022.",
            "The Muscat talks are still under way, the envoys said on 2 May 2022.",
            True,
        ),
        (
            "The envoys told the factions to keep calm until the Muscat talks are over.",
            "The Muscat talks are ongoing.",
            False,
        ),
    ],
)
def test_a_process_over_against_one_going_on(a, b, flagged, lex):
    sig = c.opposing_action(view(a, "2022-05-02"), view(b, "2022-05-02"), lex)
    assert (sig is not None) is flagged, sig


def test_no_one_claiming_an_attack_clashes_with_any_claim_of_it(lex):
    a = view("Saraya Thar claimed responsibility for the rocket attack on the Harir base.", "2022-05-02")
    b = view("No group has claimed responsibility for the rocket attack on the Harir base.", "2022-05-02")
    sig = c.opposing_action(a, b, lex)
    assert sig is not None and "claim-vs-deny-responsibility" in sig.reasons[0]
    other = view("No group has claimed responsibility for the drone strike on Sulaimaniya.", "2022-05-02")
    assert c.opposing_action(a, other, lex) is None  # another attack: nothing shared
