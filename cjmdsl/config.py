"""A repository's defaults for every map under it: `cjm.toml`, or `[tool.cjm]` in `pyproject.toml`.

`find_config` looks upwards from a folder, as ruff does: the nearest folder holding a config
wins (no merging with configs further up), `cjm.toml` before a `pyproject.toml` in the same
folder, and a `pyproject.toml` counts only when it has a `[tool.cjm]` table. The search goes up
to the filesystem root. `load_config` checks the file and turns every mistake into a
diagnostic with its line and column; `resolve` puts the command line over the file over the
defaults and says where each setting came from.

A config comes from pull requests, so a path in it (a theme file, the output folder) must stay
inside the project, the folder that holds the config; no diagnostic shows any other file.
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from pathlib import Path

from cjmdsl.language.diagnostics import CjmError, Diagnostic, did_you_mean, error
from cjmdsl.language.limits import Limits
from cjmdsl.language.states import BOTH, STATES
from cjmdsl.language.tomlfile import Places, kind_of, read_toml, read_toml_file
from cjmdsl.layout.geometry import DEFAULT_WIDTH, SMALLEST_WIDTH
from cjmdsl.model import Span, record

__all__ = ["CONFIG_CODES", "CONFIG_NAMES", "BuildConfigs", "Config", "ConfigError", "MapDefaults",
           "Setting", "find_config", "load_config", "project_config", "resolve", "start_folder"]

# Codes of the mistakes a config file can hold. E006 and E019 mean what they mean in maps,
# E056 what it means in themes.
CONFIG_CODES: dict[str, str] = {
    "E006": "file is not valid UTF-8",
    "E019": "unknown theme",
    "E056": "file larger than the limit for theme and config files",
    "E060": "config file is not valid TOML",
    "E061": "unknown section or key in a config file",
    "E062": "config value of the wrong type",
    "E063": "invalid config value",
    "E064": "path outside the project",
}

# The file names a folder may hold a config in, the first found winning.
CONFIG_NAMES = ("cjm.toml", "pyproject.toml")
PYPROJECT_TABLE = "tool.cjm"

LIMIT_NAMES = tuple(f.name for f in dataclasses.fields(Limits))

# Every setting, with its default. `theme` None: each map's own theme, else "default";
# `dark_theme` None: the theme's own dark partner; `output` None: beside each map; `width`
# the pixels the svg, png and pdf are laid out for (0: one row, as wide as the journey);
# `state` which state of the journey every format shows (`cjmdsl.language.states`: both, as
# written).
# `persona_cards` false: the legend names each persona on a line instead of a card.
# `colors` "fixed": the svg's colours as plain attributes, for a wiki that strips `<style>`.
DEFAULTS: dict[str, object] = {
    "theme": None,
    "dark_theme": None,
    "formats": ("svg",),
    "output": None,
    "width": DEFAULT_WIDTH,
    "time_axis": False,
    "emotions": "overlay",  # the emotion lane: personas' curves over one plot, or "split"
    "state": BOTH,
    "persona_cards": True,
    # cjmdsl.themes.roles.ADAPTIVE, not imported: reading a config draws nothing
    "colors": "adaptive",
    **{f"limits.{name}": getattr(Limits(), name) for name in LIMIT_NAMES},
}

# The keys that are true or false, with the hint for a value that is neither.
_SWITCHES = {"time_axis": "such as time_axis = true",
             "persona_cards": "persona_cards = false names each persona on one line"}
_TOP_KEYS = ("theme", "dark_theme", "formats", "output", "width", "time_axis", "emotions",
             "state", "persona_cards", "colors")
# Sections and their keys; `lint`'s are the journey-quality rules' (cjmdsl.review.lint.settings).
LINT = "lint"
_SECTIONS: dict[str, tuple[str, ...] | None] = {"limits": LIMIT_NAMES, LINT: None}


class ConfigError(CjmError):
    """A config that cannot be used: every diagnostic found in it, with its `source` and
    `filename`; or, for a file that cannot be read, only a message."""


@record
class Config:
    """What one config file sets: `values` by setting name (as in DEFAULTS; paths made usable
    from the working folder), `lines` where each is set, and what `[lint]` sets for `cjm lint`
    (a `cjmdsl.review.lint.settings.LintSettings`; None: no section). `path` None: no config was
    found."""

    path: Path | None = None
    values: dict = dataclasses.field(default_factory=dict)
    lines: dict = dataclasses.field(default_factory=dict)
    lint: object = None

    @property
    def shown(self) -> str | None:
        """The file's name for people: relative to the working folder when inside it."""
        return _shown(self.path) if self.path else None


