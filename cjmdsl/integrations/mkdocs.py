"""MkDocs plugin: journey maps in Markdown pages.

    # mkdocs.yml
    plugins:
      - cjm                     # options: theme, dark_theme, dark (auto | always | never),
                                # width, time_axis, view, emotions, state, persona_cards

Two ways to put a map in a page:

    ```cjm
    map "Onboarding" { … }
    ```

    ![Onboarding journey](maps/onboarding.cjm)

A fence's info string may set the render options of its map, over the plugin's and the
project config's: ```` ```cjm width=1200 time_axis=true view=stages emotions=split
state=to_be persona_cards=false ````. A value that cannot be used is an error at its line
and column of the page.

Each map becomes an SVG image in the site (`cjm/<name>-<hash>.svg`). With
mkdocs-material and a `slate` palette the map is also drawn with the theme's dark
partner and shown when the reader picks the dark scheme. A broken map is an error
with the file, line and column (the `.md` file's own lines for a fenced block), so
`mkdocs build --strict` fails, with `-q` too; a map drawn with warnings logs them as
warnings. `mkdocs serve` re-renders on every change to a page or a `.cjm` file under
docs/ (and watches `.cjm` files linked from outside it, the libraries maps `use`, and the
project configs).

The project config (`cjm.toml`, or `[tool.cjm]` in `pyproject.toml`), found upwards from the
linked map's folder or, for a fenced map, the page's, gives the theme of maps that name none
(after the plugin's `theme`), the dark picture's theme (after the plugin's `dark_theme`), the
limits, and the render options the plugin and the fence leave unsaid. Each config is read once per build; its mistakes are one error, and its maps get
the defaults.
"""
from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from cjmdsl.config import BuildConfigs
from cjmdsl.backends.svg import VIEWS
from cjmdsl.words.escape import terminal_text
from cjmdsl.layout.map import EMOTION_LAYOUTS
from cjmdsl.language.states import STATES

log = get_plugin_logger(__name__)

FOLDER = "cjm"  # where generated images go in the site
STYLESHEET = f"{FOLDER}/cjm.css"
# Light and dark pictures of one map; the reader's scheme in mkdocs-material picks one.
DARK_CSS = """\
img.cjm-dark { display: none; }
[data-md-color-scheme="slate"] img.cjm-dark { display: inline; }
[data-md-color-scheme="slate"] img.cjm-light { display: none; }
"""

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n"
                    r"(?P<body>.*?)"
                    r"(?:^ {0,3}(?P=fence)[`~]*[ \t]*(?:\n|\Z)|\Z)", re.M | re.S)
_IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+\.cjm)(?:\s+"(?P<title>[^"]*)")?\)')
_OPTION = re.compile(r'(\w+)=(?:"([^"]*)"|(\S+))')


class CjmConfig(Config):
    theme = config_options.Optional(config_options.Type(str))
    dark_theme = config_options.Optional(config_options.Type(str))
    dark = config_options.Choice(("auto", "always", "never"), default="auto")
    width = config_options.Optional(config_options.Type(int))
    time_axis = config_options.Optional(config_options.Type(bool))
    view = config_options.Choice(VIEWS, default="map")
    emotions = config_options.Optional(config_options.Choice(EMOTION_LAYOUTS))
    state = config_options.Optional(config_options.Choice(STATES))
    persona_cards = config_options.Optional(config_options.Type(bool))


