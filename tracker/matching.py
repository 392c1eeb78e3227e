"""Near-duplicate matching (SPEC §4): the candidate index and rapidfuzz ranking.

Owns the matching form of a claim (``Claim.norm``, the folded text) and its postings
(the ``claim_tokens`` table on PostgreSQL, the FTS5 table ``claim_postings`` on SQLite);
every SQL query for candidates lives here. A new text never meets all
stored claims: its rarest content tokens pick at most ``SETTINGS.candidates`` claims from
the posting table (and, on PostgreSQL, from the ``pg_trgm`` index), and rapidfuzz ranks
those. Whether a close pair is the same claim or a contradiction candidate is decided by
``judge``: equal words with different numbers or opposite polarity are never duplicates.
Thresholds live in ``SETTINGS`` and are documented in docs/matching.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import delete, select, text

from tracker.models import POSTINGS_FTS, Claim, ClaimToken, NameAlias

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Settings:
    """Every matching threshold, in one place (docs/matching.md)."""

    merge: float = 90.0
    """At or above: the same claim; ``claim add`` offers to record a new appearance."""
    suggest: float = 75.0
    """From here up to ``merge``: a new claim with a suggested duplicate relation."""
    contradiction: float = 70.0
    """Pairs this close whose numbers or polarity differ are contradiction candidates."""
    candidates: int = 300
    """At most this many claims from the index are ranked by rapidfuzz."""
    posting_cap: int = 2000
    """A token carried by more claims than this is too common to narrow the search."""
    query_tokens: int = 6
    """A text's postings are read for its this-many rarest tokens only."""
    max_tokens: int = 64
    """Longest token stored in the posting table."""
    bucket_cap: int = 100
    """Blocking (dedupe, import, report): a key shared by more claims forms no block."""
    block_tokens: int = 4
    """Blocking: each claim is keyed by every pair of its this-many rarest tokens."""
    trigram_limit: int = 50
    """PostgreSQL: extra candidates from pg_trgm similarity, for misspellings."""
    all_pairs_below: int = 500
    """Blocking: fewer texts than this are simply compared pair by pair."""
    min_share: float = 0.35
    """Duplicate search: a candidate must share at least this share of the text's own
    token weight (rare tokens weigh more); near-duplicates share far more."""


SETTINGS = Settings()


# ---------------------------------------------------------------- matching form


def alias_map(session_or_conn):
    """Analyst name aliases, compiled once ({normalised variant: normalised name}), or
    None when there are none."""
    from tracker.normalize import compile_aliases, normalize

    rows = session_or_conn.execute(select(NameAlias.variant_norm, NameAlias.name)).all()
    return compile_aliases({variant: normalize(name) for variant, name in rows}) if rows else None


def tokens_of(norm: str) -> list[str]:
    """The distinct content tokens of a folded text, as stored in the posting table."""
    skip = _skip_tokens()
    out = [t for t in dict.fromkeys(norm.split()) if t not in skip]
    if not norm.isascii():
        out = [t for t in out if len(t) > 1 or t.isdigit()]
    if out and max(map(len, out)) > SETTINGS.max_tokens:
        out = list(dict.fromkeys(t[: SETTINGS.max_tokens] for t in out))
    return out


@lru_cache(maxsize=1)
def _skip_tokens() -> frozenset[str]:
    """Stopwords and single ASCII letters: never posted, never a blocking key."""
    import string

    from tracker.normalize import STOPWORDS

    return frozenset(STOPWORDS) | frozenset(string.printable) - frozenset(string.digits)


def fold_text(text_: str, aliases=None) -> str:
    """The matching form stored in ``claims.norm`` (every uncommon word keyed)."""
    from tracker.normalize import fold

    return fold(text_, aliases or None, key_all=True)


def index_claim(session: Session, claim: Claim, aliases: dict[str, str] | None = None) -> None:
    """Set the claim's matching form and its postings (after the claim has an id)."""
    claim.norm = fold_text(claim.text, aliases)
    conn = session.connection()
    unpost(conn, [claim.id])
    post(conn, [(claim.id, claim.norm)])


def reindex_all(conn: Connection, batch_size: int = 5000) -> int:
    """Recompute every claim's matching form and postings (migrations, alias changes)."""
    aliases = alias_map(conn)
    unpost_all(conn)
    last = 0
    done = 0
    while True:
        rows = conn.execute(
            select(Claim.id, Claim.text).where(Claim.id > last).order_by(Claim.id).limit(batch_size)
        ).all()
        if not rows:
            return done
        folded = [(cid, fold_text(t, aliases)) for cid, t in rows]
        conn.execute(
            text("UPDATE claims SET norm = :norm WHERE id = :id"),
            [{"norm": n, "id": cid} for cid, n in folded],
        )
        post(conn, folded)
        last = rows[-1][0]
        done += len(rows)


