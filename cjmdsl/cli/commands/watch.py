"""`cjm watch FILE -o OUT`: render again on every save, until Ctrl-C.

A map with errors prints its diagnostics and leaves the last good output in place.
The folder of the map is watched, not the file, so editors that save by writing a new
file and renaming it over the old one are followed too; so are the folders of the libraries
the map uses (`use "…"`), as they were at the last render (`Followed`).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from cjmdsl.cli import format_choices, say
from cjmdsl.model import record
from cjmdsl.runtime.extras import install_hint
from cjmdsl.language.limits import Limits

WATCH_HELP = f"""Render a map again every time it is saved (Ctrl-C stops).

\b
Examples:
  cjm watch shop.cjm                    shop.svg beside it, kept current
  cjm watch shop.cjm -o build/shop.html the format follows the extension
  cjm watch shop.cjm -f json -o shop.json

Needs the `live` extra: {install_hint("live")}.
"""


@click.command(help=WATCH_HELP)
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file.  [default: beside the map, with the format's extension]")
@click.option("-f", "--format", "format_name", default=None, type=click.Choice(format_choices()),
              help="Output format.  [default: from the output's extension, else svg]")
@click.option("--theme", default=None, help="Theme name or .toml file (overrides the map's own).")
def watch(file: Path, output: Path | None, format_name: str | None, theme: str | None) -> None:
    from cjmdsl.backends import backend, extension
    from cjmdsl.cli import EXIT_OK, output_format, refuse_over_input

    watchfiles = watchfiles_or_exit()
    look = look_for(file, theme)
    format_name = output_format(format_name, str(output) if output else None)
    module = backend(format_name)
    output = output or file.with_suffix(extension(format_name))
    refuse_over_input(output, look.read)
    followed = Followed(file)
    try:  # Ctrl-C may land during the first render too
        render_once(file, output, module, look, followed)
        say(f"cjm: watching {file} (Ctrl-C to stop)")
        follow(watchfiles, followed, lambda: file.exists() and render_once(
            file, output, module, look, followed), raise_interrupt=True)
    except KeyboardInterrupt:
        pass
    click.echo("cjm: stopped watching", err=True)
    sys.exit(EXIT_OK)


class Followed:
    """The files a watch follows: the map, and the library files it used at its last
    render (`CompileResult.files`), which change as its `use` lines do."""

    def __init__(self, file: Path):
        self.map = file.resolve()
        self.libraries: frozenset[Path] = frozenset()
        # The map's last check, which the next can reuse (`cjmdsl.api.check`'s `before`);
        # forgotten when a library changes, for the next check reads them again.
        self.checked = None

    def __contains__(self, path: str | Path) -> bool:
        return Path(path) == self.map or Path(path) in self.libraries

    def folders(self) -> list[Path]:
        """The folders to watch (not their subfolders): those of the map and its libraries
        that exist."""
        return sorted({path.parent for path in (self.map, *self.libraries)
                       if path.parent.is_dir()})


def follow(watchfiles, followed: Followed, changed, **options) -> None:
    """Call `changed` after each save of a followed file, until the watch ends (Ctrl-C, or
    `stop_event` in `options`); when the map comes to use other libraries, their folders
    are watched from then on."""
    while True:
        folders = followed.folders()
        for changes in watchfiles.watch(*folders, watch_filter=lambda _, path: path in followed,
                                        debounce=400, recursive=False, **options):
            if any(Path(path) != followed.map for _, path in changes):
                followed.checked = None
            changed()
            if followed.folders() != folders:
                break
        else:
            return


@record
class Look:
    """How the watched map is drawn: --theme, and the project config's theme, dark theme,
    width and limits, which apply on every save."""

    theme: str | None
    project_theme: str | None
    dark_theme: str | None
    limits: Limits
    read: frozenset[Path]  # the map, its config and theme files: no output goes over them
    width: int | None = None  # the config's width (0: one row); None: the format's default


def look_for(file: Path, theme: str | None) -> Look:
    """--theme, and the project config that applies to `file` (a config with mistakes prints
    them and exits 1)."""
    from cjmdsl.cli import (files_read_by, input_roots, project_settings, refuse_links_out,
                            theme_or_exit)
    from cjmdsl.config import limits_of

    refuse_links_out([str(file)], file.absolute().parent)
    settings = project_settings([str(file)], {})
    roots = input_roots([str(file)])
    # The one rule for paths, checked once before the first render.
    themes = [theme_or_exit(name, roots) for name in (theme, settings["theme"].value,
                                                      settings["dark_theme"].value) if name]
    width = settings["width"]
    return Look(theme, settings["theme"].value, settings["dark_theme"].value,
                limits_of(settings), files_read_by([str(file)], [str(file)], *themes),
                width.value if width.source != "default" else None)


def render_once(file: Path, output: Path, module, look: Look,
                followed: Followed | None = None) -> bool:
    """Render `file` to `output`; on errors print them and leave `output` as it was. A
    missing tool (Graphviz for the flow view) stops the watch: no save would bring it.
    `followed` learns the libraries the map uses."""
    from cjmdsl.api import check, read_map_file
    from cjmdsl.backends import BackendUnavailable, render_noting
    from cjmdsl.cli import Source, fail_unavailable, print_diagnostics
    from cjmdsl.language.diagnostics import drawing_warning
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.language.paths import PathRefused
    from cjmdsl.themes import ThemeError, theme_for

    try:
        text, problems = read_map_file(file, look.limits)
    except PathRefused as refused:
        say(f"cjm: error: cannot read {file}: it {refused.rule}")
        return False
    except OSError as exc:
        say(f"cjm: error: cannot read {file}: {exc.strerror or exc}")
        return False
    result = None
    if not problems:
        result = check(text, str(file), look.limits, file,
                       before=followed.checked if followed else None, following=True)
    if result is not None and followed is not None:
        followed.libraries = frozenset(result.files)
        followed.checked = result
    diagnostics = problems or result.diagnostics
    print_diagnostics(diagnostics, Source(str(file), "" if problems else text, file))
    if result is None or result.journey is None:
        say(f"cjm: {file} has errors; {output} is unchanged")
        return False
    # The config's width, for the formats laid out for one (as `cjm render` gives it).
    options = ({"width": look.width}
               if look.width is not None and "width" in getattr(module, "OPTIONS", ()) else {})
    try:
        content, noted = render_noting(module, result.journey,
                                       theme_for(result.journey.theme, look.theme,
                                                 look.project_theme, look.dark_theme),
                                       **options)
    except ThemeError as exc:
        say(f"cjm: error: {exc}")
        return False
    except BackendUnavailable as exc:
        fail_unavailable(str(exc))
    print_diagnostics([drawing_warning(message, result.journey.span) for message in noted],
                      Source(str(file), text, file))
    write_atomically(output, content)
    say(f"cjm: wrote {output}")
    return True


def watchfiles_or_exit():
    try:
        import watchfiles
    except ImportError:
        from cjmdsl.cli import fail_unavailable

        fail_unavailable(f"watching needs watchfiles: {install_hint('live')}")
    return watchfiles
