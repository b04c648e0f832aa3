"""The map as one interactive HTML page: a file to attach, host on a wiki, or open from disk.

The page inlines everything (CSS, the SVG map, a small vanilla script) and makes no request
of any kind; a Content-Security-Policy with hashes of the one style and the one script says
so to the browser. The map is the SVG backend's drawing of the shared layout, once per colour
scheme (the theme and its dark partner differ only in colours, so both drawings have the same
geometry). The script adds behaviour at load time through the SVG's `data-*` attributes; the
tables below the map are plain HTML and work without it. Same input, same bytes out.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib.resources import files

from markupsafe import Markup

from cjmdsl import geometry as g
from cjmdsl import evidence, kpis, priorities
from cjmdsl.backends import _feelings as feelings
from cjmdsl.backends import svg
from cjmdsl.backends._templates import environment
from cjmdsl.escape import css_font_family, web_link, xml_chars
from cjmdsl.lanes import EMOTIONS, LANES
from cjmdsl.layout import MARKER_SHAPES, layout
from cjmdsl.layout.stages import stages_view
from cjmdsl.locales import in_its_language
from cjmdsl.model import Journey, Kpi, Scale, Touchpoint
from cjmdsl.numbers import on_scale, signed_number
from cjmdsl.themes import Theme, dark_partner
from cjmdsl.words import finding_links, metadata_line

BINARY = False

# Theme colours the page itself uses, as CSS custom properties (`--pain-border`, …).
PAGE_COLORS = ("background", "text", "muted", "line", "panel", "card", "border", "pain",
               "pain_border", "opportunity", "opportunity_border", "tag", "moment",
               "moment_fill", "met", "missed")
# The map's rows a reader can hide, each with its name and the SVG group that draws it: the
# lanes, then the bands below them.
ROW_NAMES = {**{lane.key: lane.label for lane in LANES}, "plan": "Stage plan", "kpis": "KPIs"}
ROW_SELECTORS = {**{lane.key: f".cjm-lane-{lane.key}" for lane in LANES},
                 "plan": ".cjm-stage-plan", "kpis": ".cjm-kpis"}
# From this many touchpoints the page opens on the stages view, a card per stage that links to
# the map at that stage: past a few dozen the reader first needs the journey's shape.
OVERVIEW_FROM = 20
_COLOR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([0-9., %/+-]*\)")


@in_its_language
def render(journey: Journey, theme: Theme, before: Journey | None = None) -> str:
    """The page; with `before`, the map marks what changed since that version and shows its
    old curves faintly (`cjm diff --html`)."""
    light = layout(journey, theme)
    partner = dark_partner(theme)
    dark = layout(journey, partner) if partner else None
    maps = [_map("light" if partner else "only", journey, light, theme, before)]
    if partner:
        maps.append(_map("dark", journey, dark, partner, before))
    css = _theme_css(theme, light, partner, dark) + _static("page.css")
    script = _static("page.js")
    template = environment().get_template("map.html.j2")
    order, stage_names = feelings.persona_order(journey), _stage_names(journey)
    overview = (stages_view(journey, theme) if len(journey.touchpoints) >= OVERVIEW_FROM
                else None)
    views = [_touchpoint_view(journey, tp, order, stage_names) for tp in journey.touchpoints]
    ranked = priorities.ranked(journey)
    return template.render(
        journey=journey,
        lanes=LANES,
        overview=overview,
        stage_names=stage_names,
        radius=theme.spacing["radius"],
        band_opacity=theme.emotion["band_opacity"],
        maps=maps,
        has_dark=partner is not None,
        rows=[(row["kind"], ROW_NAMES[row["kind"]]) for row in maps[0]["rows"]],
        personas=[_persona_view(journey, index) for index in range(len(journey.personas))],
        touchpoints=views,
        gaps=gap_rows(journey),
        pains=pains_by_stage(journey),
        pain_owners=any(pain.owner for tp in journey.touchpoints for pain in tp.pains),
        finding_links=lambda finding: finding_links(finding, journey),
        metadata=metadata_line(journey),
        stage_notes=[stage for stage in journey.stages if stage.notes],
        kpis=[_kpi_view(kpi) for kpi in journey.kpis],
        metrics=[(where, _kpi_view(metric)) for where, metric in _metrics(journey)],
        moments=[view for view in views if view["tp"].moment_of_truth],
        ranked=ranked,
        matrix=priorities.matrix(ranked),
        sources=_source_views(journey),
        source_label=lambda source: " · ".join(_flat(evidence.source_parts(source, journey))),
        css=Markup(css),
        script=Markup(script),
        data=json_for_script(_script_data(journey, maps, stage_names)),
        csp=content_security_policy(css, script),
    )


def json_for_script(data) -> Markup:
    """JSON that is safe inside `<script type="application/json">`: no `<`, `>` or `&`, so
    neither `</script>` nor `<!--` can end or change the block; `JSON.parse` reads it back."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(xml_chars(text))


