"""`lang "de"` reaches every output the tool writes its own words into: the HTML page (its
controls, headings, tables, details and the script's toggle), the Markdown, the flow view and
`cjm show`. English stays as it was: the English goldens (test_golden, test_html) prove it.

`tests/golden/lang/de.md` and `de.html` are the German map's reviewed outputs, beside its SVG.
"""
from __future__ import annotations

import re
import subprocess

import click
import pytest
from big_maps import generated
from test_golden import GERMAN, check_golden, rendered

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.cli.commands.show import describe
from cjmdsl.language.format import quote
from cjmdsl.words.locales import say, shipped, speaking

# The German map of the goldens, with what it lacks for the words under test: a flow with an
# exit, a fail point, a wait and a time, a pain's owner, a prioritised opportunity, a declared
# source.
MAP = GERMAN.read_text(encoding="utf-8").replace(
    '      channel web\n', '      channel web wait "2 d" time "10 min"\n', 1).replace(
    '      pain "Die Videoidentifikation bricht ab"',
    '      action "Filmt den Ausweis" fail "Das Video bricht ab"\n'
    '      pain "Die Videoidentifikation bricht ab"', 1).replace(
    '"12 Gespräche"', '"12 Gespräche" owner "Digitalteam"', 1).replace(
    'owner "Filialteam"', 'source studie owner "Filialteam" impact high effort low', 1).replace(
    '  kpi bindung',
    '  source studie interview "Onboarding-Studie" { n 12 }\n'
    '  flow lena: portal -> ausweis -> exit "bricht ab"\n  kpi bindung', 1)


def without_markup(page: str) -> str:
    """The page's text and attributes without its style and its map drawings."""
    for tag in ("style", "svg"):
        page = re.sub(rf"<{tag}\b.*?</{tag}>", "", page, flags=re.S)
    return page


@pytest.mark.parametrize("code", shipped())
def test_every_catalogue_says_how_a_rows_name_reads_in_a_sentence(code):
    """A setting, not words: a translated value would silently keep every name as written."""
    with speaking(code):
        assert say("lane_names_in_sentences") in ("lower case", "as written")


def test_the_german_map_has_what_the_tests_read():
    journey = parse(MAP)
    assert journey.lang == "de" and journey.flows and journey.sources
    assert [tp.wait is not None for tp in journey.touchpoints] == [True, False]


def test_a_german_page_writes_its_controls_headings_tables_and_details_in_german():
    page = without_markup(cjmdsl.render(MAP, "html"))
    for words in ('<a class="cjm-skip" href="#cjm-map">Zur Map springen</a>',
                  '<nav aria-label="Abschnitte">', 'aria-label="Steuerung der Map"',
                  "<legend>Zeilen</legend>", ">An Fenster anpassen</button>",
                  ">Dunkles Design</button>",
                  '"words":{"dark":"Dunkles Design","light":"Helles Design"}',
                  ">Erwartungslücken</h2>", "<caption>Erwartete und tatsächliche Emotion",
                  '<th scope="col">Tatsächlich</th>', "(schlechter als erwartet)",
                  ">Fehlerpunkte</h2>", '<th scope="col">Wie es scheitert</th>',
                  '<th scope="col">Wartezeit davor</th>', ">Prioritäten</h2>",
                  "<th scope=\"col\">Geringer Aufwand</th>", "<th scope=\"row\">Hohe Wirkung</th>",
                  '<span class="cjm-tag">Wirkung hoch</span>',
                  "Chance bei Identitätsüberprüfungsverfahren starten",
                  '<th scope="col">Zitiert von</th>', "<dt>Rolle</dt>",
                  "★ Moment der Wahrheit: Hier entscheidet sich",
                  "<strong>Zeit:</strong> Wartezeit 2 d",
                  "Fehlerpunkt: Das Video bricht ab", "; erwartet +2 (Begeistert); Lücke -1",
                  ">Details zum Touchpoint</h2>", 'aria-label="Details schließen"',
                  "Die Seite funktioniert offline",
                  "(Kontoeröffnungsantragsstellung, Mobile App, Moment der Wahrheit)"):
        assert words in page, words
    for english in ("Skip to the map", "Sections", "Map controls", "Fit to window", "Dark mode",
                    "Light mode", "Expectation gaps", "Actual", "worse than expected",
                    "Fail points", "How it fails", "Wait before", "Priorities", "effort",
                    "impact", "Cited by", "Role", "Moment of truth", "Time:", "expected",
                    "Touchpoint details", "Close details", "works offline", "moment of truth"):
        assert english not in page, english


def test_the_page_escapes_the_values_in_its_words_and_keeps_its_own_apostrophes():
    owner = quote('<b>"Team" & Co\'s</b>')
    page = cjmdsl.render(MAP.replace('owner "Filialteam"', f"owner {owner}", 1), "html")
    assert "Verantwortlich: &lt;b&gt;&#34;Team&#34; &amp; Co&#39;s&lt;/b&gt;" in page
    # English, with the stages at a glance: the template's apostrophe stays as it was.
    english = cjmdsl.render(generated(20), "html")
    assert "Each stage's touchpoints are the marks on its curves" in english


