"""cjmdsl: customer journey maps as code.

`parse` turns .cjm text into a Journey, `render` draws it (SVG by default),
`check` returns every diagnostic without raising. Names are imported on first
use, so `cjm --version` does not load the parser.
"""
from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "check": "cjmdsl.api",
    "parse": "cjmdsl.api",
    "render": "cjmdsl.api",
    "formats": "cjmdsl.backends",
    "BackendUnavailable": "cjmdsl.backends",
    "CjmError": "cjmdsl.language.diagnostics",
    "Diagnostic": "cjmdsl.language.diagnostics",
    "Journey": "cjmdsl.model",
    "UnknownFormat": "cjmdsl.backends",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'cjmdsl' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The API as well as what is already loaded, so completion and help() see it."""
    return sorted({*globals(), *__all__})
