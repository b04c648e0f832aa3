"""Nothing cjm keeps between runs can be planted by another user (issue 22, reproductions 3, 7).

The parser ships as tables in the package (no Lark cache in the temp folder), the templates
compiled; template bytecode (when the shipped templates are stale and compile from source)
and render stamps live in the user's own cache folder, refused when others can write it; a
stamp counts only as a small file of the user's holding one hash and size, and the output is
read no further than that size; the cache key covers the dark partner theme's content. Real
`cjm` subprocesses with their own TMPDIR and CJM_CACHE_DIR.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from cjmdsl.language import _parser_tables as tables
from cjmdsl.language.parser import _build, _stamp, parser
from cjmdsl.runtime.resources import data_file

MAP = ('map "Shop" {\n  persona maya "Maya"\n  stage s "Browse" {\n'
       '    touchpoint t "Sees an ad" {\n      channel web\n      emotion maya 1\n    }\n  }\n}\n')
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.cjm"))

as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                             reason="planting a file owned by another user needs root (CI)")


def cjm(*args: str, cwd: Path, env: dict | None = None, **run) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
        cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "NO_COLOR": "1", "TMPDIR": str(cwd / "tmp"),
             "CJM_CACHE_DIR": str(cwd / "cache"), **(env or {})}, **{"timeout": 120, **run})
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "tmp").mkdir(mode=0o1777)
    os.chmod(tmp_path / "tmp", 0o1777)  # a shared temp folder, as /tmp is
    (tmp_path / "shop.cjm").write_text(MAP)
    return tmp_path


def give_to_nobody(path: Path) -> None:
    nobody = pwd.getpwnam("nobody")
    for place in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.chown(place, nobody.pw_uid, nobody.pw_gid)


class Payload:
    """Unpickling it writes `marker`: what a planted cache file would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


# ── the parser ─────────────────────────────────────────────────────────────────
def test_shipped_parser_tables_are_built_from_the_grammar_as_it_is():
    """Fails after an edit of grammar/cjm.lark until `python tools/gen_parser_tables.py` runs."""
    grammar = data_file("grammar", "cjm.lark").read_bytes()
    assert (tables.GRAMMAR_SHA256, tables.LARK_VERSION) == _stamp(grammar), \
        "cjmdsl/language/_parser_tables.py is stale: run python tools/gen_parser_tables.py"


@pytest.mark.parametrize("text", [p.read_text() for p in EXAMPLES] + [MAP],
                         ids=[p.stem for p in EXAMPLES] + ["small"])
def test_shipped_parser_tables_parse_as_the_grammar_does(text):
    fresh = _build(data_file("grammar", "cjm.lark").read_bytes())
    assert parser().parse(text) == fresh.parse(text)


def test_shipped_parser_tables_make_the_terminals_and_rules_the_grammar_does():
    """`_parser_tables.memo` builds Lark's objects with their constructors, not Lark's
    deserialising: each must be what Lark builds from the grammar, down to the widths."""
    fresh = _build(data_file("grammar", "cjm.lark").read_bytes())

    def symbol(made):  # the grammar's names are Lark's tokens: compared as the text they are
        return type(made), str(made.name), getattr(made, "filter_out", None)

    def rules(lark):
        return [(symbol(rule.origin), [symbol(item) for item in rule.expansion], rule.order,
                 rule.alias, vars(rule.options), hash(rule)) for rule in lark.rules]

    def terminals(lark):
        return [(t.name, t.priority, type(t.pattern), t.pattern.value, set(t.pattern.flags),
                 t.pattern.raw, t.pattern.min_width, t.pattern.max_width)
                for t in lark.terminals]

    assert rules(parser()) == rules(fresh)
    assert terminals(parser()) == terminals(fresh)


