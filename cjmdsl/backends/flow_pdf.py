"""The journey's flow graph (see `dot`) laid out by Graphviz's `dot` as PDF.

Raises BackendUnavailable, naming the package to install, when `dot` is missing.
"""
from __future__ import annotations

from cjmdsl.backends._graph import render_with_dot
from cjmdsl.model import Journey
from cjmdsl.themes import Theme

BINARY = True


def render(journey: Journey, theme: Theme) -> bytes:
    return render_with_dot(journey, theme, "pdf", "flow-pdf")
