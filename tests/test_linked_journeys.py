"""`details "checkout.cjm"`: a touchpoint that opens the map telling it in detail.

The link is checked (the file exists, inside the project, a map that compiles), what the
master shows of it is read off the linked map (title, size, each persona's curve), and every
output links to the linked map's output of its own format. A master and its sub-journey may
link to each other; an edit of the sub-journey reaches the master through the cache.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cjmdsl.api import check

MASTER = """\
map "Buying a sofa" {
  persona ann "Ann"
  stage buy "Buy" {
    touchpoint browse "Browse" { channel web emotion ann +1 }
    touchpoint checkout "Checkout" {
      channel web
      emotion ann -1
      details "DETAIL"
    }
  }
}
"""

DETAIL = """\
map "Checkout in detail" {
  persona ann "Ann"
  stage pay "Pay" {
    touchpoint cart "Cart" { channel web emotion ann +1 }
    touchpoint card "Card form" { channel web emotion ann -2 "confused" }
    touchpoint done "Confirmation" { channel web emotion ann +2 }
  }
}
"""


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "cjm.toml").write_text("", encoding="utf-8")
    (tmp_path / "checkout.cjm").write_text(DETAIL, encoding="utf-8")
    return tmp_path


def master(project: Path, target: str = "checkout.cjm", name: str = "sofa.cjm") -> Path:
    path = project / name
    path.write_text(MASTER.replace("DETAIL", target), encoding="utf-8")
    return path


def compiled(path: Path):
    return check(path.read_text(encoding="utf-8"), path.name, path=path)


def test_the_master_reads_the_title_size_and_curves_of_the_map_it_links(project):
    result = compiled(master(project))
    assert result.errors == []
    link = result.journey.touchpoints[1].details
    assert (link.path, link.title, link.touchpoints) == ("checkout.cjm", "Checkout in detail", 3)
    (curve,) = link.curves
    # -2 .. 2: +1 is three quarters up, -2 the bottom, +2 the top
    assert (curve.persona, curve.levels, curve.lowest, curve.lowest_value) == (
        "ann", (0.75, 0.0, 1.0), "Card form", -2)


def test_a_missing_linked_map_is_e115_with_the_near_name(project):
    run = cjm("check", master(project, "chekout.cjm").name, cwd=project)
    assert run.returncode == 1
    assert "sofa.cjm:8:15: error[E115]: cannot find the linked map `chekout.cjm`" in run.stderr
    assert "did you mean `checkout.cjm`?" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("target, rule", [("../outside.cjm", "leads outside the project"),
                                          ("/etc/hostname", "is an absolute path")])
def test_a_linked_map_outside_the_project_is_e116(project, target, rule):
    (project.parent / "outside.cjm").write_text(DETAIL, encoding="utf-8")
    result = compiled(master(project, target))
    assert [(d.code, rule in d.message) for d in result.errors] == [("E116", True)]


def test_a_linked_map_with_errors_is_e117_pointing_into_it(project):
    (project / "checkout.cjm").write_text(DETAIL.replace("emotion ann +2", "emotion bob +2"),
                                          encoding="utf-8")
    run = cjm("check", master(project).name, cwd=project)
    assert run.returncode == 1
    assert "error[E117]: the linked map `checkout.cjm` has an error" in run.stderr
    assert "note: checkout.cjm:6:" in run.stderr and "E012: unknown persona `bob`" in run.stderr
    assert run.stderr.count("error[") == 1  # one mistake, one message


def test_details_naming_a_library_is_e118(project):
    (project / "people.cjm").write_text('library "People" {\n  persona ann "Ann"\n}\n',
                                        encoding="utf-8")
    result = compiled(master(project, "people.cjm"))
    assert [d.code for d in result.errors] == ["E118"]
    assert "use" in result.errors[0].hint


def test_a_map_from_standard_input_cannot_check_its_link_e119(project):
    run = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                          "check", "-"], input=MASTER.replace("DETAIL", "checkout.cjm"),
                         cwd=project, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "error[E119]" in run.stderr


def test_a_master_and_its_sub_journey_may_link_to_each_other(project):
    (project / "checkout.cjm").write_text(DETAIL.replace(
        'emotion ann +2 }', 'emotion ann +2 details "sofa.cjm" }'), encoding="utf-8")
    sofa = master(project)
    assert compiled(sofa).errors == []
    assert compiled(project / "checkout.cjm").errors == []


def test_every_output_links_to_the_linked_maps_output_of_its_own_format(project):
    sofa = master(project, "sub (v2).cjm")
    (project / "sub (v2).cjm").write_text(DETAIL, encoding="utf-8")
    outputs = {}
    for fmt in ("svg", "html", "md"):
        run = cjm("render", sofa.name, "-f", fmt, "-o", f"out.{fmt}", cwd=project)
        assert run.returncode == 0, run.stderr
        outputs[fmt] = (project / f"out.{fmt}").read_text(encoding="utf-8")
    assert '<a href="sub%20%28v2%29.svg" class="cjm-details">' in outputs["svg"]
    assert "In detail: Checkout in detail" in outputs["svg"]
    assert "3 touchpoints · Ann lowest at Card form (-2)" in outputs["svg"]
    assert 'href="sub%20%28v2%29.html"' in outputs["html"]
    assert 'href="sub%20%28v2%29.svg"' not in outputs["html"]
    assert ("- **Checkout** → [Checkout in detail](sub%20%28v2%29.md): 3 touchpoints · "
            "Ann lowest at Card form (-2)") in outputs["md"]


def test_the_svg_draws_the_sub_journeys_curve_small_on_the_card(project):
    run = cjm("render", master(project).name, "-o", "-", cwd=project)
    link = run.stdout.split('class="cjm-details">', 1)[1].split("</a>", 1)[0]
    (spark,) = [line for line in link.splitlines() if line.startswith("<path d=\"M")]
    ys = [float(pair.split()[1]) for pair in spark.split('"')[1][1:].split("L")]
    assert ys[1] > ys[0] > ys[2]  # down to the card form, up to the confirmation


def test_an_edit_of_the_sub_journey_reaches_the_master_through_the_cache(project):
    sofa = master(project)
    out = project / "sofa.svg"
    assert cjm("render", sofa.name, "-o", out.name, cwd=project).returncode == 0
    assert "In detail: Checkout in detail" in out.read_text(encoding="utf-8")
    assert cjm("render", sofa.name, "-o", out.name, cwd=project).returncode == 0  # cached
    (project / "checkout.cjm").write_text(DETAIL.replace("Checkout in detail", "Paying"),
                                          encoding="utf-8")
    assert cjm("render", sofa.name, "-o", out.name, cwd=project).returncode == 0
    assert "In detail: Paying" in out.read_text(encoding="utf-8")


def test_json_carries_the_link_and_the_formatter_keeps_it(project):
    sofa = master(project)
    run = cjm("render", sofa.name, "-f", "json", "-o", "-", cwd=project)
    details = json.loads(run.stdout)["journey"]["stages"][0]["touchpoints"][1]["details"]
    assert (details["path"], details["title"], details["touchpoints"]) == (
        "checkout.cjm", "Checkout in detail", 3)
    assert cjm("fmt", sofa.name, cwd=project).returncode == 0
    assert '      details "checkout.cjm"\n' in sofa.read_text(encoding="utf-8")
    assert compiled(sofa).journey.touchpoints[1].details.title == "Checkout in detail"


def test_go_to_definition_on_a_details_path_opens_the_linked_map(project):
    pytest.importorskip("pygls")
    from lsp_client import LspClient, position

    sofa = master(project)
    text = sofa.read_text(encoding="utf-8")
    client = LspClient()
    client.initialize(project)
    try:
        client.open(sofa.as_uri(), text)
        client.diagnostics(sofa.as_uri(), 1)
        found = client.request("textDocument/definition", {
            "textDocument": {"uri": sofa.as_uri()}, "position": position(text, "checkout.cjm", 2)})
    finally:
        client.close()
    assert found["uri"] == (project / "checkout.cjm").resolve().as_uri()


def test_the_portfolio_master_links_its_checkout_sub_journey():
    root = Path(__file__).resolve().parents[1] / "examples" / "portfolio"
    result = compiled(root / "first-order.cjm")
    assert result.errors == []
    (link,) = [tp.details for tp in result.journey.touchpoints if tp.details]
    assert link.title == "Checkout in detail — Basketful"
    assert {curve.persona for curve in link.curves} == {"maya", "tom"}


def test_readme_table_of_link_codes_is_the_pages_summaries():
    import re

    from cjmdsl.language import codes
    from cjmdsl.language.links import LINK_CODES

    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Mistakes in linked journeys\n", 1)[1].split("\n### ", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")]
            for line in section.splitlines() if re.match(r"\| E\d{3} \|", line)]
    assert [row[0] for row in rows] == sorted(LINK_CODES)
    for code, severity, meaning in rows:
        assert (severity, meaning) == (codes.severity(code), codes.summary(code))
        assert codes.title(code) == LINK_CODES[code]