# ---------------------------------------------------------------- postings
#
# Which claims hold a token. PostgreSQL keeps one row per (token, claim) in the
# claim_tokens table. SQLite keeps them in the FTS5 table claim_postings (rowid = claim
# id, one column with the claim's posted tokens, space-separated): FTS5 builds its
# inverted index in C, and a bulk import writes it more than ten times faster than a
# B-tree of a row per posting (docs/performance.md). Its "ascii" tokenizer splits on
# ASCII spaces and punctuation only, and the posted tokens hold none ("." is declared a
# token character for decimals), so each token is stored and looked up exactly as given.


def _fts(conn: Connection | Session) -> bool:
    bind = conn.get_bind() if hasattr(conn, "get_bind") else conn
    return bind.dialect.name == "sqlite"


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def posted_form(norm: str) -> str:
    """The tokens of a folded text that are posted, space-separated."""
    return " ".join(tokens_of(norm))


def post(conn: Connection, rows: Sequence[tuple[int, str]], *, posted: bool = False) -> None:
    """Write the postings of new claims: rows of (claim id, folded text), or of (claim id,
    ``posted_form``) with ``posted=True``."""
    from tracker.db import insert_tuples

    forms = rows if posted else [(cid, posted_form(norm)) for cid, norm in rows]
    if _fts(conn):
        insert_tuples(conn, POSTINGS_FTS, ("rowid", "tokens"), [r for r in forms if r[1]])
        return
    postings = [(t, cid) for cid, form in forms for t in form.split()]
    insert_tuples(conn, ClaimToken.__table__.name, ("token", "claim_id"), postings)


def unpost(conn: Connection, claim_ids: Iterable[int]) -> None:
    """Remove the postings of these claims (merged away, deleted, or about to be re-posted)."""
    ids = list(claim_ids)
    if not ids:
        return
    if _fts(conn):
        conn.execute(text(f"DELETE FROM {POSTINGS_FTS} WHERE rowid = :id"), [{"id": i} for i in ids])
    else:
        conn.execute(delete(ClaimToken).where(ClaimToken.claim_id.in_(ids)))


def unpost_all(conn: Connection) -> None:
    if _fts(conn):
        conn.execute(text(f"DELETE FROM {POSTINGS_FTS}"))
    else:
        conn.execute(delete(ClaimToken))


def posting_count(conn: Connection | Session, token: str, cap: int) -> int:
    """How many claims hold ``token``, counted up to ``cap`` (a common token costs an index
    walk, not a transfer)."""
    if _fts(conn):
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {POSTINGS_FTS} WHERE {POSTINGS_FTS} MATCH :t LIMIT :n)"
        return conn.execute(text(sql), {"t": _fts_phrase(token), "n": cap}).scalar()
    sql = "SELECT count(*) FROM (SELECT 1 FROM claim_tokens WHERE token = :t LIMIT :n) AS t"
    return conn.execute(text(sql), {"t": token, "n": cap}).scalar()


class StoredPostings(NamedTuple):
    """Postings read back for a whole-database pass: ``forms`` the ``posted_form`` of each
    claim asked for ("" for a claim with none); ``counts`` how many of them hold each
    token, when the postings hold those claims and no others (else None)."""

    forms: list[str]
    counts: dict[str, int] | None


def stored_postings(conn: Connection | Session, ids: Sequence[int]) -> StoredPostings | None:
    """The postings of the claims ``ids``, read back instead of computed again; None on
    PostgreSQL, where the postings are a row per token and computing the forms costs
    less than reading them. The token counts come from FTS5's own vocabulary (in C)."""
    if not _fts(conn):
        return None
    rows = conn.execute(text(f"SELECT rowid, tokens FROM {POSTINGS_FTS}"))
    stored = {cid: tokens for cid, tokens in rows}
    forms = [stored.get(cid, "") for cid in ids]
    if sum(1 for f in forms if f) != len(stored):
        return StoredPostings(forms, None)  # postings of other claims too: count here
    vocab = f"{POSTINGS_FTS}_vocab"
    conn.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} USING fts5vocab(main, {POSTINGS_FTS}, row)")
    )
    counts = {term: n for term, n in conn.execute(text(f"SELECT term, doc FROM temp.{vocab}"))}
    return StoredPostings(forms, counts)


def posted_claims(conn: Connection | Session, token: str) -> list[int]:
    """Ids of the claims that hold ``token``."""
    if _fts(conn):
        sql = f"SELECT rowid FROM {POSTINGS_FTS} WHERE {POSTINGS_FTS} MATCH :t"
        return list(conn.execute(text(sql), {"t": _fts_phrase(token)}).scalars())
    return list(conn.execute(select(ClaimToken.claim_id).where(ClaimToken.token == token)).scalars())


# ---------------------------------------------------------------- scoring


