"""letterkit's modules form a one-way flow (load → validate → proof/check → render → build …):
no module imports, directly or through others, a module that imports it back.  Read from the
source with `ast`, imports inside functions included (a lazy import still closes a circle)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "letterkit"


def modules() -> dict[str, tuple[Path, bool]]:
    """{dotted name: (file, is a package's __init__)} of every letterkit module."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def imports() -> dict[str, set[str]]:
    """{module: the letterkit modules its import statements name}, wherever the statements stand."""
    known = modules()
    graph = {}
    for name, (path, package) in known.items():
        named = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # from . import x, from ..y import z: relative to the module's package
                    here = name.split(".") if package else name.split(".")[:-1]
                    base = ".".join(here[:len(here) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                named |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names}
        resolved = set()
        for target in named:
            while target not in known and "." in target:  # a name inside a module: the module
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                resolved.add(target)
        graph[name] = resolved
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each circle a depth-first walk meets, as the modules around it."""
    state, path, found = {}, [], []

    def walk(module):
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                walk(target)
        path.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module)
    return found


def reached(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_the_reader_sees_every_kind_of_import_statement():
    graph = imports()
    assert "letterkit.proof.registry" in graph["letterkit.proof.quantities"]     # from .registry import …
    assert "letterkit.cache" in graph["letterkit.proof.dictionary"]            # from ..cache import …, in a function
    assert {"letterkit.signoff", "letterkit.style"} <= graph["letterkit.proof.sender"]  # from .. import a, b
    assert "letterkit.proof.quantities" in graph["letterkit.proof"]               # from . import quantities
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_the_import_graph_has_no_cycle():
    assert cycles(imports()) == []


def test_the_rules_sit_below_validate_check_and_build():
    """validate, lint (check), fix, import and the docs read the registry; it reads none of them."""
    graph = imports()
    below = reached(graph, "letterkit.proof")
    assert not below & {"letterkit.validate", "letterkit.lint", "letterkit.fix", "letterkit.build", "letterkit.render",
                        "letterkit.importing", "letterkit.cli", "letterkit.schema"}, below
    assert "letterkit.build" not in reached(graph, "letterkit.lint")  # check reads a draft through layers, not build


@pytest.mark.parametrize("name", sorted(set(modules()) - {"letterkit.__main__"}))  # __main__ runs the CLI
def test_every_module_imports(name):
    importlib.import_module(name)
