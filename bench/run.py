#!/usr/bin/env python3
"""Benchmarks for cjmdsl: CLI start-up, scaling with map size, Lark's parser cache.

    python bench/run.py            # the full run (about 2 minutes; most of it is the
                                   # tracemalloc pass over 5,000 touchpoints)
    python bench/run.py --quick    # fewer repetitions, sizes up to 1,000 touchpoints

Standard library only. Prints Markdown tables to stdout; writes nothing into the
repository: the maps are generated in memory, and CLI outputs, bytecode and the
throw-away Lark caches go to a temporary folder removed at the end (like `cjm`
itself, it may create Lark's cache in the system temp folder if it is missing).
See bench/README.md.
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository from this process

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


# ── helpers ──────────────────────────────────────────────────────────────────
def median(values):
    return statistics.median(values)


def table(headers: list[str], rows: list[list], align: str | None = None) -> str:
    """A Markdown table; `align` is one letter per column, l or r (default: first l)."""
    align = align or "l" + "r" * (len(headers) - 1)
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]

    def line(values):
        out = []
        for value, width, a in zip(values, widths, align):
            out.append(value.rjust(width) if a == "r" else value.ljust(width))
        return "| " + " | ".join(out) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if a == "r" else ("-" * (w + 2))
                          for w, a in zip(widths, align)) + "|"
    return "\n".join([line(headers), rule, *(line(r) for r in cells)])


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def subprocess_env(workdir: Path, **extra) -> dict[str, str]:
    """The environment for child processes.

    Bytecode is cached, as on a user's machine, but in our temporary folder
    (PYTHONPYCACHEPREFIX), never in the repository; PYTHONDONTWRITEBYTECODE, if
    set, is dropped for the children so they do not recompile every module on
    every start.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    env.update(extra)
    return env


EMOTION = re.compile(r"(\bemotion [A-Za-z][\w-]* )(-?\d+)\b")
TITLE = re.compile(r'\btouchpoint [A-Za-z][\w-]* "[^"]+"')


def edits_of(text: str, count: int):
    """The map with one thing changed, as a keystroke would change it, `count` times: its
    first emotion value goes one step and back (a map without emotions: its first
    touchpoint's title loses its last letter and gets it back), so every save is a new
    drawing."""
    found = EMOTION.search(text)
    if found:
        value = int(found[2])
        changed = f"{found[1]}{value - 1 if value > 0 else value + 1}"
    else:
        found = TITLE.search(text)
        changed = found[0][:-2] + '"'
    for number in range(count):
        new = changed if number % 2 == 0 else found[0]
        yield text[:found.start()] + new + text[found.end():]


# ── map generator ────────────────────────────────────────────────────────────
PERSONAS = (
    ("maya", "Maya, busy parent", "Works full time, two kids under ten",
     "Get the weekly shop delivered without losing an evening",
     "I just want it to work — and not cost me a fortune."),
    ("tom", "Tom, student", "Lives in a shared flat, no car",
     "The cheapest basket for the week", "If delivery is more than €3, I'll just walk."),
    ("rita", "Rita, retired teacher", "Lives alone, shops for herself and a neighbour",
     "Get help from a real person who explains things", "I don't know what a slot fee is."),
)
CHANNELS = ("web", "mobile", "email", "social", "phone", "chat", "store", "search", "ad",
            "referral", "review", "support", "sms", "video", "event", "mail", "partner")
SOURCES = ("interview", "survey", "review", "analytics", "support")
VERBS = ("Compares", "Checks", "Opens", "Scrolls through", "Reads", "Searches for", "Updates",
         "Confirms", "Cancels", "Reschedules", "Shares", "Downloads", "Taps", "Reviews")
OBJECTS = (("the delivery slots for next week", "delivery slots"),
           ("the basket total with fees", "basket total"),
           ("the order confirmation email", "order confirmation"),
           ("the substitution options", "substitutions"),
           ("the refund form", "refund form"),
           ("the loyalty points balance", "loyalty points"),
           ("the opening hours of the pick-up point", "pick-up point"),
           ("the product page for gluten-free bread", "product page"),
           ("the tracking link from the courier", "courier tracking"),
           ("the promo code from the newsletter", "promo code"),
           ("the FAQ about missing items", "missing-items FAQ"))
CONTEXTS = ("while waiting at the café", "on the bus home", "during a lunch break",
            "late in the evening", "with a crying toddler nearby", "on a slow mobile connection",
            "before the school run", "on the shared family tablet")
