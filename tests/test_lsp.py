"""`cjm lsp` driven as an editor drives it: a real subprocess, JSON-RPC over stdio.

One server runs for the module; each test opens its own document. The client is
tests/lsp_client.py (framing by hand, nothing from pygls).
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import time

import pytest
from conftest import EXAMPLES
from lsp_client import LspClient, LspError, position

pytest.importorskip("pygls", reason='the language server needs the lsp extra: pip install ".[lsp]"')

MAP = """map "Shop" {
  persona maya "Maya, busy parent" {
    role "Works full time"
    quote "I just want it to work."
  }
  persona tom "Tom, student"
  stage discover "Discover" {
    touchpoint ad "Sees an ad" {
      channel social
      emotion maya 1 "curious"
      emotion tom 0
    }
    goal "Find a shop"
  }
  stage buy "Buy" {
    touchpoint checkout "Checkout" {
      channel web
      emotion maya -2 "confused"
      expect maya 1
      emotion tom 1
      pain "Fee at the last step" source survey
      opportunity "Show the fee in the basket" owner "Web team"
    }
    goal "Pay without surprises"
  }
  kpi nps "Net Promoter Score" value 42 higher target 50
  flow maya: ad -> checkout -> exit "leaves"
}
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    started = LspClient()
    started.initialize(tmp_path_factory.mktemp("workspace"))
    yield started
    assert started.close() == 0


_counter = iter(range(10_000))


def opened(client: LspClient, text: str) -> tuple[str, list[dict]]:
    """Open `text` as a new document; its URI and first diagnostics."""
    uri = f"file:///work/doc{next(_counter)}.cjm"
    client.open(uri, text)
    return uri, client.diagnostics(uri, 1)


def at(uri: str, text: str, needle: str, offset: int = 0, occurrence: int = 0) -> dict:
    return {"textDocument": {"uri": uri}, "position": position(text, needle, offset, occurrence)}


def labels(items) -> list[str]:
    return [item["label"] for item in (items["items"] if isinstance(items, dict) else items)]


def lines_of(locations) -> list[tuple[int, int]]:
    return sorted((loc["range"]["start"]["line"], loc["range"]["start"]["character"])
                  for loc in locations)


# ── lifecycle ──────────────────────────────────────────────────────────────────
def test_initialize_advertises_every_feature(tmp_path):
    fresh = LspClient(("cjm", "lsp", "--stdio"))  # VS Code's language client adds --stdio
    try:
        capabilities = fresh.initialize(tmp_path)["capabilities"]
    finally:
        assert fresh.close() == 0
    for provider in ("completionProvider", "hoverProvider", "definitionProvider",
                     "referencesProvider", "renameProvider", "documentSymbolProvider",
                     "codeActionProvider"):
        assert capabilities.get(provider) not in (None, False), provider
    assert capabilities["renameProvider"] == {"prepareProvider": True}
    formatter = importlib.util.find_spec("cjmdsl.language.format") is not None
    assert bool(capabilities.get("documentFormattingProvider")) == formatter


