"""Rich views and JSON objects for the CLI. Used by tracker.cli only.

Every piece of text that comes from the database goes through ``inert`` and into a
``rich.text.Text``: it is never parsed as markup, and control characters (ANSI escapes
included) are shown as visible escapes instead of reaching the terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported when a view is made: ``import --json`` needs none of it
    from rich.console import Console
    from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(value: object) -> str:
    """``value`` as printable text: control characters become visible ``\\xNN`` escapes."""
    if value is None:
        return ""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def data(value: object, style: str = "") -> Text:
    """Database text as a rich Text: never markup, never terminal control codes."""
    from rich.text import Text

    return Text(inert(value), style=style)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)
