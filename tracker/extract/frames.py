"""Attribution frames: every way a sentence credits an assertion to a speaker.

Owns: finding the frames of one sentence, one step per sentence shape:

- "Y, according to X" / "According to X, Y";
- "X quoted Y as saying" / "Y was quoted as saying";
- for each reporting-verb form (the verbs are data: ``reporting_verbs.toml`` in
  :mod:`tracker.data`): the uses that do not attribute (a noun, a negation, a fixed phrase),
  a passive with its agent ("confirmed by three officials"), an inverted tail ('“Y,” said
  X'), a tail ("Y, officials said"), a parenthetical ("Y, the sources said, but Z") and a
  head verb ("X said that Y", "the AP, which said");
- a headline tag ("…: report") when nothing else attributes;

and :func:`choose`, which keeps the outermost frame of a sentence.

Must not: resolve pronouns, judge anonymity or cited outlets (the article pass does that
with the frame it is given). Pure: a sentence in, frames out; no database, no printing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.phrases import head_word, is_named, np_after, plausible_speaker
from tracker.extract.speakers import cut_anonymity_clause
from tracker.extract.subjects import clean_subject, is_adverbial, segments, subject_before
from tracker.extract.vocabulary import (
    AFTER_PLURAL_SUBJECT,
    AUX,
    BE,
    CALL_PARTICLES,
    DETERMINERS,
    NEGATORS,
    NO_THAT_CLAUSE,
    NOT_INVERTED,
    NOUNISH,
    OUTLET_RE,
    PARENTHETICAL,
    PREPOSITIONS,
    PRONOUNS,
    TAIL_REST_START,
    VERB_FORMS,
    VERB_RE,
    WEAK,
)


@dataclass
class Frame:
    """One way a sentence attributes an assertion: its shape, verb, speaker and the
    assertion cut out of it."""

    kind: str  # tail | inverted | paren | according | head | relhead | passive | headline
    verb: str
    lemma: str
    speaker: str | None
    start: int  # where the attribution verb starts
    content: str | None  # the assertion without the attribution, when it can be cut cleanly


# The outermost frame of a sentence wins: "Ghaani told the leaders to keep calm, three
# officials said" credits the officials.
_PRIORITY = {
    "tail": 0,
    "inverted": 1,
    "paren": 2,
    "according": 3,
    "head": 4,
    "relhead": 5,
    "passive": 6,
    "headline": 7,
}

_REJECT_OBJECTS = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:reports?|claims?|allegations?|accounts?|accusations?|charges?|"
    r"story|stories|suggestions?|assertions?|idea|notion|rumou?rs?|statements?|remarks?|"
    r"it|them|this|that)\b"
)
_HEADLINE_TAG_RE = re.compile(
    r"^(?P<content>.{12,}?)\s*:\s*(?P<tag>reports?|sources?|officials|media|witnesses|"
    r"statement|monitor)$",
    re.IGNORECASE,
)
_NO_COMMENT_RE = re.compile(
    r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:would|will|could|can|did|does|do)\s+not|"
    r"wouldn't|won't|couldn't|can't|didn't|doesn't|don't)\s+(?:immediately\s+)?comment\b|"
    r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:had|has|have)\s+no\s+(?:immediate\s+)?comment\b"
)
_TOLD_OUTLET_RE = re.compile(
    r"\s+(?:(?:the\s+)?" + OUTLET_RE.pattern + r"|reporters|journalists)"
    r"(?:\s+(?:on|in|at|last)\s+[A-Z]?\w+)?\s+(?P<c>[a-z“\"A-Z].*)$"
)


def frames(sentence: str, masked: str) -> list[Frame]:
    """Every way ``sentence`` attributes an assertion; :func:`choose` picks the outermost.
    ``masked`` is the sentence with quoted words blanked out."""
    found = _according_frames(sentence, masked) + _quoted_as_saying_frames(sentence, masked)
    for m in VERB_RE.finditer(masked):
        found += _verb_frames(sentence, masked, m)
    if not found:
        found = _headline_frames(sentence)
    return found


def choose(found: list[Frame]) -> Frame | None:
    """The outermost frame (see ``_PRIORITY``): among tails the rightmost, among the others
    the leftmost."""
    if not found:
        return None

    def rank(f: Frame) -> tuple[int, int]:
        return _PRIORITY[f.kind], f.start if f.kind != "tail" else -f.start

    best = min(found, key=rank)
    if (
        best.speaker
        and head_word(best.speaker).lower() in ("statement", "statements")
        and not is_named(best.speaker)
    ):
        # "The group claimed the attack, according to a statement shared on its channels":
        # an unnamed statement is the named speaker's.
        named = [f for f in found if f is not best and f.speaker and is_named(f.speaker)]
        if named:
            return min(named, key=rank)
    return best


# --- sentence shapes without a reporting verb ---------------------------------------------


def _according_frames(sentence: str, masked: str) -> list[Frame]:
    """Frames of "according to X" (X may not be a bare truncation)."""
    found: list[Frame] = []
    for m in re.finditer(r"\b[Aa]ccording to\s+", masked):
        rest = sentence[m.end() :]
        np = np_after(rest)
        if not np or not plausible_speaker(np):
            continue
        after = m.end() + len(rest) - len(rest.lstrip()) + len(np)
        before = sentence[: m.start()].rstrip()
        if before.endswith(","):
            content = before  # "Y, according to X."
        elif m.start() == 0 or re.match(r"^\W*$", before):
            content = sentence[after:].lstrip(" ,")
        else:
            content = None
        found.append(Frame("according", "according to", "according", np, m.start(), content))
    return found


def _quoted_as_saying_frames(sentence: str, masked: str) -> list[Frame]:
    """Frames of "X quoted Y as saying" and "Y was quoted (by Z) as saying"."""
    found: list[Frame] = []
    for m in re.finditer(r"\bquoted\s+(?P<np>.+?)\s+as\s+saying\b(?:\s+that)?", masked):
        np = sentence[m.start("np") : m.end("np")].strip()
        if np.startswith("by "):
            continue
        found.append(Frame("head", "quoted", "quote", np, m.start(), sentence[m.end() :]))
    m = re.search(
        r"^(?P<subj>[^,]+?)\s+(?:was|were|is|are|has been|had been)\s+quoted\s+"
        r"(?:by\s+(?:the\s+)?[^,]+?\s+)?as\s+saying\b(?:\s+that)?",
        masked,
    )
    if m:
        subj, _ = clean_subject(sentence[: m.end("subj")])
        if subj and plausible_speaker(subj):
            found.append(Frame("head", "quoted", "quote", subj, m.start(), sentence[m.end() :]))
    return found


def _headline_frames(sentence: str) -> list[Frame]:
    """A headline with a source tag and no end punctuation: "Iran urged attacks: report"."""
    if re.search(r"[.!?][”\"’']?$", sentence):
        return []
    m = _HEADLINE_TAG_RE.match(sentence.strip())
    if not m:
        return []
    return [
        Frame(
            "headline", m.group("tag").lower(), "report", m.group("tag"), m.start("tag"), m.group("content")
        )
    ]


# --- one reporting-verb form --------------------------------------------------------------


@dataclass(frozen=True)
class _VerbAt:
    """A reporting-verb form found in the masked sentence, and the words around it."""

    verb: str
    lemma: str
    start: int
    end: int
    before_words: list[str]  # the words before the verb
    prev: str  # the word right before, lower case
    prev3: list[str]  # the last three words of its clause, lower case
    after: str  # the masked text after the verb
    next_word: str  # the word right after, lower case


def _verb_at(masked: str, m: re.Match[str]) -> _VerbAt:
    verb = m.group(1)
    vs, ve = m.start(), m.end()
    before_words = re.findall(r"[\w'’]+", masked[:vs])
    clause = re.split(r"[,;:—–]", masked[:vs])[-1]
    after = masked[ve:]
    return _VerbAt(
        verb=verb,
        lemma=VERB_FORMS[verb],
        start=vs,
        end=ve,
        before_words=before_words,
        prev=before_words[-1].lower() if before_words else "",
        prev3=[w.lower() for w in re.findall(r"[\w'’]+", clause)[-3:]],
        after=after,
        next_word=(re.match(r"\s*([\w'’]+)", after) or [None, ""])[1].lower(),
    )


def _verb_frames(sentence: str, masked: str, m: re.Match[str]) -> list[Frame]:
    """The frames of one verb form: a passive with its agent, then (unless the verb is
    passive) an inverted tail or the frame of the subject before it."""
    v = _verb_at(masked, m)
    if _not_attributing(v):
        return []
    passive, found = _passive_frames(masked, v)
    if passive:
        return found  # "is said to", "were reported", "are blamed on": no speaker
    frame = _inverted_frame(sentence, masked, v) or _subject_frame(sentence, masked, v)
    return (found + [frame]) if frame else found


def _not_attributing(v: _VerbAt) -> bool:
    """The form is not reporting speech here: a noun or an adjective ("the reported attack",
    "claims of"), negated ("did not say"), or a fixed phrase ("claimed the lives of")."""
    verb, lemma, prev, after, next_word = v.verb, v.lemma, v.prev, v.after, v.next_word
    if lemma == "quote":
        return True  # only "quoted … as saying", a frame of its own
    if prev in DETERMINERS or prev in PREPOSITIONS and prev not in ("as",):
        return True
    if next_word in ("of",) and verb in NOUNISH:
        return True
    if verb in NOUNISH and re.match(r"\s*[:;)\]]", after):
        return True  # "see MEMRI reports: …"
    if prev and (prev in VERB_FORMS or prev.endswith("'s")) and verb in NOUNISH:
        return True
    if any(w in NEGATORS or w.endswith("n't") for w in v.prev3):
        return True
    if verb == "claimed" and re.match(r"\s+the\s+lives?\b", after):
        return True
    if re.match(r"\s+(?:not\s+to\s+be|to\s+be\s+(?:named|identified))\b", after):
        return True  # "asked not to be named"
    if verb == "admitted" and re.match(r"\s+to\s+(?:a\s+)?hospital", after):
        return True
    if (
        lemma in ("reject", "dismiss")
        and not _REJECT_OBJECTS.match(after)
        and not re.search(r"\bas\b", after)
    ):
        return True
    if lemma == "describe" and not re.search(r"\bas\b", after):
        return True
    if lemma == "call" and not _calls_something(v):
        return True
    return verb in AFTER_PLURAL_SUBJECT and not (
        prev in PRONOUNS or (prev.endswith("s") and v.before_words and v.before_words[-1].islower())
    )


def _calls_something(v: _VerbAt) -> bool:
    """Only 'called the strikes a "violation"' attributes, not "called for", "called Tehran
    to discuss …" or "a group called …"."""
    obj = re.match(r"\s+((?:[\w'’\-]+\s+){1,5}?)[“\"]", v.after)
    return not (
        v.next_word in CALL_PARTICLES
        or not obj
        or any(w.lower() in PREPOSITIONS or w.lower() == "to" for w in obj.group(1).split())
    )


