"""`cjm new`: write a commented starting map from one of the starters in cjmdsl/starters/.

Each starter is a valid, formatted map (the tests compile and render every one); `cjm new`
only puts the title in. It never writes over an existing file.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

STARTERS = Path(__file__).resolve().parents[2] / "starters"
# name -> what it is for, in the order `--list` shows them
TEMPLATES = {
    "blank": "one persona, one stage, one touchpoint: the smallest map that renders",
    "b2c": "a shopper from an ad to a first purchase and a reorder; fees, flows, KPIs",
    "b2b": "buyer, admin and end user from evaluation to renewal, on a -3 .. 3 scale",
    "support": "a customer with a problem, expected vs actual emotion at each step",
    "blueprint": "a service blueprint: evidence, frontstage, backstage, support, actors, hand-offs",
}

NEW_HELP = """Start a new map from a template, with comments that explain each part.

\b
Examples:
  cjm new onboarding.cjm --template b2b
  cjm new shop.cjm --template b2c --title "First order at Basketful"
  cjm new --list                         the templates, one line each
  cjm new - --template support           the map on standard output
"""

_TITLE = re.compile(r'^map "(?:[^"\\\n]|\\.)*"', re.MULTILINE)


def starter(template: str, title: str | None = None) -> str:
    """The text of a template, with `title` as the map's title when given."""
    text = (STARTERS / f"{template}.cjm").read_text(encoding="utf-8")
    if title is None:
        return text
    from cjmdsl.language.format import quote

    return _TITLE.sub(lambda _: f"map {quote(title)}", text, count=1)


def title_from(path: Path) -> str:
    """`customer-onboarding.cjm` -> `Customer onboarding`."""
    words = re.sub(r"[-_.]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "New journey"


@click.command(help=NEW_HELP)
@click.argument("file", required=False, type=click.Path(allow_dash=True))
@click.option("-t", "--template", type=click.Choice(list(TEMPLATES)), default="blank",
              show_default=True, help="What to start from (see --list).")
@click.option("--title", default=None,
              help="The map's title.  [default: from the file name]")
@click.option("--list", "list_templates", is_flag=True, help="List the templates and exit.")
def new(file: str | None, template: str, title: str | None, list_templates: bool) -> None:
    from cjmdsl.cli import EXIT_OK, STDIN, fail_usage, say, write_stdout
    from cjmdsl.runtime.files import write_atomically

    if list_templates:
        width = max(map(len, TEMPLATES)) + 2
        for name, summary in TEMPLATES.items():
            click.echo(f"{name:<{width}}{summary}")
        sys.exit(EXIT_OK)
    if file is None:
        fail_usage("give the file to create, e.g. `cjm new onboarding.cjm` (or --list)")
    if file == STDIN:
        write_stdout(starter(template, title))
        sys.exit(EXIT_OK)
    target = Path(file)
    if not target.suffix:
        target = target.with_suffix(".cjm")
    if target.exists():
        fail_usage(f"{target} already exists; cjm new never writes over a file")
    write_atomically(target, starter(template, title or title_from(target)))
    say(f"created {target} from the {template} template; render it with `cjm render {target}`")
