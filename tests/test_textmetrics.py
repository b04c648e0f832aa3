"""Text measurement and wrapping: widths match the font, wrapped lines never overflow.

The browser test is the ground truth: our width for a string must not fall short of what
Chromium draws with Liberation Sans, or SVG text would spill out of its box.
"""
from __future__ import annotations

from html import escape
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cjmdsl.layout.textmetrics import ELLIPSIS, ascent, line_height, text_width, wrap
from cjmdsl.layout.textmetrics import _BREAKABLE_SPACE, _clusters, _shaped_units

FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"

# Liberation Sans advances in units of a 2048-unit em.
# Regular: H 1479, e 1139, l 455, o 1139. Bold: H 1479, e 1139, l 569, o 1251.
HELLO_REGULAR_UNITS = 1479 + 1139 + 455 + 455 + 1139
HELLO_BOLD_UNITS = 1479 + 1139 + 569 + 569 + 1251


def test_hello_width_matches_the_font_advances():
    assert text_width("Hello", 16) == HELLO_REGULAR_UNITS * 16 / 2048
    assert text_width("Hello", 16, bold=True) == HELLO_BOLD_UNITS * 16 / 2048


def test_width_scales_linearly_with_size():
    assert text_width("Journey", 24) == pytest.approx(2 * text_width("Journey", 12))


def test_tab_counts_as_four_spaces():
    assert text_width("\t", 16) == 4 * text_width(" ", 16)


def test_characters_missing_from_the_font_get_a_safe_width():
    assert text_width("東", 20) == 20  # wide CJK: one em
    assert text_width("😀", 20) == pytest.approx(25, abs=20 / 2048)  # emoji: as wide as colour emoji
    # joiners, variation selectors, controls: nothing
    assert text_width("e\u200d\ufe0f\u0007", 20) == text_width("e", 20)
    # a script the font lacks (Thai here): 0.8 em, wider than any lowercase Latin letter but m
    assert text_width("ก", 20) == pytest.approx(16, abs=20 / 2048)


def test_kerning_that_pushes_letters_apart_is_added():
    # Liberation Sans kerns Cyrillic "ко" 23 units apart; browsers apply it.
    assert text_width("ко", 16) == text_width("к", 16) + text_width("о", 16) + 23 * 16 / 2048


def test_kerning_that_pulls_letters_together_is_ignored():
    assert text_width("AV", 16) == text_width("A", 16) + text_width("V", 16)


def test_letter_and_combining_mark_measure_as_the_composed_letter():
    assert text_width("i\u0308", 16) == text_width("ï", 16) > text_width("i", 16)


def test_letter_with_a_mark_one_release_lacks_is_measured_in_the_fallback_font():
    # Liberation 1.07 has no U+0335, so the browser draws "Z" and its mark in DejaVu Sans,
    # whose Z is 1403 units (bold 1485) against Liberation's 1251 (bold 1251).
    assert text_width("Z\u0335", 2048) == 1403
    assert text_width("Z\u0335\u0321\u0327", 2048, bold=True) == 1485


def test_mark_no_known_font_has_is_a_missing_glyph_box():
    # U+1AB5 is in neither Liberation release nor DejaVu Sans: Chromium draws a box for it.
    assert text_width("a\u1ab5", 2048) > text_width("a", 2048) + 700


def test_letters_only_the_newer_release_has_are_measured_at_the_wider_font():
    # Vietnamese "ệ" (U+1EC7) is in Liberation 2.1 but not 1.07, which falls back to DejaVu.
    assert text_width("\u1ec7", 2048) == max(1139, 1260)


def test_vertical_metrics():
    assert ascent(2048) == 1854
    assert line_height(16) == 20


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\u00a0"])
def test_empty_text_gives_no_lines(text):
    assert wrap(text, 100, 14) == []


def test_wrap_fills_lines_greedily():
    assert wrap("The quick brown fox jumps over the lazy dog", 80, 14) == [
        "The quick", "brown fox", "jumps over", "the lazy dog"]


def test_wrap_collapses_spaces_and_honours_line_breaks():
    assert wrap("  one   two\n\nthree\r\nfour  ", 500, 14) == ["one two", "", "three", "four"]


