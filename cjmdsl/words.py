"""Sentences about a map written for people, where more than one output says them: the
summary that screen readers hear, the alt text of a map's picture, an action item's line.
(Figures are in `numbers`, KPI sentences in `kpis`, channel labels in `channels`.)"""
from __future__ import annotations

from collections.abc import Callable

from cjmdsl.locales import in_its_language, say, say_counted
from cjmdsl.model import ActionItem, Journey, Scale
from cjmdsl.numbers import on_scale

__all__ = ["say", "summary", "alt_text", "action_item"]


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
