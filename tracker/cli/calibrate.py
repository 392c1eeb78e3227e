"""`tracker calibrate`: precision and recall of the judgement per threshold, on a labelled set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.common import JsonOpt, print_json


def calibrate(
    pairs: Annotated[
        Path, typer.Argument(help="Labelled pairs in the format of truth.json (docs/formats.md).")
    ],
    claims: Annotated[
        Path | None,
        typer.Option(help="The claims of the set, an interchange file (default: claims.jsonl beside PAIRS)."),
    ] = None,
    target: Annotated[
        float, typer.Option(help="Duplicate precision the proposed threshold must reach.")
    ] = 0.8,
    write: Annotated[
        bool, typer.Option("--write", help="Record the proposed threshold in the user's settings file.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Import the set's claims at each content threshold into a scratch database, print
    duplicate and contradiction precision and recall, and propose the threshold that meets
    the target precision. The database in use is not touched.

    Example: tracker calibrate ../shared/eval/truth.json --target 0.8 --write
    """
    from tracker import calibrate as core
    from tracker import usersettings

    result = core.calibrate(pairs, claims or pairs.with_name("claims.jsonl"), target=target)
    written = None
    if write and result.meets_target:
        written = str(usersettings.write({"content": result.proposed.content}))
    if json_:
        from tracker.render.jsonout import calibration_dict

        print_json(calibration_dict(result, written))
    else:
        from tracker.render import console
        from tracker.render.calibrate import calibration_table, proposal

        out = console()
        out.print(calibration_table(result))
        out.print(proposal(result, written), markup=False)
    if write and not result.meets_target:
        raise typer.Exit(1)  # asked to write, and no threshold meets the target


def register(app: typer.Typer) -> None:
    app.command("calibrate")(calibrate)
