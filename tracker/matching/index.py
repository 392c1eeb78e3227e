"""The candidate index: which active claims hold each token of their matching form.

SQLite keeps the postings in the FTS5 table ``claim_postings`` (rowid = claim id, one
column with the claim's posted tokens, space-separated): FTS5 builds its inverted index
in C, and a bulk import writes it more than ten times faster than a B-tree of a row per
posting. Its "ascii" tokenizer splits on ASCII spaces and punctuation only, and posted
tokens hold none ("." is declared a token character for decimals), so each token is
stored and looked up exactly as given. PostgreSQL keeps one row per (token, claim) in
``claim_tokens``, whose primary key (token, claim_id) answers "the newest holders of a
token" from the index alone.

Only active claims are posted: a claim merged away or deleted is unposted. Every SQL
query of the candidate index lives here. Three sources answer the candidate rule's one
question (``holders``: the newest ``window + 1`` holders of a token, oldest first): the
database (``StoredHolders``), the database plus claims an import has placed but not yet
written (``Overlay``), and a whole-database copy in memory for passes over every claim
(``AllHolders``, "the holders older than claim x"). The rule itself is
``tracker.matching.pool``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, text

from tracker.matching.settings import SETTINGS
from tracker.models import POSTINGS_FTS, Claim, ClaimToken

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session


def _fts(conn: Connection | Session) -> bool:
    bind = conn.get_bind() if hasattr(conn, "get_bind") else conn
    return bind.dialect.name == "sqlite"


def _dbapi(conn: Connection | Session):
    """The DB-API connection under a session or connection (in its transaction)."""
    c = conn.connection() if hasattr(conn, "get_bind") else conn
    return c.connection.dbapi_connection


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


# ---------------------------------------------------------------- writing


def post(conn: Connection, forms: Sequence[tuple[int, str]]) -> None:
    """Write the postings of new claims: rows of (claim id, posted form: the tokens to
    post, space-separated)."""
    from tracker.db import insert_tuples

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


# ---------------------------------------------------------------- reading


def posted_claims(conn: Connection | Session, token: str) -> list[int]:
    """Ids of every claim that holds ``token``, oldest first."""
    if _fts(conn):
        sql = f"SELECT rowid FROM {POSTINGS_FTS} WHERE {POSTINGS_FTS} MATCH :t ORDER BY rowid"
        return list(conn.execute(text(sql), {"t": _fts_phrase(token)}).scalars())
    stmt = select(ClaimToken.claim_id).where(ClaimToken.token == token).order_by(ClaimToken.claim_id)
    return list(conn.execute(stmt).scalars())


def newest_holders(conn: Connection | Session, tokens: Sequence[str], n: int) -> dict[str, list[int]]:
    """{token: the ``n`` newest claims holding it, oldest first} (fewer when fewer hold it;
    a token nobody holds maps to [])."""
    out: dict[str, list[int]] = {t: [] for t in tokens}
    if not tokens:
        return out
    if _fts(conn):
        # Through the DB-API cursor: a claim add reads some twenty lists of a hundred ids.
        sql = f"SELECT rowid FROM {POSTINGS_FTS} WHERE {POSTINGS_FTS} MATCH ? ORDER BY rowid DESC LIMIT ?"
        cursor = _dbapi(conn).cursor()
        try:
            for tok in out:
                ids = [r[0] for r in cursor.execute(sql, (_fts_phrase(tok), n)).fetchall()]
                ids.reverse()
                out[tok] = ids
        finally:
            cursor.close()
        return out
    sql = text(
        "SELECT t.tok, c.claim_id FROM unnest(CAST(:toks AS text[])) AS t(tok) CROSS JOIN LATERAL "
        "(SELECT claim_id FROM claim_tokens WHERE token = t.tok ORDER BY claim_id DESC LIMIT :n) AS c"
    )
    for tok, cid in conn.execute(sql, {"toks": list(out), "n": n}):
        out[tok].append(cid)
    for ids in out.values():
        ids.reverse()
    return out


def holding_counts(
    conn: Connection | Session, tokens: Sequence[str], cap: int, exclude: int | None = None
) -> dict[str, int]:
    """How many claims (other than ``exclude``) hold each token, counted up to ``cap`` (a
    common token costs an index walk, not a transfer)."""
    other = -1 if exclude is None else exclude
    if _fts(conn):
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {POSTINGS_FTS} WHERE {POSTINGS_FTS} MATCH ? "
            "AND rowid != ? LIMIT ?)"
        )
        cursor = _dbapi(conn).cursor()
        try:
            return {t: cursor.execute(sql, (_fts_phrase(t), other, cap)).fetchone()[0] for t in tokens}
        finally:
            cursor.close()
    sql = text(
        "SELECT t.tok, (SELECT count(*) FROM (SELECT 1 FROM claim_tokens WHERE token = t.tok "
        "AND claim_id != :x LIMIT :n) AS h) FROM unnest(CAST(:toks AS text[])) AS t(tok)"
    )
    return dict(conn.execute(sql, {"toks": list(tokens), "x": other, "n": cap}).all())


VOCAB = "postings_vocab"
"""The FTS5 vocabulary of ``claim_postings`` (``fts5vocab``, made per connection in the temp
schema): how many claims hold each token, read from the index in one lookup a token."""


def posted_counts(
    conn: Connection | Session, tokens: Sequence[str], cap: int, exclude: int | None = None
) -> dict[str, int]:
    """How many claims (other than ``exclude``) hold each token, counted up to ``cap``:
    the counts alone, without the lists (``holding_counts`` answers the same)."""
    if not _fts(conn):
        return holding_counts(conn, tokens, cap, exclude)
    cursor = _dbapi(conn).cursor()
    try:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB} USING fts5vocab(main, {POSTINGS_FTS}, 'row')"
        )
        out = dict.fromkeys(tokens, 0)
        todo = list(out)
        for start in range(0, len(todo), 500):
            part = todo[start : start + 500]
            marks = ",".join("?" * len(part))
            out.update(
                cursor.execute(f"SELECT term, doc FROM temp.{VOCAB} WHERE term IN ({marks})", part).fetchall()
            )
        if exclude is not None:
            row = cursor.execute(f"SELECT tokens FROM {POSTINGS_FTS} WHERE rowid = ?", (exclude,)).fetchone()
            for tok in set(row[0].split()) & out.keys() if row else ():
                out[tok] -= 1
    finally:
        cursor.close()
    return {t: min(n, cap) for t, n in out.items()}


def _cap() -> int:
    return SETTINGS.window + 1


class StoredHolders:
    """The candidate rule's ``holders`` over the database, cached per token for the
    transaction (nothing else writes while a command holds it). ``exclude``: a stored
    claim that is itself being judged (a re-check), left out of every list."""

    def __init__(self, conn: Connection | Session, exclude: int | None = None) -> None:
        self.conn = conn
        self.exclude = exclude
        self._cache: dict[str, list[int]] = {}
        self._counts: dict[str, int] = {}
        self._total: int | None = None
        self.empty = conn.execute(select(Claim.id).limit(1)).first() is None

    def prefetch(self, tokens: Iterable[str]) -> None:
        todo = [t for t in dict.fromkeys(tokens) if t not in self._cache]
        if not todo:
            return
        if self.empty:
            self._cache.update((t, []) for t in todo)
            self._counts.update((t, 0) for t in todo)
            return
        extra = 1 if self.exclude is not None else 0
        for tok, ids in newest_holders(self.conn, todo, _cap() + extra).items():
            if extra:
                ids = [i for i in ids if i != self.exclude][-_cap() :]
            self._cache[tok] = ids
        # A token held by fewer claims than the window shows them all: its count is known.
        common = [t for t in todo if len(self._cache[t]) >= _cap()]
        self._counts.update((t, len(self._cache[t])) for t in todo)
        if common:
            self._counts.update(holding_counts(self.conn, common, SETTINGS.rank_cap, self.exclude))

    def prefetch_counts(self, tokens: Iterable[str]) -> None:
        """Fetch how many claims hold each token (not the lists: the content score's
        weights ask only that)."""
        todo = [t for t in dict.fromkeys(tokens) if t not in self._counts]
        if not todo:
            return
        if self.empty:
            self._counts.update((t, 0) for t in todo)
            return
        self._counts.update(posted_counts(self.conn, todo, SETTINGS.rank_cap, self.exclude))

    def __call__(self, token: str) -> list[int]:
        if token not in self._cache:
            self.prefetch([token])
        return self._cache[token]

    def count(self, token: str) -> int:
        """How many claims hold ``token``, up to ``rank_cap``."""
        if token not in self._counts:
            self.prefetch([token])
        return self._counts[token]

    def total(self) -> int:
        """How many claims are stored, as the highest claim id (claims are never deleted)."""
        if self._total is None:
            self._total = self.conn.execute(select(func.max(Claim.id))).scalar() or 0
        return self._total


class Overlay:
    """The database's holders plus claims placed in memory (an import's new claims,
    given ids above every stored one, in the order they are placed): what the database
    would answer once they were written."""

    def __init__(self, stored: StoredHolders) -> None:
        self.stored = stored
        self._local: dict[str, list[int]] = defaultdict(list)
        self._last = 0

    def add(self, cid: int, tokens: Iterable[str]) -> None:
        self._last = max(self._last, cid)
        for tok in tokens:
            self._local[tok].append(cid)

    def total(self) -> int:
        return max(self.stored.total(), self._last)

    def prefetch(self, tokens: Iterable[str]) -> None:
        self.stored.prefetch(tokens)

    def prefetch_counts(self, tokens: Iterable[str]) -> None:
        self.stored.prefetch_counts(tokens)

    def __call__(self, token: str) -> list[int]:
        stored = self.stored(token)
        local = self._local.get(token)
        if not local:
            return stored
        if not stored:
            return local[-_cap() :]
        return (stored + local)[-_cap() :]

    def count(self, token: str) -> int:
        return min(self.stored.count(token) + len(self._local.get(token, ())), SETTINGS.rank_cap)


class AllHolders:
    """Every active claim's postings in memory, for a pass over the whole database: the
    holders of a token *older than* a given claim, as the candidate rule would have seen
    them had the claims been added one by one in id order."""

    def __init__(self, forms: Iterable[tuple[int, str]]) -> None:
        lists: dict[str, list[int]] = defaultdict(list)
        for cid, form in sorted(forms):
            for tok in form.split():
                lists[tok].append(cid)
        self.lists = dict(lists)

    def before(self, cid: int) -> Older:
        """The ``holders`` of claim ``cid``: the newest holders older than it."""
        return Older(self.lists, cid)


class Older:
    """The holders of each token older than one claim, from ``AllHolders``' lists."""

    def __init__(self, lists: dict[str, list[int]], cid: int) -> None:
        self.lists = lists
        self.cid = cid

    def __call__(self, token: str) -> list[int]:
        ids = self.lists.get(token)
        if not ids:
            return []
        end = bisect_left(ids, self.cid)
        return ids[max(0, end - _cap()) : end]

    def count(self, token: str) -> int:
        ids = self.lists.get(token)
        return min(bisect_left(ids, self.cid), SETTINGS.rank_cap) if ids else 0

    def total(self) -> int:
        """The claims older than this one, as the highest id below it."""
        return self.cid - 1


def all_forms(conn: Connection | Session) -> list[tuple[int, str]]:
    """(claim id, posted form) of every active claim, oldest first."""
    if _fts(conn):
        sql = text(f"SELECT rowid, tokens FROM {POSTINGS_FTS} ORDER BY rowid")
        return [(cid, tokens) for cid, tokens in conn.execute(sql)]
    rows = conn.execute(text("SELECT claim_id, token FROM claim_tokens ORDER BY claim_id, token"))
    out: list[tuple[int, list[str]]] = []
    for cid, tok in rows:
        if out and out[-1][0] == cid:
            out[-1][1].append(tok)
        else:
            out.append((cid, [tok]))
    return [(cid, " ".join(toks)) for cid, toks in out]
