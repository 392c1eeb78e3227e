"""CSV rows and lines, ClaimReview JSON-LD (tracker.formats; docs/formats.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld

from tracker import fields
from tracker.errors import InvalidInput
from tracker.exchange.claimreview import RATING_VALUES, claimreview, claimreview_document
from tracker.exchange.csv_format import CSV_COLUMNS, check_csv_header, csv_lines, csv_rows, looks_like_csv

# ---------------------------------------------------------------- CSV

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Text that stresses the CSV layer: separators, quotes, line breaks of every kind, the
# list separator and its escape, and the characters that make a spreadsheet run a formula.
_tricky = st.sampled_from(
    [
        ",",
        '"',
        "|",
        "\\",
        "\n",
        "\r",
        "'",
        "=",
        "+",
        "-",
        "@",
        "\t",
        " ",
        "\x00",
        "\u2028",
        "\u2029",
        "\x85",
        "\x0c",
    ]
)
text = st.text(
    alphabet=st.one_of(_tricky, st.characters(exclude_categories=("Cs",))), min_size=1, max_size=25
)
items = st.lists(text, min_size=1, max_size=4)

# Values of each kind of field (tracker.fields), and of the fields with fixed values.
BY_KIND = {
    "text": text,
    "flag": st.booleans(),
    "count": st.integers(min_value=1, max_value=10**9),
    "list": items,
}
FIXED = {
    "published": st.sampled_from(["2021", "2021-07", "2021-07-09"]),
    "stance": st.sampled_from(["asserts", "denies", "reports"]),
    "verdict": st.sampled_from(["true", "false", "unproven"]),
}
claim_record = st.fixed_dictionaries(
    {"type": st.just("claim"), "text": text, "outlet": text},
    optional={
        f.name: FIXED.get(f.name, BY_KIND[f.kind])
        for f in fields.CLAIM_LINE
        if f.name not in ("type", "text", "outlet")
    },
)
outlet_record = st.fixed_dictionaries(
    {"type": st.just("outlet"), "name": text},
    optional={
        "aliases": items,
        "kind": text,
        "country": text,
        "url": text,
        "reliability": st.sampled_from("ABCDEF"),
        "notes": text,
    },
)
relation_record = st.fixed_dictionaries(
    {
        "type": st.just("relation"),
        "a": text,
        "b": text,
        "kind": st.sampled_from(["duplicate", "supports", "contradicts"]),
    },
    optional={
        "state": st.sampled_from(["suggested", "confirmed", "dismissed"]),
        "origin": text,
        "score": st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers()),
        "reasons": items,
        "signals": items,
        "note": text,
    },
)
verdict_record = st.fixed_dictionaries(
    {"type": st.just("verdict"), "claim": text, "rating": st.sampled_from(list(RATING_VALUES))},
    optional={"reviewer": text, "evidence": text, "note": text, "date": text},
)
records = st.lists(st.one_of(claim_record, outlet_record, relation_record, verdict_record), max_size=6)

EXPORT_ORDER = {kind: fields.names(kind) for kind in fields.LINES}


def rows_of(text: str) -> list[tuple[int, dict | str]]:
    return list(csv_rows(text))


@settings(max_examples=300, deadline=None)
@given(records)
def test_csv_round_trip(recs):
    lines = list(csv_lines(recs))
    assert len(lines) == len(recs) + 1 and all(line.endswith("\n") for line in lines)
    written = "".join(lines)
    back = [rec for _, rec in csv_rows(written)]
    assert back == recs
    for rec in back:
        # keys come out in export order, so a row dumped as JSON is the exported line
        order = EXPORT_ORDER[rec["type"]]
        assert list(rec) == sorted(rec, key=order.index)


@settings(max_examples=300, deadline=None)
@given(records)
def test_jsonl_lines_read_back_as_written(recs):
    """An exported line keeps U+2028, U+2029 and U+0085 raw (JSON allows them inside a
    string); reading splits at "\n" only, so each comes back whole, CRLF or not."""
    from tracker.exchange.exporting import dumps_line
    from tracker.exchange.reading import jsonl_rows

    written = "".join(dumps_line(rec) + "\n" for rec in recs)
    assert [rec for _, rec in jsonl_rows(written)] == recs
    assert [n for n, _ in jsonl_rows(written)] == list(range(1, len(recs) + 1))
    assert [rec for _, rec in jsonl_rows(written.replace("\n", "\r\n"))] == recs


def test_csv_round_trip_of_the_fixture_set_passes_import_validation():
    from tracker.exchange.reading import jsonl_rows
    from tracker.exchange.validating import parse_records

    original = [rec for _, rec in jsonl_rows((FIXTURES / "iraq-militias-2021.jsonl").read_text("utf-8"))]
    written = "".join(csv_lines(original))
    back = rows_of(written)
    assert [rec for _, rec in back] == original
    assert len(parse_records(back, "iraq.csv")) == len(original)


def test_csv_lines_header_and_line_ends():
    lines = list(csv_lines([{"type": "claim", "text": 'He said "30, not 14"', "outlet": "AP"}]))
    assert lines[0] == ",".join(CSV_COLUMNS) + "\n"
    assert lines[1].startswith('claim,,,"He said ""30, not 14""",AP,')
    assert all(line.endswith("\n") and "\r" not in line for line in lines)


