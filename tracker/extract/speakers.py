"""Speaker phrases as stored, and whether a speaker is anonymous.

Owns: tidying the speaker phrase a frame found (quotation marks, a dateline, an anonymity
clause such as "who asked not to be named" cut off), the marks of anonymity ("on condition
of anonymity", "unnamed"), and the decision that a speaker is anonymous.

Must not: find the speaker in a sentence (the frames do) or resolve pronouns (the resolver
does). Pure: text in, answers out; no database, no printing.
"""

from __future__ import annotations

import re

from tracker.extract.phrases import has_person, head_word, is_named, np_core
from tracker.extract.vocabulary import ANON_ROLES

# A sentence that says its speaker is not named.
ANON_MARK_RE = re.compile(
    r"condition of anonymity|on condition that (?:his|her|their) names? (?:not|would not|"
    r"wouldn't) be used|asked not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"requested anonymity|insisted on anonymity|names? (?:be|was|were) withheld|"
    r"not (?:be )?(?:named|identified) (?:because|as|for)|not authori[sz]ed to (?:speak|talk|discuss|"
    r"comment|brief)|speaking anonymously|spoke anonymously|did not want to be (?:named|"
    r"identified)|\bunnamed\b|\banonymous\b",
    re.IGNORECASE,
)


def is_anonymous(np: str, sentence: str, next_sentence: str) -> bool:
    """Whether speaker ``np`` of ``sentence`` is unnamed: a role with no person named ("a
    US official", "sources"), or a speaker the sentence or the next one says is anonymous."""
    if has_person(np):
        return False
    # The next sentence counts when it looks back at this speaker: "The officials spoke on
    # condition of anonymity…", not when it introduces a new anonymous speaker.
    marked = bool(ANON_MARK_RE.search(sentence)) or bool(
        re.match(r"^(?:The|They|He|She|Both|All|Each|Those|None)\b", next_sentence)
        and ANON_MARK_RE.search(next_sentence)
    )
    # Conjuncts of the head part only: "posts circulating on Telegram and Twitter" is
    # one speaker, not "posts" and "Twitter".
    conjuncts = re.split(r"\s+and\s+", np_core(np))
    role_headed = any(head_word(c).lower() in ANON_ROLES for c in conjuncts) and not any(
        is_named(c) and head_word(c).lower() not in ANON_ROLES for c in conjuncts
    )
    if role_headed:
        # "the leader of Asaib Ahl al-Haq" names one identifiable person.
        if re.match(
            r"(?i)^the\s+(?:\w+\s+)?(?:leader|head|chief|commander|secretary)\s+of\s+"
            r"(?:the\s+)?[A-Z]",
            np.strip(),
        ):
            return marked
        return True
    return marked and not is_named(np)


def cut_anonymity_clause(np: str) -> str:
    """'a guard who asked not to be named because …' -> 'a guard'; a relative clause that
    marks no anonymity ("witnesses who saw the strike") stays."""
    rel = re.search(r",?\s+who\s+(.*)$", np)
    return np[: rel.start()] if rel and ANON_MARK_RE.search(rel.group(1)) else np


def tidy_speaker(sp: str) -> str:
    """The speaker phrase as stored: quotation marks, anonymity clause and dateline off."""
    sp = sp.strip().strip('"“”,;:')
    sp = re.sub(r"\s+", " ", sp)
    sp = cut_anonymity_clause(sp)  # the anonymity is kept apart
    sp = re.sub(r"^(?:[A-Z]{2,}(?:/[A-Z]{2,})?(?:,[^—–]*)?\s+[—–]\s+)", "", sp)  # dateline
    return sp
