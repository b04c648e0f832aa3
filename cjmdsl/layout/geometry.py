"""Geometry: what the layout hands to the backends that draw.

Every position, size, wrapped line and colour is decided beforehand, in
`layout`; a backend only turns these values into markup. Each piece keeps the
id of the model object it shows, so an interactive backend can attach
behaviour to it.

The pieces are NamedTuples, not frozen dataclasses: as immutable, but a class costs 0.08 ms
to define instead of 0.5 (about 9 ms of every cold start for these 21), and a piece is built
several times faster, which a map of 10,000 touchpoints does a million times. A changed copy
is `piece._replace(field=value)`.
"""
from __future__ import annotations

import json

from cjmdsl.tuples import NamedTuple

# The width a map is laid out for unless told otherwise: GitHub's content column, the
# narrowest common place a map is embedded (a wider page shows it at its natural size). 0 or
# None asks for one row, as wide as the journey. No target is narrower than a phone's screen.
DEFAULT_WIDTH = 880
SMALLEST_WIDTH = 320


class Box(NamedTuple):
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


class Line(NamedTuple):
    """A straight rule, such as the one between two lanes."""

    x1: float
    y1: float
    x2: float
    y2: float


class TextBlock(NamedTuple):
    """Wrapped lines drawn at `baselines`, anchored at `x`; they fit inside `box`."""

    lines: tuple[str, ...]
    x: float
    baselines: tuple[float, ...]
    size: float
    color: str
    box: Box
    bold: bool = False
    italic: bool = False
    anchor: str = "start"  # "start", "middle" or "end", as in SVG


class ActorMark(NamedTuple):
    """The mark before an actor's name on a card, in a square `size` wide at (x, y): a
    person's head and shoulders (a person, a team), a screen (a system) or a handshake's
    two linked rings (a partner); `kind` is the actor's kind (`model.ACTOR_KINDS`)."""

    kind: str
    x: float
    y: float
    size: float
    color: str


class Tag(NamedTuple):
    """A small pill, such as the source of a pain point or the actor of a blueprint item."""

    box: Box
    text: TextBlock
    fill: str
    mark: ActorMark | None = None  # before the text, on an actor's tag


class Icon(NamedTuple):
    channel: str  # canonical channel name
    x: float
    y: float
    size: float
    color: str


class Marker(NamedTuple):
    """A persona's point marker: shape by persona (so colour is never the only cue)."""

    shape: str  # "circle", "square", "diamond", "triangle", "triangle-down", "hexagon", "star"
    x: float
    y: float
    radius: float
    fill: str
    stroke: str

    def polygon(self) -> str:
        """The outline as SVG polygon points, for every shape but circle and square."""
        import math

        corners = {"diamond": (4, 90), "triangle": (3, 90), "triangle-down": (3, 270),
                   "hexagon": (6, 0), "star": (10, 90)}
        count, start = corners[self.shape]
        scale = 1.25 if self.shape in ("triangle", "triangle-down", "star") else 1.1
        points = []
        for k in range(count):
            angle = math.radians(start + 360 * k / count)
            r = self.radius * scale * (0.45 if self.shape == "star" and k % 2 else 1)
            points.append(f"{self.x + r * math.cos(angle):.2f},{self.y - r * math.sin(angle):.2f}")
        return " ".join(points)


class Badge(NamedTuple):
    """A small round mark centred on (x, y): `kind` "fail" is a circled F (a fail point),
    "clock" a clock face (a step's time and wait), "link" an arrow (a linked map). `figure` is what is drawn inside the ring,
    as an SVG path, so it needs no font."""

    kind: str
    x: float
    y: float
    radius: float
    color: str  # the ring and the figure
    fill: str  # inside the ring

    @property
    def figure(self) -> str:
        x, y, r = self.x, self.y, self.radius
        if self.kind == "clock":  # hands at ten past twelve
            return f"M{x:.2f} {y - r * 0.6:.2f}V{y:.2f}L{x + r * 0.45:.2f} {y + r * 0.3:.2f}"
        if self.kind == "link":  # an arrow leaving to the top right
            a, b = r * 0.4, r * 0.05
            return (f"M{x - a:.2f} {y + a:.2f}L{x + a:.2f} {y - a:.2f}"
                    f"M{x - b:.2f} {y - a:.2f}H{x + a:.2f}V{y + b:.2f}")
        left, top, bottom = x - r * 0.3, y - r * 0.5, y + r * 0.5
        return (f"M{left:.2f} {bottom:.2f}V{top:.2f}H{x + r * 0.4:.2f}"
                f"M{left:.2f} {y:.2f}H{x + r * 0.25:.2f}")