def test_list_cells_escape_the_separator():
    rec = {
        "type": "outlet",
        "name": "Iraqi Government",
        "aliases": ["Security Media Cell", "SMC|Iraq", "C:\\"],
    }
    header, line = csv_lines([rec])
    assert "Security Media Cell|SMC\\|Iraq|C:\\\\" in line
    assert rows_of(header + line) == [(2, rec)]


def test_hand_written_list_cells_keep_other_backslashes():
    text = "text,outlet,topics\nA claim,AP,iraq|path\\to|a\\|b\n"
    assert rows_of(text) == [(2, {"text": "A claim", "outlet": "AP", "topics": ["iraq", "path\\to", "a|b"]})]


def test_formula_cells_are_defused_for_spreadsheets_and_restored_on_read():
    rec = {"type": "claim", "text": '=HYPERLINK("http://x.example","30 Grad missiles")', "outlet": "@channel"}
    header, line = csv_lines([rec])
    assert ",\"'=HYPERLINK(" in line and ",'@channel," in line
    assert rows_of(header + line)[0][1] == rec
    # an apostrophe a person typed in front of ordinary text is kept
    assert rows_of("text,outlet\n'Tis reported,AP\n")[0][1]["text"] == "'Tis reported"


def test_minimal_header_typed_cells_and_crlf():
    text = (
        "text,outlet,anonymous,speaker_count,topics\r\n"
        "Ghaani told the militias to keep calm.,Associated Press,TRUE,5,iran-directives|nuclear-talks\r\n"
    )
    assert rows_of(text) == [
        (
            2,
            {
                "text": "Ghaani told the militias to keep calm.",
                "outlet": "Associated Press",
                "anonymous": True,
                "speaker_count": 5,
                "topics": ["iran-directives", "nuclear-talks"],
            },
        )
    ]


def test_header_names_ignore_case_and_spaces():
    assert rows_of("Text, Outlet ,Speaker role\nx,AP,spokesman\n") == [
        (2, {"text": "x", "outlet": "AP", "speaker_role": "spokesman"})
    ]


def test_header_without_outlet_column_is_refused():
    with pytest.raises(InvalidInput, match="no 'outlet' column") as exc:
        rows_of("text,published\nMilitias fired 30 Grad missiles at Ain al-Asad.,2021-07-07\n")
    assert "claim rows need 'text' and 'outlet'" in str(exc.value)
    with pytest.raises(InvalidInput, match="no 'outlet' column"):
        check_csv_header(["text", "url"])


def test_required_columns_follow_the_row_types():
    # outlet rows only: no text or outlet column needed
    text = "type,name,aliases,reliability\noutlet,Associated Press,AP|The Associated Press,B\n"
    assert rows_of(text) == [
        (
            2,
            {
                "type": "outlet",
                "name": "Associated Press",
                "aliases": ["AP", "The Associated Press"],
                "reliability": "B",
            },
        )
    ]
    with pytest.raises(InvalidInput, match="no 'rating' column, and verdict rows need"):
        rows_of("type,claim\nverdict,ap-ghaani-calm\n")
    check_csv_header(["type", "name"])  # with a type column the rows decide


