#!/usr/bin/env python3
"""Cold `cjm render` processes on generated maps of growing size: CPU time and peak memory.

    python bench/scale.py                          # 1,000 / 5,000 / 10,000 touchpoints
    python bench/scale.py --sizes 2 1000 --runs 5
    python bench/scale.py --base /tmp/old-cjmdsl   # the same runs with another checkout

Each run is a fresh process, as a Makefile rule or a pre-commit hook starts it
(`--no-cache`, bytecode cached in a temporary folder). The figures are the child's own CPU
seconds (user + system, which a busy machine disturbs less than wall time) and its peak
resident memory, as the operating system accounts them; medians of interleaved runs.
`--base DIR` runs a second checkout (a `git archive` of an older commit, say) first on
`PYTHONPATH`, turn about with this one, and adds the ratio this / base. Standard library
only; writes nothing into the repository. See bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import generate_map, table, subprocess_env  # noqa: E402  (bench/run.py)

RENDER = "from cjmdsl.cli import main; main()"


def measure(argv: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """CPU seconds and peak MiB of one finished child."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: the child never blocks
        child = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.exit(f"bench: `{' '.join(argv)}` exited with {child.returncode}:\n"
                     + errors.read().decode(errors="replace"))
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="svg", help="the -f of every render")
    parser.add_argument("--base", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cjm-scale-") as tmp:
        work = Path(tmp)
        env = subprocess_env(work, NO_COLOR="1", CJM_CACHE_DIR=str(work / "cache"))
        variants = {"this": env}
        if args.base:
            variants["base"] = {**env, "PYTHONPATH": str(args.base.resolve()),
                                "PYTHONPYCACHEPREFIX": str(work / "pycache-base")}
        results: dict[tuple[str, int], list[tuple[float, float]]] = {}
        for n in args.sizes:
            source = work / f"map-{n}.cjm"
            source.write_text(generate_map(n), encoding="utf-8")
            argv = [sys.executable, "-c", RENDER, "render", source.name, "--no-cache",
                    "--max-bytes", str(source.stat().st_size + 1), "-f", args.format,
                    "-o", f"out-{n}.{args.format}"]
            for name, variant_env in variants.items():  # warm-up: bytecode, templates
                measure(argv, variant_env, work)
            for _ in range(args.runs):
                for name, variant_env in variants.items():
                    results.setdefault((name, n), []).append(measure(argv, variant_env, work))
        headers = ["touchpoints", "CPU s", "µs/tp", "growth (n growth)", "peak MiB"]
        if args.base:
            headers += ["base CPU s", "base µs/tp", "base peak MiB", "CPU this/base"]
        rows, previous = [], None
        for n in args.sizes:
            cpu = statistics.median(c for c, _ in results[("this", n)])
            peak = statistics.median(p for _, p in results[("this", n)])
            growth = f"{cpu / previous[1]:.2f}× ({n / previous[0]:.0f}×)" if previous else "–"
            row = [f"{n:,}", f"{cpu:.2f}", f"{cpu / n * 1e6:,.0f}", growth, f"{peak:.0f}"]
            if args.base:
                base_cpu = statistics.median(c for c, _ in results[("base", n)])
                base_peak = statistics.median(p for _, p in results[("base", n)])
                row += [f"{base_cpu:.2f}", f"{base_cpu / n * 1e6:,.0f}", f"{base_peak:.0f}",
                        f"{cpu / base_cpu:.2f}×"]
            rows.append(row)
            previous = (n, cpu)
        print(table(headers, rows))
        print(f"\n`cjm render -f {args.format} --no-cache`, median of {args.runs} interleaved "
              f"runs after a warm-up; CPU = user + system of the process; peak = its largest "
              f"resident set (ru_maxrss).")


if __name__ == "__main__":
    main()
