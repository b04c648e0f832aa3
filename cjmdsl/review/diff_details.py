"""The parts of a map diff (`cjmdsl.review.diff`) that compare the newer language: declared sources
and the claims that cite them, metrics, what a pain or an opportunity says beyond its text
(its id, its personas, what it addresses, its scores), notes and motivations, channels, the
map's metadata and tags.

Each `compare_*` function appends typed change records to the list `diff` collects; the
sentences are `cjmdsl.words.sentences`'. `Ref` lives here so both modules name things alike.
"""
from __future__ import annotations

from dataclasses import replace

from cjmdsl.lanes import BLUEPRINT_FIELDS, fail_points
from cjmdsl.language.measured import responses_words
from cjmdsl.model import DeclaredSource, Finding, Journey, Metric, Source, Stage, Touchpoint, record
from cjmdsl.tuples import NamedTuple
from cjmdsl.words.numbers import on_scale

# A declared source's parts a diff compares, as the language writes them.
SOURCE_PARTS = (("kind", "kind"), ("title", "title"), ("size", "n"), ("collected", "collected"),
                ("url", "url"))
METRIC_FIGURES = ("value", "percent", "out_of", "unit", "direction", "target")
# What a pain point or an opportunity says besides its text, as the language writes it.
FINDING_PARTS = (("id", "id"), ("personas", "for"), ("addresses", "addresses"),
                 ("impact", "impact"), ("effort", "effort"), ("aims", "aims"))
# The claims at a touchpoint that may cite evidence, besides pains and opportunities.
CLAIM_FIELDS = {"action": "actions", "thought": "thoughts", "question": "questions"}
METADATA_FIELDS = ("owner", "status", "version", "updated")


@record
class Ref:
    """A named thing of the map as the diff points at it: its id and its name."""

    id: str
    name: str


@record
class SourceEdited:
    """A declared source kept (same id, or same title), with other parts: each of `parts`
    is (the part as the language writes it, before, after), None where it has none."""

    source: Ref
    parts: tuple[tuple[str, str | None, str | None], ...]
    section = "evidence"


@record
class MetricChanged:
    """A metric of a touchpoint or a stage (`where` says which) that came (`before` None),
    went (`after` None) or moved; `before.met` and `after.met` say whether it meets its
    target."""

    where: str
    at: Ref
    metric: str
    before: Metric | None
    after: Metric | None
    section = "metrics"


@record
class FindingEdited:
    """A pain point or an opportunity kept, with one `part` changed: its `text` (matched by
    its id), `id`, `for` (persona names), `addresses` (the texts of the pains it answers),
    `impact` or `effort`. Lists are tuples; None where there is none."""

    what: str
    touchpoint: Ref
    text: str
    part: str
    before: str | tuple[str, ...] | None
    after: str | tuple[str, ...] | None

    @property
    def section(self) -> str:
        return "pains" if self.what == "pain" else "opportunities"


@record
class EntryChanged:
    """One motivation, note, channel, tag, actor, blueprint item, fail point, wait, time or
    to-be (`what`) added or removed, on a touchpoint, a
    stage or the map (`where`; `at` None for the map)."""

    what: str
    where: str
    at: Ref | None
    text: str
    added: bool

    @property
    def section(self) -> str:
        return {"tag": "map", "actor": "map", "kpi_stage": "kpis", "future": "feelings",
                "measured": "feelings"}.get(
            self.what, "notes" if self.what in ("note", "motivation") else "touchpoints")


class _Named(NamedTuple):
    """A declared source as `diff.match` matches things: by id, then by name."""

    id: str
    name: str
    source: DeclaredSource


def ref(item) -> Ref:
    return Ref(item.id, item.name)


# ── the map ─────────────────────────────────────────────────────────────────
def compare_metadata(old: Journey, new: Journey, changes: list, text_changed) -> None:
    """Owner, status, version and updated as `text_changed` records, then the tags."""
    for name in METADATA_FIELDS:
        before, after = getattr(old.metadata, name), getattr(new.metadata, name)
        if before != after:
            changes.append(text_changed(name, before, after))
    compare_entries("tag", "map", None, old.metadata.tags, new.metadata.tags, changes)
    compare_entries("note", "map", None, [n.text for n in old.notes],
                    [n.text for n in new.notes], changes)
    compare_entries("actor", "map", None, [_actor_text(a) for a in old.actors],
                    [_actor_text(a) for a in new.actors], changes)
    compare_entries("kpi_stage", "map", None, _kpi_stages(old), _kpi_stages(new), changes)


def _kpi_stages(journey: Journey) -> list[str]:
    """Each KPI that belongs to a stage (`kpi … at checkout`), with the stage's name."""
    names = {stage.id: stage.name for stage in journey.stages}
    return [f"{kpi.name} at {names.get(kpi.stage, kpi.stage)}" for kpi in journey.kpis
            if kpi.stage]