def test_cjm_lsp_help_names_the_extra():
    run = subprocess.run(["cjm", "lsp", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and 'pip install ".[lsp]" in the cjmdsl checkout' in run.stdout


# ── diagnostics ────────────────────────────────────────────────────────────────
def test_valid_map_has_no_diagnostics(client):
    assert opened(client, MAP)[1] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_diagnostics_are_those_of_cjm_lint_for_each_example(client, example, tmp_path):
    text = example.read_text(encoding="utf-8")
    broken = (text.replace("emotion ", "emotion x", 1).replace("channel ", "channel wbe", 1))
    target = tmp_path / example.name
    target.write_text(broken, encoding="utf-8")
    checked = json.loads(subprocess.run(["cjm", "lint", "--format", "json", str(target)],
                                        capture_output=True, text=True).stdout)["diagnostics"]
    _, published = opened(client, broken)
    assert [(d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1)
            for d in published] == [(d["code"], d["line"], d["column"]) for d in checked]
    assert checked and [d["severity"] for d in published] == [
        1 if d["severity"] == "error" else 2 for d in checked]


LINTED = MAP.replace('      opportunity "Show the fee in the basket" owner "Web team"\n', "")


def opened_in(client: LspClient, folder, text: str) -> list[dict]:
    """The first diagnostics of `text` opened as a file in `folder` (it need not exist)."""
    uri = (folder / f"doc{next(_counter)}.cjm").as_uri()
    client.open(uri, text)
    return client.diagnostics(uri, 1)


@pytest.mark.parametrize("edit", [
    ("", ""),
    ('source survey\n', 'source survey // cjm: allow pain-without-opportunity\n'),
    ('source survey\n', 'source survey // cjm: allow stage-without-goal\n'),
], ids=["a rule", "allowed", "an allow that allows nothing"])
def test_diagnostics_are_those_of_cjm_lint(client, edit, tmp_path):
    text = LINTED.replace(*edit)
    (tmp_path / "shop.cjm").write_text(text, encoding="utf-8")
    linted = json.loads(subprocess.run(["cjm", "lint", "--format", "json", "shop.cjm"],
                                       cwd=tmp_path, capture_output=True, text=True).stdout)
    published = opened_in(client, tmp_path, text)
    assert [(d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1)
            for d in published] == [(d["code"], d["line"], d["column"])
                                    for d in linted["diagnostics"]]
    assert linted["diagnostics"] or edit[1].endswith("opportunity\n")


def test_lint_diagnostics_follow_the_projects_lint_settings(client, tmp_path):
    (tmp_path / "cjm.toml").write_text('[lint]\npain-without-opportunity = "error"\n'
                                       '[[lint.overrides]]\nfiles = ["drafts/*"]\n'
                                       'pain-without-opportunity = "off"\n', encoding="utf-8")
    (found,) = opened_in(client, tmp_path, LINTED)
    assert (found["code"], found["severity"]) == ("L201", 1)
    assert "add an `opportunity" in found["message"]
    drafts = opened_in(client, tmp_path / "drafts", LINTED)
    assert [d["code"] for d in drafts] == ["L206"]  # its gap, which L201 would have said
    (tmp_path / "cjm.toml").write_text('[lint]\npain-without-opportunity = "eror"\n',
                                       encoding="utf-8")
    (found,) = opened_in(client, tmp_path, LINTED)  # a broken config: the defaults
    assert (found["code"], found["severity"]) == ("L201", 2)


def test_did_change_republishes_for_the_new_version(client):
    uri, first = opened(client, MAP)
    assert first == []
    client.change(uri, MAP.replace("emotion tom 0", "emotion tim 0"), 2)
    (diagnostic,) = client.diagnostics(uri, 2)
    assert diagnostic["code"] == "E012" and diagnostic["source"] == "cjm"
    assert diagnostic["range"] == {"start": {"line": 10, "character": 14},
                                   "end": {"line": 10, "character": 17}}
    client.change(uri, MAP, 3)
    assert client.diagnostics(uri, 3) == []


def test_did_you_mean_is_related_information_and_a_quick_fix(client):
    text = MAP.replace("emotion tom 0", "emotion tim 0")
    uri, (diagnostic,) = opened(client, text)
    assert diagnostic["relatedInformation"][0]["message"] == "did you mean `tom`?"
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]}})
    (action,) = actions
    assert action["kind"] == "quickfix" and action["isPreferred"]
    (edit,) = action["edit"]["changes"][uri]
    assert edit == {"range": diagnostic["range"], "newText": "tom"}


def test_quick_fix_for_a_theme_keeps_the_quotes(client):
    text = MAP.replace('map "Shop" {\n', 'map "Shop" {\n  theme "drak"\n')
    uri, diagnostics = opened(client, text)
    (theme,) = [d for d in diagnostics if d["code"] == "E019"]
    (action,) = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": theme["range"], "context": {"diagnostics": []}})
    assert action["edit"]["changes"][uri][0]["newText"] == '"dark"'


