"""The speaker phrase before a reporting verb.

Owns: splitting the text before a verb into its comma-separated parts, telling which part
is an introductory or parenthetical phrase, an appositive or a role, and walking back
through the parts to the speaker phrase ("Behnam Ben Taleblu, a senior fellow, told", "a
day after the Joint Operations Command said", "the AP, which said"). Whether the cut is
*clean* (nothing but the speaker and adverbials before the verb) decides whether the
assertion can be cut from the sentence.

Must not: decide whether the verb attributes (the frames do) or resolve the speaker (the
resolver does). Pure: text in, phrases out; no database, no printing.
"""

from __future__ import annotations

import re

from tracker.extract.phrases import head_word, is_cap, is_named, np_core, plausible_speaker, trailing_name
from tracker.extract.vocabulary import (
    ADVERBIAL_START,
    AGENT_NOUNS,
    AUX,
    IRREGULAR_PARTICIPLES,
    MONTH_FULL,
    OUTLET_RE,
    PREPOSITIONS,
    RELATIVE,
    SUBORDINATORS,
    VERB_FORMS,
)

_TRAILING_ADVERB_RE = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|repeatedly|publicly|privately|reportedly|"
    r"allegedly|separately|again|then|formally|officially|has|have|had|would|will|did|does|do|"
    r"once|first|further|too|now|yesterday|today|recently|had\s+earlier|long|already|always|"
    r"often|consistently|frequently|so\s+far|yet|since|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on\s+[A-Z][a-z]+\s+\d{1,2}|last\s+\w+|this\s+(?:week|month|year|morning)))+$"
)
_LEADING_JUNK_RE = re.compile(
    r"^(?:(?:and|but|yet|so|still|however|also|then|meanwhile|\d+)\s+)+", re.IGNORECASE
)


