"""The default backend: the map as one standalone SVG file.

No script, no external font, stylesheet or image, so GitHub, GitLab and
Confluence show it as it is. Accessible as an image: `role="img"`, a `<title>`
and a `<desc>` that sums the journey up in words.
"""
from __future__ import annotations

import hashlib
import io
from functools import partial
from typing import TextIO

from markupsafe import Markup, escape

from cjmdsl.backends._templates import environment, number
from cjmdsl.channels import CHANNELS
from cjmdsl.layout import geometry as g
from cjmdsl.layout.map import DEFAULT_WIDTH, layout
from cjmdsl.layout.stages import stages_view
from cjmdsl.model import Journey
from cjmdsl.themes import Theme, dark_partner
from cjmdsl.themes.roles import ADAPTIVE, COLOR_CHOICES, Painter, stylesheet
from cjmdsl.words.escape import xml_chars
from cjmdsl.words.locales import in_its_language
from cjmdsl.words.sentences import summary

BINARY = False


OPTIONS = ("width", "view", "colors", "time_axis", "emotions", "persona_cards")
VIEWS = ("map", "stages")  # the whole map, or the overview of one column per stage
# The hatching of each persona's gap areas, in degrees: overlapping gaps cross-hatch in their
# own colours instead of blending into a new one.
HATCH_ANGLES = (45, -45, 0, 90, 22, -67)


def render(journey: Journey, theme: Theme, width: float | None = DEFAULT_WIDTH,
           view: str = "map", colors: str = ADAPTIVE, time_axis: bool = False,
           emotions: str = "overlay", persona_cards: bool = True) -> str:
    """The SVG as one text; the options are `write`'s."""
    out = io.StringIO()
    write(journey, theme, out, width, view, colors, time_axis, emotions, persona_cards)
    return out.getvalue()


@in_its_language
def write(journey: Journey, theme: Theme, out: TextIO, width: float | None = DEFAULT_WIDTH,
          view: str = "map", colors: str = ADAPTIVE, time_axis: bool = False,
          emotions: str = "overlay", persona_cards: bool = True) -> None:
    """Write to `out`, piece by piece as it is drawn, the map (or with `view="stages"` its
    overview) laid out for `width` pixels (0 or None: one row, as wide as the journey);
    `time_axis` adds the ruler of elapsed time.

    `colors` ADAPTIVE: colours by role, light and, when the theme has a dark partner, dark
    under `prefers-color-scheme` (without one there is nothing to switch: fixed colours);
    FIXED: the theme's colours as plain attributes, for viewers that drop `<style>`; the
    stages view likewise. `emotions` "split" draws a small emotion plot per
    persona instead of their curves over one (`cjmdsl.layout.map.EMOTION_LAYOUTS`). Without
    `persona_cards` the legend names each persona on one line instead of introducing it on a
    card."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    if colors not in COLOR_CHOICES:
        raise ValueError(f"colors must be one of {', '.join(COLOR_CHOICES)}, not {colors!r}")
    partner = dark_partner(theme) if colors == ADAPTIVE else None
    if view == "stages":
        out.write(draw_stages(journey, stages_view(journey, theme, width), theme, dark=partner))
        return
    draw(journey, layout(journey, theme, width, time_axis=time_axis, emotions=emotions,
                         persona_cards=persona_cards), theme, dark=partner, out=out)


@in_its_language
def pictures(journey: Journey, theme: Theme, dark: Theme, width: float | None,
             schemes: tuple[str, ...], time_axis: bool = False, view: str = "map",
             emotions: str = "overlay", persona_cards: bool = True) -> list[str]:
    """The map (or its stages `view`) in fixed colours once per scheme ("light": `theme`'s,
    "dark": `dark`'s), from one layout: for a site whose own scheme switch shows one picture
    or the other (an `<img>` can follow only the system's scheme, not the site's). The other
    options are `render`'s."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    painters = [Painter(by_role=False, theme=dark if scheme == "dark" else None)
                for scheme in schemes]
    if view == "stages":
        overview = stages_view(journey, theme, width)
        return [draw_stages(journey, overview, theme, painter=painter) for painter in painters]
    geometry = layout(journey, theme, width, time_axis, emotions=emotions,
                      persona_cards=persona_cards)
    return [draw(journey, geometry, theme, painter=painter) for painter in painters]


