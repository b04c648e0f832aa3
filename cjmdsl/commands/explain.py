"""`cjm explain CODE`: what a diagnostic code means, a map with the mistake, and the fix."""
from __future__ import annotations

import sys

import click

EXPLAIN_HELP = """Explain a diagnostic code: what it means, an example, the fix.

\b
Examples:
  cjm explain E012        the page of E012 (unknown persona)
  cjm explain             every code, with its meaning
"""


@click.command(help=EXPLAIN_HELP)
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    from cjmdsl import codes
    from cjmdsl.cli import EXIT_USAGE, say
    from cjmdsl.diagnostics import did_you_mean

    if code is None:
        for known in codes.codes():
            click.echo(f"{known}  {codes.severity(known):<7}  {codes.title(known)}")
        return
    wanted = code.strip().upper()
    text = codes.page(wanted)
    if text is None:
        # Among the codes of its letter (E, W, L): did-you-mean compares at most 40 words.
        family = [known for known in codes.codes() if known[0] == wanted[:1]]
        # A code written without its leading zeros (`E12`) is that code: the window of 40
        # may not reach it among a family of more.
        padded = wanted[:1] + wanted[1:].zfill(3)
        hint = (f"did you mean `{padded}`?" if wanted[1:].isdigit() and codes.page(padded)
                else did_you_mean(wanted, family or codes.codes()))
        say(f"cjm: error: no diagnostic code {code}" + (f"; {hint}" if hint else ""))
        say("`cjm explain` lists the codes")
        sys.exit(EXIT_USAGE)
    click.echo(f"{wanted} ({codes.severity(wanted)}): {codes.title(wanted)}\n\n{text}", nl=False)
