"""Every command has help text, and docs/commands.md is the current --help of each."""

from __future__ import annotations

from tests.conftest import ROOT


def test_every_command_and_option_has_help():
    from tracker.cli.docs import commands

    missing = []
    for name, cmd in commands():
        if not (cmd.help or "").strip():
            missing.append(name)
        for param in cmd.params:
            if getattr(param, "param_type_name", "") == "option" and not (param.help or "").strip():
                missing.append(f"{name} {param.opts[0]}")
    assert missing == []


def test_command_reference_is_current():
    from tracker.cli.docs import reference

    current = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert current == reference(), "docs/commands.md is stale: python -m tracker.cli.docs > docs/commands.md"


def test_docs_named_in_the_readme_exist():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in re.findall(r"`([a-z-]+\.md)`", readme):
        assert (ROOT / "docs" / name).is_file(), name
