"""The data model as SQLAlchemy 2.x typed ORM.

Owns the tables and the constraints that keep the data honest. It does not open
connections (``tracker.db``) and holds no workflow logic (``tracker.claims``).
The schema itself is created by the Alembic migrations under ``alembic/``; a test
checks that these models and the migrations agree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

GRADES = ("A", "B", "C", "D", "E", "F")
STANCES = ("asserts", "denies", "reports")
RELATION_KINDS = ("duplicate", "supports", "contradicts")
RELATION_STATES = ("suggested", "confirmed", "dismissed")
RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "unproven")
CLAIM_STATUSES = ("active", "merged")

MAX_TEXT = 5000


# Indexes and tables that exist on one backend only (Alembic's compare does not follow
# ``ddl_if``). The postings of candidate search are the claim_tokens table on PostgreSQL
# and, on SQLite, the FTS5 virtual table POSTINGS_FTS (with the shadow tables FTS5 makes
# for it), which migration 0003 creates and the models do not describe.
DIALECT_ONLY_INDEXES = {"ix_claims_norm_trgm": "postgresql", "ix_claim_tokens_claim_id": "postgresql"}
DIALECT_ONLY_TABLES = {"claim_tokens": "postgresql"}
POSTINGS_FTS = "claim_postings"


def include_object_for(dialect: str):
    """An Alembic ``include_object`` hook that ignores what belongs to other backends, and
    SQLite's FTS5 postings."""

    def include(obj, name, type_, reflected, compare_to) -> bool:
        if type_ == "index":
            return DIALECT_ONLY_INDEXES.get(name, dialect) == dialect
        if type_ == "table":
            if name == POSTINGS_FTS or name.startswith(POSTINGS_FTS + "_"):
                return False
            return DIALECT_ONLY_TABLES.get(name, dialect) == dialect
        return True

    return include


def tables_for(dialect: str) -> list:
    """The models' tables that exist on ``dialect``."""
    return [t for t in Base.metadata.sorted_tables if DIALECT_ONLY_TABLES.get(t.name, dialect) == dialect]


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
created = Annotated[
    datetime, mapped_column(DateTime(timezone=True), server_default=func.now(), nullable=False)
]
# Partial ISO dates: YYYY, YYYY-MM or YYYY-MM-DD. Validated in tracker.claims.
isodate = Annotated[str | None, mapped_column(String(10), nullable=True)]


class Outlet(Base):
    """A publisher. Its canonical name is also stored as an alias row, so that one
    unique index covers every name an outlet answers to."""

    __tablename__ = "outlets"
    __table_args__ = (CheckConstraint(_in("grade", GRADES), name="grade"),)

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(80))
    url: Mapped[str | None] = mapped_column(String(500))
    grade: Mapped[str | None] = mapped_column(String(1))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[created]

    aliases: Mapped[list[OutletAlias]] = relationship(
        back_populates="outlet", cascade="all, delete-orphan", order_by="OutletAlias.id"
    )


class OutletAlias(Base):
    """A name an outlet answers to; ``norm`` is the lookup form (case-, accent- and
    punctuation-insensitive) and is unique across all outlets."""

    __tablename__ = "outlet_aliases"

    id: Mapped[intpk]
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    norm: Mapped[str] = mapped_column(String(200), unique=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, server_default=text("false"), default=False)

    outlet: Mapped[Outlet] = relationship(back_populates="aliases")


class Speaker(Base):
    """A speaker the analyst has graded: a source-reliability grade, as an outlet has.
    Appearances name their speakers as free text; ``key`` is the speaker's
    transliteration key (tracker.speakers.speaker_key), so one grade covers every spelling
    of the name ("Esmail Ghaani", "Ismail Qaani")."""

    __tablename__ = "speakers"
    __table_args__ = (CheckConstraint(_in("grade", GRADES), name="grade"),)

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    grade: Mapped[str] = mapped_column(String(1))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[created]


