#!/usr/bin/env python3
"""How long `cjm serve` takes to have the new page after a save, map by map.

    python bench/serve.py            # 25 edits per example
    python bench/serve.py --quick    # 8 edits per example

For each example, copied to a temporary folder: the median time of `Preview.refresh()`
(what `cjm serve` runs when the file watcher reports a save: read the file, check it, draw
the HTML page) after one emotion value changed on disk, in one warm process, as a server
that has been running a while. Beside it, the same edit checked and drawn as SVG (what
`cjm watch` does), so the page's own cost is the ratio. Both check a save from the check
before it, as the commands do (`cjmdsl.language.edits`); with `PYTHONPATH` on an older
checkout whose `check` has no `before`, each save is checked in full. The goal is 20 ms
for the largest example. The watcher's own delay before it reports a save is not in
these figures.
Prints Markdown; writes only to a temporary folder. Needs nothing beyond the core.
"""
from __future__ import annotations

import argparse
import inspect
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from run import edits_of  # noqa: E402  (bench/run.py)

from cjmdsl.api import check, render  # noqa: E402
from cjmdsl.cli.commands.serve import Preview  # noqa: E402
from cjmdsl.cli.commands.watch import look_for  # noqa: E402

WARM_UP = 3
FOLLOWS = "before" in inspect.signature(check).parameters


def timed(step, file: Path, text: str, edits: int) -> float:
    """Median seconds of `step()` after each edit is written to `file`."""
    times = []
    for number, edited in enumerate(edits_of(text, WARM_UP + edits)):
        file.write_text(edited, encoding="utf-8")
        start = time.perf_counter()
        step()
        if number >= WARM_UP:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    edits = 8 if parser.parse_args().quick else 25
    print("| example | touchpoints | `cjm serve`: new page | as SVG | page / SVG |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for source in sorted((REPO / "examples").glob("*.cjm")):
            file = Path(folder) / source.name
            shutil.copy(source, file)
            text = source.read_text(encoding="utf-8")
            preview = Preview(file, look_for(file, None))

            checked = None

            def as_svg() -> None:  # as `cjm watch` checks each save from the one before
                nonlocal checked
                again = {"before": checked, "following": True} if FOLLOWS else {}
                checked = check(file.read_text(encoding="utf-8"), str(file), **again)
                render(checked.journey)

            page = timed(preview.refresh, file, text, edits)
            if preview.problems:
                sys.exit(f"bench: {source.name} has errors:\n{preview.problems}")
            drawing = timed(as_svg, file, text, edits)
            print(f"| `{source.name}` | {text.count('touchpoint ')} | {page * 1000:.1f} ms | "
                  f"{drawing * 1000:.1f} ms | {page / drawing:.2f}× |")


if __name__ == "__main__":
    main()
