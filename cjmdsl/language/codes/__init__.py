"""The page of every diagnostic code: what it means, a map with the mistake, and the fix.

One Markdown file per code, as rustc keeps its error index; `cjm explain CODE` prints one,
and the README's table of codes is tested against their first paragraphs.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def codes() -> tuple[str, ...]:
    """Every code with a page, sorted."""
    return tuple(sorted(entry.name[:-3] for entry in files(__name__).iterdir()
                        if entry.name.endswith(".md")))


def page(code: str) -> str | None:
    """The page of `code` (as written, upper case), or None when it has none."""
    if code not in codes():
        return None
    return files(__name__).joinpath(f"{code}.md").read_text(encoding="utf-8")


def summary(code: str) -> str:
    """The page's first paragraph on one line: what the code means, in a sentence."""
    return " ".join(page(code).split("\n\n", 1)[0].split())


def title(code: str) -> str:
    """The code's short name, as its diagnostics' table has it ("unknown persona")."""
    from cjmdsl.config import CONFIG_CODES
    from cjmdsl.importers import IMPORT_CODES
    from cjmdsl.language.diagnostics import CODES, DRAWING_CODES
    from cjmdsl.language.libraries import LIBRARY_CODES
    from cjmdsl.language.links import LINK_CODES
    from cjmdsl.review.lint.rules import LINT_CODES
    from cjmdsl.themes.schema import THEME_CODES

    return (CODES.get(code) or DRAWING_CODES.get(code) or THEME_CODES.get(code)
            or CONFIG_CODES.get(code) or LINT_CODES.get(code) or IMPORT_CODES.get(code)
            or LIBRARY_CODES.get(code) or LINK_CODES.get(code, ""))


def severity(code: str) -> str:
    """A code's severity; for a lint rule's code (L…), the rule's default, which `[lint]`
    may change."""
    if code.startswith("L"):
        from cjmdsl.review.lint.rules import BY_CODE

        rule = BY_CODE.get(code)
        return rule.severity if rule else "warning"
    return "warning" if code.startswith("W") else "error"