def test_a_compile_makes_no_tree_callbacks_and_a_tree_still_gets_them():
    """A render parses with callbacks of its own (`reduce_with`): Lark's, which build the
    parse tree, are made only when a tree is first built (the formatter, error recovery)."""
    script = ("import sys; from cjmdsl.language.compile import compile_text; "
              "from cjmdsl.language.parser import parser; "
              "assert compile_text(sys.argv[1]).journey is not None; "
              "print(len(parser()._callbacks)); print(type(parser().parse(sys.argv[1])).__name__)")
    done = subprocess.run([sys.executable, "-c", script, MAP], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["0", "Tree"]


@as_root
def test_a_lark_cache_planted_in_the_temp_folder_is_never_loaded(project):
    """Lark's cache=True would unpickle `$TMPDIR/.lark_cache_<user>_<sha>_….tmp`: plant one,
    owned by `nobody`, at exactly the name Lark computes for this grammar."""
    env = {**os.environ, "TMPDIR": str(project / "tmp")}
    subprocess.run([sys.executable, "-c", (
        "from lark import Lark; from cjmdsl.language.parser import _NamesEverywhere; "
        "from cjmdsl.runtime.resources import data_file; "
        "Lark(data_file('grammar', 'cjm.lark').read_text(), parser='lalr', lexer='contextual', "
        "postlex=_NamesEverywhere(), propagate_positions=True, maybe_placeholders=False, "
        "cache=True)")], env=env, check=True)
    [planted] = (project / "tmp").glob(".lark_cache_*")
    marker = project / "ran"
    first_line = planted.read_bytes().split(b"\n", 1)[0]
    planted.write_bytes(first_line + b"\n" + pickle.dumps(Payload(marker)))
    give_to_nobody(planted)

    result = cjm("check", "shop.cjm", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not marker.exists(), "cjm ran code from a parser cache in the temp folder"


def test_cjm_writes_nothing_into_the_temp_folder(project):
    cjm("render", "shop.cjm", "-f", "html", "-o", "shop.html", cwd=project)
    cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project)
    assert list((project / "tmp").iterdir()) == []


# ── template bytecode ────────────────────────────────────────────────────────────
@as_root
@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_a_foreign_jinja2_cache_folder_in_the_temp_folder_breaks_no_render(project, fmt):
    squatted = project / "tmp" / f"_jinja2-cache-{os.getuid()}"
    squatted.mkdir(mode=0o700)
    give_to_nobody(squatted)
    result = cjm("render", "shop.cjm", "-o", f"shop.{fmt}", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / f"shop.{fmt}").read_text().count("Sees an ad") >= 1


def test_a_render_compiles_no_template_and_keeps_no_bytecode(project):
    """The package ships its templates compiled (tools/gen_templates.py): nothing of them is
    written to, or read from, the cache folder."""
    assert cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project).returncode == 0
    assert cjm("render", "shop.cjm", "-f", "html", "-o", "shop.html", cwd=project).returncode == 0
    assert not (project / "cache" / "templates").exists()


def test_templates_compiled_from_source_keep_bytecode_in_the_users_own_cache_folder(
        project, monkeypatch):
    """When the shipped compiled templates are stale (an edited template), jinja2 compiles
    them from source once per user, into the user's own cache folder."""
    from cjmdsl.backends._templates import from_source

    monkeypatch.setenv("CJM_CACHE_DIR", str(project / "cache"))
    from_source().get_template("map.svg.j2")
    folder = project / "cache" / "templates"
    assert [p.name.endswith(".cache") for p in folder.iterdir()] == [True]
    assert (folder.stat().st_mode & 0o077) == 0


@as_root
def test_bytecode_in_a_cache_folder_of_another_user_is_not_loaded(project, monkeypatch):
    """The folder belongs to `nobody` and anyone may write it: nothing in it is used, and the
    render says why instead of trusting it."""
    from cjmdsl.backends._templates import from_source

    monkeypatch.setenv("CJM_CACHE_DIR", str(project / "cache"))
    from_source().get_template("map.svg.j2")
    [bytecode] = (project / "cache" / "templates").iterdir()
    marker = project / "ran"
    magic = bytecode.read_bytes()[:6]  # jinja2's magic; the checksum after it is a pickle
    bytecode.write_bytes(magic + pickle.dumps(Payload(marker)))
    give_to_nobody(project / "cache")
    os.chmod(project / "cache", 0o777)
    from_source().get_template("map.svg.j2")  # loading a planted bytecode file runs it
    assert not marker.exists()
    result = cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert ("cjm: warning: the cache folder " + str(project / "cache")
            + " belongs to another user") in result.stderr


