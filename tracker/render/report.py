"""A report as data (sections of tables and notes), drawn three ways: rich on the
terminal, Markdown, and rich's HTML or text export for ``--output``.

Every cell is database text or a number and is shown inert (``render.data``); Markdown
escapes the characters that would change a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tracker.render import data, inert


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportDoc:
    title: str
    sections: list[Section] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)


def to_rich(doc: ReportDoc) -> Group:
    parts: list = [Text(doc.title, style="bold underline")]
    parts += [data(line, "dim") for line in doc.intro]
    for sec in doc.sections:
        table = Table(title=data(sec.title), title_justify="left", show_lines=True, expand=False)
        for col in sec.columns:
            table.add_column(col, style=sec.styles.get(col, ""), overflow="fold")
        for row in sec.rows:
            table.add_row(*(data(c) for c in row))
        if sec.rows:
            parts.append(table)
        else:
            parts.append(data(sec.title + ": none", "bold"))
        parts += [data(n, "italic") for n in sec.notes]
    return Group(*parts)


def _md_cell(value: str) -> str:
    return inert(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(doc: ReportDoc) -> str:
    out = [f"# {_md_cell(doc.title)}", ""]
    out += [f"{_md_cell(line)}  " for line in doc.intro]
    for sec in doc.sections:
        out += ["", f"## {_md_cell(sec.title)}", ""]
        if sec.rows:
            out.append("| " + " | ".join(_md_cell(c) for c in sec.columns) + " |")
            out.append("|" + "---|" * len(sec.columns))
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in sec.rows]
        else:
            out.append("None.")
        out += ["", *(f"*{_md_cell(n)}*" for n in sec.notes)] if sec.notes else []
    return "\n".join(out) + "\n"


def check_output(path: Path | None, json_: bool = False) -> None:
    """Refuse an ``--output`` the report could not be written to, before the report is
    worked out (over a large database that takes a while, and the contradiction report
    stores what it finds in the same transaction)."""
    from tracker.errors import InvalidInput

    if path is None:
        return
    if json_:
        raise InvalidInput("--output writes a printable report and --json prints data: use one of them.")
    if path.suffix.lower() not in (".md", ".html", ".htm", ".txt"):
        raise InvalidInput(f"Cannot write a report to '{path.name}': use a .html, .md or .txt file name.")
    if path.is_dir():
        raise InvalidInput(f"Cannot write {path}: Is a directory.")
    if not path.parent.is_dir():
        raise InvalidInput(f"Cannot write {path}: the folder {path.parent} does not exist.")


def write(doc: ReportDoc, path: Path) -> None:
    """A printable copy: .html, .md or .txt by the file's extension."""
    from tracker.errors import InvalidInput

    check_output(path)
    suffix = path.suffix.lower()
    if suffix == ".md":
        content = to_markdown(doc)
    else:
        console = Console(record=True, width=140, file=open_null(), color_system="truecolor")
        console.print(to_rich(doc))
        content = console.export_html() if suffix != ".txt" else console.export_text()
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {path}: {exc.strerror}.") from exc


def open_null():
    import io

    return io.StringIO()
