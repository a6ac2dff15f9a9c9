"""The arrows point down: corpus <- network <- web, read from the source with ``ast``.

``corpus`` imports nothing from ``network`` or ``web``; ``network`` nothing from ``web``;
only ``web`` imports dash, dash_cytoscape, plotly or flask; ``settings`` and the package's
``__init__`` import the layers only inside functions; ``cli`` is the top and may import
anything. No two modules import each other, however long the way round.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
WEB_ONLY = {"dash", "dash_cytoscape", "plotly", "flask"}
FORBIDDEN = {"corpus": ("dashboard.network", "dashboard.web"), "network": ("dashboard.web",)}
LAZY_ONLY = {"dashboard", "dashboard.settings", "dashboard.__main__"}  # beside the layers


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for every import in ``name``, relative ones
    resolved; ``from X import y`` is an import of ``X.y`` when that is a module."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                root = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(root + ([node.module] if node.module else []))
            found += [(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base,
                       id(node) in top) for a in node.names]
    return found


def test_the_arrows_point_down() -> None:
    wrong = []
    for name in MODULES:
        layer = name.split(".")[1] if name.count(".") else ""
        for target, at_top in imports(name):
            if (target.split(".")[0] in WEB_ONLY and layer != "web"
                    or target.startswith(FORBIDDEN.get(layer, ("-",)))
                    or name in LAZY_ONLY and at_top and target.startswith((
                        "dashboard.corpus", "dashboard.network", "dashboard.web"))):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = nx.DiGraph((name, target) for name in MODULES for target, _ in imports(name)
                       if target in MODULES and target != name)
    assert list(nx.simple_cycles(graph)) == []


def test_modules_stay_small() -> None:
    lines = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in MODULES.items()}
    long = {name: n for name, n in lines.items() if n > 300}
    if long:
        warnings.warn(f"modules over 300 lines: {long}", stacklevel=1)
    assert {name: n for name, n in long.items() if n > 330} == {}
