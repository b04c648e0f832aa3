"""The grid of the map: columns per touchpoint under their stage, the title, the legend,
the headers and the lanes of text cards; shared helpers for the other layout modules."""
from __future__ import annotations

from cjmdsl.facts import evidence
from cjmdsl.lanes import fail_points
from cjmdsl.layout import bidi
from cjmdsl.layout import geometry as g
from cjmdsl.layout.emotion_marks import dash_of
from cjmdsl.layout.rows import Column, RowPlan, StagePiece
from cjmdsl.layout.service import BADGE_RADIUS, LEAD
from cjmdsl.layout.textmetrics import ascent, line_height, text_width, wrap
from cjmdsl.model import Journey, record
from cjmdsl.themes import Theme
from cjmdsl.words.escape import xml_chars
from cjmdsl.words.sentences import continued, finding_links, linked_summary, metadata_line, say

MARKER_SHAPES = ("circle", "square", "diamond", "triangle", "triangle-down", "hexagon")
LEGEND_LABEL_WIDTH = 340
KPI_CARD_WIDTH = 214
DODGE = 12.0  # sideways between personas' curves: about a marker's width
EVIDENCE_RADIUS = 5  # the evidence mark's ring: as large as a persona's marker
SPARK_HEIGHT = 16  # a linked map's curves, drawn small on the card that opens it


Run = list[tuple[Column, object]]


@record
class PersonaRuns:
    """Where a persona's curves are drawn: runs of neighbouring touchpoints with an emotion
    (`felt`), with an expectation (`hoped`), and with both (`both`, where the gap is shaded).
    Each run is (column, emotion or expectation) pairs; nothing is drawn between runs."""

    felt: list[Run]
    hoped: list[Run]
    both: list[Run]


def persona_runs(columns: list[Column]) -> dict[str, PersonaRuns]:
    """Each persona's runs over `columns` (touchpoint columns), for the personas that have a
    value there. Linear in the columns and the values they hold: a map of thousands of
    personas and touchpoints has no loop over every pair."""
    felt: dict[str, list[tuple[int, Column, object]]] = {}
    hoped: dict[str, list[tuple[int, Column, object]]] = {}
    for position, column in enumerate(columns):
        for emotion in column.touchpoint.emotions:
            felt.setdefault(emotion.persona, []).append((position, column, emotion))
        for expectation in column.touchpoint.expectations:
            hoped.setdefault(expectation.persona, []).append((position, column, expectation))
    found = {}
    for persona in [*felt, *(p for p in hoped if p not in felt)]:
        mine_felt, mine_hoped = felt.get(persona, []), hoped.get(persona, [])
        hoped_at = {position for position, _, _ in mine_hoped}
        both = [entry for entry in mine_felt if entry[0] in hoped_at]
        found[persona] = PersonaRuns(_runs(_first_each(mine_felt)), _runs(_first_each(mine_hoped)),
                                     _runs(_first_each(both)))
    return found


def _first_each(marks: list[tuple[int, Column, object]]) -> list[tuple[int, Column, object]]:
    """The first value per column, as `Touchpoint.emotion_of` reads it."""
    seen: set[int] = set()
    kept = []
    for mark in marks:
        if mark[0] not in seen:
            seen.add(mark[0])
            kept.append(mark)
    return kept


def _runs(marks: list[tuple[int, Column, object]]) -> list[Run]:
    """The stretches of neighbouring columns among `marks` (position, column, value)."""
    found: list[Run] = []
    last = None
    for position, column, value in marks:
        if last is None or position != last + 1:
            found.append([])
        found[-1].append((column, value))
        last = position
    return found


class _Flow:
    """Places items left to right, starting a new row when one would not fit."""

    def __init__(self, left: float, top: float, right: float, row_height: float):
        self.left, self.right, self.row_height = left, right, row_height
        self.x, self.top = left, top

    def place(self, width: float) -> tuple[float, float]:
        if self.x + width > self.right and self.x > self.left:
            self.x, self.top = self.left, self.top + self.row_height
        placed = (self.x, self.top)
        self.x += width
        return placed

    @property
    def bottom(self) -> float:
        return self.top + self.row_height


