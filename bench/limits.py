"""Bounded work on big inputs: a 5,000-touchpoint map and a 1 MB string, through the whole
pipeline (check, layout, SVG), with time and tracemalloc peak, against `python -c pass`.

    python bench/limits.py
"""
from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import generate_map  # noqa: E402

from cjmdsl.api import check, render  # noqa: E402
from cjmdsl.limits import Limits  # noqa: E402

RAISED = Limits(max_bytes=50_000_000, max_string=2_000_000, max_touchpoints=100_000)


def measure(text: str) -> tuple[float, float, int]:
    """Time without tracing (tracemalloc slows Python down), then the peak with it."""
    started = time.perf_counter()
    svg = render(check(text, "bench.cjm", RAISED).journey)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    render(check(text, "bench.cjm", RAISED).journey)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, len(svg)


def baseline() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def main() -> None:
    check(generate_map(10), "warm.cjm")  # build the parser, load fonts and templates
    one_mb = ('map "Big" {\n  persona a "A"\n  stage s "S" {\n    touchpoint t "T" {\n'
              '      channel web\n      emotion a 1\n      action "' + "word " * 200_000 +
              '"\n    }\n  }\n}\n')
    base = baseline()
    print("| input | time s | × `python -c pass` | peak MiB | SVG MiB |")
    print("|---|--:|--:|--:|--:|")
    for name, text in (("5,000 touchpoints", generate_map(5_000)), ("1 MB string", one_mb)):
        elapsed, peak, size = measure(text)
        print(f"| {name} | {elapsed:.2f} | {elapsed / base:.0f}× | {peak:.0f} | {size / 2**20:.1f} |")


if __name__ == "__main__":
    main()
