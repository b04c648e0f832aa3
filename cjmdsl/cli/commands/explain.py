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
    from cjmdsl.cli import EXIT_USAGE, say
    from cjmdsl.language import codes
    from cjmdsl.language.diagnostics import did_you_mean, edit_distance

    if code is None:
        for known in codes.codes():
            click.echo(f"{known}  {codes.severity(known):<7}  {codes.title(known)}")
        return
    wanted = code.strip().upper()
    text = codes.page(wanted)
    if text is None:
        # The nearest code of its letter (E, W, L), if close enough: did-you-mean itself
        # compares at most 40 words of a length, fewer than a letter's codes.
        family = [known for known in codes.codes() if known[0] == wanted[:1]] or codes.codes()
        padded = wanted[:1] + wanted[1:].zfill(3)  # `E12`: the zero left out
        nearest = min(family, key=lambda known: (edit_distance(wanted, known), known))
        hint = (f"did you mean `{padded}`?" if padded in codes.codes()
                else did_you_mean(wanted, [nearest]))
        say(f"cjm: error: no diagnostic code {code}" + (f"; {hint}" if hint else ""))
        say("`cjm explain` lists the codes")
        sys.exit(EXIT_USAGE)
    click.echo(f"{wanted} ({codes.severity(wanted)}): {codes.title(wanted)}\n\n{text}", nl=False)
