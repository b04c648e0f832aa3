"""The report as GitHub-flavoured Markdown: a wiki page, a pull-request comment, a file in
the docs. Every cell goes through `md_text`, so a label cannot start a heading, break a
table or inject HTML."""
from __future__ import annotations

from cjmdsl.backends.md import table
from cjmdsl.review.report.page import Meter, Page, Section
from cjmdsl.words.escape import md_text


def markdown(page: Page) -> str:
    """A map's page; or a folder's, its part about all maps first, then each map's page."""
    if not page.maps:
        return "\n\n".join(_page(page, 1)) + "\n"
    parts = [f"# {md_text(page.title)}", *(md_text(line) for line in page.lines),
             f"## {md_text(page.overview)}", *(_section(section, 3) for section in page.sections)]
    for map_page in page.maps:
        parts += _page(map_page, 2)
    return "\n\n".join(parts) + "\n"


def _page(page: Page, level: int) -> list[str]:
    return [f"{'#' * level} {md_text(page.title)}", *(md_text(line) for line in page.lines),
            *(_section(section, level + 1) for section in page.sections)]


def _section(section: Section, level: int) -> str:
    heading = f"{'#' * level} {md_text(section.heading)}\n\n"
    if not section.rows:
        return heading + md_text(section.empty)
    return heading + table([md_text(cell) for cell in section.header],
                           [[_cell(cell) for cell in row] for row in section.rows])


def _cell(cell) -> str:
    if isinstance(cell, Meter):
        return md_text(cell.text)
    if isinstance(cell, tuple):
        return "<br>".join(md_text(line) for line in cell)
    return md_text(cell)
