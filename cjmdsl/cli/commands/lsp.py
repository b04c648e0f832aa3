"""`cjm lsp`: the language server, on standard input and output, for any LSP editor."""
from __future__ import annotations

import click

from cjmdsl.runtime.extras import install_hint

LSP_HELP = f"""Run the language server (LSP over standard input and output).

\b
Editors start it themselves; see the README's "Language server" section for
VS Code, Neovim and Helix. Needs the `lsp` extra: {install_hint("lsp")}.
"""


@click.command(help=LSP_HELP)
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; "
                                            "accepted because many editors pass it).")
def lsp(stdio: bool) -> None:
    from cjmdsl.cli import fail_unavailable

    try:
        from cjmdsl.integrations.lsp.server import main
    except ImportError:
        fail_unavailable(f"the language server needs pygls, which is not installed; "
                         f"{install_hint('lsp')}")
    main()