def _passive_frames(masked: str, v: _VerbAt) -> tuple[bool, list[Frame]]:
    """Whether the verb is passive, and the frame of its agent ("confirmed to AP by three
    officials"), also for a participle that opens a clause (", confirmed by two officials,")."""
    passive = v.prev in BE or (
        len(v.before_words) >= 2 and v.before_words[-2].lower() in BE and v.prev.endswith("ly")
    )
    found: list[Frame] = []
    if passive or (v.verb.endswith("ed") and re.search(r"(?:^|,)\s*$", masked[: v.start])):
        by = re.match(r"(?:\s+[\w'’.\-]+){0,6}?\s+by\s+(?P<np>[^,.;]+)", v.after)
        if by:
            np = by.group("np").strip()
            np = re.split(r"\s+(?:as|that|to|in|on|after|before|when|and then)\s+", np)[0]
            if plausible_speaker(np):
                found.append(Frame("passive", v.verb, v.lemma, np, v.start, None))
    return passive, found


def _inverted_frame(sentence: str, masked: str, v: _VerbAt) -> Frame | None:
    """An inverted tail: '“…,” said one Shiite political leader.'"""
    if not (
        re.search(r"(?:^|[,”\"])\s*$", masked[: v.start]) and v.start > 0 and v.lemma not in NOT_INVERTED
    ):
        return None
    np = np_after(sentence[v.end :])
    rest = sentence[v.end :].strip()
    rem = rest[len(np) :] if rest.startswith(np) else rest
    # A speaker with an anonymity clause ("said a guard who asked not to be
    # named because he was not authorised to speak") may run longer.
    core = cut_anonymity_clause(np)
    anon_clause = core != np and len(core.split()) <= 6
    if (
        np
        and plausible_speaker(core if anon_clause else np)
        and (len(rest.split()) <= 16 or anon_clause)
        and np.split()[0].lower() not in PREPOSITIONS
        and re.fullmatch(
            r"\s*(?:,\s+(?:a|an|the|who|which|adding|speaking|citing)\b"
            r"[^.!?]*)?[.!?]?[”\"’']?\s*",
            rem,
        )
    ):
        sep = re.search(r"[,”\"]\s*$", sentence[: v.start])
        content = sentence[: sep.start() + 1] if sep else sentence[: v.start]
        return Frame("inverted", v.verb, v.lemma, np, v.start, content)
    return None