class Marked(NamedTuple):
    """A label led by its badge: a fail point's reason, a touchpoint's time and wait."""

    badge: Badge
    label: TextBlock


class LinkMark(NamedTuple):
    """A touchpoint's link to the map telling it in detail (`details "…"`): "In detail: …"
    by an arrow, the linked map's curves summarised in `spark_box` (SVG paths with their
    persona's colour and dash), and `path` as written, which each backend turns into the
    address of its own output beside it (`cjmdsl.language.links.linked_output`)."""

    marked: Marked
    path: str
    summary: str  # what the linked map holds, in words (its tooltip)
    spark_box: Box | None = None
    spark: tuple[tuple[str, str, str], ...] = ()  # (path, colour, dash) per persona


class TimeRuler(NamedTuple):
    """The time axis of a row (`--time-axis`): a rule under the stage names with a tick at
    each touchpoint's column and the time elapsed by the start of its step ("+2 d 3 h")."""

    label: TextBlock  # the row label
    rule: Line
    ticks: tuple[Line, ...]
    times: tuple[TextBlock, ...]
class PersonaCard(NamedTuple):
    """A persona introduced in the header: role, goals, needs, pains and quotes as `texts`
    (the name, marker and colour are its legend entry's)."""

    box: Box
    fill: str
    stroke: str
    texts: tuple[TextBlock, ...]


class LegendEntry(NamedTuple):
    persona_id: str
    marker: Marker
    line_from: float
    line_to: float
    color: str
    label: TextBlock
    dash: str = ""  # the persona's dash pattern (`stroke-dasharray`; "" solid)
    card: PersonaCard | None = None  # the persona's card, around the entry


class Swatch(NamedTuple):
    """A patch of one colour in a legend sample."""

    box: Box
    color: str


class LegendKey(NamedTuple):
    """How to read a mark that is not a persona: "expected", "skipped", "gap" or "moment".

    `swatches` are the colours the mark is drawn in (the gap key shows every persona colour
    a gap is shaded in); `marker` is drawn on the sample (the expected key's hollow marker).
    """

    kind: str
    sample: Box
    label: TextBlock
    swatches: tuple[Swatch, ...] = ()
    marker: Marker | None = None
    evidence: EvidenceMark | None = None  # the sample of an evidence level
    badge: Badge | None = None  # the fail point key's circled F


class StageHeader(NamedTuple):
    stage_id: str
    box: Box
    fill: str
    label: TextBlock


class TouchpointHeader(NamedTuple):
    touchpoint_id: str
    stage_id: str
    column: Box
    card: Box
    name: TextBlock  # the channels are the channel lane's (`cjmdsl.lanes.CHANNEL_LANE`)
    moment: TextBlock | None
    star: Marker | None = None  # drawn before the moment-of-truth label
    evidence: EvidenceMark | None = None  # in the top right corner
    timing: Marked | None = None  # the wait before the step and its time, by a clock
    fail: Marked | None = None  # "Fail point": an item here can fail
    details: LinkMark | None = None  # the map that tells this touchpoint in detail


class EvidenceMark(NamedTuple):
    """How well a touchpoint's claims are backed (`cjmdsl.facts.evidence`): a small ring at
    (x, y), hollow for `none`, with a dot for `one` kind of source, filled for `several`.
    `kinds` are the kinds of source cited; `label` says it in words (the mark's tooltip)."""

    level: str
    x: float
    y: float
    radius: float
    color: str
    fill: str
    kinds: tuple[str, ...]
    label: str


