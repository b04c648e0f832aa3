"""`cjm import FORMAT FILE`: a journey kept elsewhere written as a canonical `.cjm` map.

Exit codes: 0 imported (warnings say what was left out or changed), 1 the file holds no
journey that can be imported (nothing is written), 2 usage errors (an unreadable file, an
output that exists).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

IMPORT_HELP = """Import journeys from another tool as .cjm maps.

\b
Examples:
  cjm import mermaid journey.mmd              writes journey.cjm beside it
  cjm import mermaid README.md -o maps/       every ```mermaid journey of README.md
  cjm import mermaid journey.mmd -o -         the map on standard output
  cjm import csv research.csv                 a table, or a survey export
  cjm import xlsx research.xlsx --sheet Q3    an Excel sheet (the xlsx extra)
"""

MERMAID_HELP = """Import a Mermaid `journey` diagram (.mmd), or every ```mermaid journey
of a Markdown file (.md), as .cjm maps.

\b
title -> the map's title, section -> stages, tasks -> touchpoints, actors -> personas
(each feeling the task's score on a 1..5 scale; 1..10 when a score is above 5),
accTitle/accDescr -> the description. What cannot be mapped is reported as a warning.
Several journeys of one Markdown file are written as NAME-1.cjm, NAME-2.cjm, ...
"""


@click.group("import", help=IMPORT_HELP)
def import_group() -> None:
    pass


def output_option(command):
    return click.option(
        "-o", "--output", default=None,
        help="The .cjm file to write, `-` for standard output, or a folder (ending in / or "
             "existing). Default: beside the input, with the extension .cjm.")(command)


@import_group.command("mermaid", help=MERMAID_HELP)
@click.argument("file", type=click.Path(allow_dash=True))
@output_option
def mermaid(file: str, output: str | None) -> None:
    from cjmdsl.importers.mermaid import import_mermaid

    source = _read(file)
    write_imported(import_mermaid(source.text, source.name), source, output)


CSV_HELP = """Import a table as a .cjm map: the layout `cjm render -f csv` writes (one row per
touchpoint and persona), or a survey export (one row per response: touchpoint, persona or
segment, score), whose scores become emotions.

\b
The delimiter is sniffed (, ; tab |); column names are matched loosely and unknown ones
reported; a survey's evidence (file, dates) goes into the description.
"""


@import_group.command("csv", help=CSV_HELP)
@click.argument("file", type=click.Path(allow_dash=True))
@output_option
def csv_command(file: str, output: str | None) -> None:
    from cjmdsl.importers.spreadsheet import import_table, read_csv

    source = _read(file)
    write_imported(import_table(read_csv(source.text, source.name)), source, output)


@import_group.command("xlsx", help=CSV_HELP.replace("a table", "an Excel sheet") + """
Needs the `xlsx` extra (openpyxl).
""")
@click.argument("file", type=click.Path())
@click.option("--sheet", default=None, help="The sheet to read.  [default: the first]")
@output_option
def xlsx_command(file: str, sheet: str | None, output: str | None) -> None:
    from cjmdsl.cli import Source, fail_unavailable, fail_usage
    from cjmdsl.runtime.extras import install_hint
    from cjmdsl.importers.spreadsheet import import_table, read_xlsx
    from cjmdsl.language.limits import DEFAULT_LIMITS
    from cjmdsl.language.paths import PathRefused, read_regular

    try:
        import openpyxl  # noqa: F401
    except ImportError:
        fail_unavailable(f"cjm import xlsx needs the Python package `openpyxl`; install it "
                         f"with {install_hint('xlsx')}")
    try:
        data, _ = read_regular(file, DEFAULT_LIMITS.max_bytes * 4)
    except PathRefused as exc:
        fail_usage(f"cannot read {file}: it {exc.rule}")
    except OSError as exc:
        fail_usage(f"cannot read {file}: {exc.strerror or exc}")
    table = read_xlsx(data, file, sheet)
    if isinstance(table, str):
        fail_usage(f"cannot read {file}: {table}")
    write_imported(import_table(table), Source(file, "", Path(file)), output)


def _read(file: str):
    from cjmdsl.cli import read_source

    source = read_source(file)
    if source is None:  # too big or not UTF-8: the diagnostic is printed
        sys.exit(1)
    return source


def write_imported(imported, source, output: str | None) -> None:
    """Print the importer's diagnostics; write each journey as canonical .cjm (never over an
    existing file); exit 1 when there is nothing to write."""
    from cjmdsl.api import check
    from cjmdsl.cli import (EXIT_INTERNAL, EXIT_MAP_ERRORS, EXIT_OK, STDIN, fail_usage,
                            print_diagnostics, say, write_stdout)
    from cjmdsl.language.diagnostics import sort_key
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.importers.cjm_source import cjm_source

    print_diagnostics(sorted(imported.diagnostics, key=sort_key), source)
    if imported.errors or not imported.journeys:
        sys.exit(EXIT_MAP_ERRORS)
    texts = [cjm_source(journey) for journey in imported.journeys]
    for text in texts:
        if check(text).errors:  # the importer made a map that does not compile: a bug
            say("cjm: internal error: the imported map does not compile")
            sys.exit(EXIT_INTERNAL)
    if output == STDIN or (output is None and source.path is None):
        if len(texts) > 1:
            fail_usage(f"{source.name} holds {len(texts)} journeys; standard output takes "
                       "one: give a folder with -o")
        write_stdout(texts[0])
        sys.exit(EXIT_OK)
    targets = _targets(source, output, len(texts))
    for target in targets:
        if target.exists():
            fail_usage(f"{target} already exists; cjm import never writes over a file")
    for target, text in zip(targets, texts):
        write_atomically(target, text)
        say(f"wrote {target}")
    sys.exit(EXIT_OK)


def _targets(source, output: str | None, count: int) -> list[Path]:
    """Where the maps go: FILE.cjm, or FILE-1.cjm ... for several, beside the input or in
    the folder -o names, or under the name -o gives."""
    if output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir()):
        base = Path(output) / (source.path.stem + ".cjm")
    else:
        base = Path(output) if output is not None else source.path.with_suffix(".cjm")
    if count == 1:
        return [base]
    return [base.with_name(f"{base.stem}-{number}{base.suffix or '.cjm'}")
            for number in range(1, count + 1)]