def _subject_frame(sentence: str, masked: str, v: _VerbAt) -> Frame | None:
    """The frame of the speaker phrase before the verb: a tail or a parenthetical when a
    separator stands before the speaker, a head verb otherwise."""
    subj, clean, sstart = subject_before(sentence, masked, v.start)
    relative = sstart < 0
    if relative:
        sstart = -1 - sstart
    if not subj or not plausible_speaker(subj):
        return None
    if re.match(r"\s+(?:nothing|little|no\b)", v.after):
        return None  # "has said nothing about"
    if _NO_COMMENT_RE.match(v.after):
        return None  # "said it would not comment": empty speech
    if subj.split()[0].lower() in NEGATORS:
        return None
    if _after_separator(sentence, masked, sstart):
        frame = _tail_frame(sentence, v, subj, sstart) or _paren_frame(sentence, v, subj, sstart)
        if frame:
            return frame
    return _head_frame(sentence, v, subj, clean, sstart, relative)


def _after_separator(sentence: str, masked: str, sstart: int) -> bool:
    """The speaker follows a comma or a closing quotation, with an assertion (not only
    adverbials) before it: "Y, officials said", '“Y,” the group said'."""
    return (
        sstart > 0
        and bool(re.search(r"[,”\"]\s*$", masked[:sstart]))
        and not is_adverbial(masked[:sstart].strip(" ,"))
        and not all(
            is_adverbial(sentence[x:y].strip()) for x, y in segments(masked, sstart) if sentence[x:y].strip()
        )
    )


