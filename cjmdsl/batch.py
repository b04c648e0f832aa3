"""Render many maps in one go: several processes, a content cache, a progress bar.

`cjm render` hands its plan (which input goes to which output) to `render_many`,
which skips maps the cache knows are current, renders the rest in N processes and
yields one `Outcome` per map in input order, so logs read the same on every run.

The cache keeps no rendered output, only a stamp per render: its key is a hash of
the map's bytes, the theme and its dark partner (their resolved content), the format
and its options, and cjm itself (version and a fingerprint of its code, grammar and
themes); its value is the hash and size of the output it produced, then the hash of each
library file the map uses (`use "…"`, however deep), so that editing a library makes every
map that uses it stale. A map is unchanged when its
key has a stamp (a small file of this user's holding the output's hash and size) and its
output file still holds exactly those bytes; neither is read further than that. The folder
must be the user's own (see cachedir). Maps with warnings get no stamp, so their warnings are
printed on every run. The folder is safe to delete at any time.
"""
from __future__ import annotations

import gc
import hashlib
import os
import sys
import time
from dataclasses import field, replace
from functools import cache, partial
from pathlib import Path
from typing import Iterator

from cjmdsl.model import record
from cjmdsl.runtime.lazyregex import LazyRegex

RENDERED, UNCHANGED, FAILED, UNAVAILABLE = "rendered", "unchanged", "failed", "unavailable"
LIBRARY = "library"  # a library found in a folder: checked, nothing to draw
# A stamp: the SHA-256 of the output and its size in bytes, on one line; then a line for each
# library the map uses: the SHA-256 of its bytes and its path.
_STAMP = LazyRegex(rb"([0-9a-f]{64}) ([0-9]{1,15})\n((?:[0-9a-f]{64} [^\n]{1,4096}\n){0,%d})"
                   % 64)
_DEPENDENCY = LazyRegex(rb"([0-9a-f]{64}) ([^\n]+)\n")
_STAMP_BYTES = 64 + 1 + 15 + 1 + 64 * (64 + 1 + 4096 + 1)


@cache
def code_fingerprint() -> str:
    """A hash of everything in cjm that shapes an output: its version, its modules,
    templates, fonts, grammar and built-in themes. Editing any of them (in a source
    checkout) invalidates the cache as a new version would."""
    from cjmdsl import __version__
    from cjmdsl.runtime.resources import data_dir

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    roots = [package, data_dir("grammar"), data_dir("themes")]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


@record
class Cache:
    """Stamps of earlier renders under `folder` (see the module docstring)."""

    folder: Path
    salt: str  # what, besides the map's bytes, the output depends on

    def key(self, data: bytes) -> str:
        return hashlib.sha256(self.salt.encode() + b"\0" + data).hexdigest()

    def _stamp(self, key: str) -> Path:
        return self.folder / "render" / key[:2] / key

    def is_current(self, key: str, target: Path) -> bool:
        """Whether `key` has a stamp and `target` still holds what it rendered to: the stamp
        read as a small file of this user's, the output no further than the size it names,
        and only from a regular file, so a planted FIFO, device or huge file costs nothing."""
        from cjmdsl.runtime.cachedir import read_own_small_file
        from cjmdsl.language.paths import PathRefused, read_regular

        found = _STAMP.fullmatch(read_own_small_file(self._stamp(key), _STAMP_BYTES) or b"")
        if not found:
            return False
        digest, size = found.group(1).decode(), int(found.group(2))
        try:
            data, actual = read_regular(target, size + 1)
        except (OSError, PathRefused):
            return False
        if not (actual == len(data) == size and hashlib.sha256(data).hexdigest() == digest):
            return False
        return all(_file_digest(os.fsdecode(path)) == wanted.decode()
                   for wanted, path in _DEPENDENCY.findall(found.group(3)))

    def store(self, key: str, output: bytes, libraries=()) -> None:
        """Remember that `key` rendered to `output`, using the library files `libraries`;
        a cache that cannot be written is only a slower next run, never a failed one."""
        self.store_digest(key, hashlib.sha256(output).hexdigest(), len(output), libraries)

    def store_digest(self, key: str, digest: str, size: int, libraries=()) -> None:
        """`store` of an output known by its SHA-256 `digest` (hex) and `size` in bytes."""
        from cjmdsl.runtime.files import write_atomically

        stamp = f"{digest} {size}\n"
        for path in libraries:
            library_digest = _file_digest(os.fspath(path))
            if library_digest is None or "\n" in os.fspath(path):
                return  # a library that cannot be read now, or named so no stamp can hold it
            stamp += f"{library_digest} {os.fspath(path)}\n"
        try:
            write_atomically(self._stamp(key), stamp)
        except OSError:
            pass


