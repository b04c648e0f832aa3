"""A repository's defaults: cjm.toml or [tool.cjm] in pyproject.toml, found upwards from the maps.

Real `cjm` subprocesses in scratch folders, as a user runs them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_cli import GOOD, cjm

from cjmdsl.config import CONFIG_CODES
from cjmdsl.language.diagnostics import CODES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository with a map two folders down and its own cache folder."""
    (tmp_path / "docs" / "maps").mkdir(parents=True)
    (tmp_path / "docs" / "maps" / "shop.cjm").write_text(GOOD)
    return tmp_path


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("CJM_CACHE_DIR", str(tmp_path / ".cache"))


def settings_json(cwd: Path, *args: str) -> dict:
    run = cjm("config", *args, "--format", "json", cwd=cwd)
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)


# ── finding the config ───────────────────────────────────────────────────────
def test_config_is_found_in_a_folder_above_the_map(project):
    (project / "cjm.toml").write_text('theme = "dark"\n')
    found = settings_json(project, "docs/maps/shop.cjm")
    assert found["config"] == "cjm.toml"
    assert found["settings"]["theme"] == {"value": "dark", "source": "cjm.toml:1"}


def test_the_nearest_config_wins_and_is_not_merged_with_one_further_up(project):
    (project / "cjm.toml").write_text('theme = "dark"\nformats = ["html"]\n')
    (project / "docs" / "cjm.toml").write_text('\ntheme = "print"\n')
    found = settings_json(project, "docs/maps/shop.cjm")
    assert found["config"] == "docs/cjm.toml"
    assert found["settings"]["theme"] == {"value": "print", "source": "docs/cjm.toml:2"}
    assert found["settings"]["formats"] == {"value": ["svg"], "source": "default"}


def test_cjm_toml_beats_pyproject_toml_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.cjm]\ntheme = "dark"\n')
    (project / "cjm.toml").write_text('theme = "print"\n')
    assert settings_json(project, "docs")["settings"]["theme"]["source"] == "cjm.toml:1"


def test_pyproject_toml_counts_only_with_a_tool_cjm_table(project):
    (project / "cjm.toml").write_text('theme = "print"\n')
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "docs"\n'
                                                     '[tool.black]\nline-length = 99\n')
    assert settings_json(project, "docs/maps")["config"] == "cjm.toml"
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "docs"\n\n'
                                                     '[tool.cjm]\ntheme = "dark"\n')
    assert settings_json(project, "docs/maps")["settings"]["theme"] == {
        "value": "dark", "source": "docs/pyproject.toml:5"}


def test_without_a_config_every_setting_is_the_default(project):
    found = settings_json(project, "docs")
    assert found["config"] is None
    assert {s["source"] for s in found["settings"].values()} == {"default"}


# ── cjm config ───────────────────────────────────────────────────────────────
def test_cjm_config_prints_each_setting_with_where_it_came_from(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\noutput = "build/maps"\n\n'
                                      '[limits]\nmax_string = 500\n')
    run = cjm("config", "docs", "--max-touchpoints", "50", cwd=project)
    assert run.code == 0, run.stderr
    assert run.stdout.decode() == (
        "config: cjm.toml\n"
        "theme                   (each map's own, else default)  default\n"
        "dark_theme              (the theme's own dark partner)  default\n"
        "formats                 svg, html                       cjm.toml:1\n"
        "output                  build/maps                      cjm.toml:2\n"
        "width                   880                             default\n"
        "time_axis               false                           default\n"
        "emotions                overlay                         default\n"
        "state                   both                            default\n"
        "persona_cards           true                            default\n"
        "colors                  adaptive                        default\n"
        "limits.max_bytes        5000000                         default\n"
        "limits.max_string       500                             cjm.toml:5\n"
        "limits.max_touchpoints  50                              command line\n")


def test_cjm_config_in_json_names_the_command_line(project):
    (project / "cjm.toml").write_text('theme = "dark"\n')
    found = settings_json(project, "--theme", "print")
    assert found["settings"]["theme"] == {"value": "print", "source": "command line"}


