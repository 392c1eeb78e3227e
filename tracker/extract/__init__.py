"""Article text -> candidate claims (pure: text in, candidates out).

Turns an article (plain text, a feed dump or an HTML page) into sentences and proposes one
:class:`Candidate` per *attributed* sentence, with the speaker it is credited to, whether
that speaker is anonymous, the hedge words, the outlet it cites as its origin (``via``),
the attribution verb and a stance. The rules are documented in docs/ingest.md.

Must not: touch the database, print, or import typer/rich. Standard library only, plus the
hedge lexicon of :mod:`tracker.text` and the word lists of :mod:`tracker.data`.
Rule-based on purpose: every decision can be explained to the analyst who reviews the
candidate.

The modules, in the order the work is done:

- :mod:`~tracker.extract.html_text`: an HTML page -> its visible text;
- :mod:`~tracker.extract.sentences`: plain text and feed dumps -> paragraphs -> sentences,
  readers' comments left out;
- :mod:`~tracker.extract.content`: masking quotations; the claim text cut from a sentence;
- :mod:`~tracker.extract.frames`: the attribution frames of a sentence, one step per
  sentence shape, and the choice of the outermost; it finds speakers through
  :mod:`~tracker.extract.subjects` (the phrase before a verb) and
  :mod:`~tracker.extract.phrases` (noun phrases and names);
- :mod:`~tracker.extract.speakers`: tidying a speaker; anonymity;
- :mod:`~tracker.extract.outlets`: the outlet a sentence cites (``via``);
- :mod:`~tracker.extract.resolve`: pronouns and definite descriptions -> earlier speakers;
- :mod:`~tracker.extract.article`: :func:`extract`, the pass over the whole article;
- :mod:`~tracker.extract.vocabulary`: the word lists, built once from the data files
  (``reporting_verbs.toml``, ``clause_words.toml``, ``sentence_words.toml``,
  ``speaker_words.toml``, ``news_outlets.toml``, ``html_page.toml``).
"""

from __future__ import annotations

from tracker.extract.article import MAX_SENTENCE, extract
from tracker.extract.candidate import Candidate
from tracker.extract.html_text import html_to_text, looks_like_html
from tracker.extract.sentences import split_sentences

__all__ = ["MAX_SENTENCE", "Candidate", "extract", "html_to_text", "looks_like_html", "split_sentences"]
