"""`cjm report`: a page about one map, or about all the maps of a folder (cjmdsl.review.report)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

REPORT_HELP = """Write a report of maps: each persona's worst moments, the largest gaps,
pain points by stage, evidence coverage, opportunities most urgent first, KPIs against
their targets. Over several maps or a folder, first what they say together: where pain
points concentrate, which personas fare worst, the coverage of all of them.

\b
Examples:
  cjm report shop.cjm                       Markdown on standard output
  cjm report maps/ -o report.html           every map under maps/, one HTML page
  cjm report shop.cjm --format html > shop-report.html
"""

FORMATS = ("markdown", "html")
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@click.command(help=REPORT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Markdown or an HTML page.  [default: by the -o file's extension, else "
                   "markdown]")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file (replaced whole, never half written).")
def report(files: tuple[str, ...], output_format: str | None, output: str | None) -> None:
    from cjmdsl.cli import (EXIT_MAP_ERRORS, EXIT_OK, checked, expand_inputs, fail_usage,
                            files_read_by, refuse_over_input, write_stdout)
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.review.report import map_report, portfolio
    from cjmdsl.review.report.html import html
    from cjmdsl.review.report.markdown import markdown
    from cjmdsl.review.report.page import map_page, portfolio_page

    output_format = output_format or _format_of(output, fail_usage)
    names, folders = expand_inputs(files)
    if output:
        refuse_over_input(output, files_read_by(files, names))
    reports, failed = [], False
    for name in names:
        source, result = checked(name)
        if result is None or result.journey is None:
            failed = True
        elif not result.library:  # a library has no journey to report on
            reports.append(map_report(result.journey, source.name))
    if reports:
        page = (map_page(reports[0]) if len(names) == 1 and not folders
                else portfolio_page(portfolio(reports)))
        content = (markdown if output_format == "markdown" else html)(page)
        if output:
            try:
                write_atomically(Path(output), content)
            except OSError as exc:
                fail_usage(f"cannot write {output}: {exc.strerror or exc}")
        else:
            write_stdout(content)
    sys.exit(EXIT_MAP_ERRORS if failed else EXIT_OK)


def _format_of(output: str | None, fail_usage) -> str:
    """The format an output file's extension names; Markdown without one."""
    if output is None:
        return "markdown"
    found = EXTENSIONS.get(Path(output).suffix.lower())
    if found is None:
        fail_usage(f"cannot tell the format of {output}: name it .md or .html, or give --format")
    return found
