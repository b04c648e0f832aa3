"""`cjm lint`: the compiler's diagnostics and the journey-quality rules, with coverage."""
from __future__ import annotations

import json
import sys
import click

from cjmdsl.cli import (EXIT_MAP_ERRORS, EXIT_OK, LIMITS_KEY, expand_inputs, fail_usage,
                        limit_options, print_diagnostics, project_config_or_exit,
                        project_settings, read_source, say, use_config_limits)

LINT_HELP = """Check maps with the journey-quality rules, and print each map's coverage.

\b
Examples:
  cjm lint maps/
  cjm lint --min-coverage pains=0.8,owners=1 maps/     exit 1 below the bar
  cjm lint --format sarif maps/ > cjm.sarif           for GitHub code scanning
  cjm lint --format github maps/                      annotations in a workflow

\b
Rules (tune them in [lint] of cjm.toml, or [tool.cjm.lint]; allow one on a line
with `// cjm: allow RULE`; `cjm explain CODE` explains each):
"""

FORMATS = ("text", "json", "sarif", "github")


def _help() -> str:
    from cjmdsl.review.lint.rules import RULES

    width = max(len(rule.name) for rule in RULES)
    return LINT_HELP + "\n".join(f"  {rule.code}  {rule.name:<{width}}  {rule.severity}"
                                 for rule in RULES) + "\n"


@click.command(help=_help())
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="How to print diagnostics and coverage.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--min-coverage", "min_coverage", multiple=True, metavar="FIGURE=SHARE,…",
              help="Fail when a map's coverage is below the bar: pains, evidence, owners; a "
                   "share as 0.8 or 80% (over [lint.min-coverage]).")
@limit_options
def lint(files: tuple[str, ...], output_format: str, strict: bool,
         min_coverage: tuple[str, ...]) -> None:
    from cjmdsl import __version__
    from cjmdsl.language.limits import Limits
    from cjmdsl.review.lint import LintSettings, below, lint_text, report, today
    from cjmdsl.review.lint.settings import path_in_project

    bars_given = _bars(min_coverage)
    config = project_config_or_exit(files)
    use_config_limits(project_settings(files, {}, config))
    settings = config.lint or LintSettings()
    bars = {**settings.min_coverage, **bars_given}
    machine = output_format in ("json", "sarif")
    found: list[dict] = []
    coverage: list[dict] = []
    failed = False
    day = today()
    limits = Limits(**click.get_current_context().meta.get(LIMITS_KEY, {}))
    for name in expand_inputs(files)[0]:
        unread: list[dict] = []
        source = read_source(name, quiet=output_format != "text", collect=unread)
        if source is None:
            records = [{**record, "rule": None} for record in unread]
            result = None
        else:
            result = lint_text(source.text, source.name, settings,
                               path_in_project(source.path, config.path), limits, day,
                               source.path)
            records = report.records(result.diagnostics, source.name)
            if output_format == "text":
                print_diagnostics(result.diagnostics, source)
        found += records
        if output_format == "github":
            for record in records:
                click.echo(report.github_annotation(record))
        if result is None:
            failed = True
            continue
        if result.coverage is not None:
            coverage.append(report.coverage_record(source.name, result.coverage))
            if not machine:
                click.echo(report.coverage_line(source.name, result.coverage))
        for figure, share, bar in below(result.coverage, bars):
            failed = True
            message = report.below_message(source.name, figure, share, bar)
            if output_format == "github":
                click.echo(report.github_command("error", message, {
                    "file": None if source.path is None else source.name,
                    "title": "cjm coverage"}))
            elif not machine:
                say(f"cjm: error: {message}")
            else:
                coverage[-1].setdefault("below", []).append({"figure": figure, "minimum": bar})
        if result.errors or (strict and result.warnings):
            failed = True
    if output_format == "json":
        click.echo(json.dumps({"diagnostics": found, "coverage": coverage}, indent=2,
                              ensure_ascii=False))
    elif output_format == "sarif":
        click.echo(json.dumps(report.sarif(found, coverage, __version__), indent=2,
                              ensure_ascii=False))
    sys.exit(EXIT_MAP_ERRORS if failed else EXIT_OK)


def _bars(given: tuple[str, ...]) -> dict[str, float]:
    """`--min-coverage pains=0.8,owners=1` (repeatable) as {figure: share}; a mistake in it is
    a usage error."""
    from cjmdsl.language.diagnostics import did_you_mean
    from cjmdsl.review.lint.settings import FIGURES, parse_share

    bars: dict[str, float] = {}
    for option in given:
        for part in filter(None, (p.strip() for p in option.split(","))):
            figure, equals, value = part.partition("=")
            figure = figure.strip()
            if not equals:
                fail_usage(f"--min-coverage {part}: write FIGURE=SHARE, such as pains=0.8")
            if figure not in FIGURES:
                hint = did_you_mean(figure, FIGURES) or "figures: " + ", ".join(FIGURES)
                fail_usage(f"--min-coverage: unknown figure `{figure}`; {hint}")
            share = parse_share(value)
            if share is None:
                fail_usage(f"--min-coverage {part}: the share must be from 0 to 1 (0.8) or a "
                           f"percentage (80%)")
            bars[figure] = share
    return bars
