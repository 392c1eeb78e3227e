"""tracker: a claim-and-source credibility tracker for fact-checkers.

The package is layered: ``tracker.cli`` (typer commands) calls the core modules
(claims, outlets, matching, judgement, contradictions, credibility, exchange, extract), which
work on a SQLAlchemy session and never print; ``tracker.render`` turns results into rich
output or JSON. Nothing here imports heavy modules at import time.
"""

__version__ = "0.1.0"
