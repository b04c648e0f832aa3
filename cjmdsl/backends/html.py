"""The map as one interactive HTML page: a file to attach, host on a wiki, or open from disk.

The page inlines everything (CSS, the SVG map, a small vanilla script) and makes no request
of any kind; a Content-Security-Policy with hashes of the one style and the one script says
so to the browser. The map is the SVG backend's one drawing of the shared layout, its colours
by role: the page's stylesheet gives the roles the theme's colours and, in dark mode, its dark
partner's (a partner contributes only its colours). The script adds behaviour at load time
through the SVG's `data-*` attributes; the tables below the map are plain HTML and work
without it. Same input, same bytes out.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import string

from markupsafe import Markup, escape

from cjmdsl.backends import _feelings as feelings
from cjmdsl.backends import svg
from cjmdsl.backends._band import band
from cjmdsl.backends._templates import environment, static_file
from cjmdsl.facts import evidence, priorities, steps
from cjmdsl.facts.answers import addressed_by
from cjmdsl.lanes import CHANNEL_LANE, EMOTIONS, LANES
from cjmdsl.language.blueprint import step_details
from cjmdsl.language.links import linked_output
from cjmdsl.language.measured import responses_words
from cjmdsl.language.states import improvements
from cjmdsl.layout import geometry as g
from cjmdsl.layout.map import MARKER_SHAPES, layout
from cjmdsl.layout.printing import label_rail, print_sheets
from cjmdsl.layout.stages import stages_view
from cjmdsl.model import Journey, Kpi, Opportunity, PainPoint, Scale, Step, Touchpoint
from cjmdsl.themes import Theme, dark_partner
from cjmdsl.themes.roles import Painter, css_value, in_theme
from cjmdsl.words import kpis
from cjmdsl.words.escape import css_font_family, web_link, xml_chars
from cjmdsl.words.locales import in_its_language, language, say
from cjmdsl.words.numbers import on_scale, signed_number
from cjmdsl.words.sentences import addressed_pains, finding_links, linked_summary, metadata_line

BINARY = False
OPTIONS = ("time_axis",)

# The map's rows a reader can hide, each with the SVG group that draws it (and its name, in
# `row_name`): the lanes, then the bands below them.
ROW_SELECTORS = {**{lane.key: f".cjm-lane-{lane.key}" for lane in (CHANNEL_LANE, *LANES)},
                 "plan": ".cjm-stage-plan", "kpis": ".cjm-kpis"}
# From this many touchpoints the page opens on the stages view, a card per stage that links to
# the map at that stage: past a few dozen the reader first needs the journey's shape.
OVERVIEW_FROM = 20
# Print cuts the page's one drawing onto landscape sheets (`cjmdsl.layout.printing`), at full
# size where it can: as wide as a landscape letter sheet's printable width with the page's
# 10 mm margins (A4's is wider: its pages print a little larger), each sheet as tall as A4's
# printable height allows at that width (letter's is taller).
PRINT_WIDTH = 980  # px at 96 per inch: 279.4 mm - 2 × 10 mm
PRINT_SHAPE = 0.67  # height / width: (210 mm - 2 × 10 mm) / 277 mm, a little under


@in_its_language
def render(journey: Journey, theme: Theme, before: Journey | None = None,
           time_axis: bool = False) -> str:
    """The page; with `before`, the map marks what changed since that version and shows its
    old curves faintly (`cjm diff --html`); `time_axis` adds the ruler of elapsed time."""
    # The page introduces the personas in HTML, so its map has no persona cards.
    geometry = layout(journey, theme, time_axis=time_axis, persona_cards=False)
    partner = dark_partner(theme)
    painter = Painter(by_role=True)
    maps = [_map(journey, geometry, theme, painter, before)]
    printed = _printed(journey, geometry, theme)
    overview = (stages_view(journey, theme) if len(journey.touchpoints) >= OVERVIEW_FROM
                else None)
    # Drawn before the stylesheet is written, which colours the roles they use too.
    overview_stages = svg.stage_pictures(overview, theme, painter) if overview else []
    css = _theme_css(theme, partner, geometry, painter) + static_file("html", "page.css")
    script = static_file("html", "page.js")
    template = environment().get_template("map.html.j2")
    order, stage_names = feelings.persona_order(journey), _stage_names(journey)
    views = [_touchpoint_view(journey, tp, order, stage_names) for tp in journey.touchpoints]
    ranked = priorities.ranked(journey)
    addressing = addressed_by(journey)
    return template.render(
        journey=journey,
        lanes=LANES,
        overview=overview,
        overview_stages=overview_stages,
        stage_names=stage_names,
        maps=maps,
        printed=printed,
        has_dark=partner is not None,
        said=said,
        rows=[(row["kind"], row_name(row["kind"])) for row in maps[0]["rows"]],
        personas=[_persona_view(journey, index) for index in range(len(journey.personas))],
        touchpoints=views,
        gaps=gap_rows(journey),
        improvements=improvement_rows(journey),
        pains=pains_by_stage(journey),
        pain_owners=any(pain.owner for tp in journey.touchpoints for pain in tp.pains),
        pain_anchor=pain_anchor,
        finding_links=lambda finding: finding_links(finding, journey, addresses=False),
        addresses=lambda finding: address_links(finding, journey),
        addressed_by=lambda pain: addressed_by_tags(pain, addressing),
        step_details=lambda item: step_details(item, journey) if isinstance(item, Step) else (),
        metadata=metadata_line(journey),
        stage_notes=[stage for stage in journey.stages if stage.notes],
        kpis=[_kpi_view(kpi) for kpi in journey.kpis],
        metrics=[(where, _kpi_view(metric)) for where, metric in _metrics(journey)],
        moments=[view for view in views if view["tp"].moment_of_truth],
        fails=steps.fail_points_of(journey),
        timeline=steps.timeline(journey),
        ranked=ranked,
        matrix=priorities.matrix(ranked),
        sources=_source_views(journey),
        source_label=lambda source: " · ".join(_flat(evidence.source_parts(source, journey))),
        css=Markup(css),
        script=Markup(script),
        data=json_for_script(_script_data(journey, maps, stage_names)),
        csp=content_security_policy(css, script),
    )


def said(key: str, **values) -> Markup:
    """The catalogue's message `key` as the page writes it: its own words escaped as the
    template's text is (`& < > "`; an apostrophe stays as it is), each of `values` as every
    value of the page is (`xml_chars`, then escaped; markup, such as `lines`, as it is)."""
    template, plain = _said_template(language(), key, tuple(values))
    if plain:  # what Markup.format does with `{name}` fields, without its Formatter
        return Markup(template.format(**{name: escape(xml_chars(value))
                                         for name, value in values.items()}))
    return Markup(template).format(**{name: xml_chars(value) for name, value in values.items()})


@functools.cache
def _said_template(tag: str, key: str, names: tuple[str, ...]) -> tuple[str, bool]:
    """`said`'s message with its own words escaped and `{name}` for each value, and whether
    every field is a bare `{name}`: the same for every call of a page (a page says a few
    hundred things, from a few dozen messages)."""
    message = say(key, **{name: f"{{{name}}}" for name in names})
    for char, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;")):
        message = message.replace(char, escaped)
    fields = [field for field in string.Formatter().parse(message) if field[1] is not None]
    return message, all(name in names and not spec and not conversion
                        for _, name, spec, conversion in fields)


def row_name(kind: str) -> str:
    """The name of a row a reader can hide, on its toggle."""
    names = {"plan": "row_stage_plan", "kpis": "row_kpis"}
    return say(names.get(kind, f"lane_{kind}"))


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
    scripts = sha256_source(script) if script is not None else "'none'"
    return ("default-src 'none'; "
            f"style-src {sha256_source(css)}; script-src {scripts}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def sha256_source(text: str) -> str:
    """A CSP source that allows the inline style or script `text`, by its hash."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# ── the map ───────────────────────────────────────────────────────────────────
