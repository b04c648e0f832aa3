"""The journey as a Graphviz DOT flow graph, for your own Graphviz pipeline.

Needs no system tool: the graph is built with the `graphviz` package (see `_graph`) and
written as text. `png`, `pdf` and `flow-svg` lay the same graph out with `dot`.
"""
from __future__ import annotations

from cjmdsl.backends._graph import build
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.locales import in_its_language

BINARY = False


@in_its_language
def render(journey: Journey, theme: Theme) -> str:
    return build(journey, theme).source