def test_unknown_column_is_named():
    with pytest.raises(InvalidInput, match="unknown column 'speeker'.*did you mean 'speaker'"):
        rows_of("text,outlet,speeker\nx,AP,y\n")
    with pytest.raises(InvalidInput, match="unknown column 'credibility'"):
        check_csv_header(["text", "outlet", "credibility"])
    # The same hints as a JSON Lines field: a heading other tools use for one of ours.
    with pytest.raises(InvalidInput, match="unknown column 'Source'.*did you mean 'outlet'"):
        check_csv_header(["text", "Source"])


def test_duplicate_column_and_semicolon_sheets_are_refused():
    with pytest.raises(InvalidInput, match="'text' twice"):
        rows_of("text,outlet,Text\nx,AP,y\n")
    with pytest.raises(InvalidInput, match="semicolons"):
        rows_of("text;outlet\nx;AP\n")


def test_bad_cells_yield_an_error_for_their_line_only():
    text = (
        "text,outlet,anonymous,speaker_count,score\n"
        "First claim,AP,false,,\n"
        "Second claim,AP,maybe,,\n"
        "Third claim,AP,,three,\n"
        "Fourth claim,AP,,,nan\n"
        "Fifth claim,AP,,,1e999\n"
        "Sixth claim,AP,,,\n"
    )
    assert rows_of(text) == [
        (2, {"text": "First claim", "outlet": "AP", "anonymous": False}),
        (3, "anonymous must be true or false, not 'maybe'."),
        (4, "speaker_count must be a whole number, not 'three'."),
        (5, "score must be a number, not 'nan'."),
        (6, "score must be a number, not '1e999'."),
        (7, {"text": "Sixth claim", "outlet": "AP"}),
    ]


def test_wrong_number_of_cells():
    rows = rows_of("text,outlet\nMilitia says, 30 missiles,AP\nx\n")
    assert rows == [
        (2, "the row has 3 cells but the header has 2 columns."),
        (3, "the row has 1 cell but the header has 2 columns."),
    ]


def test_embedded_newline_reports_the_line_where_the_row_starts():
    text = (
        "\n"  # a blank first line: the header is on line 2
        "text,outlet,quote\r\n"
        '"Reuters contradicts\r\nprevious AP report",Kurdistan 24,"line one\nline two\n"\r\n'
        "\r\n"
        "Next claim,Rudaw,\r\n"
        'Last claim,"Sabereen\n'
    )
    rows = rows_of(text)
    assert rows[0] == (
        3,
        {
            "text": "Reuters contradicts\r\nprevious AP report",
            "outlet": "Kurdistan 24",
            "quote": "line one\nline two\n",
        },
    )
    assert rows[1] == (8, {"text": "Next claim", "outlet": "Rudaw"})
    assert rows[2][0] == 9 and "never closed" in rows[2][1]


def test_type_column_alone_decides_the_line_type():
    text = "type,text,outlet,name\n,A claim,AP,\nclaim,Another,AP,\nsource,x,AP,\n"
    assert [rec for _, rec in rows_of(text)] == [
        {"text": "A claim", "outlet": "AP"},
        {"type": "claim", "text": "Another", "outlet": "AP"},
        {"type": "source", "text": "x", "outlet": "AP"},  # refused later, by parse_records
    ]


def test_nameless_columns_may_only_be_empty():
    assert rows_of("text,outlet,,\nx,AP,,\n") == [(2, {"text": "x", "outlet": "AP"})]
    assert rows_of("text,outlet,\nx,AP,y\n") == [
        (2, "cell 3 has a value but its column has no name in the header.")
    ]


def test_empty_file_and_header_only():
    assert rows_of("") == []
    assert rows_of("\n\n") == []
    assert rows_of(",".join(CSV_COLUMNS) + "\n") == []


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("claims.csv", '{"text": "x"}', True),
        ("claims.CSV", "", True),
        ("claims.jsonl", "text,outlet\n", False),
        ("claims.txt", '\n{"type": "claim", "text": "x", "outlet": "AP"}\n', False),
        ("claims.txt", "\ufefftext,outlet,published\nx,AP,2021\n", True),
        ("export", "type,key,claim,text\n", True),
        ("notes.txt", "Militias fired rockets, officials said\n", False),
        ("empty", "", False),
    ],
)
def test_looks_like_csv(name, head, expected):
    assert looks_like_csv(name, head) is expected


# ---------------------------------------------------------------- ClaimReview

SCHEMA = "https://schema.org/"