class Card(NamedTuple):
    """A boxed piece of lane content: an action, a pain point, an opportunity."""

    kind: str
    touchpoint_id: str
    box: Box
    fill: str
    stroke: str
    text: TextBlock
    tags: tuple[Tag, ...] = ()
    item_id: str | None = None  # a blueprint item's or a finding's id: where arrows start and end
    fail: Marked | None = None  # the item's fail point, at the foot of the card
    icons: tuple[Icon, ...] = ()  # a channel's icons before its text (the channel lane)


class BlueprintLine(NamedTuple):
    """A line across a service blueprint (`cjmdsl.language.blueprint.LINES`): `kind` is
    `interaction`, `visibility` or `internal`, `label` names it above its left end."""

    kind: str
    line: Line
    label: TextBlock


class OffRowRing(NamedTuple):
    """Where a hand-off between items in different rows of stages goes on, as off-page
    connectors do: a ring of `radius` centred at (x, y) beside one item, carrying the letter
    that the ring beside the other item carries too, and `title` (its tooltip) naming that
    other item and its row."""

    x: float
    y: float
    radius: float
    letter: TextBlock
    title: str
    fill: str
    color: str


class HandOff(NamedTuple):
    """An arrow from one blueprint item's card to another's, routed at right angles through
    the gaps between cards: `points` are the corners from the start to the tip, `head` the
    arrowhead's three corners. A hand-off to an item in another row is two short arrows, each
    with a `ring`: one from its item's card to the ring, one from the ring into the target's.
    An address link (`MapRow.address_links`) is one too, from an opportunity's card to the
    pain point's it addresses."""

    from_id: str | None  # None from a customer's action or an opportunity without an id
    to_id: str
    touchpoint_id: str  # the touchpoint it starts at (a ring's arrow: whose column it is in)
    points: tuple[tuple[float, float], ...]
    head: tuple[tuple[float, float], ...]
    color: str
    ring: OffRowRing | None = None


class Lane(NamedTuple):
    kind: str  # the key of its row in `cjmdsl.lanes.LANES`: "actions", "pains", …
    box: Box
    label: TextBlock
    cards: tuple[Card, ...]
    separator: Line  # the rule above the lane


class Level(NamedTuple):
    """One value of the emotion scale: a grid line, its band and its axis label."""

    value: int
    y: float
    band: Box
    band_color: str
    label: TextBlock | None


class MomentBadge(NamedTuple):
    """The pill round the word of a persona's lowest or highest moment, with a small
    triangle pointing down (lowest) or up (highest) before the word."""

    kind: str  # "lowest" or "highest"
    box: Box
    mark: Marker


class CurvePoint(NamedTuple):
    touchpoint_id: str
    value: float
    marker: Marker
    word: TextBlock | None
    badge: MomentBadge | None = None


class GapMark(NamedTuple):
    """The gap (actual − expected) at one touchpoint: a stem from the expected to the
    actual marker and, where the gap matters, its number; the map's largest gaps are
    `largest` and drawn strongest."""

    touchpoint_id: str
    value: float
    stem: Line
    label: TextBlock | None
    largest: bool


class SharedWord(NamedTuple):
    """One word for several personas who feel the same, with the same word, at a touchpoint."""

    touchpoint_id: str
    persona_ids: tuple[str, ...]
    text: TextBlock
    badge: MomentBadge | None = None  # when it is the lowest or highest moment of all of them


