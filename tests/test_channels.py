"""The built-in channel registry and its icons (cjmdsl.channels)."""
from __future__ import annotations

import dataclasses
import math
import re
import xml.etree.ElementTree as ET

import pytest

from cjmdsl.channels import ALIASES, CHANNELS, Channel, channel_names, resolve_channel

SVG_NS = "http://www.w3.org/2000/svg"
REQUIRED = {
    "web": "Web",
    "mobile": "Mobile app",
    "email": "Email",
    "social": "Social media",
    "phone": "Phone",
    "chat": "Chat",
    "store": "Store",
    "search": "Search",
    "ad": "Advertising",
    "referral": "Referral",
    "review": "Review site",
    "support": "Support desk",
    "sms": "SMS",
    "video": "Video",
    "event": "Event",
    "mail": "Post",
    "partner": "Partner",
    "blog": "Blog",
    "community": "Community",
    "survey": "Survey",
    "loyalty": "Loyalty programme",
    "in_product": "In-product",
    "other": "Other",
}
REQUIRED_ALIASES = {
    "website": "web", "app": "mobile", "mobile_app": "mobile", "mobile-app": "mobile",
    "e-mail": "email", "social_media": "social", "call": "phone", "call_center": "phone",
    "live_chat": "chat", "in_store": "store", "shop": "store", "retail": "store",
    "advertising": "ad", "ads": "ad", "review_site": "review", "reviews": "review",
    "support_desk": "support", "helpdesk": "support", "text": "sms", "webinar": "video",
    "post": "mail", "letter": "mail", "word_of_mouth": "referral",
}
# Geometry only: the renderer's wrapping <g> supplies fill, stroke and width.
ALLOWED = {
    "path": {"d"},
    "circle": {"cx", "cy", "r"},
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"},
}
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# Half the 1.8 stroke plus a little: drawn geometry keeps its ink inside 0..24.
INNER_LO, INNER_HI = 1.0, 23.0

ICONS = list(CHANNELS.values())
IDS = [c.name for c in ICONS]


def parse_icon(icon: str) -> list[ET.Element]:
    root = ET.fromstring(f'<svg xmlns="{SVG_NS}"><g>{icon}</g></svg>')
    (group,) = list(root)
    return list(group.iter())[1:]


def arc_points(x1, y1, rx, ry, phi_deg, large, sweep, x2, y2, steps=32):
    """Points along an SVG elliptical arc (endpoint parameterisation, SVG 1.1 F.6.5)."""
    if (x1, y1) == (x2, y2):
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [(x2, y2)]
    phi = math.radians(phi_deg)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    xp, yp = cos_p * dx + sin_p * dy, -sin_p * dx + cos_p * dy
    scale = (xp / rx) ** 2 + (yp / ry) ** 2
    if scale > 1:  # radii too small: scale them up, as renderers do
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
    den = rx * rx * yp * yp + ry * ry * xp * xp
    coef = math.sqrt(max(0.0, num / den))
    if large == sweep:
        coef = -coef
    cxp, cyp = coef * rx * yp / ry, -coef * ry * xp / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2

    def angle(ux, uy, vx, vy):
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    t1 = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry)
    dt = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry)
    if not sweep and dt > 0:
        dt -= 2 * math.pi
    elif sweep and dt < 0:
        dt += 2 * math.pi
    points = []
    for k in range(1, steps + 1):
        t = t1 + dt * k / steps
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        points.append((cos_p * ex - sin_p * ey + cx, sin_p * ex + cos_p * ey + cy))
    return points


