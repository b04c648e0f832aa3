"""W121: characters the map's font lacks are measured by a guess and drawn from the reader's
fonts (issue 14 part 4); `cjm check` says so once per map, naming them."""
from __future__ import annotations

from cjmdsl.api import check


def warnings_of(text: str) -> list[str]:
    return [f"{d.span.line}: {d.message}" for d in check(text).diagnostics if d.code == "W121"]


def shop(name: str, action: str = "Pays") -> str:
    return (f'map "Shop" {{\n  stage buy "Buy" {{\n    touchpoint t "{name}" {{\n'
            f'      channel web\n      action "{action}"\n    }}\n  }}\n}}\n')


def test_an_emoji_or_cjk_the_font_lacks_is_one_warning_naming_them():
    assert warnings_of(shop("Checkout 🛒", "Zahlt in 東京")) == [
        "3: the map's font (Liberation Sans) has no `🛒`, `東`, `京`"]


def test_text_the_font_draws_gives_no_warning():
    assert warnings_of(shop("Café naïve Ünïcödé — “quoted” €5", "Привет Γειά שלום")) == []


def test_many_missing_characters_are_counted_after_the_first_few():
    [message] = warnings_of(shop("नमस्ते दुनिया", "東京大阪名古屋"))
    assert message.endswith(" more")


def test_an_escaped_character_the_font_lacks_is_warned_about_as_well():
    assert warnings_of(shop("Happy \\u{1F600}")) == [
        "3: the map's font (Liberation Sans) has no `\U0001F600`"]
