"""`cjm themes`: the built-in themes, and any theme printed in full as TOML."""
from __future__ import annotations

import click

THEMES_HELP = """List the built-in themes, with what each is for.

\b
Examples:
  cjm themes
  cjm themes show dark                   the whole theme as TOML
  cjm themes show dark > brand.toml      a start for your own theme
  cjm render shop.cjm --theme brand.toml
"""

SHOW_HELP = """Print a theme, fully resolved, as TOML: every key with its value.

NAME is a built-in theme or a .toml file (which is checked, and its `extends` followed).
"""


@click.group(help=THEMES_HELP, invoke_without_command=True)
@click.pass_context
def themes(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from cjmdsl.themes import builtin_themes

    listed = builtin_themes()
    width = max(len(theme.name) for theme in listed) + 2
    for theme in listed:
        partner = f" (dark mode: {theme.dark})" if theme.dark and theme.dark != theme.name else ""
        click.echo(f"{theme.name:<{width}}{theme.description}{partner}")


@themes.command(help=SHOW_HELP)
@click.argument("name")
def show(name: str) -> None:
    from cjmdsl.cli import theme_or_exit
    from cjmdsl.themes import to_toml

    click.echo(to_toml(theme_or_exit(name)), nl=False)
