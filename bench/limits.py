"""Bounded work on big inputs.

The first table runs a 5,000-touchpoint map and a 1 MB string through the whole pipeline
(check, layout, SVG) in process, with time and tracemalloc peak, against `python -c pass`.
The second runs the hostile rows of issue 23 (each under the limits) through a cold
`cjm check FILE`, with wall time and the child's peak resident memory; each run is stopped
after `--timeout` seconds. Every row should end in under 10 s and 300 MB.

    python bench/limits.py [--timeout 60] [--only WORDS]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import generate_map  # noqa: E402

from cjmdsl.api import check, render  # noqa: E402
from cjmdsl.limits import Limits  # noqa: E402

RAISED = Limits(max_bytes=50_000_000, max_string=2_000_000, max_touchpoints=100_000)
SIZE = 4_900_000


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


def no_channels() -> str:
    """10,000 touchpoints without a channel (W102 each), padded to about 4.9 MB."""
    pad = "x" * 440
    body = "".join(f'    touchpoint t{i} "T" {{\n      action "{pad}"\n    }}\n'
                   for i in range(10_000))
    return f'map "M" {{\n  stage s "S" {{\n{body}  }}\n}}\n'


def expectations_without_emotions() -> str:
    """100 personas × 3,500 touchpoints, each with an `expect` and no `emotion`: 350,000 W105."""
    personas = "".join(f'persona p{i} "P"\n' for i in range(100))
    expects = "".join(f'expect p{i} 1\n' for i in range(100))
    body = "".join(f'touchpoint t{i} "T" {{\nchannel web\n{expects}}}\n'
                   for i in range(3_500))
    return f'map "M" {{\n{personas}stage s "S" {{\n{body}}}\n}}\n'


def unknown_personas() -> str:
    """4,000 personas and 4,000 emotions, each naming an unknown id."""
    personas = "".join(f'  persona persona_{i:04} "P"\n' for i in range(4_000))
    emotions = "".join(f"      emotion visitor_{i:04}x 1\n" for i in range(4_000))
    return (f'map "M" {{\n{personas}  stage s "S" {{\n    touchpoint t "T" {{\n'
            f"      channel web\n{emotions}    }}\n  }}\n}}\n")


ROWS = {
    "10,000 touchpoints without a channel (4.9 MB)": no_channels,
    "350,000 W105 warnings (4.66 MB)": expectations_without_emotions,
    "4,000 unknown persona ids among 4,000 personas": unknown_personas,
    '`map "x" ` + 40,000 `{` on one line': lambda: 'map "x" ' + "{" * 40_000,
    "4.9 MB of `{`": lambda: "{" * SIZE,
    '4.9 MB of `"`': lambda: '"' * SIZE,
    "4.9 MB of `a `": lambda: "a " * (SIZE // 2),
    "4.9 MB of `{ `": lambda: "{ " * (SIZE // 2),
    "4.9 MB of `\\u{`": lambda: "\\u{" * (SIZE // 3),
}


def run_cjm(path: Path, timeout: float) -> tuple[str, str, str]:
    """Wall time, peak RSS (MiB) and stderr size of `cjm check path`, or `> timeout`."""
    cjm = Path(sys.executable).with_name("cjm")
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([str(cjm), "check", str(path)], stdout=subprocess.DEVNULL,
                                 stderr=err, stdin=subprocess.DEVNULL)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                elapsed = time.perf_counter() - started
                child.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                child.kill()
                _, _, usage = os.wait4(child.pid, 0)
                child.returncode = -9
                return f"> {timeout:.0f}", f"{usage.ru_maxrss / 1024:.0f}+", "stopped"
            time.sleep(0.02)
        size = err.seek(0, os.SEEK_END)
    return f"{elapsed:.2f}", f"{usage.ru_maxrss / 1024:.0f}", f"exit {child.returncode}, " \
                                                           f"{size / 1024:.0f} KiB stderr"


def hostile(timeout: float, only: str) -> None:
    print("\n| input (`cjm check`) | time s | peak RSS MiB | result |")
    print("|---|--:|--:|---|")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        cases = [(name, make) for name, make in ROWS.items() if only.lower() in name.lower()]
        for index, (name, make) in enumerate(cases):
            path = folder / f"row{index}.cjm"
            path.write_text(make(), encoding="utf-8")
            print(f"| {name} | {' | '.join(run_cjm(path, timeout))} |", flush=True)
        if only.lower() in "sparse symlink":
            sparse = folder / "sparse.bin"
            with sparse.open("wb") as handle:
                handle.truncate(20 * 2**30)
            (folder / "sparse.cjm").symlink_to(sparse)
            print(f"| a `.cjm` linked to a 20 GB sparse file | "
                  f"{' | '.join(run_cjm(folder / 'sparse.cjm', timeout))} |", flush=True)
        if only.lower() in "fifo":
            os.mkfifo(folder / "fifo.cjm")
            print(f"| a FIFO named `.cjm` | "
                  f"{' | '.join(run_cjm(folder / 'fifo.cjm', timeout))} |", flush=True)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--timeout", type=float, default=60, help="seconds per hostile row")
    options.add_argument("--only", default="", help="run the hostile rows whose name has this")
    options.add_argument("--hostile-only", action="store_true", help="skip the first table")
    args = options.parse_args()
    if not args.hostile_only:
        check(generate_map(10), "warm.cjm")  # build the parser, load fonts and templates
        one_mb = ('map "Big" {\n  persona a "A"\n  stage s "S" {\n    touchpoint t "T" {\n'
                  '      channel web\n      emotion a 1\n      action "' + "word " * 200_000 +
                  '"\n    }\n  }\n}\n')
        base = baseline()
        print("| input | time s | × `python -c pass` | peak MiB | SVG MiB |")
        print("|---|--:|--:|--:|--:|")
        for name, text in (("5,000 touchpoints", generate_map(5_000)), ("1 MB string", one_mb)):
            elapsed, peak, size = measure(text)
            print(f"| {name} | {elapsed:.2f} | {elapsed / base:.0f}× | {peak:.0f} | "
                  f"{size / 2**20:.1f} |")
    hostile(args.timeout, args.only)


if __name__ == "__main__":
    main()
