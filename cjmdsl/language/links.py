"""Linked journeys: a touchpoint that opens the map telling it in detail.

`details "checkout-detail.cjm"` on a touchpoint names another map by a path relative to the
map's file, under the same rule as a library (`paths.inside`: inside the project, not
absolute). The link is checked when the map compiles: the file exists, is a map (not a
library) and compiles without errors. What the master map shows of it is read then too
(`LinkedMap`): the map's title, its size, and each persona's curve as fractions of its
scale, so that the master journey can summarise its sub-journeys without reading them again.

The linked map is compiled on its own, with its libraries but without following its own
links: a master and its sub-journey may link to each other without a cycle. Its file (and
its libraries) join the files the master depends on, so the cache and the watchers see an
edit of the sub-journey.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from cjmdsl import model as m
from cjmdsl.language.diagnostics import Diagnostic, Label, Origin, error

# The codes of linked journeys, with their short names (`cjm explain` pages in
# cjmdsl/language/codes/).
LINK_CODES = {
    "E115": "linked map not found or unreadable",
    "E116": "linked map outside the project",
    "E117": "linked map has errors",
    "E118": "`details` names a library, not a map",
    "E119": "`details` without a file",
}


def linked_map(importer, written: str, span: m.Span) -> tuple[m.LinkedMap, list[Diagnostic]]:
    """The map `written` names from the file `importer` compiles (cjmdsl.language.libraries), with
    what the master shows of it, and the diagnostics of checking it. Without an importer
    (a text without a file) the link cannot be checked: E119."""
    link = m.LinkedMap(written, span=span)
    if importer is None or importer.path is None:
        return link, [error("E119", "`details` needs the map to be read from a file", span,
                            f"save the map to a file, so that `{written}` is found beside it")]
    if not importer.libraries.follow_links:
        return link, []  # a linked map's own links are checked when it is compiled itself
    from cjmdsl.language.libraries import missing_hint
    from cjmdsl.language.paths import PathRefused, inside

    folder = importer.path.parent
    try:
        target = inside(written, folder, importer.libraries.roots(folder), absolute=False)
    except PathRefused as refused:
        hint = refused.hint
        if refused.rule == "is an absolute path":
            hint = 'write the path relative to this file, for example `details "checkout.cjm"`'
        elif refused.rule.startswith("leads outside the project"):
            hint = ("keep linked maps inside the project (the folder of cjm.toml or "
                    "pyproject.toml, else the map's folder), or list their folder in "
                    "$CJM_ALLOW_PATHS")
        return link, [error("E116", f"`{written}` {refused.rule}", span, hint)]
    if target not in importer.libraries.files:
        importer.libraries.files.append(target)
    if not target.exists():
        return link, [error("E115", f"cannot find the linked map `{written}`", span,
                            missing_hint(target, written))]
    return _checked(importer, target, written, link)


def _checked(importer, target: Path, written: str,
             link: m.LinkedMap) -> tuple[m.LinkedMap, list[Diagnostic]]:
    """`link` read off the map at `target`, or the diagnostic saying why it cannot be."""
    from cjmdsl.language.compile import compile_text
    from cjmdsl.language.libraries import Libraries, read_used_file

    span = link.span
    name = os.path.normpath(os.path.join(os.path.dirname(importer.name), written))
    text, problems, reason = read_used_file(target, importer.libraries.limits)
    if reason is not None:
        return link, [error("E115", f"cannot read the linked map `{written}`: {reason}", span,
                            "give the path of a readable map file")]
    own = Libraries(root=importer.libraries.root, limits=importer.libraries.limits,
                    known_themes=importer.libraries.known_themes, follow_links=False)
    result = compile_text(text, name, own.known_themes,
                          importer=None if problems else own.importer(target, name, text))
    for file in own.files:
        if file not in importer.libraries.files:
            importer.libraries.files.append(file)
    errors = [d for d in (*problems, *result.errors) if d.is_error]
    if errors:
        first = errors[0]
        where = first.origin or Origin(name, text)
        count = f"{len(errors)} errors" if len(errors) > 1 else "an error"
        return link, [error("E117", f"the linked map `{written}` has {count}", span,
                            f"fix it first: `cjm check {name}`",
                            (Label(first.span, f"{first.code}: {first.message}", where),))]
    if result.library:
        return link, [error("E118", f"`{written}` is a library, not a map", span,
                            "`details` opens a journey map; a library of personas and "
                            "sources is brought in with `use`")]
    return summarised(link, result.journey), []


def summarised(link: m.LinkedMap, journey: m.Journey) -> m.LinkedMap:
    """What the master shows of the map it links to: title, size and each persona's curve,
    every value as a fraction of that map's scale (0 its lowest, 1 its highest)."""
    scale = journey.scale
    width = (scale.high - scale.low) or 1
    curves = []
    for persona in journey.personas:
        felt = [(tp, tp.emotion_of(persona.id)) for tp in journey.touchpoints]
        felt = [(tp, e) for tp, e in felt if e is not None]
        if not felt:
            continue
        low_tp, low = min(felt, key=lambda pair: pair[1].value)
        curves.append(m.LinkedCurve(
            persona.id, tuple((e.value - scale.low) / width for _, e in felt),
            lowest=low_tp.name, lowest_value=low.value))
    return replace(link, title=journey.title, touchpoints=len(journey.touchpoints),
                   curves=tuple(curves), low=scale.low, high=scale.high)


def linked_output(written: str, extension: str) -> str:
    """Where a drawing links to: the linked map's output of the same format, beside it as
    `cjm render` names it (`checkout.cjm` → `checkout.html`), written as a relative URL."""
    from urllib.parse import quote

    path = Path(written.replace("\\", "/"))
    return quote(path.with_suffix(extension).as_posix(), safe="/")
