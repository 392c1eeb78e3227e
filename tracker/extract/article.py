"""The article-level pass: an article -> its candidate claims.

Owns: :func:`extract`, which reads an article (plain text, a feed dump or an HTML page)
sentence by sentence and proposes one :class:`Candidate` per attributed sentence, in the
order of the text. Around each sentence's chosen frame it keeps the article's memory:
speakers already quoted (for pronouns and definite descriptions), an open quotation (the
sentences inside it belong to the speaker who opened it, or to the one whose attribution
closes it), and sentences already proposed (a repeated sentence is proposed once).

Must not: touch the database, print, or import typer/rich. Pure: text in, candidates out.
"""

from __future__ import annotations

import re

from tracker.extract.candidate import Candidate
from tracker.extract.content import assertion, is_fully_quoted, mask_quotes, tidy_content
from tracker.extract.frames import Frame, choose, frames
from tracker.extract.html_text import html_to_text, looks_like_html
from tracker.extract.outlets import cited_after, cited_by_outlet, find_outlet, outlet_speaking, via_in
from tracker.extract.resolve import Seen, resolve
from tracker.extract.sentences import prepare_plain, split_paragraphs
from tracker.extract.speakers import ANON_MARK_RE, is_anonymous, tidy_speaker
from tracker.extract.vocabulary import DENY, REPORTS
from tracker.text import find_hedges

MAX_SENTENCE = 3_000
"""Characters: a longer "sentence" is no sentence (a run of text without full stops) and
holds no candidate; a claim's text is limited to 5,000 characters anyway."""


def extract(text: str, *, html: bool | None = None) -> list[Candidate]:
    """Candidate claims in an article: one per sentence that attributes an assertion.
    ``html=None`` tells an HTML page from plain text by looking at it."""
    if html is None:
        html = looks_like_html(text)
    plain = html_to_text(text) if html else prepare_plain(text)
    return _Pass(split_paragraphs(plain)).run()


class _Pass:
    """One reading of an article, sentence by sentence."""

    def __init__(self, paragraphs: list[list[str]]) -> None:
        self.sentences = [s for p in paragraphs for s in p]
        self.para_of = [pi for pi, p in enumerate(paragraphs) for _ in p]
        self.out: list[Candidate] = []
        self.seen_sentences: set[str] = set()
        self.history: list[Seen] = []
        # Quoted sentences waiting for the attribution that closes their quotation.
        self.pending: list[int] = []
        self.open_quote = False
        self.quote_owner: Candidate | None = None  # the attributed sentence whose quotation is open
        self.last_para = -1
        self.by_index: dict[int, Candidate] = {}

    def run(self) -> list[Candidate]:
        for i, sentence in enumerate(self.sentences):
            self._read(i, sentence)
        order = {s: k for k, s in enumerate(self.sentences)}
        self.out.sort(key=lambda c: order.get(c.sentence, 0))
        return self.out

    def _read(self, i: int, sentence: str) -> None:
        if self.para_of[i] != self.last_para:
            # A quotation never runs across a paragraph break.
            self.pending = []
            self.open_quote = False
            self.quote_owner = None
            self.last_para = self.para_of[i]
        masked, open_after = mask_quotes(sentence, self.open_quote)
        was_open = self.open_quote
        self.open_quote = open_after
        stripped = sentence.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            return  # an editorial aside by whoever reposted the article
        if len(sentence) > MAX_SENTENCE:
            return  # not a sentence (a page without full stops); and the frames cost its square
        frame = choose(frames(sentence, masked))
        if frame is None:
            self._unattributed(i, sentence, was_open, open_after)
        else:
            cand = _candidate(i, sentence, masked, frame, self.sentences, self.history)
            self._attributed(i, sentence, cand, was_open, open_after)

    def _emit(self, i: int, cand: Candidate) -> None:
        self.by_index[i] = cand
        if cand.sentence not in self.seen_sentences:
            self.seen_sentences.add(cand.sentence)
            self.out.append(cand)

    def _unattributed(self, i: int, sentence: str, was_open: bool, open_after: bool) -> None:
        """A sentence with no frame of its own is a candidate only as part of a quotation."""
        if was_open and self.quote_owner is not None:
            # Inside a quotation opened by an attributed sentence: 'He said: “A. B.”'
            self._emit(i, _follow(sentence, self.quote_owner))
            if not open_after:
                self.quote_owner = None
            return
        if open_after or was_open:
            self.pending.append(i)
            return
        # A quotation continuing the previous attributed quotation: '“…,” he said. “…”'
        prev = self.by_index.get(i - 1)
        if (
            prev is not None
            and is_fully_quoted(sentence)
            and (
                self.para_of[i - 1] == self.para_of[i]
                or is_fully_quoted(self.sentences[i - 1])
                or re.search(r"[”\"]", self.sentences[i - 1])
            )
        ):
            self._emit(i, _follow(sentence, prev))

    def _attributed(self, i: int, sentence: str, cand: Candidate, was_open: bool, open_after: bool) -> None:
        self.by_index[i] = cand
        self.history.append(Seen(cand.speaker, cand.anonymous, cand.via, sentence, i))
        # Earlier sentences of the same quotation belong to this speaker too.
        if self.pending and (was_open or re.search(r"[”\"]", sentence)):
            for j in self.pending:
                self._emit(j, _follow(self.sentences[j], cand))
        self.pending = []
        self.quote_owner = cand if open_after else None
        self._emit(i, cand)


