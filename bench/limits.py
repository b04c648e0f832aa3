"""Bounded work on big inputs.

The first table runs a 5,000-touchpoint map and a 1 MB string through the whole pipeline
(check, layout, SVG) in process, with time and tracemalloc peak, against `python -c pass`.
The second runs the hostile rows of issue 23 (each under the limits) through a cold
`cjm check FILE` (the HTML, Markdown and theme rows through `cjm render`), with wall time,
the child's CPU time (user + system: on a shared machine, wall time also counts waiting for
a core) and its peak resident memory; each run is stopped after `--timeout` seconds. Every
row should end in under 10 s and 300 MB.

    python bench/limits.py [--timeout 60] [--only WORDS]
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import generate_map  # noqa: E402

from cjmdsl.api import check, render  # noqa: E402
from cjmdsl.language.limits import Limits  # noqa: E402

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


def personas_by_touchpoints() -> str:
    """2,000 personas and 2,000 touchpoints, one emotion each (164 KB)."""
    personas = "".join(f'persona p{i} "P{i}"\n' for i in range(2_000))
    body = "".join(f'touchpoint t{i} "T{i}" {{ channel web emotion p{i} 1 }}\n'
                   for i in range(2_000))
    return f'map "M" {{\n{personas}stage s "S" {{\n{body}}}\n}}\n'


def zero_width_words() -> str:
    """About 800 KB of zero-width "words": 20 actions of 10,000 `\u200b ` each."""
    words = "\u200b " * 10_000
    body = "".join(f'touchpoint t{i} "T" {{\nchannel web\nemotion a 1\naction "{words}"\n}}\n'
                   for i in range(20))
    return f'map "M" {{\npersona a "A"\nstage s "S" {{\n{body}}}\n}}\n'


SMALL_MAP = ('map "M" {\n  persona a "A"\n  stage s "S" {\n    touchpoint t "T" {\n'
             '      channel web\n      emotion a 1\n    }\n  }\n}\n')


def theme_rows(folder: Path) -> dict[str, list[str]]:
    """The theme rows of issue 23, each a `cjm render` of a small map with that theme."""
    (folder / "small.cjm").write_text(SMALL_MAP, encoding="utf-8")
    colours = ", ".join('"#abcdef"' if i % 2 else '"red"' for i in range(80_000))
    (folder / "palette.toml").write_text(f"[stages]\npalette = [{colours}]\n", encoding="utf-8")
    (folder / "keys.toml").write_text("[colors]\n" + "".join(f"k{i} = 1\n"
                                                            for i in range(90_000)),
                                      encoding="utf-8")
    with (folder / "huge.toml").open("wb") as handle:
        handle.write(b"# " + b"x" * 50_000_000 + b"\n")
    for i in range(1_000):
        parent = f'extends = "chain{i + 1}.toml"\n' if i < 999 else ""
        (folder / f"chain{i}.toml").write_text(parent, encoding="utf-8")
    cjm = str(Path(sys.executable).with_name("cjm"))
    render = [cjm, "render", str(folder / "small.cjm"), "-o", str(folder / "small.svg"),
              "--theme"]
    return {"a theme of 880 KB: a palette of 80,000 colours, half of them wrong":
            [*render, str(folder / "palette.toml")],
            "a theme of 90,000 unknown keys (980 KB)": [*render, str(folder / "keys.toml")],
            "a 50 MB theme": [*render, str(folder / "huge.toml")],
            "a theme `extends` chain of 1,000 files": [*render, str(folder / "chain0.toml")]}


RENDER_ROWS = {
    "2,000 personas × 2,000 touchpoints, `-f html`": (personas_by_touchpoints, "html"),
    "2,000 personas × 2,000 touchpoints, `-f md`": (personas_by_touchpoints, "md"),
    "800 KB of zero-width words, `-f html`": (zero_width_words, "html"),
}


def run_cjm(path: Path, timeout: float, command: list[str] | None = None) -> tuple[str, ...]:
    """Wall time, CPU time, peak RSS (MiB) and stderr size of `cjm check path` (or of
    `command`), or `> timeout`. The peak comes from /usr/bin/time: a child of this process
    inherits its peak RSS, grown by the inputs it made; one of `time`'s does not."""
    cjm = Path(sys.executable).with_name("cjm")
    command = command or [str(cjm), "check", str(path)]
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        started = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
                                 stdout=subprocess.DEVNULL, stderr=err,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                elapsed = time.perf_counter() - started
                child.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, signal.SIGKILL)  # `time` and the cjm it started
                _, _, usage = os.wait4(child.pid, 0)
                return f"> {timeout:.0f}", f"{usage.ru_utime + usage.ru_stime:.0f}+", "?", \
                    "stopped"
            time.sleep(0.02)
        size = err.seek(0, os.SEEK_END)
        kib = peak.read().strip().splitlines()[-1]
    return f"{elapsed:.2f}", f"{usage.ru_utime + usage.ru_stime:.2f}", \
        f"{int(kib) / 1024:.0f}", f"exit {child.returncode}, {size / 1024:.0f} KiB stderr"


def hostile(timeout: float, only: str) -> None:
    print("\n| input (`cjm check`) | time s | CPU s | peak RSS MiB | result |")
    print("|---|--:|--:|--:|---|")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        cases = [(name, make) for name, make in ROWS.items() if only.lower() in name.lower()]
        for index, (name, make) in enumerate(cases):
            path = folder / f"row{index}.cjm"
            path.write_text(make(), encoding="utf-8")
            print(f"| {name} | {' | '.join(run_cjm(path, timeout))} |", flush=True)
        cjm = str(Path(sys.executable).with_name("cjm"))
        for index, (name, (make, form)) in enumerate(RENDER_ROWS.items()):
            if only.lower() in name.lower():
                path = folder / f"render{index}.cjm"
                path.write_text(make(), encoding="utf-8")
                command = [cjm, "render", str(path), "-f", form, "-o", str(path.with_suffix(
                    f".{form}"))]
                print(f"| {name} | {' | '.join(run_cjm(path, timeout, command))} |", flush=True)
        for name, command in theme_rows(folder).items():
            if only.lower() in name.lower():
                print(f"| {name} | {' | '.join(run_cjm(folder, timeout, command))} |",
                      flush=True)
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
