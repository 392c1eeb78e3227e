"""Guards that keep near-identical sentences apart when they report other facts: another
day, month, kind of casualty, weapon or direction (``swapped_facts``), or other people or
groups (``swapped_names``). Used by ``tracker.matching.similarity.judge``.

Pure: no database, no printing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from tracker import data
from tracker.matching.synonyms import concept_of
from tracker.text import STOPWORDS, features, normalize, word_form

# "may" and "march" are months only next to a number ("7 May", "May 2021").
_MONTH_IF_DATED = frozenset(("may", "march"))

# The closed classes ``swapped_facts`` compares, in the order it reports them.
FACT_CLASSES = ("day", "month", "casualties", "weapon", "direction")


def _fact_words() -> dict[str, dict[str, list[str]]]:
    """{class: {value: the words that name it}}: days and months (calendar.toml), kinds of
    casualty (casualties.toml), the weapon an attack used (weapons.toml, its "named" words
    by class) and compass directions (directions.toml)."""
    calendar = data.toml("calendar")
    weapons = data.toml("weapons")
    by_weapon: dict[str, list[str]] = {}
    for word in weapons["roles"]["named"]:
        by_weapon.setdefault(weapons["class"][word], []).append(word)
    return {
        "day": {d: [d] for d in calendar["weekdays"]},
        "month": {m: [m] for m in calendar["months"]},
        "casualties": dict(data.toml("casualties")["inflections"]),
        "weapon": by_weapon,
        "direction": dict(data.toml("directions")["directions"]),
    }


@lru_cache(maxsize=1)
def _fact_table() -> dict[str, tuple[str, str]]:
    """{matching form of a word: (class, value)}."""
    table: dict[str, tuple[str, str]] = {}
    for kind, values in _fact_words().items():
        for value, words in values.items():
            for w in words:
                table[word_form(w)] = (kind, value)
    return table


def _fact_values(norm: str) -> dict[str, set[str]]:
    table = _fact_table()
    toks = norm.split()
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        hit = table.get(t)
        if hit is None:
            continue
        if t in _MONTH_IF_DATED and not any(
            0 <= k < len(toks) and toks[k][0].isdigit() for k in (i - 1, i + 1)
        ):
            continue
        out.setdefault(hit[0], set()).add(hit[1])
    return out


def swapped_facts(a_norm: str, b_norm: str) -> tuple[str, str, str] | None:
    """(class, a's value, b's value) when each text has a day, month, kind of casualty,
    weapon or direction the other lacks; None otherwise (a value only one of them gives
    is more detail, not another fact)."""
    ta, tb = set(a_norm.split()), set(b_norm.split())
    if not (ta - tb) or not (tb - ta):
        return None
    va, vb = _fact_values(a_norm), _fact_values(b_norm)
    for kind in FACT_CLASSES:
        x, y = va.get(kind, set()), vb.get(kind, set())
        if x - y and y - x:
            return kind, ", ".join(sorted(x - y)), ", ".join(sorted(y - x))
    return None


@lru_cache(maxsize=262_144)
def _name_forms(text_: str) -> frozenset[str]:
    """The names of a text (``tracker.text.features``), in the form its matching form holds them."""
    return features(text_).names


NEAR_NAME = 80.0
"""Two names whose keys or written words are at least this alike (``fuzz.ratio``) are
taken for two spellings of one name that the transliteration key does not bring together
(a typo)."""


def swapped_names(a_text: str, b_text: str, a_norm: str, b_norm: str) -> tuple[str, str] | None:
    """The names one text has in place of the other's, as written in each ("kataib
    hezbollah", "asaib ahl haq"), or None. Near-identical sentences that name different
    people or groups (who gave the order, who carried out the attack) are two accounts,
    not one claim said twice, and so is a name made another actor by an organisation word
    ("Kataib Hezbollah" against "Hezbollah"). A name only one of them has, a name written
    another way (``_near``), or a name that only qualifies a name both share (``_name_parts``:
    "Iran's Qaani", "Quds Force commander Ghaani") is no swap, unless both texts qualify it
    with places that cannot be one ("Syria's Haddad", "Jordan's Haddad")."""
    ta, tb = set(a_norm.split()), set(b_norm.split())
    only_a, only_b = ta - tb, tb - ta
    if not only_a and not only_b:
        return None
    na = _name_forms(a_text) & only_a
    nb = _name_forms(b_text) & only_b
    if not na and not nb:
        return None
    if na and nb:
        la, lb = sorted(na), sorted(nb)
        if _spelled_out(la, a_text, b_text, lb) or _spelled_out(lb, b_text, a_text, la):
            return None  # an acronym and the name it spells
    shared = frozenset(ta & tb)
    extended = _extended(a_text, b_text, shared)
    if extended is not None:
        return extended
    if not na or not nb:
        return None
    qa, qb = _name_parts(a_text, shared)[0], _name_parts(b_text, shared)[0]
    pa, pb = qa & _places(), qb & _places()
    if not (pa and pb) or any(_compatible(x, y) for x in pa for y in pb):
        na, nb = na - qa, nb - qb
        if not na or not nb:
            return None
    wa, wb = _written(a_text, na), _written(b_text, nb)
    left = [x for x in wa if not any(_near(x, y, wa[x], wb[y]) for y in wb)]
    right = [y for y in wb if not any(_near(x, y, wa[x], wb[y]) for x in wa)]
    if not left or not right:
        return None
    if _spelled_out(left, a_text, b_text, right) or _spelled_out(right, b_text, a_text, left):
        return None  # an acronym and the name it spells, among the names left
    return " ".join(wa[x] for x in left), " ".join(wb[y] for y in right)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_SPELLED_JOINERS = frozenset(("of", "for", "the", "and", "on", "in", "al", "el", "de"))


@lru_cache(maxsize=65_536)
def _spelled_names(text_: str) -> dict[str, frozenset[str]]:
    """{initials (as written, and in their matching form): the matching forms of the words}
    of each name of several capitalised words in ``text_``, small words between them
    allowed ("Institute for the Study of War": "isw"; "Asaib Ahl al-Haq": "aah"). A
    leading "The" is left out."""
    out: dict[str, frozenset[str]] = {}
    words = [m.group() for m in _WORD.finditer(text_)] + [""]
    run: list[str] = []
    for w in words:
        bare = w.split("-")[-1] if "-" in w and w.split("-")[0].lower() in _SPELLED_JOINERS else w
        if bare[:1].isupper() and not (not run and bare == "The"):
            run.append(bare)
            continue
        if run and w.lower() in _SPELLED_JOINERS and w[:1].islower():
            continue
        if len(run) >= 2:
            initials = "".join(x[0] for x in run).lower()
            forms = frozenset(word_form(t) for x in run for t in normalize(x).split())
            out[initials] = out[word_form(initials)] = forms  # "kh" is keyed "x"
        run = []
    return out


@lru_cache(maxsize=65_536)
def _lone_acronyms(text_: str) -> frozenset[str]:
    """The acronyms of ``text_`` that stand alone as a name, with no capitalised word
    beside them ("KH fired", not "ISW News"), in their matching form and as written."""
    words = [m.group() for m in _WORD.finditer(text_)]
    out: set[str] = set()
    for i, w in enumerate(words):
        if _ACRONYM.fullmatch(w) is None:
            continue
        after = i + 1 < len(words) and words[i + 1][:1].isupper()
        before = i > 1 and words[i - 1][:1].isupper()  # the text's first word is capitalised anyway
        if not after and not before:
            out.update((w.lower(), word_form(w.lower())))
    return frozenset(out)


def _spelled_out(acronyms: list[str], text_: str, other_text: str, other_names: list[str]) -> bool:
    """Whether each name of ``acronyms`` (forms of names of ``text_``) is an acronym standing
    alone in ``text_`` that spells the initials of a name of ``other_text`` whose words are
    ``other_names``: "AAH" against "Asaib Ahl al-Haq", "KH" against "Kataib Hezbollah"."""
    lone = _lone_acronyms(text_)
    if not lone.issuperset(acronyms):
        return False
    spelled = _spelled_names(other_text)
    covered: set[str] = set()
    for form in acronyms:
        words = spelled.get(form)
        if words is None:
            return False
        covered |= words
    return set(other_names) <= covered


_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?(?:['’]s)?", re.UNICODE)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Nouns that stand between an organisation and a person in one name phrase
    ("Quds Force *commander* Esmail Ghaani"): speaker_words.toml's agent nouns and titles."""
    return data.words("speaker_words", "agent_nouns") | data.words("speaker_words", "person_titles")


