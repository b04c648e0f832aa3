"""As-is and to-be: the journey as it is (each touchpoint's `emotion`s) and as the team
plans it (`future maya +1` beside `emotion maya -2`), the improvement planned at each
touchpoint, and the opportunities and action items that aim at it (`aims maya`).

A touchpoint without a `future` for a persona is planned to stay as it is: the to-be
curve goes through its as-is emotion there.
"""
from __future__ import annotations

from dataclasses import replace

from cjmdsl import model as m
from cjmdsl.language.diagnostics import Candidates, Diagnostic, closest, error, warning
from cjmdsl.tuples import NamedTuple

AS_IS, TO_BE, BOTH = "as_is", "to_be", "both"
STATES = (AS_IS, TO_BE, BOTH)  # what `--state` and the config's `state` take


def has_to_be(journey: m.Journey) -> bool:
    """Whether the map plans a to-be state anywhere."""
    return any(tp.futures for tp in journey.touchpoints)


def in_state(journey: m.Journey, state: str | None) -> m.Journey:
    """The journey as `state` shows it: BOTH (or None) as written; AS_IS without the to-be;
    TO_BE with each persona's planned emotion in place of the as-is one (unchanged where
    nothing is planned) and no to-be of its own."""
    if state in (None, BOTH) or not has_to_be(journey):
        return journey
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}; the states are {', '.join(STATES)}")

    def staged(tp: m.Touchpoint) -> m.Touchpoint:
        if not tp.futures:
            return tp
        if state == AS_IS:
            return replace(tp, futures=())
        planned = {future.persona: future for future in tp.futures}
        emotions = [_planned(emotion, planned.pop(emotion.persona, None))
                    for emotion in tp.emotions]
        emotions += [m.Emotion(f.persona, f.value, f.word, f.span, f.persona_span,
                               f.value_span) for f in planned.values()]
        return replace(tp, emotions=tuple(emotions), futures=())

    return replace(journey, stages=tuple(
        replace(stage, touchpoints=tuple(staged(tp) for tp in stage.touchpoints))
        for stage in journey.stages))


def _planned(emotion: m.Emotion, future: m.Future | None) -> m.Emotion:
    """The to-be emotion: the planned value and word; a plan has no responses or spread."""
    if future is None:
        return emotion
    return m.Emotion(emotion.persona, future.value, future.word, future.span,
                     future.persona_span, future.value_span)


class Improvement(NamedTuple):
    """The change planned for one persona at one touchpoint: from the as-is emotion (None
    when the map has none there) to the to-be; `change` is to-be − as-is (None without an
    as-is); `aimed_by` are the texts of the opportunities and action items that aim at it."""

    touchpoint: m.Touchpoint
    persona: m.Persona | None
    as_is: m.Emotion | None
    to_be: m.Future
    aimed_by: tuple[str, ...]

    @property
    def change(self) -> float | None:
        return self.touchpoint.improvement_of(self.to_be.persona)


def improvements(journey: m.Journey) -> list[Improvement]:
    """Every planned change, in map order and the personas' order at each touchpoint."""
    order = {persona.id: index for index, persona in enumerate(journey.personas)}
    found = []
    for stage in journey.stages:
        for tp in stage.touchpoints:
            for future in sorted(tp.futures, key=lambda f: order.get(f.persona, len(order))):
                aimed = tuple(item.text for item in (*tp.opportunities, *stage.action_items)
                              if future.persona in item.aims)
                found.append(Improvement(tp, journey.persona(future.persona),
                                         tp.emotion_of(future.persona), future, aimed))
    return found


def _check_futures(journey: m.Journey) -> list[Diagnostic]:
    """A `future` where the persona has no emotion (W190): there is no as-is to improve."""
    found = []
    for tp in journey.touchpoints:
        felt = {emotion.persona for emotion in tp.emotions}
        known = {persona.id for persona in journey.personas}
        for future in tp.futures:
            if future.persona in known and future.persona not in felt:
                found.append(warning(
                    "W190", f"`{future.persona}` has a to-be at `{tp.id}` but no emotion",
                    future.span, f"add `emotion {future.persona} …` for the as-is, so the "
                                 "improvement shows"))
    return found


def _check_aims(journey: m.Journey) -> list[Diagnostic]:
    """`aims` naming an unknown persona (E012), or one without a to-be where the item
    works (E103): at the opportunity's touchpoint, in the action item's stage."""
    found = []
    persona_ids = [persona.id for persona in journey.personas]
    candidates = Candidates(persona_ids)
    for stage in journey.stages:
        planned_in_stage = {f.persona for tp in stage.touchpoints for f in tp.futures}
        places = [(o, {f.persona for f in tp.futures}, f"touchpoint `{tp.id}`")
                  for tp in stage.touchpoints for o in tp.opportunities]
        places += [(item, planned_in_stage, f"stage `{stage.id}`")
                   for item in stage.action_items]
        for item, planned, where in places:
            for persona, span in zip(item.aims, item.aim_spans):
                if persona not in persona_ids:
                    match = closest(persona, candidates)
                    found.append(error("E012", f"unknown persona `{persona}`", span,
                                       f"did you mean `{match}`?" if match else
                                       "known personas: " + ", ".join(
                                           f"`{p}`" for p in persona_ids[:8])))
                elif persona not in planned:
                    found.append(error(
                        "E103", f"`{persona}` has no to-be in {where} to aim at", span,
                        f"add `future {persona} …` beside `emotion {persona} …` in "
                        + ("it" if where.startswith("touchpoint") else "one of its touchpoints")))
    return found


STATE_CHECKS = (_check_futures, _check_aims)