class Curve(NamedTuple):
    """One persona's emotion curve, its expected curve, and the shaded gap between.

    Each curve is drawn only where the data is: `segments` (and `expected_segments`) are SVG
    paths, one per run of neighbouring touchpoints that have a value, so neither line crosses
    a touchpoint without one. A run of one expected value is a short level stroke through its
    point; `skipped` are the dotted straight lines that join the actual segments across the
    touchpoints the persona skipped. `gap_areas` fill the space between the two curves over
    runs of touchpoints that have both.
    """

    persona_id: str
    color: str
    segments: tuple[str, ...]
    skipped: tuple[str, ...]
    points: tuple[CurvePoint, ...]
    expected_segments: tuple[str, ...]
    expected_points: tuple[CurvePoint, ...]
    gap_areas: tuple[str, ...]
    # Where the curve breaks at a row's end and goes on in the next row: a dotted lead from
    # its last point to the row's right edge and from the next row's left edge to its first
    # point (`continues`), each ending in a chevron at the edge (`continue_marks`).
    continues: tuple[str, ...] = ()
    continue_marks: tuple[str, ...] = ()
    dash: str = ""  # the persona's dash pattern, so curves differ without colour
    gaps: tuple[GapMark, ...] = ()
    hatch: int = 0  # which hatching fills the gap areas: the persona's place in the map


class SpreadBar(NamedTuple):
    """The spread of the responses behind one emotion (`n 212 sd 1.2`): a bar through the
    persona's marker from `top` to `bottom`, with caps `cap` wide either side; `label` says
    how many responded and how they spread, for a tooltip."""

    touchpoint_id: str
    persona_id: str
    x: float
    top: float
    bottom: float
    cap: float
    color: str
    label: str


class ToBeCurve(NamedTuple):
    """One persona's to-be curve (`future`), drawn beside the as-is `Curve`: `segments` per
    run of touchpoints with a to-be (the as-is where nothing is planned), hollow `points`
    where a to-be is planned, `hatch` the vertical strokes that shade the improvement
    between the two curves (strokes, not a translucent fill, so two personas' shadings never
    mix into a third colour), and `label` ("to-be") at the curve's end."""

    persona_id: str
    color: str
    segments: tuple[str, ...]
    points: tuple[CurvePoint, ...]
    hatch: tuple[str, ...]
    label: TextBlock | None


class EmotionLane(NamedTuple):
    box: Box
    plot: Box
    label: TextBlock
    levels: tuple[Level, ...]
    curves: tuple[Curve, ...]
    separator: Line  # the rule above the lane
    shared_words: tuple[SharedWord, ...] = ()
    # With `--emotions split`, the name over each persona's own plot (the levels are then
    # every plot's, one after the other).
    panel_titles: tuple[TextBlock, ...] = ()
    to_be: tuple[ToBeCurve, ...] = ()  # see `cjmdsl.layout.states`
    spreads: tuple[SpreadBar, ...] = ()


class StageFooter(NamedTuple):
    stage_id: str
    box: Box
    fill: str
    texts: tuple[TextBlock, ...]


class KpiCard(NamedTuple):
    kpi_id: str
    box: Box
    name: TextBlock
    value: TextBlock
    detail: TextBlock | None
    target: TextBlock | None
    met: bool | None
    status_mark: str | None = None  # the tick (met) or cross (missed) before the target, a path


class MapRow(NamedTuple):
    """One row of stages with everything drawn in it: each row repeats the lane labels, the
    emotion scale and the stage names, so it reads on its own. `divider` is the rule above
    every row but the first."""

    box: Box
    divider: Line | None
    stages: tuple[StageHeader, ...]
    touchpoints: tuple[TouchpointHeader, ...]
    row_labels: tuple[TextBlock, ...]
    moment_bands: tuple[Box, ...]
    lanes: tuple[Lane, ...]
    emotion: EmotionLane | None
    footers: tuple[StageFooter, ...]
    footer_label: TextBlock | None
    blueprint_lines: tuple[BlueprintLine, ...] = ()
    handoffs: tuple[HandOff, ...] = ()
    time_ruler: TimeRuler | None = None
    goals: tuple[StageFooter, ...] = ()  # under the stage names: goals, brand actions, KPIs
    goals_label: TextBlock | None = None
    # From an opportunity to each pain point it addresses at its touchpoint or the next one.
    address_links: tuple[HandOff, ...] = ()

    def text_blocks(self):
        yield from (s.label for s in self.stages)
        for goal in self.goals:
            yield from goal.texts
        if self.goals_label:
            yield self.goals_label
        yield from (line.label for line in self.blueprint_lines)
        yield from (arrow.ring.letter for arrow in self.handoffs if arrow.ring)
        if self.time_ruler:
            yield self.time_ruler.label
            yield from self.time_ruler.times
        for tp in self.touchpoints:
            yield from (b for b in (tp.name, tp.moment) if b)
            yield from (m.label for m in (tp.timing, tp.fail) if m)
            if tp.details:
                yield tp.details.marked.label
        yield from self.row_labels
        for lane in self.lanes:
            yield lane.label
            for card in lane.cards:
                yield card.text
                yield from (tag.text for tag in card.tags)
                if card.fail:
                    yield card.fail.label
        if self.emotion:
            yield self.emotion.label
            yield from (level.label for level in self.emotion.levels if level.label)
            for curve in self.emotion.curves:
                yield from (p.word for p in curve.points if p.word)
                yield from (gap.label for gap in curve.gaps if gap.label)
            yield from (shared.text for shared in self.emotion.shared_words)
            yield from self.emotion.panel_titles
            for curve in self.emotion.to_be:
                yield from (p.word for p in curve.points if p.word)
                if curve.label:
                    yield curve.label
        for footer in self.footers:
            yield from footer.texts
        if self.footer_label:
            yield self.footer_label


