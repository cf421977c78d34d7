"""The package's layers, read from its source: nothing imports upward, nothing in a circle.

core < exchange < (ui, commands): a module may import its own layer and the ones below it.
Imports inside functions count (a lazy import is still a dependency); imports under
`if TYPE_CHECKING:` count for the layers (a type named from above is still a dependency) but not
for circles, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bachthong_desktop

PACKAGE = Path(bachthong_desktop.__file__).parent
NAME = PACKAGE.name
# What each layer may NOT import.
FORBIDDEN = {
    "core": {"exchange", "ui", "commands"},
    "exchange": {"ui", "commands"},
    "ui": {"commands"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> set[str]:
    """The package's modules one import statement brings in."""
    if isinstance(node, ast.Import):
        names = {alias.name for alias in node.names}
    else:
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        names = {f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source
                 for a in node.names}
    return {name for name in names if name in MODULES and name != module}


def imports(module: str) -> tuple[set[str], set[str]]:
    """(imports that run, imports only for type checking) of one module, lazy ones included."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            typing_only |= {id(n) for part in node.body for n in ast.walk(part)}
    running, typed = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found = _targets(node, module, path.name == "__init__.py")
            (typed if id(node) in typing_only else running).update(found)
    return running, typed


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def upward_imports() -> list[str]:
    found = []
    for module in sorted(MODULES):
        running, typed = imports(module)
        for target in sorted(running | typed):
            if layer(target) in FORBIDDEN.get(layer(module), ()):
                found.append(f"{module} -> {target}")
    return found


def circles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), over imports that run."""
    edges = {module: imports(module)[0] for module in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def test_the_reader_sees_the_package():
    assert f"{NAME}.core.db" in MODULES and f"{NAME}.ui.main_window" in MODULES
    running, _ = imports(f"{NAME}.ui.main_window")
    assert f"{NAME}.ui.window_actions" in running  # a lazy import, inside `open`


def test_nothing_imports_upward():
    assert upward_imports() == []


def test_no_import_circles():
    assert circles() == []


def test_the_checker_finds_an_upward_import_and_a_circle(monkeypatch, tmp_path):
    """The checks above can fail: a lazy upward import and a circle are both reported."""
    core = tmp_path / "core.py"
    core.write_text(f"def f():\n    from {NAME}.ui import main_window\n", encoding="utf-8")
    window = tmp_path / "window.py"
    window.write_text(f"from {NAME}.ui import top_bar\n", encoding="utf-8")
    bar = tmp_path / "bar.py"
    bar.write_text(f"def g():\n    from {NAME}.ui.main_window import MainWindow\n", encoding="utf-8")
    fake = {f"{NAME}.core.fake": core, f"{NAME}.ui.main_window": window, f"{NAME}.ui.top_bar": bar}
    monkeypatch.setattr(f"{__name__}.MODULES", fake)
    assert upward_imports() == [f"{NAME}.core.fake -> {NAME}.ui.main_window"]
    assert circles() == [[f"{NAME}.ui.main_window", f"{NAME}.ui.top_bar"]]
