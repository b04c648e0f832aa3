"""The README says what is true: its maps compile and are formatted, its command synopsis
names the commands `cjm` has, its install commands work from the checkout, and its theme
table says what `cjm themes` says.

A ```cjm block is checked as a reader would use it: a whole map (it starts with `map`) must
compile without a diagnostic; a fragment (a statement or two) must parse where it belongs
(in a map, a stage or a touchpoint). Either must be in `cjm fmt`'s layout there. `…` stands
for what a fragment leaves out: `{ … }` is read as `{}`, a line of its own as a comment.
A block that shows a mistake on purpose says so: ```cjm mistake, and must give a diagnostic.
"""
from __future__ import annotations

import re
import subprocess
import tomllib
from dataclasses import dataclass

import pytest

from cjmdsl.api import check
from cjmdsl.runtime.extras import EXTRAS, PUBLISHED, install_command
from cjmdsl.language.format import format_text
from cjmdsl.language.parser import parse_tree
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, 1-based
    info: str  # what follows the fence: "cjm", "sh", "cjm mistake"
    body: str

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info else ""


def fenced_blocks(markdown: str) -> list[Block]:
    """The fenced code blocks, outermost only (a ```` block may show ``` inside it)."""
    lines = markdown.split("\n")
    blocks, index = [], 0
    while index < len(lines):
        opening = re.match(r"^( *)(`{3,}|~{3,})(.*)$", lines[index])
        if not opening:
            index += 1
            continue
        indent, fence, info = opening.groups()
        closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = "\n".join(line[len(indent):] for line in lines[index + 1:end])
        blocks.append(Block(index + 1, info.strip(), body))
        index = end + 1
    return blocks


BLOCKS = fenced_blocks(README)
CJM_BLOCKS = [block for block in BLOCKS if block.language == "cjm"]


# ── maps and fragments ─────────────────────────────────────────────────────────
# Where a fragment's first statement belongs, and the map that holds it there.
HOSTS = {
    "map": ({"description", "theme", "scale", "persona", "stage", "kpi", "flow", "note", "owner",
             "status", "version", "updated", "tags", "source"},
            ['map "README" {'], ["}"]),
    "stage": ({"touchpoint", "goal", "brand", "action_item", "metric"},
              ['map "README" {', '  stage readme "README" {'], ["  }", "}"]),
    "touchpoint": ({"channel", "action", "thought", "question", "emotion", "expect", "pain",
                    "opportunity", "moment_of_truth", "motivation"},
                   ['map "README" {', '  stage readme "README" {',
                    '    touchpoint readme "README" {'], ["    }", "  }", "}"]),
}


def without_elisions(body: str) -> str:
    body = re.sub(r"\{ *… *\}", "{}", body)
    return re.sub(r"^( *)(….*…)$", r"\1// \2", body, flags=re.M)


def first_word(body: str) -> str:
    for line in body.splitlines():
        code = line.split("//")[0].strip()
        if code:
            return code.split()[0]
    return ""


def problems(block: Block) -> list[str]:
    """What is wrong with a ```cjm block, in words; empty when it is as the README means it."""
    body = without_elisions(block.body)
    elided = body != block.body
    text = body + "\n"
    if block.info.split()[1:] == ["mistake"]:
        found = check(text, "README.md").diagnostics
        return [] if found else ["marked `mistake`, but it compiles without a diagnostic"]
    if first_word(body) == "map":
        if elided:  # what is left out would be needed to compile it
            _, syntax = parse_tree(text)
            found = [f"{d.code} {d.message}" for d in syntax]
        else:
            found = [f"{d.code} {d.message}" for d in check(text, "README.md").diagnostics]
        if found:
            return found
        formatted = format_text(text)
        return [] if formatted == text else [f"not in `cjm fmt` layout; it would be:\n{formatted}"]
    host = next((name for name, (words, _, _) in HOSTS.items() if first_word(body) in words), None)
    if host is None:
        return [f"a fragment starting with `{first_word(body)}` has no known place"]
    _, head, tail = HOSTS[host]
    indent = "  " * len(head)
    inner = [indent + line if line else "" for line in body.split("\n")]
    hosted = "\n".join([*head, *inner, *tail]) + "\n"
    _, syntax = parse_tree(hosted)
    if syntax:
        return [f"{d.code} {d.message} (inside a {host})" for d in syntax]
    formatted = format_text(hosted).split("\n")[len(head):-len(tail) - 1]
    laid_out = "\n".join(line[len(indent):] for line in formatted).strip("\n")
    if laid_out != body:
        return [f"not in `cjm fmt` layout inside a {host}; it would be:\n{laid_out}"]
    return []


def test_the_readme_has_maps_to_check():
    assert len(CJM_BLOCKS) >= 8
    assert first_word(CJM_BLOCKS[0].body) == "map"  # "A first map"


@pytest.mark.parametrize("block", CJM_BLOCKS, ids=[f"line-{b.line}" for b in CJM_BLOCKS])
def test_every_cjm_block_compiles_and_is_formatted(block):
    assert problems(block) == [], f"README.md:{block.line}: " + "\n".join(problems(block))


