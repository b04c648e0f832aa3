#!/usr/bin/env python3
"""Batch rendering: 200 generated maps through `cjm render maps/ -o out/`.

    python bench/batch.py             # 200 maps of 20 touchpoints, 3 runs of each case
    python bench/batch.py --maps 50 --runs 1

Cases, each a cold `cjm` process: one map; all maps with -j 1 and with -j 2 (--no-cache,
so every map is rendered); and all maps again from the cache (every output current, so
none is rendered). Times are medians; the ratios are against rendering one map, which is
what a build that called `cjm` once per map would pay per map. Standard library only;
everything is written to a temporary folder (its own CJM_CACHE_DIR too). See
bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import find_cjm, generate_map, ms, subprocess_env, table  # noqa: E402


def timed(argv: list[str], env: dict, cwd: Path, expect: str | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: `{' '.join(argv)}` exited with {done.returncode}:\n{done.stderr}")
    if expect and expect not in done.stderr:
        sys.exit(f"bench: expected `{expect}` from `{' '.join(argv)}`, got:\n{done.stderr}")
    return elapsed


def arguments(doc: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--maps", type=int, default=200)
    parser.add_argument("--touchpoints", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args()


def write_maps(maps: Path, count: int, touchpoints: int) -> None:
    """`count` generated maps of `touchpoints` under `maps`, in four team sub-folders."""
    for n in range(count):
        folder = maps / f"team{n % 4}"  # sub-folders, mirrored in the output
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"map{n:03d}.cjm").write_text(generate_map(touchpoints, seed=n),
                                                encoding="utf-8")


def main() -> None:
    args = arguments(__doc__)
    cjm, _ = find_cjm()
    with tempfile.TemporaryDirectory(prefix="cjm-bench-batch-") as tmp:
        work = Path(tmp)
        maps = work / "maps"
        write_maps(maps, args.maps, args.touchpoints)
        env = subprocess_env(work, CJM_CACHE_DIR=str(work / "cache"))
        one = sorted(maps.rglob("*.cjm"))[0]
        many = [cjm, "render", str(maps), "-o", str(work / "out") + "/"]
        cases = [
            ("one map", [cjm, "render", str(one), "-o", str(work / "one.svg"), "--no-cache"], None),
            (f"{args.maps} maps, -j 1", [*many, "-j", "1", "--no-cache"],
             f"{args.maps} rendered"),
            (f"{args.maps} maps, -j 2", [*many, "-j", "2", "--no-cache"],
             f"{args.maps} rendered"),
            (f"{args.maps} maps, from the cache", many, f"{args.maps} unchanged"),
        ]
        timed(cases[0][1], env, work)  # warm-up: bytecode, Lark's cache, the OS file cache
        timed(many, env, work)  # fills the render cache for the last case
        times = {label: [] for label, _, _ in cases}
        for _ in range(args.runs):
            for label, argv, expect in cases:
                times[label].append(timed(argv, env, work, expect))
        base = statistics.median(times[cases[0][0]])
        rows = []
        for label, _, _ in cases:
            value = statistics.median(times[label])
            per_map = value / (1 if label == "one map" else args.maps)
            rows.append([label, ms(value), f"{value / base:.1f}×", ms(per_map),
                         f"{per_map / base:.2f}×"])
    print(f"# Batch rendering ({args.maps} maps of {args.touchpoints} touchpoints, "
          f"{os.cpu_count()} CPUs, median of {args.runs})\n")
    print(table(["case", "ms", "× one map", "ms per map", "per map × one map"], rows))


if __name__ == "__main__":
    main()
