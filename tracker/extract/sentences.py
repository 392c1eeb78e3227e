"""Plain text and feed dumps -> paragraphs -> sentences.

Owns: undoing feed-dump noise (CDATA ends, truncation marks, run-together URLs), finding
paragraphs (hard-wrapped blocks joined), leaving out readers' comments, and splitting a
paragraph into sentences: a full stop after a title, an initial or an abbreviation does
not end one (the abbreviations are data: ``sentence_words.toml`` in :mod:`tracker.data`),
and an editorial aside in square brackets is a sentence of its own.

Must not: judge what a sentence says. Pure: text in, sentences out; no database, no
printing.
"""

from __future__ import annotations

import html as _html
import re

from tracker.extract.vocabulary import AMBIGUOUS_ABBR, MONTH_ABBR, NUMBER_ABBR, STARTERS, TITLES

_URL_RE = re.compile(r"(?:https?://|www\.)\S+")


def prepare_plain(text: str) -> str:
    """Undo feed-dump noise: CDATA ends, truncation marks and run-together URLs become
    paragraph breaks, so that a feed item's header never glues onto its first sentence."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.IGNORECASE):
        text = _html.unescape(text)
    text = text.replace("<![CDATA[", "\n\n").replace("]]>", "\n\n")
    text = re.sub(r"\[(?:…|\.\.\.)\]", "\n\n", text)
    text = _URL_RE.sub(lambda m: "\n\n" + m.group(0) + "\n\n", text)
    return text


def _paragraphs(text: str) -> list[str]:
    """Blank lines end paragraphs. Inside a block, single line breaks are kept as breaks
    unless the block looks hard-wrapped (most lines of similar length, no end punctuation)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) >= 3:
            longest = max(len(ln) for ln in lines)
            body = lines[:-1]
            wrapped = sum(1 for ln in body if len(ln) >= 0.6 * longest and not re.search(r"[.!?:\"”]$", ln))
            if 40 <= longest <= 100 and wrapped >= 0.6 * len(body):
                out.append(re.sub(r"\s+", " ", " ".join(lines)))
                continue
        out.extend(re.sub(r"\s+", " ", ln) for ln in lines)
    return out


_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[“\"‘'(\[]*[A-Z0-9À-Ý])")
_ASIDE_RE = re.compile(r"\[[^\[\]]{3,600}?[.!?][\"”’]?\]")
_TAIL_FRAGMENT_RE = re.compile(
    r"^[A-Z][^.!?]{0,60}?\b(?:said|says|asked|added|told|wrote|continued|insisted|explained|"
    r"noted|stressed|replied|warned|recounted|argued|claimed|declared)\b[^.!?]{0,40}[.!?]$"
)


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    punct = m.group(0)
    if not punct.startswith(".") or punct.startswith("..") or len(punct.rstrip("\"”’')]")) > 1:
        return True
    if punct != ".":  # period followed by a closing quote or bracket: the quote ends there
        return True
    before = re.search(r"(\S+)$", para[max(0, m.start() - 40) : m.start()])
    tok = before.group(1).lstrip("(\"“‘'[") if before else ""
    nxt = re.match(r"\s+[“\"‘'(\[]*([^\s]+)", para[m.end() :])
    next_word = nxt.group(1) if nxt else ""
    next_lower = re.sub(r"[^\w]", "", next_word).lower()
    low = tok.lower()
    if low in TITLES:
        return False
    if re.fullmatch(r"[A-Z]", tok):  # an initial: "John F. Kennedy"
        return False
    if low in MONTH_ABBR or low in NUMBER_ABBR:
        return not next_word[:1].isdigit()
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok) or low in AMBIGUOUS_ABBR:
        return next_lower in STARTERS
    return True


def _split_paragraph(para: str) -> list[str]:
    pieces: list[str] = []
    pos = 0
    for m in _END_RE.finditer(para):
        if _is_boundary(para, m):
            pieces.append(para[pos : m.end()].strip())
            pos = m.end()
    pieces.append(para[pos:].strip())
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if (
            merged
            and _TAIL_FRAGMENT_RE.match(piece)
            and len(piece.split()) <= 8
            and re.search(r"[\"”’']$", merged[-1])
        ):
            merged[-1] = merged[-1] + " " + piece  # “Why stop?” Khazali asked.
        else:
            merged.append(piece)
    return merged


def _split_with_asides(para: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in _ASIDE_RE.finditer(para):
        if len(m.group(0).split()) < 2:
            continue
        out.extend(_split_paragraph(para[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.extend(_split_paragraph(para[pos:]))
    return [s for s in out if s]


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences. Paragraph breaks always end a sentence; periods
    after titles, initials, month and number abbreviations do not; "U.S." and "a.m." end
    one only when a typical sentence opener follows. Editorial asides in square brackets
    that hold a sentence of their own come out as separate sentences."""
    return [s for para in _paragraphs(text) for s in _split_with_asides(para)]


def split_paragraphs(text: str) -> list[list[str]]:
    """The sentences of each paragraph, readers' comments left out: :func:`split_sentences`
    grouped by paragraph."""
    return [_split_with_asides(p) for p in _without_comments(_paragraphs(text))]


# A line that opens the readers' comments of a page: "7 comments", "Comments (12)", "Leave a
# reply", or a commenter's byline on its own line ("Mike R says", "2. Sam Adam says").
_COMMENTS_RE = re.compile(
    r"(?i)^(?:\d+\s+(?:comments?|replies|responses)|comments?(?:\s*\(\d+\))?|"
    r"leave\s+a\s+(?:reply|comment)|(?:\d+\.\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+says:?)$"
)


def _without_comments(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the readers' comments. In a feed dump the next item (after a
    bare URL) is read again."""
    out: list[str] = []
    skipping = False
    for para in paragraphs:
        if skipping:
            if _URL_RE.fullmatch(para.strip()):
                skipping = False
                out.append(para)
            continue
        if _COMMENTS_RE.match(para.strip()):
            skipping = True
            continue
        out.append(para)
    return out