def score(a_norm: str, b_norm: str, sort: float | None = None) -> float:
    """Similarity of two folded texts, 0–100: word order and a few extra words matter
    less than the words themselves. ``sort``: the token-sort ratio, if already known."""
    from rapidfuzz import fuzz

    if sort is None:
        sort = fuzz.token_sort_ratio(a_norm, b_norm, processor=None)
    return _combined(sort, fuzz.token_set_ratio(a_norm, b_norm, processor=None))


def _combined(sort: float, tset: float) -> float:
    """``score`` from the token-sort and token-set ratios."""
    return round(0.5 * sort + 0.5 * tset, 1)


# A denial that ``features().negated`` does not see: "rejected claims that", "dismissed as
# false reports that". Near-identical texts of which one carries it are never duplicates.
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
    r"|disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|false(?:ly)?|untrue|baseless|fabricated)\b",
    re.IGNORECASE,
)


def polarity_marks(text_: str) -> int:
    """How many negations and denials a text carries ("did not", "no", "rejected claims
    that"): two near-identical texts whose counts differ say opposite things, even when
    both hold a negation somewhere else."""
    from tracker.normalize import NEGATIONS, normalize

    toks = normalize(text_).split()
    return sum(t in NEGATIONS for t in toks) + len(_DENIAL.findall(text_)) + text_.count("n't")


_polarity_marks = lru_cache(maxsize=262_144)(polarity_marks)


class TextFacts(NamedTuple):
    """What ``judge`` reads of each text besides its matching form, when the caller has
    it already (an import works it out for every line in its workers): the numbers with
    what they count (``normalize.numbers``), ``polarity_marks`` and the lexicon sides
    (``detection.lexicon_sides``)."""

    numbers: tuple[tuple[float, str], ...]
    polarity: int
    sides: frozenset


def _facts_of(text_: str) -> TextFacts:
    from tracker.detection import lexicon_sides

    return TextFacts(_numbers_of(text_), _polarity_marks(text_), lexicon_sides(text_))


@dataclass(frozen=True)
class Judgement:
    kind: str  # "same" | "suggest" | "contradiction" | "unrelated"
    score: float
    reasons: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()


@lru_cache(maxsize=262_144)
def _numbers_of(text_: str) -> tuple[tuple[float, str], ...]:
    """The numbers of a text with what they count (aliases never change them)."""
    from tracker.normalize import numbers

    return numbers(text_)


def _values(numbers: tuple[tuple[float, str], ...]) -> Counter:
    return Counter(value for value, _ in numbers)


def judge(
    a_text: str,
    b_text: str,
    a_norm: str,
    b_norm: str,
    sim: float | None = None,
    sort: float | None = None,
    facts: tuple[TextFacts | None, TextFacts | None] | None = None,
) -> Judgement:
    """Classify a pair: the same claim, a suggested duplicate, a contradiction candidate
    (same words, different numbers or polarity), or unrelated. ``facts``: each text's
    ``TextFacts`` (or anything with those three attributes) when already known, None
    for a text whose facts are to be worked out here."""
    from tracker.detection import sides_opposed

    sim = score(a_norm, b_norm, sort) if sim is None else sim
    if sim < min(SETTINGS.suggest, SETTINGS.contradiction):
        return Judgement("unrelated", sim)
    fa, fb = facts if facts is not None else (None, None)
    fa = fa if fa is not None else _facts_of(a_text)
    fb = fb if fb is not None else _facts_of(b_text)
    na, nb = fa.numbers, fb.numbers
    reasons: list[str] = []
    signals: list[str] = []
    if _values(na) != _values(nb):
        left = ", ".join(_fmt(v, u) for v, u in na) or "no number"
        right = ", ".join(_fmt(v, u) for v, u in nb) or "no number"
        reasons.append(f"same words, different numbers: {left} vs {right}")
        signals.append("numeric")
    if fa.polarity != fb.polarity:
        reasons.append("same words, one of them negated or denied")
        signals.append("polarity")
    if sides_opposed(fa.sides, fb.sides):
        reasons.append("same words, opposing actions (lexicon)")
        signals.append("opposing-action")
    swapped_fact = None
    if not signals and sim >= SETTINGS.suggest:
        swapped = swapped_names(a_text, b_text, a_norm, b_norm)
        if swapped is not None:
            reasons.append(f"same words, different names: {swapped[0]} vs {swapped[1]}")
            signals.append("names")
        else:
            swapped_fact = swapped_facts(a_norm, b_norm)
            if swapped_fact is not None and swapped_fact[0] == "casualties":
                reasons.append(f"same words, different casualties: {swapped_fact[1]} vs {swapped_fact[2]}")
                signals.append("numeric")  # the casualty counts are the numeric detector's
    if signals:
        if sim >= SETTINGS.contradiction:
            return Judgement("contradiction", sim, tuple(reasons), tuple(signals))
        return Judgement("unrelated", sim)
    if swapped_fact is not None:
        # Another day, month, weapon or direction: perhaps one event misreported, perhaps
        # two events; never merged, always offered for review.
        kind, x, y = swapped_fact
        return Judgement("suggest", sim, (f"same words, different {kind}: {x} vs {y}",), ("duplicate",))
    if sim >= SETTINGS.merge:
        return Judgement("same", sim, (f"similarity {sim:.0f}",), ("duplicate",))
    if sim >= SETTINGS.suggest:
        return Judgement("suggest", sim, (f"similarity {sim:.0f}",), ("duplicate",))
    return Judgement("unrelated", sim)


