"""The Python API: parse a map, check it, render it.

    import cjmdsl
    journey = cjmdsl.parse(text, filename="shop.cjm")   # raises cjmdsl.CjmError
    svg = cjmdsl.render(journey)                         # or render(text, format="json")

`render` raises cjmdsl.UnknownFormat (a ValueError naming the formats) for a format
that is not in cjmdsl.formats(), and cjmdsl.BackendUnavailable when the format needs
a tool or library this machine lacks.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from cjmdsl.language.compile import CompileResult, compile_text
from cjmdsl.language.diagnostics import CjmError, Diagnostic
from cjmdsl.language.limits import DEFAULT_LIMITS, Limits, check_bytes, check_size, within_limits
from cjmdsl.language.utf8 import decode  # noqa: F401  (public: cjmdsl.api.decode)
from cjmdsl.model import Journey


def check(text: str, filename: str = "<input>", limits: Limits = DEFAULT_LIMITS,
          path: str | os.PathLike | None = None, root: Path | None = None,
          before: CompileResult | None = None, following: bool = False) -> CompileResult:
    """Compile `text` and return the journey (None on errors) with every diagnostic.

    `path` is where the text was read from: the libraries it `use`s are found relative to
    it, inside `root` (default: its project, `paths.project_root`). Without a path, a
    `use` is an error (E113). `result.files` are the library files it depends on.

    `following` a document as it is edited (`cjm serve`, `cjm watch`), the result keeps
    what checking its next version can reuse, and `before` is the result for the version
    before: only the stage an edit changed is parsed again (`cjmdsl.language.edits`). The
    result is the same as without them."""
    from cjmdsl.language.libraries import Libraries
    from cjmdsl.themes import builtin_names

    too_big = check_size(text, limits)
    if too_big:
        return CompileResult(None, too_big)

    def importer():
        if path is None:
            return None
        libraries = Libraries(root, limits, builtin_names())
        return libraries.importer(Path(path).absolute(), filename, text)

    if following or before is not None:
        from cjmdsl.language.edits import compile_again

        return compile_again(text, before, filename, builtin_names(), importer, limits=limits)
    result, beyond = within_limits(
        compile_text(text, filename, known_themes=builtin_names(), importer=importer()), limits)
    return replace(result, journey=None) if beyond else result


def read_map_file(path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, list[Diagnostic]]:
    """The text of the map file at `path`, read as every host reads one: at most
    `limits.max_bytes` + 1 bytes, and only from a regular file (`paths.read_regular`). A file
    over the limit (E030) or not UTF-8 (E006) gives its diagnostics and no text: they are
    reported by place only, never quoting bytes that are not the text anyone wrote.
    Raises OSError, and paths.PathRefused for a device, FIFO or socket."""
    from cjmdsl.language.paths import read_regular

    data, size = read_regular(path, limits.max_bytes + 1)
    too_big = check_bytes(max(size, len(data)), limits)
    if too_big:
        return "", too_big
    text, problems = decode(data)
    return ("", problems) if problems else (text, [])


def parse(text: str, filename: str = "<input>", limits: Limits = DEFAULT_LIMITS,
          path: str | os.PathLike | None = None) -> Journey:
    """The journey in `text` (read from `path`, for its `use`s); raises CjmError carrying
    every error found."""
    result = check(text, filename, limits, path)
    if result.journey is None:
        raise CjmError(result.errors, text, filename)
    return result.journey


def render(map_or_text: Journey | str, format: str = "svg", theme: str | None = None,
           filename: str = "<input>", path: str | os.PathLike | None = None,
           state: str | None = None, **options) -> str | bytes:
    """Render a Journey, or .cjm text, to `format` with `theme`.

    The theme is, in order: the `theme` argument, the map's own `theme` statement,
    then "default". `options` are those the format takes, as `cjm render` passes them:
    `width` (svg, png, pdf: the pixels the map is laid out for, default 880; 0 for one row),
    `persona_cards` (svg, png, pdf: False names each persona on a line instead of a card),
    `scale` (png, pdf) and `time_axis` (svg, png, pdf, html: a ruler of the time elapsed by
    each step). `path` is the file the text was read from, for its `use`s. `state` is the
    state of the journey every format shows (`cjmdsl.language.states`: "as_is", "to_be" or
    "both", the default). An unknown `format` raises UnknownFormat, an option the format does not take a
    ValueError, before anything is parsed.
    """
    from cjmdsl.backends import backend
    from cjmdsl.language.states import in_state
    from cjmdsl.runtime import collector
    from cjmdsl.themes import theme_for

    module = backend(format)
    refused = sorted(set(options) - set(getattr(module, "OPTIONS", ())))
    if refused:
        raise ValueError(f"format {format!r} takes no option {', '.join(refused)}")
    journey = (parse(map_or_text, filename, path=path) if isinstance(map_or_text, str)
               else map_or_text)
    journey = in_state(journey, state)
    with collector.paused():  # see cjmdsl/runtime/collector.py
        return module.render(journey, theme_for(journey.theme, theme), **options)


def _svg_for_jupyter(journey: Journey) -> str:
    """Jupyter shows a Journey as its SVG map."""
    return render(journey)


# Set here, where the pipeline is, so that the model imports nothing of it: every Journey that
# the API hands out has the API loaded.
Journey._repr_svg_ = _svg_for_jupyter
