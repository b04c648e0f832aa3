"""The lanes of a map and the kinds of item a touchpoint holds, as data.

Every stage reads these tables instead of naming lanes, as d2 reads its keyword tables: the
compiler builds a touchpoint's items from ITEM_KINDS; the layout stacks LANES top to bottom;
the HTML page makes a toggle and a details section of each lane; Markdown a column or a
section; `cjm show` and the flow graph's tooltip list the lanes with a `summary`; and
tools/gen_editor_grammars.py writes the highlighters' keyword lists and the JSON schema's
item properties from the grammar and ITEM_KINDS. A new lane is a row here (with its item
kind, its grammar rule in grammar/cjm.lark and its field on `model.Touchpoint`).

The tables' rows are NamedTuples, not frozen dataclasses: as immutable, and making the four
classes costs every run about 1 ms instead of 5.
"""
from __future__ import annotations

from cjmdsl.model import Metric
from cjmdsl.tuples import NamedTuple
from cjmdsl.words.kpis import metric_text
from cjmdsl.words.locales import say


class ItemKind(NamedTuple):
    """A kind of item written inside a touchpoint as `keyword "text"`: `action "Taps the ad"`.

    `field` is the `Touchpoint` field that holds them; `options` the options that may follow
    one (every item may cite a `source`). A finding (a pain point, an opportunity) may also
    have an `owner`; its items are `model.Finding`s, described in the JSON schema under `title`
    and `description`; other items are `model.Claim`s.
    """

    keyword: str
    field: str
    findings: bool = False
    title: str | None = None
    description: str | None = None
    options: tuple[str, ...] = ("source",)
    steps: bool = False  # its items are `model.Step`s: an optional id, an actor, hand-offs
    blueprint: bool = False  # a lane of the service blueprint: what the organisation does
    named: str | None = None  # how a message names one, where `a <keyword>` would not do

    @property
    def noun(self) -> str:
        """One item of the kind in a message: `an action`, `a pain point`, `evidence`."""
        if self.named is not None:
            return self.named
        return ("an " if self.keyword[0] in "aeiou" else "a ") + self.keyword

    @property
    def schema_name(self) -> str:
        """The JSON schema definition its items refer to: `claim`, `text` (a kind without
        options: no source), `step`, `pain_point`, …"""
        if self.findings:
            return self.title.lower().replace(" ", "_")
        if self.steps:
            return "step"
        return "claim" if self.options else "text"


class CardStyle(NamedTuple):
    """How a lane's cards look: plain or italic text, or a finding with tags for its source
    and owner. `list_class` is the class of the lane's list in the HTML details panel."""

    italic: bool = False
    findings: bool = False
    list_class: str | None = None
    actors: bool = False  # a tag naming the item's actor, with a person's or a system's mark


PLAIN = CardStyle()
ASIDE = CardStyle(italic=True, list_class="cjm-thoughts")  # what people think, not do
FINDING = CardStyle(findings=True, list_class="cjm-findings")
STEP = CardStyle(actors=True, list_class="cjm-steps")  # a blueprint item and who does it


class Summary(NamedTuple):
    """How short summaries list a lane's items: `cjm show` counts them (the counted message
    `count_<key>`) and marks each one (`mark` in the terminal colour `color`); the flow
    graph's tooltip starts each with the message `tooltip_<key>` (`Pain: …`). A lane not
    `counted_when_none` is counted only in maps that have some of its items (a journey map
    says nothing of blueprint lanes)."""

    mark: str
    color: str
    counted_when_none: bool = True


class Lane(NamedTuple):
    """One row of the map.

    `key` names it everywhere (the geometry's lane kind, the SVG group `cjm-lane-<key>`, the
    HTML toggle); `label` is what readers see (row label, toggle, details heading, Markdown
    section), the message `lane_<key>` in the language being written (`english` in English). `fields` are the touchpoint fields it shows, in order. `cards` is None for the
    emotion lane, which draws curves; otherwise cards of kind `card` filled and outlined
    in the colour roles `fill` and `stroke` (keys of a theme's [colors], such as `pain` and
    `pain_border`; the card's text plays `text`, its tags `tag`): a new lane reuses roles,
    and the contrast test checks its text on its `fill`. With `column` the lane is a column of the
    Markdown journey table (headed by the message `column_<key>`); a card lane without one
    gets a Markdown section of its own.
    """

    key: str
    english: str
    fields: tuple[str, ...] = ()
    card: str | None = None
    cards: CardStyle | None = None
    fill: str | None = None
    stroke: str | None = None
    column: bool = False
    summary: Summary | None = None
    line_above: str | None = None  # the blueprint line drawn above it (`cjmdsl.language.blueprint`)

    @property
    def label(self) -> str:
        return say(f"lane_{self.key}")

    def items_of(self, touchpoint) -> tuple:
        """The lane's items at a touchpoint, field by field in source order."""
        return tuple(item for name in self.fields for item in getattr(touchpoint, name))

    def fail_points_of(self, touchpoint) -> tuple:
        """The lane's items at a touchpoint that carry a fail point (`fail "…"`)."""
        return tuple(item for item in self.items_of(touchpoint) if self.fail_of(item) is not None)

    @staticmethod
    def fail_of(item) -> str | None:
        """An item's fail point; None for one without, or of a kind that takes none (a
        note, a metric)."""
        return getattr(item, "fail", None)

    @staticmethod
    def text_of(item) -> str:
        """What a card or a list says for an item: its text; for a metric its figure, target
        and status in words (`cjmdsl.words.kpis.metric_text`)."""
        return metric_text(item) if isinstance(item, Metric) else item.text

    @property
    def findings(self) -> bool:
        return self.cards is not None and self.cards.findings


