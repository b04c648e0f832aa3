"""Sentences about a map written for people, where more than one output says them: the
summary that screen readers hear, the alt text of a map's picture, an action item's line.
(Figures are in `numbers`, KPI sentences in `kpis`, channel labels in `channels`.)"""
from __future__ import annotations

from collections.abc import Callable

from cjmdsl.facts.answers import pain_touchpoints
from cjmdsl.model import ActionItem, Journey, Scale
from cjmdsl.words.locales import in_its_language, say, say_counted
from cjmdsl.words.numbers import counted, on_scale, signed

__all__ = ["say", "summary", "alt_text", "action_item", "finding_links", "metadata_line"]


def finding_links(finding, journey: Journey, addresses: bool = True) -> list[str]:
    """The tags that tie a pain point or opportunity to the rest of the map, as every output
    shows them: its own id (`#fee`), the personas it is for (by name) and, unless the output
    links them one by one (`addresses=False`), the pain points it addresses
    (`Addresses: #fee`, see `addressed_pains`)."""
    labels = [f"#{finding.id}"] if finding.id else []
    if finding.personas:
        names = [journey.persona(p).name if journey.persona(p) else p for p in finding.personas]
        labels.append(say("finding_for", personas=", ".join(names)))
    if addresses and finding.addresses:
        labels.append(say("finding_addresses", pains=", ".join(
            label for _, label in addressed_pains(finding, journey))))
    return labels


def addressed_pains(opportunity, journey: Journey) -> list[tuple[str, str]]:
    """Each pain point the opportunity addresses, by id, with how its tag names it: `#fee`,
    and the name of the pain's touchpoint when that is another (`#fee (Checkout)`). Asked
    of every finding an output shows, so one that addresses nothing walks no touchpoint."""
    if not opportunity.addresses:
        return []
    at = pain_touchpoints(journey)
    own = next((tp for tp in journey.touchpoints
                if any(o is opportunity for o in tp.opportunities)), None)
    return [(pain, f"#{pain}" if at.get(pain, own) is own else f"#{pain} ({at[pain].name})")
            for pain in opportunity.addresses]


def metadata_line(journey: Journey) -> str | None:
    """The map's owner, status, version, date and tags in one line (None without any), for
    the header of the SVG, the HTML page and the Markdown."""
    meta = journey.metadata
    parts = []
    if meta.owner:
        parts.append(say("owner", owner=meta.owner))
    if meta.status:
        parts.append(say("meta_status", status=meta.status))
    if meta.version:
        parts.append(say("meta_version", version=meta.version))
    if meta.updated:
        parts.append(say("meta_updated", date=meta.updated))
    if meta.tags:
        parts.append(say("meta_tags", tags=", ".join(meta.tags)))
    return " · ".join(parts) or None


@in_its_language
def summary(journey: Journey) -> str:
    """The map in a few sentences, for screen readers: the SVG's `<desc>`, and after the
    title the alt text of the docs plugins; in the map's language."""
    touchpoints = journey.touchpoints
    parts = [say("summary_map", stages=say_counted("stages", len(journey.stages)),
                 names=_listed(s.name for s in journey.stages),
                 touchpoints=say_counted("touchpoints", len(touchpoints)))]
    if journey.personas:
        parts.append(say_counted("summary_personas", len(journey.personas),
                                 names=_listed(p.name for p in journey.personas)))
    for persona in journey.personas:
        felt = [(e.value, tp.name) for tp in touchpoints for e in tp.emotions
                if e.persona == persona.id]
        if felt:
            parts.append(_feeling(persona.name, felt, journey.scale))
    moments = [tp.name for tp in touchpoints if tp.moment_of_truth]
    if moments:
        parts.append(say_counted("summary_moments", len(moments), names=_listed(moments)))
    pains = sum(len(tp.pains) for tp in touchpoints)
    if pains:
        parts.append(say_counted("summary_pains", pains))
    if journey.description:
        parts.insert(0, journey.description)
    return say("sentence_separator").join(parts)


def _listed(names) -> str:
    return say("list_separator").join(names)


