"""ClaimReview JSON-LD: a verdict on a claim as schema.org markup for fact checks.

Pure functions on the claim and verdict objects of docs/json.md; no database
(docs/formats.md, ClaimReview).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from tracker.errors import InvalidInput

# The tracker's ratings on ClaimReview's numeric scale (worstRating 1 = false, bestRating 5 =
# true). "unproven" is not a point on that scale: its Rating carries alternateName only.
RATING_VALUES = {"false": 1, "mostly-false": 2, "mixed": 3, "mostly-true": 4, "true": 5}
RATING_LABELS = {
    "true": "True",
    "mostly-true": "Mostly true",
    "mixed": "Mixed",
    "mostly-false": "Mostly false",
    "false": "False",
    "unproven": "Unproven",
}
SCHEMA_CONTEXT = "https://schema.org"


def _prune(value: Any) -> Any:
    """Drop None, empty strings, empty lists and empty objects, at every depth."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [_prune(v) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    return value


def _in_order(appearances: list[dict]) -> list[dict]:
    """Earliest published first; undated appearances last, in their given order. Partial
    ISO dates sort correctly as text."""
    indexed = list(enumerate(appearances))
    indexed.sort(key=lambda p: (not p[1].get("published"), p[1].get("published") or "", p[0]))
    return [a for _, a in indexed]


def _creative_work(appearance: dict) -> dict:
    return {
        "@type": "CreativeWork",
        "url": appearance.get("url"),
        "datePublished": appearance.get("published"),
        "publisher": {"@type": "Organization", "name": appearance.get("outlet")}
        if appearance.get("outlet")
        else None,
    }


def _claim_author(appearance: dict, organisations: set[str]) -> dict | None:
    """A named, on-the-record speaker is a Person, or an Organization when the name is also
    an outlet's (an armed group speaking on its own channel). Anonymous sources and
    several people are no one to name: the outlet carrying the claim stands as its author."""
    speaker = (appearance.get("speaker") or "").strip()
    count = appearance.get("speaker_count")
    if speaker and not appearance.get("anonymous") and (count is None or count == 1):
        if speaker.casefold() in organisations:
            return {"@type": "Organization", "name": speaker}
        return {"@type": "Person", "name": speaker, "jobTitle": appearance.get("speaker_role")}
    if appearance.get("outlet"):
        return {"@type": "Organization", "name": appearance["outlet"]}
    return None


def claimreview(
    claim: dict,
    verdict: dict,
    *,
    organisation: str,
    url_base: str | None = None,
    include_reviewer: bool = False,
) -> dict:
    """One schema.org ClaimReview for ``claim`` (the claim object of docs/json.md) judged by
    ``verdict`` (a verdict object). ``organisation`` is the fact-checking organisation, the
    review's author. The review's url is the verdict's evidence URL, else
    ``{url_base}/claims/{key or id}``. The reviewer is written as the review's "creator"
    (a Person) only with ``include_reviewer``: by default it is the analyst's login name,
    not a byline meant for publication. Null and empty values are left out."""
    if not (organisation or "").strip():
        raise InvalidInput("a ClaimReview needs the name of the organisation publishing the fact check.")
    rating = verdict.get("rating")
    if rating not in RATING_LABELS:
        raise InvalidInput(f"Rating '{rating}' is not one of {', '.join(RATING_LABELS)}.")
    url = verdict.get("evidence")
    ref = claim.get("key") or claim.get("id")
    if not url and url_base and ref is not None:
        url = f"{url_base.rstrip('/')}/claims/{quote(str(ref), safe='')}"
    numeric = rating in RATING_VALUES
    appearances = _in_order(list(claim.get("appearances") or []))
    # A denial quotes the claim without making it: the claim's author and first appearance
    # come from the earliest appearance that asserts or reports it, if there is one.
    source = next((a for a in appearances if a.get("stance") != "denies"), None)
    source = source or (appearances[0] if appearances else None)
    organisations = {
        str(a.get(f)).strip().casefold() for a in appearances for f in ("outlet", "via") if a.get(f)
    }
    item = {
        "@type": "Claim",
        "author": _claim_author(source, organisations) if source else None,
        "datePublished": source.get("published") if source else None,
        "appearance": [_creative_work(a) for a in appearances],
        "firstAppearance": _creative_work(source) if source else None,
    }
    review = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.get("text"),
        "datePublished": verdict.get("date"),
        "author": {"@type": "Organization", "name": organisation.strip()},
        "creator": {"@type": "Person", "name": verdict.get("reviewer")}
        if include_reviewer and verdict.get("reviewer")
        else None,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES.get(rating),
            "bestRating": 5 if numeric else None,
            "worstRating": 1 if numeric else None,
            "alternateName": RATING_LABELS[rating],
            "ratingExplanation": verdict.get("note"),
        },
        "itemReviewed": item,
    }
    return _prune(review)


def claimreview_document(items: list[dict]) -> list[dict]:
    """The JSON array of ClaimReview objects written by ``export --format claimreview``,
    in the given order. A top-level JSON-LD array has no shared context, so each object
    keeps (or is given) its own "@context"."""
    document: list[dict] = []
    for item in items:
        if item.get("@type") != "ClaimReview":
            raise ValueError(f"not a ClaimReview object: @type is {item.get('@type')!r}.")
        document.append({"@context": SCHEMA_CONTEXT, **item})
    return document
