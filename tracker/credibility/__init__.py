"""Credibility: information credibility 1-6 of claims, independent origins, unverified
claims, and outlet track records; docs/credibility.md explains the rules to the people
who read the grades.

The pure rules (plain facts in, grades and reasons out; no database, no printing, no
typer, rich or SQLAlchemy):

- ``facts``         the scales (Admiralty A-F, credibility 1-6), verdict families,
                    unverified codes, and the dataclasses the rules read and return
- ``names``         comparison keys of outlet and actor names, grade letters, outlet kinds
- ``independence``  which appearances are one origin (reposts, ``via`` chains), and each
                    origin's source grade
- ``interest``      when a claim rests only on interested parties (vocabulary in
                    ``tracker/data/interested_parties.toml``)
- ``grading``       the information-credibility grade and its reasons
- ``verification``  why a claim is listed as unverified
- ``assessment``    :func:`assess`: grade, reasons, unverified codes and origins at once
- ``beta``          the Beta distribution behind outlet scores (no scipy)
- ``track_record``  the grade an outlet's record suggests, and when it disagrees

The database side (takes a Session, never writes, never prints):

- ``reading``       the facts of stored claims, read in id-range batches
- ``assessing``     :func:`assess_all` / :func:`assess_one`: both grading passes
- ``reports``       :func:`unverified` and :func:`summary`, in forked workers when large
                    (``reports.PARALLEL_FROM``)
- ``scores``        :func:`outlet_scores`, every outlet's track record

This module only re-exports; it must not import typer, rich, ``tracker.cli`` or
``tracker.render``.
"""

from __future__ import annotations

from tracker.credibility.assessing import Assessed, assess_all, assess_one
from tracker.credibility.assessment import assess
from tracker.credibility.beta import beta_quantile, beta_score, regularized_beta
from tracker.credibility.facts import (
    ADMIRALTY_GRADES,
    CREDIBILITY_LABELS,
    FALSE_VERDICTS,
    TRUE_VERDICTS,
    UNVERIFIED_CODES,
    AppearanceFacts,
    Assessment,
    ClaimFacts,
    Origin,
    OutletRecord,
)
from tracker.credibility.grading import PRECEDENCE, credibility_explained, information_credibility
from tracker.credibility.independence import origins
from tracker.credibility.interest import is_interested_party
from tracker.credibility.names import name_key
from tracker.credibility.reports import STATUSES, Summary, summary, unverified
from tracker.credibility.scores import OutletScore, outlet_scores
from tracker.credibility.track_record import record_disagrees, record_score, suggested_grade
from tracker.credibility.verification import is_unverified, unverified_reasons

__all__ = [
    "ADMIRALTY_GRADES",
    "CREDIBILITY_LABELS",
    "FALSE_VERDICTS",
    "PRECEDENCE",
    "STATUSES",
    "TRUE_VERDICTS",
    "UNVERIFIED_CODES",
    "AppearanceFacts",
    "Assessed",
    "Assessment",
    "ClaimFacts",
    "Origin",
    "OutletRecord",
    "OutletScore",
    "Summary",
    "assess",
    "assess_all",
    "assess_one",
    "beta_quantile",
    "beta_score",
    "credibility_explained",
    "information_credibility",
    "is_interested_party",
    "is_unverified",
    "name_key",
    "origins",
    "outlet_scores",
    "record_disagrees",
    "record_score",
    "regularized_beta",
    "suggested_grade",
    "summary",
    "unverified",
    "unverified_reasons",
]