@pytest.mark.parametrize("info, body, complaint", [
    ("cjm", 'map "A" {\n  persona maya "Maya" { role "x" }\n\n  stage s "S" {\n'
            '    touchpoint t "T" {\n      channel web\n      emotion maya +1\n    }\n  }\n}',
     "not in `cjm fmt` layout"),
    ("cjm", 'map "A" {\n  stage s "S" {\n    touchpoint t "T" {\n      channel web\n'
            '      emotion mya +1\n    }\n  }\n}', "E012"),
    ("cjm", 'touchpoint t "T" {\n  channel web;\n}', "inside a stage"),
    ("cjm", 'emotion maya -2 confused', "inside a touchpoint"),
    ("cjm mistake", 'map "A" {\n  stage s "S" {\n    touchpoint t "T" {\n      channel web\n'
                    '    }\n  }\n}', "marked `mistake`"),
])
def test_the_block_check_finds_each_kind_of_untrue_block(info, body, complaint):
    assert complaint in "\n".join(problems(Block(1, info, body)))


def test_no_empty_code_block():
    assert [block.line for block in BLOCKS if not block.body.strip()] == []


# ── the command synopsis ───────────────────────────────────────────────────────
def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


SYNOPSIS = fenced_blocks(section("The `cjm` command"))[0].body.splitlines()
# Each usage in the synopsis: the command's words before its arguments, and its options.
USAGES = [usage.strip() for line in SYNOPSIS for usage in line.split(" | cjm ")]


def command_of(usage: str) -> str:
    words = usage.removeprefix("cjm ").split()
    return "" if words[0].startswith("-") else words[0]


SYNOPSIS_COMMANDS = sorted({command_of(usage) for usage in USAGES} - {""})


def cjm(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["cjm", *args], capture_output=True, text=True, timeout=60)


def listed_commands() -> list[str]:
    """The commands `cjm --help` lists."""
    text = cjm("--help").stdout
    return sorted(re.findall(r"^  ([a-z-]+)  ", text.split("Commands:")[1], re.M))


def test_synopsis_names_every_command_cjm_has_and_no_other():
    described = re.findall(r"^\| `([a-z-]+)` \| ", section("The `cjm` command"), re.M)
    assert sorted(described) == SYNOPSIS_COMMANDS  # the table under the synopsis
    assert SYNOPSIS_COMMANDS == listed_commands()


@pytest.mark.parametrize("command", SYNOPSIS_COMMANDS)
def test_every_command_in_the_synopsis_exists_with_the_options_it_shows(command):
    run = cjm(command, "--help")
    assert run.returncode == 0, run.stderr
    for usage in USAGES:
        if command_of(usage) == command:
            for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage):
                assert re.search(rf"(?<![\w-]){re.escape(option)}\b", run.stdout), \
                    f"`cjm {command} --help` has no {option}"


def test_synopsis_version_and_help_work():
    assert "cjm --version | --help" in USAGES
    assert cjm("--version").returncode == 0 and cjm("--help").returncode == 0


# ── installing ─────────────────────────────────────────────────────────────────
def test_the_extras_are_those_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert sorted(EXTRAS) == sorted(set(project["optional-dependencies"]) - {"test"})


def test_readme_installs_every_extra_with_the_command_that_works():
    table = section("Install")
    for extra in EXTRAS:
        assert re.search(rf"^\| `{extra}` \|.*\| `{re.escape(install_command(extra))}` \|$",
                         table, re.M), extra
    for spec in re.findall(r'pip install "?([^"\s]*\[[^\]]*\])', README):
        source, names = spec.split("[")
        assert source == ("cjmdsl" if PUBLISHED else "."), spec
        assert set(names.rstrip("]").split(",")) <= {*EXTRAS, "test"}, spec


def test_nothing_tells_users_to_install_a_package_that_is_not_published():
    if PUBLISHED:
        pytest.skip("cjmdsl is published: `pip install cjmdsl[…]` works")
    texts = [ROOT / "README.md", *(ROOT / "cjmdsl").rglob("*.py"),
             *(ROOT / "editors" / "vscode").glob("*.*")]
    stale = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in texts if path.name != "extras.py" and path.is_file()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "cjmdsl[" in line]
    assert stale == []


# ── themes ─────────────────────────────────────────────────────────────────────
def test_theme_table_says_what_cjm_themes_says():
    listed = {}
    for line in cjm("themes").stdout.splitlines():
        name, description = line.split(None, 1)
        partner = re.search(r" \(dark mode: ([\w-]+)\)$", description)
        listed[name] = (description[:partner.start()] if partner else description,
                        f"`{partner.group(1)}`" if partner else "—")
    table = re.findall(r"^\| `([\w-]+)` \| (.+?) \| (`[\w-]+`|—) \|$", section("Themes"), re.M)
    assert {name: (description, dark) for name, description, dark in table} == listed
