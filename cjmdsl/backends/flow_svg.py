"""The journey's flow graph (see `dot`) laid out by Graphviz's `dot` as SVG: `-f flow-svg`.

Written as `NAME.flow.svg`, so it never replaces the journey map's own `NAME.svg`.
Raises BackendUnavailable, naming the package to install, when `dot` is missing.
"""
from __future__ import annotations

from cjmdsl.backends._graph import render_with_dot
from cjmdsl.model import Journey
from cjmdsl.themes import Theme

BINARY = False


def render(journey: Journey, theme: Theme) -> str:
    return render_with_dot(journey, theme, "svg", "flow-svg").decode("utf-8")
