"""The service blueprint's pieces of the map: item cards with their actor, the lines of
interaction, visibility and internal interaction, and the hand-off arrows; and, routed as
those are, the links from opportunities to the pain points they address.

An arrow leaves its card sideways into the gap between two columns (the gutter), runs
along gutters and, to reach another column, along the empty top of the target's lane
(above the first card of every column), then enters its target from the side: so it
never crosses a text. A hand-off to an item in another row of stages is drawn as off-page
connectors are: a lettered ring beside each of the two items (below an item whose other end
is in a later row, above one whose other end is in an earlier row), in room its card leaves
for it, with a short arrow from the card to the ring and from the ring into the target."""
from __future__ import annotations

import math

from cjmdsl.language.blueprint import LINES, actor_label, handoff_pairs, located_steps
from cjmdsl.layout import geometry as g
from cjmdsl.layout.base import shifted
from cjmdsl.layout.rows import Column
from cjmdsl.layout.textmetrics import line_height, text_width
from cjmdsl.model import Step
from cjmdsl.tuples import NamedTuple
from cjmdsl.words.sentences import say

MARK_SIZE = 10  # the actor's mark on its tag
HEAD = 6.0  # the arrowhead's length
EDGE = 10.0  # how far from a card's bottom an arrow leaves it, from its top one enters
TRACKS = (0.0, -2.5, 2.5)  # where runs that share a gutter go, from its middle
RING_RADIUS = 8.0  # an off-row ring's, at least (wider for a letter such as "AB")
STUB = 12.0  # the arrow between a card and its off-row ring
RING_GAP = 6.0  # between two rings side by side: room for another ring's arrow to pass
RING_LINE_GAP = 4.0  # between two lines of rings beside one card
RING_CLEAR = 2.5  # how far an arrow to an outer ring passes an inner ring's edge


class RingEnd(NamedTuple):
    """One end of a hand-off between rows of stages, beside the card of `start` (when
    `outgoing`) or of `end`: below the card when the other end is in a later row."""

    number: int  # the hand-off's place among the map's off-row ones: its letter
    start: Step
    end: Step
    outgoing: bool
    below: bool
    other_row: int  # the row of the other end, counted from 0