# ── render stamps ────────────────────────────────────────────────────────────────
def tamper(project: Path) -> Path:
    """Render once, then put a script into the output and a stamp saying it is current."""
    assert cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project).returncode == 0
    output = project / "shop.svg"
    output.write_text(output.read_text().replace("</svg>", "<script>alert(1)</script></svg>"))
    [stamp] = [p for p in (project / "cache" / "render").rglob("*") if p.is_file()]
    return stamp


def stamp_of(output: Path) -> str:
    """A stamp in the form cjm writes, saying that `output` as it is now is current."""
    data = output.read_bytes()
    return f"{hashlib.sha256(data).hexdigest()} {len(data)}\n"


def test_a_stamp_of_the_right_form_is_trusted(project):
    """The control for the refusals below: in its own cache folder, such a stamp is believed."""
    stamp = tamper(project)
    stamp.write_text(stamp_of(project / "shop.svg"))
    result = cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project)
    assert result.returncode == 0
    assert "<script>" in (project / "shop.svg").read_text()


def test_a_cache_folder_others_can_write_is_refused_with_the_reason(project):
    stamp = tamper(project)
    stamp.write_text(stamp_of(project / "shop.svg"))
    os.chmod(project / "cache", 0o777)
    result = cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project)
    assert result.returncode == 0
    assert "<script>" not in (project / "shop.svg").read_text()
    assert (f"cjm: warning: others can write to the cache folder {project / 'cache'} (mode 0777;"
            in result.stderr)


@pytest.mark.parametrize("form", ["symlink", "large", "padded", "non-ascii", "fifo",
                                  "link-to-dev-zero"])
def test_a_stamp_counts_only_as_a_small_file_holding_one_hash(project, form):
    stamp = tamper(project)
    forged = stamp_of(project / "shop.svg")
    stamp.unlink()
    if form == "symlink":
        (project / "elsewhere").write_text(forged)
        stamp.symlink_to(project / "elsewhere")
    elif form == "large":
        stamp.write_text(forged + " " * 4096)
    elif form == "padded":
        stamp.write_text(f"\n\n{forged.strip()}   \n")
    elif form == "non-ascii":
        stamp.write_bytes(forged.encode()[:-2] + b"\xff\n")
    elif form == "fifo":
        os.mkfifo(stamp)
    else:
        stamp.symlink_to("/dev/zero")
    result = cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "<script>" not in (project / "shop.svg").read_text()


@pytest.mark.parametrize("form", ["fifo", "link-to-dev-zero", "huge"])
def test_an_output_replaced_by_a_fifo_a_device_or_a_huge_file_is_rendered_again(project, form):
    """A genuine stamp, but the output is no longer the file it names: it is not read (a FIFO
    would block, /dev/zero never ends), nor read beyond the size in the stamp."""
    assert cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project).returncode == 0
    output = project / "shop.svg"
    output.unlink()
    if form == "fifo":
        os.mkfifo(output)
    elif form == "link-to-dev-zero":
        output.symlink_to("/dev/zero")
    else:
        with output.open("wb") as handle:
            handle.truncate(8 * 2**30)
    result = cjm("render", "shop.cjm", "-o", "shop.svg", cwd=project, timeout=30,
                 preexec_fn=under_one_gigabyte)
    assert result.returncode == 0, result.stderr
    assert output.read_text().startswith("<svg")


def under_one_gigabyte():  # the child may not map more: reading the huge output whole fails
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def test_editing_the_dark_partner_theme_makes_the_html_page_stale(project):
    (project / "brand.toml").write_text('extends = "default"\ndark = "brand-dark.toml"\n')
    (project / "brand-dark.toml").write_text('extends = "dark"\n[colors]\nbackground = "#101010"\n')
    args = ("render", "shop.cjm", "-f", "html", "--theme", "brand.toml", "-o", "shop.html")
    assert cjm(*args, cwd=project).returncode == 0
    assert "#101010" in (project / "shop.html").read_text()
    (project / "brand-dark.toml").write_text('extends = "dark"\n[colors]\nbackground = "#202020"\n')
    assert cjm(*args, cwd=project).returncode == 0
    assert "#202020" in (project / "shop.html").read_text()
