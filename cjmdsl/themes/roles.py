"""Colour roles: what a colour paints, by name, so that one drawing carries every scheme.

A theme hands out `Paint`s: a colour that also names its `Role` (`text`, `pain-border`,
`stage-2`, the emotion scale at a point, …), the way d2's themes name about 17 colour slots.
The layout passes them on untouched, so the geometry says which role each mark plays. A
backend then writes fixed colours (the Paint itself is its light colour: a `str`), or
also the roles: a class per element, coloured by one stylesheet written from the themes
alone: the dark partner's colours under `prefers-color-scheme: dark` (the SVG), or either
scheme's as custom properties (the HTML page, whose reader may switch). Colours made from two
roles (`mix`) are roles too; a colour the map's author wrote (a persona's `color`) has none
and stays fixed in every scheme.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from markupsafe import Markup, escape

from cjmdsl.model import record
from cjmdsl.themes import colors

FIXED = "fixed"
ADAPTIVE = "adaptive"
COLOR_CHOICES = (ADAPTIVE, FIXED)
# The only values written into a stylesheet: a theme's colours, normalised when it is read,
# and its opacities. A theme built in code that holds anything else gets `initial`.
_CSS_VALUE = re.compile(r"#[0-9a-f]{6}|[0-9]+(\.[0-9]+)?")


@record
class Role:
    """A named colour slot. `name` is its CSS name (`--cjm-<name>`, `.cjm-fill-<name>`);
    `recipe` tells how any theme fills it, so the dark partner gives its own colour."""

    name: str
    recipe: tuple

    def color(self, theme) -> str:
        """The colour `theme` gives this role."""
        kind, *args = self.recipe
        if kind == "key":
            section, key = args
            return str(_section(theme, section)[key])
        if kind == "palette":
            section, index = args
            palette = _section(theme, section)["palette"]
            return str(palette[index % len(palette)])
        if kind == "emotion":
            return str(theme.emotion_color(*args))
        if kind == "times":
            amount, factor = args
            return repr(float(amount.color(theme)) * factor)
        first, second, share = args
        return colors.mix(first.color(theme), second.color(theme), share)


def _section(theme, name: str):
    return getattr(theme, name)


class Paint(str):
    """A colour (the string itself, as `#rrggbb`) and the role it plays, if any."""

    role: Role | None

    def __new__(cls, color: str, role: Role | None = None) -> "Paint":
        paint = super().__new__(cls, color)
        paint.role = role
        return paint

    def __reduce__(self):
        return Paint, (str(self), self.role)

    def __repr__(self) -> str:
        return str.__repr__(self)


class Amount(float):
    """A number of the theme that differs between schemes (an opacity), and its role."""

    role: Role | None

    def __new__(cls, value: float, role: Role | None = None) -> "Amount":
        amount = super().__new__(cls, value)
        amount.role = role
        return amount

    def __reduce__(self):
        return Amount, (float(self), self.role)

    def __mul__(self, factor):
        product = float(self) * factor
        if self.role is None:
            return product
        return Amount(product, Role(f"{self.role.name}-times-{factor:g}",
                                    ("times", self.role, factor)))

    def __str__(self) -> str:
        return repr(float(self))

    __repr__ = __str__


def key_amount(section: str, key: str, value: float) -> Amount:
    """A theme number by role: `emotion.band_opacity` plays `band-opacity`."""
    return Amount(value, Role(key.replace("_", "-"), ("key", section, key)))


def key_paint(section: str, key: str, color: str) -> Paint:
    """A theme key's colour: `colors.pain_border` plays `pain-border`, `stages.text`
    `stage-text`, `emotion.negative` `emotion-negative`."""
    prefix = {"colors": "", "stages": "stage-"}.get(section, f"{section}-")
    return Paint(color, Role(prefix + key.replace("_", "-"), ("key", section, key)))


# Cached: a map's stages share a palette's few colours, its emotions the scale's few values,
# and every card and point was a Paint and a Role of its own (15 MiB at 10,000 touchpoints).
@cache
def palette_paint(section: str, index: int, color: str) -> Paint:
    """The `index`th colour of a palette (wrapping): stage 9 plays `stage-9`, which each
    theme fills from its own palette, however long."""
    singular = section.rstrip("s")
    return Paint(color, Role(f"{singular}-{index}", ("palette", section, index)))


@cache
def emotion_paint(value: float, low: float, high: float, color: str) -> Paint:
    """The emotion scale's colour at `value`, named by its place on the scale (0 to 1)."""
    place = (value - low) / (high - low) if high > low else 0.5
    name = f"{place:.6f}".rstrip("0").rstrip(".").replace(".", "_").replace("-", "m")
    return Paint(color, Role(f"emotion-at-{name}", ("emotion", value, low, high)))


