"""A mistake in a theme file gets a diagnostic like a mistake in a map: file, line, column,
the key, and a hint. One case per mistake, as a table; every theme code has a case."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cjmdsl.language.diagnostics import CODES, format_all
from cjmdsl.themes import THEME_CODES, ThemeError, load_theme


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, bytes | str]  # the theme loaded is the first
    code: str
    file: str  # the file the diagnostic is in
    line: int
    column: int
    message: str
    hint: str | None = None


CASES = [
    Case("not-utf8", {"t.toml": b'[colors]\ntext = "#000000"\n# caf\xe9\n'}, "E006", "t.toml", 3, 6,
         "invalid UTF-8 byte 0xe9 at byte offset 31", "save the file as UTF-8"),
    Case("not-toml", {"t.toml": '[colors]\ntext = \n'}, "E050", "t.toml", 2, 8,
         "invalid TOML: invalid value"),
    Case("unclosed-string", {"t.toml": 'name = "brand\n'}, "E050", "t.toml", 1, 14,
         "invalid TOML: illegal character '\\n'"),
    Case("unknown-key", {"t.toml": '[colors]\nbackgound = "#ffffff"\n'}, "E051", "t.toml", 2, 1,
         "unknown key `backgound` in [colors]", "did you mean `background`?"),
    Case("unknown-top-key", {"t.toml": 'extend = "dark"\n'}, "E051", "t.toml", 1, 1,
         "unknown key `extend`", "did you mean `extends`?"),
    Case("unknown-section", {"t.toml": '[colours]\ntext = "#000000"\n'}, "E051", "t.toml", 1, 2,
         "unknown section [colours]", "did you mean `colors`?"),
    Case("unknown-key-no-match", {"t.toml": '[spacing]\nzoom = 2\n'}, "E051", "t.toml", 2, 1,
         "unknown key `zoom` in [spacing]",
         "keys: margin, column_width, column_gap, label_width, padding, lane_gap, "
         "emotion_height, radius"),
    Case("bad-colour", {"t.toml": '[colors]\ntext = "#12345"\n'}, "E018", "t.toml", 2, 8,
         "invalid colour `#12345` for `colors.text`", 'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    Case("colour-name", {"t.toml": '[emotion]\nnegative = "red"  # a comment\n'}, "E018", "t.toml",
         2, 12, "invalid colour `red` for `emotion.negative`",
         'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    Case("bad-colour-in-list", {"t.toml": '[personas]\npalette = [\n  "#2563eb",\n  "navy",\n]\n'},
         "E018", "t.toml", 4, 3, "invalid colour `navy` for `personas.palette`",
         'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    Case("dotted-key", {"t.toml": 'colors.text = "#zzz"\n'}, "E018", "t.toml", 1, 15,
         "invalid colour `#zzz` for `colors.text`", 'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    Case("number-for-colour", {"t.toml": '[colors]\nmuted = 12\n'}, "E052", "t.toml", 2, 9,
         '`colors.muted` must be a colour such as "#1f2933", not a number'),
    Case("text-for-number", {"t.toml": '[font]\nsize = "12px"\n'}, "E052", "t.toml", 2, 8,
         "`font.size` must be a number, not text"),
    Case("bool-for-number", {"t.toml": '[spacing]\nradius = true\n'}, "E052", "t.toml", 2, 10,
         "`spacing.radius` must be a number, not true or false"),
    Case("stray-quote-in-font", {"t.toml": '[font]\nfamily = "Liberation Sans\'"\n'}, "E055",
         "t.toml", 2, 10, "invalid font family `Liberation Sans'` for `font.family`",
         "list font names separated by commas, each of letters, digits, spaces and hyphens or "
         "in matching quotes, such as \"'Font & Co', Arial, sans-serif\""),
    Case("style-end-in-font", {"t.toml": '[font]\nfamily = "\'</style>\', serif"\n'}, "E055",
         "t.toml", 2, 10, "invalid font family `'</style>', serif` for `font.family`",
         "list font names separated by commas, each of letters, digits, spaces and hyphens or "
         "in matching quotes, such as \"'Font & Co', Arial, sans-serif\""),
    Case("text-for-flag", {"t.toml": '[emotion]\nvalue_labels = "yes"\n'}, "E052", "t.toml", 2, 16,
         "`emotion.value_labels` must be true or false, not text"),
    Case("colour-for-list", {"t.toml": '[stages]\npalette = "#dbeafe"\n'}, "E052", "t.toml", 2, 11,
         "`stages.palette` must be a list of colours, not text"),
    Case("value-for-section", {"t.toml": 'font = "Arial"\n'}, "E052", "t.toml", 1, 1,
         "`font` must be a section ([font]), not text"),
    Case("number-for-name", {"t.toml": 'name = 3\n'}, "E052", "t.toml", 1, 8,
         "`name` must be text in quotes, not a number"),
    Case("too-big", {"t.toml": '[font]\nsize = 200\n'}, "E053", "t.toml", 2, 8,
         "`font.size` must be between 6 and 72, not 200"),
    Case("opacity-above-one", {"t.toml": '[emotion]\nband_opacity = 1.5\n'}, "E053", "t.toml",
         2, 16, "`emotion.band_opacity` must be between 0 and 1, not 1.5"),
    Case("empty-palette", {"t.toml": '[personas]\npalette = []\n'}, "E053", "t.toml", 2, 11,
         "`personas.palette` needs at least one colour"),
    Case("unknown-parent", {"t.toml": 'extends = "drak"\n'}, "E019", "t.toml", 1, 11,
         "unknown theme `drak` for `extends`", "did you mean `dark`?"),
    Case("missing-parent-file", {"t.toml": 'extends = "brand.toml"\n'}, "E019", "t.toml", 1, 11,
         "no theme file at `brand.toml` for `extends`",
         "a path is relative to the folder of the theme file that names it"),
    Case("unknown-dark-partner", {"t.toml": 'dark = "midnight"\n'}, "E019", "t.toml", 1, 8,
         "unknown theme `midnight` for `dark`", "built-in themes: colorblind, colorblind-dark, "
         "corporate, dark, default, high-contrast, high-contrast-dark, print"),
    Case("extends-itself", {"t.toml": 'extends = "t.toml"\n'}, "E054", "t.toml", 1, 11,
         "themes extend each other in a cycle: t.toml → t.toml", "remove one of the `extends`"),
    Case("cycle", {"a.toml": 'extends = "b.toml"\n', "b.toml": '# b\nextends = "c.toml"\n',
                   "c.toml": 'extends = "a.toml"\n'}, "E054", "c.toml", 1, 11,
         "themes extend each other in a cycle: a.toml → b.toml → c.toml → a.toml",
         "remove one of the `extends`"),
    Case("mistake-in-parent", {"child.toml": 'extends = "parent.toml"\n',
                               "parent.toml": '[colors]\n\ntext = "black"\n'}, "E018",
         "parent.toml", 3, 8, "invalid colour `black` for `colors.text`",
         'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    # A byte order mark is no column: the bad byte is the 12th character of line 1.
    Case("not-utf8-after-bom", {"t.toml": b'\xef\xbb\xbfname = "caf\xe9"\n'}, "E006", "t.toml", 1,
         12, "invalid UTF-8 byte 0xe9 at byte offset 14", "save the file as UTF-8"),
    Case("too-large", {"t.toml": "# " + "x" * 1_000_000 + "\n"}, "E056", "t.toml", 1, 1,
         "the file is 1,000,003 bytes, more than the limit of 1,000,000",
         "keep only the settings you change; a theme or config needs a few kilobytes"),
    # t0 extends t1 … extends t17: the 17th theme is one too many, and never a RecursionError.
    Case("extends-too-deep", {f"t{i}.toml": f'extends = "t{i + 1}.toml"\n' for i in range(18)}
         | {"t18.toml": ""}, "E057", "t15.toml", 1, 11,
         "a chain of 17 themes (t0.toml → … → t15.toml → t16.toml) is longer than the limit "
         "of 16", "shorten the chain: extend a built-in or a theme nearer its start"),
]


def load_case(case: Case, folder: Path, monkeypatch) -> ThemeError:
    for name, content in case.files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    monkeypatch.chdir(folder)
    with pytest.raises(ThemeError) as failure:
        load_theme(next(iter(case.files)))
    return failure.value


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_theme_file_mistake_is_reported_at_its_place(case, tmp_path, monkeypatch):
    problem = load_case(case, tmp_path, monkeypatch)
    assert problem.filename == case.file
    assert len(problem.diagnostics) == 1, problem.diagnostics
    found = problem.diagnostics[0]
    assert (found.code, found.span.line, found.span.column, found.message, found.hint) == \
        (case.code, case.line, case.column, case.message, case.hint)


def test_every_mistake_in_a_file_is_reported_at_once(tmp_path, monkeypatch):
    (tmp_path / "t.toml").write_text('extends = "drak"\n[colors]\ntxt = "#000"\nmuted = "grey"\n'
                                     '[font]\nsize = 0\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ThemeError) as failure:
        load_theme("t.toml")
    assert [(d.code, d.span.line) for d in failure.value.diagnostics] == \
        [("E019", 1), ("E051", 3), ("E018", 4), ("E053", 6)]


def test_each_repeated_bad_colour_of_a_long_palette_is_placed_where_it_is(tmp_path,
                                                                         monkeypatch):
    good = ", ".join(['"#abcdef"'] * 50_000)
    (tmp_path / "t.toml").write_text(f'[stages]\npalette = ["red", {good},\n "red", 5]\n',
                                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ThemeError) as failure:
        load_theme("t.toml")
    assert [(d.code, d.span.line, d.span.column) for d in failure.value.diagnostics] == \
        [("E052", 2, 11), ("E018", 2, 12), ("E018", 3, 2)]


def test_a_theme_of_many_mistakes_shows_the_first_fifty_and_counts_the_rest(tmp_path,
                                                                           monkeypatch):
    (tmp_path / "t.toml").write_text("".join(f"key{i} = 1\n" for i in range(20_000)),
                                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ThemeError) as failure:
        load_theme("t.toml")
    assert len(failure.value.diagnostics) == 50
    printed = str(failure.value)
    assert printed.count("error[E051]") == 50
    assert printed.endswith("\nt.toml: and 19,950 more errors (the first 50 are shown)")


def test_a_theme_of_many_unknown_keys_spells_out_only_those_shown(tmp_path, monkeypatch):
    """A generated file of 90,000 unknown keys took 8.6 s: a did-you-mean for every key,
    although 50 are shown."""
    import cjmdsl.themes.schema

    asked = []
    spell = cjmdsl.themes.schema.did_you_mean
    monkeypatch.setattr(cjmdsl.themes.schema, "did_you_mean",
                        lambda word, known: asked.append(word) or spell(word, known))
    keys = "".join(f"bakground{i} = 1\n" for i in range(5_000))
    (tmp_path / "t.toml").write_text(f"[colors]\n{keys}[stages]\npalete = 1\n",
                                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ThemeError) as failure:
        load_theme("t.toml")
    assert [d.span.line for d in failure.value.diagnostics] == list(range(2, 52))
    assert str(failure.value).endswith("\nt.toml: and 4,951 more errors (the first 50 are "
                                       "shown)")
    assert len(asked) == 50


def test_a_theme_diagnostic_prints_like_a_map_diagnostic(tmp_path, monkeypatch):
    problem = load_case(CASES[3], tmp_path, monkeypatch)
    assert format_all(problem.diagnostics, problem.source, problem.filename) == (
        "t.toml:2:1: error[E051]: unknown key `backgound` in [colors]\n"
        ' 2 | backgound = "#ffffff"\n'
        "   | ^^^^^^^^^ did you mean `background`?")


def test_every_theme_code_has_a_case():
    assert sorted({case.code for case in CASES}) == sorted(THEME_CODES)


def test_theme_codes_mean_the_same_as_map_codes_or_are_their_own():
    for code, meaning in THEME_CODES.items():
        assert CODES.get(code, meaning) == meaning, f"{code} means something else in maps"


def test_readme_documents_every_theme_code():
    from test_themes import readme_themes_section

    section = readme_themes_section()
    for code in THEME_CODES:
        assert f"| {code} |" in section
