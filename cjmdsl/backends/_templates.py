"""The jinja2 environment shared by the markup backends (SVG, HTML).

The templates ship compiled to Python (`_compiled_templates/`, written from `templates/` by
tools/gen_templates.py), so no run compiles them: compiling map.svg.j2 alone takes jinja2
about 150 ms, which every render paid on a machine with no cache folder of the user's yet (a
CI runner, a pre-commit hook in a fresh container) or with one others can write. When they
are stale (an edited template, another jinja2), the templates are compiled from source.
"""
from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path

import jinja2
from jinja2 import (Environment, FileSystemBytecodeCache, ModuleLoader, PackageLoader,
                    StrictUndefined, select_autoescape)
from markupsafe import Markup, escape

from cjmdsl.runtime.cachedir import cache_dir, refusal
from cjmdsl.words.escape import xml_chars
from cjmdsl.language.links import linked_output
from cjmdsl.words.locales import language


TEMPLATES = Path(__file__).resolve().parent / "templates"
COMPILED = Path(__file__).resolve().parent / "_compiled_templates"


@cache
def environment() -> Environment:
    """The environment every render uses: the shipped compiled templates when they are
    current, else (see `from_source`) the templates compiled from their source."""
    try:
        from cjmdsl.backends._compiled_templates import STAMP
    except ImportError:  # not written yet
        STAMP = None
    if STAMP != templates_stamp():
        return from_source()
    return _environment(ModuleLoader(str(COMPILED)))


def from_source() -> Environment:
    """The templates compiled from `templates/`, once per user: jinja2 keeps their bytecode
    in `templates/` of the user's cache folder, and only when that folder is the user's own
    (`cachedir.refusal`); never in the shared temp folder, where another user could plant
    code or a folder that breaks every render. jinja2 keys the bytecode on the template's
    source only, so the file names also carry a hash of this module, whose settings
    (escaping) shape the code."""
    return _environment(PackageLoader("cjmdsl.backends", "templates"), _bytecode_cache())


def templates_stamp() -> str:
    """What compiled templates are compiled from: the jinja2 that compiled them, this module
    (its settings shape the code) and every file of `templates/`, by name and content."""
    digest = hashlib.sha256(jinja2.__version__.encode() + b"\0" + Path(__file__).read_bytes())
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def compile_templates(folder: Path) -> None:
    """Write the templates compiled to Python into `folder` (as tools/gen_templates.py does
    into COMPILED): a module per template for jinja2's ModuleLoader, and `__init__.py` with
    the stamp `environment` compares."""
    source = _environment(PackageLoader("cjmdsl.backends", "templates"))
    source.compile_templates(str(folder), zip=None, ignore_errors=False)
    (folder / "__init__.py").write_text(
        '"""The templates of cjmdsl/backends/templates compiled to Python by jinja2. Generated '
        'by tools/gen_templates.py; do not edit."""\n'
        f"STAMP = {templates_stamp()!r}\n", encoding="utf-8")


def _environment(loader, bytecode_cache: FileSystemBytecodeCache | None = None) -> Environment:
    env = Environment(
        bytecode_cache=bytecode_cache,
        loader=loader,
        autoescape=select_autoescape(["svg", "html", "j2"], default=True),
        finalize=xml_chars,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["n"] = number
    env.filters["lines"] = lines
    env.filters["linked"] = linked_output  # a linked map's address in this output's format
    env.globals["language"] = language  # the `lang` of the page and the picture
    return env


@cache
def static_file(folder: str, name: str) -> str:
    """A file of `templates/folder` that a page inlines as it is (a stylesheet, a script).
    A path beside this module, as the templates are found: importlib.resources (with
    zipfile) is not worth importing on every render to read it."""
    return (TEMPLATES / folder / name).read_text(encoding="utf-8")


def lines(text: str) -> Markup:
    """User text for HTML with its line breaks kept (a triple-quoted note, a `\\n`): each
    line escaped, `<br>` between them."""
    return Markup("<br>").join(escape(xml_chars(line)) for line in text.split("\n"))


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    folder = cache_dir() / "templates"
    if refusal(cache_dir()) or refusal(folder):
        return None
    settings = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return FileSystemBytecodeCache(str(folder), pattern=f"__cjmdsl_{settings}_%s.cache")


@lru_cache(maxsize=1024)  # a map repeats its coordinates: 9 in 10 calls are hits
def number(value: float) -> str:
    """Coordinates with at most two decimals and no `-0`, for stable, small output."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