def test_labels_are_related_information(client):
    text = MAP.replace('persona tom "Tom, student"', 'persona maya "Another Maya"')
    _, diagnostics = opened(client, text)
    duplicate = next(d for d in diagnostics if d["code"] == "E011")
    messages = [r["message"] for r in duplicate["relatedInformation"]]
    assert "first defined here" in messages
    first = next(r for r in duplicate["relatedInformation"] if r["message"] == "first defined here")
    assert first["location"]["range"]["start"] == {"line": 1, "character": 10}


HALF_TYPED = MAP.replace('      channel web\n', '      channel web\n      emotion \n').replace(
    "emotion tom 0", "emotion tim 0")


def test_half_typed_file_keeps_other_diagnostics_and_the_outline(client):
    uri, _ = opened(client, MAP)
    client.change(uri, HALF_TYPED, 2)
    codes = [d["code"] for d in client.diagnostics(uri, 2)]
    assert "E001" in codes  # the half-typed line
    assert "E012" in codes  # `tim`, in another stage, is still reported
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    names = [s["name"] for s in symbols]
    assert names[:4] == ["maya", "tom", "discover", "buy"] and "nps" in names
    buy = next(s for s in symbols if s["name"] == "buy")
    assert [c["name"] for c in buy["children"]] == ["checkout"]


def test_unclosed_block_at_the_end_keeps_the_outline(client):
    text = MAP[:MAP.index("  kpi nps")] + '  stage later "Later" {\n    touchpoint t "T" {\n'
    _, diagnostics = opened(client, text)
    assert [d["code"] for d in diagnostics if d["severity"] == 1] == ["E003"]
    uri = f"file:///work/unclosed{next(_counter)}.cjm"
    client.open(uri, text)
    client.diagnostics(uri, 1)
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [s["name"] for s in symbols] == ["maya", "tom", "discover", "buy", "later"]


# ── completion ─────────────────────────────────────────────────────────────────
def complete_at(client, text: str, needle: str) -> list[str]:
    """Completion with the cursor right after `needle` (where the text is cut)."""
    uri, _ = opened(client, text)
    return labels(client.request("textDocument/completion",
                                 at(uri, text, needle, len(needle))))


def test_completes_keywords_valid_at_the_cursor(client):
    text = MAP.replace('      channel web\n', '      channel web\n      \n')
    found = complete_at(client, text, "channel web\n      ")
    assert {"action", "emotion", "expect", "pain", "moment_of_truth"} <= set(found)
    assert "stage" not in found and "persona" not in found
    in_stage = MAP.replace('  stage buy "Buy" {\n', '  stage buy "Buy" {\n    \n')
    assert set(complete_at(client, in_stage, 'stage buy "Buy" {\n    ')) == {
        "goal", "brand", "touchpoint", "action_item", "note", "metric"}


def test_completes_persona_ids_after_emotion_and_expect(client):
    for keyword in ("emotion", "expect"):
        text = MAP.replace('      channel web\n', f'      channel web\n      {keyword} \n')
        assert complete_at(client, text, f"{keyword} ") == ["maya", "tom"]


def test_completes_a_half_typed_persona_id(client):
    text = MAP.replace('      channel web\n', '      channel web\n      emotion ma\n')
    assert "maya" in complete_at(client, text, "emotion ma")


def test_completes_channels_and_sources(client):
    text = MAP.replace("channel web", "channel ")
    found = complete_at(client, text, "channel ")
    assert found[:3] == ["web", "mobile", "email"] and "other" in found
    text = MAP.replace("source survey", "source ")
    assert complete_at(client, text, "source ") == ["interview", "survey", "review",
                                                    "analytics", "support", "other"]


def test_completes_ids_in_flows(client):
    text = MAP.replace('  flow maya: ad -> checkout -> exit "leaves"', "  flow ")
    assert complete_at(client, text, "  flow ") == ["maya", "tom", "ad", "checkout"]
    text = MAP.replace('  flow maya: ad -> checkout -> exit "leaves"', "  flow maya: ")
    assert complete_at(client, text, "flow maya: ") == ["ad", "checkout"]
    text = MAP.replace('ad -> checkout -> exit "leaves"', "ad -> ")
    assert set(complete_at(client, text, "ad -> ")) == {"exit", "ad", "checkout"}


