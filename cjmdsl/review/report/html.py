"""The report as one HTML page to share: inline CSS, no script, no request of any kind (a
Content-Security-Policy with the hash of its one style says so to the browser). Every text
goes through the template's autoescaping. Same input, same bytes out."""
from __future__ import annotations

from importlib.resources import files

from markupsafe import Markup

from cjmdsl.backends._templates import environment
from cjmdsl.backends.html import content_security_policy
from cjmdsl.review.report.page import Meter, Page


def html(page: Page) -> str:
    """A map's page, or a folder's (its part about all maps, then each map's page)."""
    css = files("cjmdsl.review.report").joinpath("report.css").read_text(encoding="utf-8")
    return environment().get_template("report.html.j2").render(
        page=page, css=Markup(css), csp=content_security_policy(css, None),
        is_meter=lambda cell: isinstance(cell, Meter),
        is_lines=lambda cell: isinstance(cell, tuple))