def _before_speaker(sentence: str, sstart: int) -> str | None:
    """The assertion before the speaker's separator, with its closing quotation mark."""
    sep = re.search(r"[,”\"]\s*$", sentence[:sstart])
    if not sep:
        return None
    return sentence[: sep.start() + (1 if sentence[sep.start()] in '”"' else 0)]


def _tail_frame(sentence: str, v: _VerbAt, subj: str, sstart: int) -> Frame | None:
    """A tail: "Y, officials said (on Tuesday)." The verb closes the sentence."""
    if not _is_tail_rest(v.after, v.lemma) or re.search(
        r",\s+(?!citing|speaking|according|adding|in\b|on\b)\S", v.after
    ):
        return None
    return Frame("tail", v.verb, v.lemma, subj, v.start, _before_speaker(sentence, sstart))


def _is_tail_rest(rest: str, lemma: str) -> bool:
    """Whether what follows an attribution verb is only adverbials ("on Tuesday", "in a
    statement", "citing sources") or the outlet told, so the verb closes the sentence."""
    r = rest.strip()
    r = re.sub(r"[.!?”\"’')\]]+$", "", r).strip()
    if not r:
        return True
    if len(r.split()) > 16 or re.search(r"\bthat\b", r):
        return False
    first = r.split()[0].lower().strip(",")
    if first in TAIL_REST_START:
        return True
    if lemma == "tell":  # "told Reuters", "told reporters on Tuesday"
        return bool(OUTLET_RE.match(r)) or first in ("reporters", "journalists", "the")
    return False