GHAANI = {
    "id": 1,
    "key": "ap-ghaani-calm-2021-07-09",
    "text": "Quds Force commander Esmail Ghaani told Iraqi militia leaders in Baghdad to keep calm "
    "until the nuclear talks were over.",
    "status": "rated",
    "event_date": "2021-06",
    "topics": ["iran-directives"],
    "verdict": None,
    "appearances": [
        {
            "id": 2,
            "key": "k24-side-by-side-2021-07-13",
            "outlet": "Kurdistan 24",
            "published": "2021-07-13",
            "url": "https://www.kurdistan24.net/en/story/reuters-contradicts-ap",
            "speaker": None,
            "anonymous": False,
            "via": "Associated Press",
            "stance": "reports",
        },
        {
            "id": 1,
            "key": "ap-ghaani-calm-2021-07-09",
            "outlet": "Associated Press",
            "published": "2021-07-09",
            "url": "https://apnews.com/article/iraq-militias-iran-ghaani-calm-nuclear-talks",
            "speaker": "three Shiite political officials and two senior militia officials",
            "speaker_role": None,
            "anonymous": True,
            "speaker_count": 5,
            "via": None,
            "quote": "Maintain calm",
            "stance": "asserts",
            "hedges": [],
        },
    ],
}
GHAANI_VERDICT = {
    "rating": "mostly-true",
    "reviewer": "analyst1",
    "evidence": "https://factcheck.example/2021/07/ghaani-calm",
    "note": "Consistent with later reporting; the meeting date is unconfirmed.",
    "date": "2021-07-20",
}

GRAD = {
    "id": 7,
    "key": None,
    "text": "The Revenge of al-Muhandis Brigade fired 30 Grad missiles at Ain al-Asad air base on 7 July.",
    "appearances": [
        {
            "outlet": "US Department of Defense",
            "published": "2021-07-07",
            "speaker": "Pentagon press secretary",
            "anonymous": False,
            "stance": "denies",
        },
        {
            "outlet": "Revenge of al-Muhandis Brigade",
            "published": "2021-07-07",
            "speaker": "Revenge of al-Muhandis Brigade",
            "anonymous": False,
            "stance": "asserts",
        },
        {
            "outlet": "Sabereen News",
            "published": "2021-07-07",
            "url": "https://t.me/s/sabereenews/12345",
            "via": "Revenge of al-Muhandis Brigade",
            "speaker": "Revenge of al-Muhandis Brigade",
            "stance": "reports",
        },
    ],
}
GRAD_VERDICT = {"rating": "false", "reviewer": None, "evidence": None, "note": None, "date": "2021-07-08"}


