"""Ids for imported names: what `cjm new` would have a person type, unique in the map."""
from __future__ import annotations

import re
import unicodedata

_NOT_ID = re.compile(r"[^a-z0-9]+")


class Ids:
    """Hands out ids made from names (`Make tea` -> `make_tea`), each once per map: a second
    `Make tea` is `make_tea_2`. Stages, touchpoints and personas share one namespace."""

    def __init__(self):
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """`wanted` itself when it is free (an id the input gave), else `for_name` of it."""
        if wanted not in self.taken and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]*", wanted):
            self.taken.add(wanted)
            return wanted
        return self.for_name(wanted)

    def for_name(self, name: str, fallback: str = "item") -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        base = _NOT_ID.sub("_", ascii_name.lower()).strip("_")[:40].rstrip("_") or fallback
        if base[0].isdigit():
            base = f"{fallback}_{base}"
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}_{number}", number + 1
        self.taken.add(candidate)
        return candidate
