"""Themes: TOML files of colours, fonts and spacing, built in or the user's own.

A theme is data, not code. Built-ins ship inside the wheel (themes/*.toml); a user's file
`extends` a built-in or another file and sets only what it changes (sections merge key by key;
lists are replaced whole). Every theme is checked against `SCHEMA`: a mistake in a theme file
gets a diagnostic with its file, line and key, as a mistake in a map does.
"""
from __future__ import annotations

import json
from dataclasses import field, fields, replace
from functools import cache
from pathlib import Path

from cjmdsl.model import record
from cjmdsl.themes.colors import blend, rgb
from cjmdsl.language.diagnostics import CjmError, Diagnostic, did_you_mean, error, format_all
from cjmdsl.words.escape import terminal_text
from cjmdsl.runtime.resources import data_dir, parsed_module, sha256_of
from cjmdsl.themes.roles import emotion_paint, key_amount, key_paint, mix, palette_paint
from cjmdsl.themes.schema import (SCHEMA, SECTIONS, THEME_CODES, TOP_KEYS, Colors, Emotion, Font,
                                  Personas, Places, Spacing, Stages, check_keys, read)
from cjmdsl.language.tomlfile import read_toml_file

# A chain of `extends` is followed file by file; a few levels are all a brand needs, and the
# limit keeps a generated chain of a thousand files a diagnostic (E057), not a crash.
MAX_EXTENDS = 16
# Diagnostics printed from one theme file; more are counted, not shown.
MAX_THEME_DIAGNOSTICS = 50

__all__ = ["SCHEMA", "THEME_CODES", "TOP_KEYS", "Theme", "ThemeError", "builtin_names",
           "builtin_themes", "files_read", "is_theme_path", "load_theme", "mix", "to_toml"]


class ThemeError(CjmError):
    """A theme that cannot be used. For a theme file: every diagnostic found in it, with its
    `source` and `filename`; for a name or path that leads nowhere: only a message."""


@record
class Theme:
    """A fully resolved theme: each section a typed object of `SCHEMA`'s keys
    (`theme.colors.pain`, `theme.spacing.radius`), every key present."""

    name: str
    description: str
    font: Font
    colors: Colors
    stages: Stages
    personas: Personas
    emotion: Emotion
    spacing: Spacing
    dark: str | None = None  # the theme an HTML page switches to in dark mode; None: none
    # The theme files it was read from, resolved: its own and every one it extends. Not part
    # of its value (equal themes from other files are equal), but of what a run reads.
    files: tuple[Path, ...] = field(default=(), compare=False, repr=False)

    def stage_fill(self, index: int) -> str:
        palette = self.stages.palette
        return palette_paint("stages", index, palette[index % len(palette)])

    def persona_color(self, index: int, override: str | None = None) -> str:
        """The palette's colour for the `index`th persona, or the colour its map gives it
        (`override`, which plays no role: it is the same in every scheme)."""
        if override:
            return override
        palette = self.personas.palette
        return palette_paint("personas", index, palette[index % len(palette)])

    def emotion_color(self, value: float, low: float, high: float) -> str:
        """Colour of an emotion value on a diverging scale from `low` to `high`: `negative`
        to `neutral` to `positive`, interpolated in Oklab so that steps look even."""
        middle = (low + high) / 2
        if value <= middle:
            t = 0.0 if middle == low else (value - low) / (middle - low)
            color = blend(self.emotion.negative, self.emotion.neutral, t)
        else:
            t = (value - middle) / (high - middle)
            color = blend(self.emotion.neutral, self.emotion.positive, t)
        return emotion_paint(value, low, high, color)

    def _painted(self) -> "Theme":
        """The same theme, each colour a `Paint` and each opacity an `Amount` that names its
        role (`cjmdsl.themes.roles`)."""
        sections = {}
        for section, keys in SCHEMA.items():
            values = dict(getattr(self, section))
            for key, spec in keys.items():
                if spec.kind == "colour":
                    values[key] = key_paint(section, key, values[key])
                elif spec.kind == "colours":
                    values[key] = [palette_paint(section, index, color)
                                   for index, color in enumerate(values[key])]
                elif key.endswith("_opacity"):
                    values[key] = key_amount(section, key, values[key])
            sections[section] = SECTIONS[section](**values)
        return replace(self, **sections)


# ── finding and loading ──────────────────────────────────────────────────────
def builtin_names() -> list[str]:
    return sorted(p.stem for p in data_dir("themes").glob("*.toml"))


