"""The default backend: the map as one standalone SVG file.

No script, no external font, stylesheet or image, so GitHub, GitLab and
Confluence show it as it is. Accessible as an image: `role="img"`, a `<title>`
and a `<desc>` that sums the journey up in words.
"""
from __future__ import annotations

import hashlib
import io

from cjmdsl import geometry as g
from cjmdsl.backends._templates import environment
from cjmdsl.channels import CHANNELS
from cjmdsl.layout import DEFAULT_WIDTH, layout
from cjmdsl.layout.stages import stages_view
from cjmdsl.locales import in_its_language
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words import summary

BINARY = False


OPTIONS = ("width", "view")
VIEWS = ("map", "stages")  # the whole map, or the overview of one column per stage


@in_its_language
def render(journey: Journey, theme: Theme, width: float | None = DEFAULT_WIDTH,
           view: str = "map") -> str:
    """The map (or with `view="stages"` its overview) laid out for `width` pixels (0 or None:
    one row, as wide as the journey)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    if view == "stages":
        return draw_stages(journey, stages_view(journey, theme, width), theme)
    return draw(journey, layout(journey, theme, width), theme)


def draw(journey: Journey, geometry: g.Geometry, theme: Theme,
         described: str | None = None, overlay=None) -> str:
    """SVG markup for an already laid-out map (the HTML page reuses this); `described` is
    the journey's summary when the caller has it already (the pages of a PDF); `overlay`
    what a diff marks on it (`cjmdsl.layout.changes.ChangeOverlay`)."""
    template = environment().get_template("map.svg.j2")
    return _joined(template.generate(
        g=geometry,
        uid=_uid(journey),
        title=journey.title,
        summary=summary(journey) if described is None else described,
        icons={name: channel.icon for name, channel in CHANNELS.items()},
        radius=theme.spacing["radius"],
        band_opacity=theme.emotion["band_opacity"],
        gap_opacity=theme.emotion["gap_opacity"],
        overlay=overlay,
    ))


def _joined(pieces) -> str:
    """The template's output pieces as one text, written as they come: `render` would hold
    all of them at once first (a million small strings at 5,000 touchpoints, several times
    the size of the SVG itself)."""
    out = io.StringIO()
    for piece in pieces:
        out.write(piece)
    return out.getvalue()


@in_its_language
def render_changes(journey: Journey, before: Journey, theme: Theme,
                   width: float | None = DEFAULT_WIDTH) -> str:
    """`journey` drawn with what changed since `before` marked and its old curves faint
    behind the new ones (`cjm diff --svg`)."""
    from cjmdsl.layout.changes import change_overlay

    geometry = layout(journey, theme, width)
    return draw(journey, geometry, theme, overlay=change_overlay(before, journey, geometry,
                                                                 theme, width))


def draw_stages(journey: Journey, view: g.StagesView, theme: Theme) -> str:
    """SVG markup for the stages view."""
    return environment().get_template("stages.svg.j2").render(
        v=view, uid=_uid(journey), title=journey.title, summary=summary(journey),
        radius=theme.spacing["radius"], band_opacity=theme.emotion["band_opacity"])


def _uid(journey: Journey) -> str:
    """A stable id prefix, so several maps inlined in one page do not share ids."""
    return "cjm-" + hashlib.sha256(journey.title.encode("utf-8", "replace")).hexdigest()[:8]


