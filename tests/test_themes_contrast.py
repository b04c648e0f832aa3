"""Every built-in theme is readable: WCAG 2.1 contrast computed for every colour pair it draws.

Text (WCAG 1.4.3, AA): 4.5:1 against the background and against every fill the text sits on.
Lines and marks (WCAG 1.4.11): 3:1 against the background for persona curves, emotion markers
and the moment-of-truth border. `high-contrast` themes are held to AAA: 7:1 for text, 4.5:1 for
lines, and their card borders and grid lines count as lines too.

The pairs are colour roles (cjmdsl.themes.roles): the lanes' cards come from the lane table (a
lane's text and its fail points on its `fill` role, its tags on `tag`), the rest is listed by role, and
`test_every_role_the_map_draws_is_checked` fails when the drawing paints a role that no pair
holds, so a new coloured element cannot go unchecked.
"""
from __future__ import annotations

import re

import pytest
from colorscience import contrast, over

from conftest import EXAMPLES

from cjmdsl.api import parse
from cjmdsl.backends import svg
from cjmdsl.lanes import CARD_LANES
from cjmdsl.layout.map import layout
from cjmdsl.themes.roles import Painter
from cjmdsl.themes import builtin_names, load_theme, mix

THEMES = builtin_names()
# Emotion colours are interpolated; sample the scale finely enough to meet every scale's levels.
SAMPLES = [i / 120 for i in range(121)]


def bars(name: str) -> tuple[float, float]:
    """(text, lines) minimum contrast for a theme."""
    return (7.0, 4.5) if name.startswith("high-contrast") else (4.5, 3.0)


def emotion_colors(theme) -> list[str]:
    """The emotion scale from its lowest to its highest value, finely sampled."""
    return list(dict.fromkeys(theme.emotion_color(t, 0.0, 1.0) for t in SAMPLES))


def persona_colors(theme) -> list[str]:
    return [theme.persona_color(index) for index in range(len(theme.personas.palette))]


def word_grounds(theme) -> list[tuple[str, str]]:
    """What an emotion word sits on. Words are drawn with a halo of the background colour, so
    each glyph is ringed by the background; we also hold them to the scale's tinted bands, over
    the page and over a moment-of-truth column, where the halo thins inside letters."""
    c, e = theme.colors, theme.emotion
    grounds = [("background", c["background"])]
    for page in ("background", "moment_fill"):
        for level in (theme.emotion_color(i / 12, 0, 1) for i in range(13)):  # low to high
            grounds.append((f"{page} with the {level} band", over(level, c[page], e["band_opacity"])))
    return grounds


def text_pairs(theme) -> list[tuple[str, str, str]]:
    """(what, text colour, fill it sits on) for every text the map draws."""
    c, s = theme.colors, theme.stages
    pairs = [
        ("title", c.text, c.background),
        ("description, legend keys, row and axis labels", c.muted, c.background),
        ("legend persona labels", c.text, c.background),
        ("touchpoint name", c.text, c.card),
        ("channel name", c.muted, c.card),
        ("moment-of-truth label", c.moment, c.card),
        ("fail-point label", c.fail, c.card),
        ("KPI value", c.text, c.panel),
        ("KPI name and detail", c.muted, c.panel),
        ("KPI target met", c.met, c.panel),
        ("KPI target missed", c.missed, c.panel),
    ]
    for lane in CARD_LANES:  # from the lane table: the lane's text on its cards and tags
        pairs.append((f"{lane.key} card", c.text, c[lane.fill]))
        pairs.append((f"{lane.key} card's fail point", c.fail, c[lane.fill]))
        if lane.findings:
            pairs.append((f"{lane.key} tag", c.text, c.tag))
    for index in range(len(s.palette)):
        fill = theme.stage_fill(index)
        plan = mix(fill, c.background, 0.55)  # as layout.footers draws the stage plan
        pairs += [
            (f"stage {index} header", s.text, fill),
            (f"stage {index} plan text", c.text, plan),
            (f"stage {index} plan heading", c.muted, plan),
        ]
    for persona in persona_colors(theme):
        for ground_name, ground in word_grounds(theme):
            pairs.append((f"emotion word {persona} on {ground_name}", persona, ground))
    return pairs


