"""Find the data files the package ships: the grammar and the themes.

In a wheel they live inside the package (`cjmdsl/_data/…`, put there by the
build); in a source checkout they live at the top of the repository, where
people edit them. Both layouts resolve through `data_file`.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_CANDIDATES = (_PACKAGE / "_data", _PACKAGE.parent)


def data_dir(kind: str) -> Path:
    """The folder holding `kind` ("grammar" or "themes")."""
    for root in _CANDIDATES:
        folder = root / kind
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"cjmdsl is installed without its {kind} folder")


def data_file(kind: str, name: str) -> Path:
    return data_dir(kind) / name
