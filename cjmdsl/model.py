"""The journey model: the contract between the front end and every backend.

Frozen dataclasses only (`record`); no parse-tree types leak out. Every node keeps the
source span it came from, so diagnostics, editors and the JSON export can
point back at the `.cjm` text. Collections are tuples in source order, which
keeps output deterministic.
"""
from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from datetime import date
from functools import cache, cached_property
from operator import attrgetter

from cjmdsl.channels import channel_id, channel_label

SOURCE_KINDS = ("interview", "survey", "review", "analytics", "support", "other")
# How an opportunity or an action item is scored (`impact high effort low`), lowest first.
PRIORITY_LEVELS = ("low", "medium", "high")


@dataclass(frozen=True, slots=True)  # slots: a large map holds a million spans
class Span:
    """1-based line and column of the first character, and of the one after the last."""

    line: int
    column: int
    end_line: int
    end_column: int


NO_SPAN = Span(0, 0, 0, 0)


def record(cls):
    """A frozen dataclass that compares, hashes and shows itself by its fields as
    `dataclass(frozen=True)` would (fields with `compare=False`, the spans, left out of
    equality and hashing; assigning to a field raises FrozenInstanceError).

    `dataclass(frozen=True)` writes and compiles six methods for each class, which was most
    of importing this module, on every run of cjm: here `__eq__`, `__hash__`, `__repr__`,
    `__setattr__` and `__delattr__` are written once for all records, and only `__init__`
    is compiled per class (`_initializer`), as dataclasses writes it for a frozen class,
    when the class makes its first instance (`_initializer_when_first_used`)."""
    cls.__eq__, cls.__hash__, cls.__repr__ = _equal, _hash, _repr
    undocumented = not cls.__dict__.get("__doc__")
    if undocumented:  # else dataclass writes one from inspect.signature: 15 ms on a start
        cls.__doc__ = cls.__name__
    cls = dataclass(init=False, eq=False, repr=False)(cls)
    cls.__init__ = _initializer_when_first_used(cls)
    if undocumented:  # as dataclass would have it: the class and its fields
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields(cls))})"
    cls.__setattr__, cls.__delattr__ = _refuse_assignment, _refuse_deletion
    names = [f.name for f in fields(cls) if f.compare]
    cls._compared = staticmethod(attrgetter(*names) if len(names) > 1 else
                                 lambda value: tuple(getattr(value, name) for name in names))
    return cls


_FACTORY = object()  # a parameter's default that stands for "call the field's factory"


