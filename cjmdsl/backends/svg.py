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
from cjmdsl.model import Journey
from cjmdsl.numbers import counted, number, plural, signed
from cjmdsl.themes import Theme

BINARY = False


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


def summary(journey: Journey) -> str:
    """The map in a few sentences, for screen readers and the SVG `<desc>` (and the alt
    text of the docs plugins)."""
    touchpoints = journey.touchpoints
    parts = [
        f"Customer journey map with {counted(len(journey.stages), 'stage')} "
        f"({', '.join(s.name for s in journey.stages)}) and "
        f"{counted(len(touchpoints), 'touchpoint')}."
    ]
    if journey.personas:
        parts.append(f"{plural(len(journey.personas), 'Persona')}: "
                     + ", ".join(p.name for p in journey.personas) + ".")
    for persona in journey.personas:
        felt = [(e.value, tp.name) for tp in touchpoints for e in tp.emotions
                if e.persona == persona.id]
        if felt:
            parts.append(_feeling(persona.name, felt))
    moments = [tp.name for tp in touchpoints if tp.moment_of_truth]
    if moments:
        parts.append(f"{plural(len(moments), 'Moment of truth', 'Moments of truth')}: "
                     + ", ".join(moments) + ".")
    pains = sum(len(tp.pains) for tp in touchpoints)
    if pains:
        parts.append(f"{counted(pains, 'pain point')}.")
    if journey.description:
        parts.insert(0, journey.description)
    return " ".join(parts)


def _feeling(name: str, felt: list[tuple[float, str]]) -> str:
    """How a persona feels, from its (value, touchpoint name) pairs in map order: its worst
    and best, or one phrase when every value is the same."""
    low, high = min(felt, key=lambda f: f[0]), max(felt, key=lambda f: f[0])
    if low[0] != high[0]:
        return (f"{name} feels worst at {low[1]} ({signed(low[0])}) "
                f"and best at {high[1]} ({signed(high[0])}).")
    if len(felt) == 1:
        return f"{name} feels {signed(low[0])} at {low[1]}."
    every = "both" if len(felt) == 2 else f"all {number(len(felt))}"
    return (f"{name} feels {signed(low[0])} at {every} touchpoints "
            f"({', '.join(tp for _, tp in felt)}).")


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