def _feeling(name: str, felt: list[tuple[float, str]], scale: Scale) -> str:
    """How a persona feels, from its (value, touchpoint name) pairs in map order: its worst
    and best, or one phrase when every value is the same."""
    low, high = min(felt, key=lambda f: f[0]), max(felt, key=lambda f: f[0])
    if low[0] != high[0]:
        return say("feels_worst_best", name=name, worst=low[1],
                   worst_value=on_scale(low[0], scale), best=high[1],
                   best_value=on_scale(high[0], scale))
    value = on_scale(low[0], scale)
    if len(felt) == 1:
        return say("feels_at", name=name, value=value, touchpoint=low[1])
    if len(felt) == 2:
        return say("feels_at_both", name=name, value=value,
                   touchpoints=_listed(tp for _, tp in felt))
    return say_counted("feels_at_all", len(felt), name=name, value=value,
                       touchpoints=_listed(tp for _, tp in felt))


@in_its_language
def alt_text(journey: Journey) -> str:
    """The alt text of a map's picture in the docs (Sphinx, MkDocs): its title, then its
    summary."""
    return say("alt_text", title=journey.title, summary=summary(journey))


def action_item(item: ActionItem, quote: Callable[[str], str] = str,
                owner: str = "({})") -> str:
    """An action item on one line, `Offer a call-back → shorter waits (Contact centre)`:
    what to do, what it should bring, who owns it. `quote` escapes each user text for the
    output; `owner` frames the owner (Markdown sets it in italics: `*({})*`)."""
    text = quote(item.text)
    if item.outcome:
        text += f" → {quote(item.outcome)}"
    if item.owner:
        text += " " + owner.format(quote(item.owner))
    return text


def linked_summary(link, journey: Journey) -> str:
    """What a linked map holds, in a line: "3 touchpoints · Ann lowest at Card form (-2)"
    (each persona by the master's name for it, when the master knows it)."""
    names = {persona.id: persona.name for persona in journey.personas}
    parts = [say_counted("touchpoints", link.touchpoints)]
    parts += [say("details_lowest", persona=names.get(curve.persona, curve.persona),
                  touchpoint=curve.lowest, value=on_scale(curve.lowest_value, link))
              for curve in link.curves]
    return " · ".join(parts)


def continued(stage_name: str) -> str:
    """The header of a stage's part on a row after its first: `Onboarding (continued)`."""
    return say("stage_continued", stage=stage_name)


# ── what changed between two versions of a map (`cjm diff`, cjmdsl.review.diff) ──
def change(record, quote: Callable[[str], str] = str) -> str:
    """One change of a map diff (a record of `cjmdsl.review.diff`) as a sentence a product manager
    reads: `Maya feels 3 points better at Checkout: -2 → +1`. `quote` escapes each user
    text for the output."""
    from cjmdsl.review import diff

    sentences = {
        diff.TextChanged: _text_changed, diff.Added: _added, diff.Removed: _removed,
        diff.Renamed: _renamed, diff.Moved: _moved, diff.FeelingChanged: _feeling_changed,
        diff.FindingAdded: _finding_added, diff.FindingRemoved: _finding_removed,
        diff.OwnerChanged: _owner_changed, diff.SourceChanged: _source_changed,
        diff.KpiChanged: _kpi_changed, diff.DetailsChanged: _details_changed,
        diff.SourceEdited: _source_edited, diff.MetricChanged: _metric_changed,
        diff.FindingEdited: _finding_edited, diff.EntryChanged: _entry_changed,
    }
    return sentences[type(record)](record, quote)