def _file_digest(path: str) -> str | None:
    """The SHA-256 of the library file at `path` (read as a map is, at most 64 MB), or None
    when it cannot be read: a library that is gone makes its maps stale."""
    from cjmdsl.language.paths import PathRefused, read_regular

    try:
        data, size = read_regular(path, 64_000_000)
    except (OSError, PathRefused):
        return None
    return hashlib.sha256(data).hexdigest() if size == len(data) else None


def make_cache(settings: "Settings", theme: object | None, folder: Path,
               dark: object | None = None) -> Cache:
    """The cache for one `cjm render` run in `folder` (one `cachedir.refusal` accepted);
    `theme` is the resolved --theme, else the project's default theme (None when each map
    uses its own, which the map's text and the built-in themes decide), `dark` the resolved
    dark theme, else the theme's own dark partner, by content: editing either file makes
    the maps stale. The limits count too: a map rendered under raised limits is not current
    under the default ones."""
    from cjmdsl.themes import dark_partner

    if dark is None and theme is not None:
        dark = dark_partner(theme)
    salt = "\0".join([code_fingerprint(), settings.format_name,
                      repr(sorted(settings.options.items())),
                      repr(sorted(settings.limits.items())), repr(theme), repr(dark),
                      repr(settings.lang), repr(settings.state)])
    return Cache(folder, salt)


@record
class Settings:
    """What every map of one run shares."""

    format_name: str
    theme: str | None = None  # --theme, a name or a .toml file; None: each map's own
    strict: bool = False
    color: bool = False
    options: dict = field(default_factory=dict)  # backend options such as `scale`
    # cjmdsl.language.limits.Limits fields raised by the user
    limits: dict = field(default_factory=dict)
    default_theme: str | None = None  # the project config's theme, for maps that name none
    dark_theme: str | None = None  # replaces the theme's own dark partner (html)
    lang: str | None = None  # --lang, the language written in; None: each map's own
    # --state (`cjmdsl.language.states`); None: as the map is written (both)
    state: str | None = None


@record
class Job:
    """One map: its name for messages, its bytes, its output (None: standard output) and
    its cache key (None: not cached)."""

    name: str
    data: bytes
    target: Path | None
    key: str | None = None
    size: int = 0  # of the whole file; `data` holds at most the size limit + 1 bytes
    exact: bool = True  # False: at least `size` bytes (standard input is read no further)
    path: Path | None = None  # where it was read from, for its `use`s (None: standard input)
    in_folder: bool = False  # found in a folder given: a library there is checked, not drawn


@record
class Said:
    """Diagnostics of one file, ready to print, and which they are (file, place, code,
    message), so that a library's mistakes, reached from every map that uses it, are printed
    the first time only (`Reporter`)."""

    text: str
    keys: frozenset

    @classmethod
    def plainly(cls, text: str) -> "Said":
        """A message that is not a diagnostic (an output that cannot be written): itself
        its key."""
        return cls(text, frozenset({text}))


@record
class Outcome:
    status: str  # RENDERED, UNCHANGED, FAILED or UNAVAILABLE
    said: tuple[Said, ...] = ()  # its diagnostics by file (or why the format is unavailable)
    content: bytes | None = None  # the output, when it goes to standard output

    @property
    def report(self) -> str:
        """All it says, ready to print."""
        return "\n".join(part.text for part in self.said)


class Reporter:
    """What each outcome of a run has to print that no earlier outcome printed: one mistake,
    one message, however many maps (or formats) meet it."""

    def __init__(self):
        self.seen: set = set()

    def fresh(self, outcome: Outcome) -> str:
        new = [part for part in outcome.said if part.text and not part.keys <= self.seen]
        for part in new:
            self.seen |= part.keys
        return "\n".join(part.text for part in new)


def said_of(diagnostics: list, text: str, job: Job, color: bool) -> tuple[Said, ...]:
    """`diagnostics` of `job`'s map, grouped by the file they are in (its own, then each
    library's, in order of first mistake), each group keyed by what it says."""
    from cjmdsl.language.diagnostics import format_all

    own = str(job.path.resolve()) if job.path is not None else job.name
    groups: dict[str, list] = {}
    for diagnostic in diagnostics:
        origin = diagnostic.origin
        groups.setdefault(str(Path(origin.filename).resolve()) if origin else own,
                          []).append(diagnostic)
    return tuple(Said(format_all(found, text, job.name, color),
                      frozenset((where, d.code, d.span.line, d.span.column, d.message)
                                for d in found))
                 for where, found in groups.items())


def render_job(job: Job, settings: Settings, cache: Cache | None = None) -> Outcome:
    """Compile and render one map and write its output; never raises for a bad map."""
    from cjmdsl.runtime import collector

    with collector.paused():  # from the bytes to the drawing: see cjmdsl/runtime/collector.py
        return _render_job(job, settings, cache)