THOUGHTS = ("Is this really cheaper than the store?", "Why is the fee only shown at the end?",
            "I hope the driver finds the back entrance this time.",
            "Do they stock the brand we usually buy?", "This was quicker than I expected.",
            "Why do I have to type my address again?", "Nice, the app remembered my basket.",
            "Will they call me if something is out of stock?")
WORDS = (("curious", 1), ("hopeful", 1), ("relieved", 1), ("delighted", 2), ("pleased", 1),
         ("indifferent", 0), ("unsure", 0), ("annoyed", -1), ("confused", -1),
         ("frustrated", -2), ("let down", -2), ("pleasantly surprised", 2))
PAINS = ("Delivery fee appears only at the last checkout step",
         "Substitutions are made without asking the customer first",
         "The tracking link shows a two-hour window, not a time",
         "Promo codes fail silently when the basket is below the minimum",
         "Filters reset after every product page on mobile web",
         "Refunds for missing items take up to ten working days")
SOURCE_DETAILS = ("14 of 22 interviews", "Checkout survey, n=212", "App store reviews, 1–2 stars",
                  "Funnel analytics, Q3", "Support tickets tagged fees")
OPPORTUNITIES = ("Show the full price including fees on the first basket view",
                 "Let customers approve substitutions by push notification",
                 "Send a live courier map thirty minutes before arrival",
                 "Explain why a promo code does not apply, in the basket",
                 "Keep filters in the URL and restore them on back",
                 "Refund missing items instantly as store credit")
OWNERS = ("Web team", "Mobile team", "Logistics", "Customer care", "Pricing committee",
          "Growth team")
STAGE_NAMES = ("Discover", "Consider", "Sign up", "Shop", "Check out", "Wait for delivery",
               "Receive", "Get help", "Come back", "Recommend")


def generate_map(touchpoints: int, seed: int = 1) -> str:
    """A valid map: 3 personas; stages of 10 touchpoints; every touchpoint with a channel,
    an action, a thought, an emotion with a word for each persona, one expectation, a pain
    with a source and an opportunity with an owner."""
    rnd = random.Random(seed)
    out = [f'map "Benchmark journey — {touchpoints:,} touchpoints" {{',
           '  description "A generated grocery delivery journey used to measure cjm"',
           '  scale -2 .. 2 { -2 "Angry" -1 "Frustrated" 0 "Neutral" 1 "Happy" 2 "Delighted" }']
    for pid, name, role, goal, quote in PERSONAS:
        out += [f'  persona {pid} "{name}" {{', f'    role "{role}"', f'    goal "{goal}"',
                f'    quote "{quote}"', "  }"]
    stage_count = (touchpoints + 9) // 10
    number = 0
    for s in range(stage_count):
        stage_name = f"{STAGE_NAMES[s % len(STAGE_NAMES)]} {s // len(STAGE_NAMES) + 1}"
        out += [f'  stage s{s + 1:04d} "{stage_name}" {{',
                f'    goal "Finish {stage_name.lower()} without surprises"',
                '    brand "Make fees, slots and substitutions visible early"']
        for _ in range(min(10, touchpoints - number)):
            number += 1
            verb, (obj, short) = rnd.choice(VERBS), rnd.choice(OBJECTS)
            out += [f'    touchpoint t{number:05d} "{verb} {short}" {{',
                    f"      channel {rnd.choice(CHANNELS)}",
                    f'      action "{verb} {obj} {rnd.choice(CONTEXTS)}"',
                    f'      thought "{rnd.choice(THOUGHTS)}"']
            for pid, *_ in PERSONAS:
                word, value = rnd.choice(WORDS)
                out.append(f'      emotion {pid} {value} "{word}"')
            expected = PERSONAS[number % len(PERSONAS)][0]
            out += [f"      expect {expected} {rnd.randint(0, 2)}",
                    f'      pain "{rnd.choice(PAINS)}" source {rnd.choice(SOURCES)} '
                    f'"{rnd.choice(SOURCE_DETAILS)}"',
                    f'      opportunity "{rnd.choice(OPPORTUNITIES)}" owner "{rnd.choice(OWNERS)}"',
                    "    }"]
        out.append("  }")
    out += ['  kpi conversion "First-order conversion" value 18% higher target 25%',
            '  kpi retention "90-day retention" retention start 1200 end 954 target 80%',
            "}"]
    return "\n".join(out) + "\n"


