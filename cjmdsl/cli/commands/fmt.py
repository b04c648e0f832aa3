"""`cjm fmt`: rewrite maps in the canonical layout (cjmdsl.language.format), or report what
would change.

Exit codes: 0 nothing to do (or every file rewritten), 1 a file has syntax errors or, with
--check or --diff, a file is not formatted; 2 usage errors (an unreadable file).
"""
from __future__ import annotations

import difflib
import sys

import click

FMT_HELP = """Format maps in the canonical layout, in place.

Two-space indentation, one statement per line, a blank line between blocks, one
spelling for strings and numbers. Comments stay where they are; the meaning never
changes. A file with syntax errors is left as it is and its errors are printed.

\b
Examples:
  cjm fmt shop.cjm                       rewrites shop.cjm if needed
  cjm fmt maps/                          every .cjm under maps/
  cjm fmt --check maps/*.cjm             exit 1 and the names of unformatted files (CI)
  cjm fmt --diff shop.cjm                show the changes as a diff; write nothing
  cjm fmt - < shop.cjm                   standard input to standard output (editors)
"""


@click.command(help=FMT_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True,
              help="Write nothing; print the names of files that would change and exit 1 if any.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Write nothing; print a unified diff of the changes and exit 1 if any.")
def fmt(files: tuple[str, ...], check: bool, show_diff: bool) -> None:
    from cjmdsl.cli import EXIT_MAP_ERRORS, EXIT_OK, expand_inputs

    names, _ = expand_inputs(files)
    failed = False
    for name in names:
        outcome = _format_one(name, check, show_diff)
        failed = failed or outcome
    sys.exit(EXIT_MAP_ERRORS if failed else EXIT_OK)


def _format_one(name: str, check: bool, show_diff: bool) -> bool:
    """Format one file as the options say; True when it fails the run."""
    from cjmdsl.cli import STDIN, print_diagnostics, read_source, say, write_stdout
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.language.diagnostics import CjmError
    from cjmdsl.language.format import format_text

    source = read_source(name)
    if source is None:  # not UTF-8: the diagnostic is printed
        return True
    try:
        formatted = format_text(source.text, source.name)
    except CjmError as exc:
        print_diagnostics(exc.diagnostics, source)
        return True
    changed = formatted != source.text
    if show_diff:
        if changed:
            write_stdout(_diff(source.text, formatted, source.name))
        return changed
    if check:
        if changed:
            say(source.name, err=False)
        return changed
    if name == STDIN:
        write_stdout(formatted)
    elif changed:
        write_atomically(source.path, formatted)
        say(f"reformatted {source.name}")
    return False


def _diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"{name} (original)", f"{name} (formatted)")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