class PrintedPart(NamedTuple):
    """A rectangle of a drawing (`view`) shown on a sheet of paper at `at` (scaled when the
    two differ in size): the HTML page writes it as a nested `<svg>` with a `<use>` of the
    drawing, or of one `piece` of it ("legend", "rail": a smaller copy for the browser)."""

    view: Box
    at: Box
    piece: str = ""


class Sheet(NamedTuple):
    """A sheet of paper of the HTML page's print (`layout.printing`): the parts of the map's
    one drawing it shows, and its height (its width is the print's)."""

    parts: tuple[PrintedPart, ...]
    height: float


class Geometry(NamedTuple):
    width: float
    height: float
    background: str
    font_family: str
    title: TextBlock
    description: TextBlock | None
    details: tuple[TextBlock, ...]  # the map's metadata line and notes, under the title
    legend: tuple[LegendEntry, ...]
    legend_keys: tuple[LegendKey, ...]
    rows: tuple[MapRow, ...]
    kpis: tuple[KpiCard, ...]
    kpi_label: TextBlock | None
    grid_color: str
    colors: dict

    # Every row's pieces together, for readers that look at the map as a whole.
    @property
    def stages(self) -> tuple[StageHeader, ...]:
        return tuple(stage for row in self.rows for stage in row.stages)

    @property
    def touchpoints(self) -> tuple[TouchpointHeader, ...]:
        return tuple(tp for row in self.rows for tp in row.touchpoints)

    @property
    def lanes(self) -> tuple[Lane, ...]:
        return tuple(lane for row in self.rows for lane in row.lanes)

    @property
    def footers(self) -> tuple[StageFooter, ...]:
        return tuple(footer for row in self.rows for footer in row.footers)

    @property
    def emotion_lanes(self) -> tuple[EmotionLane, ...]:
        return tuple(row.emotion for row in self.rows if row.emotion)

    @property
    def emotion(self) -> EmotionLane | None:
        """The emotion lane of the first row: all of it in a one-row map (the HTML page's)."""
        return self.rows[0].emotion if self.rows else None

    def to_json(self) -> str:
        """Every field of the geometry as JSON, so a layout change reads as a diff.

        The stored per-stage goldens (tests/golden/geometry/) are this text: keys sorted,
        numbers with at most two decimals as the SVG writes them, no `-0`, and a small object
        of plain values (a box, a marker) on one line, so one moved box is one changed line.
        """
        return _json_lines(plain_data(self), "") + "\n"

    def text_blocks(self):
        """Every text block, for checks that no text overflows its box."""
        yield self.title
        if self.description:
            yield self.description
        yield from self.details
        yield from (e.label for e in self.legend)
        yield from (text for e in self.legend if e.card for text in e.card.texts)
        yield from (k.label for k in self.legend_keys)
        for row in self.rows:
            yield from row.text_blocks()
        for kpi in self.kpis:
            yield from (b for b in (kpi.name, kpi.value, kpi.detail, kpi.target) if b)
        if self.kpi_label:
            yield self.kpi_label