class Base:
    """Walks down the map, one band after another, keeping the running `y`: the grid, the
    headers and the text lanes. The emotion lane and the stage plan are mixed in."""

    def __init__(self, journey: Journey, theme: Theme, plan: RowPlan, time_axis: bool = False,
                 persona_cards: bool = True):
        self.journey = journey
        self.time_axis = time_axis  # a ruler of elapsed time under the stage names
        self.theme = theme
        self.font = theme.font
        self.colors = theme.colors
        space = theme.spacing
        self.margin = space.margin
        self.pad = space.padding
        self.gap = space.column_gap
        self.lane_gap = space.lane_gap
        self.label_width = space.label_width
        self.plan = plan
        self.all_columns = [c for row in plan.rows for piece in row for c in piece.columns]
        self.lanes_with_items: dict[str, bool] = {}
        # By id() of a blueprint item or a finding: its card, for hand-offs and address links.
        self.card_of_item: dict[int, g.Card] = {}
        self.handoffs_from: dict | None = None  # by id() of an item: the items it hands to
        self.steps_in_row: list = []  # the blueprint items laid out in the row being built
        self.handoff_rank: dict[int, int] = {}  # by id() of an item: its place in the map
        self.ring_ends: dict[int, list] = {}  # by id() of an item: its hand-offs across rows
        self.shows_evidence = evidence.cites_any(journey)
        self.show_persona_cards = persona_cards and bool(journey.personas)
        self.width = plan.width
        self.inner_width = self.width - 2 * self.margin
        self.grid_left = self.margin + self.label_width + self.gap
        self.y = self.margin
        self.begin_row(())

    def begin_row(self, pieces: tuple[StagePiece, ...]) -> None:
        """Lay out the row of these stage pieces next: the lanes read `columns` and `pieces`."""
        self.pieces = pieces
        self.columns = [column for piece in pieces for column in piece.columns]

    # ── text ───────────────────────────────────────────────────────────────
    def text(self, text: str, x: float, top: float, width: float, size: float | None = None,
             color: str | None = None, bold: bool = False, italic: bool = False,
             anchor: str = "start", max_lines: int | None = None) -> g.TextBlock:
        """Wrap `text` into a block `width` wide whose first line's top is `top`."""
        size = size or self.font.size
        # Measure what will be drawn: characters XML cannot carry are drawn as U+FFFD.
        lines = tuple(wrap(xml_chars(text), width, size, bold, max_lines=max_lines)) or ("",)
        advance = line_height(size)
        first = top + (advance - size) / 2 + ascent(size)
        anchor_x = {"start": x, "middle": x + width / 2, "end": x + width}[anchor]
        if bidi.direction(text) == bidi.RTL:
            lines = bidi.right_to_left(lines)
            if anchor == "start":  # right-to-left text starts at the right edge of its box
                anchor, anchor_x = "end", x + width
        return g.TextBlock(
            lines=lines, x=anchor_x,
            baselines=tuple(first + i * advance for i in range(len(lines))),
            size=size, color=color or self.colors.text,
            box=g.Box(x, top, width, len(lines) * advance),
            bold=bold, italic=italic, anchor=anchor,
        )

    def small(self) -> float:
        return self.font.small_size

    # ── columns ────────────────────────────────────────────────────────────
    def touchpoint_columns(self) -> list[Column]:
        """The row's columns that show a touchpoint (not an empty stage's placeholder)."""
        return [column for column in self.columns if column.touchpoint is not None]

    # ── bands, top to bottom ───────────────────────────────────────────────
    def title(self) -> tuple[g.TextBlock, g.TextBlock | None, tuple[g.TextBlock, ...]]:
        """The title, the description, and the map's metadata line and notes under them."""
        title = self.text(self.journey.title, self.margin, self.y, self.inner_width,
                          self.font.title_size, bold=True)
        self.y = title.box.bottom + 4
        description = None
        if self.journey.description:
            description = self.text(self.journey.description, self.margin, self.y,
                                     min(self.inner_width, 900), color=self.colors.muted)
            self.y = description.box.bottom
        details = []
        metadata = metadata_line(self.journey)
        if metadata:
            details.append(self.text(metadata, self.margin, self.y + 4, min(self.inner_width, 900),
                                     self.small(), self.colors["muted"]))
            self.y = details[-1].box.bottom
        for note in self.journey.notes:
            details.append(self.text(note.text, self.margin, self.y + 4,
                                     min(self.inner_width, 900), color=self.colors["muted"],
                                     italic=True))
            self.y = details[-1].box.bottom
        self.y += self.lane_gap
        return title, description, tuple(details)

    def legend(self) -> tuple[tuple[g.LegendEntry, ...], tuple[g.LegendKey, ...]]:
        """Personas (colour, marker, role), then keys for the other marks the map uses."""
        size = self.small() + 0.5
        row_height = line_height(size)
        flow = _Flow(self.margin, self.y, self.width - self.margin, row_height + 6)
        limit = min(LEGEND_LABEL_WIDTH, self.inner_width - 34 - 22)  # a narrow map's legend
        entries = []
        if self.show_persona_cards:  # cards of their own, the other keys flow below them
            entries = self.persona_cards(
                [MARKER_SHAPES[i % len(MARKER_SHAPES)] for i in range(len(self.journey.personas))])
            flow = _Flow(self.margin, self.y, self.width - self.margin, row_height + 6)
        for index, persona in enumerate(() if entries else self.journey.personas):
            role = persona.roles[0].text if persona.roles else ""
            text = f"{persona.name} · {role}" if role else persona.name
            width = self._text_width(text, size, limit)
            x, top = flow.place(34 + width + 22)
            # The label's box is its text, so right-to-left text anchored at its right edge
            # stays beside its marker.
            label = self.text(text, x + 34, top, min(width, flow.right - x - 34), size,
                              max_lines=1)
            color = self.persona_color(index)
            middle = top + row_height / 2
            marker = g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)], x + 14, middle, 5,
                              self.colors.background, color)
            entries.append(g.LegendEntry(persona.id, marker, x, x + 28, color, label,
                                         dash_of(index)))
        keys = []
        for kind, text, colors in self._legend_keys():
            width = self._text_width(text, size, limit)
            x, top = flow.place(34 + width + 22)
            sample = g.Box(x, top + row_height / 2 - 5, 28, 10)
            label = self.text(text, x + 34, top, min(width, flow.right - x - 34), size,
                              max_lines=1,
                              color=self.colors.muted)
            width = sample.width / max(len(colors), 1)
            swatches = tuple(g.Swatch(g.Box(sample.x + i * width, sample.y, width, sample.height),
                                      color) for i, color in enumerate(colors))
            marker = None
            if kind in ("expected", "to_be"):  # the hollow marker their values have
                middle = sample.y + sample.height / 2
                marker = g.Marker("circle", sample.x + sample.width / 2, middle,
                                  3.5 if kind == "expected" else 3, self.colors.background,
                                  self.colors.muted)
            elif kind == "moment":  # the star every moment-of-truth label has
                marker = star(sample.x + sample.width / 2, sample.y + sample.height / 2,
                              self.colors["moment"])
            badge = None
            if kind == "fail":  # the circled F every fail point has
                badge = g.Badge("fail", sample.x + sample.width / 2, sample.y + sample.height / 2,
                                BADGE_RADIUS, self.colors["fail"], self.colors["card"])
            mark = None
            if kind.startswith("evidence-"):
                mark = self._evidence_mark(kind.removeprefix("evidence-"),
                                           sample.x + sample.width / 2,
                                           sample.y + sample.height / 2)
            keys.append(g.LegendKey(kind, sample, label, swatches, marker, mark, badge))
        if keys or (entries and not self.show_persona_cards):
            self.y = flow.bottom + self.lane_gap - 2
        return tuple(entries), tuple(keys)

    def _legend_keys(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """The marks other than personas that this map draws: kind, label, and the persona
        colours the mark appears in (the gap is shaded in each persona's own colour)."""
        columns = [column for column in self.all_columns if column.touchpoint is not None]
        runs = persona_runs(columns)
        hoped = any(drawn.hoped for drawn in runs.values())
        skipped = any(len(drawn.felt) > 1 for drawn in runs.values())
        gap_colors = [self.persona_color(index)
                      for index, persona in enumerate(self.journey.personas)
                      if persona.id in runs and runs[persona.id].both]
        futures = {f.persona for c in columns for f in c.touchpoint.futures}
        planned = [self.persona_color(index) for index, persona in enumerate(self.journey.personas)
                   if persona.id in futures]  # the to-be's shading is in each persona's colour
        wanted = (
            ("expected", say("legend_expected"), hoped, ()),
            ("skipped", say("legend_skipped"), skipped, ()),
            ("gap", say("legend_gap"), bool(gap_colors), tuple(gap_colors)),
            ("to_be", say("legend_to_be"), bool(planned), ()),
            ("improvement", say("legend_improvement"), bool(planned), tuple(planned)),
            ("spread", say("legend_spread"),
             any(e.spread is not None for c in columns for e in c.touchpoint.emotions), ()),
            ("moment", say("moment_of_truth"),
             any(c.touchpoint.moment_of_truth for c in columns), ()),
            ("fail", say("fail_point"), any(fail_points(c.touchpoint) for c in columns), ()),
            *((f"evidence-{level}", say(f"legend_evidence_{level}"),
               self.shows_evidence and any(evidence.level(c.touchpoint) == level
                                           for c in columns), ())
              for level in evidence.LEVELS),
        )
        return [(kind, text, colors) for kind, text, present, colors in wanted if present]

    def _text_width(self, text: str, size: float, limit: float) -> float:
        """Width of `text` on one line, capped at `limit` (where it will be cut short)."""
        return min(text_width(text, size), limit)

    def persona_color(self, index: int) -> str:
        persona = self.journey.personas[index]
        return self.theme.persona_color(index, persona.color)

    def stage_headers(self) -> tuple[g.StageHeader, ...]:
        """The row's stage names; a stage continued from the row above says so."""
        size = self.font.heading_size
        labels = []
        for piece in self.pieces:
            name = continued(piece.stage.name) if piece.continued else piece.stage.name
            label = self.text(name, piece.left + self.pad, self.y + self.pad,
                              piece.right - piece.left - 2 * self.pad, size,
                              self.theme.stages.text, bold=True, anchor="middle")
            labels.append((piece, label, self.theme.stage_fill(piece.index)))
        height = max((lb.box.height for _, lb, _ in labels), default=0) + 2 * self.pad
        headers = tuple(
            g.StageHeader(piece.stage.id, g.Box(piece.left, self.y, piece.right - piece.left,
                                                height), fill,
                          self._center_vertically(label, self.y, height))
            for piece, label, fill in labels
        )
        self.y += height + self.gap
        return headers

    def _center_vertically(self, block: g.TextBlock, top: float, height: float) -> g.TextBlock:
        shift = top + (height - block.box.height) / 2 - block.box.y
        return shifted(block, shift)

    def touchpoint_headers(self) -> tuple[g.TouchpointHeader, ...]:
        top = self.y
        drafts = []
        for column in self.columns:
            if column.touchpoint is not None:
                drafts.append(self._touchpoint_header(column, top))
        # Each card as tall as what it says (not as the tallest): the band below starts
        # under the tallest one.
        height = max((d[1] for d in drafts), default=0)
        self.y = top + height + self.lane_gap
        return tuple(header for header, _ in drafts)

    def _touchpoint_header(self, column: Column, top: float):
        tp = column.touchpoint
        inner = column.width - 2 * self.pad
        y = top + self.pad
        moment_star, mark = None, None
        first_line = inner  # the first line of the header leaves room for the evidence mark
        if self.shows_evidence:
            mark = self.evidence_mark(tp, column.x + column.width - self.pad - EVIDENCE_RADIUS,
                                      y + 8)
            first_line -= 2 * EVIDENCE_RADIUS + 6
        name = self.text(tp.name, column.x + self.pad, y, first_line,
                         self.font["heading_size"] - 0.5, bold=True)
        y = name.box.bottom
        timing = self.timing_mark(tp, column.x + self.pad, y + 4, inner)
        y = timing.label.box.bottom if timing else y
        moment = None
        if tp.moment_of_truth:
            label = say("moment_of_truth")
            if tp.moment_of_truth.reason:
                label = say("moment_of_truth_because", reason=tp.moment_of_truth.reason)
            moment = self.text(label, column.x + self.pad + 16, y + 4, inner - 16, self.small(),
                               self.colors.moment, bold=True)
            moment_star = star(moment.box.x - 8, moment.baselines[0] - moment.size * 0.36,
                               moment.color)
            y = moment.box.bottom
        fail = self.fail_mark(tp, column.x + self.pad, y + 4, inner)
        y = fail.label.box.bottom if fail else y
        details = self.details_mark(tp, column.x + self.pad, y + 4, inner)
        if details:
            y = (details.spark_box or details.marked.label.box).bottom
        card = g.Box(column.x, top, column.width, y + self.pad - top)
        # The channels are a lane of their own, under the headers (`Header.channel_lane`).
        header = g.TouchpointHeader(tp.id, column.stage.id, g.Box(column.x, top, column.width, 0),
                                    card, name, moment, moment_star, mark, timing, fail,
                                    details)
        return header, card.height

    def details_mark(self, tp, x: float, top: float, width: float) -> g.LinkMark | None:
        """"In detail: Checkout" by an arrow, over the linked map's curves drawn small: the
        master journey summarises its sub-journeys (`cjmdsl.language.links`)."""
        link = tp.details
        if link is None:
            return None
        marked = self._led("link", say("details_link", title=link.title or link.path), x, top,
                           width, self.colors["muted"])
        curves = [curve for curve in link.curves if len(curve.levels) > 1]
        if not curves:
            return g.LinkMark(marked, link.path, linked_summary(link, self.journey))
        box = g.Box(x + LEAD, marked.label.box.bottom + 3, width - LEAD, SPARK_HEIGHT)
        place = {persona.id: index for index, persona in enumerate(self.journey.personas)}
        spark = []
        for curve in curves:
            step = box.width / (len(curve.levels) - 1)
            path = "M" + "L".join(f"{box.x + k * step:.2f} {box.bottom - level * box.height:.2f}"
                                  for k, level in enumerate(curve.levels))
            index = place.get(curve.persona)
            spark.append((path, self.colors["muted"] if index is None
                          else self.persona_color(index), "" if index is None
                          else dash_of(index)))
        return g.LinkMark(marked, link.path, linked_summary(link, self.journey), box,
                          tuple(spark))

    def evidence_mark(self, tp, x: float, y: float) -> g.EvidenceMark:
        """The touchpoint's evidence level as a mark centred on (x, y)."""
        return self._evidence_mark(evidence.level(tp), x, y, tp.evidence_kinds)

    def _evidence_mark(self, level: str, x: float, y: float,
                       kinds: tuple[str, ...] = ()) -> g.EvidenceMark:
        label = say(f"legend_evidence_{level}")
        if kinds:
            label += f": {', '.join(kinds)}"
        color = self.colors["text"]
        fill = color if level == evidence.SEVERAL else self.colors["card"]
        return g.EvidenceMark(level, x, y, EVIDENCE_RADIUS, color, fill, kinds, label)

    def row_label(self, text: str, top: float) -> g.TextBlock:
        return self.text(text, self.margin, top + self.pad, self.label_width - self.pad,
                         self.font.size, self.colors.muted, bold=True)

    def text_lane(self, kind: str, label: str, items_of, style) -> g.Lane | None:
        """A lane of stacked cards per column of the row; None when no touchpoint of the map
        has any item (every row shows the lanes the map has, so rows read alike)."""
        if not self.lane_shown(kind, items_of):
            return None
        top = self.y
        cards: list[g.Card] = []
        bottom = top
        for column in self.columns:
            if column.touchpoint is None:
                continue
            y = top + self.pad
            for item in items_of(column.touchpoint):
                above, below = self.room_for_rings(item, column.width)
                card = self.with_fail(style(column, y + above, item), item)
                if id(item) in self.card_of_item:  # its hand-offs and address links end here
                    self.card_of_item[id(item)] = card
                cards.append(card)
                y = card.box.bottom + below + 6
            bottom = max(bottom, y - 6 + self.pad)
        height = max(bottom - top, line_height(self.font.size) + 2 * self.pad)
        lane = g.Lane(kind, g.Box(self.margin, top, self.width - 2 * self.margin, height),
                      self.row_label(label, top), tuple(cards), self.separator(top))
        self.y = top + height + self.lane_gap
        return lane

    def lane_shown(self, kind: str, items_of) -> bool:
        """Whether some touchpoint of the map has an item in the lane (looked up once per
        map, not once per row)."""
        if kind not in self.lanes_with_items:
            self.lanes_with_items[kind] = any(items_of(c.touchpoint) for c in self.all_columns
                                              if c.touchpoint)
        return self.lanes_with_items[kind]

    def separator(self, top: float) -> g.Line:
        """The rule in the gap above a band that starts at `top`."""
        y = top - self.lane_gap / 2
        return g.Line(self.margin, y, self.width - self.margin, y)

    def plain_card(self, kind: str, fill: str, stroke: str, italic: bool = False):
        def style(column: Column, top: float, item) -> g.Card:
            text = self.text(item, column.x + self.pad, top + 5, column.width - 2 * self.pad,
                             italic=italic)
            box = g.Box(column.x, top, column.width, text.box.height + 10)
            return g.Card(kind, column.touchpoint.id, box, fill, stroke, text)
        return style

    def finding_card(self, kind: str, fill: str, stroke: str):
        """A pain point or opportunity: its text, then tags for the source and the owner."""
        def style(column: Column, top: float, finding) -> g.Card:
            inner = column.width - 2 * self.pad
            text = self.text(finding.text, column.x + self.pad, top + 5, inner)
            y = text.box.bottom + 4
            tags = []
            labels = []
            if finding.source:
                detail = f" · {finding.source.detail}" if finding.source.detail else ""
                labels.append(finding.source.kind.capitalize() + detail)
            if finding.owner:
                labels.append(say("owner", owner=finding.owner))
            labels += finding_links(finding, self.journey)
            for label in labels:
                tag_text = self.text(label, column.x + self.pad + 5, y + 2, inner - 10,
                                     self.small(), self.colors.text)
                box = g.Box(column.x + self.pad, y, inner, tag_text.box.height + 4)
                tags.append(g.Tag(box, tag_text, self.colors.tag))
                y = box.bottom + 3
            box = g.Box(column.x, top, column.width, y - top + 2)
            card = g.Card(kind, column.touchpoint.id, box, fill, stroke, text, tuple(tags),
                          finding.id)
            self.card_of_item[id(finding)] = card  # where its address links start and end
            return card
        return style


def star(x: float, y: float, color: str) -> g.Marker:
    """The star that marks a moment of truth, centred on (x, y)."""
    return g.Marker("star", x, y, 5, color, color)


def shifted(block: g.TextBlock, dy: float) -> g.TextBlock:
    box = block.box
    return g.TextBlock(block.lines, block.x, tuple(b + dy for b in block.baselines), block.size,
                       block.color, g.Box(box.x, box.y + dy, box.width, box.height),
                       block.bold, block.italic, block.anchor)
