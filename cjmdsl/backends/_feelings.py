"""What each persona feels and expects at a touchpoint, looked up from the emotions that
exist: the HTML page and the Markdown report list them per touchpoint, and a loop over every
persona at every touchpoint made a map of 2,000 of each take tens of seconds."""
from __future__ import annotations

from cjmdsl.model import Emotion, Expectation, Journey, Persona, Touchpoint


def at(tp: Touchpoint) -> dict[str, tuple[Emotion | None, Expectation | None]]:
    """persona id -> (emotion, expectation) at `tp`, the first of each as `emotion_of` and
    `expectation_of` find them, for the personas that have either."""
    found: dict[str, list] = {}
    for emotion in tp.emotions:
        pair = found.setdefault(emotion.persona, [None, None])
        pair[0] = pair[0] or emotion
    for expectation in tp.expectations:
        pair = found.setdefault(expectation.persona, [None, None])
        pair[1] = pair[1] or expectation
    return {persona: (felt, hoped) for persona, (felt, hoped) in found.items()}


def in_persona_order(journey: Journey, tp: Touchpoint,
                     order: dict[str, int]) -> list[tuple[int, Persona, Emotion | None,
                                                          Expectation | None]]:
    """(index, persona, emotion, expectation) for each persona with either at `tp`, in the
    order of `journey.personas` (`order` maps each persona id to its index)."""
    rows = [(order[persona], felt, hoped) for persona, (felt, hoped) in at(tp).items()
            if persona in order]
    rows.sort(key=lambda row: row[0])
    return [(index, journey.personas[index], felt, hoped) for index, felt, hoped in rows]


def persona_order(journey: Journey) -> dict[str, int]:
    """persona id -> its index in the map (the first, if an id were repeated)."""
    order: dict[str, int] = {}
    for index, persona in enumerate(journey.personas):
        order.setdefault(persona.id, index)
    return order
