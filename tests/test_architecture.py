"""The package's layers (docs/architecture.md): every module imports only its own layer or the ones
below, and no chain of imports comes back to where it started.

Read from the source with ``ast`` (nothing is imported), counting every import: at the top of a
module, inside a function (the lazy ones) and under ``TYPE_CHECKING``, since each is a dependency
a reader has to follow.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "retailkg"

# bottom first; a module may import from its own layer and from any layer before it
LAYERS: list[set[str]] = [
    {"retailkg", "retailkg.errors", "retailkg.ns", "retailkg.optional", "retailkg.resources"},
    {"retailkg.text"},
    {"retailkg.rdf"},
    {"retailkg.kg"},
    {"retailkg.query"},
    {"retailkg.design"},
    {"retailkg.validation"},
    {"retailkg.report"},
    {"retailkg.api"},
    {"retailkg.cli", "retailkg.__main__"},
]


def without_lazy_reexports(tree: ast.Module) -> ast.Module:
    """The package root as it runs on ``import retailkg``: without its ``__getattr__`` (PEP 562),
    which imports the Python API's names only when first asked for, and without the
    ``if TYPE_CHECKING:`` block naming them for type checkers. Those imports point up to
    ``retailkg.api`` by design (docs/architecture.md); nothing else in the root may."""

    def lazy(node: ast.stmt) -> bool:
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            return True
        return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"

    return ast.Module(body=[n for n in tree.body if not lazy(n)], type_ignores=[])


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The retailkg modules ``path`` imports (a ``from package import module`` counts as the module)."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if name == "retailkg":
        tree = without_lazy_reexports(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "retailkg"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "retailkg":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in known else target)
    return out - {name}


def layer_of(module: str) -> int:
    best = -1
    for i, layer in enumerate(LAYERS):
        for prefix in layer:
            if module == prefix or (prefix != "retailkg" and module.startswith(prefix + ".")):
                best = i
    if best < 0 and module.count(".") == 1:  # a module at the top of the package belongs to the bottom
        best = 0 if module in LAYERS[0] else -1
    return best


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(path, name, known) for name, path in mods.items()}


def test_every_module_has_a_layer() -> None:
    assert [m for m in modules() if layer_of(m) < 0] == []


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = sorted(f"{m} -> {t}" for m, targets in graph().items() for t in targets if layer_of(t) > layer_of(m))
    assert upward == []


def find_cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``g`` (as the modules along it, first repeated last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for t in sorted(g.get(m, ())):
            if state.get(t) == 1:
                return [*stack[stack.index(t):], t]
            if t not in state and (found := visit(t)) is not None:
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(g):
        if m not in state and (found := visit(m)) is not None:
            return found
    return None


def test_no_import_cycle() -> None:
    assert find_cycle(graph()) is None


@pytest.mark.parametrize(("g", "cycle"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ({"a": {"a"}}, ["a", "a"]),
])
def test_the_cycle_finder_finds_cycles(g: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(g) == cycle


def test_the_package_root_reexports_the_api_lazily_and_nothing_else_upwards(tmp_path: Path) -> None:
    """``retailkg.open`` and friends come from retailkg.api on first use; an import of them at the
    top of the root would be upward (and make ``import retailkg`` load the whole library)."""
    root = PACKAGE / "__init__.py"
    every = {n.module for n in ast.walk(ast.parse(root.read_text(encoding="utf-8"))) if isinstance(n, ast.ImportFrom)}
    assert "retailkg.api" in every
    assert imports_of(root, "retailkg", set(modules())) <= {"retailkg.errors"}
    p = tmp_path / "__init__.py"
    p.write_text("from retailkg.api import open\n\ndef __getattr__(name):\n    from retailkg.api import KnowledgeGraph\n", encoding="utf-8")
    assert imports_of(p, "retailkg", {"retailkg.api"}) == {"retailkg.api"}, "an eager import is seen"


def test_importing_the_package_loads_no_library() -> None:
    """``import retailkg`` (the CLI's first step, and every submodule's) stays cheap."""
    import subprocess
    import sys

    code = "import sys, retailkg; print(sorted(m for m in sys.modules if m.startswith(('retailkg.', 'rdflib', 'pyoxigraph'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
    code = "import sys, retailkg; retailkg.open; print('retailkg.api' in sys.modules, callable(retailkg.open))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == ["True", "True"]


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    """The checker itself can fail: a bottom module importing the CLI is reported."""
    p = tmp_path / "ns.py"
    p.write_text("from retailkg.cli import cli\n\ndef f():\n    from retailkg.validation import pipeline\n", encoding="utf-8")
    targets = imports_of(p, "retailkg.ns", {"retailkg.validation.pipeline"})
    assert targets == {"retailkg.cli", "retailkg.validation.pipeline"}
    assert all(layer_of(t) > layer_of("retailkg.ns") for t in targets)


def test_no_private_name_is_imported_from_another_module() -> None:
    """A leading underscore means "this module only": tests, bench and tools included."""
    root = SRC.parent
    files = [*PACKAGE.rglob("*.py"), *(root / "tests").glob("*.py"), *(root / "bench").glob("*.py"), *(root / "tools").glob("*.py")]
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("retailkg"):
                found += [f"{path.relative_to(root)}: {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []


def test_every_file_the_recipes_name_exists() -> None:
    """docs/architecture.md's recipes list the files to touch; each must be there."""
    root = SRC.parent
    text = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    recipes = text[text.index("## Recipes"):]
    paths = set(re.findall(r"`((?:src|shapes|queries|docs|tests|tools|data)/[^`\s]*)`", recipes))
    assert len(paths) >= 15
    assert sorted(p for p in paths if not (root / p).exists()) == []
