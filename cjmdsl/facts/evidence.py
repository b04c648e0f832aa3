"""What backs a map's claims: which claims cite each declared source, and how well each
touchpoint is backed (its evidence level), computed once for every backend.

A touchpoint's level counts the kinds of source (`model.SOURCE_KINDS`) its claims cite:
`none`, `one` kind, or `several` kinds (say a survey and interviews). It reads exactly the
sources cited at the touchpoint, declared or inline.
"""
from __future__ import annotations

from cjmdsl.model import DeclaredSource, Emotion, Journey, Touchpoint, record

NONE, ONE, SEVERAL = "none", "one", "several"
LEVELS = (NONE, ONE, SEVERAL)
# What a claim is called in a list of what cites a source, by the touchpoint field holding it.
_CLAIM_NAMES = {"actions": "action", "thoughts": "thought", "questions": "question",
                "emotions": "emotion", "pains": "pain point", "opportunities": "opportunity",
                "metrics": "metric"}


def level(touchpoint: Touchpoint) -> str:
    """`none`, `one` or `several`: how many kinds of source the touchpoint's claims cite."""
    kinds = len(touchpoint.evidence_kinds)
    return NONE if kinds == 0 else ONE if kinds == 1 else SEVERAL


def cites_any(journey: Journey) -> bool:
    """Whether any claim of the map cites a source: only then are evidence levels shown
    (a map that cites nothing would say `no evidence` at every touchpoint)."""
    return any(tp.evidence_kinds for tp in journey.touchpoints)


@record
class Citation:
    """One claim citing a declared source: where (the touchpoint's name, or the stage's for a
    stage's metric), what kind of claim (`pain point`, `emotion`), and for an emotion whose."""

    where: str
    claim: str
    persona: str | None = None


def citations(journey: Journey) -> dict[str, tuple[Citation, ...]]:
    """For each declared source id (in declaration order), the claims citing it, in map order."""
    found: dict[str, list[Citation]] = {source.id: [] for source in journey.sources}

    def note(where: str, claim, claim_name: str) -> None:
        source = claim.source
        if source is not None and source.cites in found:
            persona = claim.persona if isinstance(claim, Emotion) else None
            found[source.cites].append(Citation(where, claim_name, persona))

    for stage in journey.stages:
        for tp in stage.touchpoints:
            for field, claim_name in _CLAIM_NAMES.items():
                for claim in getattr(tp, field):
                    note(tp.name, claim, claim_name)
        for metric in stage.metrics:
            note(stage.name, metric, "metric")
    return {key: tuple(value) for key, value in found.items()}


def cited_by(citations_of: tuple[Citation, ...], journey: Journey) -> list[str]:
    """The claims citing a source, grouped by touchpoint for a reader: `Checkout: pain point,
    emotion (Maya)`."""
    grouped: dict[str, list[str]] = {}
    for citation in citations_of:
        name = citation.claim
        if citation.persona is not None:
            persona = journey.persona(citation.persona)
            name += f" ({persona.name if persona else citation.persona})"
        names = grouped.setdefault(citation.where, [])
        if name not in names:
            names.append(name)
    return [f"{where}: {', '.join(names)}" for where, names in grouped.items()]


def sample(source: DeclaredSource) -> str | None:
    """The sample size as a reader sees it: `n = 212`."""
    return None if source.size is None else f"n = {source.size:,}"


def source_parts(source, journey: Journey) -> tuple[str, list[str]]:
    """How a citation reads on a card or in a list: its kind (`Survey`), then the declared
    source's title and the citation's detail, when there are any."""
    details = []
    declared = journey.source(source.cites) if source.cites else None
    if declared is not None:
        details.append(declared.title)
    if source.detail:
        details.append(source.detail)
    return source.kind.capitalize(), details
