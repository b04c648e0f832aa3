"""`cjm site`: a static, offline site of every map in a folder (cjmdsl.site)."""
from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

import click

from cjmdsl.cli import limit_options

SITE_HELP = """Build a static site of every map under the folders given: an index with a
thumbnail of each map, its personas, its worst moment and its evidence coverage, a heat map
of pain points by stage across maps and a search box over every text; each map's
interactive page at its path in the folder (a `details` link opens the linked map's page);
and a page for each persona with its curve in every journey it appears in. Nothing on the
site loads anything from elsewhere: it works from file:// and from any static host.

Maps are drawn in parallel, and only those that changed since the last build (the render
cache keeps their stamps and summaries; --no-cache draws all).

\b
Examples:
  cjm site maps/ -o site/
  cjm site journeys/ personas/ -o public/ --theme print -j 4
"""


@click.command(help=SITE_HELP)
@click.argument("folders", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="The folder to build the site in (created if missing). Files of maps "
                   "that are gone since the last build there are removed; nothing else is.")
@click.option("--theme", default=None, help="Theme name or .toml file (overrides the maps' own).")
@click.option("--dark-theme", default=None,
              help="Theme the pages switch to in dark mode (overrides the theme's own).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to draw with.  [default: one per core]")
@click.option("--no-cache", is_flag=True, help="Draw every map, even those the cache knows are "
                                               "current.")
@click.option("--lang", default=None, metavar="LANG",
              help="Language of the words the site writes (de, en, es, fr, ja).  [default: en]")
@limit_options
def site(folders: tuple[str, ...], output: str, theme: str | None, dark_theme: str | None,
         strict: bool, jobs: int | None, no_cache: bool, lang: str | None) -> None:
    from cjmdsl import batch
    from cjmdsl.cli import (EXIT_MAP_ERRORS, EXIT_OK, LIMITS_KEY, expand_inputs, fail_usage,
                            files_read_by, input_roots, project_settings, read_bytes,
                            refuse_over_input, refuse_unknown_language, render_cache_folder,
                            stderr_color, theme_or_exit, use_config_limits)
    from cjmdsl.site import SiteMap, build

    refuse_unknown_language(lang)
    if "-" in folders:
        fail_usage("a site is built from folders or files of maps, not standard input")
    names, _ = expand_inputs(folders)
    settings = project_settings(folders, {"theme": theme, "dark_theme": dark_theme})
    use_config_limits(settings)
    roots = input_roots(folders)
    chosen = theme or settings["theme"].value
    theme_obj = theme_or_exit(chosen, roots) if chosen else None
    dark = dark_theme or settings["dark_theme"].value
    dark_obj = theme_or_exit(dark, roots) if dark else None
    out = Path(output)
    read = files_read_by(folders, names, theme_obj, dark_obj)
    base = _base(folders)
    in_folder = {name for name in names if name not in folders}
    maps, claimed = [], {}
    for name in names:
        stem = PurePosixPath(Path(name).resolve().relative_to(base).with_suffix("").as_posix())
        for suffix in (".html", ".svg"):
            refuse_over_input(out / f"{stem}{suffix}", read)
        if str(stem) in claimed:
            fail_usage(f"{claimed[str(stem)]} and {name} would both be {stem}.html on the site")
        claimed[str(stem)] = name
        source = read_bytes(name)
        maps.append(SiteMap(batch.Job(source.name, source.data, None, None, source.size,
                                      source.exact, source.path, name in in_folder), str(stem)))
    limits = dict(click.get_current_context().meta.get(LIMITS_KEY, {}))
    run = batch.Settings("html", theme, strict, stderr_color(), {}, limits, settings["theme"].value,
                         dark, lang, settings["state"].value)
    counts: dict[str, int] = {}
    progress = batch.Progress(len(maps), sys.stderr if sys.stderr.isatty() else None)
    cache_folder = None if no_cache else render_cache_folder()
    reporter = batch.Reporter()
    try:
        for built in build(maps, out, run, cache_folder, jobs or batch.default_processes(),
                           theme_obj, dark_obj):
            if built.outcome.status == batch.UNAVAILABLE:
                progress.clear()
                fail_usage(built.outcome.report)
            report = reporter.fresh(built.outcome)
            if report:
                progress.clear()
                click.echo(report, err=True)
            counts[built.outcome.status] = counts.get(built.outcome.status, 0) + 1
            progress.advance(built.site_map.job.name)
    except OSError as exc:
        progress.clear()
        fail_usage(f"cannot write the site to {output}: {exc.strerror or exc}")
    progress.clear()
    click.echo(batch.summary(counts, progress.elapsed()) + f"; the site is {out / 'index.html'}",
               err=True)
    sys.exit(EXIT_MAP_ERRORS if counts.get(batch.FAILED) else EXIT_OK)


def _base(folders: tuple[str, ...]) -> Path:
    """The folder the site mirrors: the common parent of the inputs (a folder counts as
    itself), so maps/a.cjm and maps/sub/b.cjm are a.html and sub/b.html on the site."""
    import os

    parents = [Path(name).resolve() if Path(name).is_dir() else Path(name).resolve().parent
               for name in folders]
    return Path(os.path.commonpath(parents))
