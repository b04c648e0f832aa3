#!/usr/bin/env python3
"""`cjm site`: a site of 200 generated maps, built cold and again after one edit.

    python bench/site.py             # 200 maps of 20 touchpoints, 3 runs of each case
    python bench/site.py --maps 50 --runs 1

Cases, each a cold process: `python -c pass` (the baseline: this interpreter, so run it with
the project's venv, `.venv/bin/python bench/site.py`); the whole site with -j 1 and -j 2
(--no-cache: every map drawn); the site again after one map was edited (one map drawn, the
index and persona pages written again); and the site with nothing changed. Times are medians;
ratios are against the baseline and against the cold -j 2 build. Standard library only;
everything is written to a temporary folder (its own CJM_CACHE_DIR too). See bench/README.md.
"""
from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import arguments, timed, write_maps  # noqa: E402
from run import find_cjm, ms, subprocess_env, table  # noqa: E402


def main() -> None:
    args = arguments(__doc__)
    cjm, _ = find_cjm()
    with tempfile.TemporaryDirectory(prefix="cjm-bench-site-") as tmp:
        work = Path(tmp)
        maps = work / "maps"
        write_maps(maps, args.maps, args.touchpoints)
        edited = sorted(maps.rglob("*.cjm"))[0]
        env = subprocess_env(work, CJM_CACHE_DIR=str(work / "cache"))
        site = [cjm, "site", str(maps), "-o", str(work / "site")]
        total = args.maps

        edits = itertools.count(1)

        def edit() -> None:  # a new description each time, so the map is drawn again
            text = edited.read_text(encoding="utf-8")
            edited.write_text(text.replace('  description "', f'  description "{next(edits)} ',
                                           1), encoding="utf-8")

        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"], None, None),
            (f"{total} maps, -j 1, cold", [*site, "-j", "1", "--no-cache"],
             f"{total} rendered", None),
            (f"{total} maps, -j 2, cold", [*site, "-j", "2", "--no-cache"],
             f"{total} rendered", None),
            ("after one map was edited", site, f"1 rendered, {total - 1} unchanged", edit),
            ("nothing changed", site, f"0 rendered, {total} unchanged", None),
        ]
        timed(site, env, work)  # warm-up: bytecode, Lark's cache; fills the render cache
        times = {label: [] for label, *_ in cases}
        for _ in range(args.runs):
            for label, argv, expect, before in cases:
                if before:
                    before()
                times[label].append(timed(argv, env, work, expect))
        base = statistics.median(times[cases[0][0]])
        cold = statistics.median(times[cases[2][0]])
        rows = [[label, ms(statistics.median(times[label])),
                 f"{statistics.median(times[label]) / base:.1f}×",
                 f"{statistics.median(times[label]) / cold:.3f}×"] for label, *_ in cases]
    print(f"# cjm site ({total} maps of {args.touchpoints} touchpoints, {os.cpu_count()} CPUs, "
          f"median of {args.runs})\n")
    print(table(["case", "ms", "× python -c pass", "× cold -j 2"], rows))


if __name__ == "__main__":
    main()
