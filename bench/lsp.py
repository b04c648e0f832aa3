#!/usr/bin/env python3
"""How fast `cjm lsp` publishes diagnostics after an edit, against a full `cjm check`.

    python bench/lsp.py            # 15 edits per map
    python bench/lsp.py --quick    # 5 edits per map

For the largest example and a generated 1,000-touchpoint map: the median wall time of
`cjm check FILE` as a subprocess (what an editor without a server would run on save),
and the median time from sending a `textDocument/didChange` (the whole text, the first
emotion value changed, as in bench/serve.py) to receiving the `publishDiagnostics` of that
version, from one running `cjm lsp`. The ratio is LSP / check: below 1 the server answers
faster than a check. Both run with a bytecode cache, as an installed `cjm` does.
Prints Markdown; writes only to a temporary folder. Needs the `lsp` extra.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

from lsp_client import LspClient  # noqa: E402
from run import edits_of, generate_map, subprocess_env  # noqa: E402

CJM = str(Path(sys.executable).with_name("cjm"))


def time_check(path: Path, runs: int, env: dict) -> float:
    subprocess.run([CJM, "check", str(path)], capture_output=True, env=env)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([CJM, "check", str(path)], capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_publish(client: LspClient, path: Path, text: str, edits: int) -> float:
    uri = path.as_uri()
    client.open(uri, text)
    client.diagnostics(uri, 1, timeout=120)
    times = []
    for version, edited in enumerate(edits_of(text, edits), 2):
        start = time.perf_counter()
        client.change(uri, edited, version)
        client.diagnostics(uri, version, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    edits = 5 if parser.parse_args().quick else 15
    largest = max((REPO / "examples").glob("*.cjm"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / "generated-1000.cjm"
        generated.write_text(generate_map(1000), encoding="utf-8")
        maps = [(f"`{largest.name}` (largest example)", largest),
                ("generated, 1,000 touchpoints", generated)]
        env = subprocess_env(Path(folder))  # bytecode cached, as an installed cjm has it
        client = LspClient([CJM, "lsp"], env=env)
        client.initialize(Path(folder))
        print("| map | touchpoints | `cjm check` | publish after didChange | ratio |")
        print("|---|---:|---:|---:|---:|")
        try:
            for name, path in maps:
                text = path.read_text(encoding="utf-8")
                check = time_check(path, edits, env)
                publish = time_publish(client, path, text, edits)
                print(f"| {name} | {text.count('touchpoint ')} | {check * 1000:.0f} ms | "
                      f"{publish * 1000:.0f} ms | {publish / check:.2f} |")
        finally:
            client.close()


if __name__ == "__main__":
    main()