def diff_summary(map_diff, quote: Callable[[str], str] = str) -> str:
    """The diff in one line of counts: `1 touchpoint added, 2 feelings better, 1 pain
    resolved`; `No changes` when there are none."""
    from cjmdsl.review import diff

    if map_diff.status == "added":
        return f"New map “{quote(map_diff.new_title)}”"
    if map_diff.status == "removed":
        return f"Map “{quote(map_diff.old_title)}” removed"
    parts = []
    for kind, verb in ((diff.Added, "added"), (diff.Removed, "removed"),
                       (diff.Renamed, "renamed")):
        for what, noun, nouns in _NOUNS:
            count = len(map_diff.of(kind, what))
            if count:
                parts.append(f"{counted(count, noun, nouns)} {verb}")
    if map_diff.of(diff.Moved):
        parts.append(f"{counted(len(map_diff.of(diff.Moved)), 'touchpoint')} moved")
    felt = map_diff.of(diff.FeelingChanged)
    better = sum(1 for f in felt if (f.delta or 0) > 0)
    worse = sum(1 for f in felt if (f.delta or 0) < 0)
    if better:
        parts.append(f"{counted(better, 'feeling')} better")
    if worse:
        parts.append(f"{counted(worse, 'feeling')} worse")
    if len(felt) - better - worse:
        parts.append(f"{counted(len(felt) - better - worse, 'feeling')} changed otherwise")
    for kind, what, noun, nouns, verb in (
            (diff.FindingAdded, "pain", "pain point", None, "added"),
            (diff.FindingRemoved, "pain", "pain point", None, "resolved"),
            (diff.FindingAdded, "opportunity", "opportunity", "opportunities", "added"),
            (diff.FindingRemoved, "opportunity", "opportunity", "opportunities", "dropped")):
        count = len(map_diff.of(kind, what))
        if count:
            parts.append(f"{counted(count, noun, nouns)} {verb}")
    edited = len({(e.what, e.touchpoint.id, e.text) for e in map_diff.of(diff.FindingEdited)})
    if edited:
        parts.append(f"{counted(edited, 'pain point or opportunity', 'pain points or opportunities')}"
                     " edited")
    for kind, noun, nouns in ((diff.OwnerChanged, "new owner", None),
                              (diff.SourceChanged, "evidence change", None),
                              (diff.SourceEdited, "source edited", "sources edited"),
                              (diff.KpiChanged, "KPI moved", "KPIs moved"),
                              (diff.MetricChanged, "metric change", None)):
        count = len(map_diff.of(kind))
        if count:
            parts.append(counted(count, noun, nouns))
    entries = map_diff.of(diff.EntryChanged)
    for what in ("motivation", "note", "channel", "tag", "actor", "evidence", "frontstage",
                 "backstage", "support", "fail", "wait", "time", "future", "measured",
                 "details", "kpi_stage"):
        for added, verb in ((True, "added"), (False, "removed")):
            count = sum(1 for e in entries if e.what == what and e.added == added)
            if count:
                parts.append(f"{counted(count, _in_sentence(_WHAT[what]))} {verb}")
    texts = map_diff.of(diff.TextChanged)
    titles = sum(1 for t in texts if t.field in ("title", "description"))
    for count, noun in ((titles, "title or description change"),
                        (len(texts) - titles, "map detail change"),
                        (len(map_diff.of(diff.DetailsChanged)), "other edit")):
        if count:
            parts.append(counted(count, noun))
    return ", ".join(parts) if parts else "No changes"


# The pills on the touchpoints of a diff's drawing (`cjm diff --svg`, cjmdsl.layout.changes).
DIFF_MARKS = {"new": "New", "changed": "Changed",
              "before": "Dashed: the emotions before the change"}
_NOUNS = (("persona", "persona", None), ("stage", "stage", None),
          ("touchpoint", "touchpoint", None), ("kpi", "KPI", None), ("source", "source", None))
# What the sections of a diff are called, in the order of `cjmdsl.review.diff.SECTIONS`.
DIFF_SECTIONS = {"map": "Map", "personas": "Personas", "stages": "Stages",
                 "touchpoints": "Touchpoints", "feelings": "Feelings",
                 "pains": "Pain points", "opportunities": "Opportunities",
                 "evidence": "Evidence", "kpis": "KPIs", "metrics": "Metrics",
                 "notes": "Notes and motivations", "details": "Other edits"}
_WHAT = {"persona": "Persona", "stage": "Stage", "touchpoint": "Touchpoint", "kpi": "KPI",
         "pain": "Pain point", "opportunity": "Opportunity", "map": "The map",
         "source": "Source", "action": "Action", "thought": "Thought", "question": "Question",
         "metric": "Metric", "motivation": "Motivation", "note": "Note", "channel": "Channel",
         "tag": "Tag", "actor": "Actor", "evidence": "Evidence item",
         "frontstage": "Frontstage action", "backstage": "Backstage action",
         "support": "Support process", "fail": "Fail point", "wait": "Wait", "time": "Time",
         "future": "To-be", "measured": "Measurement", "details": "Linked map",
         "kpi_stage": "KPI of a stage"}


def short_name(name: str) -> str:
    """A persona's name as a sentence uses it: up to the first comma (`Maya` for `Maya,
    busy parent`)."""
    return name.split(",", 1)[0].strip() or name


def _text_changed(record, quote) -> str:
    field = record.field.capitalize()
    if record.before is None:
        return f"{field} added: “{quote(record.after)}”"
    if record.after is None:
        return f"{field} removed (was “{quote(record.before)}”)"
    return f"{field}: “{quote(record.before)}” → “{quote(record.after)}”"


def _named(ref, quote) -> str:
    return f"“{quote(ref.name)}”"


def _added(record, quote) -> str:
    where = f" in {quote(record.stage.name)}" if record.stage else ""
    what = _WHAT[record.what]
    return f"New {what if what.isupper() else what.lower()}{where}: {_named(record.item, quote)}"


