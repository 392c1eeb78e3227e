"""Summaries of imports and exports."""

from __future__ import annotations

from rich.text import Text

from tracker.render import data


def import_summary(name: str, report) -> Text:
    t = data(name, "bold")
    if not report.changed:
        t.append(f": nothing new ({report.lines} line(s) already stored).")
        return t
    t.append(
        f": {report.claims_added} new claim(s), {report.appearances_added} new appearance(s), "
        f"{report.outlets_added} new outlet(s), "
        + (f"{report.speakers_graded} speaker grade(s), " if report.speakers_graded else "")
        + f"{report.relations_added} relation(s), "
        f"{report.verdicts_added} verdict(s); {report.unchanged} line(s) already stored."
    )
    if report.suggestions:
        t.append(f"\n{report.suggestions} relation(s) suggested for review.", style="yellow")
    return t
