"""Report documents for credibility: unverified claims, outlet records, the summary."""

from __future__ import annotations

from tracker.credibility import CREDIBILITY_LABELS
from tracker.render.report import ReportDoc, Section

REASON_TEXT = {
    "single-origin": "single origin",
    "anonymous": "anonymous only",
    "hedged": "hedged",
    "interested-party": "interested party",
    "cannot-be-judged": "cannot be judged",
}


def _reasons(codes) -> str:
    return ", ".join(REASON_TEXT.get(c, c) for c in codes)


def unverified_doc(items, total: int) -> ReportDoc:
    sec = Section(
        "Unverified claims, most spread first",
        ["claim", "text", "outlets", "credibility", "why listed"],
        styles={"claim": "cyan"},
    )
    for it in items:
        g = it.assessment.grade
        sec.rows.append(
            [
                str(it.id),
                it.text,
                str(it.spread),
                f"{g} {CREDIBILITY_LABELS.get(g, '')}",
                _reasons(it.assessment.unverified),
            ]
        )
    sec.notes.append(f"{len(items)} of {total} unverified claim(s) shown.")
    return ReportDoc("Unverified claims", [sec])


def outlets_doc(scores) -> ReportDoc:
    sec = Section(
        "Outlet track records",
        [
            "outlet",
            "claims",
            "rated",
            "true",
            "false",
            "contradicted",
            "accuracy (90% interval)",
            "grade set",
            "record suggests",
        ],
    )
    for s in scores:
        r = s.record
        sec.rows.append(
            [
                r.outlet,
                str(r.carried),
                str(r.with_verdict),
                str(r.true),
                str(r.false),
                f"{s.contradicted_share:.0%}",
                f"{s.mean:.2f} ({s.low:.2f}–{s.high:.2f})",
                r.grade or "—",
                s.suggested + ("  ≠ set grade" if s.disagrees else ""),
            ]
        )
    sec.notes.append(
        "Accuracy is the Beta(1,1)-smoothed share of true among true and false verdicts "
        "(docs/credibility.md)."
    )
    return ReportDoc("Outlets", [sec])


def summary_doc(s) -> ReportDoc:
    counts = Section("Claims", ["measure", "count"])
    counts.rows.append(["claims", str(s.claims)])
    for status in ("unreviewed", "disputed", "rated"):
        counts.rows.append([f"status {status}", str(s.by_status.get(status, 0))])
    for g, n in s.by_credibility.items():
        counts.rows.append([f"credibility {g} {CREDIBILITY_LABELS.get(g, '')}", str(n)])
    counts.rows.append(["open contradictions", str(s.open_contradictions)])
    counts.rows.append(["unverified", str(s.unverified_total)])
    top = unverified_doc(s.top_unverified, s.unverified_total).sections[0]
    top.title = "Most-spread unverified claims"
    outlets = outlets_doc(s.disagreeing_outlets).sections[0]
    outlets.title = "Outlets whose record disagrees with their grade"
    outlets.notes = []
    return ReportDoc("Summary", [counts, top, outlets])
