"""`cjm explain CODE`: every code has a page, the pages tell the truth, the README agrees.

The pages live in cjmdsl/language/codes/ (one Markdown file per code). A code emitted anywhere in the
package without a page fails here, and so does a page whose example does not show its code.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT

from cjmdsl.api import check
from cjmdsl.config import CONFIG_CODES, ConfigError, load_config
from cjmdsl.language import codes
from cjmdsl.language.diagnostics import CODES, DRAWING_CODES
from cjmdsl.review.lint import lint_text
from cjmdsl.review.lint.rules import LINT_CODES
from cjmdsl.themes import ThemeError, load_theme
from cjmdsl.themes.schema import THEME_CODES

PACKAGE = ROOT / "cjmdsl"
EMITTED = re.compile(r"""["']([EWL]\d{3})["']""")
# The day the pages' examples of stale evidence are aged against.
EXAMPLES_DAY = date(2026, 12, 1)


def emitted_codes() -> set[str]:
    """Every code the package's source names as a string: what it can emit."""
    found: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        found |= set(EMITTED.findall(source.read_text(encoding="utf-8")))
    return found | set(CODES) | set(DRAWING_CODES) | set(THEME_CODES) | set(CONFIG_CODES) | set(LINT_CODES)


def cjm(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})


def blocks(page: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a page: (language, text)."""
    return re.findall(r"```(\w+)\n(.*?)\n```", page, re.DOTALL)


def test_every_code_emitted_anywhere_has_a_page():
    assert sorted(emitted_codes() - set(codes.codes())) == []


def test_every_page_is_of_a_code_that_exists():
    assert sorted(set(codes.codes()) - emitted_codes()) == []


@pytest.mark.parametrize("code", [c for c in codes.codes()
                                  if any(lang == "cjm" for lang, _ in blocks(codes.page(c)))])
def test_a_pages_example_shows_its_code_and_its_fix_removes_it(code):
    examples = [text for lang, text in blocks(codes.page(code)) if lang == "cjm"]
    mistake, *fix = examples
    assert code in found_codes(code, mistake + "\n")
    for fixed in fix:
        assert [d.code for d in check(fixed + "\n").diagnostics] == []
        assert code not in found_codes(code, fixed + "\n")


def found_codes(code: str, text: str) -> list[str]:
    """The codes a map gets: from `cjm lint` for a lint code (L…), else from the compiler."""
    if code.startswith("L"):
        return [d.code for d in lint_text(text, on=EXAMPLES_DAY).diagnostics]
    return [d.code for d in check(text).diagnostics]


def toml_pages(owned: dict[str, str]) -> list[str]:
    """Codes of `owned` whose page shows a TOML mistake and its fix, and no other file's code."""
    others = (set(CODES) | set(THEME_CODES) | set(CONFIG_CODES)) - set(owned)
    return [code for code in codes.codes() if code in owned and code not in others
            and [lang for lang, _ in blocks(codes.page(code))] == ["toml"] * 2]


@pytest.mark.parametrize("code", toml_pages(CONFIG_CODES))
def test_a_config_pages_example_shows_its_code_and_its_fix_removes_it(code, tmp_path):
    mistake, fixed = (text for _, text in blocks(codes.page(code)))
    (tmp_path / "mistake").mkdir()
    (tmp_path / "mistake" / "cjm.toml").write_text(mistake + "\n", encoding="utf-8")
    (tmp_path / "fixed").mkdir()
    (tmp_path / "fixed" / "cjm.toml").write_text(fixed + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "mistake" / "cjm.toml")
    assert code in [d.code for d in raised.value.diagnostics]
    load_config(tmp_path / "fixed" / "cjm.toml")


@pytest.mark.parametrize("code", toml_pages(THEME_CODES))
def test_a_theme_pages_example_shows_its_code_and_its_fix_removes_it(code, tmp_path):
    mistake, fixed = (text for _, text in blocks(codes.page(code)))
    (tmp_path / "mistake.toml").write_text(mistake + "\n", encoding="utf-8")
    (tmp_path / "fixed.toml").write_text(fixed + "\n", encoding="utf-8")
    with pytest.raises(ThemeError) as raised:
        load_theme(str(tmp_path / "mistake.toml"))
    assert code in [d.code for d in raised.value.diagnostics]
    load_theme(str(tmp_path / "fixed.toml"))


def readme_table(heading: str) -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{heading}\n", 1)[1]
    section = section.split("\n## ", 1)[0].split("\n### ", 1)[0]
    return [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in section.splitlines()
            if re.match(r"\| [EW]\d{3} \|", line)]


def test_readme_table_of_codes_is_the_pages_summaries():
    rows = readme_table("## Diagnostics")
    assert [row[0] for row in rows] == sorted({**CODES, **DRAWING_CODES})
    for code, severity, meaning in rows:
        assert (severity, meaning) == (codes.severity(code), codes.summary(code)), code


def test_readme_table_of_theme_codes_has_a_page_for_each():
    rows = readme_table("### Mistakes in a theme file")
    assert sorted(row[0] for row in rows) == sorted(THEME_CODES)
    assert {row[0] for row in rows} <= set(codes.codes())


def test_explain_prints_the_page_of_a_code():
    done = cjm("explain", "E012")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("E012 (error): unknown persona\n\n")
    assert codes.page("E012") in done.stdout
    assert "emotion mya -1" in done.stdout


def test_explain_reads_a_code_in_lower_case():
    done = cjm("explain", "w104")
    assert done.returncode == 0
    assert done.stdout.startswith("W104 (warning): unknown channel")


def test_explain_of_an_unknown_code_is_a_usage_error_with_did_you_mean():
    done = cjm("explain", "E12")
    assert done.returncode == 2
    assert done.stderr.startswith("cjm: error: no diagnostic code E12; did you mean `E012`?")


def test_explain_without_a_code_lists_every_code():
    done = cjm("explain")
    assert done.returncode == 0
    listed = [line.split()[0] for line in done.stdout.splitlines()]
    assert listed == list(codes.codes())
    assert "E012  error    unknown persona" in done.stdout.splitlines()