def test_no_completion_inside_a_string_or_a_comment(client):
    assert complete_at(client, MAP, '"Fee at the') == []
    text = MAP.replace("channel web", "channel web // emotion ")
    assert complete_at(client, text, "// emotion ") == []


# ── hover ──────────────────────────────────────────────────────────────────────
def hover(client, text, needle, offset=0, occurrence=0) -> str:
    uri, _ = opened(client, text)
    found = client.request("textDocument/hover", at(uri, text, needle, offset, occurrence))
    return found["contents"]["value"] if found else ""


def test_hover_on_a_persona_shows_its_card(client):
    card = hover(client, MAP, "emotion maya -2", len("emotion "))
    assert card.startswith("**Maya, busy parent** · persona `maya`")
    assert "- Role: Works full time" in card and "- Quote: I just want it to work." in card


def test_hover_on_an_emotion_value_shows_its_scale_label(client):
    assert hover(client, MAP, "-2 \"confused\"").startswith("`-2` on the scale -2 .. 2: **Angry**")
    assert "expects this at **Checkout**" in hover(client, MAP, "expect maya 1", len("expect maya "))


def test_hover_on_a_custom_scale_label(client):
    text = MAP.replace('  persona tom', '  scale -2 .. 2 { -2 "Furious" 0 "Meh" }\n  persona tom')
    assert "**Furious**" in hover(client, text, '-2 "confused"')
    assert "no label" in hover(client, text, "emotion maya 1", len("emotion maya "))


def test_hover_escapes_markdown_in_names(client):
    text = MAP.replace('"Tom, student"', '"Tom [link](http://x) *bold*"')
    card = hover(client, text, "persona tom", len("persona "))
    assert "**Tom \\[link\\](http://x) \\*bold\\*** · persona `tom`" in card  # no link, no emphasis


def test_hover_on_a_touchpoint_shows_its_resolved_channel_and_stage_count(client):
    text = MAP.replace("channel web", "channel Website")
    card = hover(client, text, 'touchpoint checkout', len("touchpoint "))
    assert "- Channel: Web (`web`)" in card
    assert "1 touchpoint" in hover(client, text, 'stage buy', len("stage "))


def test_hover_on_a_touchpoint_shows_its_wait_time_and_fail_points(client):
    text = MAP.replace('      channel web\n', '      channel web\n      wait "2 days"\n      time "3 min"\n'
                       ).replace('pain "Fee at the last step" source survey',
                                 'pain "Fee at the last step" source survey fail "Fee shown late"')
    card = hover(client, text, 'touchpoint checkout', len("touchpoint "))
    assert "- Time: wait 2 days · 3 min" in card
    assert "- Fail point: **Fee shown late** (pain points: Fee at the last step)" in card


# ── navigation and rename ─────────────────────────────────────────────────────
def test_definition_of_a_persona_touchpoint_and_stage(client):
    uri, _ = opened(client, MAP)
    found = client.request("textDocument/definition", at(uri, MAP, "emotion maya -2", 8))
    assert found["range"]["start"] == position(MAP, "persona maya", 8)
    found = client.request("textDocument/definition", at(uri, MAP, "-> checkout", 3))
    assert found["range"]["start"] == position(MAP, "touchpoint checkout", 11)
    found = client.request("textDocument/definition", at(uri, MAP, "stage buy", 6))
    assert found["range"]["start"] == position(MAP, "stage buy", 6)


def test_references_of_a_persona_everywhere_in_the_file(client):
    uri, _ = opened(client, MAP)
    params = {**at(uri, MAP, "persona maya", 8), "context": {"includeDeclaration": True}}
    found = lines_of(client.request("textDocument/references", params))
    assert found == [(1, 10), (9, 14), (17, 14), (18, 13), (26, 7)]
    params["context"]["includeDeclaration"] = False
    assert len(client.request("textDocument/references", params)) == 4