# Words of a closed class, one value each: when each of two near-identical texts has a
# value of a class the other lacks, they report another fact ("on Monday" / "on Tuesday",
# "killing two" / "wounding two"). Keyed like the matching form holds them.
_FACT_WORDS: dict[str, tuple[str, ...]] = {
    "day": tuple("monday tuesday wednesday thursday friday saturday sunday".split()),
    "month": tuple(
        "january february march april may june july august september october november december".split()
    ),
    "casualties": (
        "killed killing kill kills dead died dies death deaths fatality fatalities=death "
        "wounded wounding wounds injured injuring injury injuries hurt=injury"
    ).split(),
    "weapon": (
        "drone drones=drone rocket rockets missile missiles katyusha katyushas=rocket mortar mortars=mortar"
    ).split(),
    "direction": "north northern=north south southern=south east eastern=east west western=west".split(),
}
# "may" and "march" are months only next to a number ("7 May", "May 2021").
_MONTH_IF_DATED = frozenset(("may", "march"))


@lru_cache(maxsize=1)
def _fact_table() -> dict[str, tuple[str, str]]:
    """{matching form of a word: (class, value)}."""
    from tracker.normalize import word_form

    table: dict[str, tuple[str, str]] = {}
    for kind, words in _FACT_WORDS.items():
        group: list[str] = []
        for item in words:
            word, _, value = item.partition("=")
            group.append(word)
            if value or kind in ("day", "month"):
                for w in group:
                    table[word_form(w)] = (kind, value or w)
                group = []
    return table


def _fact_values(norm: str) -> dict[str, set[str]]:
    table = _fact_table()
    toks = norm.split()
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        hit = table.get(t)
        if hit is None:
            continue
        if t in _MONTH_IF_DATED and not any(
            0 <= k < len(toks) and toks[k][0].isdigit() for k in (i - 1, i + 1)
        ):
            continue
        out.setdefault(hit[0], set()).add(hit[1])
    return out


def swapped_facts(a_norm: str, b_norm: str) -> tuple[str, str, str] | None:
    """(class, a's value, b's value) when each text has a day, month, kind of casualty,
    weapon or direction the other lacks; None otherwise (a value only one of them gives
    is more detail, not another fact)."""
    ta, tb = set(a_norm.split()), set(b_norm.split())
    if not (ta - tb) or not (tb - ta):
        return None
    va, vb = _fact_values(a_norm), _fact_values(b_norm)
    for kind in _FACT_WORDS:
        x, y = va.get(kind, set()), vb.get(kind, set())
        if x - y and y - x:
            return kind, ", ".join(sorted(x - y)), ", ".join(sorted(y - x))
    return None


@lru_cache(maxsize=262_144)
def _name_forms(text_: str) -> frozenset[str]:
    """The names of a text (``normalize.features``), in the form its matching form holds them."""
    from tracker.normalize import features

    return features(text_).names


NEAR_NAME = 80.0
"""Two names whose keys or written words are at least this alike (``fuzz.ratio``) are
taken for two spellings of one name that the transliteration key does not bring together
(a typo)."""


def swapped_names(a_text: str, b_text: str, a_norm: str, b_norm: str) -> tuple[str, str] | None:
    """The names one text has in place of the other's, as written in each ("kataib
    hezbollah", "asaib ahl haq"), or None. Near-identical sentences that name different
    people or groups (who gave the order, who carried out the attack) are two accounts,
    not one claim said twice. A name only one of them has, or a name written another way
    (``_near``), is no swap."""
    ta, tb = set(a_norm.split()), set(b_norm.split())
    only_a, only_b = ta - tb, tb - ta
    if not only_a or not only_b:
        return None
    na = _name_forms(a_text) & only_a
    nb = _name_forms(b_text) & only_b if na else frozenset()
    if not na or not nb:
        return None
    wa, wb = _written(a_text, na), _written(b_text, nb)
    left = [x for x in wa if not any(_near(x, y, wa[x], wb[y]) for y in wb)]
    right = [y for y in wb if not any(_near(x, y, wa[x], wb[y]) for x in wa)]
    if not left or not right:
        return None
    return " ".join(wa[x] for x in left), " ".join(wb[y] for y in right)