def mix(first: str, second: str, share: float) -> str:
    """`colors.mix`, keeping the roles: a mix of two roles is a role of its own."""
    blended = colors.mix(first, second, share)
    one, other = getattr(first, "role", None), getattr(second, "role", None)
    if one is None or other is None:
        return blended
    name = f"{one.name}-mix-{round(share * 100)}-{other.name}"
    return Paint(blended, Role(name, ("mix", one, other, share)))


class Painter:
    """Writes the colour attributes of an SVG element and remembers the roles it wrote.

    `by_role` false: fixed colours, those of `theme` when given (a picture of the dark
    scheme from the one layout), else each Paint's own. True: each Paint's light colour as
    the attribute (what a viewer that drops the `<style>` shows) and a class per role that
    the stylesheet (`rules`, `custom_properties`) colours.
    """

    def __init__(self, by_role: bool, theme=None):
        self.by_role = by_role
        self.theme = theme
        self.used: dict[tuple[str, str], Role] = {}

    def __call__(self, fill=None, stroke=None, classes: str = "", fill_opacity=None,
                 stroke_opacity=None) -> Markup:
        attributes, names = [], [classes] if classes else []
        for prop, paint in (("fill", fill), ("stroke", stroke), ("fill-opacity", fill_opacity),
                            ("stroke-opacity", stroke_opacity)):
            if paint is None:
                continue
            role = getattr(paint, "role", None)
            color = paint if self.theme is None else in_theme(paint, self.theme)
            attributes.append(f' {prop}="{_attribute_value(str(color))}"')
            if self.by_role and role is not None:
                self.used[(prop, role.name)] = role
                names.append(f"cjm-{prop}-{role.name}")
        if names:
            attributes.append(f' class="{" ".join(names)}"')
        return Markup("".join(attributes))

    def roles(self) -> list[Role]:
        """Every role written, once each, by name."""
        return sorted({role.name: role for role in self.used.values()}.values(),
                      key=lambda role: role.name)

    def rules(self) -> str:
        """A rule per (property, role) written: `.cjm-fill-text{fill:var(--cjm-text)}`."""
        return "\n".join(f".cjm-{prop}-{name}{{{prop}:var(--cjm-{name})}}"
                          for prop, name in sorted(self.used))

    def custom_properties(self, theme) -> str:
        """The colours `theme` gives the roles written, as CSS custom properties."""
        return "".join(f"--cjm-{role.name}:{css_value(role.color(theme))};"
                       for role in self.roles())


@lru_cache(maxsize=4096)
def _attribute_value(text: str) -> str:
    """`text` escaped for an attribute, kept: a map writes a few dozen colours, each for
    thousands of elements (the painter is called for nearly every element drawn)."""
    return str(escape(text))


def in_theme(paint: str, theme) -> str:
    """The colour `theme` gives `paint`'s role; a colour without a role stays itself."""
    role = getattr(paint, "role", None)
    return role.color(theme) if role is not None else str(paint)


def css_value(value: str) -> str:
    """A value for a stylesheet: a normalised theme colour or a plain number, else
    `initial`."""
    return value if _CSS_VALUE.fullmatch(value) else "initial"


def stylesheet(painter: Painter, scope: str, dark) -> str:
    """The SVG's one `<style>` body: under `prefers-color-scheme: dark`, each role the
    element `#scope` used gets the dark partner's colour. The light scheme is the colour
    attributes themselves, so a renderer that ignores the media query (librsvg, resvg,
    CairoSVG) or a wiki that strips the `<style>` draws the light map, as with fixed
    colours; a value that reaches the stylesheet is a theme colour or `initial`."""
    rules = "\n".join(f"#{scope} .cjm-{prop}-{name}{{{prop}:{css_value(role.color(dark))}}}"
                      for (prop, name), role in sorted(painter.used.items()))
    return f"\n@media (prefers-color-scheme:dark){{\n{rules}\n}}\n"
