"""`cjm config`: the settings `cjm render` and `cjm check` would use, and where each came from."""
from __future__ import annotations

import json
from pathlib import Path

import click

from cjmdsl.cli import LIMITS_KEY, exit_with_file_diagnostics, limit_options, say

CONFIG_HELP = """Show the settings for maps in PATH (a map or a folder; default: here) and where
each came from: a line of the config file, the command line, or the default.

\b
The config is the nearest cjm.toml, or pyproject.toml with a [tool.cjm] table,
in PATH's folder or above it. Options given here count as they would for render.

\b
Examples:
  cjm config
  cjm config docs/maps/shop.cjm
  cjm config --format json
  cjm config --theme dark              what `cjm render --theme dark` would use
"""

# What a setting left unset means, in words.
UNSET = {"theme": "each map's own, else default", "dark_theme": "the theme's own dark partner",
         "output": "beside each map"}


@click.command(help=CONFIG_HELP)
@click.argument("path", default=".", type=click.Path(allow_dash=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to print the settings.")
@click.option("--theme", default=None, help="As for render.")
@click.option("--dark-theme", default=None, help="As for render.")
@click.option("-o", "--output", default=None, help="As for render.")
@limit_options
def config(path: str, output_format: str, theme: str | None, dark_theme: str | None,
           output: str | None) -> None:
    from cjmdsl.config import ConfigError, project_config, resolve, start_folder

    limits = click.get_current_context().meta.get(LIMITS_KEY, {})
    command_line = {"theme": theme, "dark_theme": dark_theme, "output": output,
                    **{f"limits.{name}": value for name, value in limits.items()}}
    try:
        found = project_config(start_folder([Path(path)]))
    except ConfigError as exc:
        exit_with_file_diagnostics(exc)
    settings = resolve(found, command_line)
    shown = found.shown
    if output_format == "json":
        click.echo(json.dumps({"config": shown, "settings": {
            name: {"value": list(s.value) if isinstance(s.value, tuple) else s.value,
                   "source": s.origin} for name, s in settings.items()}}, indent=2,
            ensure_ascii=False))
        return
    say(f"config: {shown or 'none found (cjm.toml or [tool.cjm] in pyproject.toml)'}", err=False)
    rows = [(name, _text(name, s.value), s.origin) for name, s in settings.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for name, value, origin in rows:
        say(f"{name:<{widths[0]}}  {value:<{widths[1]}}  {origin}", err=False)


def _text(name: str, value) -> str:
    if value is None:
        return f"({UNSET[name]})"
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, bool):  # as the config file writes it
        return "true" if value else "false"
    return str(value)