class CjmPlugin(BasePlugin[CjmConfig]):
    """Turns ```cjm fences and image links to .cjm files into map images."""

    def on_config(self, config):
        self._schemes = _schemes(config, self.config.dark)
        self._watch: set[str] = set()
        self._configs = BuildConfigs(_log_error)
        self._roots = _roots(config)
        if self._schemes == ("light", "dark"):
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, config) -> Files:
        if self._schemes == ("light", "dark"):
            files.append(File.generated(config, STYLESHEET, content=DARK_CSS))
        return files

    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        first_line = _first_line(markdown, page)
        out, position = [], 0
        for match in _FENCE.finditer(markdown):
            out.append(self._images(markdown[position:match.start()], page, config, files))
            if match.group("info").split(None, 1)[:1] == ["cjm"]:
                line = first_line + markdown.count("\n", 0, match.start("body"))
                out.append(self._fenced(match, line, page, config, files))
            else:
                out.append(match.group(0))
            position = match.end()
        out.append(self._images(markdown[position:], page, config, files))
        return "".join(out)

    def on_serve(self, server, config, builder):
        for path in sorted(self._watch):
            server.watch(path)
        return server

    # ── the two ways in ──────────────────────────────────────────────────────
    def _fenced(self, match: re.Match, line: int, page, config, files: Files) -> str:
        body = match.group("body")
        text = "\n" * (line - 1) + body  # so diagnostics give the .md file's own lines
        source = page.file.abs_src_path
        name = _display(source) if source else page.file.src_uri
        # The info string is on the line before the body, at its own place in the .md file.
        info_line = "\n" * (line - 2) + match.group(0).split("\n", 1)[0]
        options, problems = _fence_options(match, info_line, line - 2 - match.start())
        if problems:
            from cjmdsl.language.diagnostics import format_all

            _log_error(format_all(problems, info_line, name))
            return _broken(name) + "\n"
        folder = Path(source).parent if source else Path(config.docs_dir)
        tags = self._draw(text, name, folder, "map", options.pop("alt", None),
                          options.pop("theme", None), page, config, files,
                          path=Path(source) if source else None, asked=options)
        if tags is None:
            return _broken(name) + "\n"
        return f'{match.group("indent")}<div class="cjm-map" markdown="0">{tags}</div>\n'

    def _images(self, markdown: str, page, config, files: Files) -> str:
        def replace(match: re.Match) -> str:
            loaded = self._linked(match.group("src"), page, files)
            if loaded is None:
                return match.group(0)
            text, path = loaded
            name = _display(path)
            tags = self._draw(text, name, path.parent, path.stem, match.group("alt") or None,
                              None, page, config, files, title=match.group("title"), path=path)
            return tags if tags is not None else _broken(name)

        return _IMAGE.sub(replace, markdown)

    def _linked(self, src: str, page, files: Files) -> tuple[str, Path] | None:
        """The text and path of a .cjm file linked from `page`; None after logging why not."""
        from urllib.parse import unquote

        from cjmdsl.api import read_map_file
        from cjmdsl.language.diagnostics import format_all
        from cjmdsl.language.paths import PathRefused, inside

        src = unquote(src)
        base = posixpath.dirname(page.file.src_uri)
        uri = posixpath.normpath(src.lstrip("/") if src.startswith("/")
                                 else posixpath.join(base, src))
        file = files.get_file_from_path(uri)
        outside = file is None or not file.abs_src_path
        if not outside:
            path = Path(file.abs_src_path)
        elif page.file.abs_src_path:  # outside docs/: read it from disk and watch it
            path = Path(page.file.abs_src_path).parent / src
        else:
            path = None

        def refuse(why: str) -> None:
            _log_error(terminal_text(f"{page.file.src_uri}: the map {why}"))

        if path is not None:
            try:
                path = inside(path, Path.cwd(), self._roots)
            except PathRefused as refused:
                return refuse(f"`{src}` {refused.rule}; {refused.hint}")
            if outside:
                self._watch.add(str(path))
        if path is None or not path.is_file():
            return refuse(f"{src} does not exist")
        try:
            text, problems = read_map_file(path, self._configs.for_folder(path.parent).limits)
        except PathRefused as refused:
            return refuse(f"`{src}` {refused.rule}; {refused.hint}")
        except OSError as exc:
            return refuse(f"{src} cannot be read: {exc.strerror or exc}")
        if problems:  # too large, or not UTF-8: reported by place only
            _log_error(format_all(problems, "", _display(path)))
            return None
        return text, path

    # ── drawing ──────────────────────────────────────────────────────────────
    def _draw(self, text: str, name: str, folder: Path, stem: str, alt: str | None,
              theme: str | None, page, config, files: Files,
              title: str | None = None, path: Path | None = None,
              asked: dict | None = None) -> str | None:
        """`<img>` tags (light, and dark where the site has a dark scheme) for the map in
        `text`, with the render options `asked` (a fence's, checked), else the plugin's, else
        the project config's found upwards from `folder`; None after logging its diagnostics
        when it has errors. `path` is the file the map's `use`s are relative to (the map file,
        else the page); the libraries are watched."""
        from cjmdsl.api import check
        from cjmdsl.words import sentences as words
        from cjmdsl.backends.svg import pictures
        from cjmdsl.language.diagnostics import format_all
        from cjmdsl.language.states import in_state
        from cjmdsl.themes import ThemeError, dark_partner, load_theme

        defaults = self._configs.for_folder(folder)
        if defaults.path:
            self._watch.add(str(defaults.path))
        result = check(text, name, defaults.limits, path)
        self._watch.update(str(library) for library in result.files)
        journey = result.journey
        if journey is None:
            _log_error(format_all(result.diagnostics, text, name))
            return None
        if result.diagnostics:
            log.warning(format_all(result.diagnostics, text, name))
        light_name = theme or self.config.theme or journey.theme or defaults.theme or "default"
        try:
            light = load_theme(light_name, self._roots)
            chosen_dark = self.config.dark_theme or defaults.dark_theme
            dark = (load_theme(chosen_dark, self._roots) if chosen_dark
                    else dark_partner(light) or light)
        except ThemeError as exc:
            _log_error(f"{terminal_text(name)}: {exc.report()}")
            return None
        asked = asked or {}
        target = asked.get("width", _target_width(self.config.width, defaults.width))
        if isinstance(target, str):
            _log_error(f"{name}: {target}")
            return None

        def chosen(key: str, configured):
            for value in (asked.get(key), getattr(self.config, key)):
                if value is not None:
                    return value
            return configured

        journey = in_state(journey, chosen("state", defaults.state))
        drawn_pictures = pictures(journey, light, dark, target, self._schemes,
                                  time_axis=chosen("time_axis", defaults.time_axis),
                                  view=chosen("view", "map"),
                                  emotions=chosen("emotions", defaults.emotions),
                                  persona_cards=chosen("persona_cards", defaults.persona_cards))
        alt_text = alt or words.alt_text(journey)
        tags = []
        for scheme, drawn in zip(self._schemes, drawn_pictures):
            svg = drawn.encode("utf-8")
            digest = hashlib.sha256(svg).hexdigest()[:12]
            uri = f"{FOLDER}/{_slug(stem)}-{digest}.svg"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=svg))
            src = files.get_file_from_path(uri).url_relative_to(page.file)
            css = f"cjm-{scheme}" if len(self._schemes) > 1 else "cjm-map"
            extra = f' title="{html.escape(title, quote=True)}"' if title else ""
            tags.append(f'<img class="{css}" src="{html.escape(src, quote=True)}" '
                        f'alt="{html.escape(alt_text, quote=True)}"{extra}>')
        return "".join(tags)