def is_theme_path(name_or_path: str) -> bool:
    """A theme file rather than a built-in name: it ends in .toml or holds a path separator."""
    return name_or_path.endswith(".toml") or "/" in name_or_path or "\\" in name_or_path


def theme_for(journey_theme: str | None, chosen: str | None = None,
              project_theme: str | None = None, dark: str | None = None) -> Theme:
    """The theme a map is drawn with, in order: the one `chosen` for this run (--theme), the
    map's own `theme` statement, the project config's, then "default"; `dark` (the config's or
    --dark-theme) replaces the theme's own dark partner. Raises ThemeError."""
    theme = load_theme(chosen or journey_theme or project_theme or "default")
    return replace(theme, dark=dark) if dark else theme


def dark_partner(theme: Theme) -> Theme | None:
    """The theme a reader's dark mode switches to: the one `theme` names as its `dark`; None
    when it names none (or itself), and then dark mode shows `theme` as it is. The one rule
    for the HTML page, the docs builds and every other output with a dark scheme."""
    if not theme.dark or theme.dark == theme.name:
        return None
    try:
        return load_theme(theme.dark)
    except ThemeError:
        return None


def files_read(theme: Theme) -> tuple[Path, ...]:
    """Every theme file that drawing with `theme` reads: its own chain and its dark
    partner's. An output must never be written over one of them (`paths.over_input`)."""
    partner = dark_partner(theme)
    return tuple(dict.fromkeys(theme.files + (partner.files if partner else ())))


def load_theme(name_or_path: str = "default", roots: tuple[Path, ...] | None = None) -> Theme:
    """A built-in theme by name, or a theme file by path, merged over what it extends.

    The file and every file it extends or names as `dark` keep the one rule for paths
    (cjmdsl.language.paths) with `roots`; None: the project of the theme file itself (only what it
    extends is checked then, as the caller chose the file).

    Raises ThemeError: with diagnostics for a file with mistakes (or one it extends), with
    only a message for an unknown name, a refused path or a file that cannot be read.
    """
    if is_theme_path(name_or_path):
        from cjmdsl.language.paths import PathRefused, allowed_roots, inside, project_root

        if roots is None:
            roots = allowed_roots(project_root(Path(name_or_path).resolve().parent))
        try:
            path = inside(name_or_path, Path.cwd(), roots)
            data, size = read_toml_file(path)
        except PathRefused as refused:
            raise ThemeError(message=f"theme {refused}; {refused.hint}") from None
        except OSError as exc:
            raise ThemeError(message=f"cannot read theme {name_or_path}: "
                                     f"{exc.strerror or exc}") from None
        files: list[Path] = []
        return _theme(_resolve(Path(name_or_path), data, name_or_path, (), roots, size, files),
                      files)
    return _builtin(name_or_path)


@cache
def _builtin(name: str) -> Theme:
    if name not in builtin_names():
        hint = did_you_mean(name, builtin_names())
        raise ThemeError(message=f"unknown theme `{name}`" + (f" ({hint})" if hint else "")
                                 + "; built-in themes: " + ", ".join(builtin_names()))
    kept = _kept_builtin(name)
    if kept is not None:
        return _theme(*kept)
    return _theme(*_resolved_builtin(name))


def _resolved_builtin(name: str) -> tuple[dict, list[Path]]:
    """The built-in theme `name` read from its files: its data and the files read."""
    path = data_dir("themes") / f"{name}.toml"
    files: list[Path] = []
    data = _resolve(path, path.read_bytes(), f"themes/{name}.toml", (),
                    (data_dir("themes").resolve(),), None, files)
    return data, files


def _kept_builtin(name: str) -> tuple[dict, list[Path]] | None:
    """The built-in theme `name` as the package ships it resolved (`_resolved.py`), when
    every file it was resolved from is as it was; else None. Reading, checking and merging
    the TOML files of the default theme and its dark partner was 4 ms of every render, and
    tomllib's import another 1."""
    from cjmdsl.themes._resolved import RESOLVED

    if name not in RESOLVED:
        return None
    read, data = RESOLVED[name]
    folder = data_dir("themes").resolve()
    for file_name, digest in read:
        try:
            if sha256_of((folder / file_name).read_bytes()) != digest:
                return None
        except OSError:
            return None
    # not copied: `_builtin` keeps the one theme made of it, and a theme is never changed
    return data, [folder / file_name for file_name, _ in read]


