"""Importers: journeys kept elsewhere (Mermaid, spreadsheets) read into the model.

Each importer reads its format with a real reader (a Lark grammar for Mermaid, the csv
module, openpyxl), maps what can be mapped and reports the rest as diagnostics that point
into the file read, never raising on what it cannot map. `cjm_source` then writes each
journey as canonical `.cjm` text that compiles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from cjmdsl.language.diagnostics import Diagnosed, Diagnostic
from cjmdsl.model import Journey

# Codes of what an importer reports (pages in cjmdsl/language/codes/).
IMPORT_CODES: dict[str, str] = {
    "E080": "no journey to import",
    "E081": "syntax error in a Mermaid journey",
    "E082": "missing column in a spreadsheet",
    "W170": "score above Mermaid's 1..5: the map uses 1..10",
    "W171": "score that cannot be mapped",
    "W172": "task without a score",
    "W173": "task without actors",
    "W174": "name that Mermaid itself would cut short",
    "W175": "part of the input that is ignored",
    "W176": "unknown column in a spreadsheet",
    "W177": "cell that cannot be read",
}


@dataclass
class Imported(Diagnosed):
    """What an importer found: the journeys (in file order) and every diagnostic.
    No journey when there are errors."""

    journeys: list[Journey] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
