"""The optional parts of cjmdsl (pip "extras"), and the one way to say how to install one.

cjmdsl is not published on PyPI, so `pip install "cjmdsl[lsp]"` finds nothing: an extra
is installed from the source checkout, `pip install ".[lsp]"`. Every message and `--help`
text says it with `install_hint`, and tests/test_readme.py holds the README to
`install_command`: when PUBLISHED becomes true, every message changes with it and that
test shows where the README must follow.
"""
from __future__ import annotations

PUBLISHED = False  # True once `pip install cjmdsl` finds the package on PyPI

# The extras of pyproject.toml, except `test` (tests/test_extras.py keeps them equal).
EXTRAS = ("sphinx", "mkdocs", "png", "pdf", "export", "highlight", "lsp", "live", "xlsx")


def install_command(extra: str) -> str:
    """The pip command that installs `extra`: from the checkout until cjmdsl is published."""
    if extra not in EXTRAS:
        raise KeyError(extra)
    return f'pip install "cjmdsl[{extra}]"' if PUBLISHED else f'pip install ".[{extra}]"'


def install_hint(extra: str) -> str:
    """`install_command` with where to run it, for messages: 'pip install ".[lsp]" in
    the cjmdsl checkout'."""
    command = install_command(extra)
    return command if PUBLISHED else f"{command} in the cjmdsl checkout"