class Blueprint:
    """Mixed into the layout (`cjmdsl.layout.map._Layout`)."""

    def step_card(self, kind: str, fill: str, stroke: str):
        """A blueprint item: its text, then a tag with its actor's mark and name."""
        def style(column: Column, top: float, step) -> g.Card:
            inner = column.width - 2 * self.pad
            text = self.text(step.text, column.x + self.pad, top + 5, inner)
            y = text.box.bottom + 4
            tags = []
            name = actor_label(step, self.journey)
            if name is not None:
                actor = self.journey.actor(step.actor)
                size = self.small()
                mark_x = column.x + self.pad + 4
                tag_text = self.text(name, mark_x + MARK_SIZE + 4, y + 2,
                                     inner - MARK_SIZE - 12, size, self.colors.text)
                box = g.Box(column.x + self.pad, y, inner, tag_text.box.height + 4)
                mark = g.ActorMark(actor.kind if actor else "person", mark_x,
                                   y + 2 + (line_height(size) - MARK_SIZE) / 2, MARK_SIZE,
                                   self.colors.muted)
                tags.append(g.Tag(box, tag_text, self.colors.tag, mark))
                y = box.bottom + 3
            box = g.Box(column.x, top, column.width, y - top + (2 if tags else 1))
            card = g.Card(kind, column.touchpoint.id, box, fill, stroke, text, tuple(tags),
                          step.id)
            self.card_of_item[id(step)] = card  # where its hand-offs start and end
            self.steps_in_row.append(step)
            return card
        return style

    def room_for_line(self, lane, shown: bool, above: bool) -> g.TextBlock | None:
        """Before a lane is laid out: the label of the blueprint line to draw above it, if
        it has one, is shown, and some lane is drawn above it (a line needs lanes on both
        sides); room is made for the label. It is wrapped in the label rail, clear of the
        gutter beside the first column, where arrows may run."""
        if lane.line_above is None or not shown or not above:
            return None
        label = self.text(say(LINES[lane.line_above]), self.margin, 0,
                          self.label_width - self.pad, self.small(), self.colors.muted,
                          bold=True, max_lines=2)
        self.y += max(label.box.height + 4 - self.lane_gap / 2, 0)
        return label

    def blueprint_line(self, kind: str, label: g.TextBlock, lane: g.Lane) -> g.BlueprintLine:
        """The line in the gap above `lane`, `label` just above its left end."""
        y = lane.separator.y1
        label = shifted(label, y - 2 - label.box.bottom)
        return g.BlueprintLine(kind, g.Line(self.margin, y, self.width - self.margin, y), label)

    def _plan_handoffs(self) -> None:
        """Once per map, not once per row: each item's hand-offs (`handoffs_from`) in the
        map's order, and the ends of those between rows beside each item (`ring_ends`)."""
        if self.handoffs_from is not None:
            return
        self.handoffs_from, self.ring_ends = {}, {}
        pairs = handoff_pairs(self.journey)
        for start, end in pairs:
            self.handoffs_from.setdefault(id(start), []).append(end)
        self.handoff_rank = {key: rank for rank, key in enumerate(self.handoffs_from)}
        if len(self.plan.rows) < 2 or not pairs:
            return
        row_of = {id(column.touchpoint): number for number, row in enumerate(self.plan.rows)
                  for piece in row for column in piece.columns}
        step_row = {id(step): row_of[id(tp)] for _, tp, step in located_steps(self.journey)}
        number = 0
        for start, end in pairs:
            first, second = step_row[id(start)], step_row[id(end)]
            if first == second:
                continue
            later = second > first
            self.ring_ends.setdefault(id(start), []).append(
                RingEnd(number, start, end, True, later, second))
            self.ring_ends.setdefault(id(end), []).append(
                RingEnd(number, start, end, False, not later, first))
            number += 1

    def room_for_rings(self, item, width: float) -> tuple[float, float]:
        """The room a card `width` wide leaves above and below itself for the off-row rings
        of its item's hand-offs (none for most items)."""
        self._plan_handoffs()
        ends = self.ring_ends.get(id(item))
        if not ends:
            return 0.0, 0.0
        return tuple(self._ring_side([end for end in ends if end.below == below], width)[1]
                     for below in (False, True))

    def _ring_side(self, ends: list[RingEnd], width: float):
        """The rings on one side of a card `width` wide: each one's letter, radius, centre
        from the card's left and line (0 nearest the card), and the room they take. Rings
        go side by side; more than fit wrap onto lines further out, line k shifted by k/L of
        a ring's place (L lines), so an arrow to an outer ring passes every inner one at
        least `RING_CLEAR` from its edge."""
        if not ends:
            return [], 0.0
        size = self.small()
        letters = [_letter(end.number) for end in ends]
        radius = max(max(text_width(letter, size, bold=True) for letter in letters) / 2 + 3,
                     RING_RADIUS)
        lines, per_line, place, shift = _ring_lines(len(ends), radius, width - 4)
        pattern = max(round(place / shift), 1) if shift else 1  # the lines the shifts cycle
        used = (min(per_line, len(ends)) - 1) * place + (min(lines, pattern) - 1) * shift
        left = (width - used) / 2
        placed = [(letter, radius,
                   left + (index % per_line) * place + (index // per_line % pattern) * shift,
                   index // per_line) for index, letter in enumerate(letters)]
        return placed, STUB + lines * 2 * radius + (lines - 1) * RING_LINE_GAP

    def off_row_arrows(self, step, card: g.Card) -> list[tuple[int, int, g.HandOff]]:
        """The short arrows between `card` and the rings of its item's hand-offs to and from
        other rows, each after its hand-off's number and 0 at its start, 1 at its end."""
        ends = self.ring_ends.get(id(step), ())
        arrows = []
        for below in (False, True):
            side = [end for end in ends if end.below == below]
            placed, _ = self._ring_side(side, card.box.width)
            for end, (letter, radius, dx, line) in zip(side, placed):
                arrow = self._off_row_arrow(end, card, letter, radius, card.box.x + dx, line)
                arrows.append((end.number, int(not end.outgoing), arrow))
        return arrows

    def _off_row_arrow(self, end: RingEnd, card: g.Card, letter: str, radius: float,
                       x: float, line: int) -> g.HandOff:
        box = card.box
        sign = 1 if end.below else -1
        edge = box.bottom if end.below else box.y
        near = edge + sign * (STUB + line * (2 * radius + RING_LINE_GAP))  # the ring's edge
        y = near + sign * radius
        size = self.small()
        height = line_height(size)
        text = self.text(letter, x - radius, y - height / 2, 2 * radius, size, self.colors.text,
                         bold=True, anchor="middle")
        other = end.end if end.outgoing else end.start
        title = say("handoff_continues" if end.outgoing else "handoff_continued_from",
                    item=" ".join(other.text.split()), row=end.other_row + 1)
        ring = g.OffRowRing(x, y, radius, text, title, self.colors["background"],
                            self.colors.text)
        # From the card to its ring, or from the ring into its card.
        points = ((x, edge), (x, near)) if end.outgoing else ((x, near), (x, edge))
        tip_y, toward = points[1][1], (sign if end.outgoing else -sign)
        return g.HandOff(end.start.id, end.end.id, card.touchpoint_id, points,
                         _head_down(x, tip_y, toward), self.colors.text, ring)

    def arrows(self, lanes: list[g.Lane]) -> tuple[tuple[g.HandOff, ...], tuple[g.HandOff, ...]]:
        """This row's hand-offs (`handoffs`) and address links (`address_links`), the runs of
        both moved apart together, so that no two share a stretch of a gutter."""
        handoffs, rings = self.handoffs(lanes)
        links = self.address_links(lanes)
        apart = _apart(handoffs + links)
        return tuple(apart[:len(handoffs)]) + rings, tuple(apart[len(handoffs):])

    def handoffs(self, lanes: list[g.Lane]) -> tuple[list[g.HandOff], tuple[g.HandOff, ...]]:
        """The arrows between cards of this row, and the short ones to and from the rings of
        hand-offs to items in other rows. Only this row's items are looked at: linear in the
        map."""
        self._plan_handoffs()
        starts, self.steps_in_row = self.steps_in_row, []
        if not self.handoffs_from:
            return [], ()
        rings = sorted(found for step in starts if id(step) in self.ring_ends
                       for found in self.off_row_arrows(step, self.card_of_item[id(step)]))
        starts = sorted((step for step in starts if id(step) in self.handoffs_from),
                        key=lambda step: self.handoff_rank[id(step)])
        lane_of = {id(card): lane for lane in lanes for card in lane.cards}
        columns = {column.touchpoint.id: column for column in self.touchpoint_columns()}
        gutters = None
        arrows = []
        for start in starts:
            for end in self.handoffs_from.get(id(start), ()):
                source, target = self.card_of_item[id(start)], self.card_of_item.get(id(end))
                if target is None or id(target) not in lane_of:
                    continue  # in another row: drawn with rings (`rings`)
                gutters = gutters or self._gutters()
                arrows.append(self._route(source, target, lane_of[id(target)],
                                          columns[source.touchpoint_id],
                                          columns[target.touchpoint_id], gutters))
        return arrows, tuple(arrow for _, _, arrow in rings)

    def address_links(self, lanes: list[g.Lane]) -> list[g.HandOff]:
        """An arrow from each opportunity of this row to each pain point it `addresses` at its
        own touchpoint or the one before or after it in the row, routed as a hand-off is; the
        opportunity's tag names a pain further away by its touchpoint instead
        (`cjmdsl.words.sentences.addressed_pains`), as a line across the map would bury the
        cards it passed."""
        columns = self.touchpoint_columns()
        if not any(o.addresses for column in columns for o in column.touchpoint.opportunities):
            return []
        pains = next((lane for lane in lanes if lane.kind == "pains"), None)
        shown = {id(card) for lane in lanes for card in lane.cards}
        near: dict[str, tuple[int, g.Card]] = {}  # by pain id: its column and card
        for index, column in enumerate(columns):
            for pain in column.touchpoint.pains:
                card = self.card_of_item.get(id(pain))
                if pain.id is not None and card is not None and id(card) in shown:
                    near.setdefault(pain.id, (index, card))
        gutters = self._gutters()
        links = []
        for index, column in enumerate(columns):
            for opportunity in column.touchpoint.opportunities:
                source = self.card_of_item.get(id(opportunity))
                if source is None or id(source) not in shown:
                    continue
                for pain_id in opportunity.addresses:
                    at, target = near.get(pain_id, (None, None))
                    if at is None or abs(at - index) > 1:
                        continue
                    link = self._route(source, target, pains, column, columns[at], gutters)
                    links.append(link._replace(color=self.colors.muted))
        return links

    def _gutters(self) -> dict[float, tuple[float, float]]:
        """Each column's left and right gutter (the middles of the gaps beside it), by x."""
        columns = self.touchpoint_columns()
        found = {}
        for index, column in enumerate(columns):
            left = (columns[index - 1].x + columns[index - 1].width + column.x) / 2 \
                if index else column.x - self.gap / 2
            right = (column.x + column.width + columns[index + 1].x) / 2 \
                if index + 1 < len(columns) else column.x + column.width + self.gap / 2
            found[column.x] = (left, right)
        return found

    def _route(self, source: g.Card, target: g.Card, target_lane: g.Lane, start: Column,
               end: Column, gutters) -> g.HandOff:
        # Out of a card's lower part, into another's upper part: the arrows into and out of
        # one card never meet.
        sy = source.box.bottom - min(EDGE, source.box.height / 3)
        ty = target.box.y + min(EDGE, target.box.height / 3)
        left, right = gutters[start.x]
        if end.x == start.x:  # down by the right-hand gutter, up by the left-hand one
            downward = ty > sy
            x0, gx = (source.box.right, right) if downward else (source.box.x, left)
            tx, entry = (target.box.right if downward else target.box.x), gx
        elif end.x > start.x:
            x0, gx = source.box.right, right
            tx, entry = target.box.x, gutters[end.x][0]
        else:
            x0, gx = source.box.x, left
            tx, entry = target.box.right, gutters[end.x][1]
        points = [(x0, sy), (gx, sy)]
        if entry != gx:  # along the empty top of the target's lane to the target's gutter
            run = target_lane.box.y + self.pad / 2
            points += [(gx, run), (entry, run)]
        points += [(entry, ty), (tx, ty)]
        return g.HandOff(source.item_id, target.item_id, source.touchpoint_id,
                         tuple(_without_repeats(points)), _head(tx, ty, 1 if tx > entry else -1),
                         self.colors.text)


def _head(x: float, y: float, direction: int) -> tuple[tuple[float, float], ...]:
    """The arrowhead whose tip is at (x, y), pointing right (1) or left (-1)."""
    back = x - direction * HEAD
    return ((x, y), (back, y - HEAD * 0.75), (back, y + HEAD * 0.75))


def _ring_lines(count: int, radius: float, room: float) -> tuple[int, int, float, float]:
    """How `count` rings of `radius` go side by side in `room`: the number of lines, the
    rings per line, the distance between two rings' middles in a line and the shift of
    each line from the one before. The fewest lines that hold them all; a card that cannot
    hold them however they are shifted (more than about room / (radius + RING_CLEAR) of
    them, a dozen on a card 150 px wide) gets the fewest lines that hold the most, repeated,
    and an arrow to a ring of a repeat then crosses a ring nearer the card."""
    best = None
    for lines in range(1, count + 1):
        place = max(2 * radius + RING_GAP, lines * (radius + RING_CLEAR))
        shift = place / lines if lines > 1 else 0.0
        per_line = math.floor((room - 2 * radius - (lines - 1) * shift) / place) + 1
        if per_line < 1 or (per_line == 1 and lines > 1):  # no staircase of single rings
            break
        if best is None or lines * per_line > best[0] * best[1]:
            best = (lines, per_line, place, shift)
        if lines * per_line >= count:
            return lines, per_line, place, shift
    lines, per_line, place, shift = best or (1, 1, 2 * radius + RING_GAP, 0.0)
    return math.ceil(count / per_line), per_line, place, shift


def _head_down(x: float, y: float, direction: int) -> tuple[tuple[float, float], ...]:
    """The arrowhead whose tip is at (x, y), pointing down (1) or up (-1)."""
    back = y - direction * HEAD
    return ((x, y), (x - HEAD * 0.75, back), (x + HEAD * 0.75, back))


def _letter(number: int) -> str:
    """The letter of the off-row hand-off `number` (from 0): A … Z, then AA, AB, … as a
    spreadsheet names its columns."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _apart(arrows: list[g.HandOff]) -> list[g.HandOff]:
    """The arrows with the runs that share a gutter over the same heights moved side by side
    (`TRACKS`), so two arrows never read as one line."""
    taken: dict[float, list[tuple[float, float]]] = {}  # by x: the heights used there
    kept = []
    for arrow in arrows:
        points = list(arrow.points)
        for index in range(1, len(points) - 2):  # the runs between the first and last segment
            (x1, y1), (x2, y2) = points[index], points[index + 1]
            if x1 != x2:
                continue
            low, high = min(y1, y2) - 2, max(y1, y2) + 2
            for offset in TRACKS:
                used = taken.setdefault(round(x1 + offset, 2), [])
                if all(high < a or low > b for a, b in used):
                    used.append((low, high))
                    break
            if offset:
                points[index], points[index + 1] = (x1 + offset, y1), (x2 + offset, y2)
        kept.append(arrow._replace(points=tuple(points)))
    return kept


def _without_repeats(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = []
    for point in points:
        if not kept or kept[-1] != point:
            kept.append(point)
    return kept