def resolved_source() -> str:
    """The text of cjmdsl/themes/_resolved.py for the built-in themes as they are now: each
    one's data as `_resolve` makes it, with the files it was read from and their hashes."""
    resolved = {}
    for name in builtin_names():
        data, files = _resolved_builtin(name)
        resolved[name] = ([(path.name, sha256_of(path.read_bytes())) for path in files], data)
    return parsed_module("The built-in themes resolved from themes/*.toml.", RESOLVED=resolved)


def builtin_themes() -> list[Theme]:
    return [load_theme(name) for name in builtin_names()]


def _theme(data: dict, files: list[Path]) -> Theme:
    missing = [f"{section}.{key}" for section, keys in SCHEMA.items() for key in keys
               if key not in data.get(section, {})]
    if missing:  # only a broken installation: every theme extends the complete `default`
        raise ThemeError(message=f"theme `{data.get('name')}` lacks " + ", ".join(missing))
    return Theme(**{f.name: data.get(f.name) for f in fields(Theme) if f.name != "files"},
                 files=tuple(files))._painted()


def _resolve(path: Path, raw: bytes, shown: str, chain: tuple[Path, ...],
             roots: tuple[Path, ...], size: int | None, files: list[Path]) -> dict:
    """The file's own settings merged over its parent's, every reference checked; `files`
    gets the path of each file read."""
    text, data, problems = read(raw, size)
    here = path.resolve()
    files.append(here)
    parent, unlisted = None, 0
    if not problems:
        places = Places(text)
        problems, unlisted = check_keys(data, places, MAX_THEME_DIAGNOSTICS)
        parent, trouble = _parent(data, here, chain, places, roots)
        problems += trouble + _check_dark(data, here, places, roots)
    if problems:
        _refuse(sorted(problems, key=lambda d: (d.span.line, d.span.column)),
                text if _quotable(path, problems) else "", shown, unlisted)
    own = _normalised({key: value for key, value in data.items() if key != "extends"})
    own.setdefault("name", path.stem)
    own.setdefault("description", "")
    if parent is None:
        return own
    from cjmdsl.language.paths import PathRefused

    try:
        raw, size = read_toml_file(parent)
    except PathRefused as refused:  # replaced by a FIFO or a device since it was checked
        raise ThemeError(message=f"theme {refused}") from None
    except OSError as exc:
        raise ThemeError(message=f"cannot read theme {_shown(parent)}: "
                                 f"{exc.strerror or exc}") from None
    inherited = _resolve(parent, raw, _shown(parent), (*chain, here), roots, size, files)
    for key in TOP_KEYS:  # a theme's name, description and dark partner are its own
        inherited.pop(key, None)
    return _deep_merge(inherited, own)


def _refuse(problems: list[Diagnostic], text: str, shown: str, unlisted: int) -> None:
    """Raise the ThemeError of a file's first `MAX_THEME_DIAGNOSTICS` problems; the rest, and
    the `unlisted` ones never made into diagnostics, are counted ("and N more"), so a file of
    a million mistakes prints a screenful."""
    kept = problems[:MAX_THEME_DIAGNOSTICS]
    more = len(problems) - len(kept) + unlisted
    if not more:
        raise ThemeError(kept, text, shown)
    raise ThemeError(kept, text, shown,
                     message=format_all(kept, text, shown) + f"\n{terminal_text(shown)}: and "
                     f"{more:,} more error{'s' if more > 1 else ''} (the first {len(kept)} are "
                     "shown)")


def _quotable(path: Path, problems: list[Diagnostic]) -> bool:
    """Whether diagnostics may show the file's lines: not when it is not UTF-8, nor when it is
    no TOML and not named .toml (a file named by mistake, or by someone fishing for secrets:
    it is reported by name and place only)."""
    codes = {problem.code for problem in problems}
    return not codes & {"E006", "E056"} and ("E050" not in codes or path.name.endswith(".toml"))


