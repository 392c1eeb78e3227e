"""The change log.

Every change the core makes goes through ``record``; the payload holds enough to
inspect the change and, for merges, links and dismissals, to undo it. Undo itself lives
in ``tracker.claims``, which knows how to reverse each action.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.orm import Session

from tracker.models import Event


def actor() -> str:
    """Who is making the change: ``$TRACKER_USER``, else the operating-system user."""
    name = os.environ.get("TRACKER_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database in some containers
        return "unknown"


def record(session: Session, action: str, claim_id: int | None = None, **payload: Any) -> Event:
    """Log a change, written at once (the caller may need the event's id)."""
    event = pending(session, action, claim_id, **payload)
    session.flush()
    return event


def pending(session: Session, action: str, claim_id: int | None = None, **payload: Any) -> Event:
    """Log a change, written with the session's next flush (bulk changes)."""
    event = Event(actor=actor(), action=action, claim_id=claim_id, payload=payload)
    session.add(event)
    return event
