"""The extractor's word lists, built once from the data files in :mod:`tracker.data`.

Owns: reading ``reporting_verbs``, ``clause_words``, ``sentence_words``, ``speaker_words``,
``news_outlets`` and ``html_page`` and turning them into the sets, the verb-form table and
the two compiled patterns built from word lists (reporting-verb forms, outlet names). The
files say what each list is for and how to extend it.

Must not: decide anything. The modules that use a list interpret it; this module only
shapes it. Pure: no database, no printing.
"""

from __future__ import annotations

import re

from tracker import data


def _forms(table: str) -> dict[str, str]:
    """``lemma = [forms]`` entries of a reporting-verb table -> {form: lemma}."""
    out: dict[str, str] = {}
    for lemma, forms in data.toml("reporting_verbs")[table].items():
        out.update({f: lemma for f in forms})
    return out


def _verbs(table: str, key: str) -> frozenset[str]:
    return frozenset(data.toml("reporting_verbs")[table][key])


# Reporting verbs ------------------------------------------------------------------------

STRONG = _forms("strong")
WEAK = _forms("weak")
VERB_FORMS = {**STRONG, **WEAK}
VERB_RE = re.compile(r"\b(" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")\b")
NOUNISH = _verbs("forms", "nounish")
AFTER_PLURAL_SUBJECT = _verbs("forms", "after_plural_subject")
DENY = _verbs("lemmas", "denies")
REPORTS = _verbs("lemmas", "reports")
NOT_INVERTED = _verbs("lemmas", "not_inverted")
PARENTHETICAL = _verbs("lemmas", "parenthetical")
NO_THAT_CLAUSE = _verbs("lemmas", "no_that_clause")
CALL_PARTICLES = _verbs("particles", "call")

# Function words ---------------------------------------------------------------------------

DETERMINERS = data.words("clause_words", "determiners")
PREPOSITIONS = data.words("clause_words", "prepositions")
NEGATORS = data.words("clause_words", "negators")
BE = data.words("clause_words", "be")
AUX = data.words("clause_words", "auxiliaries")
PRONOUNS = data.words("clause_words", "pronouns")
RELATIVE = data.words("clause_words", "relative_pronouns")
SUBORDINATORS = data.words("clause_words", "subordinators")
ADVERBIAL_START = data.words("clause_words", "adverbial_starts")
IRREGULAR_PARTICIPLES = data.words("clause_words", "irregular_participles")
TAIL_REST_START = data.words("clause_words", "tail_rest_starts")

# Sentence splitting -----------------------------------------------------------------------

TITLES = data.words("sentence_words", "titles")
MONTH_ABBR = data.words("sentence_words", "month_abbreviations")
NUMBER_ABBR = data.words("sentence_words", "number_abbreviations")
AMBIGUOUS_ABBR = data.words("sentence_words", "ambiguous_abbreviations")
STARTERS = data.words("sentence_words", "sentence_starters")

# Speakers ---------------------------------------------------------------------------------

AGENT_NOUNS = data.words("speaker_words", "agent_nouns")
ANON_ROLES = data.words("speaker_words", "anonymous_roles")
NATIONALITIES = data.words("speaker_words", "nationalities")
ORG_WORDS = data.words("speaker_words", "organisation_words")
PLACES = data.words("speaker_words", "places")
PERSON_TITLES = data.words("speaker_words", "person_titles")
CAP_STOP = data.words("speaker_words", "not_name_starts")
MONTH_FULL = data.words("speaker_words", "calendar_names")

# Outlets ----------------------------------------------------------------------------------

OUTLET_NAMES = tuple(data.toml("news_outlets")["names"])
OUTLET_CUE = r"(?:[A-Z][\w'’\-]*\s+){1,3}(?:" + "|".join(data.toml("news_outlets")["name_endings"]) + r")\b"
OUTLET_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(OUTLET_NAMES, key=len, reverse=True))
    + r"|"
    + OUTLET_CUE
    + r")(?![\w-])"
)

# HTML pages -------------------------------------------------------------------------------

SKIP_TAGS = data.words("html_page", "skip_tags")
BLOCK_TAGS = data.words("html_page", "block_tags")
VOID_TAGS = data.words("html_page", "void_tags")
BOILERPLATE_WORDS = tuple(data.toml("html_page")["boilerplate_words"])
BOILERPLATE_EXACT = data.words("html_page", "boilerplate_tokens")
BOILERPLATE_ROLES = data.words("html_page", "boilerplate_roles")
