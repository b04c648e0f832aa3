"""Python's cyclic garbage collector, paused while a map is built, laid out and drawn (and
by `cjm` for the whole of a command that runs once, see `cli.main`).

Each stage allocates an object or more per token, item and drawn piece, and almost none of
them is garbage before the stage ends; every collection the collector runs meanwhile walks
the whole growing heap for nothing. At 5,000 touchpoints the collections were a third of the
compile time and grew faster than the map: with them the cost per touchpoint rose with the
size. Reference counting still frees everything that is not in a cycle.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The collector off for the block, and back as it was afterwards, so that a long-running
    host (the language server, `cjm serve`, `cjm watch`) keeps collecting between maps."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
