"""Write cjmdsl/language/_parser_tables.py, the LALR tables of grammar/cjm.lark that the package ships.

Run it after editing the grammar (tests/test_parser_tables.py fails until you do). Shipping the
tables means no run of cjm builds the parser or loads one from a cache folder: Lark's own
`cache=True` keeps a pickle in the shared temp folder, which another user could plant.

Lark numbers the states differently from run to run, so a new file differs from the old one
throughout even where the grammar did not change; the test compares the grammar's hash and how
the tables parse, not bytes.

Usage: python tools/gen_parser_tables.py
"""
from __future__ import annotations

from pathlib import Path

from cjmdsl.language.parser import parser_tables_source

TABLES = Path(__file__).resolve().parent.parent / "cjmdsl" / "language" / "_parser_tables.py"

if __name__ == "__main__":
    TABLES.write_text(parser_tables_source(), encoding="utf-8")
    print(f"wrote {TABLES}")