def touchpoint_count(path: Path) -> int:
    return len(re.findall(r"^\s*touchpoint\s", path.read_text(encoding="utf-8"), re.M))


# ── 1. cold CLI start ────────────────────────────────────────────────────────
def find_cjm() -> tuple[str, str | None]:
    """The `cjm` of the current environment (beside sys.executable first), and the one
    PATH gives when that is a different file (a pyenv shim, say)."""
    env_bin = str(Path(sys.executable).parent)
    own = shutil.which("cjm", path=env_bin + os.pathsep + os.environ.get("PATH", ""))
    on_path = shutil.which("cjm")
    if own is None:
        sys.exit("bench: no `cjm` entry point found; run `pip install -e .` first")
    if on_path and Path(on_path).resolve() != Path(own).resolve():
        return own, on_path
    return own, None


def time_command(argv: list[str], env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          cwd=cwd, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: `{' '.join(argv)}` exited with {done.returncode}:\n"
                 + done.stderr.decode(errors="replace"))
    return elapsed


def bench_cli(runs: int, workdir: Path, largest: Path) -> str:
    cjm, shim = find_cjm()
    env = subprocess_env(workdir)
    out = workdir / "cli"
    out.mkdir()
    commands = [
        ("`python -c pass` (baseline)", [sys.executable, "-c", "pass"]),
        ("`cjm --version`", [cjm, "--version"]),
        (f"`cjm check {largest.name}`", [cjm, "check", str(largest)]),
        # --no-cache: every run really renders (the cache would skip an unchanged map)
        (f"`cjm render {largest.name} --no-cache -o tmp.svg`",
         [cjm, "render", str(largest), "--no-cache", "-o", str(out / "tmp.svg")]),
        (f"`cjm render {largest.name} --no-cache -f json -o tmp.json`",
         [cjm, "render", str(largest), "--no-cache", "-f", "json", "-o", str(out / "tmp.json")]),
        (f"`cjm render {largest.name} -o tmp.svg` (cached)",
         [cjm, "render", str(largest), "-o", str(out / "tmp.svg")]),
    ]
    if shim:
        commands.append(("`cjm --version` via PATH (shim)", [shim, "--version"]))
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    for _, argv in commands:  # warm-up: bytecode cache, Lark cache, OS file cache
        time_command(argv, env, out)
    for _ in range(runs):  # interleaved, so drift hits every command alike
        for label, argv in commands:
            times[label].append(time_command(argv, env, out))
    base = median(times[commands[0][0]])
    rows = []
    for label, _ in commands:
        values = times[label]
        rows.append([label, ms(median(values)), ms(min(values)), ms(max(values)),
                     ratio(median(values), base), ms(median(values) - base)])
    note = (f"`cjm` = `{cjm}`" + (f"; PATH gives `{shim}`" if shim else "")
            + f"; {runs} runs each after 1 warm-up, interleaved; "
              f"largest example: `{largest.name}` ({touchpoint_count(largest)} touchpoints)")
    return table(["command", "median ms", "min ms", "max ms", "× baseline", "+ms over baseline"],
                 rows) + "\n\n" + note


# ── 2. scaling ───────────────────────────────────────────────────────────────
def pipeline(text: str):
    """One parse+check, layout and render; seconds per phase and the SVG."""
    from cjmdsl import api
    from cjmdsl.layout.map import layout
    from cjmdsl.themes import load_theme

    gc.collect()
    t0 = time.perf_counter()
    result = api.check(text, "bench.cjm")
    t1 = time.perf_counter()
    journey = result.journey
    if journey is None or result.diagnostics:
        raise SystemExit("bench: the generated map has diagnostics:\n"
                         + "\n".join(d.message for d in result.diagnostics[:10]))
    theme = load_theme(journey.theme or "default")
    t2 = time.perf_counter()
    layout(journey, theme)
    t3 = time.perf_counter()
    svg = api.render(journey)
    t4 = time.perf_counter()
    return {"check": t1 - t0, "layout": t3 - t2, "render": t4 - t3,
            "total": (t1 - t0) + (t4 - t3)}, svg