def _fence_options(match: re.Match, source: str, shift: int) -> tuple[dict, list]:
    """The options of a fence's info string (`width=1200 emotions=split`), each value read as
    its option takes it, and a diagnostic (E063) at its place for each that cannot be used.
    `source` is the text the places point into; `shift` turns an offset in the page's
    markdown into one in `source`."""
    from cjmdsl.language.diagnostics import did_you_mean, error
    from cjmdsl.model import Span

    options: dict = {}
    problems = []
    for found in _OPTION.finditer(match["info"]):
        key, quoted, bare = found.groups()
        value = quoted if quoted is not None else bare
        if key in _TEXT_OPTIONS:
            options[key] = value
            continue
        start = shift + match.start("info") + found.start()
        line = source.count("\n", 0, start) + 1
        column = start - (source.rfind("\n", 0, start) + 1) + 1
        span = Span(line, column, line, column + len(found.group(0)))
        read = _FENCE_OPTIONS.get(key)
        if read is None:
            known = (*_TEXT_OPTIONS, *_FENCE_OPTIONS)
            problems.append(error("E061", f"unknown option `{key}` for a cjm fence", span,
                                  did_you_mean(key, known) or "options: " + ", ".join(known)))
            continue
        checked, hint = read(value)
        if hint is None:
            options[key] = checked
        else:
            problems.append(error("E063", checked, span, hint))
    return options, problems


