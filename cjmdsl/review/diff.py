"""A semantic diff of two versions of a map: what changed for the people on it.

`diff(old, new)` compares two compiled journeys and returns a `MapDiff`: typed change
records in a stable order (sections as in `SECTIONS`, then map order). It prints nothing;
`cjmdsl.review.diff_format` writes the records as text, Markdown or JSON, in the sentences of
`cjmdsl.words.sentences`. Either side may be None: a map that is new (everything added) or deleted.

Stages, touchpoints, personas, KPIs and declared sources are matched by id; what is left
over by name (an id that changed), and stages and touchpoints then by position (an id and a
name that both changed: the same place, and something in common). Pains and opportunities
are matched by their text within matched touchpoints, then by their id; metrics by id.
The newer parts of the language are compared in `cjmdsl.review.diff_details`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields

from cjmdsl.review import diff_details as details
from cjmdsl.lanes import ITEM_KINDS
from cjmdsl.review.diff_details import (EntryChanged, FindingEdited, MetricChanged, Ref,
                                        SourceEdited, cited, same_evidence, same_finding)
from cjmdsl.model import (DEFAULT_SCALE, Claim, Finding, Journey, Kpi, Persona, Scale, Source,
                          Stage, Touchpoint, record)

# The sections of a diff, in the order every output lists them.
SECTIONS = ("map", "personas", "stages", "touchpoints", "feelings", "pains", "opportunities",
            "evidence", "kpis", "metrics", "notes", "details")
FINDING_FIELDS = {"pain": "pains", "opportunity": "opportunities"}


@record
class TextChanged:
    """The map's title or description, or its owner, status, version or updated date
    changed (`field` names which)."""

    field: str
    before: str | None
    after: str | None
    section = "map"


@record
class Added:
    """A persona, stage, touchpoint, KPI or declared source (`what`) that is new; a
    touchpoint names its stage."""

    what: str
    item: Ref
    stage: Ref | None = None

    @property
    def section(self) -> str:
        return _plural(self.what)


@record
class Removed:
    """A persona, stage, touchpoint, KPI or declared source (`what`) that is gone; a
    touchpoint names the stage it was in."""

    what: str
    item: Ref
    stage: Ref | None = None

    @property
    def section(self) -> str:
        return _plural(self.what)


@record
class Renamed:
    """The same persona, stage, touchpoint, KPI or declared source under another name (a
    source's title), another id, or both."""

    what: str
    before: Ref
    after: Ref

    @property
    def section(self) -> str:
        return _plural(self.what)


@record
class Moved:
    """A touchpoint now in another stage."""

    touchpoint: Ref
    before: Ref
    after: Ref
    section = "touchpoints"


@record
class FeelingChanged:
    """How a persona feels at a touchpoint moved (`emotion`), or what it expected there
    (`expected`), or the word for it; None where the version has none. The values are
    points on each version's scale (`numbers.on_scale` writes them)."""

    persona: Ref
    touchpoint: Ref
    emotion_before: float | None
    emotion_after: float | None
    expected_before: float | None
    expected_after: float | None
    word_before: str | None = None
    word_after: str | None = None
    scale_before: Scale = DEFAULT_SCALE
    scale_after: Scale = DEFAULT_SCALE
    section = "feelings"

    @property
    def delta(self) -> float | None:
        """How far the emotion moved (positive: better); None unless both versions have one."""
        if self.emotion_before is None or self.emotion_after is None:
            return None
        return self.emotion_after - self.emotion_before

    @property
    def gap_before(self) -> float | None:
        return _gap(self.emotion_before, self.expected_before)

    @property
    def gap_after(self) -> float | None:
        return _gap(self.emotion_after, self.expected_after)


@record
class _FindingChange:
    """A pain or an opportunity (`what`) at a touchpoint that came or went;
    `with_touchpoint` when the touchpoint came or went with it."""

    what: str
    touchpoint: Ref
    text: str
    owner: str | None = None
    source: Source | None = None
    with_touchpoint: bool = False

    @property
    def section(self) -> str:
        return FINDING_FIELDS[self.what]


@record
class FindingAdded(_FindingChange):
    """A pain or an opportunity that is new at a touchpoint."""


@record
class FindingRemoved(_FindingChange):
    """A pain (resolved) or an opportunity (dropped) that is gone."""


@record
class OwnerChanged:
    """A pain or an opportunity kept, with a new owner (None: no owner now, or before)."""

    what: str
    touchpoint: Ref
    text: str
    before: str | None
    after: str | None

    @property
    def section(self) -> str:
        return FINDING_FIELDS[self.what]


@record
class SourceChanged:
    """The evidence for a claim at a touchpoint (`what`: a pain, an opportunity, an action,
    a thought, a question, an emotion or a metric; `text` its text, the persona's name or
    the metric's): added (`before` None), dropped (`after` None) or replaced. A citation of
    a declared source carries the source's title as its detail."""

    what: str
    touchpoint: Ref
    text: str
    before: Source | None
    after: Source | None
    section = "evidence"


@record
class KpiChanged:
    """A KPI whose figure, target or direction moved; `before.met` and `after.met` say
    whether it meets its target (cjmdsl.words.kpis words it)."""

    kpi: Ref
    before: Kpi
    after: Kpi
    section = "kpis"


@record
class DetailsChanged:
    """Other parts of a persona, stage, touchpoint or the map (`what`) changed: `parts` names
    the model fields (actions, goals, channel, scale, flows, …), for a reader to look at."""

    what: str
    item: Ref | None
    parts: tuple[str, ...]
    section = "details"


Change = (TextChanged | Added | Removed | Renamed | Moved | FeelingChanged | FindingAdded
          | FindingRemoved | OwnerChanged | SourceChanged | KpiChanged | DetailsChanged
          | SourceEdited | MetricChanged | FindingEdited | EntryChanged)


@record
class MapDiff:
    """Two versions of one map: `status` is `changed` (or `unchanged`), `added` (no old
    version) or `removed` (no new one)."""

    old_title: str | None
    new_title: str | None
    status: str
    changes: tuple[Change, ...]

    def of(self, kind: type, what: str | None = None) -> tuple:
        """The changes of one record type (and one `what`, for those that have it)."""
        return tuple(c for c in self.changes if isinstance(c, kind)
                     and (what is None or getattr(c, "what", None) == what))


def diff(old: Journey | None, new: Journey | None) -> MapDiff:
    """Every change from `old` to `new`, in the order of SECTIONS and then of the maps."""
    changes: list = []
    before, after = old or Journey(title=""), new or Journey(title="")
    if old is not None and new is not None:
        for name in ("title", "description"):
            if getattr(old, name) != getattr(new, name):
                changes.append(TextChanged(name, getattr(old, name), getattr(new, name)))
        details.compare_metadata(old, new, changes, TextChanged)
    details.compare_sources(before, after, changes, match, Added, Removed, Renamed)
    personas = _compare_named("persona", before.personas, after.personas, changes,
                              _persona_details)
    stages = match(before.stages, after.stages, _same_stage_place(before, after))
    _report_pairs("stage", stages, changes, _stage_details)
    for old_stage, new_stage in stages:
        if old_stage and new_stage:
            details.compare_metrics("stage", old_stage, new_stage, changes)
            details.compare_texts("stage", old_stage, new_stage, changes)
    touchpoints = _match_touchpoints(before, after, stages)
    _report_touchpoints(touchpoints, stages, changes)
    for old_tp, new_tp in touchpoints:
        if old_tp and new_tp:
            changes += _feelings(old_tp, new_tp, personas, before, after)
            details.compare_claims(old_tp, new_tp, changes, SourceChanged, before, after,
                                   personas)
            details.compare_metrics("touchpoint", old_tp, new_tp, changes)
            details.compare_texts("touchpoint", old_tp, new_tp, changes, before.scale,
                                  after.scale)
        for what, field_name in FINDING_FIELDS.items():
            changes += _findings(what, old_tp, new_tp, field_name, before, after)
    _compare_named("kpi", before.kpis, after.kpis, changes, None, _kpi_moved)
    if old is not None and new is not None:
        parts = tuple(name for name in ("scale", "flows", "theme", "channels")
                      if getattr(old, name) != getattr(new, name))
        if parts:
            changes.append(DetailsChanged("map", None, parts))
    order = {section: index for index, section in enumerate(SECTIONS)}
    ordered = sorted(enumerate(changes), key=lambda pair: (order[pair[1].section], pair[0]))
    status = "added" if old is None else "removed" if new is None else \
        "changed" if changes else "unchanged"
    return MapDiff(old and old.title, new and new.title, status,
                   tuple(change for _, change in ordered))


# ── matching ────────────────────────────────────────────────────────────────
Pair = tuple  # (old or None, new or None)


def match(old: Sequence, new: Sequence,
          same_place: Callable[[object, object], bool] | None = None) -> list[Pair]:
    """Pairs of the same thing in two versions: by id, then by name, then (with
    `same_place`) by place. Unpaired old items come as (old, None), new ones as (None, new);
    the list follows the new version, each removed item after its old predecessor."""
    pairs: dict[int, int] = {}  # new index -> old index
    taken: set[int] = set()
    old_ids = {item.id: index for index, item in enumerate(old)}
    for index, item in enumerate(new):
        if item.id in old_ids:
            pairs[index] = old_ids[item.id]
    taken |= set(pairs.values())
    rules = [lambda a, b: a.name == b.name]
    if same_place:
        rules.append(same_place)
    for rule in rules:
        for index, item in enumerate(new):
            if index in pairs:
                continue
            found = next((o for o, candidate in enumerate(old)
                          if o not in taken and rule(candidate, item)), None)
            if found is not None:
                pairs[index] = found
                taken.add(found)
    return _in_order(old, new, pairs, taken)


def _in_order(old: Sequence, new: Sequence, pairs: dict[int, int], taken: set[int]) -> list[Pair]:
    removed = [o for o in range(len(old)) if o not in taken]
    result: list[Pair] = []
    for index, item in enumerate(new):
        if index in pairs:
            while removed and removed[0] < pairs[index]:
                result.append((old[removed.pop(0)], None))
            result.append((old[pairs[index]], item))
        else:
            result.append((None, item))
    result += [(old[o], None) for o in removed]
    return result


def _same_stage_place(old: Journey, new: Journey):
    """A stage whose id and name both changed: at the same position, with a touchpoint or a
    goal in common."""
    def same(a: Stage, b: Stage) -> bool:
        if old.stages.index(a) != new.stages.index(b):
            return False
        return bool({tp.id for tp in a.touchpoints} & {tp.id for tp in b.touchpoints}
                    or set(a.goals) & set(b.goals))
    return same


def _match_touchpoints(old: Journey, new: Journey, stages: list[Pair]) -> list[Pair]:
    """Touchpoints across the whole map (a touchpoint may move to another stage); one whose
    id and name changed at the same position of its stage, with the same channel or an item
    in common."""
    stage_of_new = {new_stage.id: old_stage for old_stage, new_stage in stages
                    if old_stage and new_stage}

    def same_place(a: Touchpoint, b: Touchpoint) -> bool:
        old_stage = stage_of_new.get(b.stage)
        if old_stage is None or a.stage != old_stage.id:
            return False
        new_stage = next(s for s in new.stages if s.id == b.stage)
        if old_stage.touchpoints.index(a) != new_stage.touchpoints.index(b):
            return False
        return (a.channel is not None and a.channel == b.channel) or bool(_items(a) & _items(b))

    return match(old.touchpoints, new.touchpoints, same_place)


def touchpoint_pairs(old: Journey, new: Journey) -> list[Pair]:
    """Each touchpoint of `new` with the one of `old` it is (None for a new one), matched as
    `diff` matches them; the drawing of a diff reads them."""
    stages = match(old.stages, new.stages, _same_stage_place(old, new))
    return [pair for pair in _match_touchpoints(old, new, stages) if pair[1] is not None]


# The lanes of items whose change a touchpoint's DetailsChanged names: every item kind of the
# lane table but the findings (compared one by one) and those `diff_details` compares entry by
# entry, so that a new lane is compared without being named here.
TOUCHPOINT_ITEMS = tuple(kind.field for kind in ITEM_KINDS
                         if not kind.findings and kind.field not in details.COMPARED_ITEMS)


def _items(tp: Touchpoint) -> set[str]:
    return {item.text for name in ("actions", "thoughts", "questions", "pains", "opportunities")
            for item in getattr(tp, name)}


# ── reporting ───────────────────────────────────────────────────────────────
def _ref(item) -> Ref:
    return Ref(item.id, item.name)


def _report_pairs(what: str, pairs: Iterable[Pair], changes: list,
                  details: Callable | None = None, moved: Callable | None = None) -> None:
    for old, new in pairs:
        if old is None:
            changes.append(Added(what, _ref(new)))
        elif new is None:
            changes.append(Removed(what, _ref(old)))
        else:
            if (old.id, old.name) != (new.id, new.name):
                changes.append(Renamed(what, _ref(old), _ref(new)))
            if moved:
                changes += moved(old, new)
            parts = details(old, new) if details else ()
            if parts:
                changes.append(DetailsChanged(what, _ref(new), parts))


def _compare_named(what: str, old: Sequence, new: Sequence, changes: list,
                   details: Callable | None = None, moved: Callable | None = None) -> list[Pair]:
    pairs = match(old, new)
    _report_pairs(what, pairs, changes, details, moved)
    return pairs


def _report_touchpoints(pairs: list[Pair], stages: list[Pair], changes: list) -> None:
    new_stage_of_old = {old.id: new for old, new in stages if old and new}
    for old, new in pairs:
        if old is None:
            changes.append(Added("touchpoint", _ref(new), _stage_named(new.stage, stages, 1)))
        elif new is None:
            changes.append(Removed("touchpoint", _ref(old), _stage_named(old.stage, stages, 0)))
        else:
            if (old.id, old.name) != (new.id, new.name):
                changes.append(Renamed("touchpoint", _ref(old), _ref(new)))
            kept = new_stage_of_old.get(old.stage)
            if kept is None or kept.id != new.stage:
                changes.append(Moved(_ref(new), _stage_named(old.stage, stages, 0),
                                     _stage_named(new.stage, stages, 1)))
            parts = _differing(old, new, (*TOUCHPOINT_ITEMS, "moment_of_truth"))
            if parts:
                changes.append(DetailsChanged("touchpoint", _ref(new), parts))


def _stage_named(stage_id: str, stages: list[Pair], side: int) -> Ref:
    stage = next(pair[side] for pair in stages if pair[side] and pair[side].id == stage_id)
    return _ref(stage)


def _differing(old, new, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(name for name in names if _texts(getattr(old, name)) != _texts(getattr(new, name)))


def _texts(value):
    """Claims as their texts: their evidence is compared on its own (SourceChanged)."""
    if isinstance(value, tuple):
        return tuple(item.text if isinstance(item, Claim) else item for item in value)
    return value


def _persona_details(old: Persona, new: Persona) -> tuple[str, ...]:
    return _differing(old, new, (f.name for f in fields(Persona)
                                 if f.compare and f.name not in ("id", "name")))


def _stage_details(old: Stage, new: Stage) -> tuple[str, ...]:
    return _differing(old, new, ("goals", "brand_actions", "action_items"))


def _kpi_moved(old: Kpi, new: Kpi) -> list[KpiChanged]:
    figures = ("kind", "value", "percent", "unit", "start", "end", "direction", "target")
    if all(getattr(old, name) == getattr(new, name) for name in figures):
        return []
    return [KpiChanged(_ref(new), old, new)]


def _feelings(old: Touchpoint, new: Touchpoint, personas: list[Pair], before: Journey,
              after: Journey) -> list[FeelingChanged]:
    changes = []
    for old_persona, new_persona in personas:
        if old_persona is None or new_persona is None:
            continue  # the persona's own record says it came or went
        felt = old.emotion_of(old_persona.id), new.emotion_of(new_persona.id)
        hoped = old.expectation_of(old_persona.id), new.expectation_of(new_persona.id)
        values = tuple(None if e is None else e.value for e in (*felt, *hoped))
        words = tuple(None if e is None else e.word for e in felt)
        if values[0] != values[1] or values[2] != values[3] or words[0] != words[1]:
            changes.append(FeelingChanged(_ref(new_persona), _ref(new), *values, *words,
                                          before.scale, after.scale))
    return changes


def _findings(what: str, old: Touchpoint | None, new: Touchpoint | None,
              field_name: str, before: Journey, after: Journey) -> list:
    """Findings added and removed at one touchpoint (matched by text, then by id, each
    once), and the owners, sources and other parts of those kept."""
    olds: list[Finding] = list(getattr(old, field_name)) if old else []
    news: list[Finding] = list(getattr(new, field_name)) if new else []
    whole = old is None or new is None
    changes: list = []
    kept_of = {}
    for finding in news:  # the same text first, so a reworded finding cannot take its place
        kept_of[id(finding)] = next((o for o in olds if o.text == finding.text), None)
        if kept_of[id(finding)] is not None:
            olds.remove(kept_of[id(finding)])
    for finding in news:
        kept = kept_of[id(finding)] or same_finding(olds, finding)
        if kept is None:
            changes.append(FindingAdded(what, _ref(new), finding.text, finding.owner,
                                        cited(finding.source, after), whole))
            continue
        if kept_of[id(finding)] is None:
            olds.remove(kept)
        changes += details.finding_edits(what, _ref(new), kept, finding, before, after)
        if kept.owner != finding.owner:
            changes.append(OwnerChanged(what, _ref(new), finding.text, kept.owner, finding.owner))
        if not same_evidence(kept.source, finding.source):
            changes.append(SourceChanged(what, _ref(new), finding.text,
                                         cited(kept.source, before), cited(finding.source, after)))
    changes += [FindingRemoved(what, _ref(old), o.text, o.owner, cited(o.source, before), whole)
                for o in olds]
    return changes


def _gap(emotion: float | None, expected: float | None) -> float | None:
    return None if emotion is None or expected is None else emotion - expected


def _plural(what: str) -> str:
    return {"persona": "personas", "stage": "stages", "touchpoint": "touchpoints",
            "kpi": "kpis", "source": "evidence"}[what]
