"""Long words break where a reader expects: after a hyphen, at a soft hyphen, then at a
syllable of the map's language (with a visible `-`), and the same way in every backend."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cjmdsl.layout.textmetrics import text_width, wrap

SIZE = 14


def _width_of(text: str) -> float:
    return text_width(text, SIZE)


def test_a_compound_breaks_after_its_hyphen_not_inside_a_word():
    lines = wrap("Vergleichsportal-Bewertungen", _width_of("Vergleichsportal-Bewer"), SIZE,
                 lang="de")
    assert lines == ["Vergleichsportal-", "Bewertungen"]


def test_a_soft_hyphen_breaks_with_a_visible_hyphen_and_is_dropped_elsewhere():
    text = "Kunden\u00adzufriedenheits\u00adumfrage"
    assert wrap(text, _width_of("Kundenzufriedenheits-"), SIZE, lang="de") == [
        "Kundenzufriedenheits-", "umfrage"]
    assert wrap(text, 1000, SIZE, lang="de") == ["Kundenzufriedenheitsumfrage"]


# A word too long for its line in each shipped language, the width it gets, and its lines:
# each break is a syllable break of that language's rules (pyphen's dictionaries).
HYPHENATED = [
    ("de", "Kundenzufriedenheitsumfrage", "Kundenzufrieden", ["Kundenzufrie-", "denheitsumfrage"]),
    ("en", "notwithstanding", "notwithst", ["notwith-", "standing"]),
    ("fr", "remboursement", "rembourse", ["rembour-", "sement"]),
    ("es", "desafortunadamente", "desafortuna", ["desafortu-", "nadamente"]),
]


@pytest.mark.parametrize("lang, word, room, lines", HYPHENATED, ids=[h[0] for h in HYPHENATED])
def test_a_word_wider_than_its_line_is_hyphenated_by_its_language(lang, word, room, lines):
    assert wrap(word, _width_of(room), SIZE, lang=lang) == lines


def test_japanese_breaks_between_characters_without_a_hyphen():
    lines = wrap("顧客満足度調査のお知らせ", _width_of("顧客満足") + 1, SIZE, lang="ja")
    assert lines == ["顧客満足", "度調査の", "お知らせ"]


def test_a_word_that_fits_on_a_line_of_its_own_is_not_hyphenated():
    assert wrap("Die Kundenzufriedenheitsumfrage", _width_of("Kundenzufriedenheitsumfrage"),
                SIZE, lang="de") == ["Die", "Kundenzufriedenheitsumfrage"]


def test_hyphenated_lines_fit_their_width():
    for lang, word, room, _ in HYPHENATED:
        for width in range(30, 200, 7):
            assert all(_width_of(line) <= width for line in wrap(word, width, SIZE, lang=lang))


def test_the_hyphenation_library_is_imported_only_for_a_word_too_long_for_its_line():
    probe = ("import sys; from cjmdsl.layout.textmetrics import wrap; wrap('short words', 500, 14);"
             "print('pyphen' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