def test_a_pyproject_config_is_read_from_its_tool_cjm_tables(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.cjm]\ndark_theme = "high-contrast-dark"\n\n'
        '[tool.cjm.limits]\nmax_bytes = 1000\n\n[tool.cjm.lint]\nstage-without-goal = "off"\n')
    found = settings_json(project)
    assert found["settings"]["dark_theme"]["source"] == "pyproject.toml:5"
    assert found["settings"]["limits.max_bytes"] == {"value": 1000, "source": "pyproject.toml:8"}


# ── mistakes in the file ─────────────────────────────────────────────────────
@dataclass(frozen=True)
class Case:
    name: str
    text: str
    code: str
    where: str  # line:column
    hint: str
    file: str = "cjm.toml"


CASES = [
    Case("file too large", "# " + "x" * 1_000_000 + "\n", "E056", "1:1",
         "keep only the settings you change; a theme or config needs a few kilobytes"),
    Case("misspelt key", 'theme = "dark"\ndark-theme = "dark"\n', "E061", "2:1",
         "did you mean `dark_theme`?"),
    Case("misspelt section", '[limit]\nmax_bytes = 5\n', "E061", "1:2", "did you mean `limits`?"),
    Case("limit outside its section", 'max_bytes = 5\n', "E061", "1:1",
         "`max_bytes` belongs in [limits]"),
    Case("misspelt limit", '[limits]\nmax_touchpont = 5\n', "E061", "2:1",
         "did you mean `max_touchpoints`?"),
    Case("theme is not text", 'theme = 3\n', "E062", "1:9", ""),
    Case("formats is not a list", 'formats = "svg"\n', "E062", "1:11", ""),
    Case("limit is not a number", '[limits]\nmax_bytes = "big"\n', "E062", "2:13", ""),
    Case("limits is not a section", 'limits = 5\n', "E062", "1:1", ""),
    Case("unknown theme", '\ntheme = "drak"\n', "E019", "2:9", "did you mean `dark`?"),
    Case("unknown dark theme", 'dark_theme = "neon"\n', "E019", "1:14",
         "built-in themes: colorblind, colorblind-dark, corporate, dark, default, "
         "high-contrast, high-contrast-dark, print"),
    Case("missing theme file", 'theme = "brand.toml"\n', "E019", "1:9",
         "a path is relative to the folder of the config file"),
    Case("unknown format", 'formats = ["svg", "htm"]\n', "E063", "1:19", "did you mean `html`?"),
    Case("format named twice", 'formats = ["svg", "svg"]\n', "E063", "1:19",
         "name each format once"),
    Case("no formats", 'formats = []\n', "E063", "1:11",
         "formats: csv, dot, drawio, flow-pdf, flow-png, flow-svg, html, json, lucid-csv, md, "
         "mermaid, miro-csv, pdf, png, svg, xlsx"),
    Case("limit below 1", '[limits]\nmax_string = 0\n', "E063", "2:14", ""),
    Case("width is not a number", 'width = "wide"\n', "E062", "1:9",
         "such as width = 880, or 0 for one row"),
    Case("width too narrow", 'width = 200\n', "E063", "1:9",
         "a map needs 320 px for its labels and one column"),
    Case("unknown emotions layout", 'emotions = "small"\n', "E063", "1:12",
         'emotions = "split" draws a small plot per persona'),
    Case("emotions is not text", 'emotions = 2\n', "E062", "1:12", ""),
    Case("unknown colors", 'colors = "fixd"\n', "E063", "1:10", "did you mean `fixed`?"),
    Case("bad TOML", 'theme = "dark"\nformats = ["svg" "html"]\n', "E060", "2:18", ""),
    Case("TOML ends too soon", 'theme = "dark"\nformats = ["svg"\n\n', "E060", "2:17", ""),
    Case("not UTF-8", 'theme = "d\xe9"\n', "E006", "1:11", "save the file as UTF-8"),
    Case("absolute output", 'output = "/tmp/maps"\n', "E064", "1:10",
         "give the output folder as a path relative to the folder of the config file, "
         "inside it"),
    Case("output above the project", 'output = "../site"\n', "E064", "1:10",
         "give the output folder as a path relative to the folder of the config file, "
         "inside it"),
    Case("theme file above the project", 'theme = "docs/../../brand.toml"\n', "E064", "1:9",
         "give a theme file as a path relative to the folder of the config file, inside it"),
    Case("mistake under [tool.cjm]", '[tool.black]\nline = 1\n[tool.cjm]\nthem = "dark"\n',
         "E061", "4:1", "did you mean `theme`?", "pyproject.toml"),
    Case("misspelt section under [tool.cjm]", '[tool.cjm.limts]\nmax_bytes = 1\n', "E061",
         "1:2", "did you mean `limits`?", "pyproject.toml"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_mistake_in_the_config_is_one_diagnostic_with_its_place_and_hint(project, case):
    raw = case.text.encode("latin-1") if case.code == "E006" else case.text.encode()
    (project / case.file).write_bytes(raw)
    for command in (["render", "docs/maps/shop.cjm"], ["check", "docs/maps/shop.cjm"],
                    ["config", "docs"]):
        run = cjm(*command, cwd=project)
        assert run.code == 1, (command, run.stderr)
        head, *excerpt = run.stderr.splitlines()
        assert head.startswith(f"{case.file}:{case.where}: error[{case.code}]: ")
        assert run.stderr.count("error[") == 1
        if case.code in ("E006", "E056"):  # a file not read, or not text: never quoted
            assert excerpt == [f"  = hint: {case.hint}"]
        else:
            assert excerpt[1].split("^")[-1].strip() == case.hint
    assert not (project / "docs" / "maps" / "shop.svg").exists()


def svg_width(path: Path) -> str:
    return re.search(r'<svg [^>]*width="([0-9.]+)"', path.read_text(encoding="utf-8")).group(1)


def test_the_config_width_lays_out_every_svg_and_the_command_line_beats_it(project):
    (project / "cjm.toml").write_text("width = 1000\n")
    shop = project / "docs" / "maps" / "shop.cjm"
    assert cjm("render", "docs/maps/shop.cjm", cwd=project).code == 0
    assert svg_width(shop.with_suffix(".svg")) == "1000"
    assert cjm("render", "docs/maps/shop.cjm", "--width", "700", cwd=project).code == 0
    assert svg_width(shop.with_suffix(".svg")) == "700"
    (project / "cjm.toml").write_text('width = 0\nformats = ["svg", "html"]\n')
    run = cjm("render", "docs/maps/shop.cjm", cwd=project)  # html takes no width: not an error
    assert run.code == 0, run.stderr
    assert svg_width(shop.with_suffix(".svg")) == "760"  # one row: as wide as the journey


def test_the_config_splits_the_emotion_lane_and_the_command_line_beats_it(project):
    (project / "cjm.toml").write_text('emotions = "split"\nformats = ["svg", "html"]\n')
    shop = project / "docs" / "maps" / "shop.cjm"
    run = cjm("render", "docs/maps/shop.cjm", cwd=project)  # html takes no emotions: no error
    assert run.code == 0, run.stderr
    assert "cjm-panel-title" in shop.with_suffix(".svg").read_text(encoding="utf-8")
    run = cjm("render", "docs/maps/shop.cjm", "-f", "svg", "--emotions", "overlay", cwd=project)
    assert run.code == 0, run.stderr
    assert "cjm-panel-title" not in shop.with_suffix(".svg").read_text(encoding="utf-8")


def test_a_toml_syntax_error_reports_the_readers_message_at_its_place(project):
    (project / "cjm.toml").write_text('theme = "dark"\ntheme = "print"\n')
    run = cjm("config", cwd=project)
    assert run.stderr == ("cjm.toml:2:16: error[E060]: invalid TOML: cannot overwrite a value\n"
                          ' 2 | theme = "print"\n'
                          "   |                ^\n")


def test_a_theme_file_reached_through_a_link_out_of_the_project_is_refused(project):
    outside = project.parent / f"{project.name}-secret.toml"
    outside.write_text('name = "TOP SECRET CONTENT"\nbogus = 1\n')
    (project / "docs" / "brand.toml").symlink_to(outside)
    (project / "docs" / "cjm.toml").write_text('theme = "brand.toml"\n')
    run = cjm("render", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1
    assert run.stderr.startswith("docs/cjm.toml:1:9: error[E064]: `theme` leads outside the "
                                 "project")
    assert "SECRET" not in run.stderr and "bogus" not in run.stderr


def test_a_config_error_shows_only_the_config(project):
    secret = project.parent / f"{project.name}-passwords.toml"
    secret.write_text("password = 'hunter2'\n")
    (project / "cjm.toml").write_text(f'theme = "../{secret.name}"\noutput = "{secret}"\n')
    run = cjm("check", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1
    assert "hunter2" not in run.stderr
    assert [line.split(": error")[0] for line in run.stderr.splitlines() if "error[" in line] \
        == ["cjm.toml:1:9", "cjm.toml:2:10"]


def test_check_reads_the_limits_beside_a_lint_section(project):
    (project / "cjm.toml").write_text('[lint]\nstage-without-goal = "error"\n\n'
                                      '[limits]\nmax_bytes = 20\n')
    run = cjm("check", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1
    assert [line.split(": ")[1] for line in run.stderr.splitlines() if "error[" in line] \
        == ["error[E030]"]  # the limits are read; the lint rules are `cjm lint`'s


def test_a_mistake_in_the_lint_section_stops_check_too(project):
    (project / "cjm.toml").write_text('[lint]\nany_rule = "error"\n')
    run = cjm("check", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1
    assert run.stderr.startswith("cjm.toml:2:1: error[E061]: unknown key `any_rule` in [lint]")


def test_every_config_code_has_a_case_and_a_readme_row():
    assert sorted({case.code for case in CASES}) == sorted(CONFIG_CODES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    for code in CONFIG_CODES:
        assert f"| {code} |" in section


def test_config_codes_mean_the_same_as_map_codes_or_are_their_own():
    for code, meaning in CONFIG_CODES.items():
        assert CODES.get(code, meaning) == meaning


# ── render and check use it ──────────────────────────────────────────────────
def test_render_writes_the_configured_formats_into_the_configured_folder(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\noutput = "site/maps"\n')
    run = cjm("render", "maps/shop.cjm", cwd=project / "docs")
    assert run.code == 0, run.stderr
    written = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))
    assert written == ["site/maps", "site/maps/shop.html", "site/maps/shop.svg"]
    assert not (project / "docs" / "maps" / "shop.svg").exists()


def test_render_uses_the_configured_theme_for_maps_that_name_none(project):
    (project / "cjm.toml").write_text('theme = "dark"\n')
    assert cjm("render", "docs/maps/shop.cjm", "-o", "configured.svg", cwd=project).code == 0
    assert cjm("render", "docs/maps/shop.cjm", "--theme", "dark", "-o", "dark.svg",
               cwd=project).code == 0
    assert cjm("render", "docs/maps/shop.cjm", "--theme", "default", "-o", "default.svg",
               cwd=project).code == 0
    assert (project / "configured.svg").read_bytes() == (project / "dark.svg").read_bytes()
    assert (project / "configured.svg").read_bytes() != (project / "default.svg").read_bytes()


def test_a_maps_own_theme_beats_the_configured_one(project):
    (project / "cjm.toml").write_text('theme = "dark"\n')
    (project / "docs" / "maps" / "shop.cjm").write_text(
        GOOD.replace('map "Shop" {', 'map "Shop" {\n  theme "print"'))
    (project / "docs" / "maps" / "plain.cjm").write_text(GOOD)
    assert cjm("render", "docs/maps/", "-o", "out/", cwd=project).code == 0
    for name, theme in (("shop", "print"), ("plain", "dark")):
        assert cjm("render", f"docs/maps/{name}.cjm", "--theme", theme, "-o", f"{theme}.svg",
                   cwd=project).code == 0
        assert (project / "out" / f"{name}.svg").read_bytes() == \
            (project / f"{theme}.svg").read_bytes()


def test_a_configured_theme_file_is_relative_to_the_config(project):
    (project / "docs" / "brand.toml").write_text('extends = "dark"\n[colors]\n'
                                                 'background = "#123456"\n')
    (project / "docs" / "cjm.toml").write_text('theme = "brand.toml"\n')
    assert cjm("render", "maps/shop.cjm", "-o", "-", cwd=project / "docs").stdout.count(
        b"#123456") > 0


def test_the_configured_dark_theme_is_the_html_pages_dark_mode(project):
    plain = cjm("render", "docs/maps/shop.cjm", "-f", "html", "-o", "-",
                cwd=project).stdout.decode()
    (project / "cjm.toml").write_text('dark_theme = "high-contrast-dark"\nformats = ["html"]\n')
    page = cjm("render", "docs/maps/shop.cjm", "-o", "-", cwd=project).stdout.decode()
    assert "#000000" in page.split("data-scheme=dark", 1)[1]  # high-contrast-dark's background
    assert "#000000" not in plain.split("data-scheme=dark", 1)[1]


def test_command_line_options_beat_the_config(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\noutput = "site"\n'
                                      'theme = "dark"\n')
    run = cjm("render", "docs/maps/shop.cjm", "-f", "json", "-o", "out.json", cwd=project)
    assert run.code == 0, run.stderr
    assert json.loads((project / "out.json").read_text())["journey"]["title"] == "Shop"
    assert not (project / "site").exists()
    assert cjm("render", "docs/maps/shop.cjm", cwd=project).code == 0
    assert sorted(p.name for p in (project / "site").iterdir()) == ["shop.html", "shop.svg"]


def test_several_configured_formats_cannot_go_to_standard_output(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\n')
    run = cjm("render", "docs/maps/shop.cjm", "-o", "-", cwd=project)
    assert run.code == 2
    assert run.stderr == ("cjm: error: cjm.toml:1 asks for the formats svg, html, but -o - "
                          "names one output; give -f FORMAT or a folder with -o\n")


def test_an_output_file_asks_for_its_own_format_over_the_configured_ones(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\n')
    run = cjm("render", "docs/maps/shop.cjm", "-o", "shop.html", cwd=project)
    assert run.code == 0, run.stderr
    assert (project / "shop.html").read_text().startswith("<!DOCTYPE html>")
    assert not (project / "shop.svg").exists()


def test_a_map_with_mistakes_is_reported_once_for_all_configured_formats(project):
    (project / "cjm.toml").write_text('formats = ["svg", "html"]\n')
    (project / "docs" / "maps" / "shop.cjm").write_text(GOOD.replace("emotion maya", "emotion mya"))
    run = cjm("render", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1
    assert run.stderr.count("error[E012]") == 1
    assert run.stderr.splitlines()[-1].startswith("cjm: 0 rendered, 0 unchanged, 2 failed")


def test_configured_limits_apply_to_check_and_the_command_line_raises_them(project):
    (project / "cjm.toml").write_text('[limits]\nmax_bytes = 20\n')
    run = cjm("check", "docs/maps/shop.cjm", cwd=project)
    assert run.code == 1 and "error[E030]" in run.stderr and "limit of 20" in run.stderr
    assert cjm("check", "docs/maps/shop.cjm", "--max-bytes", "5000", cwd=project).code == 0
    assert cjm("render", "docs/maps/shop.cjm", cwd=project).code == 1