def test_a_german_markdown_writes_its_headings_columns_and_phrases_in_german():
    md = cjmdsl.render(MAP, "md")
    for words in ("**Skala:**", "## Journey\n\n| Phase | Touchpoint | Kanal | Tut | Denkt |",
                  "(erwartet +2)", "- **Kundenziel:** Ein kostenloses Girokonto finden",
                  "## Momente der Wahrheit", "## Fehlerpunkte",
                  "— **Fehler:** Das Video bricht ab", "## Zeit\n\nVerstrichen = ",
                  "| Touchpoint | Phase | Wartezeit davor | Dauer | Verstrichen |",
                  "## Erwartet und tatsächlich",
                  "| Touchpoint | Persona | Erwartet | Tatsächlich | Lücke |", "❌ verfehlt",
                  "| Wirkung ↓ · Aufwand → | Geringer Aufwand |", "**Hohe Wirkung**",
                  "Wirkung hoch, Aufwand gering; Chance bei", "*(verantwortlich: Filialteam)*",
                  "## Quellen", "| Quelle | Art | Stichprobe | Erhoben | Zitiert von |"):
        assert words in md, words
    for english in ("Scale", "Stage", "Channel", "Does", "expected", "Customer goal",
                    "Moments of truth", "fails", "Elapsed", "Expected vs actual", "missed",
                    "effort", "impact", "owner", "Sources", "Cited by"):
        assert english not in md, english


def test_a_german_flow_view_writes_its_legend_and_tooltips_in_german():
    dot = cjmdsl.render(MAP, "dot")
    for words in ("<B>Legende</B>", "Moment der Wahrheit (doppelter Rahmen)", "Fehlerpunkt",
                  "Verlässt die Journey (Abbruch)", "[label=Ausstieg ", "★ Moment der Wahrheit",
                  "\\nKanal: Web\\n", "(erwartet +2)", "\\nSchmerzpunkt: Die Videoidentifikation",
                  "\\nChance: Identifikation", "\\nZeit: Wartezeit 2 d · 10 min",
                  "\\nFehlerpunkt: Das Video bricht ab", "Lena: Identitätsüberprüfungsverfahren "
                  "starten → Ausstieg (bricht ab)", "verantwortlich: Digitalteam"):
        assert words in dot, words
    for english in ("<B>Legend<", "Moment of truth", "Fail point", "Leaves the journey", "Exit",
                    "Channel:", "expected", "Pain:", "Opportunity:", "Time:", "exit", "owner"):
        assert english not in dot, english


def test_a_large_german_flow_view_counts_in_german():
    text = generated(401).replace("Generated journey, 401 touchpoints", "Große Journey") \
        .replace("{", '{\n  lang "de"', 1)
    dot = cjmdsl.render(text, "dot")
    assert ("401 Touchpoints: ein Knoten je Phase (die Flussansicht zeigt jeden Touchpoint "
            "bis 400)") in dot
    assert "5 Touchpoints</FONT>" in dot and "im Schnitt" in dot
    assert not re.search(r"touchpoints|on average|moments? of truth|pain points?\b|steps\)", dot)


def test_cjm_show_writes_its_counts_and_words_in_german():
    shown = click.unstyle(describe(parse(MAP)))
    flat = " ".join(shown.split())
    for words in ("2 Phasen, 2 Touchpoints, 1 Persona, 1 Schmerzpunkt, 1 Chance, "
                  "1 Moment der Wahrheit, 1 Fehlerpunkt", "Ziel: Ein kostenloses Girokonto",
                  "(erwartet +2, Lücke -1)",
                  "Fehler: Das Video bricht ab (Aktionen: Filmt den Ausweis)",
                  "Emotionskurven", "Kundenbindung: 77,1 %", "Ziel ≥ 80 %", "✗ verfehlt"):
        assert words in flat, words
    for english in ("stages", "touchpoints", "goal:", "expected", "gap", "fails", "Emotion curves",
                    "target", "missed"):
        assert english not in flat, english


def test_cjm_show_takes_lang_on_the_command_line(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(MAP, encoding="utf-8")
    shown = subprocess.run(["cjm", "show", str(path), "--lang", "fr"], capture_output=True,
                           text=True, check=True).stdout
    assert "2 étapes, 2 points de contact, 1 persona" in shown
    assert "Courbes d’émotion" in shown
    run = subprocess.run(["cjm", "show", str(path), "--lang", "dee"], capture_output=True,
                         text=True)
    assert run.returncode == 2 and "unknown language `dee` for --lang" in run.stderr


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_german_map_matches_golden(suffix, regen_golden):
    """The German map's Markdown and page: every word the tool writes is German."""
    check_golden(GERMAN.with_suffix(suffix), rendered(GERMAN, suffix[1:]), regen_golden)


@pytest.mark.browser
def test_a_german_pages_dark_mode_button_names_what_it_switches_to_in_german(page, tmp_path):
    target = tmp_path / "de.html"
    target.write_text(cjmdsl.render(MAP, "html"), encoding="utf-8")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(target.as_uri())
    toggle = page.locator("#cjm-scheme")
    assert toggle.inner_text().endswith("Dunkles Design")
    toggle.click()
    assert toggle.inner_text().endswith("Helles Design")
    assert page.get_by_role("button", name="Helles Design").count() == 1
    assert errors == []


def test_the_default_scale_is_labelled_in_the_maps_language_and_a_written_scale_keeps_its_words():
    default = 'map "K" { lang "de" persona a "A" stage s "S" { touchpoint t "T" { emotion a 1 } } }'
    svg = cjmdsl.render(default)
    assert "Zufrieden (+1)" in svg and "Happy" not in svg
    assert "Zufrieden" in cjmdsl.render(default, format="md")
    written = default.replace('persona a', 'scale -2 .. 2 { 1 "Happy" } persona a')
    assert "Happy (+1)" in cjmdsl.render(written)
    english = default.replace('lang "de" ', "")
    assert "Happy (+1)" in cjmdsl.render(english) and "Zufrieden" not in cjmdsl.render(english)
