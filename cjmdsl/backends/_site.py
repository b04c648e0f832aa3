"""The portfolio site's own pages, the index and the persona pages, drawn from the views of
`cjmdsl.site.pages` (in the language being written: `cjmdsl.words.locales.speaking`). Like the map's
page they load nothing: the style and the index's search script are inline, allowed by their
hashes; pictures come only from the site's own files."""
from __future__ import annotations

from markupsafe import Markup

from cjmdsl.backends._templates import environment, static_file
from cjmdsl.backends.html import json_for_script, sha256_source
from cjmdsl.words.locales import say, say_counted


def index_page(view: dict, lang: str | None) -> str:
    css, script = static_file("site", "site.css"), static_file("site", "site.js")
    return environment().get_template("site/index.html.j2").render(
        view=view, lang=lang or "en", css=Markup(css), script=Markup(script),
        data=json_for_script(view["search"]), csp=_policy(css, script), say=say)


def persona_page(persona, lang: str | None) -> str:
    css = static_file("site", "site.css")
    return environment().get_template("site/persona.html.j2").render(
        persona=persona, lang=lang or "en", css=Markup(css), csp=_policy(css, None),
        up=persona.path.count("/"), say=say, say_counted=say_counted)


def _policy(css: str, script: str | None) -> str:
    """Nothing may load but the site's own pictures; only the page's own style and script
    (by hash) may run."""
    scripts = sha256_source(script) if script is not None else "'none'"
    return (f"default-src 'none'; style-src {sha256_source(css)}; script-src {scripts}; "
            "img-src 'self'; base-uri 'none'; form-action 'none'")