def test_no_break_space_keeps_words_together():
    assert wrap("a b\u00a0c", text_width("b\u00a0c", 14), 14) == ["a", "b\u00a0c"]


def test_long_word_without_hyphenation_rules_is_broken_between_characters():
    lines = wrap("Supercalifragilisticexpialidocious", 60, 14, lang="ja")
    assert "".join(lines) == "Supercalifragilisticexpialidocious"
    assert len(lines) > 1 and all(text_width(line, 14) <= 60 for line in lines)


def test_tiny_width_still_puts_one_character_per_line():
    assert wrap("abc", 0.5, 14) == ["a", "b", "c"]


def test_break_keeps_marks_and_emoji_sequences_whole():
    assert wrap("e\u0301e\u0301 \U0001f469\u200d\U0001f4bb", 1, 14) == [
        "e\u0301", "e\u0301", "\U0001f469\u200d\U0001f4bb"]


def test_max_lines_truncates_with_an_ellipsis_that_fits():
    lines = wrap("The quick brown fox jumps over the lazy dog", 80, 14, max_lines=2)
    assert lines == ["The quick", "brown fox" + ELLIPSIS]
    assert text_width(lines[-1], 14) <= 80


def test_max_lines_trims_the_last_line_to_make_room_for_the_ellipsis():
    max_width = text_width("abcdefghij", 14)
    [line] = wrap("abcdefghij klm", max_width, 14, max_lines=1)
    kept = line.removesuffix(ELLIPSIS)
    assert "abcdefghij".startswith(kept) and text_width(line, 14) <= max_width
    assert text_width("abcdefghij"[:len(kept) + 1] + ELLIPSIS, 14) > max_width  # kept all it could


def test_text_within_max_lines_is_not_truncated():
    assert wrap("short text", 500, 14, max_lines=1) == ["short text"]


def test_max_lines_below_one_is_rejected():
    with pytest.raises(ValueError):
        wrap("text", 100, 14, max_lines=0)


_PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\n", "\r\n", "  ", "\t", "\u00a0", "Supercalifragilisticexpialidocious",
                     "e\u0301", "\U0001f469\u200d\U0001f4bb", "東京", "Ελληνικά", "Привет",
                     "WWWW"]),
)
texts = st.lists(_PIECES, max_size=20).map(" ".join)
sizes = st.floats(min_value=6, max_value=40)
styles = st.booleans()


@given(texts, styles)
def test_fast_path_measures_like_the_full_shaping_path(text, bold):
    assert text_width(text, 2048, bold) == _shaped_units(text, bold)[0]


@given(texts, st.floats(min_value=0, max_value=400), sizes, styles,
       st.none() | st.integers(min_value=1, max_value=5))
def test_wrapped_lines_never_exceed_the_width(text, max_width, size, bold, max_lines):
    lines = wrap(text, max_width, size, bold, max_lines)
    for line in lines:
        assert text_width(line, size, bold) <= max_width + 1e-6 or len(_clusters(line)) == 1
    if max_lines is not None:
        assert len(lines) <= max_lines


@given(texts, st.floats(min_value=0, max_value=400), sizes, styles)
def test_wrap_keeps_every_character_in_order(text, max_width, size, bold):
    lines = wrap(text, max_width, size, bold)
    # Hyphens and soft hyphens may be where a word was broken: compare without them.
    def letters(text):
        return "".join(text.split()).replace("-", "").replace("\u00ad", "")
    assert letters("".join(lines)) == letters(text)


@given(texts, st.floats(min_value=6, max_value=16), styles)
def test_wrap_keeps_words_whole_when_they_fit(text, size, bold):
    max_width = 600
    assume("-" not in text and "\u2010" not in text and "\u00ad" not in text)
    assume(all(text_width(word, size, bold) <= max_width for word in _BREAKABLE_SPACE.split(text)))
    lines = wrap(text, max_width, size, bold)
    assert [word for line in lines for word in line.split()] == text.split()