def test_references_of_a_touchpoint_include_flows(client):
    uri, _ = opened(client, MAP)
    params = {**at(uri, MAP, "touchpoint ad", 11), "context": {"includeDeclaration": True}}
    assert lines_of(client.request("textDocument/references", params)) == [(7, 15), (26, 13)]


def test_rename_a_persona_across_the_file(client):
    uri, _ = opened(client, MAP)
    edit = client.request("textDocument/rename",
                          {**at(uri, MAP, "emotion maya 1", 9), "newName": "mia"})
    edits = edit["changes"][uri]
    assert len(edits) == 5 and {e["newText"] for e in edits} == {"mia"}
    renamed = apply(MAP, edits)
    assert "maya" not in renamed.replace("Maya", "")
    client.change(uri, renamed, 2)
    assert client.diagnostics(uri, 2) == []


def test_prepare_rename_and_refused_names(client):
    uri, _ = opened(client, MAP)
    prepared = client.request("textDocument/prepareRename", at(uri, MAP, "touchpoint ad", 12))
    assert prepared["placeholder"] == "ad"
    for bad in ("two words", "9lives", "checkout", "exit"):
        with pytest.raises(LspError):
            client.request("textDocument/rename", {**at(uri, MAP, "touchpoint ad", 11),
                                                   "newName": bad})


def apply(text: str, edits: list[dict]) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                          e["range"]["start"]["character"]), reverse=True):
        start, end = e["range"]["start"], e["range"]["end"]
        assert start["line"] == end["line"]
        line = lines[start["line"]]
        lines[start["line"]] = line[:start["character"]] + e["newText"] + line[end["character"]:]
    return "\n".join(lines)


# ── outline and formatting ─────────────────────────────────────────────────────
def test_document_symbols_are_the_outline(client):
    uri, _ = opened(client, MAP)
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [(s["name"], s["detail"]) for s in symbols] == [
        ("maya", "Maya, busy parent"), ("tom", "Tom, student"), ("discover", "Discover"),
        ("buy", "Buy"), ("nps", "Net Promoter Score"), ("flow maya: ad → checkout → exit", "")]
    discover = symbols[2]
    assert [c["name"] for c in discover["children"]] == ["ad"]
    assert discover["selectionRange"]["start"] == position(MAP, "stage discover", 6)
    assert discover["range"]["start"] == position(MAP, "stage discover")


def test_unicode_before_an_id_counts_in_utf16(client):
    text = MAP.replace('persona tom "Tom, student"', 'persona tom "😀 Tom"').replace(
        "emotion tom 0", 'emotion tom 0 "😀" expect tim 1')
    uri, diagnostics = opened(client, text)
    unknown = next(d for d in diagnostics if d["code"] == "E012")
    line = text.split("\n")[unknown["range"]["start"]["line"]]
    # the emoji is one character but two UTF-16 units
    assert unknown["range"]["start"]["character"] == line.index("tim") + 1


@pytest.mark.skipif(importlib.util.find_spec("cjmdsl.language.format") is None,
                    reason="cjm fmt (cjmdsl.language.format) is not there yet")