STEP_OPTIONS = ("source", "by", "handoff")
ITEM_KINDS = (
    ItemKind("action", "actions", options=("source", "handoff"), steps=True),
    ItemKind("thought", "thoughts"),
    ItemKind("question", "questions"),
    ItemKind("pain", "pains", findings=True, title="Pain point", named="a pain point",
             description="A problem the customer meets at a touchpoint.",
             options=("source", "owner", "for")),
    ItemKind("opportunity", "opportunities", findings=True, title="Opportunity",
             description="An idea to improve a touchpoint.",
             options=("source", "owner", "for", "addresses", "impact", "effort", "aims")),
    ItemKind("motivation", "motivations", options=()),
    ItemKind("note", "notes", options=()),
    ItemKind("evidence", "evidence", options=("source", "handoff"), steps=True, blueprint=True,
             named="evidence"),
    ItemKind("frontstage", "frontstage", options=STEP_OPTIONS, steps=True, blueprint=True,
             named="a frontstage action"),
    ItemKind("backstage", "backstage", options=STEP_OPTIONS, steps=True, blueprint=True,
             named="a backstage action"),
    ItemKind("support", "support", options=STEP_OPTIONS, steps=True, blueprint=True,
             named="a support process"),
)
STEP_KINDS = tuple(kind for kind in ITEM_KINDS if kind.steps)
# What the customer sees and what the organisation does, under the customer's lanes.
BLUEPRINT_FIELDS = tuple(kind.field for kind in ITEM_KINDS if kind.blueprint)
FINDING_KINDS = tuple(kind for kind in ITEM_KINDS if kind.findings)

EMOTIONS = "emotions"
LANES = (
    Lane("evidence", "Evidence", ("evidence",), "evidence", STEP, "panel", "border",
         summary=Summary("▣", "cyan", counted_when_none=False)),
    Lane("actions", "Actions", ("actions",), "action", PLAIN, "card", "border", column=True),
    Lane("thoughts", "Thoughts", ("thoughts", "questions"), "thought", ASIDE, "panel", "border",
         column=True),
    Lane("motivations", "Motivations", ("motivations",), "motivation", PLAIN, "panel", "border"),
    Lane(EMOTIONS, "Emotions"),
    Lane("frontstage", "Frontstage", ("frontstage",), "frontstage", STEP, "card", "border",
         summary=Summary("▶", "blue", counted_when_none=False), line_above="interaction"),
    Lane("backstage", "Backstage", ("backstage",), "backstage", STEP, "panel", "border",
         summary=Summary("▷", "magenta", counted_when_none=False), line_above="visibility"),
    Lane("support", "Support", ("support",), "support", STEP, "panel", "border",
         summary=Summary("⚙", "white", counted_when_none=False), line_above="internal"),
    Lane("pains", "Pain points", ("pains",), "pain", FINDING, "pain", "pain_border",
         summary=Summary("✗", "red")),
    Lane("opportunities", "Opportunities", ("opportunities",), "opportunity", FINDING,
         "opportunity", "opportunity_border",
         summary=Summary("✓", "green")),
    Lane("metrics", "Metrics", ("metrics",), "metric", PLAIN, "panel", "border"),
    Lane("notes", "Notes", ("notes",), "note", ASIDE, "card", "border"),
)
# The channels each touchpoint is met through, as icons with their names: a band of the map
# of its own under the touchpoint names (as UXPressia and Smaply draw it), so the switches
# between channels read across. Not among LANES: every other output shows a touchpoint's
# channels with the touchpoint (a Markdown column, the HTML page's header).
CHANNELS = "channels"
CHANNEL_LANE = Lane(CHANNELS, "Channels", ("channels",))
CARD_LANES = tuple(lane for lane in LANES if lane.cards is not None)
# Options every kind of item that takes options may have, whatever its row says: a fail
# point may be written on any item (`action "Pays" fail "Card declined"`).
EVERY_ITEM_OPTIONS = ("fail",)


def fail_points(touchpoint) -> tuple[tuple[Lane, object], ...]:
    """Every (lane, item) at a touchpoint whose item carries a fail point, in lane order:
    where the service can break at this step, for the header's mark and every list."""
    return tuple((lane, item) for lane in CARD_LANES for item in lane.fail_points_of(touchpoint))


SUMMARISED_LANES = tuple(lane for lane in LANES if lane.summary is not None)
