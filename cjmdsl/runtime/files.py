"""Safe writes: an output is either the old file or the whole new one, never half written.

Every writer of the package uses this (the command line, batch rendering, the docs builds),
so a crash, a full disk or Ctrl-C mid-write never leaves a broken map behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, content: str | bytes) -> None:
    """Write to a temporary file beside `target`, then rename it over `target`.

    A failure at any point leaves an existing `target` exactly as it was; its OSError
    names `target`, the file the user asked for, not the temporary one.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        _write_beside(target, data)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(target)) from exc


def _write_beside(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