def content_security_policy(css: str, script: str | None) -> str:
    """Nothing may load; only the page's own style and script (by hash) may run (no script
    at all for a page without one: the report)."""
    scripts = _sha256(script) if script is not None else "'none'"
    return ("default-src 'none'; "
            f"style-src {_sha256(css)}; script-src {scripts}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _static(name: str) -> str:
    return files("cjmdsl.backends").joinpath("templates", "html", name).read_text("utf-8")


# ── the map ───────────────────────────────────────────────────────────────────
def _map(scheme: str, journey: Journey, geometry: g.Geometry, theme: Theme,
         before: Journey | None = None) -> dict:
    """One drawing of the map, with what the script needs to know about its geometry: the
    rows it can hide, the width of the lane-label column (`rail`) and the top and height of
    the stage header band (a little of the gap below included), which stay in view. With
    `before`, what changed since that version is marked (`cjmdsl.layout.changes`)."""
    overlay = None
    if before is not None:
        from cjmdsl.layout.changes import change_overlay

        overlay = change_overlay(before, journey, geometry, theme, None)
    markup = svg.draw(journey, geometry, theme, overlay=overlay)
    if scheme == "dark":
        markup = _distinct_ids(markup, "dark")
    gap = theme.spacing["column_gap"]
    stages_top = min((s.box.y for s in geometry.stages), default=0)
    stages_bottom = max((s.box.bottom for s in geometry.stages), default=0) + gap / 2
    rail = min((s.box.x for s in geometry.stages), default=0) - gap / 2
    return {"scheme": scheme, "svg": Markup(markup),
            "rows": _rows(geometry, theme.spacing["lane_gap"]), "rail": round(rail, 2),
            "stages": [round(stages_top, 2), round(stages_bottom - stages_top, 2)],
            "size": [geometry.width, geometry.height]}


def _distinct_ids(markup: str, suffix: str) -> str:
    """The second drawing of a map gets ids of its own (the SVG's title and desc)."""
    found = re.search(r'aria-labelledby="(cjm-[0-9a-f]+)-title', markup)
    if not found:
        return markup
    uid = found.group(1)
    for old in (f'id="{uid}-title"', f'id="{uid}-desc"',
                f'aria-labelledby="{uid}-title {uid}-desc"'):
        markup = markup.replace(old, old.replace(uid, f"{uid}-{suffix}"), 1)
    return markup


def _rows(geometry: g.Geometry, lane_gap: float) -> list[dict]:
    """Each row of the map from the middle of the gap above it to the middle of the gap
    below, top to bottom: the script hides a row by closing up that band."""
    half = lane_gap / 2
    bands = [(lane.kind, lane.box.y, lane.box.bottom) for lane in geometry.lanes]
    if geometry.emotion:
        bands.append((EMOTIONS, geometry.emotion.box.y, geometry.emotion.box.bottom))
    if geometry.footers:
        bands.append(("plan", geometry.footers[0].box.y, geometry.footers[0].box.bottom))
    if geometry.kpis:
        bands.append(("kpis", min(k.box.y for k in geometry.kpis),
                      max(k.box.bottom for k in geometry.kpis)))
    bands.sort(key=lambda band: band[1])
    return [{"kind": kind, "selector": ROW_SELECTORS[kind], "top": round(top - half, 2),
             "bottom": round(bottom + half, 2)} for kind, top, bottom in bands]


def _script_data(journey: Journey, maps: list[dict], stage_names: dict[str, str]) -> dict:
    paths: dict[str, list[str]] = {p.id: [] for p in journey.personas}
    for tp in journey.touchpoints:  # each persona's touchpoints, from the emotions there
        for persona in feelings.at(tp):
            if persona in paths:
                paths[persona].append(tp.id)
    return {
        "labels": {tp.id: _touchpoint_label(tp, stage_names) for tp in journey.touchpoints},
        "paths": paths,
        "maps": {m["scheme"]: {key: m[key] for key in ("rows", "rail", "stages", "size")}
                 for m in maps},
    }


def _touchpoint_label(tp: Touchpoint, stage_names: dict[str, str]) -> str:
    facts = [stage_names.get(tp.stage, tp.stage)]
    if tp.channel:
        facts.append(tp.channel_label)
    if tp.moment_of_truth:
        facts.append("moment of truth")
    return f"{tp.name} ({', '.join(facts)})"


# ── colours ───────────────────────────────────────────────────────────────────
def _theme_css(theme: Theme, light: g.Geometry, partner: Theme | None,
               dark: g.Geometry | None) -> str:
    """The theme's colours as custom properties; with a dark partner, the rules that switch
    to it (the reader's choice, else `prefers-color-scheme`; print is always light)."""
    font = css_font_family(theme.font["family"])
    lines = ["", f":root{{--font:{font};{_vars(theme, light)}}}",
             "".join(f".p{i}{{--pc:var(--p{i})}}" for i in range(len(light.legend)))]
    if partner is None:
        return "\n".join(lines) + "\n"
    dark_vars = _vars(partner, dark)
    on = ":root[data-scheme=dark]"
    auto = ":root:not([data-scheme=light])"
    shown = "{visibility:visible}"
    gone = "{visibility:hidden}"
    lines += [
        f".cjm-canvas-dark{gone}",
        f"{on}{{{dark_vars}}}",
        f"{on} .cjm-canvas-dark{shown}{on} .cjm-canvas-light{gone}",
        "@media (prefers-color-scheme:dark){"
        f"{auto}{{{dark_vars}}}{auto} .cjm-canvas-dark{shown}{auto} .cjm-canvas-light{gone}}}",
        "@media print{"
        f":root:root{{{_vars(theme, light)}}}"
        ":root:root .cjm-canvas-light{visibility:visible}:root:root .cjm-canvas-dark{display:none}}",
    ]
    return "\n".join(lines) + "\n"


def _vars(theme: Theme, geometry: g.Geometry) -> str:
    scheme = "dark" if _is_dark(theme.colors["background"]) else "light"
    pairs = [(name.replace("_", "-"), theme.colors[name]) for name in PAGE_COLORS]
    pairs.append(("accent", geometry.legend[0].color if geometry.legend
                  else theme.personas["palette"][0]))
    pairs += [(f"p{index}", entry.color) for index, entry in enumerate(geometry.legend)]
    return "".join(f"--{name}:{_css_color(value)};" for name, value in pairs) + \
        f"color-scheme:{scheme};"


def _css_color(value) -> str:
    """A colour as CSS, or `initial` (unset) for anything that is not plainly a colour."""
    return value if isinstance(value, str) and _COLOR.fullmatch(value) else "initial"


def _is_dark(color: str) -> bool:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", color or ""):
        return False
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 128


# ── what the page shows besides the map ───────────────────────────────────────
def gap_rows(journey: Journey) -> list[dict]:
    """Every touchpoint and persona with both an expected and an actual emotion, worst gap
    (actual − expected) first; ties stay in map order."""
    rows = []
    order = feelings.persona_order(journey)
    for tp in journey.touchpoints:
        for index, persona, felt, hoped in feelings.in_persona_order(journey, tp, order):
            if felt and hoped:
                gap = felt.value - hoped.value
                rows.append({"touchpoint": tp, "persona": persona, "index": index,
                             "expected": _on_scale(journey.scale, hoped.value),
                             "actual": _on_scale(journey.scale, felt.value),
                             "word": felt.word, "gap": gap, "gap_text": signed_number(gap),
                             "verdict": ("worse than expected" if gap < 0 else
                                         "better than expected" if gap > 0 else "as expected")})
    return sorted(rows, key=lambda row: row["gap"])


def pains_by_stage(journey: Journey) -> list[tuple]:
    """(stage, [(touchpoint, pain), …]) for each stage that has pain points, in map order."""
    found = [(stage, [(tp, pain) for tp in stage.touchpoints for pain in tp.pains])
             for stage in journey.stages]
    return [(stage, pains) for stage, pains in found if pains]


def _persona_view(journey: Journey, index: int) -> dict:
    persona = journey.personas[index]
    marker = g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)], 8, 8, 5, "", "")
    facts = [(label, items) for label, items in (
        ("Role", persona.roles), ("Goals", persona.goals), ("Needs", persona.needs),
        ("Pains", persona.pains), ("Motivations", persona.motivations)) if items]
    return {"persona": persona, "index": index, "marker": marker, "facts": facts}


