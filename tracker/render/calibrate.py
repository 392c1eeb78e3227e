"""The terminal table of ``tracker calibrate``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

if TYPE_CHECKING:
    from tracker.calibrate import Calibration


def _fig(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def calibration_table(c: Calibration) -> Table:
    """One row per content threshold, the proposed one marked "<-": duplicate and
    contradiction precision (P) and recall (R), the pairs linked, the contradictions
    flagged, and the hard negatives flagged (neg)."""
    table = Table(
        title=f"Duplicates and contradictions at each content threshold (target precision {c.target:g})",
        title_justify="left",
    )
    for name in ("content", "dup P", "dup R", "linked", "con P", "con R", "flagged", "neg", ""):
        table.add_column(name, justify="right" if name else "left")
    for r in c.rows:
        mark = "<-" if r is c.proposed else ""
        table.add_row(
            f"{r.content:g}",
            _fig(r.dup_precision),
            _fig(r.dup_recall),
            f"{r.dup_found}",
            _fig(r.con_precision),
            _fig(r.con_recall),
            f"{r.con_flagged}",
            f"{r.hard_negatives_flagged}",
            mark,
        )
    return table


def proposal(c: Calibration, written: str | None) -> str:
    """The sentence under the table."""
    if c.meets_target:
        text = (
            f"Proposed: content = {c.proposed.content:g}, the lowest threshold with duplicate "
            f"precision of at least {c.target:g}."
        )
    else:
        text = (
            f"No threshold reaches duplicate precision {c.target:g}; the most precise is "
            f"content = {c.proposed.content:g}."
        )
    if written:
        return text + f" Written to {written}."
    if not c.meets_target:
        return text + " Nothing is written."
    return text + " Run again with --write to record it in the settings file."
