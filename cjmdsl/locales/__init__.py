"""The language a map is written for: the words the tool writes itself, numbers, hyphenation.

Rendering runs in one language at a time (`speaking`); the words, figures and line breaks
below read it from here, so no backend passes it along by hand.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

DEFAULT_LANGUAGE = "en"

_current: ContextVar[str] = ContextVar("cjm_language", default=DEFAULT_LANGUAGE)


def language() -> str:
    """The language being written, `en` unless a map or `--lang` says otherwise."""
    return _current.get()


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Write in `lang` (None: the default) for the duration of the block."""
    token = _current.set(lang or DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _current.reset(token)