def _map(journey: Journey, geometry: g.Geometry, theme: Theme, painter: Painter,
         before: Journey | None = None) -> dict:
    """The one drawing of the map, its colours by role (the page's stylesheet colours them
    in either scheme), with what the script needs to know about its geometry: the rows it
    can hide, the width of the lane-label column (`rail`) and the top and height of the
    stage header band (a little of the gap below included), which stay in view. With
    `before`, what changed since that version is marked (`cjmdsl.layout.changes`)."""
    overlay = None
    if before is not None:
        from cjmdsl.layout.changes import change_overlay

        overlay = change_overlay(before, journey, geometry, theme, None)
    markup = svg.draw(journey, geometry, theme, painter=painter, overlay=overlay, links=".html",
                      grouped=True)
    top = _below_title(geometry, theme.spacing["margin"])
    markup = _cropped(markup, geometry, top)
    gap = theme.spacing.column_gap
    stages_top = min((s.box.y for s in geometry.stages), default=0)
    stages_bottom = max((s.box.bottom for s in geometry.stages), default=0) + gap / 2
    rail = label_rail(geometry, gap)
    return {"scheme": "only", "svg": Markup(markup), "top": top,
            "rows": _rows(geometry, theme.spacing.lane_gap), "rail": round(rail, 2),
            "stages": [round(stages_top, 2), round(stages_bottom - stages_top, 2)],
            "size": [geometry.width, geometry.height]}


