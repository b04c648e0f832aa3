"""`lang` and `--lang`: the tool's own words and figures in the map's language; every shipped
catalogue has every message."""
from __future__ import annotations

import re
import subprocess
import tomllib
from importlib.resources import files

import pytest

import cjmdsl
from cjmdsl.words.locales import shipped

ENGLISH = tomllib.loads(files("cjmdsl.words.locales").joinpath("en.toml").read_text(encoding="utf-8"))
PLACEHOLDER = re.compile(r"\{(\w+)\}")

MAP = '''map "Kfz-Versicherung" {
  lang "de"
  persona anna "Anna"
  stage suche "Orientierung" {
    goal "Einen Tarif finden"
    touchpoint portal "Vergleichsportal" { channel phone emotion anna 1 }
  }
  kpi bindung "Kundenbindung" start 2400 end 1850 target 75%
}
'''


def _placeholders(message) -> set[str]:
    texts = message.values() if isinstance(message, dict) else [message]
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


def test_the_shipped_languages_are_english_german_french_spanish_and_japanese():
    assert shipped() == ("de", "en", "es", "fr", "ja")


@pytest.mark.parametrize("code", shipped())
def test_every_catalogue_has_every_message_with_its_placeholders(code):
    catalogue = tomllib.loads(files("cjmdsl.words.locales").joinpath(f"{code}.toml")
                              .read_text(encoding="utf-8"))
    assert set(catalogue) == set(ENGLISH)
    for key, message in ENGLISH.items():
        assert type(catalogue[key]) is type(message), key
        assert _placeholders(catalogue[key]) == _placeholders(message), key
        if isinstance(message, dict):
            assert "other" in catalogue[key], key


def test_a_german_map_writes_the_tools_words_and_figures_in_german():
    svg = cjmdsl.render(MAP, "svg")
    for words in ("Bindung: 1.850 von 2.400 gehalten", "Ziel ≥\u00a075\u00a0% · erreicht", "KUNDENZIEL",
                  "Telefon", "Emotionen", "77,1\u00a0%", 'lang="de"',
                  "Customer-Journey-Map mit 1 Phase (Orientierung) und 1 Touchpoint."):
        assert words in svg, words
    assert "Customer goal" not in svg.replace("Customer-Journey", "")


def test_lang_on_the_command_line_overrides_the_maps(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(MAP, encoding="utf-8")
    out = subprocess.run(["cjm", "render", str(path), "--lang", "fr", "-o", "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "Rétention\u00a0: 1\u202f850 sur 2\u202f400 conservés" in out


def test_an_unknown_language_on_the_command_line_is_a_usage_error(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(MAP, encoding="utf-8")
    run = subprocess.run(["cjm", "render", str(path), "--lang", "dee", "-o", "-"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.strip() == ("cjm: error: unknown language `dee` for --lang; did you mean "
                                  "`de`? the languages are de, en, es, fr, ja")


def test_an_unknown_language_in_a_map_names_the_nearest_and_the_list():
    result = cjmdsl.check(MAP.replace('lang "de"', 'lang "deu"'))
    (error,) = [d for d in result.diagnostics if d.code == "E023"]
    assert error.message == "unknown language `deu`"
    assert error.hint == "did you mean `de`? the languages are de, en, es, fr, ja"


def test_a_german_map_hyphenates_by_the_german_dictionary():
    # Among four touchpoints the column is the theme's width, too narrow for the word.
    others = "".join(f' touchpoint t{n} "T" {{ channel web }}' for n in range(3))
    text = MAP.replace('"Vergleichsportal" {', '"Kundenzufriedenheitsumfragenauswertung" {') \
        .replace("emotion anna 1 }", "emotion anna 1 }" + others, 1)
    svg = cjmdsl.render(text, "svg", width=0)
    assert ">Kundenzufriedenheits-</tspan>" in svg  # a German syllable break, with its hyphen
