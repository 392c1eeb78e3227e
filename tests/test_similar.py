"""``claim similar``: the closest stored claims to a claim or a text, ranked by a score
in which rare words (names, places, numbers) count for more than frame words, each with
what the pipeline makes of the pair."""

from __future__ import annotations

FRAME = [
    # Claims worded like the rewording below, with none of its names or places: they
    # share its frame words ("in", "ordered", "the leaders of", "to stop").
    f"In Basra on day {n}, the governor ordered the leaders of the port union to stop firing workers."
    for n in range(8)
]
ORIGINAL = "Quds Force commander Esmail Ghaani told Kataib Sayyid al-Shuhada in Najaf to hold fire."
REWORDING = "In Najaf, Ghaani ordered the leaders of Kataib Sayyid al-Shuhada to stop firing."


def _fill(cli) -> None:
    cli.ok("outlet", "add", "Wire")
    for text in [*FRAME, ORIGINAL]:
        cli.ok("claim", "add", text, "--outlet", "Wire", "--yes")


def test_a_rewording_ranks_first_above_claims_sharing_only_frame_words(cli):
    _fill(cli)
    out = cli.json("claim", "similar", "--text", REWORDING, "--limit", "3")
    assert out["claim"] is None and out["text"] == REWORDING
    first = out["similar"][0]
    assert first["claim"]["text"] == ORIGINAL
    assert first["judgement"] in ("the same claim", "possibly the same claim", "related")
    assert first["reasons"] and first["score"] > out["similar"][1]["score"]
    assert len(out["similar"]) == 3


def test_a_stored_claim_is_not_its_own_neighbour_and_an_appearance_key_finds_it(cli):
    cli.ok("outlet", "add", "Wire")
    cli.ok("claim", "add", ORIGINAL, "--outlet", "Wire", "--key", "orig", "--yes")
    cli.ok("claim", "add", REWORDING, "--outlet", "Wire", "--key", "again", "--yes")
    cli.ok("claim", "add", FRAME[0], "--outlet", "Wire", "--key", "frame", "--yes")
    out = cli.json("claim", "similar", "again")
    texts = [row["claim"]["text"] for row in out["similar"]]
    assert REWORDING not in texts and texts[0] == ORIGINAL
    # An appearance's key names its claim, as the claim's own key does.
    (listed,) = [c for c in cli.json("claim", "list") if c["text"] == ORIGINAL]
    assert cli.json("claim", "show", "orig")["id"] == listed["id"]


def test_similar_needs_a_claim_or_a_text_but_not_both(cli):
    _fill(cli)
    for args in ([], ["1", "--text", "Ghaani in Najaf."]):
        result = cli("claim", "similar", *args)
        assert result.exit_code == 1
        assert result.stderr.strip().count("\n") == 0 and "--text" in result.stderr
        assert result.stdout == ""


def test_claim_add_shows_the_closest_stored_claims_below_every_threshold(cli):
    _fill(cli)
    out = cli.json("claim", "add", REWORDING, "--outlet", "Wire", "--yes")
    assert out["created"] is True  # no duplicate: the rewording is too loose for the judgement
    closest = out["closest"]
    assert 1 <= len(closest) <= 3 and closest[0]["claim"]["text"] == ORIGINAL
    assert all(row["claim"]["id"] != out["claim"]["id"] for row in closest)
    shown = cli.ok(
        "claim",
        "add",
        "Ghaani ordered Kataib Sayyid al-Shuhada to stop firing in Najaf.",
        "--outlet",
        "Wire",
        "--yes",
    )
    assert "closest stored claims" in shown.stdout and "Quds Force" in shown.stdout