def _paren_frame(sentence: str, v: _VerbAt, subj: str, sstart: int) -> Frame | None:
    """A parenthetical: "Y, the sources said, but Z"; the assertion runs on after it."""
    paren = re.match(r"((?:\s+[\w'’.\-]+){0,6}?),\s+(?P<rest>\S.*)$", sentence[v.end :])
    if not paren or v.lemma not in PARENTHETICAL:
        return None
    before = _before_speaker(sentence, sstart)
    if before is None:
        return None
    rest = paren.group("rest")
    if re.match(r"[“\"]", rest):  # “A,” the group said, “and B.”
        content = re.sub(r",?[”\"]$", ", ", before) + rest[1:]
        content = content.replace(", , ", ", ")
    elif re.match(r"(?:but|and|while|though|although|or|adding|as)\b", rest):
        content = before + ", " + rest
    elif re.match(r"[a-z]+ing\b", rest):  # '“A,” the ministry said, calling it “B.”'
        content = before
    else:  # "It was, the officials said, the largest attack."
        content = before + " " + rest
    return Frame("paren", v.verb, v.lemma, subj, v.start, content)


def _head_frame(
    sentence: str, v: _VerbAt, subj: str, clean: bool, sstart: int, relative: bool
) -> Frame | None:
    """A head verb: "X said that Y", "X said Y", 'He said: “…”', "X told Reuters Y". A verb
    inside a relative clause ("the AP, which said …") is a lower-ranked frame with no cut."""
    rest = sentence[v.end :]
    that = re.match(r"((?:\s+[\w'’.\-]+){0,9}?)\s+that\s+(?P<c>.+)$", rest)
    if that and (set(w.lower() for w in that.group(1).split()) & (AUX | {"and", "but"})):
        that = None  # "says forces have found the vehicle and that …": not the verb's "that"
    if v.verb in WEAK and (not that or v.lemma in NO_THAT_CLAUSE):
        return None
    if relative:
        return Frame("relhead", v.verb, v.lemma, subj, v.start, None)
    verb, content = v.verb, None
    if clean:
        if that and "," not in that.group(1):
            content = that.group("c")
        elif v.lemma == "say" and v.next_word not in PREPOSITIONS and not re.match(r"\s*[,:]", v.after):
            content = rest
        elif re.match(r"\s*:\s+\S", v.after):  # 'He said: “…”'
            content = rest.split(":", 1)[1]
        elif v.lemma == "claim" and re.match(r"\s+responsibility\b", v.after):
            verb = verb + " responsibility"
        elif v.lemma == "tell":
            told = _TOLD_OUTLET_RE.match(rest)
            if told:
                content = told.group("c")
    elif v.lemma == "claim" and re.match(r"\s+responsibility\b", v.after):
        verb = verb + " responsibility"
    if len(re.findall(r"\w+", rest)) + len(re.findall(r"\w+", sentence[:sstart])) < 2:
        return None  # "Sam Adam says": a byline, no assertion
    return Frame("head", verb, v.lemma, subj, v.start, content)