def _near(x: str, y: str, word_x: str, word_y: str) -> bool:
    """Two name forms (``x``, ``y``; written ``word_x``, ``word_y``) for one name: a
    country and its demonym, one the start of the other ("Shia" and "Shiite", "Kurd" and
    "Kurdish"), or a typo apart ("Hashim" and "Hasihm"; "Sadr" and "Badr" are not)."""
    from rapidfuzz import fuzz

    from tracker.contradictions import actor_key

    return (
        actor_key(x) == actor_key(y)
        or x.startswith(y)
        or y.startswith(x)
        or fuzz.ratio(x, y) >= NEAR_NAME
        or fuzz.ratio(word_x, word_y) >= NEAR_NAME
    )


def _written(text_: str, keys: set[str]) -> dict[str, str]:
    """{name form: the word of ``text_`` that has it}, in the text's order; a form no
    single word has (a phrase alias's canonical name) stands for itself, last."""
    from tracker.normalize import normalize, word_form

    out: dict[str, str] = {}
    for t in normalize(text_).split():
        form = word_form(t)
        if form in keys:
            out.setdefault(form, t)
    for k in sorted(keys - out.keys()):
        out[k] = k
    return out


def _fmt(value: float, unit: str) -> str:
    v = int(value) if float(value).is_integer() else value
    return f"{v} {unit}".strip()


# ---------------------------------------------------------------- candidates


@dataclass
class Found:
    claim_id: int
    judgement: Judgement


def find(session: Session, text_: str, *, exclude: Iterable[int] = (), limit: int = 10) -> list[Found]:
    """Stored claims that are the same as, close to, or contradicted by ``text_``."""
    return Matcher(session).find(text_, exclude=exclude, limit=limit)


# ---------------------------------------------------------------- dedupe


def blocked_pairs(
    norms: Sequence[str],
    floor: float,
    block_tokens: int | None = None,
    post: Callable[[int, int, float], Any] | None = None,
    min_score: float | None = None,
    forms: Sequence[tuple[str, str]] | None = None,
    posted: Sequence[str] | None = None,
    counts: dict[str, int] | None = None,
) -> Iterator[tuple[int, int, Any]]:
    """Index pairs (i < j) of ``norms`` whose token-sort similarity is at least ``floor``,
    found by blocking instead of comparing every pair.

    Each text is keyed by every pair of its ``block_tokens`` rarest tokens (document
    frequency over ``norms``, at least 2). Two near-duplicates share most rare tokens, so
    they share several keys, even when one rare word was misspelled or a number changed;
    unrelated texts rarely share two rare tokens, so the blocks stay small. A key shared
    by more than ``bucket_cap`` texts forms no block. Within a block rapidfuzz scores each
    member against the later ones in C. Each pair is yielded once, with its similarity,
    or with ``post(i, j, similarity)`` when that is given and not None (``post`` runs in
    the forked workers, so the expensive part of judging a pair is parallel too).
    ``min_score``: leave out pairs whose ``score`` is below it (rapidfuzz's ratios,
    before ``post``), since ``judge`` calls them unrelated anyway. ``forms``: each text's
    ``block_forms``, when the caller has them already; ``posted``: each text's
    ``posted_form`` (``stored_postings``), when only the sorted forms are to be made;
    ``counts``: how many texts hold each posted token, when known.
    """
    from rapidfuzz import fuzz, process

    if len(norms) <= SETTINGS.all_pairs_below:
        # Few texts: compare every pair (exact, and cheap at this size).
        for i in range(len(norms) - 1):
            for _, sim, off in process.extract(
                norms[i],
                norms[i + 1 :],
                scorer=fuzz.token_sort_ratio,
                processor=None,
                score_cutoff=floor,
                limit=None,
            ):
                j = i + 1 + off
                if min_score is None or score(norms[i], norms[j], sim) >= min_score:
                    yield from _posted([(i, j, sim)], post)
        return
    from tracker import parallel

    k = block_tokens or SETTINGS.block_tokens
    workers = parallel.workers(len(norms))
    if forms is None and posted is not None:
        forms = list(zip(posted, parallel.fork_map(sorted_form, norms, workers), strict=True))
    elif forms is None:
        forms = parallel.fork_map(block_forms, norms, workers)
    if workers > 1:
        found = _blocked_in_workers(norms, floor, k, post, min_score, workers, forms, counts)
        seen: set[tuple[int, int]] = set()
        for part in found:
            for i, j, out in part:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j, out
        return
    rank, ones, size = _ranks(forms, counts)
    blocks = _blocks((f[0].split() for f in forms), rank, ones, size, k)
    del rank
    yield from _posted(_score_blocks(norms, blocks, floor, min_score, [f[1] for f in forms]), post)


def _posted(
    found: Iterable[tuple[int, int, float]], post: Callable[[int, int, float], Any] | None
) -> Iterator[tuple[int, int, Any]]:
    """``found`` with each similarity replaced by ``post(i, j, similarity)``, leaving out
    the pairs for which that is None (``found`` as it is without ``post``)."""
    if post is None:
        yield from found
        return
    for i, j, sim in found:
        out = post(i, j, sim)
        if out is not None:
            yield i, j, out