def peak_memory(text: str) -> int:
    from cjmdsl import api

    gc.collect()
    tracemalloc.start()
    try:
        journey = api.check(text, "bench.cjm").journey
        api.render(journey)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench_scaling(sizes: list[int], quick: bool) -> tuple[str, str]:
    pipeline(generate_map(10, seed=99))  # warm-up: parser, theme, jinja template
    pipeline(generate_map(10, seed=98))
    results = []
    for n in sizes:
        text = generate_map(n)
        first, svg = pipeline(text)
        runs = [first]
        if quick:
            wanted = 1
        elif n <= 1000 or first["total"] < 5:
            wanted = 3
        else:
            wanted = 1
        while len(runs) < wanted:
            runs.append(pipeline(text)[0])
        phases = {k: median([r[k] for r in runs]) for k in first}
        results.append((n, len(runs), phases, peak_memory(text), len(svg.encode("utf-8")),
                        len(text.encode("utf-8"))))

    rows = []
    for n, count, p, peak, size, source in results:
        rows.append([f"{n:,}", count, ms(p["check"]), ms(p["layout"]), ms(p["render"]),
                     ms(p["total"]), f"{peak / 2**20:,.1f}", f"{source / 1024:,.0f}",
                     f"{size / 1024:,.0f}", f"{size / n / 1024:,.1f}"])
    times = table(["touchpoints", "runs", "parse+check ms", "layout ms",
                   "render SVG ms (incl. layout)", "total ms", "peak MiB",
                   "source KiB", "SVG KiB", "SVG KiB/tp"], rows)

    rows = []
    previous = None
    for n, _, p, *_ in results:
        row = [f"{n:,}", f"{n / previous[0]:.0f}×" if previous else "–"]
        for key in ("check", "layout", "render", "total"):
            row.append(f"{p[key] / n * 1e6:,.0f}")
            row.append(f"{p[key] / previous[1][key]:.1f}×" if previous else "–")
        rows.append(row)
        previous = (n, p)
    growth = table(["touchpoints", "n growth", "parse+check µs/tp", "growth", "layout µs/tp",
                    "growth", "render µs/tp", "growth", "total µs/tp", "growth"], rows)
    return times, growth


# ── 3. Lark's parser cache ───────────────────────────────────────────────────
PARSER_PROBE = r"""
import json, logging, time
t0 = time.perf_counter()
import cjmdsl.language.parser
t1 = time.perf_counter()
events = []
class Collect(logging.Handler):
    def emit(self, record):
        events.append(record.getMessage())
lark_logger = logging.getLogger("lark")
lark_logger.handlers[:] = [Collect()]
lark_logger.setLevel(logging.DEBUG)
t2 = time.perf_counter()
cjmdsl.language.parser.parser()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "parser": t3 - t2, "events": events}))
"""


def probe_parser(env: dict, cwd: Path) -> dict:
    import json

    done = subprocess.run([sys.executable, "-c", PARSER_PROBE], capture_output=True, text=True,
                          env=env, cwd=cwd, check=True)
    return json.loads(done.stdout)


def cache_event(events: list[str]) -> tuple[str, str | None]:
    for message in events:
        for prefix, what in (("Loading grammar from cache: ", "loaded from cache"),
                             ("Saving grammar to cache: ", "built, cache written")):
            if message.startswith(prefix):
                return what, message[len(prefix):]
        if message.startswith("Failed"):
            return message, None
    return "built, no cache used", None


def bench_lark_cache(pairs: int, workdir: Path) -> str:
    import lark

    probe_dir = workdir / "lark"
    probe_dir.mkdir()
    base_env = subprocess_env(workdir)
    probe_parser(base_env, probe_dir)  # warm-up (bytecode), as the user's TMPDIR has it
    first, second, first_events, second_events = [], [], [], []
    for k in range(pairs):
        fresh = probe_dir / f"tmp{k}"
        fresh.mkdir()
        env = subprocess_env(workdir, TMPDIR=str(fresh))
        a, b = probe_parser(env, probe_dir), probe_parser(env, probe_dir)
        first.append(a["parser"])
        second.append(b["parser"])
        first_events.append(cache_event(a["events"])[0])
        second_events.append(cache_event(b["events"])[0])
    users = [probe_parser(base_env, probe_dir) for _ in range(max(pairs, 3))]
    user_event, user_path = cache_event(users[-1]["events"])
    rows = [
        ["fresh empty TMPDIR, 1st process", ms(median(first)), ", ".join(sorted(set(first_events)))],
        ["same TMPDIR, 2nd process", ms(median(second)), ", ".join(sorted(set(second_events)))],
        ["your TMPDIR (as `cjm` runs)", ms(median([u["parser"] for u in users])), user_event],
    ]
    speedup = median(first) / median(second) if median(second) else float("inf")
    note = (f"Median of {pairs} fresh-TMPDIR pair(s); `import cjmdsl.language.parser` itself takes "
            f"{ms(median([u['import'] for u in users]))} ms. Cache effective: "
            f"{'yes' if speedup > 2 and all(e == 'loaded from cache' for e in second_events) else 'NO'} "
            f"({speedup:.1f}× faster with the cache). Lark {lark.__version__} keeps it in "
            f"`tempfile.gettempdir()` as `.lark_cache_<user>_<sha256 of grammar+options+lark "
            f"version>_<python major>_<minor>.tmp`; here: `{user_path or 'not found'}`.")
    return table(["first `cjmdsl.language.parser.parser()` call", "ms", "Lark says"], rows) + "\n\n" + note


