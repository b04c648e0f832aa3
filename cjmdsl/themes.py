"""Load themes: TOML files from themes/ (or a user's file), merged over `default`.

A theme is data, not code: colours, fonts and spacing that the layout and the
backends read. Built-ins ship inside the wheel; `extends` deep-merges a theme
over another one.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cjmdsl.resources import data_dir


class ThemeError(Exception):
    """A theme that cannot be found or read."""


@dataclass(frozen=True)
class Theme:
    """A fully resolved theme; sections are plain dicts as read from TOML."""

    name: str
    description: str
    font: dict
    colors: dict
    stages: dict
    personas: dict
    emotion: dict
    spacing: dict
    dark: str | None = None  # the theme an HTML page switches to in dark mode

    def stage_fill(self, index: int) -> str:
        palette = self.stages["palette"]
        return palette[index % len(palette)]

    def persona_color(self, index: int, override: str | None = None) -> str:
        if override:
            return override
        palette = self.personas["palette"]
        return palette[index % len(palette)]

    def emotion_color(self, value: float, low: float, high: float) -> str:
        """Colour of an emotion value on a diverging scale from `low` to `high`."""
        middle = (low + high) / 2
        if value <= middle:
            t = 0.0 if middle == low else (value - low) / (middle - low)
            return mix(self.emotion["negative"], self.emotion["neutral"], t)
        t = (value - middle) / (high - middle)
        return mix(self.emotion["neutral"], self.emotion["positive"], t)


def mix(a: str, b: str, t: float) -> str:
    """Linear blend of two #rrggbb colours, t in 0..1."""
    t = min(max(t, 0.0), 1.0)
    ca, cb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def builtin_names() -> list[str]:
    return sorted(p.stem for p in data_dir("themes").glob("*.toml"))


@cache
def load_theme(name_or_path: str = "default") -> Theme:
    """A built-in theme by name, or a theme file by path, merged over its parent."""
    data = _resolve(name_or_path, ())
    try:
        return Theme(**{key: data[key] for key in Theme.__dataclass_fields__ if key != "dark"},
                     dark=data.get("dark"))
    except KeyError as missing:
        raise ThemeError(f"theme `{name_or_path}` lacks the [{missing.args[0]}] section") from None


def _resolve(name_or_path: str, chain: tuple[str, ...]) -> dict:
    path = _locate(name_or_path)
    if str(path) in chain:
        raise ThemeError("themes extend each other in a cycle: " + " -> ".join([*chain, str(path)]))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ThemeError(f"cannot read theme {path}: {exc}") from None
    parent = data.pop("extends", None if path.stem == "default" else "default")
    if parent is None:
        return data
    return _deep_merge(_resolve(parent, (*chain, str(path))), data)


def _locate(name_or_path: str) -> Path:
    if name_or_path.endswith(".toml") or "/" in name_or_path:
        path = Path(name_or_path)
        if path.is_file():
            return path
        raise ThemeError(f"no theme file at {name_or_path}")
    path = data_dir("themes") / f"{name_or_path}.toml"
    if path.is_file():
        return path
    raise ThemeError(f"unknown theme `{name_or_path}`; built-in themes: "
                     + ", ".join(builtin_names()))


def _deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