def _ranks(
    forms: Sequence[tuple[str, str]], counts: dict[str, int] | None = None
) -> tuple[dict[str, int], int, int]:
    """Tokens of the texts' ``block_forms`` ranked by (document frequency, token): the k
    rarest tokens of a text seen at least twice are then its k smallest ranks from
    ``ones`` on (ties are broken by the token itself, so two wordings of one sentence pick
    the same ones). Returns the ranks, ``ones`` (how many tokens are seen once) and the
    vocabulary size. ``counts``: the document frequencies, when known."""
    from itertools import chain

    df = counts if counts is not None else Counter(chain.from_iterable(f[0].split() for f in forms))
    vocab = sorted(df.items(), key=lambda e: (e[1], e[0]))
    del df
    ones = sum(1 for _, c in vocab if c == 1)
    return {t: r for r, (t, _) in enumerate(vocab)}, ones, len(vocab)


def _blocks(
    toks: Iterable[Sequence[str]],
    rank: dict[str, int],
    ones: int,
    size: int,
    k: int,
    part: tuple[int, int] = (0, 1),
) -> list[list[int]]:
    """Blocks of text indexes: texts sharing a key (a pair of their ``k`` rarest tokens,
    packed in one int), at most ``bucket_cap`` of them. ``part`` (w, n): only the keys
    equal to w modulo n, so that n workers can share the keys out."""
    from bisect import bisect_left
    from itertools import combinations

    w, n = part
    # Most keys belong to one text only: a list is made for a key when a second text
    # has it (half the time of a list per key).
    first: dict[int, int] = {}
    shared: dict[int, list[int]] = {}
    claim = first.setdefault
    for i, ts in enumerate(toks):
        ids = sorted(map(rank.__getitem__, ts))
        start = bisect_left(ids, ones)
        for a, b in combinations(ids[start : start + k], 2):
            key = a * size + b
            if n > 1 and key % n != w:
                continue
            j = claim(key, i)
            if j != i:
                members = shared.get(key)
                if members is None:
                    shared[key] = [j, i]
                else:
                    members.append(i)
    del first
    cap = SETTINGS.bucket_cap
    return [m for m in shared.values() if len(m) <= cap]


def _blocked_in_workers(
    norms: Sequence[str],
    floor: float,
    k: int,
    post: Callable[[int, int, float], Any] | None,
    min_score: float | None,
    workers: int,
    forms: Sequence[tuple[str, str]],
    counts: dict[str, int] | None = None,
) -> list[list[tuple[int, int, Any]]]:
    """``blocked_pairs`` in forked workers: each worker takes every n-th key; it reads the
    keys of all texts, keeps its own, and scores and judges its blocks. A pair can come
    from two workers; the caller drops the repeat."""
    from tracker import parallel

    rank, ones, size = _ranks(forms, counts)
    srt = [f[1] for f in forms]

    def key_share(w: int) -> list[tuple[int, int, Any]]:
        blocks = _blocks((f[0].split() for f in forms), rank, ones, size, k, (w, workers))
        return list(_posted(_score_blocks(norms, blocks, floor, min_score, srt), post))

    return parallel.run(key_share, workers, workers)


def block_forms(norm: str) -> tuple[str, str]:
    """What blocking needs of a folded text: its ``posted_form`` and its ``sorted_form``."""
    return posted_form(norm), sorted_form(norm)


def sorted_form(norm: str) -> str:
    """The words of ``norm`` in sorted order: ``fuzz.ratio`` of two sorted forms is their
    token-sort ratio, without sorting them again for every comparison."""
    return " ".join(sorted(norm.split()))


def _score_blocks(
    norms, blocks, floor, min_score=None, sorted_forms=None
) -> Iterator[tuple[int, int, float]]:
    """Pairs within each block whose token-sort ratio is at least ``floor`` (and whose
    ``score`` is at least ``min_score``), each once, with that ratio."""
    from rapidfuzz import fuzz, process

    srt = sorted_forms if sorted_forms is not None else [sorted_form(n) for n in norms]
    ratio = fuzz.ratio
    seen: set[tuple[int, int]] = set()

    def enough(i: int, j: int, sort: float) -> bool:
        return min_score is None or score(norms[i], norms[j], sort) >= min_score

    for members in blocks:
        if len(members) == 2:
            i, j = members
            if (i, j) in seen:
                continue
            sim = ratio(srt[i], srt[j], score_cutoff=floor)
            seen.add((i, j))
            if sim and enough(i, j, sim):
                yield i, j, sim
            continue
        texts = [srt[i] for i in members]
        for x in range(len(members) - 1):
            close = process.extract(
                texts[x],
                texts[x + 1 :],
                scorer=ratio,
                processor=None,
                score_cutoff=floor,
                limit=None,
            )
            fresh: list[tuple[tuple[int, int], float, int]] = []
            for _, sim, off in close:
                i, j = members[x], members[x + 1 + off]
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    fresh.append((pair, sim, j))
            if min_score is None or len(fresh) < 2:
                for pair, sim, _ in fresh:
                    if enough(pair[0], pair[1], sim):
                        yield pair[0], pair[1], sim
                continue
            # The token-set ratios of this text with all its close partners in one call
            # (the ratio is symmetric; rapidfuzz prepares the text once).
            tset = {
                k: t
                for _, t, k in process.extract(
                    norms[members[x]],
                    [norms[j] for _, _, j in fresh],
                    scorer=fuzz.token_set_ratio,
                    processor=None,
                    limit=None,
                )
            }
            for k, (pair, sim, _) in enumerate(fresh):
                if _combined(sim, tset[k]) >= min_score:
                    yield pair[0], pair[1], sim


