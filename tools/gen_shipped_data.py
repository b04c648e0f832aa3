"""Write the shipped TOML files as Python, read as they are read at run time:
cjmdsl/themes/_resolved.py (each built-in theme resolved from themes/*.toml) and
cjmdsl/words/locales/_parsed.py (each message catalogue). A render then reads neither TOML
file nor imports tomllib: 5 ms of every cold start.

Run it after editing a built-in theme or a catalogue (tests/test_generated_files.py fails
until you do; meanwhile the edited files are read from their TOML, which only costs time:
each entry carries the hash of the files it was read from).

Usage: python tools/gen_shipped_data.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cjmdsl import themes  # noqa: E402
from cjmdsl.words import locales  # noqa: E402

PACKAGE = Path(__file__).resolve().parent.parent / "cjmdsl"
WRITTEN = {PACKAGE / "themes" / "_resolved.py": themes.resolved_source,
           PACKAGE / "words" / "locales" / "_parsed.py": locales.parsed_source}

if __name__ == "__main__":
    for path, source in WRITTEN.items():
        path.write_text(source(), encoding="utf-8")
        print(f"wrote {path}")
