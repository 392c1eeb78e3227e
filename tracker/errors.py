"""Errors a person can act on.

Core modules raise these; the CLI's single error boundary prints the message as one
sentence on stderr and exits 1. Nothing else in the core should reach the user as a
traceback.
"""


class TrackerError(Exception):
    """A user-facing error: the message says what went wrong and what to do."""


class NotFound(TrackerError):
    """A named claim, outlet, relation or event does not exist."""


class InvalidInput(TrackerError):
    """Input that the tool refuses: empty text, bad dates, unknown stance, bad files."""


class Conflict(TrackerError):
    """The change clashes with what is stored (duplicate names, merging a claim into itself)."""
