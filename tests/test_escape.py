"""The one Markdown escaper (`cjmdsl.words.escape.md_text`), used by the Markdown backend and the
language server's hover cards: hostile text shows as exactly its own words."""
from __future__ import annotations

import html

import pytest

from cjmdsl.words.escape import md_text, roff_text, texinfo_text

# Each would be markup if it reached Markdown as it is.
HOSTILE = ["# not a heading", "1. not a list", "2) nor this", "- nor this", "+ nor this",
           "> not a quote", "[a link](http://x)", "![an image](http://x/i.png)",
           "<script>alert(1)</script>", "*em* _em_ **strong**", "`code`", "&copy; &amp;",
           "back\\slash \\*", "{braces} <http://autolink>", "line\nbreak",
           "---", "***", "___", "===", "- - -", "+++", "\tnot code", "    nor code",
           "  two spaces", "line\n---", "title\n===", "1) one\n2. two\n- three"]


@pytest.mark.parametrize("line_break", ["<br>", " "], ids=["table-cell", "hover"])
@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_shows_hostile_text_as_its_own_words(text, line_break):
    markdown = pytest.importorskip("markdown", reason="python-markdown comes with mkdocs")
    page = markdown.markdown(md_text(text, line_break=line_break))
    inner = page.removeprefix("<p>").removesuffix("</p>").replace("<br>", "\n")
    assert page.startswith("<p>") and "<" not in inner, page  # one paragraph, no markup
    assert html.unescape(inner) == text.replace("\n", "\n" if line_break == "<br>" else " ")


def test_md_text_mentions_nobody():
    # GitHub pings `@name` in the rendered text; a word joiner after the `@` is no name
    # character, and an e-mail address (a word before the `@`) is no mention to begin with.
    assert md_text("ask @team or @org/leads, mail a@b.example") == \
        "ask @&#8288;team or @&#8288;org/leads, mail a@b.example"
    assert html.unescape(md_text("@team")) == "@\u2060team"


def test_md_text_keeps_one_line_for_a_hover_card():
    assert md_text("first\r\nsecond", line_break=" ") == "first second"
    assert md_text("first\r\nsecond") == "first<br>second"


def test_md_text_escapes_table_and_strike_syntax():
    # GitHub's table cells and ~~strike~~ (python-markdown knows neither escape).
    assert md_text("a | b ~~c~~") == "a \\| b \\~\\~c\\~\\~"


@pytest.mark.parametrize("text, roff", [
    ("J\n.so /etc/passwd", "J .so /etc/passwd"),
    (".so /etc/passwd", "\\&.so /etc/passwd"),
    ("'br", "\\&'br"),
    ("a\\fBb\r\x1b", "a\\efBb "),
])
def test_roff_text_cannot_start_a_request_or_an_escape(text, roff):
    assert roff_text(text) == roff


def test_texinfo_text_cannot_run_a_command():
    assert texinfo_text("K\n@verbatiminclude /etc/passwd {x}") == \
        "K @@verbatiminclude /etc/passwd @{x@}"