def compare_sources(old: Journey, new: Journey, changes: list, match, added, removed,
                    renamed) -> None:
    """Declared sources added, removed, renamed (a new id or title) and edited."""
    pairs = match([_Named(s.id, s.title, s) for s in old.sources],
                  [_Named(s.id, s.title, s) for s in new.sources])
    for was, now in pairs:
        if was is None:
            changes.append(added("source", Ref(now.id, now.name)))
        elif now is None:
            changes.append(removed("source", Ref(was.id, was.name)))
        else:
            if (was.id, was.name) != (now.id, now.name):
                changes.append(renamed("source", Ref(was.id, was.name), Ref(now.id, now.name)))
            parts = tuple((written, _shown(getattr(was.source, name)),
                           _shown(getattr(now.source, name)))
                          for name, written in SOURCE_PARTS if name != "title"
                          and getattr(was.source, name) != getattr(now.source, name))
            if parts:
                changes.append(SourceEdited(Ref(now.id, now.name), parts))


def edited_sources(old: Journey, new: Journey) -> set[str]:
    """The ids of declared sources in both versions whose parts differ: what cites them
    reads differently."""
    was = {source.id: source for source in old.sources}
    return {source.id for source in new.sources
            if source.id in was and was[source.id] != source}


def cited(source: Source | None, journey: Journey) -> Source | None:
    """A citation of a declared source with the source's title as its detail, as a reader
    knows it; any other source as it is."""
    if source is None or source.cites is None:
        return source
    title = next((s.title for s in journey.sources if s.id == source.cites), None)
    return replace(source, detail=title)


def same_evidence(before: Source | None, after: Source | None) -> bool:
    """Two citations of one declared source are the same evidence even when the source's
    kind changed (its own record says so)."""
    if before is not None and after is not None and before.cites is not None:
        return before.cites == after.cites
    return before == after


# ── touchpoints and stages ──────────────────────────────────────────────────
def compare_claims(old: Touchpoint, new: Touchpoint, changes: list, source_changed,
                   before: Journey, after: Journey, personas) -> None:
    """The evidence of actions, thoughts, questions (matched by text), emotions (by
    persona) and metrics (by id) that both versions of a touchpoint have."""
    at = ref(new)
    for what, name in CLAIM_FIELDS.items():
        pairs, _ = paired(getattr(old, name), getattr(new, name), lambda claim: claim.text)
        for kept, claim in pairs:
            if kept is not None and not same_evidence(kept.source, claim.source):
                changes.append(source_changed(what, at, claim.text, cited(kept.source, before),
                                              cited(claim.source, after)))
    for old_persona, new_persona in personas:
        if old_persona is None or new_persona is None:
            continue
        felt = old.emotion_of(old_persona.id), new.emotion_of(new_persona.id)
        if None not in felt and not same_evidence(felt[0].source, felt[1].source):
            changes.append(source_changed("emotion", at, new_persona.name,
                                          cited(felt[0].source, before),
                                          cited(felt[1].source, after)))
    for kept, metric in paired(old.metrics, new.metrics, lambda metric: metric.id)[0]:
        if kept is not None and not same_evidence(kept.source, metric.source):
            changes.append(source_changed("metric", at, metric.name, cited(kept.source, before),
                                          cited(metric.source, after)))


def compare_metrics(where: str, old: Touchpoint | Stage, new: Touchpoint | Stage,
                    changes: list) -> None:
    """Metrics matched by id: added, removed, or with another figure or target."""
    at = ref(new)
    pairs, gone = paired(old.metrics, new.metrics, lambda metric: metric.id)
    for kept, metric in pairs:
        if kept is None or any(getattr(kept, name) != getattr(metric, name)
                               for name in METRIC_FIGURES):
            changes.append(MetricChanged(where, at, metric.id, kept, metric))
    changes += [MetricChanged(where, at, metric.id, metric, None) for metric in gone]


def paired(olds, news, key) -> tuple[list[tuple], list]:
    """Each new item with the first unused old one of the same `key` (or None), and the old
    items left over, in their order."""
    left = list(olds)
    pairs = []
    for item in news:
        index = next((i for i, old in enumerate(left) if key(old) == key(item)), None)
        pairs.append((None if index is None else left.pop(index), item))
    return pairs, left