@record
class Compiled:
    """A job's map compiled for drawing (its language and state as the run asks), or the
    outcome that ends it first (`failed`): too large, not UTF-8, mistakes, a library."""

    failed: Outcome | None
    said: tuple[Said, ...] = ()  # the diagnostics, ready to print
    text: str = ""
    journey: object = None
    theme: object = None
    result: object = None


def compile_job(job: Job, settings: Settings) -> Compiled:
    """Read, check and prepare one job's map as `render_job` and `cjm site` draw it."""
    from cjmdsl.api import check, decode
    from cjmdsl.language.limits import Limits, check_bytes
    from cjmdsl.language.states import in_state
    from cjmdsl.themes import theme_for

    too_large = check_bytes(max(job.size, len(job.data)), Limits(**settings.limits), job.exact)
    if too_large:
        return Compiled(Outcome(FAILED, said_of(too_large, "", job, settings.color)))
    text, problems = decode(job.data, job.name)
    if problems:  # not quoted
        return Compiled(Outcome(FAILED, said_of(problems, "", job, settings.color)))
    result = check(text, job.name, Limits(**settings.limits), job.path)
    said = said_of(result.diagnostics, text, job, settings.color)
    journey = result.journey
    if journey is None or (settings.strict and result.warnings):
        return Compiled(Outcome(FAILED, said))
    if result.library:
        if job.in_folder:
            return Compiled(Outcome(LIBRARY, said))
        return Compiled(Outcome(FAILED, said_of([library_drawn(journey, job.name)], text, job,
                                                settings.color)))
    theme = theme_for(journey.theme, settings.theme, settings.default_theme, settings.dark_theme)
    if settings.lang:
        journey = replace(journey, lang=settings.lang)
    return Compiled(None, said, text, in_state(journey, settings.state), theme, result)


@record
class Drawing:
    """A compiled map drawn in one format: its bytes (None when `ended` ends the job: the
    format is unavailable, or a warning under --strict) and the diagnostics with the
    drawing's warnings added; a drawing that `warned` gets no stamp, so its warnings show
    every run."""

    data: bytes | None
    said: tuple[Said, ...]
    warned: bool = False
    ended: Outcome | None = None


def draw(compiled: Compiled, job: Job, settings: Settings, format_name: str,
         options: dict) -> Drawing:
    from cjmdsl.backends import BackendUnavailable, backend, render_noting
    from cjmdsl.language.diagnostics import drawing_warning

    try:
        content, noted = render_noting(backend(format_name), compiled.journey, compiled.theme,
                                       **options)
    except BackendUnavailable as exc:
        return Drawing(None, compiled.said, ended=Outcome(UNAVAILABLE, (Said.plainly(str(exc)),)))
    said = compiled.said
    if noted:
        warned = [drawing_warning(message, compiled.journey.span) for message in noted]
        said += said_of(warned, compiled.text, job, settings.color)
        if settings.strict:
            return Drawing(None, said, True, Outcome(FAILED, said))
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Drawing(data, said, bool(noted))


def _render_job(job: Job, settings: Settings, cache: Cache | None) -> Outcome:
    from cjmdsl.backends import backend
    from cjmdsl.runtime.files import write_atomically

    compiled = compile_job(job, settings)
    if compiled.failed:
        return compiled.failed
    if job.target is not None and hasattr(backend(settings.format_name), "write"):
        return _written(compiled, job, settings, cache)
    drawing = draw(compiled, job, settings, settings.format_name, settings.options)
    if drawing.ended:
        return drawing.ended
    if job.target is None:
        return Outcome(RENDERED, drawing.said, drawing.data)
    try:
        write_atomically(job.target, drawing.data)
    except OSError as exc:  # one output that cannot be written fails its map, not the batch
        return Outcome(FAILED, drawing.said + (_cannot_write(job, exc),))
    if cache is not None and job.key is not None and not compiled.result.diagnostics \
            and not drawing.warned:
        cache.store(job.key, drawing.data, compiled.result.files)
    return Outcome(RENDERED, drawing.said)


class _Dropped(Exception):
    """A drawing that warned under --strict: its file is not written."""