def test_formatting_gives_cjm_fmt_layout(client):
    from cjmdsl.language.format import format_text

    messy = MAP.replace("  persona tom", "persona    tom").replace("emotion tom 1", "emotion tom +1")
    uri, _ = opened(client, messy)
    edits = client.request("textDocument/formatting", {
        "textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    expected = format_text(messy, "doc.cjm")
    if expected == messy:
        assert edits == []
    else:
        (edit,) = edits
        assert edit["newText"] == expected
        assert edit["range"]["start"] == {"line": 0, "character": 0}
    formatted_uri, _ = opened(client, expected)
    assert client.request("textDocument/formatting", {
        "textDocument": {"uri": formatted_uri}, "options": {"tabSize": 2,
                                                           "insertSpaces": True}}) == []


@pytest.mark.skipif(importlib.util.find_spec("cjmdsl.language.format") is None,
                    reason="cjm fmt (cjmdsl.language.format) is not there yet")
def test_formatting_leaves_a_broken_file_alone(client):
    uri, _ = opened(client, HALF_TYPED)
    assert client.request("textDocument/formatting", {
        "textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}) is None


def test_server_survives_a_file_of_garbage(client):
    _, diagnostics = opened(client, '\x00{{"}}map map "\n\\u{110000}' * 50)
    assert diagnostics and all(d["code"].startswith("E") for d in diagnostics)
    _, diagnostics = opened(client, MAP)
    assert diagnostics == []


def test_examples_have_no_diagnostics_and_a_full_outline(client):
    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        uri, diagnostics = opened(client, text)
        assert diagnostics == [], example.name
        symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        touchpoints = sum(len(s.get("children") or []) for s in symbols)
        assert touchpoints == text.count("touchpoint "), example.name



# ── a client that misbehaves ───────────────────────────────────────────────────
@pytest.mark.parametrize("frame", [
    b"Content-Length: 1000000000000\r\n\r\n{}",
    b"Content-Length: many\r\n\r\n{}",
    b"Content-Length: -5\r\n\r\n{}",
    b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0"}',
], ids=["huge", "non-numeric", "negative", "short-body"])
def test_a_bad_frame_stops_the_server_with_one_line(tmp_path, frame):
    fresh = LspClient()
    try:
        fresh.initialize(tmp_path)
        fresh.send_raw(frame)
        fresh.process.stdin.close()  # the editor is gone too: nothing more will come
        code = fresh.process.wait(10)
    finally:
        if fresh.process.poll() is None:
            fresh.process.kill()
            fresh.process.wait()
    errors = fresh.stderr()
    assert code == 1
    assert errors.startswith("cjm lsp: stopping: ") and errors.count("\n") == 1, errors
    assert "Traceback" not in errors


def test_a_body_that_is_not_json_is_answered_and_the_server_goes_on(client):
    client.send_raw(b"Content-Length: 9\r\n\r\nnot json!")
    uri, diagnostics = opened(client, MAP)
    assert diagnostics == []
    with client.changed:
        assert client.responses.pop(None)["error"]["code"] == -32700


def test_invalid_params_get_invalid_params_error(client):
    uri, _ = opened(client, MAP)
    with pytest.raises(LspError) as refused:
        client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": -1, "character": 0}},
                       timeout=5)
    assert refused.value.error["code"] == -32602
    assert client.request("textDocument/hover", at(uri, MAP, "maya: ad", 1)) is not None


def test_a_burst_of_edits_is_published_once_for_its_last_version(client):
    uri, _ = opened(client, MAP)
    for version in range(2, 8):
        client.change(uri, MAP.replace("Shop", f"Shop {version}"), version)
    client.diagnostics(uri, 7)
    time.sleep(0.5)
    with client.changed:
        published = [n["params"].get("version") for n in client.notifications
                     if n["params"].get("uri") == uri]
    assert published == []


def test_hover_answers_while_a_large_map_is_analysed(client):
    touchpoints = "\n".join(f'    touchpoint t{i} "Touchpoint {i}" {{ channel web emotion maya 1 '
                            f'emotion ghost{i} 1 }}' for i in range(4000))
    text = f'map "Large" {{\n  persona maya "Maya"\n  stage s "S" {{\n{touchpoints}\n  }}\n}}\n'
    uri, _ = opened(client, text)
    client.change(uri, text.replace('"Large"', '"Larger"'), 2)
    started = time.monotonic()
    answer = client.request("textDocument/hover", at(uri, text, "maya", 0, 1))
    took = time.monotonic() - started
    assert "Maya" in answer["contents"]["value"]
    assert took < 0.5, f"hover took {took:.3f} s"
    client.diagnostics(uri, 2, timeout=60)


# ── large maps: answers while the next analysis runs ──────────────────────────
def large_map(touchpoints: int) -> str:
    """A map whose analysis takes seconds (an unknown persona in every touchpoint), with an
    empty line in its last touchpoint to type on."""
    body = "\n".join(f'    touchpoint t{i} "Touchpoint {i}" {{ channel web emotion maya 1 '
                     f'emotion ghost{i} 1 }}' for i in range(touchpoints))
    return (f'map "Large" {{\n  persona maya "Maya"\n  stage s "S" {{\n{body}\n'
            '    touchpoint last "Last" {\n      channel web\n      \n    }\n  }\n}\n')


@pytest.fixture(scope="module")
def large(client):
    text = large_map(4000)
    uri, _ = opened(client, text)
    return uri, text, iter(range(2, 1000))


def test_completion_at_the_end_of_a_large_map_answers_while_it_is_analysed(client, large):
    uri, text, versions = large
    client.change(uri, text.replace('"Large"', '"Larger"'), next(versions))
    time.sleep(0.3)  # the edit's analysis has started
    started = time.monotonic()
    found = client.request("textDocument/completion",
                           at(uri, text, "channel web\n      ", len("channel web\n      ")))
    took = time.monotonic() - started
    assert {"emotion", "expect", "pain"} <= set(labels(found))
    assert took < 0.5, f"completion took {took:.3f} s"


def test_completion_right_after_typing_in_a_large_map_fits_what_was_typed(client, large):
    uri, text, versions = large
    typed = text.replace("channel web\n      \n", "channel web\n      emotion \n")
    client.change(uri, typed, next(versions))
    found = client.request("textDocument/completion",
                           at(uri, typed, "      emotion \n", len("      emotion ")))
    assert labels(found) == ["maya"]


def test_hover_on_a_line_edited_since_the_analysis_shows_no_other_lines_card(client, large):
    uri, text, versions = large
    edited = text.replace('  stage s "S" {\n', '  stage s "S" {\n    // a note, 2 lines\n')
    client.change(uri, edited, next(versions))
    # The analysis still running is of a text one line shorter: there, this line holds the
    # first touchpoint, and the column its id `t0`.
    comment = position(edited, "// a note")
    assert (comment["line"], text.split("\n")[comment["line"]].index("t0")) == (3, 15)
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 3, "character": 15}}) is None