def _removed(record, quote) -> str:
    where = f" from {quote(record.stage.name)}" if record.stage else ""
    return f"{_WHAT[record.what]} removed{where}: {_named(record.item, quote)}"


def _renamed(record, quote) -> str:
    before, after, what = record.before, record.after, _WHAT[record.what]
    if before.id == after.id:
        return f"{what} {_named(before, quote)} is now called {_named(after, quote)}"
    if before.name == after.name:
        return (f"{what} {_named(after, quote)} has a new id: "
                f"{quote(before.id)} → {quote(after.id)}")
    return (f"{what} {_named(before, quote)} ({quote(before.id)}) is now "
            f"{_named(after, quote)} ({quote(after.id)})")


def _moved(record, quote) -> str:
    return (f"Touchpoint {_named(record.touchpoint, quote)} moved from "
            f"{quote(record.before.name)} to {quote(record.after.name)}")


def _feeling_changed(record, quote) -> str:
    who, where = quote(short_name(record.persona.name)), quote(record.touchpoint.name)
    before, after = record.emotion_before, record.emotion_after
    was = None if before is None else on_scale(before, record.scale_before)
    now = None if after is None else on_scale(after, record.scale_after)
    if before is None and after is not None:
        text = f"{who} now feels {now} at {where}"
    elif after is None and before is not None:
        text = f"{who}'s feeling at {where} was taken out (was {was})"
    elif record.delta:
        points = counted(abs(record.delta), "point")
        better = "better" if record.delta > 0 else "worse"
        text = f"{who} feels {points} {better} at {where}: {was} → {now}"
    elif record.word_before != record.word_after and before is not None:
        text = (f"{who} at {where}: “{quote(record.word_before or '')}” → "
                f"“{quote(record.word_after or '')}” (still {now})")
    elif before is None:
        text = f"{who} at {where} (no emotion)"
    else:
        text = f"{who} still feels {now} at {where}"
    return text + _expectation(record)


def _expectation(record) -> str:
    """What moved in the expectation and the gap, after a feeling's sentence. A gap is a
    difference, so it is signed on any scale."""
    before, after = record.expected_before, record.expected_after
    notes = []
    if before != after:
        notes.append(f"expected {_value(before, record.scale_before)} → "
                     f"{_value(after, record.scale_after)}")
    gaps = record.gap_before, record.gap_after
    if gaps[0] != gaps[1] and None not in gaps:
        notes.append(f"gap {signed(gaps[0])} → {signed(gaps[1])}")
    elif gaps[1] is not None and gaps[0] is None:
        notes.append(f"gap {signed(gaps[1])}")
    return f" ({'; '.join(notes)})" if notes else ""


def _value(value: float | None, scale: Scale) -> str:
    return "none" if value is None else on_scale(value, scale)


def _evidence(source, quote) -> str:
    detail = f" “{quote(source.detail)}”" if source.detail else ""
    return f"{quote(source.kind)}{detail}"


def _finding_added(record, quote) -> str:
    what = "pain point" if record.what == "pain" else "opportunity"
    text = f"New {what} at {quote(record.touchpoint.name)}: “{quote(record.text)}”"
    if record.owner:
        text += f", owned by {quote(record.owner)}"
    if record.source:
        text += f" (evidence: {_evidence(record.source, quote)})"
    return text


def _finding_removed(record, quote) -> str:
    if record.what == "pain":
        verb = "gone with the touchpoint" if record.with_touchpoint else "resolved"
        text = f"Pain point {verb} at {quote(record.touchpoint.name)}: “{quote(record.text)}”"
    else:
        verb = "gone with the touchpoint" if record.with_touchpoint else "dropped"
        text = f"Opportunity {verb} at {quote(record.touchpoint.name)}: “{quote(record.text)}”"
        if record.owner:
            text += f" (was owned by {quote(record.owner)})"
    return text


def _owner_changed(record, quote) -> str:
    subject = (f"{_WHAT[record.what]} “{quote(record.text)}” at "
               f"{quote(record.touchpoint.name)}")
    if record.before is None:
        return f"{subject} is now owned by {quote(record.after)}"
    if record.after is None:
        return f"{subject} has no owner any more (was {quote(record.before)})"
    return f"{subject} has a new owner: {quote(record.before)} → {quote(record.after)}"


