"""Libraries: the declarations a map brings in with `use "personas.cjm"`.

A library is a file whose block is `library "Title" { … }`: it holds declarations only
(personas, sources, channels, the scale, and any other map-level declaration with an id),
no stages, KPIs or flows. A map (or another library) names it by a path relative to its own
file; the path must stay inside the project root after links are followed (`paths.inside`).
Each file is loaded once per map, however many paths lead to it (diamonds), and a file that
leads back to itself is a cycle (E108, with the chain of files).

What a map gets from a library is generic over the declarations: every tuple field of the
library's Journey whose items have an `id` (and the scale, when the library states one) is
handed to the map's Builder as if the map had written it, before the map's own items. A
declaration the map writes with the same id refines it (`refined`); one the map never refers
to is left out (`referred`), so a map of one persona does not draw the library's five. Their
spans are moved to the `use` line that brought them: every diagnostic about the map then
points into the map. Mistakes inside a library are reported at the library's own line and
column, with a note at each `use` that led there.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from cjmdsl import model as m
from cjmdsl.language.diagnostics import Candidates, Diagnostic, Label, Origin, closest, error
from cjmdsl.language.limits import MOST_IMPORT_DEPTH, MOST_IMPORTED_FILES, Limits
from cjmdsl.model import record

# The codes of using libraries, with their short names (`cjm explain` pages in
# cjmdsl/language/codes/).
LIBRARY_CODES = {
    "E105": "library not found or unreadable",
    "E106": "library outside the project",
    "E108": "libraries used in a cycle",
    "E109": "too many libraries, or nested too deep",
    "E110": "stage, KPI or flow in a library",
    "E111": "one id declared by two libraries",
    "E112": "a library given to render",
    "E113": "`use` without a file",
    "E114": "`use` of a map, not a library",
}
# What a library may not hold: the content of a map.
CONTENT_FIELDS = ("stages", "kpis", "flows")


@record
class UsedLibrary:
    """A library a file uses: its resolved `path`, its `name` as messages show it, the `span`
    of the `use` statement, and the library compiled on its own (its spans are its own; None
    when it could not be loaded)."""

    path: Path
    name: str
    span: m.Span
    journey: m.Journey | None = None
    libraries: tuple[UsedLibrary, ...] = ()  # those it uses in turn


@dataclass
class _Loaded:
    """One library file, loaded once per map."""

    name: str
    declarations: tuple = ()  # the library's declarations, with its own spans
    scale: m.Scale | None = None  # the scale the library states, if it does
    journey: m.Journey | None = None
    libraries: tuple[UsedLibrary, ...] = ()


@dataclass
class Libraries:
    """Every library one map needs, loaded once each: the map's importer and those of its
    libraries share it. `files` are the library files read or looked for (a missing one
    too, so that a watcher sees it appear), in the order found. `root` is the project the
    libraries must be in; None: the project of the map's folder (`paths.project_root`),
    looked up at the first `use` only."""

    root: Path | None = None
    limits: Limits = field(default_factory=Limits)
    known_themes: tuple = ()
    loaded: dict[Path, _Loaded] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    # False for a linked map checked for its master (cjmdsl.language.links)
    follow_links: bool = True

    def roots(self, folder: Path) -> tuple[Path, ...]:
        """Where libraries may be: the project root, and the folders of $CJM_ALLOW_PATHS."""
        from cjmdsl.language.paths import allowed_roots, project_root

        if self.root is None:
            self.root = project_root(folder)
        return allowed_roots(self.root)

    def importer(self, path: Path | None, name: str, text: str) -> Importer:
        """The importer of the map at `path` (None: a text without a file), shown as `name`."""
        return Importer(self, path, name, text, ())


@dataclass
class Importer:
    """Loads the libraries one file uses (`load`), for its Builder."""

    libraries: Libraries
    path: Path | None
    name: str
    text: str
    chain: tuple[tuple[Path, str], ...]  # the files that led here (path, name), the map first
    used: list[UsedLibrary] = field(default_factory=list)

    @property
    def origin(self) -> Origin:
        return Origin(self.name, self.text)

    @staticmethod
    def without_file(written: str, span: m.Span) -> tuple[list, list[Diagnostic]]:
        """E113: a text compiled without a file (standard input, the API) has no folder for
        `written` to be relative to."""
        return [], [error("E113", "`use` needs the map to be read from a file", span,
                          "save the map to a file and give its path, so that "
                          f"`{written}` is found beside it")]

    def load(self, written: str, span: m.Span) -> tuple[list, list[Diagnostic]]:
        """The declarations of the library `written` names, as `(declaration, library name,
        use span)` entries, and the diagnostics of loading it (its errors, noted here)."""
        if self.path is None:
            return self.without_file(written, span)
        target, problem = self._resolve(written, span)
        if problem is not None:
            return [], [problem]
        name = os.path.normpath(os.path.join(os.path.dirname(self.name), written))
        loaded = self.libraries.loaded.get(target)
        problems: list[Diagnostic] = []
        if loaded is None:
            loaded, problems = self._compile(target, name, span)
        self.used.append(UsedLibrary(target, loaded.name, span, loaded.journey,
                                     loaded.libraries))
        entries = [(_respanned(d, span), loaded.name, span) for d in loaded.declarations]
        if loaded.scale is not None:
            entries.append((_respanned(loaded.scale, span), loaded.name, span))
        return entries, problems

    def _resolve(self, written: str, span: m.Span) -> tuple[Path | None, Diagnostic | None]:
        """The file `written` names, or the diagnostic saying why it cannot be used."""
        from cjmdsl.language.paths import PathRefused, inside

        try:
            target = inside(written, self.path.parent, self.libraries.roots(self.path.parent),
                            absolute=False)
        except PathRefused as refused:
            return None, error("E106", f"`{written}` {refused.rule}", span,
                               _refused_hint(refused))
        chain = (*self.chain, (self.path.resolve(), self.name))
        names = [name for _, name in chain]
        if target in (path for path, _ in chain):
            again = next(name for path, name in chain if path == target)
            return None, error("E108", "`use` cycle: " + " → ".join([*names, again]), span,
                               "a library cannot use itself, directly or through others: "
                               "move what both need into a third library")
        if len(self.chain) >= MOST_IMPORT_DEPTH:
            return None, error("E109", f"libraries nested more than {MOST_IMPORT_DEPTH} deep: "
                                       + " → ".join(names), span,
                               "use the library from the map directly")
        if target not in self.libraries.files:
            self.libraries.files.append(target)
        if target not in self.libraries.loaded and \
                len(self.libraries.loaded) >= MOST_IMPORTED_FILES:
            return None, error("E109", f"the map uses more than {MOST_IMPORTED_FILES} library "
                                       "files", span, "merge small libraries into one")
        if not target.exists():
            return None, error("E105", f"cannot find `{written}`", span,
                               missing_hint(target, written))
        return target, None

    def _compile(self, target: Path, name: str, span: m.Span) -> tuple[_Loaded, list]:
        """Read and compile the library at `target` on its own; its errors, noted at `span`."""
        from cjmdsl.language.compile import compile_text

        loaded = _Loaded(name)
        self.libraries.loaded[target] = loaded  # before compiling: a cycle finds it named
        note = (Label(span, f"`{name}` is used here", self.origin),)
        text, problems, reason = read_used_file(target, self.libraries.limits)
        if reason is not None:
            return loaded, [error("E105", f"cannot read `{name}`: {reason}", span,
                                  "give the path of a readable library file")]
        if problems:
            return loaded, [d.located(Origin(name, ""), note) for d in problems]
        importer = Importer(self.libraries, target, name, text,
                            (*self.chain, (self.path.resolve(), self.name)))
        result = compile_text(text, name, self.libraries.known_themes, importer=importer)
        loaded.libraries = tuple(importer.used)
        found = [d.located(Origin(name, text), note) for d in result.errors]
        if result.journey is not None and not result.library:
            found.append(error("E114", f"`{name}` is a map, not a library", span,
                               f'a library is written `library "…" {{ … }}`: move the '
                               "personas and sources both maps need into one, and `use` it"))
        if result.journey is not None and result.library:
            loaded.journey = result.journey
            loaded.declarations = declarations(result.journey)
            if result.journey.scale.span != m.NO_SPAN:
                loaded.scale = result.journey.scale
        return loaded, found


def read_used_file(target: Path, limits: Limits) -> tuple[str, list, str | None]:
    """The text of a file a map names (a library, a linked map) and its decoding problems,
    or why it cannot be read (the third item, None when it could)."""
    from cjmdsl.api import read_map_file
    from cjmdsl.language.paths import PathRefused

    try:
        text, problems = read_map_file(target, limits)
    except (OSError, PathRefused) as exc:
        return "", [], exc.rule if isinstance(exc, PathRefused) else exc.strerror or str(exc)
    return text, problems, None


def declarations(journey: m.Journey) -> tuple:
    """Every declaration of a library, generic over the kinds: the items of each tuple field
    of the Journey whose items have an id, the map's content (stages, KPIs, flows) aside."""
    found = []
    for item_field in dataclasses.fields(journey):
        value = getattr(journey, item_field.name)
        if item_field.name in CONTENT_FIELDS or not isinstance(value, tuple):
            continue
        found += [item for item in value if hasattr(item, "id")]
    return tuple(found)