def segments(masked: str, end: int) -> list[tuple[int, int]]:
    """Spans of ``masked[:end]`` between separators (commas, semicolons, dashes, colons,
    closing quotes, parentheses) outside quotations."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r",\s*|;\s*|\s[—–]\s*|:\s+|[”\"]\s+", masked[:end]):
        if masked[m.start()] in '”"' and _opens_quote_at(masked, m.start()):
            continue
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _opens_quote_at(masked: str, i: int) -> bool:
    # A straight quote opens when followed by masked text; it closes when followed by space.
    return i + 1 < len(masked) and masked[i + 1] == "_"


def is_adverbial(seg: str) -> bool:
    """An introductory or parenthetical phrase that cannot be the speaker: "In Tehran",
    "Speaking to Al Jazeera", "posted on Telegram", "July 9", a dateline, a timestamp."""
    ws = seg.split()
    if not ws:
        return True
    first = ws[0].lower().strip('"“')
    if first in ADVERBIAL_START or first.endswith("ing") and first not in ("king",):
        return True
    if re.fullmatch(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?", seg.strip()):
        return True  # a live-blog timestamp
    if len(ws) == 1 and (
        first.endswith("ly") or (ws[0].isupper() and len(ws[0]) >= 5 and not OUTLET_RE.fullmatch(ws[0]))
    ):
        return True  # "Separately", a dateline "BAGHDAD" (not "AP" or "IRGC")
    if re.fullmatch(r"(?:[A-Z][a-z]+\s+)?\d{1,2}(?:\s+\d{4})?|\d{4}(?:\s+[—–-].*)?", seg.strip()) and (
        not re.match(r"[A-Za-z]", seg.strip()) or seg.split()[0].lower() in MONTH_FULL
    ):
        return True  # "July 9", "2021"
    if first in IRREGULAR_PARTICIPLES:  # "known as …", "based in …"
        return True
    if re.match(r"^[a-z]+ed\b", seg.strip()) and first not in ("reed",):
        return True  # participial: "posted on Telegram", "asked about the report"
    return False


def _is_appositive(seg: str) -> bool:
    return bool(
        re.match(
            r"^(?:a|an|the)\s+\S|^(?:[a-z]+\s+){0,2}(?:leader|commander|head|"
            r"chief|spokesman|spokeswoman|fellow|director|member|adviser|analyst)\b",
            seg.strip(),
        )
    )


def _is_role_phrase(seg: str) -> bool:
    core = np_core(seg)
    return (
        len(core.split()) <= 5
        and head_word(core).lower() in AGENT_NOUNS
        and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", seg)
    )


def clean_subject(seg: str) -> tuple[str | None, bool]:
    """Reduce the text before a verb to the speaker phrase. Returns (speaker, clean) where
    ``clean`` says whether nothing but the speaker and adverbials stood before the verb."""
    full = seg.strip().strip('"“”')
    full = _TRAILING_ADVERB_RE.sub("", full).strip()
    full = _LEADING_JUNK_RE.sub("", full).strip()
    # Parentheses and relative clauses belong to the speaker phrase but hold no verb of it.
    s = re.sub(r"\s*\([^)]*\)", "", full)
    s = re.split(r"\s+(?:who|whose|that(?=\s+[a-z]+(?:s|ed)\s))\s+", s)[0].strip()
    if re.search(r"\swhom\s", s):  # "… whom the United States (accuses)": the subject follows
        s = full = s.split(" whom ", 1)[1].strip()
    if not s:
        return None, False
    if s != full and not re.search(r"\s(?:who|whom|whose|that)\s", full) and "(" not in full:
        full = s
    words = s.split()
    lower = [w.lower() for w in words]
    # Coordinated verbs: "The coalition put the number at 14 and (said)".
    if lower[-1] in ("and", "but"):
        lead = []
        for w in words[:-1]:
            lw = w.lower()
            if lead and (
                lw in AUX
                or lw in VERB_FORMS
                or (lw.endswith("ed") and not is_cap(w))
                or lw in ("put", "gave", "took", "made", "found", "came", "went", "set")
            ):
                break
            lead.append(w)
        cand = " ".join(lead)
        return (cand, False) if lead and len(lead) < len(words) - 1 else (None, False)
    # After a subordinator: "a day after the Joint Operations Command (said)".
    for i in range(len(words) - 1, -1, -1):
        # "as" is a preposition inside a phrase ("successor as head of"), a subordinator
        # only at the start ("As Mohaned Hage Ali … said").
        if lower[i] in SUBORDINATORS and i < len(words) - 1 and (lower[i] != "as" or i == 0):
            return " ".join(words[i + 1 :]), True
    if lower[0] in PREPOSITIONS and lower[0] not in ("as",):
        name = trailing_name(s)
        if name and name != s:
            return name, True
        return None, False
    if any(w in AUX for w in lower) or len(words) > 12:
        return None, False
    if any(
        w in VERB_FORMS and not is_cap(words[i]) and not (i == len(words) - 1 and w in AGENT_NOUNS)
        for i, w in enumerate(lower)
    ):
        return None, False  # a verb in it, unless it is the head noun ("…, report says")
    if lower[0] in PREPOSITIONS:
        return None, False
    return full, True


def subject_before(sentence: str, masked: str, vstart: int) -> tuple[str | None, bool, int]:
    """Speaker phrase before the verb at ``vstart`` -> (speaker, clean, speaker_start).
    A speaker found through a relative pronoun (", which said") comes back with
    speaker_start == -1 - its real start, so callers can rank that frame lower."""
    segs = segments(masked, vstart)
    for k in range(len(segs) - 1, -1, -1):
        a, b = segs[k]
        seg = sentence[a:b]
        st = seg.strip()
        if not st:
            continue
        mseg = masked[a:b]
        if not re.search(r"[A-Za-z0-9]", mseg.replace("_", "")) or re.fullmatch(
            r"\s*[“\"]_*[”\"]?[)\]]?\s*", mseg
        ):
            return None, False, a  # a quotation cannot be the speaker
        first = st.split()[0].lower()
        if first in ("which", "whom", "that") and k == len(segs) - 1 and len(st.split()) > 1:
            # Object relative: "the attack, which officials said involved 14 rockets".
            subj, _ = clean_subject(" ".join(st.split()[1:]))
            if subj and plausible_speaker(subj):
                return subj, False, a + seg.find(subj) if subj in seg else a
        if first in RELATIVE:
            if len(st.split()) == 1:  # ", which said": the antecedent ends the previous segment
                if k == 0:
                    return None, False, a
                pa, pb = segs[k - 1]
                prev_np = sentence[pa:pb].strip()
                if (
                    len(prev_np.split()) <= 8
                    and plausible_speaker(prev_np)
                    and not is_adverbial(prev_np)
                    and clean_subject(prev_np)[0]
                ):
                    return prev_np, False, -1 - pa
                name = trailing_name(prev_np)
                return name, False, -1 - pa
            continue  # relative clause inside the subject: skip it
        if st.lower() in ("and", "but") and k == len(segs) - 1 and k > 0:
            # 'It called her an "expert" and (said)': a second verb of the clause before
            # the quotation; its subject is the speaker.
            pa, _ = segs[k - 1]
            subj, _ = clean_subject(sentence[pa:b])
            return subj, False, pa
        named = re.match(r"^(?:also\s+)?(?:known as|called|calling itself|dubbed|named)\s+(?P<n>.+)$", st)
        if named and is_named(named.group("n")) and k < len(segs) - 1:
            return named.group("n").strip(), False, a + seg.find(named.group("n"))
        if re.search(r"\s(?:and|but)$", st) and re.match(r"^[a-z]+ed\b", st):
            return None, False, a  # "…, visited Baghdad and (told)": a second verb of a clause
        if is_adverbial(st):
            if k == 0:
                return None, False, a
            continue
        if first in ("and", "but") and len(st.split()) == 1:
            return None, False, a
        # An appositive sits between commas: "Behnam Ben Taleblu, a senior fellow, told".
        if (
            0 < k < len(segs) - 1
            and _is_appositive(st)
            and not re.search(r"\b(?:that|who|whom|which|because|when|while|after)\b", st)
        ):
            pa, pb = segs[k - 1]
            prev, _ = clean_subject(sentence[pa:pb])
            if prev and is_named(prev) and len(prev.split()) <= 6 and not is_adverbial(prev):
                return prev, True, pa
        subj, clean = clean_subject(seg)
        # Anything before the speaker but adverbials and a role ("Its leader, Qais
        # al-Khazali, said") makes the cut unclean.
        if clean and k > 0:
            clean = all(
                is_adverbial(sentence[x:y].strip()) or _is_role_phrase(sentence[x:y])
                for x, y in segs[:k]
                if sentence[x:y].strip()
            )
        return subj, clean, a + (len(seg) - len(seg.lstrip()))
    return None, False, 0