def schema_org_offline(url, options=None):
    """pyld's document loader for the tests, which have no network. "@context":
    "https://schema.org" names a remote context that pyld would fetch; what matters to
    these checks is only that every term becomes a schema.org IRI, which "@vocab" does
    for all of ClaimReview's terms (types and properties are named as in the vocabulary).
    Any other URL fails, so no test reaches the network by accident."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"no network in tests: {url}")
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def expand(doc: dict) -> dict:
    expanded = jsonld.expand(doc, {"documentLoader": schema_org_offline})
    assert len(expanded) == 1
    return expanded[0]


def values(node: dict, prop: str) -> list:
    return [v.get("@value", v) for v in node.get(SCHEMA + prop, [])]


def test_claimreview_of_the_ghaani_claim_expands_as_schema_org():
    review = claimreview(GHAANI, GHAANI_VERDICT, organisation="Example Fact Check")
    json.dumps(review)  # plain JSON
    node = expand(review)
    assert node["@type"] == [SCHEMA + "ClaimReview"]
    assert values(node, "claimReviewed") == [GHAANI["text"]]
    assert values(node, "datePublished") == ["2021-07-20"]
    assert values(node, "url") == ["https://factcheck.example/2021/07/ghaani-calm"]
    [author] = node[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Organization"] and values(author, "name") == ["Example Fact Check"]
    assert SCHEMA + "creator" not in node  # the reviewer's login is not published by default

    [rating] = node[SCHEMA + "reviewRating"]
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert values(rating, "ratingValue") == [4]
    assert values(rating, "bestRating") == [5]
    assert values(rating, "worstRating") == [1]
    assert values(rating, "alternateName") == ["Mostly true"]
    assert values(rating, "ratingExplanation") == [GHAANI_VERDICT["note"]]

    [item] = node[SCHEMA + "itemReviewed"]
    assert item["@type"] == [SCHEMA + "Claim"]
    # anonymous officials are no one to name: the AP, first to carry the claim, is its author
    [claim_author] = item[SCHEMA + "author"]
    assert claim_author["@type"] == [SCHEMA + "Organization"]
    assert values(claim_author, "name") == ["Associated Press"]
    assert values(item, "datePublished") == ["2021-07-09"]
    appearances = item[SCHEMA + "appearance"]
    assert [a["@type"] for a in appearances] == [[SCHEMA + "CreativeWork"]] * 2
    assert [values(a, "datePublished") for a in appearances] == [["2021-07-09"], ["2021-07-13"]]
    assert [values(a["https://schema.org/publisher"][0], "name") for a in appearances] == [
        ["Associated Press"],
        ["Kurdistan 24"],
    ]
    [first] = item[SCHEMA + "firstAppearance"]
    assert values(first, "url") == ["https://apnews.com/article/iraq-militias-iran-ghaani-calm-nuclear-talks"]


def test_claimreview_of_the_militia_grad_claim():
    review = claimreview(
        GRAD, GRAD_VERDICT, organisation="Example Fact Check", url_base="https://fc.example/"
    )
    assert review["url"] == "https://fc.example/claims/7"  # no key, no evidence: the claim's id
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    }
    item = review["itemReviewed"]
    # the Pentagon's denial is an appearance, but the claim is the brigade's own, on its channel
    assert item["author"] == {"@type": "Organization", "name": "Revenge of al-Muhandis Brigade"}
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "datePublished": "2021-07-07",
        "publisher": {"@type": "Organization", "name": "Revenge of al-Muhandis Brigade"},
    }
    assert len(item["appearance"]) == 3
    assert "null" not in json.dumps(review)
    node = expand(review)
    assert values(node["https://schema.org/reviewRating"][0], "ratingValue") == [1]


def test_claimreview_details():
    named = {
        "key": "k/1 ?",
        "text": "x",
        "appearances": [{"outlet": "Rudaw", "speaker": "Hoshyar Zebari", "speaker_role": "former minister"}],
    }
    review = claimreview(
        named,
        {"rating": "unproven", "reviewer": "Dana", "date": None},
        organisation=" Example Fact Check ",
        url_base="https://fc.example",
        include_reviewer=True,
    )
    assert review["url"] == "https://fc.example/claims/k%2F1%20%3F"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert review["creator"] == {"@type": "Person", "name": "Dana"}
    assert review["author"]["name"] == "Example Fact Check"
    assert "datePublished" not in review
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Hoshyar Zebari",
        "jobTitle": "former minister",
    }
    assert "url" not in claimreview(named, {"rating": "true"}, organisation="X")
    with pytest.raises(InvalidInput, match="organisation"):
        claimreview(named, {"rating": "true"}, organisation=" ")
    with pytest.raises(InvalidInput, match="Rating 'bogus'"):
        claimreview(named, {"rating": "bogus"}, organisation="X")


def test_claimreview_document():
    reviews = [
        claimreview(GHAANI, GHAANI_VERDICT, organisation="Example Fact Check"),
        claimreview(GRAD, GRAD_VERDICT, organisation="Example Fact Check"),
    ]
    bare = {k: v for k, v in reviews[1].items() if k != "@context"}
    document = claimreview_document([reviews[0], bare])
    assert document == reviews
    expanded = jsonld.expand(json.loads(json.dumps(document)), {"documentLoader": schema_org_offline})
    assert [n["@type"] for n in expanded] == [[SCHEMA + "ClaimReview"]] * 2
    with pytest.raises(ValueError, match="not a ClaimReview"):
        claimreview_document([{"@type": "Claim"}])


def test_spreadsheet_yes_no_cells_are_read_as_booleans():
    text = "text,outlet,anonymous\nA,AP,TRUE\nB,AP,yes\nC,AP,N\nD,AP,0\nE,AP,oui\n"
    assert rows_of(text) == [
        (2, {"text": "A", "outlet": "AP", "anonymous": True}),
        (3, {"text": "B", "outlet": "AP", "anonymous": True}),
        (4, {"text": "C", "outlet": "AP", "anonymous": False}),
        (5, {"text": "D", "outlet": "AP", "anonymous": False}),
        (6, "anonymous must be true or false, not 'oui'."),
    ]
