"""The package's shape, as docs/architecture.md draws it: no import cycle between tracker
modules (imports inside functions count), no arrow from the core into ``tracker.cli`` or
``tracker.render``, no module over 600 lines and no function over 80 lines in
``tracker/``, and no ``--json`` shape built in ``tracker/cli/`` (``tracker.render`` builds
them). (That no migration revision imports project code is tests/test_migrations.py's.)"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "tracker"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The tracker modules ``name`` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            targets = [base, *(f"{base}.{a.name}" for a in node.names)]
        for target in targets:
            # ``from tracker.x import y``: the module tracker.x.y if y is one, else tracker.x.
            if target in modules and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_between_tracker_modules():
    assert _cycles(_graph()) == []


def test_the_core_never_imports_the_cli_or_the_renderers():
    outer = ("tracker.cli", "tracker.render")
    wrong = [
        (name, target)
        for name, targets in _graph().items()
        if not name.startswith(outer) and name != "tracker.__main__"
        for target in targets
        if target.startswith(outer)
    ]
    assert wrong == []


def test_no_module_or_function_is_too_long():
    long_modules = []
    long_functions = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            long_modules.append((name, len(text.splitlines())))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append((name, node.name, length))
    assert long_modules == []
    assert long_functions == []


def test_the_checks_see_what_they_look_for():
    """The walker itself: it finds imports made inside functions, and a cycle."""
    graph = _graph()
    assert "tracker.judgement.single" in graph["tracker.claims.workflow"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    inside = [
        name
        for name, path in _modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
        for sub in ast.walk(node)
        if isinstance(sub, ast.ImportFrom) and (sub.module or "").startswith("tracker")
    ]
    assert inside  # the CLI imports the core inside its commands


def _inline_shape(node: ast.expr) -> bool:
    """Whether ``node`` builds a JSON shape in place: a dict literal or comprehension, a
    call to ``asdict``, or a list, tuple or comprehension of such things or of lists."""
    if isinstance(node, ast.Dict | ast.DictComp):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        return (func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)) == "asdict"
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return any(isinstance(e, ast.List | ast.ListComp) or _inline_shape(e) for e in node.elts)
    if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp):
        return isinstance(node.elt, ast.List | ast.ListComp) or _inline_shape(node.elt)
    return False


def _inline_json_shapes(tree: ast.AST) -> list[int]:
    """Lines where ``print_json`` is handed a shape built in place."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None))
        == "print_json"
        and any(_inline_shape(arg) for arg in node.args)
    ]


def test_every_json_shape_is_built_in_render():
    """A command hands print_json what a tracker.render function built (docs/json.md):
    no dict, asdict or nested list is put together in tracker/cli/."""
    wrong = [
        (path.name, line)
        for path in sorted((PACKAGE / "cli").glob("*.py"))
        for line in _inline_json_shapes(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert wrong == []


def test_the_json_shape_check_sees_inline_shapes():
    def found(src: str) -> bool:
        return bool(_inline_json_shapes(ast.parse(src)))

    assert found('print_json({"a": 1})')
    assert found("print_json({**claim_dict(c), 'score': s})")
    assert found('print_json([{"name": a.name} for a in rows])')
    assert found("print_json({**asdict(report)})")
    assert found("print_json(asdict(report))")
    assert found("print_json([[claim_dict(c) for c in m] for m in found])")
    assert found("common.print_json({k: v for k, v in x})")
    assert not found("print_json(claim_dict(c))")
    assert not found("print_json([claim_dict(c) for c in rows])")
    assert not found("print_json(summary_dict(result))")


def test_every_package_is_installed():
    """A package folder missing from pyproject.toml's list works in an editable checkout
    and is absent from a real install."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tracker").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
