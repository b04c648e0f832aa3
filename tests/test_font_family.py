"""A theme's font family reaches CSS only as font names (issue 22, reproduction 6): a quote in
`font.family` is a diagnostic, and the names are written as CSS strings."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

MAP = 'map "Shop" {\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n'


def render(tmp_path: Path, family: str) -> subprocess.CompletedProcess:
    (tmp_path / "m.cjm").write_text(MAP)
    (tmp_path / "t.toml").write_text(f'[font]\nfamily = "{family}"\n')
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                           "render", "m.cjm", "--theme", "t.toml", "-o", "m.html"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(tmp_path)})


def test_a_stray_quote_in_the_font_family_is_a_diagnostic_not_a_broken_stylesheet(tmp_path):
    result = render(tmp_path, "Liberation Sans'")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "t.toml:2:10: error[E055]: invalid font family `Liberation Sans'` for `font.family`")
    assert not (tmp_path / "m.html").exists()


def test_font_names_are_written_as_css_strings(tmp_path):
    result = render(tmp_path, "'Font & Co; }', Liberation Sans, serif")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "m.html").read_text()
    assert ':root{--font:"Font & Co; }", "Liberation Sans", serif;' in page
    [style] = re.findall(r"<style>(.*?)</style>", page, re.S)
    default = render(tmp_path, "Liberation Sans, serif")
    assert default.returncode == 0
    [plain] = re.findall(r"<style>(.*?)</style>", (tmp_path / "m.html").read_text(), re.S)
    assert style.count("}") - 1 == plain.count("}")  # the name's own brace, inside its string
