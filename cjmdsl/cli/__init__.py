"""The `cjm` command: thin click wrappers around the library.

Exit codes: 0 success, 1 a map has errors (or warnings under --strict),
2 usage error, 3 internal error (a bug: reported in one line, never a traceback),
4 a tool or extra that the command needs is not installed (Graphviz's `dot`, the
png/pdf libraries, watchfiles, pygls): nothing is wrong with the map or the command line.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from cjmdsl import __version__
from cjmdsl.model import record

EXIT_OK, EXIT_MAP_ERRORS, EXIT_USAGE, EXIT_INTERNAL, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4
STDIN = "-"

RENDER_HELP = """Render maps to SVG (the default) or another format.

The format follows the output file's name (-o shop.png writes a PNG, -o shop.flow.svg
the flow view); -f names it where there is no file name (standard output, a folder).

\b
Examples:
  cjm render shop.cjm                    writes shop.svg beside it
  cjm render shop.cjm -o build/shop.svg
  cjm render shop.cjm -o shop.png        the format follows the extension
  cjm render shop.cjm -f json -o -       JSON to standard output
  cjm render maps/*.cjm -o build/maps/   many maps into a folder
  cjm render maps/ -o build/maps/ -j 4   every map under maps/, sub-folders mirrored
  cjm render shop.cjm -f png --scale 3
  cjm render shop.cjm --width 1000       laid out for a 1,000 px wiki page
  cjm render shop.cjm -f pdf --page A4   rows of stages on A4 landscape pages
  cjm render big.cjm --view stages       the overview: one column per stage
  cat shop.cjm | cjm render - -o shop.svg

\b
Several maps render in parallel (one process per core unless -j says), with a
progress bar on a terminal and one summary line. Maps whose output is current are
skipped: the cache lives in $CJM_CACHE_DIR (default ~/.cache/cjmdsl), is safe to
delete, and --no-cache ignores it.

\b
Defaults for -f, -o, --theme, --dark-theme, --width and the limits come from the nearest
cjm.toml or [tool.cjm] in pyproject.toml; `cjm config` shows them.
"""

CHECK_HELP = """Check maps and print their diagnostics; write nothing.

\b
Examples:
  cjm check shop.cjm
  cjm check maps/                        every .cjm under maps/
  cjm check --strict maps/*.cjm          warnings fail too (for CI)
  cjm check --format json shop.cjm       for editors and CI annotations
  cjm check --max-evidence-age 12mo maps/  warn on evidence older than a year
"""


@dataclass
class Source:
    """One input: its name for messages, its text, its path (None for stdin), and its raw
    bytes when they are decoded later (by `cjm render`'s workers)."""

    name: str
    text: str
    path: Path | None
    data: bytes = b""
    size: int = 0  # of the whole input, of which `data` holds at most the size limit + 1
    exact: bool = True  # False: `size` is a lower bound (standard input is read no further)


class LazyGroup(click.Group):
    """A group whose other commands live in their own modules, imported only when used.

    Adding a command is adding a module under cjmdsl/cli/commands/ and a line in LAZY_COMMANDS.
    """

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str):
        if name in LONG_RUNNING:  # they render again and again: garbage must be collected
            import gc

            gc.enable()
        if name in self.lazy:
            module_name, _, attribute = self.lazy[name].rpartition(".")
            from importlib import import_module

            return getattr(import_module(module_name), attribute)
        return super().get_command(ctx, name)


# Commands that run until stopped, with the cyclic garbage collector on (see `main`).
LONG_RUNNING = ("lsp", "serve", "watch")
# name -> "module.attribute" of a click command
LAZY_COMMANDS: dict[str, str] = {
    "config": "cjmdsl.cli.commands.config.config",
    "diff": "cjmdsl.cli.commands.diff.diff",
    "explain": "cjmdsl.cli.commands.explain.explain",
    "fmt": "cjmdsl.cli.commands.fmt.fmt",
    "import": "cjmdsl.cli.commands.imports.import_group",
    "lint": "cjmdsl.cli.commands.lint.lint",
    "lsp": "cjmdsl.cli.commands.lsp.lsp",
    "new": "cjmdsl.cli.commands.new.new",
    "report": "cjmdsl.cli.commands.report.report",
    "serve": "cjmdsl.cli.commands.serve.serve",
    "show": "cjmdsl.cli.commands.show.show",
    "site": "cjmdsl.cli.commands.site.site",
    "themes": "cjmdsl.cli.commands.themes.themes",
    "watch": "cjmdsl.cli.commands.watch.watch",
}


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="cjm")
def cli() -> None:
    """cjm: customer journey maps as code.

    \b
    Examples:
      cjm render shop.cjm                 shop.svg beside the map
      cjm render shop.cjm -f json -o -    the model as JSON on stdout
      cjm check maps/*.cjm                diagnostics only
    """


def format_choices() -> list[str]:
    from cjmdsl.backends import formats

    return formats()


LIMITS_KEY = "cjmdsl.language.limits"


def limit_options(command):
    """--max-bytes, --max-string, --max-touchpoints: raise the limits of cjmdsl.language.limits."""
    def remember(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
        if value is not None:
            ctx.meta.setdefault(LIMITS_KEY, {})[param.name] = value

    for name, what in (("max_touchpoints", "touchpoints in a map [default: 10000]"),
                       ("max_string", "characters in one text [default: 20000]"),
                       ("max_bytes", "bytes in a map file [default: 5000000]")):
        command = click.option(f"--{name.replace('_', '-')}", name, type=click.IntRange(min=1),
                               default=None, expose_value=False, callback=remember,
                               help=f"Most {what}.")(command)
    return command


class TargetWidth(click.ParamType):
    """`--width`: whole pixels, at least the smallest target; 0 or `none` for one row."""

    name = "PIXELS"

    def convert(self, value, param, ctx):
        from cjmdsl.layout.geometry import SMALLEST_WIDTH

        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text == "none":
            return 0
        if not text.isdigit():
            self.fail(f"{value!r} is not a whole number of pixels (or `none` for one row)",
                      param, ctx)
        if 0 < int(text) < SMALLEST_WIDTH:
            self.fail(f"{value} is narrower than the smallest map ({SMALLEST_WIDTH} px: the "
                      "labels and one column); give 0 or `none` for one row", param, ctx)
        return int(text)


@cli.command(help=RENDER_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "format_name", default=None, type=click.Choice(format_choices()),
              help="Output format.  [default: from the -o file's extension, else svg]")
@click.option("-o", "--output", default=None,
              help="Output file, `-` for stdout, or a folder (required to end in / or exist "
                   "when rendering several maps). Default: beside each map.")
@click.option("--theme", default=None, help="Theme name or .toml file (overrides the map's own).")
@click.option("--dark-theme", default=None,
              help="Theme the html page switches to in dark mode (overrides the theme's own).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to render with.  [default: one per core]")
@click.option("--no-cache", is_flag=True,
              help="Render every map, even those whose output the cache knows is current.")
@click.option("--scale", type=click.FloatRange(min=0.1, max=16), default=None,
              help="Size factor for png (pixels per SVG unit, default 2) and pdf "
                   "(default 1).")
@click.option("--width", type=TargetWidth(), default=None,
              help="Pixels the svg, png and pdf are laid out for: the stages wrap into rows "
                   "that fit. 0 or `none`: one row, as wide as the journey.  [default: 880]")
@click.option("--colors", type=click.Choice(["adaptive", "fixed"]), default=None,
              help="svg: `adaptive` colours follow the reader's light or dark scheme (the "
                   "theme and its dark partner, in one <style>); `fixed` writes the theme's "
                   "colours as attributes, for wikis that strip <style>.  [default: adaptive]")
@click.option("--persona-cards", type=click.Choice(["on", "off"]), default=None,
              help="svg, png, pdf: introduce each persona on a card under the title (name, "
                   "role, goal, need, pain, quote); `off` names each on one line of the "
                   "legend.  [default: on]")
@click.option("--page", type=click.Choice(["A4", "A3", "letter"], case_sensitive=False),
              default=None, help="pdf: put the rows of stages on pages of this paper size, "
                                 "each with the title and legend.  [default: one page]")
@click.option("--orientation", type=click.Choice(["landscape", "portrait"]), default=None,
              help="pdf: the orientation of the --page paper.  [default: landscape]")
@click.option("--view", type=click.Choice(["map", "stages"]), default=None,
              help="svg, png, pdf: `stages` draws the overview, one column per stage (its "
                   "curve, its pains counted, its lowest and highest moments).  "
                   "[default: map]")
@click.option("--emotions", type=click.Choice(["overlay", "split"]), default=None,
              help="svg, png, pdf: `split` draws a small emotion plot per persona (small "
                   "multiples) instead of every curve over one.  [default: overlay]")
@click.option("--state", type=click.Choice(["as_is", "to_be", "both"]), default=None,
              help="Which state of the journey to show: `as_is` (each `emotion`), `to_be` "
                   "(each `future`, the as-is where none is planned) or `both` (the to-be as "
                   "a second curve, the improvement shaded).  [default: both]")
@click.option("--lang", default=None, metavar="LANG",
              help="Language of the words and figures the tool writes (de, en, es, fr, ja; "
                   "overrides the map's `lang`).")
@click.option("--time-axis/--no-time-axis", "time_axis", default=None,
              help="svg, png, pdf, html: a ruler under the stage names with the time elapsed "
                   "by each step (the waits and times so far).  [default: off]")
@limit_options
def render(files: tuple[str, ...], format_name: str | None, output: str | None,
           theme: str | None, dark_theme: str | None, strict: bool, jobs: int | None,
           no_cache: bool, scale: float | None, width: int | None, colors: str | None,
           persona_cards: str | None, page: str | None, orientation: str | None,
           view: str | None, emotions: str | None, state: str | None, lang: str | None,
           time_axis: bool | None) -> None:
    from cjmdsl import batch
    from cjmdsl.backends import backend, extension

    refuse_unknown_language(lang)
    _refuse_output_names_as_inputs(files)
    if orientation and not page:
        fail_usage("--orientation needs --page (the paper it turns)")
    if view == "stages" and page:
        from cjmdsl.backends.pdf import STAGES_ON_PAGES

        fail_usage(STAGES_ON_PAGES)
    inputs, folders = expand_inputs(files)
    _check_output_file(files, inputs, folders, output)
    asked = output_format(format_name, output) if format_name or _names_file(output) else None
    project = _project_defaults(files, asked)
    roots = input_roots(files)
    theme_obj = theme_or_exit(theme or project.theme, roots) if theme or project.theme else None
    dark_obj = theme_or_exit(project.dark_theme, roots) if project.dark_theme else None
    read = files_read_by(files, inputs, theme_obj, dark_obj)
    limits = dict(click.get_current_context().meta.get(LIMITS_KEY, {}))
    cache_folder = None if no_cache else render_cache_folder()
    runs = []
    for format_name in project.formats:
        module = backend(format_name)
        asked = {"scale": scale, "width": width, "colors": colors,
                 "page": page and page.lower(), "orientation": orientation, "view": view,
                 "time_axis": time_axis, "emotions": emotions,
                 "persona_cards": None if persona_cards is None else persona_cards == "on"}
        options = _backend_options(module, format_name, asked,
                                   {"width": project.width, "time_axis": project.time_axis,
                                    "emotions": project.emotions,
                                    "persona_cards": project.persona_cards,
                                    "colors": project.colors})
        targets = _plan_outputs(inputs, project.output, extension(format_name), folders, read)
        if module.BINARY and sys.stdout.isatty() and any(t is None for _, t in targets):
            _refuse_binary_to_terminal(format_name, inputs[0], extension(format_name))
        settings = batch.Settings(format_name, theme, strict, stderr_color(), options, limits,
                                  project.theme, project.dark_theme, lang, project.state)
        cache = (batch.make_cache(settings, theme_obj, cache_folder, dark=dark_obj)
                 if cache_folder else None)
        in_folder = set(inputs) - set(files)  # a library found in a folder is only checked
        work = [batch.Job(source.name, source.data, target,
                          cache.key(source.data) if cache and target else None,
                          source.size, source.exact, source.path, source.name in in_folder)
                for source, target in ((read_bytes(name), target) for name, target in targets)]
        runs.append((work, settings, cache))
    total = sum(len(work) for work, _, _ in runs)
    many = total > 1
    progress = batch.Progress(total, sys.stderr if many and sys.stderr.isatty() else None)
    counts: dict[str, int] = {}
    reporter = batch.Reporter()
    for work, settings, cache in runs:
        for job, outcome in batch.render_many(work, settings, cache,
                                              jobs or batch.default_processes()):
            if outcome.status == batch.UNAVAILABLE:
                progress.clear()
                fail_unavailable(outcome.report)
            report = reporter.fresh(outcome)
            if report:
                progress.clear()
                click.echo(report, err=True)
            if outcome.content is not None:
                write_stdout(outcome.content)
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            progress.advance(job.name)
    progress.clear()
    if many:
        click.echo(batch.summary(counts, progress.elapsed()), err=True)
    sys.exit(EXIT_MAP_ERRORS if counts.get(batch.FAILED) else EXIT_OK)


@cli.command(help=CHECK_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to print diagnostics.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--max-evidence-age", "max_age", metavar="AGE", default=None,
              help='Warn on evidence older than AGE: months ("12mo") or years ("2y"), from a '
                   "declared source's `collected` date or a date in an inline source.")
@limit_options
def check(files: tuple[str, ...], output_format: str, strict: bool, max_age: str | None) -> None:
    from cjmdsl.language.diagnostics import to_json

    months = None
    if max_age is not None:
        from cjmdsl.review.lint.settings import age_in_months  # only then: a check loads no lint

        months = age_in_months(max_age)
        if months is None:
            fail_usage(f'--max-evidence-age takes months or years, such as "12mo" or "2y", '
                       f"not {max_age!r}")
    _project_defaults(files)
    failed = False
    collected: list[dict] = []
    for name in expand_inputs(files)[0]:
        source = read_source(name, quiet=output_format == "json", collect=collected)
        if source is None:
            failed = True
            continue
        result = check_source(source)
        if months is not None and result.journey is not None:
            from cjmdsl.review.lint import aged

            result = aged(result, months)
        if output_format == "json":
            collected += to_json(result.diagnostics, source.name)
        else:
            print_diagnostics(result.diagnostics, source)
        if result.errors or (strict and result.warnings):
            failed = True
    if output_format == "json":
        import json

        click.echo(json.dumps(collected, indent=2, ensure_ascii=False))
    sys.exit(EXIT_MAP_ERRORS if failed else EXIT_OK)


# ── helpers ──────────────────────────────────────────────────────────────────
def output_format(format_name: str | None, output: str | None) -> str:
    """The format to write: -f, else the one the output file's name asks for, else svg
    (standard output, a folder, beside the map). An -f that the name contradicts, or a
    file name that asks for no format, is a usage error: `-o out.png` never gets an SVG."""
    from cjmdsl.backends import extension, extensions, file_type, format_for

    if output is None or output == STDIN or _names_folder(output):
        return format_name or "svg"
    named = format_for(output)
    if format_name is None and named is None:
        fail_usage(f"cannot tell the format from the name {output}; end it with one of "
                    f"{', '.join(extensions())}, or give -f FORMAT")
    if format_name is None:
        return named
    if named is not None and not output.lower().endswith(file_type(format_name)):
        renamed = output[:-len(extension(named))] + extension(format_name)
        fail_usage(f"-f {format_name} contradicts -o {output}, whose name asks for {named}; "
                    f"drop -f, or name the output {renamed}")
    return format_name


def _names_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _names_file(output: str | None) -> bool:
    return output not in (None, STDIN) and not _names_folder(output)


def render_cache_folder() -> Path | None:
    """The render cache's folder, or None (with a warning saying why) when others could write
    to it: a planted stamp would keep a tampered output as "unchanged"."""
    from cjmdsl.runtime.cachedir import cache_dir, refusal

    folder = cache_dir()
    reason = refusal(folder)
    if reason:
        say(f"cjm: warning: {reason}; rendering without the cache")
        return None
    return folder


def _check_output_file(files: tuple[str, ...], inputs: list[str], folders: tuple[str, ...],
                       output: str | None) -> None:
    """What a file given to -o must be, checked before its name is asked for a format: the
    output of one map, and neither that map nor its config (its themes are checked once
    loaded)."""
    if output in (None, STDIN) or _names_folder(output):
        return
    if len(inputs) > 1 or folders:
        fail_usage(f"-o {output} names a file, but several maps (or a folder of maps) are "
                    f"rendered; give a folder to write them into: -o {output}/")
    refuse_over_input(output, files_read_by(files, inputs))


def files_read_by(files, maps: list[str], *themes) -> frozenset[Path]:
    """The files a run reads, resolved, which no output may replace (`paths.over_input`):
    the `maps` (the arguments `files` expanded), the project config that applies to them,
    and every file of `themes` (loaded Themes, or None) and of their dark partners."""
    from cjmdsl.config import find_config, start_folder
    from cjmdsl.themes import files_read

    config = find_config(start_folder([Path(name) for name in files if name != STDIN]))
    read = [Path(name) for name in maps if name != STDIN] + ([config] if config else [])
    for theme in themes:
        read += files_read(theme) if theme is not None else ()
    return frozenset(path.resolve() for path in read)


def refuse_over_input(target: str | Path, read: frozenset[Path]) -> None:
    """A usage error when `target` is one of the files `read` (`files_read_by`)."""
    from cjmdsl.language.paths import over_input

    reason = over_input(target, read)
    if reason:
        fail_usage(reason)


def _refuse_output_names_as_inputs(files: tuple[str, ...]) -> None:
    """`cjm render in.cjm out.svg`, the d2 and dot habit: an argument named like an output
    is one, not a map to read; say so and show the command with -o."""
    from cjmdsl.backends import format_for

    for name in files:
        named = None if name == STDIN or Path(name).is_dir() else format_for(name)
        if named is None:
            continue
        missing = "" if Path(name).exists() else " does not exist, and it"
        others = " ".join(n for n in files if n != name) or "MAP.cjm"
        fail_usage(f"{name}{missing} is not a map: the name is an output's ({named}); to "
                    f"write the output there, use -o: cjm render {others} -o {name}")


def _refuse_binary_to_terminal(format_name: str, name: str, extension: str) -> None:
    """Binary output would garble the terminal (gzip refuses it too)."""
    file_name = "map" + extension if name == STDIN else Path(name).with_suffix(extension).name
    fail_usage(f"-f {format_name} is binary and standard output is a terminal; write it to a "
                f"file with -o {file_name}, or redirect: > {file_name}")


@record
class ProjectDefaults:
    """What the project config (cjmdsl.config) adds to one run of render or check."""

    formats: tuple[str, ...]  # -f, else the config's formats
    output: str | None  # -o, else the config's output folder (ending in /)
    theme: str | None  # the config's theme, for maps that name none (--theme beats both)
    dark_theme: str | None  # --dark-theme, else the config's
    width: int | None  # the config's width (0: one row); None: the format's own default
    state: str  # --state, else the config's (`cjmdsl.language.states`)
    time_axis: bool | None = None  # the config's time_axis; None: not set there
    emotions: str | None = None  # the config's `emotions`; None: the format's own default
    persona_cards: bool | None = None  # the config's persona_cards; None: the format's own
    colors: str | None = None  # the config's `colors`; None: the format's own default


def project_config_or_exit(files):
    """The project config of the maps `files` (found upwards from them; an empty one when
    there is none). A config with mistakes prints them and exits 1."""
    from cjmdsl.config import ConfigError, project_config, start_folder

    try:
        return project_config(start_folder([Path(name) for name in files if name != STDIN]))
    except ConfigError as exc:
        exit_with_file_diagnostics(exc)


def project_settings(files, command_line: dict, config=None):
    """Every setting for the maps `files`: the command line's (values other than None), else
    the project config's (`config`, else found upwards from the maps), else the defaults. A
    config with mistakes prints them and exits 1."""
    from cjmdsl.config import resolve

    return resolve(config or project_config_or_exit(files), command_line)


def use_config_limits(settings) -> None:
    """The config's limits join the command line's, where `check_source` and `render` read
    them."""
    limits = click.get_current_context().meta.setdefault(LIMITS_KEY, {})
    for name, setting in settings.items():
        if name.startswith("limits.") and setting.source != "default":
            limits[name.removeprefix("limits.")] = setting.value


def _project_defaults(files: tuple[str, ...], format_name: str | None = None) -> ProjectDefaults:
    """The command line's options, else the project config's (found upwards from the inputs),
    else the defaults. `format_name` is the format the command line asks for, by -f or by the
    name of -o's file. A config with mistakes prints them and exits 1. The config's limits
    join the command line's where `check_source` and `render` read them."""
    ctx = click.get_current_context()
    limits = ctx.meta.setdefault(LIMITS_KEY, {})
    command_line = {"theme": ctx.params.get("theme"), "dark_theme": ctx.params.get("dark_theme"),
                    "output": ctx.params.get("output"), "width": ctx.params.get("width"),
                    "emotions": ctx.params.get("emotions"),
                    "state": ctx.params.get("state"), "colors": ctx.params.get("colors"),
                    "formats": (format_name,) if format_name else None,
                    **{f"limits.{name}": value for name, value in limits.items()}}
    settings = project_settings(files, command_line)
    use_config_limits(settings)
    output = settings["output"]
    from_file = output.value and output.source != "command line" and STDIN not in files
    folder = output.value + "/" if from_file else None
    formats = settings["formats"].value
    if len(formats) > 1 and output.source == "command line" and not _names_folder(output.value):
        fail_usage(f"{settings['formats'].origin} asks for the formats {', '.join(formats)}, "
                    f"but -o {output.value} names one output; give -f FORMAT or a folder with -o")
    theme, width, emotions = settings["theme"], settings["width"], settings["emotions"]
    cards, colors = settings["persona_cards"], settings["colors"]
    return ProjectDefaults(formats, folder or ctx.params.get("output"),
                           theme.value if theme.source != "command line" else None,
                           settings["dark_theme"].value,
                           width.value if width.source not in ("default", "command line")
                           else None, settings["state"].value,
                           time_axis=settings["time_axis"].value or None,
                           emotions=emotions.value
                           if emotions.source not in ("default", "command line") else None,
                           persona_cards=cards.value if cards.source != "default" else None,
                           colors=colors.value
                           if colors.source not in ("default", "command line") else None)


def _plan_outputs(files: list[str], output: str | None, extension: str,
                  folders: tuple[str, ...], read: frozenset[Path]):
    """Pair each input with its output path (None: standard output), refusing to
    write over any file the run reads (`files_read_by`)."""
    plan = _pair_outputs(files, output, extension, folders)
    claimed: dict[Path, str] = {}
    for name, target in plan:
        if target is None:
            continue
        refuse_over_input(target, read)
        if target.resolve() in claimed:
            fail_usage(f"{claimed[target.resolve()]} and {name} would both be written to {target}")
        claimed[target.resolve()] = name
    return plan


def input_roots(files) -> tuple[Path, ...]:
    """Where the files that the maps `files` and their themes name may be: the project of
    the maps (cjmdsl.language.paths), and the folders of $CJM_ALLOW_PATHS."""
    from cjmdsl.config import start_folder
    from cjmdsl.language.paths import allowed_roots, project_root

    return allowed_roots(project_root(start_folder([Path(n) for n in files if n != STDIN])))


def _pair_outputs(files: list[str], output: str | None, extension: str,
                  folders: tuple[str, ...] = ()):
    to_folder = output and _names_folder(output)
    if len(files) == 1 and not folders and not to_folder:
        name = files[0]
        if output == STDIN or (output is None and name == STDIN):
            return [(name, None)]
        return [(name, Path(output) if output else Path(name).with_suffix(extension))]
    if output == STDIN:
        fail_usage("several maps cannot all go to standard output; give a folder with -o")
    if output is None:
        return [(name, Path(name).with_suffix(extension)) for name in files]
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        fail_usage(f"-o {output} must be a folder when rendering several maps")
    base = _mirror_base(files, folders)
    return [(name, folder / _relative(Path(name), base).with_suffix(extension)) for name in files]


def _mirror_base(files: list[str], folders: tuple[str, ...]) -> Path | None:
    """The folder that outputs mirror: the common parent of the inputs (a folder given
    as an input counts as itself), so maps/a.cjm and maps/sub/b.cjm go to OUT/a.svg and
    OUT/sub/b.svg."""
    from_folders = {Path(name).resolve() for name in folders}
    parents = [*from_folders] + [Path(name).resolve().parent for name in files
                                 if not any(Path(name).resolve().is_relative_to(f)
                                            for f in from_folders)]
    try:
        return Path(os.path.commonpath(parents))
    except ValueError:  # different drives
        return None


def _relative(path: Path, base: Path | None) -> Path:
    return path.resolve().relative_to(base) if base else Path(path.name)


def expand_inputs(files: tuple[str, ...]) -> tuple[list[str], tuple[str, ...]]:
    """Inputs with each folder replaced by the .cjm files under it (sorted); and the
    folders. Every command that reads maps reads its arguments through this."""
    if STDIN in files and len(files) > 1:
        fail_usage("`-` (standard input) cannot be mixed with other inputs")
    names: list[str] = []
    folders: list[str] = []
    for name in files:
        if name != STDIN and Path(name).is_dir():
            found = sorted(str(p) for p in Path(name).rglob("*.cjm") if p.is_file())
            if not found:
                fail_usage(f"no .cjm files under {name}")
            refuse_links_out(found, Path(name))
            names += found
            folders.append(name)
        else:
            if name != STDIN:
                refuse_links_out([name], Path(name).absolute().parent)
            names.append(name)
    return names, tuple(folders)


def refuse_links_out(maps: list[str], folder: Path) -> None:
    """Maps keep the one rule for paths (cjmdsl.language.paths), with the project of `folder` (the
    folder given, or the one holding a map named itself, as `maps/*.cjm` names them) as the
    root: a link that leads out of it, or to a system file, is refused before anything is
    read."""
    from cjmdsl.language.paths import NOT_REGULAR, PathRefused, allowed_roots, inside, project_root

    roots = allowed_roots(project_root(folder))
    for name in maps:
        try:
            inside(name, Path.cwd(), roots)
        except PathRefused as refused:
            if refused.rule == NOT_REGULAR:  # said as reading it would say it (`read_bytes`)
                fail_usage(f"cannot read {name}: it {refused.rule}")
            fail_usage(f"{refused}; {refused.hint}")


def _backend_options(module, format_name: str, asked: dict, configured: dict) -> dict:
    """Options a format takes (listed in its OPTIONS): those `asked` on the command line (a
    usage error for a format that does not take one), over those the config sets (given to
    the formats that take them); a value of None is not set."""
    takes = getattr(module, "OPTIONS", ())
    given = {name: value for name, value in asked.items() if value is not None}
    for option in given:
        if option not in takes:
            fail_usage(f"--{option.replace('_', '-')} does not apply to -f {format_name}")
    defaults = {name: value for name, value in configured.items()
                if value is not None and name in takes}
    return {**defaults, **given}


def read_bytes(name: str) -> Source:
    """An input's bytes (decoded later, by whoever compiles it): at most the size limit + 1
    (`Source.size` is the whole size), and only from a regular file or standard input."""
    from cjmdsl.language.limits import Limits
    from cjmdsl.language.paths import PathRefused, read_regular

    most = Limits(**click.get_current_context().meta.get(LIMITS_KEY, {})).max_bytes + 1
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(most)
            size = len(data)
        else:
            data, size = read_regular(name, most)
    except PathRefused as exc:
        fail_usage(f"cannot read {name}: it {exc.rule}")
    except OSError as exc:
        fail_usage(f"cannot read {name}: {exc.strerror or exc}")
    return Source("<stdin>" if name == STDIN else name, "", None if name == STDIN else Path(name),
                  data, max(size, len(data)), exact=name != STDIN)


def refuse_unknown_language(lang: str | None) -> None:
    """--lang names a language the catalogues have, or the command stops with a usage error."""
    from cjmdsl.words.locales import catalogue_language, unknown_language_hint

    if lang is not None and catalogue_language(lang) is None:
        fail_usage(f"unknown language `{lang}` for --lang; {unknown_language_hint(lang)}")


def stderr_color() -> bool:
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def read_source(name: str, quiet: bool = False, collect: list | None = None) -> Source | None:
    return decoded_source(read_bytes(name), quiet, collect)


def decoded_source(raw: Source, quiet: bool = False, collect: list | None = None) -> Source | None:
    """The text of `raw`'s bytes (read from a file, or from git by `cjm diff`), or None with
    its diagnostics printed (collected under `quiet`): too big, or not UTF-8."""
    from cjmdsl.api import decode
    from cjmdsl.language.diagnostics import to_json
    from cjmdsl.language.limits import Limits, check_bytes

    limits = Limits(**click.get_current_context().meta.get(LIMITS_KEY, {}))
    problems = check_bytes(raw.size, limits, raw.exact)
    text, decoding = decode(raw.data, raw.name) if not problems else ("", [])
    problems = problems or decoding
    source = Source(raw.name, "" if problems else text, raw.path)  # a broken file is not quoted
    if problems:
        if collect is not None and quiet:
            collect += to_json(problems, raw.name)
        else:
            print_diagnostics(problems, source)
        return None
    return source


def check_source(source: Source):
    from cjmdsl.api import check
    from cjmdsl.language.limits import Limits

    limits = click.get_current_context().meta.get(LIMITS_KEY, {})
    return check(source.text, source.name, Limits(**limits), source.path)


def checked(name: str):
    """The map `name` read and checked, its diagnostics printed: (source, result), both None
    for a file that could not be read (its diagnostics printed too)."""
    source = read_source(name)
    if source is None:
        return None, None
    result = check_source(source)
    print_diagnostics(result.diagnostics, source)
    return source, result


def print_diagnostics(diagnostics, source: Source) -> None:
    if not diagnostics:
        return
    from cjmdsl.language.diagnostics import format_all

    click.echo(format_all(diagnostics, source.text, source.name, color=stderr_color()), err=True)


def theme_or_exit(name: str, roots: tuple[Path, ...] | None = None):
    """The theme `name` (built-in) or file, its paths inside `roots` (None: the theme file's
    own project). A theme file with mistakes prints its diagnostics and exits 1, like a map;
    an unknown name, a refused path or an unreadable file is a usage error (2)."""
    from cjmdsl.themes import ThemeError, load_theme

    try:
        return load_theme(name, roots)
    except ThemeError as exc:
        exit_with_file_diagnostics(exc)


def exit_with_file_diagnostics(exc) -> None:
    """A theme or config file's mistakes (a CjmError) printed, exit 1; a file that cannot be
    used at all (no diagnostics, only a message) is a usage error (2)."""
    if not exc.diagnostics:
        fail_usage(str(exc))
    from cjmdsl.language.diagnostics import format_all

    click.echo(format_all(exc.diagnostics, exc.source, exc.filename, color=stderr_color()),
               err=True)
    sys.exit(EXIT_MAP_ERRORS)


def write_stdout(content: str | bytes) -> None:
    if isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.buffer.write(content.encode("utf-8"))
    sys.stdout.flush()


def say(message: str, err: bool = True) -> None:
    """One line for the user, on standard error unless `err` is false. It quotes file names
    and map text, so control characters are shown escaped (`escape.terminal_text`): no escape
    sequence and no forged CI annotation line reaches the terminal or the log."""
    from cjmdsl.words.escape import terminal_text

    click.echo(terminal_text(message), err=err)


def fail_usage(message: str):
    say(f"cjm: error: {message}")
    sys.exit(EXIT_USAGE)


def fail_unavailable(message: str):
    """A tool or extra the command needs is missing: the message says what to install."""
    say(f"cjm: error: {message}")
    sys.exit(EXIT_UNAVAILABLE)


def main() -> None:
    """Entry point: no Python traceback ever reaches a user."""
    import gc

    try:
        # Most commands run once and exit: the collector stays off from here to the exit (its
        # collections while the libraries import and the map is built cost a cold render
        # about 6%, and turning it back on at the end ran one more over the whole heap, 20 ms
        # of a small map's render), and reference counting frees what they drop.
        # LONG_RUNNING turn it on.
        gc.disable()
        cli.main(prog_name="cjm")
    except KeyboardInterrupt:
        click.echo("cjm: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        say(f"cjm: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        sys.exit(EXIT_MAP_ERRORS)
    except Exception as exc:  # a bug in cjm, not in the map
        say(f"cjm: internal error: {type(exc).__name__}: {exc}")
        say("This is a bug in cjm; please report it with the map that caused it.")
        sys.exit(EXIT_INTERNAL)
