"""Noun phrases: speaker phrases, their heads, and the names in them.

Owns: cutting a speaker phrase down to its head part, telling whether a phrase names a
person or a proper name at all, whether it can be a speaker, and finding person names in
a sentence. The word classes it reads (agent nouns, anonymous roles, nationalities,
organisation words, titles) are data: ``speaker_words.toml`` and ``clause_words.toml`` in
:mod:`tracker.data`.

Must not: look at the sentence around a phrase (the frames and the resolver do). Pure:
text in, answers out; no database, no printing.
"""

from __future__ import annotations

import re

from tracker.extract.vocabulary import (
    AGENT_NOUNS,
    ANON_ROLES,
    CAP_STOP,
    DETERMINERS,
    MONTH_FULL,
    NATIONALITIES,
    ORG_WORDS,
    PERSON_TITLES,
    PRONOUNS,
)

_WORD_RE = re.compile(r"[\w'’.\-]+")


def words(s: str) -> list[str]:
    """The words of ``s``, with their apostrophes, dots and hyphens ("al-Khazali", "U.S.")."""
    return _WORD_RE.findall(s)


def np_core(np: str) -> str:
    """The head part of a speaker phrase: 'one of the militia officials' -> 'the militia
    officials'; 'a commander in Kataib Hezbollah who asked…' -> 'a commander'."""
    np = np.strip()
    m = re.match(
        r"(?i)^(?:one|some|two|three|four|five|several|many|most|all|none|each|any|both|"
        r"another)\s+of\s+(.+)$",
        np,
    )
    if m:
        np = m.group(1)
    np = re.split(
        r"\s*[,(]\s*|\s+(?:of|for|in|on|near|inside|outside|based|from|at|with|who|"
        r"which|that|to|close to|circulating|shared|posted|spreading|"
        r"familiar with|calling itself|known as)\s+",
        np,
        maxsplit=1,
    )[0]
    return np.strip()


def head_word(np: str) -> str:
    """The last word of the phrase's head part: 'three Shiite political officials' -> 'officials'."""
    ws = words(np_core(np))
    return ws[-1] if ws else ""


def is_cap(word: str) -> bool:
    """Capitalised, "al-"/"el-"-style prefixes allowed ("al-Khazali")."""
    return bool(re.match(r"^(?:[A-Z]|(?:al|el|ad|an|as|ash)-[A-Z])", word))


def base(word: str) -> str:
    """Lower-cased word without a possessive ending, "al-" prefix or dots."""
    w = word.lower().strip(".,")
    w = re.sub(r"(?:'s|’s|'|’)$", "", w)
    return w.removeprefix("al-").removeprefix("el-")


def person_names(s: str) -> list[str]:
    """Person-like names in ``s``: runs of two or more capitalised words (with al-/bin/Abu
    particles) that are not organisations, places, nationalities or titles."""
    names: list[str] = []
    tokens = re.findall(r"[\w'’.\-]+|[,;:()\"“”—–]", s)
    run: list[str] = []

    def flush() -> None:
        while run and (
            run[0].lower() in PERSON_TITLES or base(run[0]) in CAP_STOP or base(run[0]) in NATIONALITIES
        ):
            run.pop(0)
        core = [w for w in run if w.lower() not in ("bin", "ibn", "al", "el", "abu", "ben")]
        if (
            len(run) >= 2
            and core
            and not any(base(w) in ORG_WORDS or base(w) in NATIONALITIES for w in run)
            and not any(re.fullmatch(r"[A-Z]{2,}", w) for w in run)
        ):
            names.append(re.sub(r"(?:'s|’s)$", "", " ".join(run)).rstrip(".,"))
        run.clear()

    for tok in tokens:
        tok_clean = tok.rstrip(".,")
        if not tok_clean or not re.match(r"\w", tok_clean):
            flush()
            continue
        if (is_cap(tok_clean) and tok_clean.lower() not in MONTH_FULL) or (
            run and tok_clean in ("bin", "ibn", "al", "el", "Abu", "Ben", "bint")
        ):
            run.append(tok_clean)
            if tok_clean.endswith(("'s", "’s")) or tok.endswith(","):
                flush()
        else:
            flush()
    flush()
    return names


def has_person(np: str) -> bool:
    """A person is named in the phrase."""
    if person_names(np):
        return True
    # A single capitalised surname after a title or a role noun: "Col. Marotto", "spokesman Kirby".
    return bool(
        re.search(
            r"(?:\b(?:[A-Z][a-z]{0,3}\.|spokesman|spokeswoman|commander|leader|"
            r"chief|secretary|minister)\s+)[A-Z][a-z’'\-]+",
            np,
        )
    )


def is_named(np: str) -> bool:
    """A proper name anywhere in the phrase (person, organisation or outlet)."""
    ws = words(np)
    for i, w in enumerate(ws):
        lw = base(w)
        if not is_cap(w) or lw in NATIONALITIES:
            continue
        if i == 0 and (lw in AGENT_NOUNS or lw in DETERMINERS or lw in PRONOUNS or lw in ANON_ROLES):
            continue
        return True
    return False


def plausible_speaker(np: str) -> bool:
    """The phrase can be a speaker: a pronoun, a phrase headed by an agent noun
    ("officials", "the ministry") or by a name."""
    if not np or len(words(np)) > 14:
        return False
    ws = words(np)
    if len(ws) == 1 and ws[0].lower() in PRONOUNS:
        return True
    head = head_word(np)
    if not head:
        return False
    if head.lower() in AGENT_NOUNS:
        return True
    core = words(np_core(np))
    if is_cap(head) or head.isdigit() and len(core) > 1 and is_cap(core[-2]):
        return head.lower() not in DETERMINERS and head.lower() not in MONTH_FULL
    return False


def trailing_name(seg: str) -> str | None:
    """The capitalised name that ends ``seg`` ("a day after the Joint Operations Command")."""
    m = re.search(
        r"((?:(?:The|the)\s+)?(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*)"
        r"(?:\s+(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*|bin|of|al))*(?:\s+\d+)?)\s*$",
        seg,
    )
    return m.group(1).strip() if m else None


def np_after(text: str) -> str:
    """A noun phrase at the start of ``text``, up to a comma, clause word or the end."""
    m = re.match(r"\s*(.+?)(?=\s*(?:[,;:.!?]\s|[,;:.!?]?$|\s+that\s|\s+as\s+saying|\s+—))", text)
    return m.group(1).strip() if m else text.strip().rstrip(".")
