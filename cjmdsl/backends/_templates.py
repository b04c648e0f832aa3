"""The jinja2 environment shared by the markup backends (SVG, HTML)."""
from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import (Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined,
                    select_autoescape)
from markupsafe import Markup, escape

from cjmdsl.cachedir import cache_dir, refusal
from cjmdsl.escape import xml_chars
from cjmdsl.links import linked_output
from cjmdsl.locales import language


@cache
def environment() -> Environment:
    """Templates compile once per user (about 50 ms saved on every later render): jinja2
    keeps their bytecode in `templates/` of the user's cache folder, and only when that
    folder is the user's own (`cachedir.refusal`); never in the shared temp folder, where
    another user could plant code or a folder that breaks every render. jinja2 keys the
    bytecode on the template's source only, so the file names also carry a hash of this
    module, whose settings (escaping) shape the code."""
    env = Environment(
        bytecode_cache=_bytecode_cache(),
        loader=PackageLoader("cjmdsl.backends", "templates"),
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