def sort_floor(score_floor: float) -> float:
    """The lowest token-sort similarity a pair can have and still reach ``score_floor`` on
    ``score`` (which averages token sort with token set, at most 100)."""
    return max(0.0, 2 * score_floor - 100)


def duplicate_pairs(
    rows: Sequence[tuple[int, str, str]], *, suggest_too: bool = True, stored: StoredPostings | None = None
) -> list[tuple[int, int, Judgement]]:
    """Near-duplicate pairs among ``rows`` of (id, text, folded text), by blocking
    (``blocked_pairs``; ``stored``: the rows' postings, if read back); only pairs near the
    suggestion threshold are judged in Python."""
    floor = sort_floor(SETTINGS.suggest if suggest_too else SETTINGS.merge)
    wanted = ("same", "suggest") if suggest_too else ("same",)

    def keep(i: int, j: int, sort: float) -> Judgement | None:
        jd = judge(rows[i][1], rows[j][1], rows[i][2], rows[j][2], sort=sort)
        return jd if jd.kind in wanted else None

    least = SETTINGS.suggest if suggest_too else SETTINGS.merge
    found = blocked_pairs(
        [r[2] for r in rows],
        floor,
        post=keep,
        min_score=least,
        posted=stored.forms if stored else None,
        counts=stored.counts if stored else None,
    )
    return [(rows[i][0], rows[j][0], jd) for i, j, jd in found]


