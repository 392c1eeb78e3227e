"""The one judgement pipeline: what the stored claims say about a new or changed claim.

Every way a claim arrives (``claim add``, ``import``, ``ingest``) and every re-check
(``claim edit``, ``merge``, ``undo``) or whole-database pass (``dedupe``, the
contradiction scan of ``report contradictions``) runs the same two steps:

1. the candidate rule (``tracker.matching.pool``) picks the claim's *pool*: the stored
   claims it is judged against;
2. the judgement (``pair``) judges it against each pool member: the duplicate judgement
   ("same", "suggest", or kept apart by other facts) and every contradiction detector.

An input joins the claim it is the same as (an exact repeat, else the best member judged
"same"), or becomes a new claim with its suggested duplicates and contradictions.
``single`` runs this for one claim against the database, ``replay`` for the lines of an
import in file order (each line judged against the stored claims and the lines placed
before it, exactly as adding them one by one would), ``whole`` for every stored claim
against the claims older than it. Read-only: the claim workflow and the bulk writer
store what is decided.
"""