def _source_changed(record, quote) -> str:
    where = quote(record.touchpoint.name)
    if record.what == "emotion":
        subject = f"{quote(short_name(record.text))}'s emotion at {where}"
    elif record.what == "metric":
        subject = f"Metric {quote(record.text)} at {where}"
    else:
        subject = f"{_WHAT[record.what]} “{quote(record.text)}” at {where}"
    if record.before is None:
        return f"{subject} now has evidence: {_evidence(record.after, quote)}"
    if record.after is None:
        return f"{subject} lost its evidence: {_evidence(record.before, quote)}"
    return (f"{subject} has other evidence: {_evidence(record.before, quote)} → "
            f"{_evidence(record.after, quote)}")


def _kpi_changed(record, quote) -> str:
    return _figure_moved(quote(record.after.name), record.before, record.after)


def _figure_moved(subject: str, before, after) -> str:
    """A KPI's or a metric's figure and target, before and after, and whether it now meets
    its target: `Conversion: 11% → 16% (now meets its target ≥ 15%)`."""
    from cjmdsl.words import kpis

    text = f"{subject}: {kpis.figure(before)} → {kpis.figure(after)}"
    if kpis.target(before) != kpis.target(after):
        text += f", target {kpis.target(before) or 'none'} → {kpis.target(after) or 'none'}"
    status = kpis.status(before), kpis.status(after)
    target = kpis.target(after)
    meets = {("missed", "met"): f"now meets its target {target}",
             ("met", "missed"): f"no longer meets its target {target}",
             ("met", "met"): f"still meets its target {target}",
             ("missed", "missed"): f"still misses its target {target}",
             (None, "met"): f"meets its target {target}",
             (None, "missed"): f"misses its target {target}"}.get(status)
    return f"{text} ({meets})" if meets else text


def _details_changed(record, quote) -> str:
    parts = ", ".join(part.replace("_", " ") for part in record.parts)
    if record.item is None:
        return f"{_WHAT['map']}'s {parts} changed"
    return f"{_WHAT[record.what]} {_named(record.item, quote)}: {parts} changed"


def _source_edited(record, quote) -> str:
    parts = "; ".join(f"{name} {_part(before, quote)} → {_part(after, quote)}"
                      for name, before, after in record.parts)
    return f"Source {_named(record.source, quote)} ({quote(record.source.id)}): {parts}"


def _part(value, quote) -> str:
    return "none" if value is None else quote(value)


def _metric_changed(record, quote) -> str:
    from cjmdsl.words import kpis

    metric = record.after or record.before
    where = quote(record.at.name) if record.where == "touchpoint" else \
        f"stage {quote(record.at.name)}"
    if record.before is None:
        return f"New metric at {where}: {quote(kpis.metric_text(metric))}"
    if record.after is None:
        return f"Metric removed from {where}: {quote(kpis.metric_text(metric))}"
    return _figure_moved(f"Metric {quote(metric.name)} at {where}", record.before, record.after)


def _finding_edited(record, quote) -> str:
    subject = (f"{_WHAT[record.what]} “{quote(record.text)}” at "
               f"{quote(record.touchpoint.name)}")
    before, after = record.before, record.after
    if record.part == "text":
        return (f"{_WHAT[record.what]} at {quote(record.touchpoint.name)} reworded: "
                f"“{quote(before)}” → “{quote(after)}”")
    if record.part == "for":
        return (f"{subject} is now for {_people(after, quote)} "
                f"(was for {_people(before, quote)})")
    if record.part == "addresses":
        return (f"{subject} now addresses {_quoted(after, quote)} "
                f"(was {_quoted(before, quote)})")
    return f"{subject}: {record.part} {_part(before, quote)} → {_part(after, quote)}"


def _people(names, quote) -> str:
    return ", ".join(quote(short_name(name)) for name in names) if names else "every persona"


def _quoted(texts, quote) -> str:
    return ", ".join(f"“{quote(text)}”" for text in texts) if texts else "no pain point"


def _in_sentence(name: str) -> str:
    """A name inside a sentence: lower case, but an acronym stays (`KPI of a stage`)."""
    first = name.split()[0]
    return name if first.isupper() else name.lower()


def _entry_changed(record, quote) -> str:
    what = _WHAT[record.what]
    if record.where == "map":
        where = "the map"
    elif record.where == "stage":
        where = f"stage {quote(record.at.name)}"
    else:
        where = quote(record.at.name)
    text = quote(record.text) if record.what in ("channel", "tag") else f"“{quote(record.text)}”"
    if record.added:
        return (f"New {_in_sentence(what)} {'on' if record.where == 'map' else 'at'} "
                f"{where}: {text}")
    return f"{what} removed from {where}: {text}"