class StageFact(NamedTuple):
    """A line of a stage's summary in the stages view: a count, or one persona's lowest or
    highest moment there (`marker` is that persona's, drawn before the line), one of the
    stage's KPIs, the stage's time or fail points (led by a `badge`), or a blueprint lane with
    its items counted in `value`, at the right (`cjmdsl.layout.stage_service`)."""

    text: TextBlock
    marker: Marker | None = None
    badge: Badge | None = None
    value: TextBlock | None = None


class StageRule(NamedTuple):
    """A blueprint line between two lane rows of a stage's summary, drawn as the map draws
    the line of its `kind` (`interaction`, `visibility`, `internal`)."""

    kind: str
    line: Line


class StageSummary(NamedTuple):
    """One stage as a column of the stages view: its name, its touchpoints as small marks on
    each persona's curve over the emotion bands of `plot` (None in a map without emotions),
    and its facts below, `rules` between the blueprint's lane rows."""

    stage_id: str
    box: Box
    header: StageHeader
    plot: Box | None
    levels: tuple[Level, ...]
    curves: tuple[Curve, ...]
    facts: tuple[StageFact, ...]
    rules: tuple[StageRule, ...] = ()
    to_be: tuple[ToBeCurve, ...] = ()  # with `--state both`: each planning persona's to-be


class StagesView(NamedTuple):
    """The overview of a big map: one column per stage, the columns wrapped into rows that
    fit the width, the title and the persona legend above and the KPI cards below."""

    width: float
    height: float
    background: str
    font_family: str
    title: TextBlock
    description: TextBlock | None
    details: tuple[TextBlock, ...]  # the metadata line and the map's notes
    legend: tuple[LegendEntry, ...]
    stages: tuple[StageSummary, ...]
    kpis: tuple[KpiCard, ...]
    kpi_label: TextBlock | None
    grid_color: str
    colors: dict

    def to_json(self) -> str:
        """As `Geometry.to_json`: the stored goldens of the view."""
        return _json_lines(plain_data(self), "") + "\n"

    def text_blocks(self):
        """Every text block, for checks that no text overflows its box."""
        yield self.title
        if self.description:
            yield self.description
        yield from self.details
        yield from (e.label for e in self.legend)
        for stage in self.stages:
            yield stage.header.label
            for fact in stage.facts:
                yield fact.text
                if fact.value:
                    yield fact.value
        for kpi in self.kpis:
            yield from (b for b in (kpi.name, kpi.value, kpi.detail, kpi.target) if b)
        if self.kpi_label:
            yield self.kpi_label


def plain_data(value):
    """Geometry as JSON data: its pieces by their fields (a new field is included without
    asking), other tuples as lists, floats rounded to two decimals and whole ones written as ints
    (so `-0.0` is `0`), so that the same drawing always gives the same text."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: plain_data(item) for name, item in zip(value._fields, value)}
    if isinstance(value, dict):
        return {str(key): plain_data(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [plain_data(item) for item in value]
    if isinstance(value, float):
        rounded = round(value, 2)
        return int(rounded) if rounded.is_integer() else rounded
    return value


_ONE_LINE = 100  # characters: a box or a marker fits on a line, a text block does not


def _json_lines(data, indent: str) -> str:
    """Indented JSON with sorted keys that keeps a container of plain values on one line."""
    flat = json.dumps(data, sort_keys=True, ensure_ascii=False)
    children = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    if not children or (len(flat) <= _ONE_LINE
                        and not any(isinstance(c, (dict, list)) and c for c in children)):
        return flat
    inner = indent + "  "
    if isinstance(data, dict):
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_json_lines(data[key], inner)}"
                 for key in sorted(data)]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    items = [inner + _json_lines(item, inner) for item in data]
    return "[\n" + ",\n".join(items) + "\n" + indent + "]"
