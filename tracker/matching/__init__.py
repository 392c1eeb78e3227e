"""Near-duplicate matching: the forms in which claims are compared, the candidate index
and its one candidate rule, the similarity score and the judgement of a close pair.

- ``form``: the matching form (``claims.norm``), its posted tokens, the same-words
  fingerprint;
- ``index``: the postings (SQLite FTS5, PostgreSQL ``claim_tokens``) and the sources of
  the candidate rule (the database, an import's overlay, a whole-database copy);
- ``pool``: the candidate rule, which claims a claim is judged against;
- ``similarity`` and ``guards``: the score and ``judge`` (same claim, suggested
  duplicate, contradiction candidate, unrelated);
- ``search``: ``claim search``; ``clusters``: groups of paired claims.

Thresholds live in ``SETTINGS`` (docs/matching.md). The pipeline that applies all this to
a new or changed claim is ``tracker.judgement``. Nothing here prints or writes claims.
"""

from tracker.matching.settings import SETTINGS, Settings

__all__ = ["SETTINGS", "Settings"]