def path_points(d: str) -> list[tuple[float, float]]:
    """Every absolute point a path's data names: endpoints and control points,
    and for arcs points sampled along the curve (so bulges are seen)."""
    tokens = re.findall(r"[MmLlHhVvCcSsQqTtAaZz]|" + NUMBER.pattern, d)
    arity = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
    points: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    i, command = 0, None
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                x, y = start_x, start_y
                continue
        assert command is not None, f"path data must start with a command: {d!r}"
        upper, relative = command.upper(), command.islower()
        n = arity[upper]
        args = [float(t) for t in tokens[i:i + n]]
        assert len(args) == n, f"truncated {command} in {d!r}"
        i += n
        if upper == "H":
            x = args[0] + (x if relative else 0)
            points.append((x, y))
        elif upper == "V":
            y = args[0] + (y if relative else 0)
            points.append((x, y))
        elif upper == "A":
            ex, ey = args[5], args[6]
            ex, ey = (x + ex, y + ey) if relative else (ex, ey)
            points.extend(arc_points(x, y, *args[:5], ex, ey))
            points.append((ex, ey))
            x, y = ex, ey
        else:
            base_x, base_y = (x, y) if relative else (0.0, 0.0)
            pairs = [(base_x + args[k], base_y + args[k + 1]) for k in range(0, n, 2)]
            points.extend(pairs)
            x, y = pairs[-1]
            if upper == "M":
                start_x, start_y = x, y
                command = "l" if relative else "L"  # implicit lineto after moveto
    return points


def extents(el: ET.Element) -> list[tuple[float, float]]:
    """Points bounding an element's geometry (before the stroke is applied)."""
    tag = el.tag.removeprefix("{%s}" % SVG_NS)
    a = {k: el.get(k) for k in el.keys()}
    if tag == "circle":
        cx, cy, r = float(a["cx"]), float(a["cy"]), float(a["r"])
        return [(cx - r, cy - r), (cx + r, cy + r)]
    if tag == "rect":
        x, y = float(a["x"]), float(a["y"])
        return [(x, y), (x + float(a["width"]), y + float(a["height"]))]
    if tag == "line":
        return [(float(a["x1"]), float(a["y1"])), (float(a["x2"]), float(a["y2"]))]
    if tag == "polyline":
        nums = [float(n) for n in NUMBER.findall(a["points"])]
        assert len(nums) % 2 == 0 and len(nums) >= 4
        return list(zip(nums[::2], nums[1::2]))
    return path_points(a["d"])


def test_required_channels_exist_with_labels():
    for name, label in REQUIRED.items():
        assert name in CHANNELS, name
        assert CHANNELS[name].label == label


def test_registry_is_consistent():
    assert len(CHANNELS) >= len(REQUIRED)
    for key, channel in CHANNELS.items():
        assert isinstance(channel, Channel)
        assert channel.name == key == key.lower()
        assert channel.label.strip() and channel.icon.strip()
    assert channel_names() == list(CHANNELS)
    # the order is stable: the required ones, in the documented order, come first
    assert channel_names()[: len(REQUIRED)] == list(REQUIRED)