def _parent(data: dict, here: Path, chain: tuple[Path, ...], places: Places,
            roots: tuple[Path, ...]):
    """The file this one extends (`default` unless it says; nothing for `default` itself)."""
    if here == (data_dir("themes") / "default.toml").resolve():
        return None, []
    name = data.get("extends", "default")
    if not isinstance(name, str) or not name:
        return None, []  # reported with the other keys
    parent, trouble = _reference(name, "extends", here, places, roots)
    if trouble:
        return None, [trouble]
    if parent in (*chain, here):
        names = " → ".join(p.name for p in (*chain, here, parent))
        return None, [error("E054", f"themes extend each other in a cycle: {names}",
                            places.value("", "extends"), "remove one of the `extends`")]
    length = len(chain) + 2  # the themes from the first file to `parent`
    if length > MAX_EXTENDS:
        first = chain[0].name if chain else here.name
        return None, [error("E057", f"a chain of {length} themes ({first} → … → "
                                    f"{here.name} → {parent.name}) is longer than the limit "
                                    f"of {MAX_EXTENDS}", places.value("", "extends"),
                            "shorten the chain: extend a built-in or a theme nearer its start")]
    return parent, []


def _check_dark(data: dict, here: Path, places: Places,
                roots: tuple[Path, ...]) -> list[Diagnostic]:
    """The dark partner must exist; a file path is kept absolute, to load from anywhere."""
    name = data.get("dark")
    if not isinstance(name, str) or not name:
        return []
    target, trouble = _reference(name, "dark", here, places, roots)
    if trouble:
        return [trouble]
    if is_theme_path(name):
        data["dark"] = str(target)
        _check_partner(target, roots)
    return []


_PARTNERS_IN_CHECK: set[Path] = set()  # two files that name each other are checked once


def _check_partner(path: Path, roots: tuple[Path, ...]) -> None:
    """A dark partner's file is read now, so that its mistakes are diagnostics of its own
    file (its colours reach the SVG's `<style>`), not a dark scheme silently missing."""
    if path in _PARTNERS_IN_CHECK:
        return
    _PARTNERS_IN_CHECK.add(path)
    try:
        load_theme(_shown(path), roots)
    finally:
        _PARTNERS_IN_CHECK.discard(path)


def _normalised(data: dict) -> dict:
    """Colours as lowercase #rrggbb, which every backend (Graphviz too) understands."""
    def long(color: str) -> str:
        return "#{:02x}{:02x}{:02x}".format(*rgb(color))

    for section, keys in SCHEMA.items():
        for key, spec in keys.items():
            if key in data.get(section, {}) and spec.kind == "colour":
                data[section][key] = long(data[section][key])
            elif key in data.get(section, {}) and spec.kind == "colours":
                data[section][key] = [long(c) for c in data[section][key]]
    return data


def _reference(value: str, key: str, here: Path, places: Places, roots: tuple[Path, ...]):
    """The file a theme's `extends` or `dark` names, or an E019 diagnostic (E064 for a path
    that breaks the one rule for paths)."""
    if is_theme_path(value):
        from cjmdsl.language.paths import PathRefused, inside

        try:
            target = inside(value, here.parent, roots)
        except PathRefused as refused:
            return None, error("E064", f"`{key}` {refused.rule}", places.value("", key),
                               refused.hint)
        if target.is_file():
            return target, None
        return None, error("E019", f"no theme file at `{value}` for `{key}`",
                           places.value("", key),
                           "a path is relative to the folder of the theme file that names it")
    if value in builtin_names():
        return (data_dir("themes") / f"{value}.toml").resolve(), None
    return None, error("E019", f"unknown theme `{value}` for `{key}`", places.value("", key),
                       did_you_mean(value, builtin_names())
                       or "built-in themes: " + ", ".join(builtin_names()))


def _shown(path: Path) -> str:
    """A path for messages: relative to the working folder when inside it."""
    if path.parent == data_dir("themes").resolve():
        return f"themes/{path.name}"
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# ── printing a theme ─────────────────────────────────────────────────────────
def to_toml(theme: Theme) -> str:
    """The fully resolved theme as a TOML file: every key, in the documented order."""
    out = [f"# Theme {' '.join(theme.name.split())!r}, fully resolved. Save it as a .toml file and",
           "# change what you need, or keep only what you change and name this theme in",
           "# `extends`; then: cjm render map.cjm --theme FILE.toml",
           f"name = {_toml_value(theme.name)}",
           f"description = {_toml_value(theme.description)}"]
    if theme.dark:
        out.append(f"dark = {_toml_value(theme.dark)}")
    for section, keys in SCHEMA.items():
        values = getattr(theme, section)
        out += ["", f"[{section}]"]
        out += [f"{key} = {_toml_value(values[key])}" for key in keys]
    return "\n".join(out) + "\n"


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # JSON's string escapes are TOML's, except that TOML wants DEL escaped too.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