def draw(journey: Journey, geometry: g.Geometry, theme: Theme, described: str | None = None,
         dark: Theme | None = None, painter: Painter | None = None, overlay=None,
         links: str = ".svg", out: TextIO | None = None, grouped: bool = False) -> str | None:
    """SVG markup for an already laid-out map (the HTML page reuses this); `described` is
    the journey's summary when the caller has it already (the pages of a PDF); `overlay`
    what a diff marks on it (`cjmdsl.layout.changes.ChangeOverlay`); `links` the extension
    of the linked maps' outputs a touchpoint opens (the HTML page links to their pages).

    With a `dark` partner, the colours are roles and the SVG's `<style>` switches them to
    `dark` under `prefers-color-scheme: dark`. A caller that writes the stylesheet itself
    (the HTML page) passes a `painter` and reads the roles it used from it afterwards.

    With `grouped`, everything drawn is in one group, `drawing_id`, for a page to show parts
    of by `<use>` (the HTML page's print). With `out`, the markup is written there as it
    comes and None returned."""
    uid = _uid(journey)
    painter, style = _painting(uid, dark, painter)
    template = environment().get_template("map.svg.j2")
    return _joined(out, template.generate(
        paint=painter,
        stylesheet=style,
        g=geometry,
        uid=uid,
        title=journey.title,
        summary=summary(journey) if described is None else described,
        icons={name: channel.icon for name, channel in CHANNELS.items()},
        radius=theme.spacing.radius,
        band_opacity=theme.emotion.band_opacity,
        gap_opacity=theme.emotion.gap_opacity,
        hatch_angles=HATCH_ANGLES,
        overlay=overlay,
        links=links,
        text=partial(text_element, painter),
        drawing_id=drawing_id(journey) if grouped else None,
    ))


def drawing_id(journey: Journey) -> str:
    """The id of the group of a `grouped` drawing."""
    return f"{_uid(journey)}-drawing"


def text_element(paint: Painter, block: g.TextBlock, halo=None) -> Markup:
    """A `<text>` of one line per `<tspan>`, the template's `text(block, halo)`: `halo` is
    the colour of a stroke drawn under the letters, keeping them readable over curves.

    Written in Python rather than as a Jinja macro: it is called for every label (16,000
    times at 5,000 touchpoints), and a macro call with its escaping of each piece took
    about a third of the drawing's time (the drawing is 0.6× with this function). The user's
    lines are escaped as the template would (`xml_chars`, then markupsafe's `escape`); the
    numbers, attributes and the painter's markup need none."""
    x = number(block.x)
    head = [f'<text x="{x}" font-size="{number(block.size)}"',
            paint(fill=block.color, stroke=halo)]
    if block.bold:
        head.append(' font-weight="bold"')
    if block.italic:
        head.append(' font-style="italic"')
    if block.anchor != "start":
        head.append(f' text-anchor="{escape(block.anchor)}"')
    if halo:
        head.append(' stroke-width="3" stroke-linejoin="round" paint-order="stroke"')
    head.append(">")
    head += [f'<tspan x="{x}" y="{number(block.baselines[i])}">{escape(xml_chars(line))}</tspan>'
             for i, line in enumerate(block.lines)]
    head.append("</text>")
    return Markup("".join(head))


def _joined(out: TextIO | None, pieces) -> str | None:
    """The template's output pieces written to `out` as they come (None: as one text):
    `render` would hold all of them at once first (a million small strings at 5,000
    touchpoints, several times the size of the SVG itself)."""
    if out is not None:
        for piece in pieces:
            out.write(piece)
        return None
    joined = io.StringIO()
    for piece in pieces:
        joined.write(piece)
    return joined.getvalue()


@in_its_language
def render_changes(journey: Journey, before: Journey, theme: Theme,
                   width: float | None = DEFAULT_WIDTH) -> str:
    """`journey` drawn with what changed since `before` marked and its old curves faint
    behind the new ones (`cjm diff --svg`)."""
    from cjmdsl.layout.changes import change_overlay

    geometry = layout(journey, theme, width)
    return draw(journey, geometry, theme, dark=dark_partner(theme),
                overlay=change_overlay(before, journey, geometry, theme, width))


def draw_stages(journey: Journey, view: g.StagesView, theme: Theme, dark: Theme | None = None,
                painter: Painter | None = None) -> str:
    """SVG markup for the stages view, its colours as `draw` writes the map's: by role with
    a `dark` partner's `<style>`, or through the caller's `painter`."""
    uid = _uid(journey)
    painter, style = _painting(uid, dark, painter)
    return environment().get_template("stages.svg.j2").render(
        v=view, uid=uid, title=journey.title, summary=summary(journey),
        radius=theme.spacing.radius, band_opacity=theme.emotion.band_opacity, paint=painter,
        text=partial(text_element, painter), stylesheet=style)


def _painting(uid: str, dark: Theme | None, painter: Painter | None):
    """The painter of a drawing of `uid` (the caller's, else one by role when there is a
    `dark` partner) and what writes its `<style>` once drawn (None: the caller's or none)."""
    if painter is not None:
        return painter, None
    own = Painter(by_role=dark is not None)
    if dark is None:
        return own, None
    return own, lambda: Markup(stylesheet(own, uid, dark))


def stage_pictures(view: g.StagesView, theme: Theme, painter: Painter) -> list[Markup]:
    """Each stage of the stages view drawn alone, its colours through `painter` (the HTML
    page's overview cards, which its stylesheet colours in either scheme)."""
    stages = environment().get_template("stages.svg.j2").make_module(
        {"paint": painter, "text": partial(text_element, painter)})
    return [Markup(stages.stage(stage, view, theme.spacing.radius, theme.emotion.band_opacity))
            for stage in view.stages]


def _uid(journey: Journey) -> str:
    """A stable id prefix, so several maps inlined in one page do not share ids."""
    return "cjm-" + hashlib.sha256(journey.title.encode("utf-8", "replace")).hexdigest()[:8]