def _touchpoint_view(journey: Journey, tp: Touchpoint, order: dict[str, int],
                     stage_names: dict[str, str]) -> dict:
    emotions = [{
        "persona": persona, "index": index, "word": felt.word if felt else None,
        "actual": _on_scale(journey.scale, felt.value) if felt else None,
        "expected": _on_scale(journey.scale, hoped.value) if hoped else None,
        "gap": signed_number(felt.value - hoped.value) if felt and hoped else None}
        for index, persona, felt, hoped in feelings.in_persona_order(journey, tp, order)]
    return {"tp": tp, "stage": stage_names.get(tp.stage, tp.stage),
            "channel": tp.channel_label,
            "emotions": emotions}


def _source_views(journey: Journey) -> list[dict]:
    """Each declared source with its link (http and https only), sample and citations."""
    cited = evidence.citations(journey)
    return [{"source": source, "link": web_link(source.url) if source.url else None,
             "sample": evidence.sample(source),
             "cited_by": evidence.cited_by(cited[source.id], journey)}
            for source in journey.sources]


def _flat(parts: tuple[str, list[str]]) -> list[str]:
    kind, details = parts
    return [kind, *details]


def _metrics(journey: Journey) -> list[tuple[str, object]]:
    """Every metric with where it is measured: a touchpoint's name, or a stage's."""
    found = []
    for stage in journey.stages:
        found += [(tp.name, metric) for tp in stage.touchpoints for metric in tp.metrics]
        found += [(stage.name, metric) for metric in stage.metrics]
    return found


def _kpi_view(kpi: Kpi) -> dict:
    return {"kpi": kpi, "detail": kpis.sentence(kpi), "actual": kpis.figure(kpi),
            "target": kpis.target(kpi), "status": kpis.status(kpi)}


def _on_scale(scale: Scale, value: float) -> str:
    label = scale.label_for(value)
    return f"{on_scale(value, scale)} ({label})" if label else on_scale(value, scale)


def _stage_names(journey: Journey) -> dict[str, str]:
    """stage id -> its name (the first stage's, if an id were repeated)."""
    names: dict[str, str] = {}
    for stage in journey.stages:
        names.setdefault(stage.id, stage.name)
    return names