def test_completion_of_thousands_of_touchpoints_sends_those_typed_so_far(client):
    touchpoints = "\n".join(f'    touchpoint t{i} "T{i}" {{ channel web }}' for i in range(3000))
    text = (f'map "Many" {{\n  stage s "S" {{\n{touchpoints}\n  }}\n'
            "  flow t0 -> t12\n}\n")
    uri, _ = opened(client, text)
    found = client.request("textDocument/completion", at(uri, text, "-> t12", len("-> t12")))
    assert found["isIncomplete"] is True
    assert labels(found)[:3] == ["exit", "t12", "t120"]
    assert len(found["items"]) == 1 + 111  # `exit`, t12, t120 … t129, t1200 … t1299
    everyone = client.request("textDocument/completion", at(uri, text, "-> ", len("-> ")))
    assert everyone["isIncomplete"] is True
    assert len(everyone["items"]) == 1 + 200


def test_an_edit_waits_for_quiet_only_when_the_map_is_slow_to_analyse():
    """A map analysed in a few milliseconds is analysed at every edit (its diagnostics follow
    the keys); a slow one waits for a pause in typing, and so does a map not analysed yet."""
    from cjmdsl.integrations.lsp.analysis import Analysis
    from cjmdsl.integrations.lsp.server import ANALYSIS_DELAY, QUICK_ANALYSIS, CjmServer

    server = CjmServer()
    assert server.quiet_before("file:///new.cjm") == ANALYSIS_DELAY
    server.analyses["file:///quick.cjm"] = Analysis("", None, [], seconds=QUICK_ANALYSIS / 5)
    server.analyses["file:///slow.cjm"] = Analysis("", None, [], seconds=QUICK_ANALYSIS * 5)
    assert server.quiet_before("file:///quick.cjm") == 0
    assert server.quiet_before("file:///slow.cjm") == ANALYSIS_DELAY
