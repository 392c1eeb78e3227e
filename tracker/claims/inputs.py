"""What a claim and an appearance may hold: the checks on an input, and ``ClaimInput``.

Pure: every check raises ``InvalidInput`` with a sentence a person can act on (and the
name of the field at fault in its ``field`` attribute); nothing here touches the
database or prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from tracker import fields
from tracker.errors import InvalidInput
from tracker.models import MAX_TEXT, STANCES

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_text(text: str | None, what: str = "Claim text") -> str:
    if text is None or not text.strip():
        raise InvalidInput(f"{what} is empty; give the sentence to store.")
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"{what} is {len(text):,} characters long; the limit is {MAX_TEXT:,}: store one "
            "sentence per claim."
        )
    if "\x00" in text:
        raise InvalidInput(f"{what} contains a NUL character; remove it and try again.")
    return text


def check_date(value: str | None, what: str = "Date") -> str | None:
    """A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD), checked for being a real date."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if _real_date(value):
        return value
    raise InvalidInput(f"{what} '{value}' is not a valid date; use YYYY-MM-DD, YYYY-MM or YYYY.")


@lru_cache(maxsize=65536)
def _real_date(value: str) -> bool:
    # Cached: an import meets the same few thousand dates again and again.
    m = _DATE.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            date(y, mo, d)
            return True
        except ValueError:
            pass
    return False


def check_stance(value: str | None) -> str:
    if value is None or value == "":
        return "asserts"
    v = value.strip().lower()
    if v not in STANCES:
        raise InvalidInput(f"Stance '{value}' is not one of {', '.join(STANCES)}.")
    return v


def _at(name: str, exc: InvalidInput) -> InvalidInput:
    exc.field = name
    return exc


def _field(name: str, check: Callable[..., Any], *args: Any) -> Any:
    """``check(*args)``, its InvalidInput marked with the field name."""
    try:
        return check(*args)
    except InvalidInput as exc:
        raise _at(name, exc) from None


@dataclass(frozen=True)
class ClaimInput:
    """What a person (or an import line) says about one appearance of a claim."""

    text: str
    outlet: str
    published: str | None = None
    url: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    anonymous: bool = False
    speaker_count: int | None = None
    via: str | None = None
    quote: str | None = None
    stance: str = "asserts"
    topics: tuple[str, ...] = ()
    event_date: str | None = None
    key: str | None = None
    hedges: tuple[str, ...] | None = None

    def checked(self) -> ClaimInput:
        """A copy with every field validated and tidied; raises InvalidInput, with the
        name of the field at fault in its ``field`` attribute."""
        if not self.outlet or not self.outlet.strip():
            raise _at("outlet", InvalidInput("An outlet is required: say which outlet carried the claim."))
        if self.speaker_count is not None and self.speaker_count < 1:
            raise _at("speaker_count", InvalidInput("Speaker count must be a positive number."))
        topics = tuple(dict.fromkeys(t.strip().lower() for t in self.topics if t and t.strip()))
        tidy = dict(
            text=_field("text", check_text, self.text),
            outlet=self.outlet.strip(),
            published=_field("published", check_date, self.published, "Published date"),
            event_date=_field("event_date", check_date, self.event_date, "Event date"),
            stance=_field("stance", check_stance, self.stance),
            via=(self.via or "").strip() or None,
            speaker=(self.speaker or "").strip() or None,
            key=(self.key or "").strip() or None,
            topics=topics,
        )
        mine = vars(self)
        if all(mine[name] == value for name, value in tidy.items()):
            return self  # already tidy (an import line usually is): no copy to make
        # dataclasses.replace, without its field introspection (an import calls this per line)
        return ClaimInput(**mine | tidy)


def appearance_columns(data: ClaimInput) -> dict[str, Any]:
    """The appearance columns kept as given (``fields.APPEARANCE_COLUMNS``): what every
    writer of appearance rows, one at a time or in bulk, copies from a claim line."""
    columns = {name: getattr(data, name) for name in fields.APPEARANCE_COLUMNS}
    columns["anonymous"] = bool(data.anonymous)
    return columns
