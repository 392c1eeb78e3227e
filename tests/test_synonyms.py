"""The user's synonyms file: it extends the built-in classes of the content score, takes
effect on the next command, and a broken file stops every command with one sentence."""

from __future__ import annotations

import pytest

from tests.conftest import table_counts

CONVOY = "A convoy of 40 trucks carrying rockets crossed the Qaim border post at night."
COLUMN = "A column of 40 trucks carrying rockets crossed the Qaim border post at night."


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    path = tmp_path / "synonyms.toml"
    monkeypatch.setenv("TRACKER_SYNONYMS", str(path))
    return path


def _concepts(text: str) -> set[str]:
    from tracker.matching.content import concepts
    from tracker.matching.form import fold_text

    return set(concepts(text, fold_text(text)).tokens)


def test_a_user_class_joins_words_and_a_changed_file_is_read_again(user_file):
    from tracker.matching import synonyms

    synonyms.check_file()
    assert _concepts(CONVOY) != _concepts(COLUMN)
    user_file.write_text('[classes]\nconvoy = ["convoy", "column"]\nrockets = ["katyushas"]\n')
    synonyms.check_file()
    assert _concepts(CONVOY) == _concepts(COLUMN)
    assert synonyms.concept_of("katyushas") == synonyms.concept_of("missiles") == "rockets"
    user_file.write_text('[classes]\nconvoy = ["convoy", "caravan"]\n')
    synonyms.check_file()
    assert _concepts(CONVOY) != _concepts(COLUMN)
    assert synonyms.concept_of("caravan") == "convoy"


def test_the_user_class_changes_what_claim_similar_says(cli, user_file):
    cli.ok("outlet", "add", "Wire")
    cli.ok("claim", "add", CONVOY, "--outlet", "Wire", "--yes")
    before = cli.json("claim", "similar", "--text", COLUMN)
    user_file.write_text('[classes]\nconvoy = ["convoy", "column"]\n')
    after = cli.json("claim", "similar", "--text", COLUMN)
    assert after["similar"][0]["score"] > before["similar"][0]["score"], (before, after)
    shown = cli.json("synonyms", "show")
    assert shown["classes"]["convoy"] == ["convoy", "column"]
    assert "soldiers" in shown["classes"]["troops"]  # the built-in classes stay


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('[classes]\nconvoy = ["convoy", "troops"]\n', '"troops" is in class "troops" and in class "convoy"'),
        ('[classes]\nconvoy = ["armed convoy"]\n', '"armed convoy" is not one word'),
        ('[classes]\nconvoy = "convoy"\n', 'class "convoy" must be a list of words'),
        ("[verbs]\nx = 1\n", "unknown table 'verbs'"),
        ("[classes\n", "TOML error"),
        ("[forms]\nshot = 3\n", "which is not a word"),
    ],
)
def test_a_broken_file_stops_the_command_with_one_sentence(cli, db_url, user_file, body, says):
    cli.ok("outlet", "add", "Wire")
    cli.ok("claim", "add", CONVOY, "--outlet", "Wire", "--yes")
    counts = table_counts(db_url)
    user_file.write_text(body)
    result = cli("claim", "add", COLUMN, "--outlet", "Wire", "--yes")
    assert result.exit_code == 1
    assert says in result.stderr and str(user_file) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert table_counts(db_url) == counts