def compare_texts(where: str, old, new, changes: list, before_scale=None,
                  after_scale=None) -> None:
    """Motivations and notes of a touchpoint or a stage; a touchpoint's channels, blueprint
    items, fail points, wait, time and to-be (on the scales of the two versions)."""
    at = ref(new)
    if where == "touchpoint":
        compare_entries("motivation", where, at, [m.text for m in old.motivations],
                        [m.text for m in new.motivations], changes)
        compare_entries("channel", where, at, [use.shown for use in old.channels],
                        [use.shown for use in new.channels], changes)
        for lane in BLUEPRINT_FIELDS:  # what the organisation does, and what the customer sees
            compare_entries(lane, where, at, [_step_text(s) for s in getattr(old, lane)],
                            [_step_text(s) for s in getattr(new, lane)], changes)
        compare_entries("fail", where, at, _fail_texts(old), _fail_texts(new), changes)
        for name in ("wait", "time"):
            compare_entries(name, where, at, [getattr(old, name).text] if getattr(old, name)
                            else [], [getattr(new, name).text] if getattr(new, name) else [],
                            changes)
        compare_entries("future", where, at, _future_texts(old, before_scale),
                        _future_texts(new, after_scale), changes)
        compare_entries("measured", where, at, _measured_texts(old, before_scale),
                        _measured_texts(new, after_scale), changes)
        compare_entries("details", where, at, [old.details.path] if old.details else [],
                        [new.details.path] if new.details else [], changes)
    compare_entries("note", where, at, [n.text for n in old.notes], [n.text for n in new.notes],
                    changes)


# The touchpoint items `compare_texts` compares entry by entry (the service blueprint's item by
# item); `cjm diff` names the other lanes of the lane table as a touchpoint's changed details.
COMPARED_ITEMS = ("motivations", "notes", *BLUEPRINT_FIELDS)


def _actor_text(actor) -> str:
    return actor.name + (f" ({actor.team})" if actor.team else "")


def _step_text(step) -> str:
    """A blueprint item as the diff names it: its text, and who does it."""
    return step.text + (f" (by {step.actor})" if step.actor else "")


def _fail_texts(tp: Touchpoint) -> list[str]:
    return [f"{lane.text_of(item)}: {item.fail}" for lane, item in fail_points(tp)]


def _future_texts(tp: Touchpoint, scale) -> list[str]:
    """A touchpoint's to-be per persona (`future maya +1 "relieved"`)."""
    return [f"{future.persona} {on_scale(future.value, scale)}"
            + (f" ({future.word})" if future.word else "") for future in tp.futures]


def _measured_texts(tp: Touchpoint, scale) -> list[str]:
    """What an emotion is measured from, per persona: the metric it is read off and the
    responses behind it (`maya from csat`, `maya n 212 · sd 1.2`)."""
    texts = []
    for emotion in tp.emotions:
        parts = [f"from {emotion.metric}"] if emotion.metric else []
        words = responses_words(emotion, scale) if scale is not None else None
        parts += [words] if words else []
        if parts:
            texts.append(f"{emotion.persona} {' · '.join(parts)}")
    return texts


def compare_entries(what: str, where: str, at: Ref | None, old, new, changes: list) -> None:
    """Entries of a list added and removed, each text counted once per occurrence."""
    left = list(old)
    for text in new:
        if text in left:
            left.remove(text)
        else:
            changes.append(EntryChanged(what, where, at, text, True))
    changes += [EntryChanged(what, where, at, text, False) for text in left]


# ── pains and opportunities ─────────────────────────────────────────────────
def same_finding(olds: list[Finding], finding: Finding) -> Finding | None:
    """The old finding this one is: the same text, else the same id."""
    kept = next((o for o in olds if o.text == finding.text), None)
    if kept is None and finding.id is not None:
        kept = next((o for o in olds if o.id == finding.id), None)
    return kept


def finding_edits(what: str, at: Ref, kept: Finding, finding: Finding, before: Journey,
                  after: Journey) -> list[FindingEdited]:
    """What changed in a kept finding besides its owner and evidence."""
    edits = []
    if kept.text != finding.text:
        edits.append(FindingEdited(what, at, finding.text, "text", kept.text, finding.text))
    for name, written in FINDING_PARTS:
        was, now = getattr(kept, name), getattr(finding, name)
        if was == now:
            continue
        if name in ("personas", "aims"):
            was, now = _persona_names(was, before), _persona_names(now, after)
        elif name == "addresses":
            was, now = _pain_texts(was, before), _pain_texts(now, after)
        edits.append(FindingEdited(what, at, finding.text, written, was, now))
    return edits


def _persona_names(ids: tuple[str, ...], journey: Journey) -> tuple[str, ...]:
    names = {persona.id: persona.name for persona in journey.personas}
    return tuple(names.get(persona, persona) for persona in ids)


def _pain_texts(ids: tuple[str, ...], journey: Journey) -> tuple[str, ...]:
    texts = {pain.id: pain.text for tp in journey.touchpoints for pain in tp.pains if pain.id}
    return tuple(texts.get(pain, pain) for pain in ids)


def _shown(value) -> str | None:
    return None if value is None else str(value)
