"""The user's settings file: thresholds that override the built-in ones.

A TOML file in the platform's config folder (``settings.toml`` beside the user's
lexicon; ``TRACKER_SETTINGS`` names another), with one table::

    [matching]
    suggest = 75
    content = 50

Every name of ``tracker.matching.settings.Settings`` may be set (docs/matching.md lists
them). The command line applies the file before each command (``apply_file``); a file
that does not exist changes nothing, a file that is not valid is refused with one
sentence naming the file and the setting. ``write`` records values in the file, keeping
the others. No database, no printing.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

from tracker.errors import InvalidInput

TABLE = "matching"


def settings_path() -> Path:
    """Where the user's settings file lives (it need not exist)."""
    named = os.environ.get("TRACKER_SETTINGS")
    if named:
        return Path(named)
    import platformdirs

    return platformdirs.user_config_path("tracker", appauthor=False) / "settings.toml"


def _bad(path: Path, message: str) -> InvalidInput:
    return InvalidInput(f"The settings file {path} is not valid: {message}; fix it or move it away.")


def read_toml(path: Path, bad: Callable[[Path, str], InvalidInput]) -> dict | None:
    """A user's TOML file as a table, None when it does not exist; a file that cannot be
    read or parsed raises ``bad(path, why)``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise bad(path, f"it cannot be read ({exc})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise bad(path, f"TOML error: {exc}") from None


def read(path: Path | None = None) -> dict[str, float | int]:
    """The checked settings of the file (empty when there is no file)."""
    from tracker.matching.settings import checked

    path = path or settings_path()
    table = read_toml(path, _bad)
    if table is None:
        return {}
    extra = set(table) - {TABLE}
    if extra:
        raise _bad(path, f"unknown table {sorted(extra)[0]!r} (expected [{TABLE}])")
    values = table.get(TABLE, {})
    if not isinstance(values, dict):
        raise _bad(path, f"{TABLE} must be a table")
    try:
        return checked(values)
    except ValueError as exc:
        raise _bad(path, str(exc)) from None


def apply_file() -> None:
    """Put the built-in settings with the user's file over them in force (the built-in
    ones alone when there is no file)."""
    from dataclasses import asdict

    from tracker.matching.settings import DEFAULTS, apply

    apply({**asdict(DEFAULTS), **read()})


def write(values: Mapping[str, float | int], path: Path | None = None) -> Path:
    """Record ``values`` in the settings file (created if need be), keeping the settings
    it already holds; returns its path. The file is replaced whole, never half-written."""
    from tracker.matching.settings import checked

    path = path or settings_path()
    merged = {**read(path), **checked(values)}
    lines = [f"[{TABLE}]"] + [f"{name} = {_toml_number(v)}" for name, v in sorted(merged.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    part.replace(path)
    return path


def _toml_number(value: float | int) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))