def _written(compiled: Compiled, job: Job, settings: Settings, cache: Cache | None) -> Outcome:
    """`_render_job` for a format that writes as it draws (`write`): the file is written as
    the drawing comes and its stamp taken on the way, so that neither the whole text nor its
    bytes are ever held (at 10,000 touchpoints, an SVG of 60 MB, held about four times)."""
    from cjmdsl.backends import backend, noting
    from cjmdsl.language.diagnostics import drawing_warning
    from cjmdsl.runtime.files import Digested, atomic_output, utf8_text

    module, said = backend(settings.format_name), compiled.said
    try:
        with atomic_output(job.target) as stream:
            written = Digested(stream)
            with utf8_text(written) as text:
                _, noted = noting(lambda: module.write(compiled.journey, compiled.theme, text,
                                                       **settings.options))
            if noted:
                warned = [drawing_warning(message, compiled.journey.span) for message in noted]
                said += said_of(warned, compiled.text, job, settings.color)
                if settings.strict:
                    raise _Dropped
    except _Dropped:
        return Outcome(FAILED, said)
    except OSError as exc:  # one output that cannot be written fails its map, not the batch
        return Outcome(FAILED, said + (_cannot_write(job, exc),))
    if cache is not None and job.key is not None and not compiled.result.diagnostics \
            and not noted:
        cache.store_digest(job.key, written.sha256.hexdigest(), written.size,
                           compiled.result.files)
    return Outcome(RENDERED, said)


def _cannot_write(job: Job, exc: OSError) -> Said:
    from cjmdsl.words.escape import terminal_text

    return Said.plainly(terminal_text(f"cjm: error: cannot write {job.target}: "
                                      f"{exc.strerror or exc}"))


def library_drawn(library, name: str):
    """E112: a library holds declarations for maps; there is nothing of it to draw."""
    from cjmdsl.language.diagnostics import error
    from cjmdsl.model import Span

    start = library.span
    return error("E112", f"`{name}` is a library: it has nothing to draw",
                 Span(start.line, start.column, start.line, start.column + len("library")),
                 "render a map that uses it (`use \"…\"`), or check it with `cjm check`")


def render_many(jobs: list[Job], settings: Settings, cache: Cache | None = None,
                processes: int = 1) -> Iterator[tuple[Job, Outcome]]:
    """Every job with its outcome, in input order: first the unchanged ones (the cache
    says their output is current), then the rest, rendered in up to `processes`
    processes."""
    todo = []
    for job in jobs:
        if cache is not None and job.key and job.target and cache.is_current(job.key, job.target):
            yield job, Outcome(UNCHANGED)
        else:
            todo.append(job)
    work = partial(render_job, settings=settings, cache=cache)
    yield from zip(todo, in_processes(work, todo, processes,
                                      partial(warm_up, (settings.format_name,), settings)))


def in_processes(work, jobs: list, processes: int, prepare=None) -> Iterator:
    """`work(job)` of each job, in order: here, or in up to `processes` forked processes
    that start with what `prepare()` loaded in this one (`warm_up`)."""
    if processes <= 1 or len(jobs) <= 1:
        for number, job in enumerate(jobs):
            if number and not gc.isenabled():
                gc.collect(0)  # `cjm` runs without the collector: the last map's cycles
            yield work(job)
        return
    if prepare is not None:
        prepare()
    # Workers collect between maps (each map is built with the collector paused all the same).
    with _context().Pool(min(processes, len(jobs)), initializer=gc.enable) as pool:
        yield from pool.imap(work, jobs)


def default_processes() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _context():
    """Fork where it is safe and cheap (Linux): workers start with the parser, templates
    and theme the parent already loaded. Elsewhere the platform's default. Imported here:
    multiprocessing costs a one-map render about 7 ms to import."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def warm_up(format_names: tuple[str, ...], settings: Settings) -> None:
    """Load once, before forking, what every worker drawing `format_names` would otherwise
    load itself."""
    from cjmdsl.backends import backend
    from cjmdsl.language.parser import parser
    from cjmdsl.themes import load_theme

    parser()
    for name in format_names:
        backend(name)
    load_theme(settings.theme or settings.default_theme or "default")


class Progress:
    """A one-line progress bar on a terminal; `None` streams (not a terminal) draw nothing."""

    WIDTH = 28

    def __init__(self, total: int, stream=None):
        self.total = total
        self.done = 0
        self.stream = stream
        self.started = time.perf_counter()

    def advance(self, name: str) -> None:
        self.done += 1
        if self.stream is None:
            return
        filled = round(self.WIDTH * self.done / max(self.total, 1))
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        from cjmdsl.words.escape import terminal_text

        name = terminal_text(name)
        label = name if len(name) <= 40 else "…" + name[-39:]
        self.stream.write(f"\r\033[K[{bar}] {self.done}/{self.total} {label}")
        self.stream.flush()

    def clear(self) -> None:
        if self.stream is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def summary(counts: dict[str, int], seconds: float) -> str:
    """The closing line of a batch: `cjm: 3 rendered, 1 unchanged, 1 failed in 0.42 s`."""
    libraries = counts.get(LIBRARY, 0)
    checked = f", {libraries} librar{'ies' if libraries != 1 else 'y'} checked" if libraries else ""
    return (f"cjm: {counts.get(RENDERED, 0)} rendered, {counts.get(UNCHANGED, 0)} unchanged, "
            f"{counts.get(FAILED, 0)} failed{checked} in {seconds:.2f} s")