def _refused_hint(refused) -> str:
    """How to name a library the path rule refused (`paths.inside`)."""
    if refused.rule == "is an absolute path":
        return 'write the path relative to this file, for example `use "personas.cjm"`'
    if refused.rule.startswith("leads outside the project"):
        return ("keep libraries inside the project (the folder of cjm.toml or pyproject.toml, "
                "else the map's folder), or list their folder in $CJM_ALLOW_PATHS")
    return refused.hint


def missing_hint(target: Path, written: str) -> str:
    """A library file beside the one asked for whose name is close, or where to put it."""
    try:
        names = sorted(p.name for p in target.parent.iterdir() if p.suffix == ".cjm")[:200]
    except OSError:
        names = []
    near = closest(target.name, names)
    if near:
        return f"did you mean `{os.path.join(os.path.dirname(written), near)}`?"
    return "the path is relative to the file that uses it"


# ── merging a library's declarations into a map ────────────────────────────────────────────
def merged(imported: list, items: list, scale_written: bool,
           library: bool = False) -> tuple[list, m.Scale | None, list[Diagnostic]]:
    """The map's items with the `imported` entries (see `Importer.load`) before them: one the
    map declares again refined by it, one the map never refers to left out (a `library`
    keeps them all, for the maps that use it), the imported scale kept only when the map
    states none (returned apart, for the Builder to take as the map's). Two libraries declaring one id differently
    is E111, at the second `use`."""
    problems: list[Diagnostic] = []
    chosen: dict[tuple, tuple] = {}  # (kind, id) -> (declaration, library name)
    scale = None
    for declaration, name, span in imported:
        if isinstance(declaration, m.Scale):
            if scale is not None and scale[0] != declaration:
                problems.append(_conflict("the scale", name, scale[1], span))
            scale = scale or (declaration, name)
            continue
        key = (type(declaration), declaration.id)
        if key in chosen and chosen[key][0] != declaration:
            problems.append(_conflict(f"`{declaration.id}`", name, chosen[key][1], span))
        chosen.setdefault(key, (declaration, name))
    own = {(type(item), item.id): item for item in reversed(items) if hasattr(item, "id")}
    refers = _references(items)
    brought, refining = [], set()
    for key, (declaration, _) in chosen.items():
        if key in own:
            brought.append(refined(declaration, own[key]))
            refining.add(id(own[key]))
        elif library or _referred(key, chosen, own, refers):
            brought.append(declaration)
    kept = [item for item in items if id(item) not in refining]
    return brought + kept, scale[0] if scale and not scale_written else None, problems


