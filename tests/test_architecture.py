"""The house rules: no import circle, dependencies pointing one way, small modules and functions.

The import graph is read from the source (imports under TYPE_CHECKING count:
they are design ties too), never by importing the modules.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("numpy_net", "torch_net", "parity")
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60

# Each unit may import only from units of a lower rank (and from itself): the data flow
# config -> engine -> diagnosis -> report, with the pipeline (api), the catalogue and the CLI on top.
LAYERS = (
    ("numpy_net",),
    ("torch_net",),
    ("parity.errors", "parity.processes", "parity.pristine"),
    ("parity.tolerance",),
    ("parity.memory", "parity.allocator"),
    ("parity.files",),
    ("parity.config",),
    ("parity.engine",),
    ("parity.diagnosis", "parity.programs"),
    ("parity.report",),
    ("parity.api",),
    ("parity.mutants", "parity.testing", "parity.benchmark", "parity.migrate"),
    ("parity.cli",),
    ("parity.launch",),
    ("parity",),  # the package's own __init__: the public names
)


def module_files() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project's modules that `name` imports, resolving relative imports and `from package import module`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), and modules importing themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def unit_of(module: str) -> str:
    """The layer unit a module belongs to: the longest unit name that is it or contains it."""
    units = [u for layer in LAYERS for u in layer if module == u or module.startswith(u + ".")]
    return max(units, key=len)


def rank_of(unit: str) -> int:
    return next(rank for rank, layer in enumerate(LAYERS) if unit in layer)


def test_the_circle_finder_finds_a_planted_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert circles(graph) == [["a", "b", "c"], ["e"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_among_the_projects_modules():
    graph = import_graph()
    assert len(graph) > 40, "the graph should hold every module of the three packages"
    assert circles(graph) == []


def test_dependencies_point_one_way():
    wrong = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if unit_of(target) != unit_of(module) and rank_of(unit_of(target)) >= rank_of(unit_of(module))
    ]
    assert wrong == [], "each layer imports only from layers below it (LAYERS): " + "; ".join(wrong)


def test_every_module_has_a_place_in_the_layers():
    for module in import_graph():
        assert unit_of(module), module


def test_numpy_net_never_imports_torch():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "numpy_net").rglob("*.py")
        if any(
            (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "torch" for a in node.names))
            or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "torch")
            for node in ast.walk(ast.parse(path.read_text()))
        )
    ]
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_and_functions_stay_small(package):
    too_long = []
    for path in (ROOT / package).rglob("*.py"):
        source = path.read_text()
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []


def test_the_command_line_loads_without_torch():
    """`parity --help` must answer at once: torch is imported only by the commands that run."""
    probe = "import sys; from parity.cli import cli; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("command", ["run", "check", "explain", "migrate", "mutants", "sweep", "bench"])
def test_every_commands_help_answers_without_importing_torch(command):
    probe = ("import sys\nfrom parity.cli import cli\ntry:\n    cli([%r, '--help'])\n"
             "finally:\n    print('torch' in sys.modules, file=sys.stderr)" % command)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Usage:" in result.stdout and result.stderr.strip() == "False", result.stderr


def test_the_list_of_commands_whose_help_is_probed_is_whole():
    from parity.cli import cli

    assert sorted(cli.commands) == sorted(["run", "check", "explain", "migrate", "mutants", "sweep", "bench"])