def _initializer_when_first_used(cls):
    """An `__init__` that compiles the class's own (`_initializer`) as the first instance is
    made, puts it in its place and hands the instance to it: of the hundred records the
    package defines, a render of one map makes about forty, and compiling the `__init__` of
    every record it imports was 5 ms of each cold start."""
    def __init__(self, *args, **kwargs):
        cls.__init__ = initializer = _initializer(cls)
        initializer(self, *args, **kwargs)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _initializer(cls):
    """The `__init__` that `dataclass(frozen=True)` would write for `cls`: each field set
    through `object.__setattr__` (the class refuses assignment), defaults and default
    factories as declared, then `__post_init__` when the class has one."""
    names = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    parameters, body = [], []
    for f in fields(cls):
        if f.default is not MISSING:
            names[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
            value = f.name
        elif f.default_factory is not MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            parameters.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            parameters.append(f.name)
            value = f.name
        body.append(f"    _set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(body or ["    pass"])
    exec(source, names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _refuse_assignment(self, name, value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self, name):
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _equal(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self._compared(self) == self._compared(other)


def _hash(self):
    return hash(self._compared(self))


def _repr(self):
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


def texts(node, skip: frozenset[str] = frozenset()) -> list[tuple[str, Span]]:
    """Every string held by `node` and the records and tuples in it, field by field, each
    with the span of the nearest record that has one; fields named in `skip` are left out.
    The one walk over all of a map's text, for the checks that read every text (E031's
    lengths, W121's font): a list built by one recursion per record, not a generator per
    value, as it visits some hundred thousand strings in a large map."""
    found: list[tuple[str, Span]] = []
    _collect(node, NO_SPAN, skip, found)
    return found


def _collect(value, span: Span, skip: frozenset[str], found: list) -> None:
    if isinstance(value, str):
        found.append((value, span))
    elif isinstance(value, (tuple, list)):
        for item in value:
            if isinstance(item, str):
                found.append((item, span))
            else:
                _collect(item, span, skip, found)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, Span):
        own = getattr(value, "span", NO_SPAN)
        span = own if own != NO_SPAN else span
        for name in _text_fields(value.__class__, skip):
            item = getattr(value, name)
            if isinstance(item, str):
                found.append((item, span))
            elif item is not None and not isinstance(item, (int, float)):
                _collect(item, span, skip, found)


@cache
def _text_fields(kind: type, skip: frozenset[str]) -> tuple[str, ...]:
    """The fields of a record that may hold text (not its spans, nor those in `skip`),
    looked up once per class rather than once per record."""
    return tuple(f.name for f in fields(kind)
                 if f.compare and f.name not in skip and not f.name.endswith("span"))


@record
class Text:
    """One piece of user text (an action, a goal, a quote) and where it was written."""

    text: str
    span: Span = field(default=NO_SPAN, compare=False)


@record
class Claim(Text):
    """An action, a thought or a question: user text that evidence may back (`source …`).
    `fail` is the fail point written on it (`fail "Card declined"`): how the service can
    break there."""

    source: Source | None = None
    fail: str | None = None


# What an actor of a service blueprint is (`actor crm "CRM" { kind system }`); a person when
# not said. Drawn with a person's or a system's mark on the cards it owns.
ACTOR_KINDS = ("person", "system", "team", "partner")


@record
class Actor:
    """Someone or something that does the work of a blueprint, declared once and cited by
    its id from the items it does (`frontstage "Confirms the slot" by agent`): `team` is the
    team it belongs to; `kind` one of ACTOR_KINDS."""

    id: str
    name: str
    team: str | None = None
    kind: str = "person"
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    kind_span: Span = field(default=NO_SPAN, compare=False)


@record
class HandOff:
    """An arrow from one item of a touchpoint to another item, `to` (its id), perhaps in
    another lane and touchpoint: `-> backstage dispatch`. `lane` is the lane as written
    before the id (None when not written); the compiler checks the target is there."""

    to: str
    lane: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    to_span: Span = field(default=NO_SPAN, compare=False)


@record
class Step(Claim):
    """An item of a service: what the customer does (an action) or sees (evidence), or what
    the organisation does in front of them or behind (frontstage, backstage, support).
    `id` names it for hand-offs; `actor` is the id of the declared actor who does it;
    `handoffs` the arrows from it to other items."""

    id: str | None = None
    actor: str | None = None
    handoffs: tuple[HandOff, ...] = ()
    id_span: Span = field(default=NO_SPAN, compare=False)
    actor_span: Span = field(default=NO_SPAN, compare=False)


@record
class ScaleLevel:
    value: int
    label: str
    span: Span = field(default=NO_SPAN, compare=False)


@record
class Scale:
    """The emotion scale: integers from `low` to `high`, some of them labelled."""

    low: int = -2
    high: int = 2
    levels: tuple[ScaleLevel, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)

    def label_for(self, value: float) -> str | None:
        for level in self.levels:
            if level.value == value:
                return level.label
        return None

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


DEFAULT_SCALE = Scale(
    -2,
    2,
    (
        ScaleLevel(-2, "Angry"),
        ScaleLevel(-1, "Frustrated"),
        ScaleLevel(0, "Neutral"),
        ScaleLevel(1, "Happy"),
        ScaleLevel(2, "Delighted"),
    ),
)


@record
class Persona:
    id: str
    name: str
    roles: tuple[Text, ...] = ()
    goals: tuple[Text, ...] = ()
    needs: tuple[Text, ...] = ()
    pains: tuple[Text, ...] = ()
    motivations: tuple[Text, ...] = ()
    quotes: tuple[Text, ...] = ()
    color: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)


@record
class Source:
    """Where an insight comes from: its kind (one of SOURCE_KINDS) and a detail. A citation
    of a declared source (`source q3_survey`) names it in `cites` and has its kind;
    `kind_span` is where the kind or the cited id is written."""

    kind: str
    detail: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    kind_span: Span = field(default=NO_SPAN, compare=False)
    cites: str | None = None


@record
class DeclaredSource:
    """Evidence declared once and cited by id from any claim:
    `source q3_survey survey "Q3 onboarding survey" { n 212 collected 2026-09 url "…" }`.
    `collected` is the date as written (2026, 2026-09 or 2026-09-14); `size` the sample size."""

    id: str
    kind: str
    title: str
    size: int | None = None
    collected: str | None = None
    url: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    kind_span: Span = field(default=NO_SPAN, compare=False)
    collected_span: Span = field(default=NO_SPAN, compare=False)


def collected_date(text: str) -> date | None:
    """The day a `collected` date (2026, 2026-09, 2026-09-14) stands for: the last day of a
    year or month written without one, so evidence ages only once all of it has. None when
    it is no real date (2026-13)."""
    parts = [int(part) for part in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    if year < 1 or not 1 <= month <= 12:
        return None
    last = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    day = parts[2] if len(parts) > 2 else last
    return date(year, month, day) if 1 <= day <= last else None


@record
class Finding:
    """A pain point or an opportunity at a touchpoint: what was found, the evidence for it and
    who owns it. Which of the two it is follows from the list that holds it.

    `id` names it for `addresses` (optional); `personas` are the personas it concerns (`for
    maya, tom`; empty: all of them); `addresses` are the ids of the pain points an
    opportunity answers. An opportunity may be scored: `impact` and `effort` are
    PRIORITY_LEVELS."""

    text: str
    source: Source | None = None
    owner: str | None = None
    id: str | None = None
    personas: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    persona_spans: tuple[Span, ...] = field(default=(), compare=False)
    address_spans: tuple[Span, ...] = field(default=(), compare=False)
    impact: str | None = None
    effort: str | None = None
    fail: str | None = None  # a fail point, as on a claim
    aims: tuple[str, ...] = ()  # personas whose `future` here an opportunity aims at
    aim_spans: tuple[Span, ...] = field(default=(), compare=False)


PainPoint = Finding
"""A touchpoint's `pain` (the same shape as an opportunity)."""
Opportunity = Finding
"""A touchpoint's `opportunity` (the same shape as a pain point)."""


@record
class Emotion:
    """How one persona feels at a touchpoint, with an optional word for it."""

    persona: str
    value: float
    word: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    persona_span: Span = field(default=NO_SPAN, compare=False)
    value_span: Span = field(default=NO_SPAN, compare=False)
    source: Source | None = None
    # Measured (see `cjmdsl.language.measured`): the metric of the touchpoint the value is read off
    # (`from csat`), how many responded (`n 212`) and their spread, as a standard deviation
    # (`sd 1.2`) or as the lowest and highest response (`range -2 .. +2`), on the map's scale.
    metric: str | None = None
    responses: int | None = None
    sd: float | None = None
    low: float | None = None
    high: float | None = None
    spread_span: Span = field(default=NO_SPAN, compare=False)

    @property
    def spread(self) -> tuple[float, float] | None:
        """The range the responses spread over (the mean ± one sd), unclipped; None without
        a spread."""
        if self.sd is not None:
            return (self.value - self.sd, self.value + self.sd)
        if self.low is not None and self.high is not None:
            return (self.low, self.high)
        return None


@record
class Future:
    """How one persona is meant to feel at a touchpoint once the planned changes land: the
    to-be state next to the as-is `Emotion` (`future maya +1 "relieved"`)."""

    persona: str
    value: float
    word: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    persona_span: Span = field(default=NO_SPAN, compare=False)
    value_span: Span = field(default=NO_SPAN, compare=False)


@record
class Expectation:
    """How one persona expected to feel at a touchpoint (compared with Emotion: the gap)."""

    persona: str
    value: float
    span: Span = field(default=NO_SPAN, compare=False)
    persona_span: Span = field(default=NO_SPAN, compare=False)
    value_span: Span = field(default=NO_SPAN, compare=False)


@record
class Metric:
    """A figure measured at a touchpoint or for a stage: `metric csat 3.9 of 5 higher target
    4.2 source q3_survey`. A percentage, a score out of `out_of`, or a value with a `unit`;
    `direction` (`higher` or `lower`) says which way is better. It reads as a KPI's value
    does (`cjmdsl.words.kpis`), and is a claim: it may cite a source."""

    id: str
    value: float
    percent: bool = False
    out_of: float | None = None
    unit: str | None = None
    direction: str | None = None
    target: float | None = None
    source: Source | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)

    kind = "value"  # as a KPI's plain value, for `cjmdsl.words.kpis`

    @property
    def name(self) -> str:
        """The id as words: `time_to_value` reads "time to value"."""
        return self.id.replace("_", " ")

    @property
    def actual(self) -> float:
        return self.value

    @property
    def is_percent(self) -> bool:
        return self.percent

    @property
    def better(self) -> str | None:
        return self.direction

    @property
    def met(self) -> bool | None:
        """Whether the target is reached in the better direction; None without either."""
        if self.target is None or self.direction is None:
            return None
        return self.value <= self.target if self.direction == "lower" else self.value >= self.target


@record
class MomentOfTruth:
    reason: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)


# Minutes in each unit of a duration (`cjmdsl.language.durations` reads the spellings).
MINUTES_PER = {"min": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60, "mo": 30 * 24 * 60}


@record
class Duration:
    """How long a step takes or waits (`time "3 min"`, `wait "2 days"`): `value` in `unit`
    (min, h, d, w or mo, as `cjmdsl.language.durations` reads it), `text` as written."""

    value: float
    unit: str
    text: str
    span: Span = field(default=NO_SPAN, compare=False)

    @property
    def minutes(self) -> float:
        return self.value * MINUTES_PER[self.unit]


@record
class LinkedCurve:
    """One persona's curve in a linked map, for its master to summarise: each emotion as a
    fraction of that map's scale (0 its lowest, 1 its highest), and its lowest moment."""

    persona: str
    levels: tuple[float, ...]
    lowest: str  # the touchpoint's name
    lowest_value: float


@record
class LinkedMap:
    """The map a touchpoint opens (`details "checkout-detail.cjm"`, see `cjmdsl.language.links`):
    `path` as written, relative to the map's file, and what was read off that map."""

    path: str
    title: str = ""
    touchpoints: int = 0
    curves: tuple[LinkedCurve, ...] = ()
    low: int = -2  # that map's scale, which its lowest values are on
    high: int = 2
    span: Span = field(default=NO_SPAN, compare=False)


@record
class ChannelUse:
    """One channel named at a touchpoint (`channel social, web` names two): `written` as in
    the map, `icon` the built-in channel whose icon draws it, and `label` the label of a
    channel the map declares (None for a built-in one, shown in the language being written)."""

    written: str
    icon: str
    label: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)

    @property
    def shown(self) -> str:
        """The channel as every output shows it."""
        return self.label if self.label is not None else channel_label(self.written)