def _switch(key: str):
    def read(value: str) -> tuple[bool | str, str | None]:
        if value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true", None
        return f"{key}={value} is neither true nor false", f"{key}=true or {key}=false"
    return read


def _one_of(key: str, choices: tuple[str, ...]):
    def read(value: str) -> tuple[str, str | None]:
        if value in choices:
            return value, None
        from cjmdsl.language.diagnostics import did_you_mean

        return (f"{key}={value} is not one of {', '.join(choices)}",
                did_you_mean(value, choices) or f"{key}= takes {' or '.join(choices)}")
    return read


def _fence_width(value: str) -> tuple[int | str, str | None]:
    from cjmdsl.layout.geometry import SMALLEST_WIDTH

    text = value.strip().lower()
    if text == "none":
        return 0, None
    if text.isdigit() and not 0 < int(text) < SMALLEST_WIDTH:
        return int(text), None
    return (f"width={value} is not a width to lay a map out for",
            f"give whole pixels, at least {SMALLEST_WIDTH}, or 0 or none for one row")


_TEXT_OPTIONS = ("alt", "theme")  # taken as written
# The render options a fence may set, each with how its value is read: (the value, None), or
# (the message, the hint) for one that cannot be used.
_FENCE_OPTIONS = {
    "width": _fence_width,
    "time_axis": _switch("time_axis"),
    "persona_cards": _switch("persona_cards"),
    "view": _one_of("view", VIEWS),
    "emotions": _one_of("emotions", EMOTION_LAYOUTS),
    "state": _one_of("state", STATES),
}


def _target_width(plugin: int | None, configured: int) -> int | str:
    """The width a map is laid out for when its fence gives none: the plugin's `width`, else
    the project config's; a message instead when the plugin's cannot be laid out."""
    from cjmdsl.layout.geometry import SMALLEST_WIDTH

    if plugin is None:
        return configured
    if 0 < plugin < SMALLEST_WIDTH:
        return (f"the plugin's width: {plugin} is not a width to lay a map out for: give "
                f"whole pixels, at least {SMALLEST_WIDTH}, or 0 for one row")
    return plugin


def _roots(config) -> tuple[Path, ...]:
    """Where the files pages and options name may be (cjmdsl.language.paths): docs_dir, the
    folder of mkdocs.yml, the project found upwards of docs_dir, and $CJM_ALLOW_PATHS."""
    from cjmdsl.language.paths import allowed_roots, project_root

    docs = Path(config.docs_dir)
    folder = Path(config.config_file_path).parent if config.config_file_path else docs
    return allowed_roots(docs, folder, project_root(docs))


def _schemes(config, setting: str) -> tuple[str, ...]:
    """Which pictures each map needs: ("light",), ("dark",) or ("light", "dark")."""
    if setting == "never":
        return ("light",)
    if setting == "always":
        return ("light", "dark")
    theme = config.theme
    if getattr(theme, "name", None) != "material":
        return ("light",)
    palette = theme.get("palette") or []
    palettes = palette if isinstance(palette, list) else [palette]
    schemes = {p.get("scheme", "default") for p in palettes if isinstance(p, dict)} or {"default"}
    has_dark, has_light = "slate" in schemes, bool(schemes - {"slate"})
    if has_dark and has_light:
        return ("light", "dark")
    return ("dark",) if has_dark else ("light",)


def _first_line(markdown: str, page) -> int:
    """The line of the page's source file where `markdown` (front matter removed) starts."""
    try:
        source = page.file.content_string
    except (OSError, TypeError, AttributeError):
        return 1
    at = source.find(markdown[:200]) if markdown else -1
    return source.count("\n", 0, at) + 1 if at > 0 else 1


def _log_error(report: str) -> None:
    """Log why a map could not be drawn, or a config's mistakes. They are errors in the site,
    logged as errors: `mkdocs build --strict` counts errors even with `-q`, which drops
    warnings before they are counted."""
    log.error(report)


def _broken(name: str) -> str:
    return (f'<p class="cjm-error"><strong>This journey map has errors</strong> '
            f'({html.escape(name)}); see the build log.</p>')


def _slug(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "map"


def _display(path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
