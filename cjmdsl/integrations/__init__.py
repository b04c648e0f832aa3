"""Where maps meet other tools: Sphinx, MkDocs, the language server, Pygments and
the GitHub Action.
"""