class Claim(Base):
    """One assertion, stated once, in one sentence."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_in("status", CLAIM_STATUSES), name="status"),
        CheckConstraint("length(text) > 0", name="text_not_empty"),
    )

    id: Mapped[intpk]
    key: Mapped[str | None] = mapped_column(String(200), unique=True)
    text: Mapped[str] = mapped_column(Text)
    # The matching form (tracker.text.fold): normalised, names folded to their keys.
    norm: Mapped[str] = mapped_column(Text)
    # A hash of ``norm``: an exact-match lookup that a btree can index whatever the length.
    fingerprint: Mapped[str] = mapped_column(String(40), index=True)
    event_date: Mapped[isodate]
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), server_default="active", default="active")
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[created]
    updated_at: Mapped[created]

    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Appearance.id"
    )
    verdicts: Mapped[list[Verdict]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Verdict.id"
    )

    @property
    def verdict(self) -> Verdict | None:
        return self.verdicts[-1] if self.verdicts else None


class Appearance(Base):
    """One outlet carrying one claim, with the speaker it credits."""

    __tablename__ = "appearances"
    __table_args__ = (
        CheckConstraint(_in("stance", STANCES), name="stance"),
        CheckConstraint("speaker_count IS NULL OR speaker_count > 0", name="speaker_count"),
    )

    id: Mapped[intpk]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="RESTRICT"), index=True)
    key: Mapped[str | None] = mapped_column(String(200), unique=True)
    published: Mapped[isodate]
    url: Mapped[str | None] = mapped_column(String(2000))
    speaker: Mapped[str | None] = mapped_column(String(300))
    speaker_role: Mapped[str | None] = mapped_column(String(300))
    anonymous: Mapped[bool] = mapped_column(Boolean, server_default=text("false"), default=False)
    speaker_count: Mapped[int | None] = mapped_column(Integer)
    via_outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="RESTRICT"), index=True
    )
    quote: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(10), server_default="asserts", default="asserts")
    hedges: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[created]

    claim: Mapped[Claim] = relationship(back_populates="appearances")
    outlet: Mapped[Outlet] = relationship(foreign_keys=[outlet_id])
    via: Mapped[Outlet | None] = relationship(foreign_keys=[via_outlet_id])


class Relation(Base):
    """A relation between two claims, stored once per pair and kind with ``a_id < b_id``."""

    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint("a_id", "b_id", "kind"),
        CheckConstraint("a_id < b_id", name="ordered_pair"),
        CheckConstraint(_in("kind", RELATION_KINDS), name="kind"),
        CheckConstraint(_in("state", RELATION_STATES), name="state"),
        Index("ix_relations_b_id", "b_id"),
    )

    id: Mapped[intpk]
    a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(40))
    signals: Mapped[list[str]] = mapped_column(JSON, default=list)
    score: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(20), server_default="suggested", default="suggested")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[created]
    updated_at: Mapped[created]

    a: Mapped[Claim] = relationship(foreign_keys=[a_id])
    b: Mapped[Claim] = relationship(foreign_keys=[b_id])


class Verdict(Base):
    """A rating of a claim. History is kept; the latest row is current."""

    __tablename__ = "verdicts"
    __table_args__ = (CheckConstraint(_in("rating", RATINGS), name="rating"),)

    id: Mapped[intpk]
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(String(20))
    reviewer: Mapped[str | None] = mapped_column(String(200))
    evidence_url: Mapped[str | None] = mapped_column(String(2000))
    note: Mapped[str | None] = mapped_column(Text)
    date: Mapped[isodate]
    created_at: Mapped[created]

    claim: Mapped[Claim] = relationship(back_populates="verdicts")


class ClaimToken(Base):
    """Posting list for candidate search on PostgreSQL: one row per distinct
    content token of a claim's folded text. Rare tokens narrow a million claims to a few
    hundred. SQLite keeps the same postings in the FTS5 table POSTINGS_FTS (see
    tracker.matching)."""

    __tablename__ = "claim_tokens"
    __table_args__ = {"sqlite_with_rowid": False}

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class NameAlias(Base):
    """An analyst-managed name variant for matching (``tracker alias add NAME VARIANT``)."""

    __tablename__ = "name_aliases"

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(200))
    variant: Mapped[str] = mapped_column(String(200))
    variant_norm: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[created]


class Event(Base):
    """The change log: every change with its actor and a JSON payload that is enough
    to inspect it and, for merges, links and dismissals, to undo it."""

    __tablename__ = "events"

    id: Mapped[intpk]
    at: Mapped[created]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40), index=True)
    claim_id: Mapped[int | None] = mapped_column(Integer, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone_by: Mapped[int | None] = mapped_column(Integer)


# The row of tracker_meta that says whether the data live code derives from the claims
# (each claim's matching form ``claims.norm`` and its candidate postings) matches them.
# Revisions spell these strings out themselves: a revision imports nothing from tracker.
DERIVED_DATA = "derived_data"
STALE = "stale"
CURRENT = "current"


class TrackerMeta(Base):
    """Facts about the database itself, one text value per name. A revision that changes
    what derived data is computed from, or cannot compute it without live code, marks
    ``DERIVED_DATA`` as ``STALE``; the migration runner rebuilds the derived data with the
    live code once the schema is at the head revision, in the same transaction, and marks
    it ``CURRENT``."""

    __tablename__ = "tracker_meta"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