def line_pairs(theme) -> list[tuple[str, str, str]]:
    """(what, stroke colour, what it is drawn on) for lines and marks that carry meaning."""
    c = theme.colors
    pairs = [("moment-of-truth border", c.moment, c.background),
             ("channel icon", c.muted, c.card),
             ("fail-point badge", c.fail, c.card)]
    pairs += [(f"persona curve {p}", p, c.background) for p in persona_colors(theme)]
    for ground in ("background", "moment_fill"):
        pairs += [(f"emotion marker {e} on {ground}", e, c[ground]) for e in emotion_colors(theme)]
    if theme.name.startswith("high-contrast"):
        pairs += [("card border", c.border, c.background),
                  ("lane and grid lines", c.line, c.background)]
        pairs += [(f"{lane.key} card border", c[lane.stroke], c.background)
                  for lane in CARD_LANES]
    return pairs


def lowest(pairs) -> tuple[float, str]:
    return min((contrast(fg, bg), f"{what}: {fg} on {bg}") for what, fg, bg in pairs)


@pytest.mark.parametrize("name", THEMES)
def test_body_text_meets_contrast_on_every_fill(name):
    theme = load_theme(name)
    minimum, _ = bars(name)
    failing = [f"{what}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"
               for what, fg, bg in text_pairs(theme) if contrast(fg, bg) < minimum]
    assert not failing, f"{name}: {len(failing)} texts below {minimum}:1\n" + "\n".join(failing[:25])


@pytest.mark.parametrize("name", THEMES)
def test_lines_and_marks_meet_contrast_against_the_background(name):
    theme = load_theme(name)
    _, minimum = bars(name)
    failing = [f"{what}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"
               for what, fg, bg in line_pairs(theme) if contrast(fg, bg) < minimum]
    assert not failing, f"{name}: {len(failing)} lines below {minimum}:1\n" + "\n".join(failing[:25])


# Roles the map paints that carry no meaning of their own to be read: tints under other marks
# (their text is checked on them via `over`), outlines of cards whose text is checked, and
# the opacities.
UNREAD = {"line", "border", "moment-fill", "band-opacity", "gap-opacity", "gap-opacity-times-2",
          "pain-border", "opportunity-border"}


def roles_drawn(theme) -> set[str]:
    """Every role the examples' maps paint in `theme`."""
    painter = Painter(by_role=True)
    for example in EXAMPLES:
        journey = parse(example.read_text(encoding="utf-8"), example.name)
        svg.draw(journey, layout(journey, theme), theme, painter=painter)
    return {role.name for role in painter.roles()}


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_every_role_the_map_draws_is_checked(name):
    theme = load_theme(name)
    checked = {color.role.name for _, *colors in text_pairs(theme) + line_pairs(theme)
               for color in colors if getattr(color, "role", None)}
    unchecked = roles_drawn(theme) - checked - (set() if name == "high-contrast" else UNREAD)
    if name == "high-contrast":
        unchecked -= {"moment-fill", "band-opacity", "gap-opacity", "gap-opacity-times-2"}
    assert not unchecked, f"roles drawn but in no contrast pair: {sorted(unchecked)}"


def test_the_checks_catch_a_failing_colour():
    theme = load_theme("default")
    pale = [(what, "#dddddd", bg) for what, _, bg in text_pairs(theme)[:1]]
    assert lowest(pale)[0] < 4.5


def test_readme_states_the_lowest_ratios_found():
    from test_themes import readme_subsection

    stated = dict(re.findall(r"^\| `([\w-]+)` \| ([\d.]+:1 \| [\d.]+:1) \|$",
                             readme_subsection("Accessible by test"), re.M))
    found = {name: f"{lowest(text_pairs(load_theme(name)))[0]:.2f}:1 | "
                   f"{lowest(line_pairs(load_theme(name)))[0]:.2f}:1" for name in THEMES}
    assert stated == found


def test_contrast_report():
    """The lowest ratio per theme and where it is (`pytest -s -k contrast_report`)."""
    for name in THEMES:
        theme = load_theme(name)
        text, text_what = lowest(text_pairs(theme))
        line, line_what = lowest(line_pairs(theme))
        print(f"{name}: text {text:.2f}:1 ({text_what}); lines {line:.2f}:1 ({line_what})")
