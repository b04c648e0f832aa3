"""Output formats: one module per format, found by name, imported only when used.

A backend module defines `BINARY` (bytes or text output) and
`render(journey, theme) -> str | bytes`; a text format may also define
`write(journey, theme, out)`, writing to a text stream as it draws, which `cjm render` uses
to write a file without holding all of it (`render` is then that, into one text). Adding a
format is adding a module;
`formats()` lists them and `extension()` names their files without importing any, so
telling the format from an output's name costs nothing.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from types import ModuleType


class BackendUnavailable(Exception):
    """A format needs something this machine lacks (such as Graphviz's `dot`); the message
    says what to install."""


class BackendWarning(UserWarning):
    """What a drawing tool said about a map it drew all the same (Graphviz's `dot` scaling a
    picture down); `warnings.warn`ed, so a library user sees it as any Python warning, and
    `render_noting` hands it to the commands to print as a diagnostic."""


def render_noting(module: ModuleType, journey, theme, **options) -> tuple[object, list[str]]:
    """`module.render(journey, theme, **options)` and the BackendWarnings it gave, in order."""
    return noting(lambda: module.render(journey, theme, **options))


def noting(draw: Callable[[], object]) -> tuple[object, list[str]]:
    """What `draw()` returns and the BackendWarnings it gave, in order; other warnings go
    on as warnings."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", BackendWarning)
        content = draw()
    noted = [str(w.message) for w in caught if issubclass(w.category, BackendWarning)]
    for other in (w for w in caught if not issubclass(w.category, BackendWarning)):
        warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    return content, noted


class UnknownFormat(ValueError):
    """A format name no backend answers to; the message lists the known ones."""

    def __init__(self, format_name: str):
        super().__init__(f"unknown format {format_name!r}; the formats are "
                         f"{', '.join(formats())}")
        self.format_name = format_name


def formats() -> list[str]:
    """The format names a user can ask for (module names, `_` written as `-`)."""
    return list(_format_names())


@cache
def _format_names() -> tuple[str, ...]:
    return tuple(sorted(info.name.replace("_", "-") for info in pkgutil.iter_modules(__path__)
                        if not info.name.startswith("_")))


def text_formats() -> list[str]:
    """The formats whose output is text (`BINARY` false); this imports their modules."""
    return [name for name in formats() if not backend(name).BINARY]


def backend(format_name: str) -> ModuleType:
    """The module of `format_name`; raises UnknownFormat for a name that is not one."""
    if format_name not in formats():
        raise UnknownFormat(format_name)
    return importlib.import_module(f"{__name__}.{format_name.replace('-', '_')}")


def format_for(file_name: str) -> str | None:
    """The format a file's name asks for, by the longest extension that ends it, in any
    case (`a.flow.svg` is flow-svg, `A.PNG` is png); None when no format's does."""
    name = file_name.lower()
    return next((n for n, extension in _by_extension_length() if name.endswith(extension)), None)


def extension(format_name: str) -> str:
    """The file extension a format writes: its name, with `-` as `.` (`.svg`, `.flow.svg`)."""
    return "." + format_name.replace("-", ".")


@cache
def _by_extension_length() -> tuple[tuple[str, str], ...]:
    """(format, extension), longest extension first: `.flow.svg` is tried before `.svg`."""
    pairs = ((name, extension(name)) for name in formats())
    return tuple(sorted(pairs, key=lambda pair: -len(pair[1])))


def file_type(format_name: str) -> str:
    """The kind of file a format writes, its last suffix: `.svg` for svg and flow-svg."""
    return "." + extension(format_name).rsplit(".", 1)[-1]


def extensions() -> list[str]:
    """Every format's extension, for messages."""
    return sorted({extension(n) for n in formats()}, key=lambda e: (e.count("."), e))