@record
class ChannelDeclaration:
    """A channel of the map's own: `channel quora "Quora" like community` is shown as
    `Quora` with the icon of the built-in channel `like` (`other` when not given)."""

    id: str
    label: str
    like: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    like_span: Span = field(default=NO_SPAN, compare=False)

    @property
    def icon(self) -> str:
        return channel_id(self.like) if self.like else "other"


@record
class Touchpoint:
    """One interaction: a column of the map. `channel` is the resolved channel id (`web` for
    `channel Website`, `other` for an unknown name); `channel_as_written` is the text.
    Given only `channel` (as API users do), it is resolved here. `channels` are all the
    channels named (`channel social, web`), the first of them being `channel`; given only
    `channel`, it holds that one. Actions, thoughts and questions given as plain `Text`s
    become `Claim`s citing nothing."""

    id: str
    name: str
    stage: str
    channel: str | None = None
    channel_as_written: str | None = None
    actions: tuple[Step, ...] = ()
    thoughts: tuple[Claim, ...] = ()
    questions: tuple[Claim, ...] = ()
    emotions: tuple[Emotion, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    pains: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    moment_of_truth: MomentOfTruth | None = None
    channels: tuple[ChannelUse, ...] = ()
    motivations: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()
    metrics: tuple[Metric, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    channel_span: Span = field(default=NO_SPAN, compare=False)
    # The service blueprint's lanes (`cjmdsl.lanes`): what the customer sees, and what the
    # organisation does in front of them, behind the line of visibility and in support.
    evidence: tuple[Step, ...] = ()
    frontstage: tuple[Step, ...] = ()
    backstage: tuple[Step, ...] = ()
    support: tuple[Step, ...] = ()
    time: Duration | None = None  # how long the step takes
    wait: Duration | None = None  # how long the customer waits before it
    futures: tuple[Future, ...] = ()  # the to-be state (see `cjmdsl.language.states`)
    details: LinkedMap | None = None  # the map telling this touchpoint in detail

    def __post_init__(self):
        if self.channels and self.channel is None:
            first = self.channels[0]
            object.__setattr__(self, "channel", first.icon)
            object.__setattr__(self, "channel_as_written", first.written)
        if self.channel is not None and self.channel_as_written is None:
            object.__setattr__(self, "channel_as_written", self.channel)
            object.__setattr__(self, "channel", channel_id(self.channel))
        if self.channel is not None and not self.channels:
            object.__setattr__(self, "channels", (ChannelUse(
                self.channel_as_written, self.channel, span=self.channel_span),))
        for name in ("actions", "thoughts", "questions"):  # plain Texts, as API users give
            items = getattr(self, name)
            if not all(isinstance(item, Claim) for item in items):
                made = Step if name == "actions" else Claim
                object.__setattr__(self, name, tuple(
                    item if isinstance(item, Claim) else made(item.text, item.span)
                    for item in items))

    @property
    def channel_label(self) -> str | None:
        """The channels as every output shows them, joined by commas (see
        `cjmdsl.channels.channel_label`)."""
        return ", ".join(use.shown for use in self.channels) if self.channels else None

    def emotion_of(self, persona: str) -> Emotion | None:
        return next((e for e in self.emotions if e.persona == persona), None)

    def expectation_of(self, persona: str) -> Expectation | None:
        return next((e for e in self.expectations if e.persona == persona), None)

    def future_of(self, persona: str) -> Future | None:
        return next((f for f in self.futures if f.persona == persona), None)

    def improvement_of(self, persona: str) -> float | None:
        """The planned improvement for `persona` here: to-be − as-is; None without both."""
        future, felt = self.future_of(persona), self.emotion_of(persona)
        return None if future is None or felt is None else future.value - felt.value

    @property
    def claims(self) -> tuple:
        """What evidence may back here: actions, thoughts, questions, emotions, pain points,
        opportunities and metrics, in that order."""
        return (*self.actions, *self.thoughts, *self.questions, *self.emotions, *self.pains,
                *self.opportunities, *self.metrics, *self.blueprint_steps)

    @property
    def blueprint_steps(self) -> tuple[Step, ...]:
        """The service blueprint's items here, lane by lane: evidence, frontstage,
        backstage, support."""
        return (*self.evidence, *self.frontstage, *self.backstage, *self.support)

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every item here that may have an id, an actor and hand-offs: the customer's
        actions, then `blueprint_steps`."""
        return (*self.actions, *self.blueprint_steps)

    @property
    def evidence_kinds(self) -> tuple[str, ...]:
        """The kinds of the sources its claims cite, each once, in SOURCE_KINDS order."""
        cited = {claim.source.kind for claim in self.claims if claim.source is not None}
        return tuple(kind for kind in SOURCE_KINDS if kind in cited)


@record
class ActionItem:
    text: str
    outcome: str | None = None
    owner: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    impact: str | None = None  # PRIORITY_LEVELS, as on an opportunity
    effort: str | None = None
    aims: tuple[str, ...] = ()  # personas whose `future`s in its stage it aims at
    aim_spans: tuple[Span, ...] = field(default=(), compare=False)


@record
class Stage:
    id: str
    name: str
    goals: tuple[Text, ...] = ()
    brand_actions: tuple[Text, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    action_items: tuple[ActionItem, ...] = ()
    notes: tuple[Text, ...] = ()
    metrics: tuple[Metric, ...] = ()  # measured for the stage as a whole
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)


@record
class FlowStep:
    """One arrow of a flow: into touchpoint `to`, or, when `to` is None, out of the
    journey (`-> exit`, a drop-off); `label` is written on the arrow."""

    to: str | None
    label: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    to_span: Span = field(default=NO_SPAN, compare=False)

    @property
    def is_exit(self) -> bool:
        return self.to is None


@record
class Flow:
    """A path between touchpoints: `flow maya: ad -> checkout "label" -> exit`.

    Without personas it is a path any customer may take; with personas it is (part of)
    their path, which then replaces the file-order path (see `cjmdsl.facts.flows`).
    """

    start: str
    steps: tuple[FlowStep, ...]
    personas: tuple[str, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    start_span: Span = field(default=NO_SPAN, compare=False)
    persona_spans: tuple[Span, ...] = field(default=(), compare=False)


KPI_KINDS = ("value", "retention", "churn", "growth")
# Which way is better for the kinds that say so themselves; `value` and `growth` need
# `higher` or `lower` (more support tickets is growth too).
BETTER_OF_KIND = {"retention": "higher", "churn": "lower"}


@record
class Kpi:
    """A key figure: a plain value (with an optional unit), or start/end counts giving
    retention, churn or growth in %. `direction` is `higher` or `lower` as written."""

    id: str
    name: str
    kind: str  # one of KPI_KINDS
    value: float | None = None
    percent: bool = False
    unit: str | None = None
    start: int | None = None
    end: int | None = None
    direction: str | None = None
    target: float | None = None
    stage: str | None = None  # the id of the stage it belongs to; None: the whole map's
    span: Span = field(default=NO_SPAN, compare=False)
    id_span: Span = field(default=NO_SPAN, compare=False)
    counts_span: Span = field(default=NO_SPAN, compare=False)
    stage_span: Span = field(default=NO_SPAN, compare=False)

    @property
    def actual(self) -> float | None:
        """The figure to show: the value, or retention/churn/growth as a percentage."""
        if self.kind == "value":
            return self.value
        if not self.start or self.end is None:
            return None
        if self.kind == "retention":
            return self.end / self.start * 100
        if self.kind == "growth":
            return (self.end - self.start) / self.start * 100
        return (self.start - self.end) / self.start * 100

    @property
    def is_percent(self) -> bool:
        return self.kind != "value" or self.percent

    @property
    def better(self) -> str | None:
        """`higher` or `lower`: which way is better, written or known from the kind; None
        when nobody said."""
        return self.direction or BETTER_OF_KIND.get(self.kind)

    @property
    def met(self) -> bool | None:
        """Whether the target is reached in the better direction; None without a target or
        without a direction (rather than a guess)."""
        actual = self.actual
        if self.target is None or actual is None or self.better is None:
            return None
        return actual <= self.target if self.better == "lower" else actual >= self.target


@record
class Metadata:
    """What a team tracks about the map itself: who owns it, how far it is (`status`), its
    `version`, the day it was last `updated` (ISO `2026-11-30`) and its `tags`."""

    owner: str | None = None
    status: str | None = None
    version: str | None = None
    updated: str | None = None
    tags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any((self.owner, self.status, self.version, self.updated, self.tags))


@record
class Journey:
    """A whole map. `source_name` is the file it came from, for messages."""

    title: str
    scale: Scale = DEFAULT_SCALE
    personas: tuple[Persona, ...] = ()
    stages: tuple[Stage, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    flows: tuple[Flow, ...] = ()
    sources: tuple[DeclaredSource, ...] = ()
    description: str | None = None
    theme: str | None = None
    lang: str | None = None  # the language the tool writes in (`lang "de"`); None: English
    channels: tuple[ChannelDeclaration, ...] = ()
    notes: tuple[Text, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    actors: tuple[Actor, ...] = ()
    source_name: str = field(default="<input>", compare=False)
    span: Span = field(default=NO_SPAN, compare=False)
    theme_span: Span = field(default=NO_SPAN, compare=False)
    lang_span: Span = field(default=NO_SPAN, compare=False)

    @cached_property  # asked for by most checks, the layout and every backend: made once
    def touchpoints(self) -> tuple[Touchpoint, ...]:
        return tuple(tp for stage in self.stages for tp in stage.touchpoints)

    @property
    def felt(self) -> bool:
        """Whether a touchpoint has an emotion or an expectation: a map with none (a pure
        service blueprint) has no emotion lane and no scale to explain."""
        return any(tp.emotions or tp.expectations for tp in self.touchpoints)

    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    @property
    def claims(self) -> tuple:
        """Every claim of the map: each touchpoint's (`Touchpoint.claims`), then the stages'
        metrics."""
        return (*(claim for tp in self.touchpoints for claim in tp.claims),
                *(metric for stage in self.stages for metric in stage.metrics))

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def source(self, source_id: str) -> DeclaredSource | None:
        return next((s for s in self.sources if s.id == source_id), None)
