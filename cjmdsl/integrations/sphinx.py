"""Sphinx extension: journey maps in Sphinx pages with the `cjm` directive.

    # conf.py
    extensions = ["cjmdsl.sphinx"]

    .. cjm:: maps/onboarding.cjm
       :theme: dark
       :alt: Onboarding journey for new admins
       :caption: Onboarding, Q3 research
       :width: 100%
       :name: onboarding-map
       :emotions: split
       :state: to_be

`:view: stages` draws the overview (one column per stage), `:emotions: split` a small
emotion plot per persona, `:persona-cards: off` the legend's one line per persona instead
of the cards, `:state:` `as_is`, `to_be` or `both` (the default) the state of the journey,
`:time-axis:` the ruler of elapsed time: the options of `cjm render`. A mistake in one is
a warning at the directive's line. The map may also be written in the directive's body instead of a file. A map is
compiled when its page is read: every diagnostic becomes a Sphinx warning (so
`sphinx-build -W` fails) that names the `.cjm` file, line and column, or for an inline
map has the `.rst` file's own line as its one location; the page still builds, with the
diagnostics in place of the map. The `.cjm` file is a dependency of its page, so
editing it rebuilds the page in an incremental build.

The project config (`cjm.toml`, or `[tool.cjm]` in `pyproject.toml`), found upwards from the
map file's folder or, for a map in the body, the page's, gives the theme of maps that name
none, the dark mode of `:format: html`, the limits, and `width`, `time_axis`, `emotions`,
`state` and `persona_cards` for maps whose directive does not say. Each config is read once per build and
is a dependency of the pages with maps; its mistakes are one warning, and its maps get the
defaults.

HTML builders (html, dirhtml, singlehtml, epub) get the SVG as an image in
`_images/` (`:format: html` embeds the interactive page in an iframe, `:format: flow`
the Graphviz flow view, where those backends are installed); LaTeX gets the map as a
PDF (needs the `pdf` extra), falling back to PNG; text-like builders get the alt text.
"""
from __future__ import annotations

import hashlib
import html
import os
import posixpath
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cjmdsl import __version__
from cjmdsl.config import BuildConfigs, MapDefaults
from cjmdsl.words.escape import roff_text, terminal_text, texinfo_text
from cjmdsl.language.states import STATES

logger = logging.getLogger(__name__)

VIEWS = ("svg", "html", "flow")
MAP_VIEWS = ("map", "stages")  # `:view:`: the whole map, or the overview of one column a stage
SWITCH = ("on", "off")  # `:persona-cards:`, as `cjm render --persona-cards` takes it
# The backends that draw each view, in order of preference, for HTML pages and for
# LaTeX (which takes PDF or PNG images only). Format names: the map view is svg, html,
# pdf, png; the Graphviz flow view is flow-svg, flow-pdf, flow-png.
HTML_FORMATS = {"svg": ("svg",), "html": ("html",), "flow": ("flow-svg",)}
LATEX_FORMATS = {"svg": ("pdf", "png"), "html": ("pdf", "png"),
                 "flow": ("flow-pdf", "flow-png")}