def _printed(journey: Journey, geometry: g.Geometry, theme: Theme) -> dict:
    """The sheets that print the page's map, each a stack of parts of its one drawing (the
    group `svg.drawing_id`, or its legend or rail of labels alone): see
    `cjmdsl.layout.printing`."""
    drawing = svg.drawing_id(journey)
    return {"id": drawing, "width": PRINT_WIDTH, "font": geometry.font_family,
            "sheets": print_sheets(geometry, theme, PRINT_WIDTH, PRINT_SHAPE)}


def _below_title(geometry: g.Geometry, margin: float) -> float:
    """Where the page's view of the map starts: under the map's title, description and
    details, which the page's own header shows (the title once), and as little as `margin`
    above what follows them (the legend, else the first row)."""
    head = [geometry.title, geometry.description, *geometry.details]
    title_bottom = max(block.box.bottom for block in head if block is not None)
    following = [entry.label.box.y for entry in geometry.legend]
    following += [min(key.sample.y, key.label.box.y) for key in geometry.legend_keys]
    following += [row.box.y for row in geometry.rows[:1]]
    if not following:
        return 0
    return round(max(title_bottom, min(following) - margin), 2)


def _cropped(markup: str, geometry: g.Geometry, top: float) -> str:
    """The drawing showing the map from `top` down."""
    return band(markup, geometry.width, top, geometry.height) if top else markup


def _rows(geometry: g.Geometry, lane_gap: float) -> list[dict]:
    """Each row of the map from the middle of the gap above it to the middle of the gap
    below, top to bottom: the script hides a row by closing up that band."""
    half = lane_gap / 2
    bands = [(lane.kind, lane.box.y, lane.box.bottom) for lane in geometry.lanes]
    if geometry.emotion:
        bands.append((EMOTIONS, geometry.emotion.box.y, geometry.emotion.box.bottom))
    if geometry.footers:
        bands.append(("plan", geometry.footers[0].box.y,
                      max(footer.box.bottom for footer in geometry.footers)))
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
        "maps": {m["scheme"]: {key: m[key] for key in ("rows", "rail", "stages", "size", "top")}
                 for m in maps},
        "words": {"dark": say("page_dark_mode"), "light": say("page_light_mode")},
    }


def _touchpoint_label(tp: Touchpoint, stage_names: dict[str, str]) -> str:
    facts = [stage_names.get(tp.stage, tp.stage)]
    if tp.channel:
        facts.append(tp.channel_label)
    if tp.moment_of_truth:
        facts.append(say("page_label_moment"))
    return f"{tp.name} ({say('list_separator').join(facts)})"


# ── colours ───────────────────────────────────────────────────────────────────
def _theme_css(theme: Theme, partner: Theme | None, geometry: g.Geometry,
               painter: Painter) -> str:
    """The colours of the page and of the map's roles as custom properties; with a dark
    partner, the rules that switch to its colours (the reader's choice, else
    `prefers-color-scheme`; print is always light). One drawing serves both schemes."""
    font = css_font_family(theme.font.family)
    light = _vars(theme, geometry, painter)
    lines = ["", f":root{{--font:{font};{light}}}",
             "".join(f".p{i}{{--pc:var(--p{i})}}" for i in range(len(geometry.legend))),
             painter.rules()]
    if partner is None:
        return "\n".join(lines) + "\n"
    dark = _vars(partner, geometry, painter)
    on = ":root[data-scheme=dark]"
    auto = ":root:not([data-scheme=light])"
    lines += [f"{on}{{{dark}}}", f"@media (prefers-color-scheme:dark){{{auto}{{{dark}}}}}",
              f"@media print{{:root:root{{{light}}}}}"]
    return "\n".join(lines) + "\n"


def _vars(theme: Theme, geometry: g.Geometry, painter: Painter) -> str:
    """The custom properties `theme` gives the page (each of its colours, `--pain-border`;
    the personas' `--p0`, …) and the map's roles (`--cjm-pain-border`, …)."""
    scheme = "dark" if _is_dark(theme.colors.background) else "light"
    pairs = [(name.replace("_", "-"), color) for name, color in theme.colors.items()]
    personas = [in_theme(entry.color, theme) for entry in geometry.legend]
    pairs.append(("accent", personas[0] if personas else theme.personas.palette[0]))
    pairs += [(f"p{index}", color) for index, color in enumerate(personas)]
    return "".join(f"--{name}:{css_value(value)};" for name, value in pairs) + \
        painter.custom_properties(theme) + f"color-scheme:{scheme};"


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
                             "verdict": say("page_worse" if gap < 0 else
                                            "page_better" if gap > 0 else "page_as_expected")})
    return sorted(rows, key=lambda row: row["gap"])


def pains_by_stage(journey: Journey) -> list[tuple]:
    """(stage, [(touchpoint, pain), …]) for each stage that has pain points, in map order."""
    found = [(stage, [(tp, pain) for tp in stage.touchpoints for pain in tp.pains])
             for stage in journey.stages]
    return [(stage, pains) for stage, pains in found if pains]