def _conflict(what: str, name: str, first: str, span: m.Span) -> Diagnostic:
    return error("E111", f"{what} is declared both in `{first}` and in `{name}`", span,
                 "keep one declaration, in one library, and refine it in the map if it must "
                 "differ here")


def refined(declaration, own):
    """`declaration` (a library's) refined by the map's own of the same id: each field the
    map writes replaces the library's, those it leaves out keep the library's value."""
    taken = {}
    for item_field in dataclasses.fields(own):
        value = getattr(own, item_field.name)
        if item_field.compare and _is_default(item_field, value):
            value = getattr(declaration, item_field.name)
        taken[item_field.name] = value
    return dataclasses.replace(own, **taken)


def _is_default(item_field: dataclasses.Field, value) -> bool:
    if item_field.default is not dataclasses.MISSING:
        return value == item_field.default
    if item_field.default_factory is not dataclasses.MISSING:
        return value == item_field.default_factory()
    return False


def _references(items: list) -> dict[type, set[str]]:
    """The ids the map's stages and flows name, by the kind of declaration they refer to.
    A kind without an entry (one added later, such as actors) is always brought in."""
    stages = [item for item in items if isinstance(item, m.Stage)]
    flows = [item for item in items if isinstance(item, m.Flow)]
    touchpoints = [tp for stage in stages for tp in stage.touchpoints]
    personas = {mark.persona for tp in touchpoints for mark in (*tp.emotions, *tp.expectations)}
    personas |= {p for tp in touchpoints for f in (*tp.pains, *tp.opportunities)
                 for p in f.personas}
    personas |= {p for flow in flows for p in flow.personas}
    claims = [claim for tp in touchpoints for claim in tp.claims]
    claims += [metric for stage in stages for metric in stage.metrics]
    sources = {claim.source.kind for claim in claims if claim.source is not None}
    channels = {use.written for tp in touchpoints for use in tp.channels}
    return {m.Persona: personas, m.DeclaredSource: sources, m.ChannelDeclaration: channels}


def _referred(key: tuple, chosen: dict, own: dict, refers: dict[type, set[str]]) -> bool:
    """Whether the map refers to the imported declaration `key`: by its id, or by a
    misspelling nearest to it (kept so that `did you mean` still finds it)."""
    kind, ident = key
    if kind not in refers:
        return True
    named = refers[kind]
    if ident in named:
        return True
    known = {i for k, i in chosen if k is kind} | {i for k, i in own if k is kind}
    unknown = named - known
    if not unknown:
        return False
    candidates = Candidates(known)
    return any(closest(word, candidates) == ident for word in unknown)


def _respanned(value, span: m.Span):
    """`value` with every span in it moved to `span` (the `use` line that brought it)."""
    if isinstance(value, m.Span):
        return span
    if isinstance(value, tuple):
        return tuple(_respanned(item, span) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _respanned(getattr(value, f.name), span)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value