def _candidate(
    i: int, sentence: str, masked: str, frame: Frame, sentences: list[str], history: list[Seen]
) -> Candidate:
    """The candidate of attributed sentence ``i``: its speaker and cited outlet, whether the
    speaker is anonymous, its hedges, stance and claim text."""
    speaker, via, inherited_anon = _credit(i, sentence, masked, frame, sentences, history)
    nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
    if speaker is None:
        anonymous = bool(ANON_MARK_RE.search(sentence))
    elif inherited_anon is not None:
        anonymous = inherited_anon
    else:
        anonymous = is_anonymous(speaker, sentence, nxt)
    hedges = tuple(find_hedges(sentence))
    return Candidate(
        sentence=sentence,
        text=assertion(sentence, frame.kind, frame.content),
        speaker=speaker,
        anonymous=anonymous,
        hedges=hedges,
        via=via,
        verb=frame.verb,
        stance=_stance(frame.lemma, hedges),
    )


def _credit(
    i: int, sentence: str, masked: str, frame: Frame, sentences: list[str], history: list[Seen]
) -> tuple[str | None, str | None, bool | None]:
    """(speaker, via, inherited anonymity or None) of attributed sentence ``i``: the frame's
    speaker tidied and resolved, and the outlet the sentence cites or the speaker is."""
    speaker = tidy_speaker(frame.speaker) if frame.speaker else None
    via = via_in(masked, sentence)
    inherited_anon: bool | None = None
    if speaker:
        speaker, inherited_anon, inherited_via = resolve(speaker, i, sentences, history)
        via = via or inherited_via
    if frame.kind == "headline" or (speaker or "").lower() in ("report", "reports", "media reports"):
        # "…: report": credit the outlet the next sentences cite.
        if v := cited_after(i, sentences):
            speaker, via = v, v
    if speaker and via is None:
        via = outlet_speaking(speaker)
    # An outlet that cites someone: the someone is the speaker.
    if speaker and via and find_outlet(speaker) and (cited := cited_by_outlet(sentence)):
        speaker = cited
        inherited_anon = None
    return speaker, via, inherited_anon


def _stance(lemma: str, hedges: tuple[str, ...]) -> str:
    if lemma in DENY:
        return "denies"
    if hedges or lemma in REPORTS:
        return "reports"
    return "asserts"


def _follow(sentence: str, owner: Candidate) -> Candidate:
    """A quoted sentence that belongs to ``owner``'s speaker (same quotation or a
    continuation of it)."""
    hedges = tuple(find_hedges(sentence))
    return Candidate(
        sentence=sentence,
        text=tidy_content(sentence),
        speaker=owner.speaker,
        anonymous=owner.anonymous,
        hedges=hedges,
        via=owner.via,
        verb=owner.verb,
        stance="reports" if hedges else "asserts",
    )
