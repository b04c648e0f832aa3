"""`use "personas.cjm"`: libraries of personas, sources, channels, actors and the scale shared
by maps.

Resolution (relative, nested, diamond), the refusals (missing, outside the project, absolute,
through a link, cycles, too deep), a library's own mistakes shown in the library with a note
at the `use`, refining an imported persona, and `cjm check` / `cjm render` on libraries.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import cjmdsl
from cjmdsl.api import check
from cjmdsl.language.limits import MOST_IMPORT_DEPTH

PERSONAS = """\
library "Personas" {
  scale 1 .. 5
  persona maya "Maya, busy parent" {
    role "Works full time"
    goal "Groceries without losing an evening"
  }
  persona tom "Tom, student" { goal "Cheapest basket" }
  source q3 survey "Q3 survey" { n 212 collected 2026-09 }
  channel quora "Quora" like community
}
"""

SHOP = """\
map "Shop" {
  use "lib/personas.cjm"
  stage buy "Buy" {
    touchpoint checkout "Checkout" {
      channel quora
      emotion maya 2
      pain "Fees appear late" source q3
    }
  }
}
"""


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=60)


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def compiled(folder: Path, name: str = "shop.cjm"):
    path = folder / name
    return check(path.read_text(encoding="utf-8"), name, path=path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "cjm.toml").write_text("", encoding="utf-8")
    write(tmp_path, {"lib/personas.cjm": PERSONAS, "shop.cjm": SHOP})
    return tmp_path


# ── what a map gets ──────────────────────────────────────────────────────────────────────────
def test_a_map_gets_the_personas_sources_channels_and_scale_of_its_library(project):
    result = compiled(project)
    assert result.errors == []
    journey = result.journey
    assert [p.name for p in journey.personas] == ["Maya, busy parent"]
    assert [s.title for s in journey.sources] == ["Q3 survey"]
    assert (journey.scale.low, journey.scale.high) == (1, 5)
    touchpoint = journey.touchpoints[0]
    assert touchpoint.channels[0].label == "Quora" and touchpoint.channel == "community"
    assert touchpoint.pains[0].source.cites == "q3"
    assert result.files == ((project / "lib" / "personas.cjm").resolve(),)


TEAM = """\
library "Team" {
  actor agent "Support agent" { team "Contact centre" }
  actor crm "CRM" { kind system }
}
"""

CALL = """\
map "Support" {
  use "lib/personas.cjm"
  use "lib/team.cjm"
  stage help "Help" {
    touchpoint call "Call" {
      channel phone
      emotion maya 4
      frontstage "Confirms the slot" by agent
      backstage "Logs the call" by crm
    }
  }
}
"""


def test_a_librarys_actors_reach_the_map_and_its_blueprint_items_name_them(project):
    write(project, {"lib/team.cjm": TEAM, "call.cjm": CALL})
    result = compiled(project, "call.cjm")
    assert result.errors == []
    journey = result.journey
    agent, crm = journey.actor("agent"), journey.actor("crm")
    assert (agent.name, agent.team, agent.kind) == ("Support agent", "Contact centre", "person")
    assert (crm.name, crm.kind) == ("CRM", "system")
    (call,) = journey.touchpoints
    assert [(step.text, step.actor) for step in call.blueprint_steps] == [
        ("Confirms the slot", "agent"), ("Logs the call", "crm")]
    page = cjmdsl.render(journey, "md")
    assert "Confirms the slot *(By Support agent (Contact centre))*" in page


def test_a_misspelt_actor_of_a_library_gets_did_you_mean(project):
    write(project, {"lib/team.cjm": TEAM, "call.cjm": CALL.replace("by agent", "by agnt")})
    (diagnostic,) = compiled(project, "call.cjm").errors
    assert (diagnostic.code, diagnostic.hint) == ("E090", "did you mean `agent`?")


def test_declarations_the_map_never_names_are_left_out(project):
    journey = compiled(project).journey
    assert "tom" not in [p.id for p in journey.personas]
    assert not [d for d in compiled(project).diagnostics if d.code in ("W103", "W110")]


def test_a_misspelt_imported_persona_still_gets_did_you_mean(project):
    write(project, {"shop.cjm": SHOP.replace("emotion maya 2", "emotion mya 2")})
    (diagnostic,) = compiled(project).errors
    assert diagnostic.code == "E012" and diagnostic.hint == "did you mean `maya`?"


def test_a_persona_block_with_the_same_id_refines_the_imported_one(project):
    write(project, {"shop.cjm": SHOP.replace('  use "lib/personas.cjm"\n', """\
  use "lib/personas.cjm"
  persona maya "Maya" { goal "Order in five minutes" quote "Just let me pay." }
