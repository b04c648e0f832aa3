#!/usr/bin/env python3
"""The HTML page against the SVG, and the page in a browser: what `-f html` costs.

    python bench/html_page.py                          # 20 / 100 / 1,000 touchpoints
    python bench/html_page.py --sizes 100 --browser    # and open the page in Chromium
    python bench/html_page.py --base /tmp/old-cjmdsl   # the same with another checkout

In process, each size: the best of a few renders of `-f svg` and `-f html` of one parsed
map, CPU seconds, and their ratio. With `--browser` (Playwright and Debian's Chromium, as the
tests use them): the page's load (to its second frame), the nodes the browser holds then, and
`page.pdf()` of landscape A4 (what printing costs), each page rendered by this checkout and,
with `--base`, by the other. `--base DIR` runs that checkout in a child process with
`PYTHONPATH=DIR`. Writes nothing into the repository. See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import generate_map, table  # noqa: E402  (bench/run.py)

IN_PROCESS = """
import gc, json, sys, time
from cjmdsl import api
gc.disable()
found = {}
for path in sys.argv[1:]:
    journey = api.parse(open(path, encoding="utf-8").read())
    best = {}
    for fmt in ["svg", "html"] * 3:
        start = time.process_time()
        api.render(journey, fmt)
        best[fmt] = min(best.get(fmt, 1e9), time.process_time() - start)
    found[path] = best
    if path.endswith(".page.cjm"):
        open(path[:-4] + ".html", "w", encoding="utf-8").write(api.render(journey, "html"))
print(json.dumps(found))
"""


def in_process(paths: list[Path], base: Path | None) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if base:
        env["PYTHONPATH"] = str(base.resolve())
    done = subprocess.run([sys.executable, "-c", IN_PROCESS, *map(str, paths)], env=env,
                          cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def in_browser(page_file: Path) -> tuple[float, int, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        session = page.context.new_cdp_session(page)
        session.send("Performance.enable")
        start = time.monotonic()
        page.goto(page_file.as_uri(), timeout=300_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        loaded = time.monotonic() - start
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        start = time.monotonic()
        page.pdf(format="A4", landscape=True)
        printed = time.monotonic() - start
        browser.close()
    return loaded, int(metrics["Nodes"]), printed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 100, 1000])
    parser.add_argument("--base", type=Path, help="another checkout to compare with")
    parser.add_argument("--browser", action="store_true", help="open each page in Chromium")
    args = parser.parse_args()
    variants = {"this": None, **({"base": args.base} if args.base else {})}
    with tempfile.TemporaryDirectory(prefix="cjm-html-") as tmp:
        rows = []
        for size in args.sizes:
            row = [f"{size:,}"]
            for name, checkout in variants.items():
                path = Path(tmp) / f"{name}-{size}.page.cjm"
                path.write_text(generate_map(size), encoding="utf-8")
                best = in_process([path], checkout)[str(path)]
                row += [f"{best['svg']:.3f}", f"{best['html']:.3f}",
                        f"{best['html'] / best['svg']:.2f}×"]
                if args.browser:
                    loaded, nodes, printed = in_browser(path.with_name(path.name[:-4] + ".html"))
                    row += [f"{loaded:.2f}", f"{nodes:,}", f"{printed:.1f}"]
            rows.append(row)
        headers = ["touchpoints"]
        for name in variants:
            headers += [f"{name} svg s", f"{name} html s", f"{name} html/svg"]
            if args.browser:
                headers += [f"{name} load s", f"{name} nodes", f"{name} pdf s"]
        print(table(headers, rows))


if __name__ == "__main__":
    main()