@lru_cache(maxsize=1)
def _org_concepts() -> frozenset[str]:
    """The concepts (``concept_of``: stem or synonym class) of the words that make a name
    another actor's (names.toml, ``actor_words``: "kataib", "brigades", "city")."""
    words = data.toml("names")["actor_words"]["words"]
    return frozenset(concept_of(t) for w in words for t in normalize(w).split())


@dataclass(frozen=True, slots=True)
class _Word:
    form: str  # matching form; "" for a title word
    written: str
    ends: bool  # a possessive or a title: what stands before it qualifies what follows


@lru_cache(maxsize=65_536)
def _runs(text_: str) -> tuple[tuple[_Word, ...], ...]:
    """The name phrases of ``text_``: runs of capitalised words and title words, cut at
    commas, colons and semicolons ("Quds Force commander Esmail Ghaani")."""
    titles = _title_words()
    runs: list[tuple[_Word, ...]] = []
    run: list[_Word] = []
    for m in _WORD.finditer(text_):
        word = m.group()
        possessive = word[-2:] in ("'s", "’s")
        bare = word[:-2] if possessive else word
        if run and any(c in text_[m.start() - 2 : m.start()] for c in ",;:"):
            runs.append(tuple(run))
            run = []
        if bare.lower() in titles:
            # A title: what stands before it qualifies the head. Capitalised, it may also be
            # part of the name itself ("Hezbollah Brigades").
            run.append(_Word(word_form(bare.lower()) if bare[:1].isupper() else "", bare, True))
        elif any(part[:1].isupper() for part in bare.split("-")):  # "al-Sadr"
            forms = normalize(bare).split()
            run.extend(_Word(word_form(f), bare, False) for f in forms[:-1])
            if forms:
                run.append(_Word(word_form(forms[-1]), bare, possessive))
        elif run:
            runs.append(tuple(run))
            run = []
    if run:
        runs.append(tuple(run))
    return tuple(runs)


