"""`cjm import mermaid`: Mermaid journeys (written for these tests) imported to canonical maps.

Golden files: `tests/golden/mermaid/NAME.mmd` (or `.md`) is a journey with one of the odd
things diagrams in the wild do; `NAME.cjm` (`NAME-1.cjm`, … for several journeys of one
Markdown file) is the map the import writes, and `NAME.diagnostics` the exit code and what
the import prints. Rewrite with `pytest tests/test_import_mermaid.py --regen-golden` and read
the diff.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from test_golden import check_golden

from cjmdsl.api import check
from cjmdsl.importers.mermaid import import_mermaid
from cjmdsl.language.format import format_text

GOLDEN = Path(__file__).resolve().parent / "golden" / "mermaid"
INPUTS = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".mmd", ".md"))


def cjm(*args: str, cwd: Path = GOLDEN, stdin: str | None = None):
    return subprocess.run(["cjm", *args], capture_output=True, text=True, cwd=cwd, timeout=60,
                          input=stdin, env={**os.environ, "NO_COLOR": "1"})


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_imported_maps_and_diagnostics_match_golden(source, tmp_path, regen_golden):
    run = cjm("import", "mermaid", source.name, "-o", f"{tmp_path}/")
    printed = "".join(line for line in run.stderr.splitlines(keepends=True)
                      if not line.startswith("wrote "))
    check_golden(source.with_suffix(".diagnostics"), f"exit {run.returncode}\n{printed}",
                 regen_golden)
    written = sorted(tmp_path.iterdir())
    expected = sorted(GOLDEN.glob(f"{source.stem}.cjm")) + sorted(
        GOLDEN.glob(f"{source.stem}-[0-9].cjm"))
    if not regen_golden:
        assert [p.name for p in written] == sorted(p.name for p in expected)
    for path in written:
        text = path.read_text(encoding="utf-8")
        check_golden(GOLDEN / path.name, text, regen_golden)
        assert check(text).errors == []
        assert format_text(text) == text  # canonical: `cjm fmt` changes nothing


def test_every_odd_case_has_a_golden_journey():
    codes = {d.code for source in INPUTS
             for d in import_mermaid(source.read_text(encoding="utf-8"), source.name).diagnostics}
    assert codes == {"E080", "E081", "W170", "W171", "W172", "W173", "W174", "W175"}


def test_a_journey_on_standard_input_is_written_to_standard_output():
    run = cjm("import", "mermaid", "-", stdin="journey\n  section S\n    Task: 4: Me\n")
    assert run.returncode == 0, run.stderr
    assert 'persona me "Me"' in run.stdout and "emotion me 4" in run.stdout


def test_import_never_writes_over_a_file(tmp_path):
    (tmp_path / "day.mmd").write_text("journey\n  section S\n    Task: 4: Me\n")
    (tmp_path / "day.cjm").write_text("// mine\n")
    run = cjm("import", "mermaid", "day.mmd", cwd=tmp_path)
    assert run.returncode == 2
    assert "day.cjm already exists" in run.stderr
    assert (tmp_path / "day.cjm").read_text() == "// mine\n"


def test_a_file_that_is_no_journey_writes_nothing(tmp_path):
    (tmp_path / "flow.mmd").write_text("flowchart LR\n  A --> B\n")
    run = cjm("import", "mermaid", "flow.mmd", cwd=tmp_path)
    assert run.returncode == 1
    assert "flow.mmd:1:1: error[E080]" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flow.mmd"]


def test_crlf_line_ends_import_like_lf():
    lf = "journey\n  title T\n  section S\n    Task: 4: Me\n"
    first = import_mermaid(lf, "a.mmd").journeys
    assert import_mermaid(lf.replace("\n", "\r\n"), "a.mmd").journeys == first
