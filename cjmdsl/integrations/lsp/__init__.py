"""The language server behind `cjm lsp`, for any editor that speaks LSP.

`analysis` and `completion` know the language and nothing of the protocol (they take
1-based lines and columns, as spans do); `server` is the pygls wiring that turns their
answers into LSP messages. Only `server` needs the `lsp` extra.
"""
