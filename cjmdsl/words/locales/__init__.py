"""The language a map is written for: the words the tool writes itself, its figures and
where long words are hyphenated.

Each shipped language is one message catalogue beside this file, `<code>.toml`, read on
first use; `en.toml` lists every message. Rendering runs in one language at a time: each
backend's `render` is wrapped in `in_its_language`, so the words, figures and line breaks
read it from here and no backend passes it along by hand. Numbers and plural rules of other
languages come from Babel, imported only when a map is not in English.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from cjmdsl.runtime.resources import parsed_module, sha256_of

DEFAULT_LANGUAGE = "en"
# The catalogues' folder. A path beside this file, not importlib.resources: importing that
# (with tempfile, shutil and random) cost a render 5 ms at start-up.
_CATALOGUES = Path(__file__).resolve().parent

_current: ContextVar[str] = ContextVar("cjm_language", default=DEFAULT_LANGUAGE)
# A language, optionally with a region: `de`, `de-CH`, `pt_BR`.
_TAG = re.compile(r"(?P<language>[a-z]{2,3})(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?")


@functools.cache
def shipped() -> tuple[str, ...]:
    """The languages with a catalogue, sorted: `de`, `en`, `es`, `fr`, `ja`."""
    return tuple(sorted(entry.name.removesuffix(".toml") for entry in _CATALOGUES.iterdir()
                        if entry.name.endswith(".toml")))


def catalogue_language(tag: str) -> str | None:
    """The shipped language that writes `tag` (`de-CH` is written in `de`), or None."""
    match = _TAG.fullmatch(tag)
    if match is None or match["language"] not in shipped():
        return None
    return match["language"]


def unknown_language_hint(tag: str) -> str:
    """What to write instead of a language without a catalogue: the nearest shipped one,
    and the list (for `lang` in a map and for `--lang`)."""
    from cjmdsl.language.diagnostics import did_you_mean

    listed = "the languages are " + ", ".join(shipped())
    nearest = did_you_mean(tag.lower(), shipped())
    return f"{nearest} {listed}" if nearest else listed


def language() -> str:
    """The language being written (a tag such as `de` or `de-CH`), `en` by default."""
    return _current.get()


@contextlib.contextmanager
def speaking(tag: str | None) -> Iterator[None]:
    """Write in `tag` (None: English) for the duration of the block."""
    token = _current.set(tag or DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _current.reset(token)


def in_its_language(render: Callable) -> Callable:
    """`render(journey, ...)` run in the language of its journey (`lang`, or `--lang`)."""
    @functools.wraps(render)
    def rendered(journey, *args, **kwargs):
        with speaking(journey.lang):
            return render(_spoken_scale(journey), *args, **kwargs)
    return rendered


# The labels of the default scale (`model.DEFAULT_SCALE`) are the tool's words, not the map's.
_DEFAULT_LABELS = ("scale_angry", "scale_frustrated", "scale_neutral", "scale_happy",
                   "scale_delighted")


def _spoken_scale(journey):
    """`journey` with the default scale's labels in the language being written (a scale the
    map writes itself keeps its own words)."""
    from cjmdsl.model import DEFAULT_SCALE, Scale, ScaleLevel  # the model imports this module

    if journey.scale != DEFAULT_SCALE or is_english():
        return journey
    levels = tuple(ScaleLevel(level.value, say(key), level.span)
                   for level, key in zip(DEFAULT_SCALE.levels, _DEFAULT_LABELS))
    return dataclasses.replace(journey, scale=Scale(DEFAULT_SCALE.low, DEFAULT_SCALE.high,
                                                    levels, DEFAULT_SCALE.span))


@functools.cache
def catalogue(code: str) -> dict:
    """The messages of the shipped language `code`, as its TOML file holds them: as the
    package ships them parsed (`_parsed/<code>.py`) when the file is as it was, which spares
    every render tomllib's import and 1.5 ms of reading the English catalogue."""
    text = (_CATALOGUES / f"{code}.toml").read_text(encoding="utf-8")
    try:
        parsed = importlib.import_module(f"{__name__}._parsed.{code}")
    except ImportError:  # a catalogue added since
        parsed = None
    if parsed is not None and parsed.DIGEST == sha256_of(text.encode("utf-8")):
        return parsed.MESSAGES
    import tomllib

    return tomllib.loads(text)


def parsed_source(code: str) -> str:
    """The text of cjmdsl/words/locales/_parsed/<code>.py for the catalogue as it is now: its
    messages as tomllib reads them, with the hash of the file's text."""
    import tomllib

    text = (_CATALOGUES / f"{code}.toml").read_text(encoding="utf-8")
    return parsed_module(f"The messages of cjmdsl/words/locales/{code}.toml, parsed.",
                         DIGEST=sha256_of(text.encode("utf-8")), MESSAGES=tomllib.loads(text))


def say(key: str, **values) -> str:
    """The message `key` in the language being written, with `values` filled in."""
    return _message(key).format(**values)


def say_counted(key: str, count: float, **values) -> str:
    """The message `key` in the plural form `count` takes in the language being written;
    `{count}` in it is the number written for the language."""
    from cjmdsl.words.numbers import number

    forms = _message(key)
    form = forms.get(plural_category(count), forms["other"])
    return form.format(count=number(count), **values)


def plural_forms(key: str) -> dict[str, str]:
    """The CLDR plural forms of the counted message `key` in the language being written, for
    a page's script to choose from (`Intl.PluralRules`)."""
    return dict(_message(key))


def plural_category(count: float) -> str:
    """The CLDR plural category of `count` in the language being written: `one`, `other`, …"""
    tag = language()
    if catalogue_language(tag) == DEFAULT_LANGUAGE:
        return "one" if count == 1 else "other"
    return babel_locale(tag).plural_form(abs(count))


def _message(key: str):
    code = catalogue_language(language()) or DEFAULT_LANGUAGE
    return catalogue(code).get(key) or catalogue(DEFAULT_LANGUAGE)[key]


def is_english() -> bool:
    """Whether the language being written is English (figures need no Babel)."""
    return catalogue_language(language()) == DEFAULT_LANGUAGE


@functools.cache
def babel_locale(tag: str):
    """Babel's locale for `tag`, for its figures and plural rules; its language alone when
    Babel does not know the region."""
    from babel import Locale, UnknownLocaleError

    match = _TAG.fullmatch(tag)
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(match["language"] if match else DEFAULT_LANGUAGE)