def _name_parts(text_: str, shared: frozenset[str]) -> tuple[frozenset[str], dict[str, str]]:
    """(qualifiers, extensions) of the names ``text_`` shares with another text.

    In a run ending in a shared name (the head), every name before a possessive or a title
    qualifies the head rather than naming another actor ("*Iran's* Qaani", "*Quds Force*
    commander Esmail Ghaani"); a given name right before the head ("Esmail" in "Esmail
    Ghaani") is no qualifier: "Esmail Ghaani" and "Ashraf Ghani" are two people.

    An actor word (names.toml, ``actor_words``) in the name itself, after any qualifier,
    makes the name another actor: "Kataib Hezbollah" is not "Hezbollah". Extensions:
    {concept of the organisation word (synonyms.toml: "kataib" and "brigades" are one): the
    run as written}."""
    orgs = _org_concepts()
    qualifiers: set[str] = set()
    extensions: dict[str, str] = {}
    for run in _runs(text_):
        held = [
            bool(w.form) and (w.form in shared or not _word_keys(w.written).isdisjoint(shared)) for w in run
        ]
        heads = [i for i, h in enumerate(held) if h]
        if not heads:
            continue
        cut = max((i for i, w in enumerate(run[: heads[-1]]) if w.ends), default=-1)
        qualifiers.update(w.form for w, h in zip(run[: cut + 1], held, strict=False) if w.form and not h)
        name = run[cut + 1 :]
        for w, h in zip(name, held[cut + 1 :], strict=True):
            concept = _org_concept(w.written.lower(), orgs) if w.form and not h else None
            if concept is not None:
                extensions[concept] = " ".join(dict.fromkeys(x.written for x in name))
    return frozenset(qualifiers), extensions


def extended_name(a_text: str, b_text: str, a_norm: str, b_norm: str) -> tuple[str, str] | None:
    """The two name phrases, as written, when one text's name carries an organisation word
    the other's lacks ("Kataib Hezbollah" against "Hezbollah"); None otherwise."""
    return _extended(a_text, b_text, frozenset(set(a_norm.split()) & set(b_norm.split())))


def _extended(a_text: str, b_text: str, shared: frozenset[str]) -> tuple[str, str] | None:
    ea, eb = _name_parts(a_text, shared)[1], _name_parts(b_text, shared)[1]
    if ea.keys() == eb.keys() or (ea and eb and ea.keys() & eb.keys()):
        return None
    return (
        "; ".join(ea.values()) or _shared_run(a_text, shared),
        "; ".join(eb.values()) or _shared_run(b_text, shared),
    )


def _org_concept(word: str, orgs: frozenset[str]) -> str | None:
    """The concept of an organisation word, or None: its own, or its singular's ("PMFs")."""
    for w in (word, word[:-1] if word.endswith("s") else ""):
        if w and (concept := concept_of(w)) in orgs:
            return concept
    return None