def pain_anchor(pain_id: str) -> str:
    """The id of a pain point's row in the table of pain points, where its links lead."""
    return f"cjm-pain-{pain_id}"


def address_links(opportunity: Opportunity, journey: Journey) -> list[tuple[str, str]]:
    """The opportunity's `Addresses: #fee` tags, one per pain point, each with the address of
    the pain's row in the table of pain points."""
    return [(f"#{pain_anchor(pain)}", say("finding_addresses", pains=label))
            for pain, label in addressed_pains(opportunity, journey)]


def addressed_by_tags(pain: PainPoint, addressing: dict) -> list[str]:
    """A pain point's `Addressed by: …` tags, one per opportunity whose `addresses` names it
    (`addressing`, `cjmdsl.facts.answers.addressed_by`), with the opportunity's touchpoint
    when that is another."""
    if pain.id is None:
        return []
    return [say("finding_addressed_by",
                opportunities=o.text if any(p is pain for p in tp.pains)
                else f"{o.text} ({tp.name})")
            for tp, o in addressing.get(pain.id, ())]


def _persona_view(journey: Journey, index: int) -> dict:
    persona = journey.personas[index]
    marker = g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)], 8, 8, 5, "", "")
    facts = [(say(label), items) for label, items in (
        ("page_persona_role", persona.roles), ("page_persona_goals", persona.goals),
        ("persona_need", persona.needs), ("page_persona_pains", persona.pains),
        ("lane_motivations", persona.motivations)) if items]
    return {"persona": persona, "index": index, "marker": _marker_picture(marker),
            "facts": facts}


def _marker_picture(marker: g.Marker) -> Markup:
    """The persona's marker as a small picture: made once for the page, which shows it
    beside the persona's name wherever it names the persona (each touchpoint's details)."""
    if marker.shape == "circle":
        shape = '<circle cx="8" cy="8" r="5"/>'
    elif marker.shape == "square":
        shape = '<rect x="3.5" y="3.5" width="9" height="9"/>'
    else:
        shape = f'<polygon points="{escape(marker.polygon())}"/>'
    return Markup('<svg class="cjm-marker" width="16" height="16" viewBox="0 0 16 16" '
                  f'aria-hidden="true" focusable="false">{shape}</svg>')


def _touchpoint_view(journey: Journey, tp: Touchpoint, order: dict[str, int],
                     stage_names: dict[str, str]) -> dict:
    emotions = [{
        "persona": persona, "index": index, "word": felt.word if felt else None,
        "actual": _on_scale(journey.scale, felt.value) if felt else None,
        "expected": _on_scale(journey.scale, hoped.value) if hoped else None,
        "gap": signed_number(felt.value - hoped.value) if felt and hoped else None,
        "responses": responses_words(felt, journey.scale) if felt else None,
        **_to_be_view(journey.scale, tp, persona.id)}
        for index, persona, felt, hoped in feelings.in_persona_order(journey, tp, order)]
    # The lanes the details show, with their items (the emotions lane: its `emotions`).
    lanes = [(lane, items) for lane in LANES
             for items in [emotions if lane.cards is None else lane.items_of(tp)] if items]
    return {"tp": tp, "stage": stage_names.get(tp.stage, tp.stage),
            "channel": tp.channel_label, "lanes": lanes,
            "emotions": emotions, "timing": steps.timing_words(tp),
            "details": {"heading": say("details_heading"), "title": tp.details.title,
                        "href": linked_output(tp.details.path, ".html"),
                        "summary": linked_summary(tp.details, journey)} if tp.details else None}


def _to_be_view(scale: Scale, tp: Touchpoint, persona_id: str) -> dict:
    """The persona's to-be at `tp` and the improvement planned, as the details show them."""
    future, change = tp.future_of(persona_id), tp.improvement_of(persona_id)
    return {"to_be": _on_scale(scale, future.value) if future else None,
            "improvement": signed_number(change) if change is not None else None}


def improvement_rows(journey: Journey) -> list[dict]:
    """Every planned to-be with its as-is and improvement, in map order
    (`cjmdsl.language.states`)."""
    order = feelings.persona_order(journey)
    return [{"touchpoint": planned.touchpoint, "persona": planned.persona,
             "persona_id": planned.to_be.persona,
             "index": order.get(planned.to_be.persona, 0),
             "as_is": _on_scale(journey.scale, planned.as_is.value) if planned.as_is else None,
             "to_be": _on_scale(journey.scale, planned.to_be.value), "word": planned.to_be.word,
             "change": planned.change,
             "change_text": signed_number(planned.change) if planned.change is not None else None,
             "aimed_by": planned.aimed_by}
            for planned in improvements(journey)]


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
