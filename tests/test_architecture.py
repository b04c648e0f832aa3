"""The package's layering, as the house style states it: library code never imports the
command line, so a library user (Sphinx, MkDocs, the Python API) never pulls in click's
commands, and a command is only ever a thin wrapper."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cjmdsl"
COMMAND_LINE = ("cjmdsl.cli", "cjmdsl.cli.commands")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


LIBRARY = [path for path in sorted(PACKAGE.rglob("*.py"))
           if not module_name(path).startswith(COMMAND_LINE)]


@pytest.mark.parametrize("path", LIBRARY, ids=module_name)
def test_library_code_never_imports_the_command_line(path):
    assert {name for name in imported(path) if name.startswith(COMMAND_LINE)} == set()


def test_the_model_imports_nothing_of_the_pipeline():
    used = {name for name in imported(PACKAGE / "model.py") if name.startswith("cjmdsl")}
    # the table of channels says what `channel` means; nothing else of the package
    assert {name for name in used if not name.startswith("cjmdsl.channels")} == set()


def test_a_journey_shows_itself_as_its_map_in_jupyter():
    from cjmdsl import parse

    journey = parse('map "M" { stage s "S" { touchpoint t "T" { channel web } } }')
    assert journey._repr_svg_().startswith("<svg")


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=module_name)
def test_no_module_imports_a_private_name_of_another(path):
    private = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cjmdsl"):
            private |= {f"{node.module}.{alias.name}" for alias in node.names
                        if alias.name.startswith("_") and not alias.name.startswith("__")
                        and not is_module(f"{node.module}.{alias.name}")}
    assert private == set()


def is_module(name: str) -> bool:
    """A private module (`_templates`, `_parser_tables`) is its package's own to import."""
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()