def _held(w: _Word, shared: frozenset[str]) -> bool:
    """Whether a name word of one text is among the words both texts share (a stopword,
    "The" or "On" opening a sentence, is no name)."""
    if not w.form or w.form in STOPWORDS:
        return False
    return w.form in shared or not _word_keys(w.written).isdisjoint(shared)


@lru_cache(maxsize=65_536)
def _word_keys(word: str) -> frozenset[str]:
    """The matching form of one written word, as a set: an alias the fold applies ("Hashd"
    is "pmf") included."""
    from tracker.matching.form import fold_text

    return frozenset(fold_text(word).split())


def _shared_run(text_: str, shared: frozenset[str]) -> str:
    """The first name phrase of ``text_`` holding a shared name, as written."""
    for run in _runs(text_):
        if any(w.form in shared for w in run):
            return " ".join(dict.fromkeys(w.written for w in run if w.form))
    return ""


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The name forms of countries, places and nationalities (speaker_words.toml,
    actors.toml's demonyms)."""
    from tracker.contradictions.words import _DEMONYMS

    words = data.words("speaker_words", "places") | data.words("speaker_words", "nationalities")
    forms = {word_form(t) for w in words for t in normalize(w).split()}
    return frozenset(forms | _DEMONYMS.keys() | set(_DEMONYMS.values()))


def _compatible(x: str, y: str) -> bool:
    """Two place qualifiers that can describe one person: one country ("Iran" and
    "Iranian"), one affiliated with the other (actors.toml), or a spelling apart."""
    from tracker.contradictions.actors import actor_key
    from tracker.contradictions.words import _AFFILIATIONS

    kx, ky = actor_key(x), actor_key(y)
    return kx == ky or ky in _AFFILIATIONS.get(x, ()) or kx in _AFFILIATIONS.get(y, ()) or _near(x, y, x, y)


NEAR_LETTERS = 4
"""A name written in fewer letters (an acronym: "AP", "PA", "KH") is no start of a longer
name and no typo of another: "AP" and "AFP" are two agencies."""


def _near(x: str, y: str, word_x: str, word_y: str) -> bool:
    """Two name forms (``x``, ``y``; written ``word_x``, ``word_y``) for one name: a
    country and its demonym, one the start of the other written with the same first three
    letters ("Shia" and "Shiite", "Kurd" and "Kurdish"; not "Sayyid" and "Sadr", whose keys
    are "sad" and "sadr"), or a typo apart ("Hashim" and "Hasihm"; "Sadr" and "Badr" are
    not, nor "Sabereen" and "Jabbarin": a typo keeps the first letter). A word for the
    followers of a name ("Sadrist") is not the name ("Sadr"), and a name with a number
    written into it ("Kurdistan24") is not the name without it. For a name written in fewer
    than ``NEAR_LETTERS`` letters only the first rule holds, and its plural ("PMF" and
    "PMFs")."""
    from tracker.contradictions import actor_key

    if actor_key(x) == actor_key(y) or x == y + "s" or y == x + "s":  # "PMF" and "PMFs"
        return True
    if min(len(word_x), len(word_y)) < NEAR_LETTERS:
        return False
    wx, wy = word_x.lower(), word_y.lower()
    if wx[0] != wy[0] and x[0] != y[0]:
        return False  # a typo keeps the first letter; spellings of it share the key's
    if (_FOLLOWERS.match(wx) is None) != (_FOLLOWERS.match(wy) is None):
        return False  # "Sadrist" is Sadr's followers, not Sadr
    if _DIGITS.sub("", wx) != _DIGITS.sub("", wy):
        return False  # a number written into a name is part of it: "Kurdistan24"
    return (
        ((x.startswith(y) or y.startswith(x)) and wx[:3] == wy[:3])
        or (min(len(x), len(y)) >= NEAR_LETTERS and fuzz.ratio(x, y) >= NEAR_NAME)
        or fuzz.ratio(wx, wy) >= NEAR_NAME
    )


# A word for the followers of a person or a doctrine ("Sadrist", "Baathists"): not the person.
_FOLLOWERS = re.compile(r".{3,}ists?$")
_DIGITS = re.compile(r"\D")


def _written(text_: str, keys: set[str]) -> dict[str, str]:
    """{name form: the word of ``text_`` that has it}, in the text's order; a form no
    single word has (a phrase alias's canonical name) stands for itself, last."""
    out: dict[str, str] = {}
    for t in normalize(text_).split():
        form = word_form(t)
        if form in keys:
            out.setdefault(form, t)
    for k in sorted(keys - out.keys()):
        out[k] = k
    return out