BROWSER_SAMPLES = [
    "Hello, world!",
    "The quick brown fox jumps over the lazy dog",
    "AVATAR To Wa Ty Yo",
    "Customer onboarding journey",
    "Checkout: pay & confirm",
    "Café crème brûlée",
    "Ærøskøbing Straße naïve",
    "Čeština, Łódź, Dvořák",
    "Ğüşiöç İstanbul",
    "São Paulo, Açaí, Ñandú",
    "Ελληνικά γράμματα",
    "ΩΜΕΓΑ ΑΒΓΔ αβγδ",
    "Кириллица: Привет, мир",
    "ЖЩЫЮЯ жщыюя",
    "0123456789",
    "1,234.56 € £ ¥ $",
    "“Quotes” — dash – ‘single’",
    "(brackets) [square] {curly}",
    "Step 1 · Step 2 · Step 3",
    "iiiiiiiiiiiiiii",
    "WWWWWWWWWW",
    "mmmm nnnn",
    "email@example.com",
    "100% ± 5‰ x² ½",
    "→ ← ↑ ↓",
    "Ready? Set! Go…",
    "Pain point: long wait",
    "NPS 9/10 «great»",
    "¿Qué tal? ¡Bien!",
    "Ünïcödé ÀÉÎÕÜ",
]
# Pairs the font kerns apart, and letters written with combining marks.
KERNING_SAMPLES = ["кококококококо", "АДАДАД ЖЪЖЪ", "Τΐ Υΐ Γΐ Τϊ", "Users’ r’ f’",
                   "Τι\u0308 i\u0308i\u0308"]
SIZES = [11, 12, 13, 14, 16, 18, 20, 24]


def _cases(samples: list[str]) -> list[tuple[str, int, bool]]:
    return [(text, SIZES[i % len(SIZES)], i % 3 == 1) for i, text in enumerate(samples)]


def _chromium_widths(page, cases, kerning: bool) -> list[float]:
    """What Chromium's getComputedTextLength() says each (text, size, bold) case measures."""
    style = "" if kerning else ' style="font-kerning: none"'
    texts = "".join(
        f'<text x="10" y="{30 * (i + 1)}" font-family="{FONT_FAMILY}" font-size="{size}" '
        f'font-weight="{"bold" if bold else "normal"}"{style}>{escape(text)}</text>'
        for i, (text, size, bold) in enumerate(cases))
    page.set_content(f'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1400">'
                     f'{texts}</svg>')
    page.evaluate("document.fonts.ready.then(() => null)")
    return page.evaluate(
        "[...document.querySelectorAll('text')].map(t => t.getComputedTextLength())")


@pytest.mark.browser
def test_widths_match_chromium_and_never_fall_short(page):
    # Without kerning Chromium sums the same advances, so we should agree closely.
    cases = _cases(BROWSER_SAMPLES)
    errors = []
    for (text, size, bold), chromium in zip(cases, _chromium_widths(page, cases, kerning=False)):
        ours = text_width(text, size, bold)
        errors.append(abs(ours - chromium))
        assert errors[-1] <= max(1.0, 0.02 * chromium), f"{text!r}: {ours:.3f}px vs {chromium:.3f}px"

    # With kerning (the default, how our SVG is drawn) Chromium may be narrower, never wider.
    cases += _cases(KERNING_SAMPLES)
    shortfalls = []
    for (text, size, bold), chromium in zip(cases, _chromium_widths(page, cases, kerning=True)):
        ours = text_width(text, size, bold)
        shortfalls.append(chromium - ours)
        assert shortfalls[-1] <= 1.0, f"{text!r}: {ours:.3f}px but Chromium draws {chromium:.3f}px"

    print(f"max |ours - Chromium| without kerning: {max(errors):.4f}px; "
          f"max shortfall with kerning: {max(shortfalls):.4f}px")


def _fastest(run, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("max_width", [150, 1500])
def test_wrapping_costs_about_one_measurement_of_the_text(max_width):
    """Issue 23: 20,000 characters of zero-width words (the limit of one text) once took
    quadratic time, each word re-measuring its whole line. Wrapping measures each piece once:
    bounded by a small multiple of measuring the text in one go, in the same run."""
    text = "\u200b " * 10_000
    once = _fastest(lambda: text_width(text, 12))
    assert _fastest(lambda: wrap(text, max_width, 12)) < 20 * once