@record
class Setting:
    """One resolved setting and where it came from: "default", "command line" or a file (then
    `line` is where in it)."""

    value: object
    source: str
    line: int = 0

    @property
    def origin(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


# ── finding ──────────────────────────────────────────────────────────────────
def start_folder(paths: list[Path]) -> Path:
    """Where the search for a config starts: the deepest folder holding every input (a folder
    input counts as itself), as black does; the working folder when there are none."""
    if not paths:
        return Path.cwd()
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # different drives
        return folders[0]


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a folder above it, or None."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


_TABLE = re.compile(r"^\s*\[\[?\s*tool\s*\.\s*cjm\s*[\].]", re.M)


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml is meant for cjm (a `[tool.cjm…]` header). A text check, so
    that a broken pyproject.toml of another tool is not our business, while a broken one
    with our table is reported."""
    from cjmdsl.language.paths import PathRefused

    try:
        raw, _ = read_toml_file(pyproject)  # bounded: a huge one is reported by load_config
    except (OSError, PathRefused):
        return False
    return bool(_TABLE.search(raw.decode("utf-8", errors="replace")))


def project_config(start: Path) -> Config:
    """The config that applies to maps in `start`: the nearest one, checked; an empty
    Config when there is none. Raises ConfigError."""
    path = find_config(start)
    return load_config(path) if path else Config()


# ── loading and checking ─────────────────────────────────────────────────────
def load_config(path: Path) -> Config:
    """The settings in a config file. Raises ConfigError with every mistake in it."""
    shown = _shown(path)
    from cjmdsl.language.paths import PathRefused

    try:
        raw, size = read_toml_file(path)
    except PathRefused as refused:
        raise ConfigError(message=f"cannot read {shown}: it {refused.rule}") from None
    except OSError as exc:
        raise ConfigError(message=f"cannot read {shown}: {exc.strerror or exc}") from None
    text, data, problems = read_toml(raw, "E060", size)
    prefix = PYPROJECT_TABLE if path.name == "pyproject.toml" else ""
    values: dict = {}
    lines: dict = {}
    lint = None
    if not problems:
        places = Places(text)
        table = data.get("tool", {}).get("cjm", {}) if prefix else data
        checker = _Checker(places, prefix, path.parent.resolve())
        values, lines = checker.check(table)
        lint = checker.lint
        problems = checker.problems
    if problems:
        quoted = "" if any(d.code == "E006" for d in problems) else text  # bytes, not text
        raise ConfigError(sorted(problems, key=lambda d: (d.span.line, d.span.column)),
                          quoted, shown)
    return Config(path, values, lines, lint)


class _Checker:
    """Checks one config table against the settings, collecting diagnostics."""

    def __init__(self, places: Places, prefix: str, root: Path):
        self.places = places
        self.prefix = prefix
        self.root = root
        self.problems: list[Diagnostic] = []
        self.lint = None

    def _section(self, name: str = "") -> str:
        return ".".join(part for part in (self.prefix, name) if part)

    def check(self, table: dict) -> tuple[dict, dict]:
        values: dict = {}
        for key, value in table.items():
            if key == LINT and isinstance(value, dict):
                self.lint = self._check_lint(value)
            elif key in _SECTIONS:
                values.update(self._check_section(key, value))
            elif key in _TOP_KEYS:
                checked = self._check_value(key, value)
                if checked is not None:
                    values[key] = checked
            else:
                self._unknown(key, value)
        lines = {name: self._key_span(name).line for name in values}
        return values, lines

    def _key_span(self, name: str) -> Span:
        section, _, key = name.rpartition(".")
        return self.places.key(self._section(section), key)

    def _value_span(self, name: str) -> Span:
        section, _, key = name.rpartition(".")
        return self.places.value(self._section(section), key)

    def _fail(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        self.problems.append(error(code, message, span, hint))

    def _unknown(self, key: str, value) -> None:
        if isinstance(value, dict):
            self._fail("E061", f"unknown section [{self._section(key)}]",
                       self.places.section(self._section(key)),
                       did_you_mean(key, _SECTIONS) or "sections: " + ", ".join(_SECTIONS))
            return
        home = next((s for s, keys in _SECTIONS.items() if keys and key in keys), None)
        if home is None and _is_lint_key(key):
            home = LINT
        hint = (f"`{key}` belongs in [{self._section(home)}]" if home
                else did_you_mean(key, [*_TOP_KEYS, *_SECTIONS])
                or "keys: " + ", ".join(_TOP_KEYS))
        self._fail("E061", f"unknown key `{key}`", self._key_span(key), hint)

    def _check_section(self, section: str, value) -> dict:
        if not isinstance(value, dict):
            self._fail("E062", f"`{section}` must be a section ([{self._section(section)}]), "
                               f"not {kind_of(value)}", self._key_span(section))
            return {}
        known = _SECTIONS[section]
        values = {}
        for key, inner in value.items():
            name = f"{section}.{key}"
            if key not in known:
                self._fail("E061", f"unknown key `{key}` in [{self._section(section)}]",
                           self._key_span(name), did_you_mean(key, known)
                           or "keys: " + ", ".join(known))
            elif isinstance(inner, bool) or not isinstance(inner, int):
                self._fail("E062", f"`{name}` must be a whole number, not {kind_of(inner)}",
                           self._value_span(name))
            elif inner < 1:
                self._fail("E063", f"`{name}` must be at least 1, not {inner}",
                           self._value_span(name))
            else:
                values[name] = inner
        return values

    def _check_lint(self, table: dict):
        """`[lint]`, checked by the rules' own module (cjmdsl.review.lint.settings)."""
        from cjmdsl.review.lint.settings import LintChecker

        return LintChecker(self.places, self._section, self._fail).check(table)

    def _check_value(self, key: str, value):
        """The value to use for a top-level key, or None after reporting its mistake."""
        span = self._value_span(key)
        if key == "formats":
            return self._check_formats(value)
        if key == "width":
            return self._check_width(value, span)
        if key in _SWITCHES:
            if not isinstance(value, bool):
                self._fail("E062", f"`{key}` must be true or false, not {kind_of(value)}",
                           span, _SWITCHES[key])
                return None
            return value
        if not isinstance(value, str):
            self._fail("E062", f"`{key}` must be text in quotes, not {kind_of(value)}", span)
            return None
        if key == "output":
            return self._inside(key, value, span, "the output folder")
        if key == "emotions":
            return self._check_emotions(value, span)
        if key == "state":
            return self._check_state(value, span)
        if key == "colors":
            return self._check_colors(value, span)
        return self._check_theme(key, value, span)

    def _check_colors(self, value: str, span: Span) -> str | None:
        from cjmdsl.themes.roles import COLOR_CHOICES

        if value in COLOR_CHOICES:
            return value
        self._fail("E063", f"`colors` must be {' or '.join(map(repr, COLOR_CHOICES))}, "
                           f"not {value!r}", span,
                   did_you_mean(value, COLOR_CHOICES)
                   or 'colors = "fixed" writes plain colours for a wiki that strips <style>')
        return None

    def _check_emotions(self, value: str, span: Span) -> str | None:
        from cjmdsl.layout.map import EMOTION_LAYOUTS

        if value not in EMOTION_LAYOUTS:
            self._fail("E063", f"`emotions` must be {' or '.join(map(repr, EMOTION_LAYOUTS))}, "
                               f"not {value!r}", span,
                       'emotions = "split" draws a small plot per persona')
            return None
        return value

    def _check_state(self, value: str, span: Span) -> str | None:
        if value in STATES:
            return value
        self._fail("E063", f"unknown state `{value}`", span,
                   did_you_mean(value, STATES) or "the states: " + ", ".join(STATES))
        return None

    def _check_width(self, value, span: Span) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail("E062", f"`width` must be a whole number of pixels, not {kind_of(value)}",
                       span, f"such as width = {DEFAULT_WIDTH}, or 0 for one row")
            return None
        if value != 0 and value < SMALLEST_WIDTH:
            self._fail("E063", f"`width` must be 0 (one row) or at least {SMALLEST_WIDTH}, "
                               f"not {value}", span,
                       f"a map needs {SMALLEST_WIDTH} px for its labels and one column")
            return None
        return value

    def _check_formats(self, value):
        from cjmdsl.backends import formats

        span = self._value_span("formats")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._fail("E062", f'`formats` must be a list of format names such as ["svg"], '
                               f"not {kind_of(value)}", span)
            return None
        if not value:
            self._fail("E063", "`formats` names no format", span,
                       "formats: " + ", ".join(formats()))
            return None
        good = True
        places = self.places.item_spans(self._section(), "formats", value)
        for index, (name, where) in enumerate(zip(value, places)):
            if name not in formats():
                self._fail("E063", f"unknown format `{name}` in `formats`", where,
                           did_you_mean(name, formats()) or "formats: " + ", ".join(formats()))
                good = False
            elif name in value[:index]:
                self._fail("E063", f"format `{name}` is named twice in `formats`", where,
                           "name each format once")
                good = False
        return tuple(value) if good else None

    def _check_theme(self, key: str, value: str, span: Span):
        from cjmdsl.themes import builtin_names, is_theme_path

        if not value:
            self._fail("E019", f"`{key}` names no theme", span,
                       "give a built-in name or a .toml file in the project")
            return None
        if not is_theme_path(value):
            if value in builtin_names():
                return value
            self._fail("E019", f"unknown theme `{value}` for `{key}`", span,
                       did_you_mean(value, builtin_names())
                       or "built-in themes: " + ", ".join(builtin_names()))
            return None
        path = self._inside(key, value, span, "a theme file")
        if path is None:
            return None
        if not (self.root / value).is_file():
            self._fail("E019", f"no theme file at `{value}` for `{key}`", span,
                       "a path is relative to the folder of the config file")
            return None
        return path

    def _inside(self, key: str, value: str, span: Span, what: str) -> str | None:
        """`value` as a path usable from the working folder, when it keeps the one rule for
        paths (cjmdsl.language.paths) with the project as its root, and is not absolute; else None
        after an E064."""
        from cjmdsl.language.paths import PathRefused, allowed_roots, inside

        try:
            target = inside(value, self.root, allowed_roots(self.root), absolute=False,
                            folder=key == "output")
        except PathRefused as refused:
            self._fail("E064", f"`{key}` {refused.rule}", span,
                       f"give {what} as a path relative to the folder of the config file, "
                       "inside it")
            return None
        return _shown(target)


def _is_lint_key(key: str) -> bool:
    from cjmdsl.review.lint.settings import lint_keys

    return key in lint_keys()


def _shown(path: Path) -> str:
    """A path for messages and for use: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path.resolve())


# ── resolving ────────────────────────────────────────────────────────────────
def resolve(config: Config, command_line: dict | None = None) -> dict[str, Setting]:
    """Every setting, in the order of DEFAULTS: from the command line (a value other than
    None), else from the config file, else the default."""
    command_line = command_line or {}
    settings = {}
    for name, default in DEFAULTS.items():
        if command_line.get(name) is not None:
            settings[name] = Setting(command_line[name], "command line")
        elif name in config.values:
            settings[name] = Setting(config.values[name], config.shown, config.lines[name])
        else:
            settings[name] = Setting(default, "default")
    return settings


def limits_of(settings: dict[str, Setting]) -> Limits:
    """The limits that resolved settings set."""
    return Limits(**{name: settings[f"limits.{name}"].value for name in LIMIT_NAMES})


# ── docs builds ──────────────────────────────────────────────────────────────
@record
class MapDefaults:
    """What a project config gives the maps of a docs build (Sphinx, MkDocs): `theme` for maps
    that name none, `dark_theme` over the theme's own partner, the `limits`, the `width` the
    maps are laid out for and the render settings the command line also takes (`time_axis`,
    `emotions`, `state`, `persona_cards`); a theme file as an absolute path, since a docs build keeps it across its pages. `path` is the config file, for
    rebuilding when it changes; None: no config."""

    theme: str | None = None
    dark_theme: str | None = None
    limits: Limits = Limits()
    path: Path | None = None
    width: int = DEFAULT_WIDTH  # the svg's target width (0: one row)
    time_axis: bool = False  # the ruler of elapsed time (`time_axis = true`)
    emotions: str = DEFAULTS["emotions"]  # the emotion lane: "overlay" or "split"
    state: str = BOTH  # which state of the journey is drawn (cjmdsl.language.states)
    persona_cards: bool = True  # False: the legend names each persona on one line


class BuildConfigs:
    """The project configs of one docs build: each found config loaded once, however many maps
    it covers. A config with mistakes is handed to `report` once (its diagnostics, formatted)
    and its maps get the defaults, so that the build goes on and the docs tool decides whether
    the mistake fails it."""

    def __init__(self, report: Callable[[str], None]):
        self._report = report
        self._found: dict[Path, Path | None] = {}
        self._loaded: dict[Path, MapDefaults] = {}

    def for_folder(self, folder: Path) -> MapDefaults:
        """The defaults for maps in `folder`: from the nearest config upwards of it."""
        folder = folder.resolve()
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        path = self._found[folder]
        if path is None:
            return MapDefaults()
        if path not in self._loaded:
            self._loaded[path] = self._load(path)
        return self._loaded[path]

    def _load(self, path: Path) -> MapDefaults:
        from cjmdsl.themes import is_theme_path

        try:
            settings = resolve(load_config(path))
        except ConfigError as exc:
            self._report(exc.report())
            return MapDefaults(path=path)

        def theme(name: str) -> str | None:
            value = settings[name].value
            return str(Path(value).resolve()) if value and is_theme_path(value) else value

        return MapDefaults(theme=theme("theme"), dark_theme=theme("dark_theme"),
                           limits=limits_of(settings), path=path, width=settings["width"].value,
                           time_axis=settings["time_axis"].value,
                           emotions=settings["emotions"].value, state=settings["state"].value,
                           persona_cards=settings["persona_cards"].value)
