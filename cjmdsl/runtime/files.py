"""Safe writes: an output is either the old file or the whole new one, never half written.

Every writer of the package uses this (the command line, batch rendering, the docs builds),
so a crash, a full disk or Ctrl-C mid-write never leaves a broken map behind.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def write_atomically(target: Path, content: str | bytes) -> None:
    """Write to a temporary file beside `target`, then rename it over `target`.

    A failure at any point leaves an existing `target` exactly as it was; its OSError
    names `target`, the file the user asked for, not the temporary one.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_output(target) as stream:
        stream.write(data)


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """A binary stream to a temporary file beside `target`, renamed over `target` when the
    block ends, removed when it raises (`write_atomically`'s promise, for a writer that
    writes as it goes). An OSError names `target`."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
    except OSError as exc:
        raise _naming(exc, target) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _naming(exc, target) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _naming(exc: OSError, target: Path) -> OSError:
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))


class Digested(io.RawIOBase):
    """A binary stream that passes what is written on to `out` and keeps the SHA-256 and
    the size of all of it: an output's cache stamp, taken while it is written."""

    def __init__(self, out: BinaryIO):
        super().__init__()
        self.out, self.sha256, self.size = out, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.sha256.update(data)
        self.out.write(data)
        self.size += len(data)
        return len(data)


def utf8_text(out: io.RawIOBase) -> io.TextIOWrapper:
    """A text stream that writes to `out` as UTF-8 in 64 KiB pieces, newlines untranslated
    (the bytes `str.encode("utf-8")` gives)."""
    return io.TextIOWrapper(io.BufferedWriter(out, 1 << 16), encoding="utf-8", newline="",
                            write_through=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
