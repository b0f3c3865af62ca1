"""The layout's rules, checked on the source: who may import whom (docs/architecture.md explains why).

Every `import` counts, at the top of a module or inside a function, so a lazy import cannot hide a
dependency the design forbids.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str) -> set[str]:
    """Every module `module` imports: `from a import b` names `a.b` when b is a module, else `a`."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _reaches(module: str) -> set[str]:
    """Every module `module` imports, directly or through the reader's own modules."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for target in GRAPH.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _is_ui(name: str) -> bool:
    return name.split(".")[0] == "textual" or name == "reader.ui" or name.startswith("reader.ui.")


CORE = [m for m in MODULES if m.startswith(("reader.analysis", "reader.sources", "reader.collection"))]


@pytest.mark.parametrize("module", CORE)
def test_the_analysis_sources_and_collection_never_import_the_ui(module: str) -> None:
    assert not sorted(filter(_is_ui, _reaches(module)))


UI_PARTS = [m for m in MODULES if m.startswith(("reader.ui.screens", "reader.ui.widgets"))]


@pytest.mark.parametrize("module", UI_PARTS)
def test_screens_and_widgets_never_import_the_app(module: str) -> None:
    assert "reader.ui.app" not in _reaches(module)


def test_widgets_never_import_screens() -> None:
    for module in (m for m in MODULES if m.startswith("reader.ui.widgets")):
        assert not {t for t in _reaches(module) if t.startswith("reader.ui.screens")}, module


def test_no_import_cycles() -> None:
    cycles = sorted(module for module in MODULES if module in _reaches(module))
    assert not cycles, f"modules that import themselves through others: {cycles}"


def test_the_rules_see_the_imports() -> None:
    """The graph is not empty by accident: known imports are in it."""
    assert "reader.analysis.model" in GRAPH["reader.analysis.pipeline"]
    assert "reader.ui.screens.article" in GRAPH["reader.ui.app"]  # a lazy import inside a method
    assert "textual.screen" in GRAPH["reader.ui.screens.library"]
    assert "reader.settings.paths" in GRAPH["reader.analysis.cache"]  # `from reader.settings import paths`
    assert _is_ui("textual.app") and _is_ui("reader.ui.app") and not _is_ui("reader.analysis")
    assert not _is_ui("rich.progress")  # plain terminal output (a progress line on stderr) is no UI
