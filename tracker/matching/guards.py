"""Guards that keep near-identical sentences apart when they report other facts: another
day, month, kind of casualty, weapon or direction (``swapped_facts``), or other people or
groups (``swapped_names``). Used by ``tracker.matching.similarity.judge``.

Pure: no database, no printing.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from tracker import data
from tracker.text import features, normalize, word_form

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
    not one claim said twice. A name only one of them has, or a name written another way
    (``_near``), is no swap."""
    ta, tb = set(a_norm.split()), set(b_norm.split())
    only_a, only_b = ta - tb, tb - ta
    if not only_a or not only_b:
        return None
    na = _name_forms(a_text) & only_a
    nb = _name_forms(b_text) & only_b if na else frozenset()
    if not na or not nb:
        return None
    wa, wb = _written(a_text, na), _written(b_text, nb)
    left = [x for x in wa if not any(_near(x, y, wa[x], wb[y]) for y in wb)]
    right = [y for y in wb if not any(_near(x, y, wa[x], wb[y]) for x in wa)]
    if not left or not right:
        return None
    return " ".join(wa[x] for x in left), " ".join(wb[y] for y in right)


NEAR_LETTERS = 4
"""A name written in fewer letters (an acronym: "AP", "PA", "KH") is no start of a longer
name and no typo of another: "AP" and "AFP" are two agencies."""


def _near(x: str, y: str, word_x: str, word_y: str) -> bool:
    """Two name forms (``x``, ``y``; written ``word_x``, ``word_y``) for one name: a
    country and its demonym, one the start of the other ("Shia" and "Shiite", "Kurd" and
    "Kurdish"), or a typo apart ("Hashim" and "Hasihm"; "Sadr" and "Badr" are not). For a
    name written in fewer than ``NEAR_LETTERS`` letters only the first holds, and its
    plural ("PMF" and "PMFs")."""
    from tracker.contradictions import actor_key

    if actor_key(x) == actor_key(y) or x == y + "s" or y == x + "s":  # "PMF" and "PMFs"
        return True
    if min(len(word_x), len(word_y)) < NEAR_LETTERS:
        return False
    return (
        x.startswith(y)
        or y.startswith(x)
        or fuzz.ratio(x, y) >= NEAR_NAME
        or fuzz.ratio(word_x, word_y) >= NEAR_NAME
    )


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
