"""The fields of the interchange lines: one table, which the rest derives from.

A *claim line* (JSON Lines, a CSV row, ``claim add``'s options) describes one appearance of
a claim. Each of its fields is kept in one of three places:

- ``appearance``: a column of the appearance (who carried the claim, when, crediting whom);
- ``claim``: a column of the claim itself (its text, topics, event date), set by the first
  line that creates it;
- ``line``: acted on at import and not kept as a column (``type``, the reference to an
  earlier line's claim, a verdict, relations given by key).

The import's validation (``exchange.validating``), the writers of appearance rows (one
claim at a time in ``claims.store``, in bulk in ``claims.bulk``), the JSON Lines and CSV
export, the ``--json`` appearance object and the CSV header all read this table, so a field
added here is carried through every one of them. ``tests/test_fields.py`` checks that every
column of the ``Appearance`` model has a field here and that every field survives an
import and an export. Pure: no database, no tracker imports.
"""

from __future__ import annotations

from typing import Any, NamedTuple

KINDS = ("text", "flag", "count", "number", "list")
HOLDERS = ("appearance", "claim", "line")


class Field(NamedTuple):
    name: str  # in JSON Lines, CSV and --json alike
    kind: str = "text"  # text, flag (true/false), count (a whole number > 0), number, list
    holder: str = "line"  # where a claim line's value is kept (see the module docstring)
    outlet: bool = False  # an outlet's name, kept as a reference to the outlet
    help: str = ""
    option: str | None = None  # the option of `claim add` that sets it


CLAIM_LINE: tuple[Field, ...] = (
    Field("type", help="claim (the default), outlet, speaker, relation or verdict"),
    Field(
        "key",
        holder="appearance",
        help="an external id for this appearance, unique in the database",
        option="--key",
    ),
    Field("claim", help="the key of an earlier line whose claim this line is another appearance of"),
    Field("text", holder="claim", help="the claim: one assertion in one sentence (required)"),
    Field(
        "outlet",
        holder="appearance",
        outlet=True,
        help="the outlet that carried the claim (name or alias; required)",
        option="--outlet",
    ),
    Field(
        "published", holder="appearance", help="date the outlet published it, YYYY[-MM[-DD]]", option="--date"
    ),
    Field("url", holder="appearance", help="where the outlet published it", option="--url"),
    Field(
        "speaker",
        holder="appearance",
        help="the person or body the claim is attributed to",
        option="--speaker",
    ),
    Field("speaker_role", holder="appearance", help="the speaker's role or title", option="--role"),
    Field("anonymous", "flag", "appearance", help="the speaker is not named", option="--anonymous"),
    Field(
        "speaker_count",
        "count",
        "appearance",
        help="how many speakers (three officials: 3)",
        option="--count",
    ),
    Field("via", holder="appearance", outlet=True, help="the outlet this one relays", option="--via"),
    Field("quote", holder="appearance", help="the words as the outlet printed them", option="--quote"),
    Field(
        "stance", holder="appearance", help="one of asserts (the default), reports, denies", option="--stance"
    ),
    Field("topics", "list", "claim", help="topic tags (the option is repeatable)", option="--topic"),
    Field(
        "event_date", holder="claim", help="when the event happened, YYYY[-MM[-DD]]", option="--event-date"
    ),
    Field("verdict", help="a rating: true, mostly-true, mixed, mostly-false, false, unproven"),
    Field("contradicts", "list", help="keys of claims this one contradicts"),
    Field("supports", "list", help="keys of claims this one supports"),
    Field("duplicates", "list", help="keys of claims that say the same"),
)

OUTLET_LINE: tuple[Field, ...] = (
    Field("type"),
    Field("name"),
    Field("aliases", "list"),
    Field("kind"),
    Field("country"),
    Field("url"),
    Field("reliability"),
    Field("notes"),
)
SPEAKER_LINE: tuple[Field, ...] = (Field("type"), Field("name"), Field("reliability"), Field("notes"))
RELATION_LINE: tuple[Field, ...] = (
    Field("type"),
    Field("a"),
    Field("b"),
    Field("kind"),
    Field("state"),
    Field("origin"),
    Field("score", "number"),
    Field("reasons", "list"),
    Field("signals", "list"),
    Field("note"),
)
VERDICT_LINE: tuple[Field, ...] = (
    Field("type"),
    Field("claim"),
    Field("rating"),
    Field("reviewer"),
    Field("evidence"),
    Field("note"),
    Field("date"),
)

# Every line type's fields, in the order an export writes them.
LINES: dict[str, tuple[Field, ...]] = {
    "claim": CLAIM_LINE,
    "outlet": OUTLET_LINE,
    "speaker": SPEAKER_LINE,
    "relation": RELATION_LINE,
    "verdict": VERDICT_LINE,
}
LINE_TYPES = tuple(LINES)


def claim_field(name: str) -> Field:
    return next(f for f in CLAIM_LINE if f.name == name)


def option_help(name: str) -> str:
    """The help of the ``claim add`` option that sets the claim line's field ``name``."""
    help = claim_field(name).help
    return help[:1].upper() + help[1:] + "."


def names(line: str) -> tuple[str, ...]:
    return tuple(f.name for f in LINES[line])


def by_holder(holder: str) -> tuple[Field, ...]:
    """The claim line's fields kept in ``holder`` ("appearance", "claim" or "line")."""
    return tuple(f for f in CLAIM_LINE if f.holder == holder)


# The appearance fields kept in a column of the same name (the outlet and the relayed
# outlet are kept as references, ``outlet_id`` and ``via_outlet_id``).
APPEARANCE_COLUMNS: tuple[str, ...] = tuple(f.name for f in by_holder("appearance") if not f.outlet)
# Columns of the Appearance model that no line carries: its identity, its links, and what
# is worked out from the text (hedges) or by the database (created_at).
APPEARANCE_DERIVED = ("id", "claim_id", "outlet_id", "via_outlet_id", "hedges", "created_at")

# One CSV header for every line type: the claim columns, then each other type's new names
# (names that several types share, such as url, kind, claim and note, are one column).
CSV_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(f.name for fields in LINES.values() for f in fields))


def columns_of_kind(kind: str) -> frozenset[str]:
    """The names that hold ``kind`` values in any line type."""
    return frozenset(f.name for fields in LINES.values() for f in fields if f.kind == kind)


def appearance_values(appearance: Any) -> dict[str, Any]:
    """A stored appearance (a ``models.Appearance``) as the claim line's appearance fields,
    in the table's order, its outlets by name."""
    values = {name: getattr(appearance, name) for name in APPEARANCE_COLUMNS}
    via = appearance.via
    values.update(outlet=appearance.outlet.name, via=via.name if via is not None else None)
    return {f.name: values[f.name] for f in by_holder("appearance")}
