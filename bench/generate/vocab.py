"""The generator's vocabularies, read once from the TOML files in ``data/``.

This module owns the mapping from the data files to the tables the generator uses:
each table keeps its name and its Python shape (lists, tuples of pairs, dicts), so
the code that draws from a table indexes it exactly as it reads in the file. It only
reads and reshapes; it draws nothing at random and builds no generated names.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict:
    with open(DATA / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def _pairs(rows: list) -> list[tuple]:
    return [tuple(r) for r in rows]


_PEOPLE = _load("people")
_ORGS = _load("organisations")
_PLACES = _load("places")
_FRAMES = _load("frames")
_TEMPLATES = _load("templates")
_VARIANTS = _load("variants")
_OUTLETS = _load("outlets")

# -- words and dates ----------------------------------------------------------
NUM_WORDS = _TEMPLATES["words"]["numbers"]
MONTHS = _TEMPLATES["words"]["months"]
WEEKDAYS = _TEMPLATES["words"]["weekdays"]
# (template, precision, swap group)
WHEN_FMTS = [(x["phrase"], x["precision"], x["swap"]) for x in _TEMPLATES["dates"]["phrases"]]

# -- militias and organisations -----------------------------------------------
REAL_MILITIAS = _ORGS["militias"]["real"]
MILITIA_PREFIX = _ORGS["militias"]["prefixes"]
MILITIA_WORDS = _ORGS["militias"]["words"]
MILITIA_NAMES_FOR_IMAM = _ORGS["militias"]["imam_names"]
ARMED_OTHERS = _ORGS["militias"]["other_armed"]
IRAQI_ORGS = _ORGS["state"]["iraqi"]
US_ORGS = _ORGS["state"]["us"]
IRAN_ORGS = _ORGS["state"]["iranian"]
KURD_ORGS = _ORGS["state"]["kurdish"]
INTL_ORGS = _ORGS["international"]["bodies"]
SILENT_ORGS = tuple(_ORGS["speakers"]["silent"])
PARTIES = _ORGS["parties"]["all"]
UNIVERSITIES = _ORGS["research"]["universities"]
THINK_TANKS = _ORGS["research"]["think_tanks"]

# -- people ---------------------------------------------------------------------
_FIRST_NAMES = _PEOPLE["first_names"]
FIRST_AR, FEM_AR = _FIRST_NAMES["arabic"], _FIRST_NAMES["arabic_women"]
FIRST_FA, FEM_FA = _FIRST_NAMES["persian"], _FIRST_NAMES["persian_women"]
FIRST_KU, FEM_KU = _FIRST_NAMES["kurdish"], _FIRST_NAMES["kurdish_women"]
FIRST_EN, FEM_EN = _FIRST_NAMES["english"], _FIRST_NAMES["english_women"]
_FIRST = {"a": (FIRST_AR, FEM_AR), "f": (FIRST_FA, FEM_FA), "k": (FIRST_KU, FEM_KU), "e": (FIRST_EN, FEM_EN)}
_FEMALE = set(FEM_AR + FEM_FA + FEM_KU + FEM_EN)
LAST_EN = _PEOPLE["family_names"]["english"]
REAL_NISBA = _PEOPLE["family_names"]["arabic_real"]
_AR, _FA, _KU = (_PEOPLE["family_names"][c] for c in ("arabic", "persian", "kurdish"))
AR_C1, AR_V1, AR_C2, AR_C3, AR_SUF = _AR["c1"], _AR["v1"], _AR["c2"], _AR["c3"], _AR["suffix"]
FA_R1, FA_R2, FA_R3, FA_SUF = _FA["r1"], _FA["r2"], _FA["r3"], _FA["suffix"]
KU_R1, KU_R2, KU_SUF = _KU["r1"], _KU["r2"], _KU["suffix"]
REAL_PEOPLE = {
    camp: _pairs(_PEOPLE["real_people"][camp]) for camp in ("iran", "iraq", "militia", "us", "kurd")
}
IRAN_ACTORS = _PEOPLE["real_people"]["iran_actors"]
RANKS_IQ = _PEOPLE["ranks"]["iraqi"]
RANKS_IR = _PEOPLE["ranks"]["iranian"]
RANKS_US = _PEOPLE["ranks"]["us"]
RANKS_MIL = _PEOPLE["ranks"]["militia"]
CIVIL_TITLES = _PEOPLE["ranks"]["civil"]
ROLE_TEMPL = _PEOPLE["roles"]["organisation"]
ROLE_MILITIA = _PEOPLE["roles"]["militia"]
ROLE_CIVIL = _PEOPLE["roles"]["civil"]
ROLE_ANALYST = _PEOPLE["roles"]["analyst"]
ROLE_INTL = _PEOPLE["roles"]["international"]
ANON_Q = _pairs(_PEOPLE["anonymous"]["quantities"])
ANON_COMBOS = _pairs(_PEOPLE["anonymous"]["descriptions"])
ANON_TAIL = _PEOPLE["anonymous"]["tails"]
_ANON_BAD = tuple(_PEOPLE["anonymous"]["unfit_wrappers"])

# -- places ---------------------------------------------------------------------
PROVINCES = _PLACES["iraq"]["provinces"]
KURDISH_PROVINCES = _PLACES["iraq"]["kurdish_provinces"]
REAL_PLACES = _PLACES["iraq"]["places"]
DISTRICTS_OF = _PLACES["iraq"]["districts_of"]
BASES = _PLACES["iraq"]["bases"]
TOWN_PRE = _PLACES["towns"]["prefixes"]
TOWN_SYL1 = _PLACES["towns"]["syl1"]
TOWN_SYL2 = _PLACES["towns"]["syl2"]
TOWN_SUF = _PLACES["towns"]["suffixes"]
CROSSINGS = _PLACES["crossings"]
CITIES = _PLACES["world"]["cities"]
COUNTRIES = _PLACES["world"]["countries"]
# camp -> (parties, provinces)
ELECTION_REGIONS = {camp: (r["parties"], r["provinces"]) for camp, r in _PLACES["elections"].items()}

# -- what the frames fill in (one table per frame) ----------------------------
_F = _FRAMES
RK_VERBS, ROCKETS = _pairs(_F["rockets"]["verbs"]), _F["rockets"]["weapons"]
DR_VERBS, DRONES = _pairs(_F["drones"]["verbs"]), _F["drones"]["kinds"]
CASUALTY_PEOPLE = _pairs(_F["casualties"]["people"])
HURT = _pairs(_F["casualties"]["hurt"])
HURT_EVENTS = _F["casualties"]["events"]
IED_ROADS = _F["ied"]["roads"]
DIRECTIVE_VERBS = _pairs(_F["directive"]["verbs"])
RESTRAIN = _F["directive"]["restrain"]
ESCALATE = _F["directive"]["escalate"]
UNTIL = _F["directive"]["until"]
AUDIENCE = _F["directive"]["audience"]
DIRECTIVE_CITIES = _F["directive"]["cities"]
MEET_VERBS = _pairs(_F["visit"]["meet_verbs"])
STAY = _F["troops"]["stay"]
LEAVE = _F["troops"]["leave"]
THROUGH = _F["troops"]["through"]
AGREE = _F["agreement"]["agree"]
DISAGREE = _F["agreement"]["disagree"]
AGREEMENT_FIRST = _F["agreement"]["first"]
AGREEMENT_SECOND = _F["agreement"]["second"]
_ENTITY = _F["agreement"]["same_side"]
ARREST_VERBS = _pairs(_F["arrest"]["verbs"])
SUSPECTS = _F["arrest"]["suspects"]
SEIZE_VERBS = _pairs(_F["seizure"]["verbs"])
FACILITY = _F["seizure"]["facilities"]
AIR_ACTORS = _F["airstrike"]["actors"]
AIR_VERBS = _pairs(_F["airstrike"]["verbs"])
AIR_TARGETS = _F["airstrike"]["targets"]
SANCTION_IMPOSERS = _F["sanctions"]["imposers"]
SANCTION_ENTITIES = _F["sanctions"]["entities"]
FUNDERS = _F["funding"]["funders"]
MONEY_PERIOD = _F["funding"]["routes"]
BORDER_ORIGINS = _F["border"]["origins"]
PROTESTERS = _F["protest"]["protesters"]
PROTEST_PLACES = _F["protest"]["places"]
DEMANDS = _F["protest"]["demands"]
PROTEST_CITIES = _F["protest"]["cities"]
ROLES_APPT = _F["appointment"]["roles"]
KIDNAP_VICTIMS = _F["kidnap"]["victims"]
OIL_COMPANIES = _F["oil"]["companies"]
OIL_FIELDS = _F["oil"]["fields"]
TRUCE_ON = _F["truce"]["on"]
TRUCE_OFF = _F["truce"]["off"]
TRUCE_UNTIL = _F["truce"]["until"]
HANDOVER_FORCES = _F["handover"]["forces"]
INQUIRY_BODIES = _F["inquiry"]["bodies"]
INQUIRY_EVENTS = _F["inquiry"]["events"]
INTERCEPT_SYSTEMS = _F["intercept"]["systems"]
RELEASE_AUTHORITIES = _F["release"]["authorities"]
RELEASE_INCIDENTS = _F["release"]["incidents"]
TALKS_PARTIES = _F["talks"]["parties"]
DISPLACEMENT_OPPONENTS = _F["displacement"]["opponents"]
DAMAGE_THINGS = _F["damage"]["things"]
PHONE_TOPICS = _F["phone"]["topics"]
SUPPLIERS = _F["supply"]["suppliers"]
SUPPLY_ROUTES = _F["supply"]["routes"]
PRESENCE_FOR = _F["presence"]["for"]
PRESENCE_AGAINST = _F["presence"]["against"]
TURKEY_ATTACKERS = _F["turkey"]["attackers"]
TURKEY_AREAS = _F["turkey"]["areas"]
TURKEY_TARGETS = _F["turkey"]["targets"]
TARGET_KINDS = _F["shared"]["target_kinds"]
TARGET_OWNERS = _F["shared"]["target_owners"]
ATTACK_NOUNS = _F["shared"]["attack_nouns"]
WEAPONS = _F["shared"]["weapons"]
CARGO = _F["shared"]["cargo"]
ISSUES = _F["shared"]["issues"]
ACCUSATIONS = _F["shared"]["accusations"]
TOPIC_GROUPS = _F["topics"]

# -- wrappers and context clauses -----------------------------------------------
_W = _TEMPLATES["wrappers"]
WRAP_ASSERT, WRAP_REPORT, WRAP_DENY, WRAP_BARE = _W["assert"], _W["report"], _W["deny"], _W["bare"]
# Indexed by a claim's wrapper kind ("wk"): 0 assert, 1 report, 2 deny, 3 bare.
WRAPS = (WRAP_ASSERT, WRAP_REPORT, WRAP_DENY, WRAP_BARE)
STANCE_OF = ("asserts", "reports", "denies", "reports")
CONTEXTS = _TEMPLATES["contexts"]["all"]
CONTEXTS_POLITICAL = [c for c in CONTEXTS if not any(k in c for k in _TEMPLATES["contexts"]["not_political"])]

# -- duplicates' rewordings -----------------------------------------------------
SPELLING_GROUPS = _VARIANTS["spelling"]["groups"]
TRANSLIT_RULES = _pairs(_VARIANTS["spelling"]["transliteration"])
NEG_WORDS = set(_VARIANTS["typos"]["protected"])

# -- outlets ----------------------------------------------------------------------
OUT_PLACES = _OUTLETS["names"]["places"]
OUT_NOUNS = _OUTLETS["names"]["nouns"]
OUT_AR = _OUTLETS["names"]["arabic"]
HANDLE_SUFFIXES = _OUTLETS["names"]["handle_suffixes"]
KIND_GRADES = _OUTLETS["grades"]
KIND_WEIGHT = _OUTLETS["weights"]
_URL_PAT = _OUTLETS["urls"]["paths"]
