"""Write cjmdsl/backends/_compiled_templates/, the templates of cjmdsl/backends/templates
compiled to Python by jinja2, which the package ships so that no render compiles them.

Run it after editing a template or cjmdsl/backends/_templates.py, or after upgrading jinja2
(tests/test_generated_files.py fails until you do; meanwhile renders compile the templates
from their source, which only costs time). jinja2 writes the same code for the same
templates on every run, so the test compares the files byte for byte.

Usage: python tools/gen_templates.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cjmdsl.backends._templates import COMPILED, compile_templates  # noqa: E402

if __name__ == "__main__":
    shutil.rmtree(COMPILED, ignore_errors=True)
    COMPILED.mkdir()
    compile_templates(COMPILED)
    print(f"wrote {COMPILED}")
