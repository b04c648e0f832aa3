"""Sentences about a map written for people, where more than one output says them: the
summary that screen readers hear, the alt text of a map's picture, an action item's line.
(Figures are in `numbers`, KPI sentences in `kpis`, channel labels in `channels`.)"""
from __future__ import annotations

from collections.abc import Callable

from cjmdsl.model import ActionItem, Journey, Scale
from cjmdsl.numbers import counted, number, on_scale, plural


def summary(journey: Journey) -> str:
    """The map in a few sentences, for screen readers: the SVG's `<desc>`, and after the
    title the alt text of the docs plugins."""
    touchpoints = journey.touchpoints
    parts = [
        f"Customer journey map with {counted(len(journey.stages), 'stage')} "
        f"({', '.join(s.name for s in journey.stages)}) and "
        f"{counted(len(touchpoints), 'touchpoint')}."
    ]
    if journey.personas:
        parts.append(f"{plural(len(journey.personas), 'Persona')}: "
                     + ", ".join(p.name for p in journey.personas) + ".")
    for persona in journey.personas:
        felt = [(e.value, tp.name) for tp in touchpoints for e in tp.emotions
                if e.persona == persona.id]
        if felt:
            parts.append(_feeling(persona.name, felt, journey.scale))
    moments = [tp.name for tp in touchpoints if tp.moment_of_truth]
    if moments:
        parts.append(f"{plural(len(moments), 'Moment of truth', 'Moments of truth')}: "
                     + ", ".join(moments) + ".")
    pains = sum(len(tp.pains) for tp in touchpoints)
    if pains:
        parts.append(f"{counted(pains, 'pain point')}.")
    if journey.description:
        parts.insert(0, journey.description)
    return " ".join(parts)


def _feeling(name: str, felt: list[tuple[float, str]], scale: Scale) -> str:
    """How a persona feels, from its (value, touchpoint name) pairs in map order: its worst
    and best, or one phrase when every value is the same."""
    low, high = min(felt, key=lambda f: f[0]), max(felt, key=lambda f: f[0])
    if low[0] != high[0]:
        return (f"{name} feels worst at {low[1]} ({on_scale(low[0], scale)}) "
                f"and best at {high[1]} ({on_scale(high[0], scale)}).")
    if len(felt) == 1:
        return f"{name} feels {on_scale(low[0], scale)} at {low[1]}."
    every = "both" if len(felt) == 2 else f"all {number(len(felt))}"
    return (f"{name} feels {on_scale(low[0], scale)} at {every} touchpoints "
            f"({', '.join(tp for _, tp in felt)}).")


def alt_text(journey: Journey) -> str:
    """The alt text of a map's picture in the docs (Sphinx, MkDocs): its title, then its
    summary."""
    return f"{journey.title}. {summary(journey)}"


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