# ── 4. what `cjm --version` imports ──────────────────────────────────────────
def bench_imports(runs: int, workdir: Path) -> str:
    cjm, _ = find_cjm()
    env = subprocess_env(workdir)
    argv = [sys.executable, "-X", "importtime", cjm, "--version"]
    subprocess.run(argv, capture_output=True, env=env, check=True)  # warm-up
    samples: list[dict[str, tuple[int, int]]] = []
    for _ in range(runs):
        stderr = subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stderr
        tops: dict[str, tuple[int, int]] = {}
        for line in stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
            if not match:
                continue
            cumulative, depth, name = int(match[2]), len(match[3]) // 2, match[4]
            if depth <= 1:  # top-level imports and what each of them imports directly
                tops[("  " * depth) + name] = (cumulative, depth)
        samples.append(tops)
    rows = []
    # Python prints a module's imports before the module itself; keep that order.
    for name, (_, depth) in samples[-1].items():
        value = median([s[name][0] for s in samples if name in s])
        if value >= (200 if depth == 0 else 500):
            rows.append([name.replace("  ", "└ ", 1) if depth else f"**{name}**",
                         f"{value / 1000:,.1f}"])
    total = median([sum(v for v, d in s.values() if d == 0) for s in samples])
    return (table(["module (└ = imported by the next bold line)", "cumulative ms"], rows)
            + f"\n\nMedian of {runs} runs of `python -X importtime {Path(cjm).name} --version`;"
              f" top-level imports (bold) sum to {total / 1000:,.1f} ms; `site` runs in "
              f"`python -c pass` too. Left out: top-level items under 0.2 ms, others under 0.5 ms.")


# ── main ─────────────────────────────────────────────────────────────────────
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="3 CLI runs, sizes up to 1,000 touchpoints, 1 run per size")
    args = parser.parse_args()
    quick = args.quick
    cli_runs = 3 if quick else 10
    sizes = [10, 100, 1000] if quick else [10, 100, 1000, 5000]

    import cjmdsl
    import lark

    examples = sorted(EXAMPLES.glob("*.cjm"))
    largest = max(examples, key=lambda p: (touchpoint_count(p), p.name))
    print("# cjmdsl benchmarks" + (" (quick)" if quick else ""))
    print()
    print(f"- {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()} "
          f"({sys.executable}), {platform.machine()} × {os.cpu_count()} CPUs, "
          f"{platform.system()} {platform.release()}")
    print(f"- cjmdsl {cjmdsl.__version__} from `{Path(cjmdsl.__file__).parent}`, "
          f"lark {lark.__version__}")
    print("- child processes cache bytecode under a temporary PYTHONPYCACHEPREFIX")
    print(flush=True)

    with tempfile.TemporaryDirectory(prefix="cjm-bench-") as tmp:
        workdir = Path(tmp)
        print("## 1. Cold CLI start\n")
        print(bench_cli(cli_runs, workdir, largest) + "\n", flush=True)
        print("## 2. Scaling with map size (in process)\n")
        times, growth = bench_scaling(sizes, quick)
        print(times + "\n")
        print("Per touchpoint; *growth* is time(n) / time(previous n), to compare with "
              "*n growth* (equal = linear).\n")
        print(growth + "\n")
        print("total = parse+check + render (render lays the map out again itself); peak = "
              "tracemalloc peak of check + render, source text excluded.\n", flush=True)
        print("## 3. Lark parser cache\n")
        print(bench_lark_cache(1 if quick else 3, workdir) + "\n", flush=True)
        print("## 4. Import time of `cjm --version`\n")
        print(bench_imports(3 if quick else 5, workdir), flush=True)


if __name__ == "__main__":
    main()