def clusters(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of the pair graph, each sorted, largest first."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


# ---------------------------------------------------------------- search


def search(session: Session, query: str, limit: int = 20) -> list[tuple[int, float]]:
    """Claims whose words best cover ``query`` (typed by a person: a few names or words),
    best first, with a score from 0 to 100: the share of the query's content words the
    claim holds (spellings folded; a word the claim holds only nearly, as a typo would,
    counts for its similarity). Ties go to the claim whose wording is closest overall."""
    from rapidfuzz import fuzz, process

    matcher = Matcher(session)
    norm = matcher.fold(query)
    if not norm.strip():
        from tracker.errors import InvalidInput

        raise InvalidInput("Give words or names to search for.")
    ids = matcher.candidates(norm)
    if not ids:
        return []
    wanted = tokens_of(norm) or norm.split()
    rows = session.execute(
        select(Claim.id, Claim.norm).where(Claim.id.in_(ids), Claim.status == "active")
    ).all()

    def coverage(claim_norm: str) -> float:
        held = set(claim_norm.split())
        total = 0.0
        for word in wanted:
            if word in held:
                total += 100.0
            elif near := process.extractOne(word, held, scorer=fuzz.ratio, processor=None, score_cutoff=75):
                total += near[1]
        return total / len(wanted)

    ranked = sorted(
        (
            (cid, round(coverage(claim_norm), 1), fuzz.token_sort_ratio(norm, claim_norm, processor=None))
            for cid, claim_norm in rows
        ),
        key=lambda r: (-r[1], -r[2], r[0]),
    )
    return [(cid, score) for cid, score, _ in ranked[:limit] if score >= SEARCH_FLOOR]


SEARCH_FLOOR = 50.0
"""``search`` leaves out claims that hold less than half of the query's words."""


# ---------------------------------------------------------------- batch matcher


class Matcher:
    """Candidate search for many texts in one transaction (``import``, ``claim add``).

    Stored claims are reached through the posting table; what it learns (how common a
    token is, its postings, a claim's folded text) is cached, since nothing else writes
    while the command holds the transaction. Claims created by this command but not yet
    written are indexed in memory with ``remember`` and found like stored ones.
    """

    def __init__(self, session: Session):
        self.session = session
        self.aliases = alias_map(session)
        self.db_empty = session.execute(select(Claim.id).limit(1)).first() is None
        self.pg = session.bind.dialect.name == "postgresql"
        self._df: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._texts: dict[int, tuple[str, str]] = {}
        self._local: dict[str, list[int]] = defaultdict(list)
        self._local_texts: list[tuple[str, str]] = []
        self._local_fp: dict[str, int] = {}

    # Stored claims are positive ids, claims remembered in memory are ``-(index + 1)``.

    def fold(self, text_: str) -> str:
        return fold_text(text_, self.aliases)

    def remember(self, text_: str, norm: str, fingerprint: str) -> int:
        ref = -(len(self._local_texts) + 1)
        self._local_texts.append((text_, norm))
        for tok in tokens_of(norm):
            self._local[tok].append(ref)
        self._local_fp.setdefault(fingerprint, ref)
        return ref

    def local_same_text(self, fingerprint: str) -> int | None:
        return self._local_fp.get(fingerprint)

    def text_of(self, ref: int) -> tuple[str, str]:
        if ref < 0:
            return self._local_texts[-ref - 1]
        return self._texts[ref]

    def _stored_postings(self, toks: list[str]) -> list[tuple[str, list[int]]]:
        """Postings of the rarest ``query_tokens`` of ``toks`` (how rare: a count capped in
        SQL, so a common token costs an index walk, not a transfer)."""
        if self.db_empty:
            return []
        for tok in toks:
            if tok not in self._df:
                self._df[tok] = posting_count(self.session, tok, SETTINGS.posting_cap + 1)
        rare = sorted((self._df[t], t) for t in toks if 0 < self._df[t] <= SETTINGS.posting_cap)
        out = []
        for _, tok in rare[: SETTINGS.query_tokens]:
            if tok not in self._postings:
                self._postings[tok] = posted_claims(self.session, tok)
            out.append((tok, self._postings[tok]))
        return out

    def candidates(self, norm: str, exclude: Iterable[int] = (), min_share: float = 0.0) -> list[int]:
        """Stored and remembered claims worth comparing with ``norm``, best first; with
        ``min_share``, only those sharing that share of the text's token weight."""
        import heapq

        toks = tokens_of(norm)
        weights: dict[int, float] = defaultdict(float)
        stored = dict(self._stored_postings(toks))
        usable = []
        for tok in toks:
            df = self._df.get(tok, 0) + len(self._local.get(tok, ()))
            usable.append((df, tok))
        rare = [(df, t) for df, t in usable if 0 < df <= SETTINGS.posting_cap]
        if not rare:
            rare = sorted(d for d in usable if d[0] > 0)[:2]
        total = 0.0
        for df, tok in rare:
            if tok not in stored and tok not in self._local:
                continue  # a rare token whose postings were not read
            w = 1.0 / (1 + df) ** 0.5
            total += w
            for cid in stored.get(tok, ()):
                weights[cid] += w
            for ref in self._local.get(tok, ())[: SETTINGS.posting_cap]:
                weights[ref] += w
        if self.pg and norm and not self.db_empty:
            for cid in self.session.execute(
                text(
                    "SELECT id FROM claims WHERE norm % :q AND status = 'active' "
                    "ORDER BY similarity(norm, :q) DESC LIMIT :n"
                ),
                {"q": norm, "n": SETTINGS.trigram_limit},
            ).scalars():
                weights[cid] += total
        for cid in exclude:
            weights.pop(cid, None)
        floor = min_share * total
        pool = [c for c, w in weights.items() if w >= floor] if floor > 0 else list(weights)
        ranked = heapq.nlargest(SETTINGS.candidates, pool, key=lambda c: (weights[c], -c))
        missing = [c for c in ranked if c > 0 and c not in self._texts]
        if missing:
            for cid, t, n, status in self.session.execute(
                select(Claim.id, Claim.text, Claim.norm, Claim.status).where(Claim.id.in_(missing))
            ):
                if status == "active":
                    self._texts[cid] = (t, n)
        return [c for c in ranked if c < 0 or c in self._texts]

    def find(
        self,
        text_: str,
        norm: str | None = None,
        *,
        exclude: Iterable[int] = (),
        limit: int = 10,
        facts: TextFacts | None = None,
    ) -> list[Found]:
        """Stored (and remembered) claims near ``text_``, judged; ``facts``: the text's
        ``TextFacts``, when already known."""
        from rapidfuzz import fuzz, process

        norm = self.fold(text_) if norm is None else norm
        refs = self.candidates(norm, exclude, SETTINGS.min_share)
        if not refs:
            return []
        norms = [self.text_of(r)[1] for r in refs]
        pre = process.extract(
            norm,
            norms,
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=min(SETTINGS.suggest, SETTINGS.contradiction) - 5,
            limit=limit * 5,
        )
        found: list[Found] = []
        for _, _, idx in pre:
            t, n = self.text_of(refs[idx])
            j = judge(text_, t, norm, n, facts=(facts, None))
            if j.kind != "unrelated":
                found.append(Found(refs[idx], j))
        rank = {"same": 0, "suggest": 1, "contradiction": 2}
        found.sort(key=lambda f: (rank[f.judgement.kind], -f.judgement.score, abs(f.claim_id)))
        return found[:limit]