def test_channel_is_frozen():
    channel = CHANNELS["web"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        channel.label = "Changed"  # type: ignore[misc]


def test_channel_names_returns_a_fresh_list():
    names = channel_names()
    names.append("bogus")
    assert "bogus" not in channel_names()


@pytest.mark.parametrize("channel", ICONS, ids=IDS)
def test_icon_parses_and_uses_only_geometry(channel):
    elements = parse_icon(channel.icon)
    assert elements, f"{channel.name}: empty icon"
    for el in elements:
        tag = el.tag.removeprefix("{%s}" % SVG_NS)
        assert tag in ALLOWED, f"{channel.name}: <{tag}> is not an allowed primitive"
        extra = set(el.keys()) - ALLOWED[tag]
        assert not extra, f"{channel.name}: <{tag}> has non-geometry attributes {extra}"
        assert el.text is None or not el.text.strip()


@pytest.mark.parametrize("channel", ICONS, ids=IDS)
def test_icon_has_no_colour_script_reference_or_style(channel):
    lowered = channel.icon.lower()
    for forbidden in ("fill", "stroke", "color", "colour", "style", "class", "opacity",
                      "script", "href", "url(", "on", "#", "xmlns", "<g", "transform"):
        if forbidden == "on":
            assert not re.search(r"\bon\w+\s*=", lowered), channel.name
        else:
            assert forbidden not in lowered, f"{channel.name}: contains {forbidden!r}"


@pytest.mark.parametrize("channel", ICONS, ids=IDS)
def test_icon_numbers_lie_within_the_24_box(channel):
    for el in parse_icon(channel.icon):
        for attr, value in el.items():
            numbers = [float(n) for n in NUMBER.findall(value)]
            assert numbers, f"{channel.name}: {attr}={value!r} has no numbers"
            for n in numbers:
                assert 0 <= n <= 24, f"{channel.name}: {attr}={value!r} has {n} outside 0..24"


@pytest.mark.parametrize("channel", ICONS, ids=IDS)
def test_icon_geometry_keeps_its_stroke_inside_the_box(channel):
    points = [p for el in parse_icon(channel.icon) for p in extents(el)]
    assert points
    for x, y in points:
        assert INNER_LO <= x <= INNER_HI and INNER_LO <= y <= INNER_HI, (channel.name, x, y)
    # and the drawing fills the box reasonably: neither tiny nor lopsided
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) >= 14, channel.name
    assert abs((min(xs) + max(xs)) / 2 - 12) <= 1.5, channel.name
    assert abs((min(ys) + max(ys)) / 2 - 12) <= 1.5, channel.name


@pytest.mark.parametrize("channel", ICONS, ids=IDS)
def test_icon_path_data_is_absolute(channel):
    for el in parse_icon(channel.icon):
        d = el.get("d")
        if d is not None:
            assert not re.search(r"[mlhvcsqtaz]", d), f"{channel.name}: relative command in {d!r}"


def test_icons_are_distinct():
    icons = [c.icon for c in ICONS]
    assert len(set(icons)) == len(icons)


def test_path_points_handles_relative_commands():
    assert path_points("m1 2 l3 4 h1 v-2 z M10 10 L11 11") == [
        (1, 2), (4, 6), (5, 6), (5, 4), (10, 10), (11, 11)]


def test_arc_points_follow_the_curve():
    # a half circle of radius 5 from (2, 12) to (12, 12) over the top reaches y = 7
    top = min(y for _, y in arc_points(2, 12, 5, 5, 0, 0, 1, 12, 12))
    assert top == pytest.approx(7, abs=0.05)
    # the other sweep goes underneath
    bottom = max(y for _, y in arc_points(2, 12, 5, 5, 0, 0, 0, 12, 12))
    assert bottom == pytest.approx(17, abs=0.05)


def test_required_aliases():
    for alias, canonical in REQUIRED_ALIASES.items():
        assert ALIASES.get(alias) == canonical, alias


def test_aliases_resolve_to_existing_channels():
    for alias, canonical in ALIASES.items():
        assert canonical in CHANNELS, f"{alias} -> unknown {canonical}"
        assert alias == alias.strip().lower(), alias
        assert alias not in CHANNELS, f"alias {alias} shadows a canonical name"
        assert resolve_channel(alias) is CHANNELS[canonical]


def test_resolve_channel_canonical_and_case_insensitive():
    for name, channel in CHANNELS.items():
        assert resolve_channel(name) is channel
        assert resolve_channel(name.upper()) is channel
        assert resolve_channel(name.title()) is channel
    assert resolve_channel("WebSite") is CHANNELS["web"]
    assert resolve_channel("E-Mail") is CHANNELS["email"]
    assert resolve_channel("  Phone ") is CHANNELS["phone"]
    assert resolve_channel("Live Chat") is CHANNELS["chat"]
    assert resolve_channel("Word-Of-Mouth") is CHANNELS["referral"]


@pytest.mark.parametrize("name", ["", "   ", "telepathy", "webb", "e mail x", "web_", "ad s"])
def test_resolve_channel_unknown_is_none(name):
    assert resolve_channel(name) is None