""")})
    result = compiled(project)
    assert result.errors == []
    (maya,) = result.journey.personas
    assert maya.name == "Maya"
    assert [g.text for g in maya.goals] == ["Order in five minutes"]
    assert [q.text for q in maya.quotes] == ["Just let me pay."]
    assert [r.text for r in maya.roles] == ["Works full time"]  # kept from the library


def test_the_maps_own_scale_wins_over_the_librarys(project):
    write(project, {"shop.cjm": SHOP.replace('  use "lib/personas.cjm"\n',
                                             '  use "lib/personas.cjm"\n  scale -2 .. 2\n')
                    .replace("emotion maya 2", "emotion maya -2")})
    result = compiled(project)
    assert result.errors == []
    assert (result.journey.scale.low, result.journey.scale.high) == (-2, 2)


def test_diagnostics_about_imported_declarations_point_at_the_use_line(project):
    write(project, {"shop.cjm": SHOP.replace("emotion maya 2", "emotion maya 9")})
    (diagnostic,) = compiled(project).errors
    assert diagnostic.code == "E013" and diagnostic.origin is None
    assert "the scale runs from 1 to 5" in diagnostic.hint


def test_nested_libraries_and_a_diamond_load_each_file_once(project):
    write(project, {
        "lib/base.cjm": 'library "Base" {\n  persona cat "Cat"\n}\n',
        "lib/a.cjm": 'library "A" {\n  use "base.cjm"\n  persona bob "Bob"\n}\n',
        "lib/b.cjm": 'library "B" {\n  use "base.cjm"\n}\n',
        "shop.cjm": 'map "D" {\n  use "lib/a.cjm"\n  use "lib/b.cjm"\n  stage s "S" {\n'
                    '    touchpoint t "T" { channel web emotion cat 1 emotion bob 0 }\n  }\n}\n'})
    result = compiled(project)
    assert result.diagnostics == []
    assert [p.id for p in result.journey.personas] == ["cat", "bob"]
    assert [path.name for path in result.files] == ["a.cjm", "base.cjm", "b.cjm"]


def test_two_libraries_declaring_one_id_differently_is_an_error_at_the_second_use(project):
    write(project, {"lib/other.cjm": 'library "O" {\n  persona maya "Another Maya"\n}\n',
                    "shop.cjm": SHOP.replace('  use "lib/personas.cjm"\n',
                                             '  use "lib/personas.cjm"\n  use "lib/other.cjm"\n')})
    (diagnostic,) = compiled(project).errors
    assert diagnostic.code == "E111" and diagnostic.span.line == 3
    assert diagnostic.message == ("`maya` is declared both in `lib/personas.cjm` and in "
                                  "`lib/other.cjm`")


# ── what is refused ──────────────────────────────────────────────────────────────────────────
def test_a_missing_library_is_an_error_with_the_nearest_name(project):
    write(project, {"shop.cjm": SHOP.replace("lib/personas.cjm", "lib/persona.cjm")})
    done = cjm("check", "shop.cjm", cwd=project)
    assert done.returncode == 1
    assert done.stderr.startswith(
        "shop.cjm:2:7: error[E105]: cannot find `lib/persona.cjm`\n"
        ' 2 |   use "lib/persona.cjm"\n'
        "   |       ^^^^^^^^^^^^^^^^^ did you mean `lib/personas.cjm`?\n")


@pytest.mark.parametrize("written, message", [
    ("../outside.cjm", "`../outside.cjm` leads outside the project"),
    ("lib/../../outside.cjm", "`lib/../../outside.cjm` leads outside the project"),
    ("/etc/passwd", "`/etc/passwd` is an absolute path"),
], ids=["parent", "climbing", "absolute"])
def test_a_library_outside_the_project_is_refused_unread(project, written, message):
    (project.parent / "outside.cjm").write_text('library "Secret" { persona x "SECRET" }\n')
    write(project, {"shop.cjm": SHOP.replace("lib/personas.cjm", written)})
    done = cjm("check", "shop.cjm", cwd=project)
    assert done.returncode == 1
    assert done.stderr.startswith(f"shop.cjm:2:7: error[E106]: {message}")
    assert "SECRET" not in done.stderr and "root:" not in done.stderr


def test_a_link_that_leads_out_of_the_project_is_refused(project):
    outside = project.parent / "elsewhere"
    outside.mkdir()
    (outside / "personas.cjm").write_text('library "Secret" {\n  persona x "SECRET" { color "#1" }\n}\n')
    os.symlink(outside, project / "linked")
    write(project, {"shop.cjm": SHOP.replace("lib/personas.cjm", "linked/personas.cjm")})
    done = cjm("check", "shop.cjm", cwd=project)
    assert done.returncode == 1
    assert "error[E106]: `linked/personas.cjm` leads outside the project" in done.stderr
    assert "SECRET" not in done.stderr


def test_without_a_config_the_root_is_the_maps_folder(tmp_path):
    write(tmp_path, {"shared.cjm": PERSONAS, "maps/shop.cjm": SHOP.replace(
        "lib/personas.cjm", "../shared.cjm")})
    assert [d.code for d in compiled(tmp_path / "maps").errors] == ["E106"]


def test_a_cycle_is_an_error_with_the_chain_of_files(project):
    write(project, {"lib/a.cjm": 'library "A" {\n  use "b.cjm"\n}\n',
                    "lib/b.cjm": 'library "B" {\n  use "a.cjm"\n}\n',
                    "shop.cjm": SHOP.replace("lib/personas.cjm", "lib/a.cjm")})
    done = cjm("check", "shop.cjm", cwd=project)
    assert done.returncode == 1
    assert done.stderr == (
        "lib/b.cjm:2:7: error[E108]: `use` cycle: shop.cjm → lib/a.cjm → lib/b.cjm → lib/a.cjm\n"
        ' 2 |   use "a.cjm"\n'
        "   |       ^^^^^^^ a library cannot use itself, directly or through others: move what "
        "both need into a third library\n"
        "  note: lib/a.cjm:2:7: `lib/b.cjm` is used here\n"
        ' 2 |   use "b.cjm"\n'
        "   |       ^^^^^^^\n"
        "  note: shop.cjm:2:7: `lib/a.cjm` is used here\n"
        ' 2 |   use "lib/a.cjm"\n'
        "   |       ^^^^^^^^^^^\n")


def test_a_library_that_uses_itself_is_a_cycle(project):
    write(project, {"lib/personas.cjm": PERSONAS.replace("{\n", '{\n  use "personas.cjm"\n', 1)})
    assert [d.code for d in compiled(project).errors] == ["E108"]


def test_libraries_nested_too_deep_are_an_error(project):
    depth = MOST_IMPORT_DEPTH + 2
    write(project, {f"lib/l{i}.cjm": f'library "L{i}" {{\n  use "l{i + 1}.cjm"\n}}\n'
                    for i in range(depth)})
    write(project, {f"lib/l{depth}.cjm": 'library "End" { }\n',
                    "shop.cjm": SHOP.replace("lib/personas.cjm", "lib/l0.cjm")})
    errors = compiled(project).errors
    assert [d.code for d in errors] == ["E109"]
    assert errors[0].message.startswith(f"libraries nested more than {MOST_IMPORT_DEPTH} deep")


def test_using_a_map_is_an_error(project):
    write(project, {"other.cjm": SHOP.replace('  use "lib/personas.cjm"\n', "")
                    .replace("channel quora", "channel web").replace(" source q3", "")
                    .replace("map \"Shop\" {", 'map "Other" {\n  persona maya "Maya"'),
                    "shop.cjm": SHOP.replace("lib/personas.cjm", "other.cjm")})
    assert [d.code for d in compiled(project).errors] == ["E114"]


def test_use_without_a_file_is_an_error():
    (diagnostic,) = check(SHOP, "<stdin>").errors
    assert diagnostic.code == "E113"
    done = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", "check",
                           "-"], input=SHOP, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "error[E113]" in done.stderr


# ── a library with its own mistakes ──────────────────────────────────────────────────────────
def test_a_librarys_mistake_points_into_the_library_with_a_note_at_the_use(project):
    write(project, {"lib/personas.cjm": PERSONAS.replace('persona tom "Tom, student"',
                                                         'persona tom "Tom" { color "#12" }\n'
                                                         '  persona tim "Tim"')})
    done = cjm("check", "shop.cjm", cwd=project)
    assert done.returncode == 1
    assert done.stderr == (
        "lib/personas.cjm:7:23: error[E018]: invalid colour `#12`\n"
        ' 7 |   persona tom "Tom" { color "#12" }\n'
        "   |                       ^^^^^^^^^^^ write a colour as #rgb or #rrggbb, for example "
        "#1f77b4\n"
        "  note: shop.cjm:2:7: `lib/personas.cjm` is used here\n"
        ' 2 |   use "lib/personas.cjm"\n'
        "   |       ^^^^^^^^^^^^^^^^^^\n")


def test_a_librarys_mistake_in_json_names_the_library_file(project):
    write(project, {"lib/personas.cjm": PERSONAS.replace("persona tom", "persona tom tom")})
    done = cjm("check", "--format", "json", "shop.cjm", cwd=project)
    (found,) = json.loads(done.stdout)
    assert (found["file"], found["code"], found["line"]) == ("lib/personas.cjm", "E001", 7)
    assert found["labels"] == [{"line": 2, "column": 7, "message": "`lib/personas.cjm` is used "
                                "here", "file": "shop.cjm"}]


def test_a_broken_library_does_not_also_report_the_ids_it_would_have_declared(project):
    write(project, {"lib/personas.cjm": PERSONAS.replace("scale 1 .. 5", "scale 5 .. 1")})
    assert [d.code for d in compiled(project).errors] == ["E015"]


# ── libraries on their own ───────────────────────────────────────────────────────────────────
def test_a_library_checks_on_its_own_without_asking_for_stages(project):
    done = cjm("check", "lib/personas.cjm", cwd=project)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_library_may_not_hold_a_stage(project):
    write(project, {"lib/personas.cjm": PERSONAS.replace(
        "}\n", '}\n  stage s "S" { touchpoint t "T" { channel web } }\n', 1)})
    done = cjm("check", "lib/personas.cjm", cwd=project)
    assert done.returncode == 1
    assert "lib/personas.cjm:7:3: error[E110]: a library cannot hold a stage" in done.stderr


def test_rendering_a_library_says_it_has_nothing_to_draw(project):
    done = cjm("render", "lib/personas.cjm", cwd=project)
    assert done.returncode == 1
    assert done.stderr.startswith("lib/personas.cjm:1:1: error[E112]: `lib/personas.cjm` is a "
                                  "library: it has nothing to draw")
    assert not (project / "lib" / "personas.svg").exists()


def test_rendering_a_folder_draws_the_maps_and_checks_the_libraries(project):
    done = cjm("render", ".", "-o", "out/", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "1 rendered, 0 unchanged, 0 failed, 1 library checked" in done.stderr
    assert sorted(p.name for p in (project / "out").rglob("*.svg")) == ["shop.svg"]
    assert "Maya, busy parent" in (project / "out" / "shop.svg").read_text()


@pytest.mark.parametrize("command", [("render", ".", "-o", "out/", "-f", "svg", "-f", "html"),
                                     ("site", ".", "-o", "site/")])
def test_a_broken_library_used_by_two_maps_says_its_mistake_once(project, command):
    (project / "lib" / "personas.cjm").write_text(PERSONAS.replace('persona tom "Tom',
                                                                   'persona tom Tom'))
    write(project, {"cart.cjm": SHOP.replace('"Shop"', '"Cart"')})
    done = cjm(*command, cwd=project)
    assert done.returncode == 1
    assert done.stderr.count("error[E") == 1, done.stderr
    assert done.stderr.startswith("lib/personas.cjm:7:15: error[E001]")
    assert "note: cart.cjm:2:7: `lib/personas.cjm` is used here" in done.stderr  # the first map
    assert "0 rendered, 0 unchanged, 3 failed" in done.stderr  # the library and its users


def test_the_api_parses_a_map_with_its_path(project):
    path = project / "shop.cjm"
    journey = cjmdsl.parse(path.read_text(), "shop.cjm", path=path)
    assert [p.id for p in journey.personas] == ["maya"]


# ── the render cache ─────────────────────────────────────────────────────────────────────────
def test_the_render_cache_goes_stale_when_a_library_changes(project):
    env = {**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(project / "cache")}

    def render() -> str:
        done = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                               "render", "shop.cjm", "other.cjm", "-o", "out/"], cwd=project,
                              env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stderr.strip().splitlines()[-1].split(" in ")[0]

    write(project, {"other.cjm": SHOP.replace('"Shop"', '"Other"')})
    assert render() == "cjm: 2 rendered, 0 unchanged, 0 failed"
    assert render() == "cjm: 0 rendered, 2 unchanged, 0 failed"
    write(project, {"lib/personas.cjm": PERSONAS.replace("Maya, busy parent", "Maya, nurse")})
    assert render() == "cjm: 2 rendered, 0 unchanged, 0 failed"
    assert "Maya, nurse" in (project / "out" / "shop.svg").read_text(encoding="utf-8")
    assert render() == "cjm: 0 rendered, 2 unchanged, 0 failed"


# ── watch and serve follow the libraries ─────────────────────────────────────────────────────
def test_watch_renders_again_when_a_library_changes(project):
    pytest.importorskip("watchfiles")
    from conftest import interrupt_and_wait, long_running
    from lsp_client import wait_until

    output = project / "shop.svg"
    process = long_running(["cjm", "watch", str(project / "shop.cjm"), "-o", str(output)])
    try:
        assert wait_until(lambda: output.exists() and "Maya, busy parent" in output.read_text(),
                          15)
        time.sleep(0.3)
        write(project, {"lib/personas.cjm": PERSONAS.replace("Maya, busy parent", "Maya, nurse")})
        assert wait_until(lambda: "Maya, nurse" in output.read_text(), 15)
    finally:
        assert interrupt_and_wait(process) in (0, 130)
    assert "Traceback" not in process.stderr.read()


def test_serve_shows_a_library_change_and_a_librarys_mistake(project):
    pytest.importorskip("watchfiles")
    from conftest import interrupt_and_wait, long_running
    from lsp_client import wait_until

    process = long_running(["cjm", "serve", str(project / "shop.cjm")])
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)

        def state() -> dict:
            with urllib.request.urlopen(url + "state", timeout=5) as answer:
                return json.loads(answer.read())

        def page() -> str:
            with urllib.request.urlopen(url + "map", timeout=5) as answer:
                return answer.read().decode("utf-8")

        assert "Maya, busy parent" in page()
        time.sleep(0.3)
        write(project, {"lib/personas.cjm": PERSONAS.replace("Maya, busy parent", "Maya, nurse")})
        assert wait_until(lambda: "Maya, nurse" in page(), 15)
        time.sleep(0.3)
        write(project, {"lib/personas.cjm": PERSONAS.replace("scale 1 .. 5", "scale 5 .. 1")})
        assert wait_until(lambda: "lib/personas.cjm:2:3: error[E015]" in state()["problems"], 15)
        assert "Maya, nurse" in page()  # the last good map stays
    finally:
        assert interrupt_and_wait(process) in (0, 130)
    assert "Traceback" not in process.stderr.read()


# ── docs builds ──────────────────────────────────────────────────────────────────────────────
def test_sphinx_rebuilds_the_page_when_a_library_of_its_map_changes(project):
    pytest.importorskip("sphinx")
    src = project / "src"
    write(project, {"src/conf.py": 'extensions = ["cjmdsl.sphinx"]\nproject = "Maps"\n',
                    "src/index.rst": "Maps\n====\n\n.. cjm:: ../shop.cjm\n"})

    def build() -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", str(src),
                               str(project / "out")], cwd=project, capture_output=True,
                              text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
        assert done.returncode == 0, done.stderr
        return done

    build()
    assert "0 added, 0 changed, 0 removed" in build().stdout
    time.sleep(0.01)
    write(project, {"lib/personas.cjm": PERSONAS.replace("Maya, busy parent", "Maya, nurse")})
    assert "0 added, 1 changed, 0 removed" in build().stdout
    page = (project / "out" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img class="cjm-map" src="([^"]+)"', page).group(1)
    assert "Maya, nurse" in (project / "out" / src).read_text(encoding="utf-8")


def test_sphinx_names_the_library_of_a_mistake_in_an_inline_map(project):
    pytest.importorskip("sphinx")
    src = project / "src"
    write(project, {"src/conf.py": 'extensions = ["cjmdsl.sphinx"]\nproject = "Maps"\n',
                    "src/lib.cjm": 'library "L" {\n  persona maya "Maya" { color "red" }\n}\n',
                    "src/index.rst": "Maps\n====\n\n.. cjm::\n\n   " + SHOP.replace(
                        "lib/personas.cjm", "lib.cjm").replace(" source q3", "").replace(
                        "channel quora", "channel web").replace("\n", "\n   ") + "\n"})
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", str(src),
                           str(project / "out")], cwd=project, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert re.search(r"index\.rst:\d+: WARNING: src/lib\.cjm:2:25: error\[E018\]: invalid "
                     r"colour `red`", done.stderr), done.stderr


@pytest.mark.slow
def test_mkdocs_serve_re_renders_when_a_library_outside_docs_changes(project):
    pytest.importorskip("mkdocs")
    import socket

    from lsp_client import wait_until

    write(project, {"docs/index.md": "# Maps\n\n![Shop](../shop.cjm)\n",
                    "mkdocs.yml": "site_name: Maps\nplugins:\n  - cjm\n"})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                               f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"

    def picture() -> str | None:
        try:
            with urllib.request.urlopen(base, timeout=5) as answer:
                found = re.search(r'<img class="cjm-map" src="([^"]+)"', answer.read().decode())
            with urllib.request.urlopen(base + found.group(1), timeout=5) as answer:
                return answer.read().decode("utf-8")
        except (OSError, AttributeError):
            return None

    try:
        assert wait_until(lambda: "Maya, busy parent" in (picture() or ""), 60)
        write(project, {"lib/personas.cjm": PERSONAS.replace("Maya, busy parent", "Maya, nurse")})
        assert wait_until(lambda: "Maya, nurse" in (picture() or ""), 60)
    finally:
        server.terminate()
        server.wait(timeout=30)


# ── the language server across two files ─────────────────────────────────────────────────────
@pytest.fixture
def lsp(project):
    pytest.importorskip("pygls")
    from lsp_client import LspClient

    client = LspClient()
    client.initialize(project)
    yield client
    client.close()


def test_go_to_definition_of_an_imported_persona_opens_the_library(project, lsp):
    from lsp_client import position

    uri = (project / "shop.cjm").as_uri()
    lsp.open(uri, SHOP)
    assert [d for d in lsp.diagnostics(uri, 1) if d["severity"] == 1] == []
    found = lsp.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                    "position": position(SHOP, "maya 2", 1)})
    library = (project / "lib" / "personas.cjm").resolve().as_uri()
    assert found == {"uri": library, "range": {"start": {"line": 2, "character": 10},
                                               "end": {"line": 2, "character": 14}}}
    on_path = lsp.request("textDocument/definition", {
        "textDocument": {"uri": uri}, "position": position(SHOP, "lib/personas", 2)})
    assert on_path["uri"] == library and on_path["range"]["start"] == {"line": 0, "character": 0}


def test_saving_a_library_refreshes_the_diagnostics_of_the_map_that_uses_it(project, lsp):
    from lsp_client import wait_until

    uri = (project / "shop.cjm").as_uri()
    lsp.open(uri, SHOP)
    assert [d for d in lsp.diagnostics(uri, 1) if d["severity"] == 1] == []
    library = project / "lib" / "personas.cjm"
    library.write_text(PERSONAS.replace("scale 1 .. 5", "scale 5 .. 1"), encoding="utf-8")
    lsp.notify("textDocument/didSave", {"textDocument": {"uri": library.as_uri()}})

    def errors():
        found = [n["params"] for n in lsp.notifications
                 if n.get("method") == "textDocument/publishDiagnostics"
                 and n["params"]["uri"] == uri]
        return [d for d in found[-1]["diagnostics"] if d["severity"] == 1] if found else None

    (diagnostic,) = wait_until(errors, 20)
    assert diagnostic["code"] == "E015"
    assert diagnostic["message"].startswith(f"{library}:2:3: the scale must run from low to high")
    assert diagnostic["range"]["start"] == {"line": 1, "character": 6}  # the `use` line
    assert diagnostic["relatedInformation"][0]["location"]["uri"] == library.resolve().as_uri()

    library.write_text(PERSONAS, encoding="utf-8")
    lsp.notifications.clear()
    lsp.notify("workspace/didChangeWatchedFiles",
               {"changes": [{"uri": library.as_uri(), "type": 2}]})
    assert wait_until(lambda: errors() == [], 20)


def test_readme_table_of_library_codes_is_the_pages_summaries():
    from cjmdsl.language import codes
    from cjmdsl.language.libraries import LIBRARY_CODES

    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = re.split(r"\n##+ ", text.split("\n### Mistakes in libraries\n", 1)[1], 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in section.splitlines() if re.match(r"\| E\d{3} \|", line)]
    assert [row[0] for row in rows] == sorted(LIBRARY_CODES)
    for code, severity, meaning in rows:
        assert (severity, meaning) == (codes.severity(code), codes.summary(code))
        assert codes.title(code) == LIBRARY_CODES[code]


def test_the_formatter_keeps_use_lines_where_they_are(project):
    text = ('library   "L"{\n use "a.cjm" // the base\nuse    "b.cjm"\n'
            ' persona x "X"\n}\n')
    done = subprocess.run(
        [sys.executable, "-c", "from cjmdsl.cli import main; main()", "fmt", "-"], input=text,
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ('library "L" {\n  use "a.cjm" // the base\n  use "b.cjm"\n\n'
                           '  persona x "X"\n}\n')
    again = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", "fmt",
                            "-"], input=done.stdout, capture_output=True, text=True, timeout=60)
    assert again.stdout == done.stdout


def test_cjm_diff_against_a_revision_reads_the_old_versions_libraries_beside_the_map(project):
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project,
                       check=True, capture_output=True, timeout=60)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "first")
    write(project, {"shop.cjm": SHOP.replace("emotion maya 2", "emotion maya 1")})
    done = cjm("diff", "HEAD", "shop.cjm", cwd=project)
    assert "error" not in done.stderr, done.stderr
    assert done.returncode == 0
    assert "Maya feels 1 point worse at Checkout: 2 → 1" in done.stdout


def test_completion_offers_the_libraries_personas_the_map_does_not_name_yet(project, lsp):
    from lsp_client import position

    text = SHOP.replace("emotion maya 2", "emotion maya 2\n      emotion ")
    uri = (project / "shop.cjm").as_uri()
    lsp.open(uri, text)
    lsp.diagnostics(uri, 1)
    found = lsp.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": position(text, "emotion \n", 8)})
    assert [item["label"] for item in found["items"]][:2] == ["maya", "tom"]
