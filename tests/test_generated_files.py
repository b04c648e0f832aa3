"""The highlighters' keyword lists and the JSON schema's touchpoint items are written by
tools/gen_editor_grammars.py from the grammar and the lane table, the compiled templates by
tools/gen_templates.py from the templates; a stale file fails here."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

from conftest import ROOT

TOOL = ROOT / "tools" / "gen_editor_grammars.py"


def generator():
    spec = importlib.util.spec_from_file_location("gen_editor_grammars", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_generated_files_are_current():
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_keyword_added_to_the_grammar_reaches_both_highlighters():
    tool = generator()
    grammar = tool.GRAMMAR.read_text(encoding="utf-8").replace(
        '| "thought" STRING item_option*       -> thought',
        '| "thought" STRING item_option*       -> thought\n'
        '                | "backstage" STRING                  -> backstage')
    words = tool.keywords(grammar)
    assert "backstage" in words.fields
    lexer = tool.lexer_source(tool.LEXER.read_text(encoding="utf-8"), words)
    assert re.search(r'"thought",\s+"backstage",', lexer)  # wherever the tuple wraps
    textmate = tool.textmate_source(tool.TEXTMATE.read_text(encoding="utf-8"), words)
    assert "|backstage|" in textmate


def test_keywords_are_told_apart_as_the_highlighters_colour_them():
    words = generator().keywords((ROOT / "grammar" / "cjm.lark").read_text(encoding="utf-8"))
    # `channel` declares a channel of the map's own (`channel quora "Quora" like community`)
    assert set(words.declarations) == {"map", "scale", "persona", "stage", "touchpoint", "flow",
                                       "kpi", "channel", "source", "metric", "actor"}
    assert set(words.constants) == {"exit", "retention", "churn", "growth", "higher", "lower"}
    assert {"emotion", "action_item", "description", "target", "note", "motivation",
            "addresses", "for", "updated", "tags"} <= set(words.fields)


def test_shipped_compiled_templates_are_those_of_the_templates_as_they_are(tmp_path):
    """Fails after an edit of a template (or of cjmdsl/backends/_templates.py, or a new
    jinja2) until `python tools/gen_templates.py` runs; renders meanwhile compile the
    templates from source."""
    from cjmdsl.backends._templates import COMPILED, compile_templates

    compile_templates(tmp_path)
    fresh = {path.name: path.read_bytes() for path in tmp_path.glob("*.py")}
    shipped = {path.name: path.read_bytes() for path in COMPILED.glob("*.py")}
    assert shipped == fresh, \
        "cjmdsl/backends/_compiled_templates is stale: run python tools/gen_templates.py"


def test_renders_use_the_shipped_compiled_templates():
    from jinja2 import ModuleLoader

    from cjmdsl.backends._templates import environment

    assert isinstance(environment().loader, ModuleLoader)


def test_shipped_resolved_themes_and_parsed_catalogues_are_those_of_their_toml_files():
    """Fails after an edit of a built-in theme or a catalogue until `python
    tools/gen_shipped_data.py` runs; renders meanwhile read the edited TOML files."""
    spec = importlib.util.spec_from_file_location("gen_shipped_data",
                                                  ROOT / "tools" / "gen_shipped_data.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    written = tool.written()
    stale = [str(path.relative_to(ROOT)) for path, text in written.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    stale += [str(path.relative_to(ROOT)) for path in tool.PARSED.glob("*.py")
              if path not in written]
    assert stale == [], f"stale: {stale}; run python tools/gen_shipped_data.py"


def test_a_built_in_theme_is_read_from_its_file_once_the_file_is_edited(tmp_path, monkeypatch):
    import cjmdsl.themes as themes

    shipped = themes.data_dir("themes")
    folder = tmp_path / "themes"
    folder.mkdir()
    for path in shipped.glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())
    assert themes._kept_builtin("dark") is not None  # the copies are as shipped
    default = (folder / "default.toml").read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^pain = .*$", 'pain = "#123456"', default, count=1)
    assert edited != default
    (folder / "default.toml").write_text(edited, encoding="utf-8")
    monkeypatch.setattr(themes, "data_dir", lambda kind: folder)
    themes._builtin.cache_clear()
    try:
        assert themes._kept_builtin("dark") is None  # dark extends default
        assert str(themes.load_theme("default").colors.pain) == "#123456"
        assert themes.load_theme("dark").files[-1] == (folder / "default.toml").resolve()
    finally:
        themes._builtin.cache_clear()


def test_a_catalogue_is_read_from_its_file_once_the_file_is_edited(tmp_path, monkeypatch):
    from cjmdsl.words import locales

    folder = tmp_path / "locales"
    folder.mkdir()
    for path in locales._CATALOGUES.glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())
    english = (folder / "en.toml").read_text(encoding="utf-8")
    edited = re.sub(r'(?m)^lane_pains = ".*"$', 'lane_pains = "Sore spots"', english)
    assert edited != english
    (folder / "en.toml").write_text(edited, encoding="utf-8")
    monkeypatch.setattr(locales, "_CATALOGUES", folder)
    locales.catalogue.cache_clear()
    try:
        assert locales.say("lane_pains") == "Sore spots"
        kept = importlib.import_module("cjmdsl.words.locales._parsed.de").MESSAGES
        assert locales.catalogue("de") is kept  # unchanged: as shipped
    finally:
        locales.catalogue.cache_clear()