class cjm_map(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A compiled map waiting to be drawn by the builder: `journey` (in the state shown),
    `theme`, `view` (the format), `alt`, `width`, `options` for the backend (`view`,
    `time_axis`, `emotions`, `persona_cards`), and `source` (for messages)."""


class CjmDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = False
    option_spec = {
        "theme": directives.unchanged_required,
        "format": lambda value: directives.choice(value, VIEWS),
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
        "name": directives.unchanged,
        "class": directives.class_option,
        "time-axis": directives.flag,
        "view": lambda value: directives.choice(value, MAP_VIEWS),
        "emotions": lambda value: directives.choice(value, _emotion_layouts()),
        "persona-cards": lambda value: directives.choice(value, SWITCH),
        "state": lambda value: directives.choice(value, STATES),
    }

    def run(self) -> list[nodes.Node]:
        loaded = self._source()
        if loaded is None:
            return []
        text, name, folder, path = loaded
        from cjmdsl.api import check
        from cjmdsl.language.diagnostics import format_all, format_diagnostic, shown, source_lines

        defaults = _configs.for_folder(folder)
        if defaults.path:
            self.env.note_dependency(defaults.path)
        result = check(text, name, defaults.limits, path)
        for library in result.files:  # editing a library the map uses rebuilds the page
            self.env.note_dependency(str(library))
        inline = not self.arguments
        kept, more = shown(result.diagnostics)
        lines = source_lines(text)
        for diagnostic in kept:
            # A map in the body is part of the page: Sphinx's own `page.rst:LINE:` is the
            # diagnostic's place (the caret shows the column), so it is not said twice.
            # A map file is named in the message, after the directive's place.
            location = self._location(diagnostic.span.line if inline else self.lineno)
            logger.warning(format_diagnostic(diagnostic, text, name,
                                             located=not inline or diagnostic.origin is not None,
                                             lines=lines),
                           type="cjm", subtype=diagnostic.code, location=location)
        if more:
            logger.warning(f"{terminal_text(name)}: {more}", type="cjm",
                           location=self._location())
        if result.journey is None:
            return [self._broken(format_all(result.diagnostics, text, name))]
        return [self._figure(self._node(result.journey, defaults))]

    def _source(self) -> tuple[str, str, Path, Path] | None:
        """The map's text, its name for messages, the folder its project config is looked
        for from (the map file's, else the page's) and the file its `use`s are relative to
        (the map file, else the page); None (after a warning) when unusable."""
        if self.arguments and self.content:
            return self._refuse("give either a .cjm file or the map in the body, not both")
        if self.arguments:
            from cjmdsl.language.paths import PathRefused

            from cjmdsl.api import read_map_file

            relative, absolute = self.env.relfn2path(self.arguments[0])
            try:
                absolute = self._inside(absolute)
                self.env.note_dependency(relative)
                limits = _configs.for_folder(Path(absolute).parent).limits
                text, problems = read_map_file(absolute, limits)
            except PathRefused as refused:
                return self._refuse(f"{refused}; {refused.hint}")
            except OSError as exc:
                return self._refuse(f"cannot read {relative}: {exc.strerror or exc}")
            name = _display_path(absolute)
            if problems:  # too large, or not UTF-8: reported by place only
                from cjmdsl.language.diagnostics import format_all

                logger.warning(format_all(problems, "", name), type="cjm",
                               subtype=problems[0].code, location=self._location())
                return None
            return text, name, Path(absolute).parent, Path(absolute)
        if not self.content:
            return self._refuse("give a .cjm file or write the map in the directive's body")
        page = self.env.doc2path(self.env.docname)
        return self._inline_text(), _display_path(page), Path(page).parent, Path(page)

    def _inside(self, path: str) -> str:
        """`path` when it keeps the one rule for paths (cjmdsl.language.paths), with the source
        folder and the project found upwards of it as the roots; raises PathRefused."""
        from cjmdsl.language.paths import inside

        return str(inside(path, Path(self.env.srcdir), self._roots()))

    def _roots(self) -> tuple[Path, ...]:
        from cjmdsl.language.paths import allowed_roots, project_root

        srcdir = Path(self.env.srcdir)
        return allowed_roots(srcdir, project_root(srcdir))

    def _inline_text(self) -> str:
        """The body, placed at its own lines and columns of the .rst file, so that
        diagnostics point into the .rst file."""
        indent = _body_indent(self.block_text)
        first_line = self.content_offset + 1  # 1-based line of the body's first line
        return "\n" * (first_line - 1) + "\n".join(
            (" " * indent + line) if line else "" for line in self.content)

    def _node(self, journey, defaults: MapDefaults) -> cjm_map:
        # `:theme:`, else the map's own, else the project config's (an absolute path if a
        # file), as `cjm render` chooses.
        from cjmdsl.themes import ThemeError, is_theme_path, load_theme

        theme = self.options.get("theme") or journey.theme
        if theme and is_theme_path(theme):
            theme = self.env.relfn2path(theme)[1]
        theme = theme or defaults.theme or "default"
        for used in (theme, defaults.dark_theme):
            if used and is_theme_path(used):  # editing the theme file rebuilds the page
                self.env.note_dependency(used)

        try:
            load_theme(theme, self._roots())
        except ThemeError as exc:
            logger.warning(f"cjm: {exc.report()}; using the default theme", type="cjm",
                           subtype="theme", location=self._location())
            theme = "default"
        from cjmdsl.language.states import in_state

        node = cjm_map()
        node["journey"] = in_state(journey, self.options.get("state", defaults.state))
        node["theme"] = theme
        node["dark_theme"] = defaults.dark_theme
        node["view"] = self.options.get("format", "svg")
        node["alt"] = self.options.get("alt") or _default_alt(journey)
        node["width"] = self.options.get("width")
        node["layout_width"] = _layout_width(node["width"], defaults.width)
        cards = self.options.get("persona-cards")
        node["options"] = {
            "view": self.options.get("view", "map"),
            "time_axis": "time-axis" in self.options or defaults.time_axis,
            "emotions": self.options.get("emotions", defaults.emotions),
            "persona_cards": defaults.persona_cards if cards is None else cards == "on",
        }
        node["classes"] += self.options.get("class", [])
        node["location"] = self._location()
        self.set_source_info(node)
        if node["view"] != "svg" and not _available(HTML_FORMATS[node["view"]]):
            logger.warning(f"cjm: `:format: {node['view']}` needs a backend this cjmdsl does not "
                           "have; drawing the map as SVG", type="cjm", subtype="format",
                           location=node["location"])
            node["view"] = "svg"
        if node["options"]["view"] == "stages" and node["view"] != "svg":
            logger.warning(f"cjm: `:view: stages` is a picture of its own; `:format: "
                           f"{node['view']}` draws the whole map (leave `:format:` out for the "
                           "overview)", type="cjm", subtype="view", location=node["location"])
        return node

    def _figure(self, node: cjm_map) -> nodes.Node:
        caption = self.options.get("caption")
        if not caption:
            self.add_name(node)
            return node
        figure = nodes.figure("", node, classes=["cjm-figure"])
        inline, messages = self.state.inline_text(caption, self.lineno)
        figure += nodes.caption(caption, "", *inline)
        figure += messages
        self.set_source_info(figure)
        self.add_name(figure)
        return figure

    def _broken(self, report: str) -> nodes.Node:
        """What the page shows instead of a map with errors (the build log has them too)."""
        box = nodes.warning()
        box += nodes.paragraph(text="This journey map has errors and was not drawn:")
        box += nodes.literal_block(report, report)
        return box

    def _refuse(self, message: str) -> None:
        """Warn that the directive cannot be used; `message` is one line, quoting the page."""
        logger.warning(f"cjm: {terminal_text(message)}", type="cjm", subtype="usage",
                       location=self._location())
        return None

    def _location(self, line: int | None = None) -> str:
        """`page.rst:LINE` (the directive's line unless `line`) for a warning, escaped as
        its message is: a page's file name is the input's too, and Sphinx prints it first."""
        return f"{terminal_text(str(self.env.doc2path(self.env.docname)))}:{line or self.lineno}"


# ── drawing, per builder ─────────────────────────────────────────────────────
def visit_html(translator, node: cjm_map) -> None:
    builder = translator.builder
    content, extension = _draw(node, HTML_FORMATS[node["view"]])
    if content is None:
        translator.body.append(f'<p class="cjm-map">{html.escape(node["alt"])}</p>')
        raise nodes.SkipNode
    filename = _store(Path(builder.outdir) / builder.imagedir, content, extension)
    uri = html.escape(posixpath.join(builder.imgpath, filename), quote=True)
    alt = html.escape(node["alt"], quote=True)
    classes = " ".join(["cjm-map", *node["classes"]])
    width = node.get("width")
    if extension == ".html":
        height = _page_height(node)
        style = f"width:{html.escape(width or '100%')};height:{height}px;border:0"
        translator.body.append(f'<iframe class="{classes}" src="{uri}" title="{alt}" '
                               f'loading="lazy" style="{style}"></iframe>\n')
    else:
        style = f"width:{html.escape(width)};" if width else "max-width:100%;"
        translator.body.append(f'<img class="{classes}" src="{uri}" alt="{alt}" '
                               f'style="{style}height:auto" />\n')
    raise nodes.SkipNode


def visit_latex(translator, node: cjm_map) -> None:
    content, extension = _draw(node, LATEX_FORMATS[node["view"]])
    if content is None:
        translator.body.append(translator.encode(node["alt"]))
        raise nodes.SkipNode
    filename = _store(Path(translator.builder.outdir), content, extension)
    width = node.get("width")
    option = r"width=\linewidth" if not width or width.endswith("%") else f"width={width}"
    if width and width.endswith("%"):
        option = f"width={float(width[:-1]) / 100:g}\\linewidth"
    translator.body.append(f"\n\\sphinxincludegraphics[{option}]{{{{{filename}}}}}\n")
    raise nodes.SkipNode


def visit_text(translator, node: cjm_map) -> None:
    translator.add_text(f"[{node['alt']}]")
    raise nodes.SkipNode


def visit_man(translator, node: cjm_map) -> None:
    """The alt text as a line of its own: what follows may be a request (`.UNINDENT`)."""
    translator.body.append(translator.deunicode(roff_text(node["alt"])) + "\n")
    raise nodes.SkipNode


def visit_texinfo(translator, node: cjm_map) -> None:
    translator.body.append(texinfo_text(node["alt"]) + "\n")
    raise nodes.SkipNode


def _draw(node: cjm_map, candidates: tuple[str, ...]) -> tuple[bytes | None, str]:
    """The map drawn by the first available backend of `candidates`; (None, "") with a
    warning when none can draw it here."""
    from cjmdsl.backends import BackendUnavailable, backend, extension, formats

    problems = []
    for format_name in candidates:
        if format_name not in formats():
            continue
        module = backend(format_name)
        takes = getattr(module, "OPTIONS", ())
        options = {key: value for key, value in
                   {"width": node["layout_width"], **node["options"]}.items() if key in takes}
        try:
            content = module.render(node["journey"], _theme(node), **options)
        except BackendUnavailable as exc:
            problems.append(str(exc))
            continue
        return (content.encode("utf-8") if isinstance(content, str) else content,
                extension(format_name))
    reason = "; ".join(problems) or f"no backend for {', '.join(candidates)}"
    logger.warning(f"cjm: cannot draw the map for this builder: {terminal_text(reason)}",
                   type="cjm", subtype="backend", location=node["location"])
    return None, ""


def _store(folder: Path, content: bytes, extension: str) -> str:
    """Write `content` under a name made from its hash (so parallel writers and repeated
    builds agree, and a changed map gets a new name that no browser has cached)."""
    from cjmdsl.runtime.files import write_atomically

    filename = f"cjm-{hashlib.sha256(content).hexdigest()[:20]}{extension}"
    target = folder / filename
    if not target.exists():
        write_atomically(target, content)
    return filename


def _theme(node: cjm_map):
    """The node's theme, with the project config's dark partner (the html view's dark mode)."""
    from cjmdsl.themes import theme_for

    return theme_for(None, node["theme"], dark=node.get("dark_theme"))


def _layout_width(shown: str | None, configured: int) -> int:
    """The width the map is laid out for: a `:width:` in pixels (`600px`, `600`) is where the
    page shows it; otherwise (a percentage, another unit, none) the project config's `width`."""
    from cjmdsl.layout.geometry import SMALLEST_WIDTH

    if shown:
        number = shown.strip().removesuffix("px").strip()
        if number.isdigit() and int(number) >= SMALLEST_WIDTH:
            return int(number)
    return configured


def _page_height(node: cjm_map) -> int:
    from cjmdsl.layout.map import layout

    return int(layout(node["journey"], _theme(node),
                      time_axis=node["options"]["time_axis"]).height) + 160


def _emotion_layouts() -> tuple[str, ...]:
    from cjmdsl.layout.map import EMOTION_LAYOUTS

    return EMOTION_LAYOUTS


def _available(candidates: tuple[str, ...]) -> bool:
    from cjmdsl.backends import formats

    return any(name in formats() for name in candidates)


def _default_alt(journey) -> str:
    from cjmdsl.words.sentences import alt_text

    return alt_text(journey)


def _body_indent(block_text: str) -> int:
    """Columns of indentation of the directive's body, as written in the .rst file."""
    for line in block_text.splitlines()[1:]:
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith(":"):
            return len(line) - len(stripped)
    return 3


def _display_path(path) -> str:
    """A path as a person at the build's working directory would type it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


# ── the project config, once per build ───────────────────────────────────────
def _warn_config(report: str) -> None:
    logger.warning(report, type="cjm", subtype="config")


_configs = BuildConfigs(_warn_config)


def _start_build(app) -> None:
    """A new build reads each config afresh (a process may run several builds)."""
    global _configs
    _configs = BuildConfigs(_warn_config)


def _load_configs(app, env, docnames) -> None:
    """Load the configs of the pages about to be read in the main process, before a parallel
    build forks its readers: each reader inherits them, so a broken one is reported once."""
    for docname in sorted(docnames):
        _configs.for_folder(Path(env.doc2path(docname)).parent)


def setup(app) -> dict:
    app.connect("builder-inited", _start_build)
    app.connect("env-before-read-docs", _load_configs)
    app.add_node(cjm_map, html=(visit_html, None), latex=(visit_latex, None),
                 text=(visit_text, None), man=(visit_man, None),
                 texinfo=(visit_texinfo, None))
    app.add_directive("cjm", CjmDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
