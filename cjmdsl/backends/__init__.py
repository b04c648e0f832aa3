"""Output formats: one module per format, found by name, imported only when used.

A backend module defines `EXTENSION`, `BINARY` (bytes or text output) and
`render(journey, theme) -> str | bytes`. Adding a format is adding a module;
`formats()` lists them without importing any.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


class BackendUnavailable(Exception):
    """A format needs something this machine lacks (such as Graphviz's `dot`); the message
    says what to install."""


def formats() -> list[str]:
    """The format names a user can ask for (module names, `_` written as `-`)."""
    return sorted(info.name.replace("_", "-") for info in pkgutil.iter_modules(__path__)
                  if not info.name.startswith("_"))


def text_formats() -> list[str]:
    """The formats whose output is text (`BINARY` false); this imports their modules."""
    return [name for name in formats() if not backend(name).BINARY]


def backend(format_name: str) -> ModuleType:
    if format_name not in formats():
        raise KeyError(format_name)
    return importlib.import_module(f"{__name__}.{format_name.replace('-', '_')}")
