"""The user's cache folder, and the check that makes it safe to load anything from it.

Whatever cjm keeps between runs (render stamps, template bytecode) lives in one folder of the
user's own. Before reading from it, cjm makes sure nobody else can write it: jinja2's bytecode
is code, and a planted stamp would keep a tampered output "unchanged". Nothing is ever loaded
from the shared temp folder.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def cache_dir() -> Path:
    """$CJM_CACHE_DIR, else the user's cache folder (`~/.cache/cjmdsl` on Linux,
    `~/Library/Caches/cjmdsl` on macOS, `%LOCALAPPDATA%\\cjmdsl\\Cache` on Windows)."""
    if os.environ.get("CJM_CACHE_DIR"):
        return Path(os.environ["CJM_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "cjmdsl"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "cjmdsl"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "cjmdsl" / "Cache"
    return Path.home() / ".cache" / "cjmdsl"


def refusal(folder: Path) -> str | None:
    """Create `folder` (mode 0700) if it is missing; None when it is a folder only this user
    can write, else one line saying why it must not be used."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError as exc:
        return f"cannot use the cache folder {folder}: {exc.strerror or exc}"
    if not stat.S_ISDIR(info.st_mode):
        return f"the cache folder {folder} is not a folder"
    if not hasattr(os, "getuid"):  # Windows: no POSIX owners; the folder is the user's profile
        return None
    if info.st_uid != os.getuid():
        return f"the cache folder {folder} belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return (f"others can write to the cache folder {folder} "
                f"(mode {stat.S_IMODE(info.st_mode):04o}; chmod go-w it or set CJM_CACHE_DIR)")
    return None


def read_own_small_file(path: Path, most: int) -> bytes | None:
    """The bytes of `path` when it is a regular file of this user's (not a link) of at most
    `most` bytes, else None. Opened without following a link or waiting for a FIFO's writer,
    checked on the open file, and never read past `most` + 1 bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not (stat.S_ISREG(info.st_mode) and mine and info.st_size <= most):
            return None
        data = handle.read(most + 1)
    return data if len(data) <= most else None
