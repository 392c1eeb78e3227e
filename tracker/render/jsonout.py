"""The JSON objects printed by ``--json`` (schemas in docs/json.md)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.fields import appearance_values

if TYPE_CHECKING:  # annotations only: ``lexicon show --json`` needs no database modules
    from tracker.calibrate import Calibration
    from tracker.calibrate import Row as CalibrationRow
    from tracker.claims import AddResult
    from tracker.contradictions.types import Opposition, Signal
    from tracker.credibility import Assessed, Assessment, OutletScore, Summary
    from tracker.extract.candidate import Candidate
    from tracker.judgement.report import Comparison, Item
    from tracker.models import Appearance, Claim, NameAlias, Outlet, Relation, Verdict


def appearance_dict(a: Appearance) -> dict[str, Any]:
    return {
        "id": a.id,
        **appearance_values(a) | {"anonymous": bool(a.anonymous)},
        "hedges": list(a.hedges or []),
    }


def verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "rating": v.rating,
        "reviewer": v.reviewer,
        "evidence": v.evidence_url,
        "note": v.note,
        "date": v.date,
    }


def claim_dict(c: Claim, status: str | None = None) -> dict[str, Any]:
    current = c.verdict
    return {
        "id": c.id,
        "key": c.key,
        "text": c.text,
        "status": status or ("rated" if current else "unreviewed"),
        "event_date": c.event_date,
        "topics": list(c.topics or []),
        "verdict": verdict_dict(current) if current else None,
        "appearances": [appearance_dict(a) for a in c.appearances],
    }


def relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "id": r.id,
        "a": r.a_id,
        "b": r.b_id,
        "kind": r.kind,
        "origin": r.origin,
        "signals": list(r.signals or []),
        "score": r.score,
        "reasons": list(r.reasons or []),
        "state": r.state,
        "note": r.note,
    }


def outlet_dict(o: Outlet, aliases: list[str]) -> dict[str, Any]:
    return {
        "id": o.id,
        "name": o.name,
        "aliases": aliases,
        "kind": o.kind,
        "country": o.country,
        "url": o.url,
        "grade": o.grade,
        "notes": o.notes,
    }


def origin_dict(o) -> dict[str, Any]:
    """An independent origin (tracker.credibility.Origin) of ``claim show --json``."""
    return {
        "origin": o.key,
        "outlets": sorted(o.outlets),
        "grade": o.grade,
        "graded_speaker": o.graded_speaker,
    }


def outlet_show_dict(o: Outlet, aliases: list[str], record: dict[str, int]) -> dict[str, Any]:
    """``outlet show --json``: the outlet object and its track record."""
    return {**outlet_dict(o, aliases), "record": record}


def alias_dict(a: NameAlias) -> dict[str, Any]:
    """One name alias of ``alias list --json``."""
    return {"name": a.name, "variant": a.variant}


def opposition_dict(o: Opposition) -> dict[str, Any]:
    """One opposition of ``lexicon show --json``."""
    return {"name": o.name, "a": list(o.a), "b": list(o.b)}


def synonyms_dict(vocabulary) -> dict[str, Any]:
    """``synonyms show --json``: the classes in force and the irregular forms."""
    return {"classes": {k: list(v) for k, v in vocabulary.classes.items()}, "forms": dict(vocabulary.forms)}


def claim_add_dict(result: AddResult, closest: list | None = None) -> dict[str, Any]:
    """``claim add --json``: whether a claim was created, the claim, the relations found,
    and the closest other stored claims (as ``claim similar`` gives them)."""
    return {
        "created": result.created,
        "claim": claim_dict(result.claim),
        "relations": [relation_dict(r) for r in result.relations],
        "closest": [similar_item_dict(c, s) for c, s in closest or []],
    }


def claim_show_dict(claim: Claim, status: str, rels: list[Relation], assessed: Assessment) -> dict[str, Any]:
    """``claim show --json``: the claim object, its origins, credibility, relations and
    verdict history."""
    return {
        **claim_dict(claim, status),
        "origins": [origin_dict(o) for o in assessed.origins],
        "credibility": {
            "grade": assessed.grade,
            "reasons": list(assessed.reasons),
            "unverified": list(assessed.unverified),
        },
        "relations": [relation_dict(r) for r in rels],
        "verdicts": [verdict_dict(v) for v in claim.verdicts],
    }


def search_hit_dict(c: Claim, score: float) -> dict[str, Any]:
    """One hit of ``claim search --json``: the claim object and its score."""
    return {**claim_dict(c), "score": score}


def similar_dict(claim: Claim | None, text: str, found: list) -> dict[str, Any]:
    """``claim similar --json``: the claim (or text) asked about and its closest claims,
    each with its score, what the pipeline makes of the pair and why."""
    return {
        "claim": claim_dict(claim) if claim is not None else None,
        "text": text,
        "similar": [similar_item_dict(c, s) for c, s in found],
    }


def similar_item_dict(c: Claim, s) -> dict[str, Any]:
    """One line of ``claim similar``: the claim, its score, the judgement and why."""
    return {
        "claim": claim_dict(c),
        "score": s.score,
        "judgement": s.verdict,
        "reasons": list(s.judgement.reasons) or [f"similarity {s.score:.0f}"],
    }


def import_report_dict(report, rejects_path: Path | None) -> dict[str, Any]:
    """``import --json``: the import report's counts, in its field order, and where the
    left-out lines were written (null when none were)."""
    return {**asdict(report), "rejects_file": str(rejects_path) if rejects_path else None}


def candidate_dict(c: Candidate) -> dict[str, Any]:
    """One candidate claim of ``ingest --json``."""
    return {
        "sentence": c.sentence,
        "text": c.text,
        "speaker": c.speaker,
        "anonymous": c.anonymous,
        "hedges": list(c.hedges),
        "via": c.via,
        "verb": c.verb,
        "stance": c.stance,
    }


def unverified_dict(claim: Claim, item: Assessed) -> dict[str, Any]:
    """One claim of ``report unverified --json``: the claim object, why it is unverified,
    its credibility grade and explanation, and how many outlets carry it."""
    return {
        **claim_dict(claim),
        "reasons": list(item.assessment.unverified),
        "credibility": item.assessment.grade,
        "explanation": list(item.assessment.reasons),
        "spread": item.spread,
    }


def outlet_score_dict(o: OutletScore) -> dict[str, Any]:
    """One outlet of ``report outlets --json``: its record, accuracy and suggested grade."""
    return {
        "outlet": o.record.outlet,
        "grade": o.record.grade,
        "claims": o.record.carried,
        "with_verdict": o.record.with_verdict,
        "true": o.record.true,
        "false": o.record.false,
        "mixed": o.record.mixed,
        "contradicted": o.record.contradicted,
        "contradicted_share": round(o.contradicted_share, 4),
        "accuracy": round(o.mean, 4),
        "interval": [round(o.low, 4), round(o.high, 4)],
        "suggested_grade": o.suggested,
        "disagrees": o.disagrees,
    }


def summary_dict(result: Summary) -> dict[str, Any]:
    """``report summary --json``: the counts, the most-spread unverified claims and the
    outlets whose record disagrees with their grade."""
    return {
        "claims": result.claims,
        "by_status": result.by_status,
        "by_credibility": {str(k): v for k, v in result.by_credibility.items()},
        "open_contradictions": result.open_contradictions,
        "unverified": result.unverified_total,
        "top_unverified": [
            {
                "id": i.id,
                "key": i.key,
                "text": i.text,
                "spread": i.spread,
                "reasons": list(i.assessment.unverified),
            }
            for i in result.top_unverified
        ],
        "disagreeing_outlets": [
            {"outlet": o.record.outlet, "grade": o.record.grade, "suggested_grade": o.suggested}
            for o in result.disagreeing_outlets
        ],
    }


def contradiction_dict(it: Item) -> dict[str, Any]:
    """One pair of ``report contradictions --json``: both claims, the detectors' kinds and
    reasons, the score and its tier, the state, the topic and the relation id."""
    return {
        "a": claim_dict(it.a),
        "b": claim_dict(it.b),
        "kinds": it.kinds,
        "reasons": it.reasons,
        "score": it.score,
        "tier": it.tier,
        "state": it.state,
        "topic": it.topic,
        "relation": it.relation.id,
    }


def clusters_list(clusters: list[list[Claim]]) -> list[list[dict[str, Any]]]:
    """``dedupe --json``: each near-duplicate cluster as the list of its claim objects."""
    return [[claim_dict(c) for c in members] for members in clusters]


def signal_dict(sg: Signal) -> dict[str, Any]:
    """A contradiction signal of ``compare --json``."""
    return {"kind": sg.kind, "score": sg.score, "reasons": list(sg.reasons)}


def compare_dict(cmp: Comparison) -> dict[str, Any]:
    """``compare --json``: both claims, the facts read on each side, the similarity scores,
    whether they are plausibly related, the detectors' signals and the stored relations."""
    return {
        "a": claim_dict(cmp.a),
        "b": claim_dict(cmp.b),
        "facts_a": cmp.facts_a,
        "facts_b": cmp.facts_b,
        "scores": cmp.scores,
        "plausible": cmp.plausible,
        "signals": [signal_dict(sg) for sg in cmp.signals],
        "relations": [relation_dict(r) for r in cmp.relations],
    }


def calibration_dict(c: Calibration, written: str | None = None) -> dict[str, Any]:
    """``calibrate --json``: the figures at each content threshold, the target, the
    proposed threshold and whether it meets the target; ``written``: the settings file."""

    def row(r: CalibrationRow) -> dict[str, Any]:
        return {
            "content": r.content,
            "duplicates": {
                "precision": r.dup_precision,
                "recall": r.dup_recall,
                "found": r.dup_found,
                "right": r.dup_right,
                "true": r.dup_true,
            },
            "contradictions": {
                "precision": r.con_precision,
                "recall": r.con_recall,
                "flagged": r.con_flagged,
                "true": r.con_true,
                "hard_negatives_flagged": r.hard_negatives_flagged,
            },
        }

    return {
        "target": c.target,
        "thresholds": [row(r) for r in c.rows],
        "proposed": {"content": c.proposed.content, "meets_target": c.meets_target},
        "written": written,
    }
