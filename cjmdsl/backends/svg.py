"""The default backend: the map as one standalone SVG file.

No script, no external font, stylesheet or image, so GitHub, GitLab and
Confluence show it as it is. Accessible as an image: `role="img"`, a `<title>`
and a `<desc>` that sums the journey up in words.
"""
from __future__ import annotations

import hashlib

from cjmdsl import geometry as g
from cjmdsl.backends._templates import environment
from cjmdsl.channels import CHANNELS
from cjmdsl.layout import layout
from cjmdsl.locales import in_its_language
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words import summary

BINARY = False


@in_its_language
def render(journey: Journey, theme: Theme) -> str:
    return draw(journey, layout(journey, theme), theme)


def draw(journey: Journey, geometry: g.Geometry, theme: Theme) -> str:
    """SVG markup for an already laid-out map (the HTML page reuses this)."""
    template = environment().get_template("map.svg.j2")
    return template.render(
        g=geometry,
        uid=_uid(journey),
        title=journey.title,
        summary=summary(journey),
        icons={name: channel.icon for name, channel in CHANNELS.items()},
        star=_star,
        star_at=_star_at,
        radius=theme.spacing["radius"],
        lane_gap=theme.spacing["lane_gap"],
        band_opacity=theme.emotion["band_opacity"],
        gap_opacity=theme.emotion["gap_opacity"],
    )


def _star(block: g.TextBlock) -> g.Marker:
    """The star drawn before a moment-of-truth label."""
    return g.Marker("star", block.box.x - 8, block.baselines[0] - block.size * 0.36, 5,
                    block.color, block.color)


def _star_at(sample: g.Box, color: str) -> g.Marker:
    """The star in the legend's moment-of-truth key."""
    return g.Marker("star", sample.x + sample.width / 2, sample.y + sample.height / 2, 5,
                    color, color)


def _uid(journey: Journey) -> str:
    """A stable id prefix, so several maps inlined in one page do not share ids."""
    return "cjm-" + hashlib.sha256(journey.title.encode("utf-8", "replace")).hexdigest()[:8]


