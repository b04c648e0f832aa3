"""The one rule for every path that comes from input: it stays inside the project.

Maps, theme files, configs and docs pages arrive in pull requests and are built where the
environment holds tokens. Any path they name (a theme's `extends` and `dark`, `--theme`, a
config's `theme` and `output`, Sphinx's `.. cjm::` and `:theme:`, MkDocs images and fence
options, the maps found in a folder given to `cjm`) goes through `inside`: after symbolic links
are followed it must lead into one of the roots (the project, the docs source folder, or a
folder listed in $CJM_ALLOW_PATHS), never into /proc, /dev or /sys, and to a regular file or
folder, never a device, FIFO or socket. A refused path is never opened, and the refusal names
the path and the rule, never the file's content.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath

__all__ = ["ALLOW_VARIABLE", "NOT_REGULAR", "PathRefused", "allowed_roots", "inside", "over_input",
           "project_root", "read_regular"]

# Extra roots, separated as in PATH (":" on POSIX): for a theme or maps kept beside a project.
# An environment variable, not a config key, since a config arrives with the input it governs.
ALLOW_VARIABLE = "CJM_ALLOW_PATHS"
# Files that are the system's, not anyone's project, even under a widened root.
SYSTEM_FOLDERS = tuple(Path(name) for name in ("/proc", "/dev", "/sys"))

HINT = (f"give a path inside the project; to read files elsewhere, list their folder in "
        f"${ALLOW_VARIABLE}")
NOT_REGULAR = "is not a regular file (a device, FIFO or socket)"
FILE_HINT = "give the path of a file"


class PathRefused(ValueError):
    """A path that breaks the rule: `path` as given, `rule` the words for what it breaks,
    `hint` the way out. str() is one sentence naming the path and the rule."""

    def __init__(self, path: str, rule: str, hint: str = HINT):
        super().__init__(f"`{path}` {rule}")
        self.path = path
        self.rule = rule
        self.hint = hint


def project_root(start: Path) -> Path:
    """The project a file in `start` belongs to: the folder of the nearest config
    (cjm.toml, or pyproject.toml with [tool.cjm]) upwards of it, else `start` itself."""
    from cjmdsl.config import find_config

    config = find_config(start)
    return (config.parent if config else start).resolve()


def allowed_roots(*roots: Path | str) -> tuple[Path, ...]:
    """`roots`, resolved, and the folders listed in $CJM_ALLOW_PATHS."""
    extra = [part for part in os.environ.get(ALLOW_VARIABLE, "").split(os.pathsep) if part]
    found: list[Path] = []
    for root in (*roots, *extra):
        resolved = Path(root).resolve()
        if resolved not in found:
            found.append(resolved)
    return tuple(found)


def inside(value: str | os.PathLike, base: Path, roots: Iterable[Path], *,
           absolute: bool = True, folder: bool = False) -> Path:
    """The path `value` names (relative to `base`), symbolic links followed, when it keeps
    the rule; raises PathRefused. `absolute=False` refuses absolute paths even inside a root
    (a config names paths relative to itself); `folder=True` asks for a folder, not a file.
    A path that does not exist yet passes: reading or writing it says so."""
    text = os.fspath(value)
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).anchor:
        if not absolute:
            raise PathRefused(text, "is an absolute path")
    target = (Path(base) / text).resolve()
    system = next((folder for folder in SYSTEM_FOLDERS if target.is_relative_to(folder)), None)
    if system is not None:
        raise PathRefused(text, f"leads into {system}, which holds the system's files, not a "
                                "project's", "cjm never reads under /proc, /dev or /sys")
    roots = tuple(roots)
    if not any(target.is_relative_to(root) for root in roots):
        where = ", ".join(str(root) for root in roots)
        raise PathRefused(text, f"leads outside the project ({where})")
    try:
        mode = target.stat().st_mode
    except OSError:
        return target
    if folder and not stat.S_ISDIR(mode):
        raise PathRefused(text, "is not a folder", "give the path of a folder")
    if not folder and stat.S_ISDIR(mode):
        raise PathRefused(text, "is a folder, not a file", FILE_HINT)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise PathRefused(text, NOT_REGULAR, FILE_HINT)
    return target


def read_regular(path: str | os.PathLike, most: int) -> tuple[bytes, int]:
    """At most `most` bytes of the regular file at `path` and its size: never more (a link to
    a 20 GB file costs `most` bytes), and nothing from a device, FIFO or socket (opened
    without waiting for a writer, refused before reading). Raises OSError, PathRefused."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise PathRefused(os.fspath(path), NOT_REGULAR, FILE_HINT)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return handle.read(most), info.st_size


def over_input(target: str | os.PathLike, inputs: frozenset[Path]) -> str | None:
    """Why `target` must not be written, or None: it is one of `inputs`, the resolved paths
    of the files a run reads (its maps, every theme file of their themes' chains and dark
    partners, the project config), links followed. The one rule for every output a command
    writes."""
    if Path(target).resolve() in inputs:
        return f"refusing to write over the input {os.fspath(target)}"
    return None
