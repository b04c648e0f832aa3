"""Diagnostics as a user sees them: code, place, message, hint and the printed excerpt.

Each case is a small inline map with one mistake. `test_every_code_has_a_case` keeps
the table honest: a new code in `CODES` needs a case here.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmdsl.api import check, decode
from cjmdsl.language.diagnostics import CODES, Severity, closest, format_all, format_diagnostic

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def cjm(text: str) -> str:
    """An inline map: dedented, without the leading newline of the triple quote."""
    return textwrap.dedent(text).lstrip("\n")


def diagnose(source: str | bytes) -> list:
    """Every diagnostic for a map; bytes go through `decode` first, as files do."""
    if isinstance(source, bytes):
        source, problems = decode(source, "t.cjm")
        if problems:
            return problems
    return check(source, "t.cjm").diagnostics


def only(diagnostics: list, code: str):
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} among {[d.code for d in diagnostics]}"
    return found[0]


def case(case_id, source, code, severity, line, column, message, hint, marks=()):
    return pytest.param(source, code, severity, line, column, message, hint, id=case_id,
                        marks=marks)


CASES = [
    case("E001-misspelt-keyword", cjm("""
        map "M" {
          stage s "S" {
            touchpoint t "T" {
              chanel web
            }
          }
        }
        """), "E001", ERROR, 4, 7, "unexpected `chanel`", "did you mean `channel`?"),
    case("E001-stray-closing-brace", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
        }
        }
        """), "E001", ERROR, 4, 1, "unexpected `}`; expected the end of the file",
         "this `}` closes no block; remove it"),
    case("E001-touchpoint-outside-stage", cjm("""
        map "M" {
          touchpoint t "T" { channel web }
        """), "E001", ERROR, 2, 3, "unexpected keyword `touchpoint`",
         "a touchpoint goes inside a `stage … { }` block"),
    case("E001-flow-without-arrow", cjm("""
        map "M" {
          stage s "S" { touchpoint a "A" { channel web } touchpoint b "B" { channel web } }
          flow a b
        }
        """), "E001", ERROR, 3, 10, "unexpected `b`; expected one of `,`, `->` or `:`",
         "link touchpoints with arrows: `flow a -> b`"),
    case("E001-step-after-exit", cjm("""
        map "M" {
          stage s "S" { touchpoint a "A" { channel web } touchpoint b "B" { channel web } }
          flow a -> exit -> b
        }
        """), "E001", ERROR, 3, 18, "unexpected `->`", "`exit` ends a flow"),
    case("E002-unterminated-string", cjm("""
        map "M" {
          stage s "S" {
            touchpoint t "T" {
              action "never closed
            }
          }
        }
        """), "E002", ERROR, 4, 14, "unterminated string", 'close the string with `"`'),
    case("E003-missing-closing-brace", cjm("""
        map "M" {
          stage s "S" {
            touchpoint t "T" { channel web }
        """), "E003", ERROR, 3, 37, "missing `}` to close stage `s`", "add `}`"),
    case("E004-unexpected-character", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web @ } }
        }
        """), "E004", ERROR, 2, 48, "unexpected character `@`", "expected one of `,`, `action`"),
    case("E005-invalid-escape", cjm(r"""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web action "a \q b" } }
        }
        """), "E005", ERROR, 2, 58, r"invalid escape `\q`", r"use \" \\ \n \t"),
    case("E006-invalid-utf8", b'map "caf\xe9" {\n}\n',
         "E006", ERROR, 1, 9, "invalid UTF-8 byte 0xe9 at byte offset 8",
         "save the file as UTF-8"),
    case("E010-no-touchpoints", cjm("""
        map "M" {
          persona maya "Maya"
        }
        """), "E010", ERROR, 1, 1, "the map has no touchpoints",
         "add a stage with a touchpoint"),
    case("E011-duplicate-id", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          stage u "U" { touchpoint t "Again" { channel web } }
        }
        """), "E011", ERROR, 3, 28, "duplicate stage or touchpoint id `t`",
         "ids must be unique"),
    case("E012-unknown-persona-suggests-nearest", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion mya 1 } }
        }
        """), "E012", ERROR, 3, 56, "unknown persona `mya`", "did you mean `maya`?"),
    case("E012-unknown-persona-lists-known", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya 0 emotion bob 1 } }
        }
        """), "E012", ERROR, 3, 71, "unknown persona `bob`", "known personas: `maya`"),
    case("E012-unknown-persona-in-flow", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint a "A" { channel web emotion maya 0 } }
          flow mya: a -> exit
        }
        """), "E012", ERROR, 4, 8, "unknown persona `mya`", "did you mean `maya`?"),
    case("E013-emotion-outside-scale", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya 5 } }
        }
        """), "E013", ERROR, 3, 61, "+5 is outside the scale", "the scale runs from -2 to +2"),
    case("E014-kpi-end-above-start", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          kpi k "K" start 10 end 20
        }
        """), "E014", ERROR, 3, 13, "ends with more customers (20) than it starts with (10)",
         "start counts the customers"),
    case("W106-churn-measured-as-retention", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          kpi churn "Quarterly churn" start 1000 end 950
        }
        """), "W106", WARNING, 3, 3, "KPI `churn` is measured as retention, but its name says churn",
         "to measure churn, write `churn start 1000 end 950`"),
    case("W107-target-without-direction", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          kpi nps "NPS" value 42 target 50
        }
        """), "W107", WARNING, 3, 3, "KPI `nps` has a target but no direction",
         "`value 42 higher target 50`"),
    case("W121-text-the-font-lacks", cjm("""
        map "M" {
          stage s "S" { touchpoint t "Pays 💳" { channel web } }
        }
        """), "W121", WARNING, 2, 17, "the map's font (Liberation Sans) has no `💳`",
         "drawn from the reader's fonts"),
    case("E015-scale-runs-backwards", cjm("""
        map "M" {
          scale 2 .. -2
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E015", ERROR, 2, 3, "must run from low to high, not 2 .. -2",
         "for example: scale -2 .. 2"),
    case("E015-label-outside-scale", cjm("""
        map "M" {
          scale -2 .. 2 { 3 "Too high" }
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E015", ERROR, 2, 19, "label for 3 lies outside the scale",
         "the scale runs from -2 to 2"),
    case("E016-field-given-twice", cjm("""
        map "M" {
          stage s "S" {
            touchpoint t "T" {
              channel web
              channel email
            }
          }
        }
        """), "E016", ERROR, 5, 7, "`channel` is given twice for touchpoint `t`", "keep one"),
    case("E016-persona-twice-in-flow", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint a "A" { channel web emotion maya 0 } }
          flow maya, maya: a -> exit
        }
        """), "E016", ERROR, 4, 14, "persona `maya` is given twice for the flow", "keep one"),
    case("E017-unknown-source", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source intervew } }
        }
        """), "E017", ERROR, 2, 67, "unknown source `intervew`", "did you mean `interview`?"),
    case("E018-invalid-colour", cjm("""
        map "M" {
          persona maya "Maya" {
            role "Parent"
            color "red"
          }
          stage s "S" { touchpoint t "T" { channel web emotion maya 0 } }
        }
        """), "E018", ERROR, 4, 5, "invalid colour `red`", "#rgb or #rrggbb",
         ),
    case("E019-unknown-theme", cjm("""
        map "M" {
          theme "defualt"
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E019", ERROR, 2, 9, "unknown theme `defualt`", "did you mean `default`?"),
    case("E023-unknown-language", cjm("""
        map "M" {
          lang "german"
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E023", ERROR, 2, 8, "unknown language `german`",
         "the languages are de, en, es, fr, ja"),
    case("E024-unknown-stage-for-a-kpi-suggests-nearest", cjm("""
        map "M" {
          stage checkout "Checkout" { touchpoint t "T" { channel web } }
          kpi conversion "Conversion" value 11% at chekout
        }
        """), "E024", ERROR, 3, 44, "KPI `conversion` names an unknown stage `chekout`",
         "did you mean `checkout`?"),
    case("E040-unknown-pain-point", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" {
            channel web
            pain fee "Fee"
            opportunity show "Show it" addresses fe
          } }
        }
        """), "E040", ERROR, 5, 42, "unknown pain point `fe`", "did you mean `fee`?"),
    case("E040-addresses-an-opportunity", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" {
            channel web
            opportunity show "Show it"
            opportunity tell "Tell it" addresses show
          } }
        }
        """), "E040", ERROR, 5, 42, "unknown pain point `show`",
         "`show` is an opportunity; `addresses` names pain points"),
    case("E041-unknown-icon-channel", cjm("""
        map "M" {
          channel quora "Quora" like comunity
          stage s "S" { touchpoint t "T" { channel quora } }
        }
        """), "E041", ERROR, 2, 30, "unknown channel `comunity` to take the icon from",
         "did you mean `community`?"),
    case("E042-invalid-date", cjm("""
        map "M" {
          updated 2026-02-30
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E042", ERROR, 2, 11, "`2026-02-30` is not a date", "for example 2026-11-30"),
    case("E012-unknown-persona-in-for", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya 0 pain "Fee" for mya } }
        }
        """), "E012", ERROR, 3, 78, "unknown persona `mya`", "did you mean `maya`?"),
    case("E005-invalid-escape-in-a-triple-quoted-string", cjm(r'''
        map "M" {
          note """
            first line
              second \q line
            """
          stage s "S" { touchpoint t "T" { channel web } }
        }
        '''), "E005", ERROR, 4, 14, "invalid escape `\\q`", "use"),
    case("E002-unterminated-triple-quoted-string", cjm('''
        map "M" {
          note """
            never closed
          stage s "S" { touchpoint t "T" { channel web } }
        }
        '''), "E002", ERROR, 2, 8, "unterminated triple-quoted string", 'close it with `"""`'),
    case("E001-quoted-date", cjm("""
        map "M" {
          updated "2026-11-30"
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "E001", ERROR, 2, 11, "expected a date, year-month-day like 2026-11-30", ""),
    case("E020-outcome-on-pain", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web pain "Slow" outcome "Fast" } }
        }
        """), "E020", ERROR, 2, 60, "`outcome` cannot follow pain",
         "`outcome` belongs to an action item"),
    case("E021-kpi-starts-at-zero", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          kpi k "K" start 0 end 0
        }
        """), "E021", ERROR, 3, 13, "KPI `k` starts at 0 customers",
         "divide by the start count"),
    case("E030-file-too-large",
         'map "M" {\n  // ' + "x" * 5_000_000 + '\n}\n', "E030", ERROR, 1, 1,
         "more than the limit of 5,000,000", "--max-bytes"),
    case("E031-string-too-long",
         'map "M" {\n  description "' + "x" * 20_001 + '"\n  stage s "S" { touchpoint t "T" '
         '{ channel web } }\n}\n', "E031", ERROR, 1, 1, "a text of 20,001 characters",
         "--max-string"),
    case("E032-too-many-touchpoints",
         'map "M" {\n  stage s "S" {\n' + "".join(f"    touchpoint t{i} \"T\" {{ channel web }}\n"
                                             for i in range(10_001)) + '  }\n}\n',
         "E032", ERROR, 1, 1, "10,001 touchpoints", "--max-touchpoints"),
    case("E022-unknown-touchpoint-in-flow-suggests-nearest", cjm("""
        map "M" {
          stage s "S" { touchpoint checkout "Checkout" { channel web } }
          stage r "R" { touchpoint reminder "Reminder" { channel email } }
          flow checkout -> remindr "abandons"
        }
        """), "E022", ERROR, 4, 20, "unknown touchpoint `remindr` in a flow",
         "did you mean `reminder`?"),
    case("E022-stage-in-flow", cjm("""
        map "M" {
          stage buy "Buy" { touchpoint checkout "Checkout" { channel web } }
          flow buy -> checkout
        }
        """), "E022", ERROR, 3, 8, "unknown touchpoint `buy` in a flow",
         "`buy` is a stage; a flow links touchpoints (in it: `checkout`)"),
    case("E022-exit-at-the-start-of-a-flow", cjm("""
        map "M" {
          stage buy "Buy" { touchpoint checkout "Checkout" { channel web } }
          flow exit -> checkout
        }
        """), "E022", ERROR, 3, 8, "unknown touchpoint `exit` in a flow",
         "`exit` ends a flow: write it after the last `->`"),
    case("W101-stage-without-touchpoints", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          stage e "Empty"
        }
        """), "W101", WARNING, 3, 9, "stage `e` has no touchpoints",
         "add a touchpoint, or remove the stage"),
    case("W102-touchpoint-without-channel", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { } }
        }
        """), "W102", WARNING, 2, 28, "touchpoint `t` has no channel", "`channel web`"),
    case("W103-persona-without-emotions", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), "W103", WARNING, 2, 11, "persona `maya` has no emotions", "`emotion maya 0`"),
    case("W104-unknown-channel", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel webb } }
        }
        """), "W104", WARNING, 2, 44, "unknown channel `webb`", "did you mean `web`?"),
    case("W105-expectation-without-emotion", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" {
            touchpoint t "T" { channel web emotion maya 0 }
            touchpoint u "U" { channel web expect maya 1 }
          }
        }
        """), "W105", WARNING, 5, 36, "`maya` has an expectation at `u` but no emotion",
         "add `emotion maya …`"),
    # declared sources, citations and scores (issue 17)
    case("E017-unknown-citation-suggests-a-declared-source", cjm("""
        map "M" {
          source q3_survey survey "Q3 survey"
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source q3_survy } }
        }
        """), "E017", ERROR, 3, 67,
         'unknown source `q3_survy`', 'did you mean `q3_survey`?'),
    case("E017-unknown-kind-of-a-declared-source", cjm("""
        map "M" {
          source q3_survey survy "Q3 survey"
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source q3_survey } }
        }
        """), "E017", ERROR, 2, 20,
         'unknown kind of source `survy`', 'did you mean `survey`?'),
    case("E070-unknown-impact-level", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web opportunity "Faster" impact hihg effort low } }
        }
        """), "E070", ERROR, 2, 76,
         'unknown impact `hihg`', 'did you mean `high`?'),
    case("E071-collected-is-no-real-date", cjm("""
        map "M" {
          source q3 survey "Q3 survey" { collected 2026-13 }
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source q3 } }
        }
        """), "E071", ERROR, 2, 44,
         'invalid date `2026-13`', 'write a year, a month or a day: 2026, 2026-09 or 2026-09-14'),
    case("E071-sample-size-below-one", cjm("""
        map "M" {
          source q3 survey "Q3 survey" { n 0 }
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source q3 } }
        }
        """), "E071", ERROR, 2, 36,
         'a sample size must be a whole number of at least 1, not 0', 'count the participants or responses: `n 212`'),
    case("E095-a-duration-without-a-number", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web wait "a while" } }
        }
        """), "E095", ERROR, 2, 54,
         '`a while` is not a duration', 'write a number and a unit, such as "3 min", "1.5 h" or "2 days"'),
    case("E095-a-number-without-a-unit", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web time "4" } }
        }
        """), "E095", ERROR, 2, 54, '`4` has no unit', 'add one of min, h, d, w, mo: "4 min"'),
    case("E096-misspelt-unit-of-time", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web time "40 mintues" } }
        }
        """), "E096", ERROR, 2, 57,
         'unknown unit of time `mintues`', 'did you mean `minutes`?'),
    case("E097-m-could-be-minutes-or-months", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web time "40m" } }
        }
        """), "E097", ERROR, 2, 56,
         '`m` could be minutes or months', 'write "40 min" or "40 mo"'),
    case("E098-negative-wait", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web wait "-1 d" } }
        }
        """), "E098", ERROR, 2, 54,
         'a duration cannot be negative', 'write how long it takes or waits, such as "3 min", "1.5 h" or "2 days"'),
    case("E099-duration-in-two-parts", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web time "1 h 30 min" } }
        }
        """), "E099", ERROR, 2, 58,
         '`1 h 30 min` has 2 parts', 'write one number and one unit: "1.5 h"'),
    case("E020-fail-point-on-an-emotion", cjm("""
        map "M" {
          persona p "P"
          stage s "S" { touchpoint t "T" { channel web emotion p -1 fail "Crashes" } }
        }
        """), "E020", ERROR, 3, 61,
         '`fail` cannot follow emotion', '`fail` belongs to an action, a thought, a question, evidence, a frontstage action, a backstage action, a support process, a pain point or an opportunity'),
    case("E016-time-given-twice", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web time "3 min" time "4 min" } }
        }
        """), "E016", ERROR, 2, 61,
         '`time` is given twice for touchpoint `t`', 'keep one'),
    case("E071-source-id-is-a-kind", cjm("""
        map "M" {
          source survey survey "Q3 survey" { collected 2026-09 }
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source survey } }
        }
        """), "E071", ERROR, 2, 10,
         'source id `survey` is also a kind of source', 'a citation `source survey` would not say which is meant: rename it, for example `survey_2026`'),
    case("E020-impact-on-a-pain-point", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web pain "Slow" impact high } }
        }
        """), "E020", ERROR, 2, 60,
         '`impact` cannot follow pain', '`impact` belongs to an opportunity or an action item'),
    case("E020-owner-on-an-action", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web action "Waits" owner "Ops" } }
        }
        """), "E020", ERROR, 2, 63,
         '`owner` cannot follow action', '`owner` belongs to a pain point, an opportunity or an action item'),
    case("E011-duplicate-source", cjm("""
        map "M" {
          source q3 survey "Q3 survey"
          source q3 interview "Interviews"
          stage s "S" { touchpoint t "T" { channel web pain "Slow" source q3 } }
        }
        """), "E011", ERROR, 3, 10,
         'duplicate source id `q3`', 'ids must be unique; rename one'),
    case("W110-declared-source-never-cited", cjm("""
        map "M" {
          source q3 survey "Q3 survey"
          stage s "S" { touchpoint t "T" { channel web pain "Slow" } }
        }
        """), "W110", WARNING, 2, 10,
         'source `q3` is never cited', 'cite it from a claim (`pain "…" source q3`), or remove it'),
    case("W111-impact-without-effort", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web opportunity "Faster" impact high } }
        }
        """), "W111", WARNING, 2, 48,
         '`Faster` has impact but no effort', 'add `effort low`, `effort medium` or `effort high` to place it on the prioritisation matrix'),
    case("E090-unknown-actor-suggests-nearest", cjm("""
        map "M" {
          actor agent "Support agent"
          stage s "S" { touchpoint t "T" { channel phone frontstage "Answers" by agnet } }
        }
        """), "E090", ERROR, 3, 74,
         'unknown actor `agnet`', 'did you mean `agent`?'),
    case("E090-undeclared-actor-says-how-to-declare", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone backstage "Logs it" by crm } }
        }
        """), "E090", ERROR, 2, 73,
         'unknown actor `crm`', 'declare it on the map: actor crm "Crm"'),
    case("E091-unknown-actor-kind", cjm("""
        map "M" {
          actor crm "CRM" { kind sytem }
          stage s "S" { touchpoint t "T" { channel phone backstage "Logs it" by crm } }
        }
        """), "E091", ERROR, 2, 26,
         'unknown kind of actor `sytem`', 'did you mean `system`?'),
    case("E011-duplicate-actor", cjm("""
        map "M" {
          actor crm "CRM" { kind system }
          actor crm "Billing"
          stage s "S" { touchpoint t "T" { channel phone backstage "Logs it" by crm } }
        }
        """), "E011", ERROR, 3, 9,
         'duplicate actor id `crm`', 'ids must be unique; rename one'),
    case("E011-duplicate-item-id", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone backstage log "Logs it" support log "Rota" } }
        }
        """), "E011", ERROR, 2, 82,
         'duplicate item id `log`', 'ids must be unique; rename one'),
    case("E092-unknown-handoff-target", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone frontstage "Books it" -> dispach backstage dispatch "Sends a van" } }
        }
        """), "E092", ERROR, 2, 75,
         'unknown item `dispach` to hand off to', 'did you mean `dispatch`?'),
    case("E092-handoff-to-a-touchpoint", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone frontstage "Books it" -> t } }
        }
        """), "E092", ERROR, 2, 75,
         'unknown item `t` to hand off to', '`t` is a touchpoint; a hand-off points at an item'),
    case("E093-handoff-names-the-wrong-lane", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone frontstage "Books it" -> backstage rota support rota "Rota" } }
        }
        """), "E093", ERROR, 2, 75,
         '`rota` is a support item, not backstage', 'write `-> support rota`, or `-> rota`'),
    case("E094-handoff-to-itself", cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel phone backstage log "Logs it" -> log } }
        }
        """), "E094", ERROR, 2, 77,
         '`log` hands off to itself', 'a hand-off points at another item'),
    case("E020-actor-on-evidence", cjm("""
        map "M" {
          actor crm "CRM" { kind system }
          stage s "S" { touchpoint t "T" { channel phone evidence "Text message" by crm } }
        }
        """), "E020", ERROR, 3, 74,
         '`by` cannot follow evidence', '`by` belongs to a frontstage action, a backstage action or a support process'),
    case("W180-actor-does-nothing", cjm("""
        map "M" {
          actor crm "CRM" { kind system }
          stage s "S" { touchpoint t "T" { channel phone backstage "Logs it" } }
        }
        """), "W180", WARNING, 2, 9,
         'actor `crm` does nothing', 'name it on the items it does (`frontstage "…" by crm`), or remove it'),
    case("E100-unknown-metric", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web metric csat 4 of 5 emotion maya from cast } }
        }
        """), "E100", ERROR, 3, 85, "unknown metric `cast` at touchpoint `t`",
         "did you mean `csat`?"),
    case("E101-metric-without-range", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web metric wait 4 unit "min" emotion maya from wait } }
        }
        """), "E101", ERROR, 3, 91, "metric `wait` has no range to read an emotion off",
         "give `wait` a range: a score (`metric wait 4 of 5`) or a percentage"),
    case("E102-range-backwards", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya 1 n 9 range 2 .. 0 } }
        }
        """), "E102", ERROR, 3, 67, "the range +2 .. 0 runs backwards",
         "write the lowest response first: `range 0 .. +2`"),
    case("E103-aims-without-to-be", cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya -1 opportunity "Fix" aims maya } }
        }
        """), "E103", ERROR, 3, 87, "`maya` has no to-be in touchpoint `t` to aim at",
         "add `future maya …` beside `emotion maya …` in it"),
    case("W190-to-be-without-emotion", cjm("""
        map "M" {
          persona maya "Maya"
          persona tom "Tom"
          stage s "S" { touchpoint t "T" { channel web emotion tom 0 future maya 1 } }
        }
        """), "W190", WARNING, 4, 62, "`maya` has a to-be at `t` but no emotion",
         "add `emotion maya …` for the as-is, so the improvement shows"),
]


@pytest.mark.parametrize("source, code, severity, line, column, message, hint", CASES)
def test_diagnostic_code_place_message_and_hint(source, code, severity, line, column, message,
                                                hint):
    diagnostic = only(diagnose(source), code)
    assert diagnostic.severity is severity
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert message in diagnostic.message
    assert hint in (diagnostic.hint or "")


def test_every_code_has_a_case():
    covered = {param.values[1] for param in CASES}
    assert sorted(set(CODES) - covered) == []
    assert sorted(covered - set(CODES)) == []


def test_invalid_colour_is_an_error_with_the_accepted_forms():
    diagnostic = only(diagnose(cjm("""
        map "M" {
          persona maya "Maya" { color "red" }
          stage s "S" { touchpoint t "T" { channel web emotion maya 0 } }
        }
        """)), "E018")
    assert diagnostic.severity is ERROR
    assert diagnostic.message == "invalid colour `red`"
    assert "#rgb or #rrggbb" in diagnostic.hint


# ── the printed form ───────────────────────────────────────────────────────
JOURNEY = cjm("""
    map "Shop" {
      persona maya "Maya"
      stage browse "Browse" {
        touchpoint ad "Sees an ad" {
          channel social
          emotion mya +1
        }
      }
    }
    """)


def test_unknown_persona_prints_like_a_compiler():
    diagnostic = only(check(JOURNEY, "journey.cjm").diagnostics, "E012")
    assert format_diagnostic(diagnostic, JOURNEY, "journey.cjm") == (
        "journey.cjm:6:15: error[E012]: unknown persona `mya`\n"
        " 6 |       emotion mya +1\n"
        "   |               ^^^ did you mean `maya`?"
    )


def test_missing_brace_prints_the_block_indentation_shows_open_and_where_it_ends():
    source = 'map "M" {\n  stage s "S" {\n    touchpoint t "T" { channel web }\n}\n'
    [diagnostic] = check(source).diagnostics
    assert format_diagnostic(diagnostic, source, "m.cjm") == (
        "m.cjm:2:15: error[E003]: unclosed `{` of stage `s`\n"
        ' 2 |   stage s "S" {\n'
        "   |               ^ close stage `s` with `}` before line 4\n"
        "  note: m.cjm:4:1: stage `s` probably ends before this line, indented like its first "
        "line\n"
        " 4 | }\n"
        "   | ^"
    )


@pytest.mark.parametrize("source, line, column, block, before", [
    pytest.param(cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" {
            touchpoint a "A" {
              channel web
              emotion maya 0
            touchpoint b "B" {
              channel web
              emotion maya 1
            }
          }
        }
        """), 4, 22, "touchpoint `a`", 7, id="before-the-next-touchpoint"),
    pytest.param(cjm("""
        map "M" {
          stage s "S" {
            touchpoint a "A" {
              channel web
          }
          stage u "U" { touchpoint b "B" { channel web } }
        }
        """), 3, 22, "touchpoint `a`", 5, id="before-the-stage-brace"),
    pytest.param(cjm("""
        map "M" {
          stage s "S" {
            touchpoint a "A" { channel web }
            touchpoint b "B" {
              channel web
          }
        }
        """), 4, 22, "touchpoint `b`", 6, id="last-touchpoint-at-the-end-of-the-file"),
])
def test_missing_brace_is_reported_at_the_block_left_open(source, line, column, block, before):
    [diagnostic] = diagnose(source)
    assert (diagnostic.code, diagnostic.message) == ("E003", f"unclosed `{{` of {block}")
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert diagnostic.hint == f"close {block} with `}}` before line {before}"
    [label] = diagnostic.labels
    assert label.span.line == before


def test_missing_brace_in_a_file_without_indentation_is_reported_at_the_end():
    source = 'map "M" {\nstage s "S" {\ntouchpoint t "T" {\nchannel web\n}\n}\n'
    [diagnostic] = diagnose(source)
    assert (diagnostic.code, diagnostic.span.line) == ("E003", 6)
    assert diagnostic.message == "missing `}` to close the map block"


def test_warning_prints_with_warning_severity_and_hint():
    source = 'map "M" {\n  stage s "S" { touchpoint t "T" { channel webb } }\n}\n'
    assert format_all(check(source).diagnostics, source, "m.cjm") == (
        "m.cjm:2:44: warning[W104]: unknown channel `webb`\n"
        " 2 |   stage s \"S\" { touchpoint t \"T\" { channel webb } }\n"
        "   |                                            ^^^^ did you mean `web`?"
    )



@pytest.mark.parametrize("separator", ["\u2028", "\x0c"], ids=["line-separator", "form-feed"])
def test_excerpt_shows_the_line_the_span_points_at(separator):
    source = ('map "M" {\n'
              f'  description "a{separator}b"\n'
              '  stage s "S" {\n'
              '    touchpoint t "T" { channel web emotion mya 1 }\n'
              '  }\n'
              '}\n')
    diagnostic = only(check(source).diagnostics, "E012")
    assert diagnostic.span.line == 4
    printed = format_diagnostic(diagnostic, source, "m.cjm")
    assert " 4 |     touchpoint t \"T\" { channel web emotion mya 1 }" in printed


# ── several mistakes, one run ──────────────────────────────────────────────
def test_two_misspelt_keywords_in_different_blocks_are_both_reported():
    diagnostics = diagnose(cjm("""
        map "M" {
          persona maya "Maya" {
            rol "Parent"
          }
          stage s "S" {
            touchpoint t "T" {
              chanel web
            }
          }
        }
        """))
    assert [(d.code, d.span.line, d.hint) for d in diagnostics] == [
        ("E001", 3, "did you mean `role`?"),
        ("E001", 7, "did you mean `channel`?"),
    ]


def test_unknown_persona_duplicate_id_and_out_of_scale_value_are_all_reported():
    diagnostics = diagnose(cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" {
            touchpoint t "T" {
              channel web
              emotion mya 1
              emotion maya 7
            }
            touchpoint t "Again" { channel web }
          }
        }
        """))
    assert [(d.code, d.span.line) for d in diagnostics] == [
        ("E012", 6), ("E013", 7), ("E011", 9)]



@pytest.mark.parametrize("source", [
    pytest.param(cjm("""
        map "M" {
          stage s "S" {
            touchpont t "T" {
              channel web
              action "Clicks"
            }
          }
        }
        """), id="misspelt-touchpoint"),
    pytest.param(cjm("""
        map "M" {
          persna maya "Maya" {
            role "Parent"
          }
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), id="misspelt-persona"),
    pytest.param(cjm("""
        map "M" {
          scale -2 2
          stage s "S" { touchpoint t "T" { channel web } }
        }
        """), id="scale-without-dots"),
    pytest.param(cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
          kpi k "K" start 10 20
        }
        """), id="kpi-without-end"),
])
def test_one_syntax_mistake_gives_one_diagnostic(source):
    assert [d.code for d in diagnose(source)] == ["E001"]



def test_keyword_glued_to_a_name_is_an_error():
    source = 'map "M" {\n  stage s "S" { touchpoint t "T" { channelweb } }\n}\n'
    assert [d.code for d in diagnose(source)] == ["E001"]


def test_misspelt_keyword_that_starts_with_a_keyword_is_reported_at_the_word():
    source = 'map "M" {\n  personas maya "Maya"\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n'
    first = diagnose(source)[0]
    assert (first.code, first.span.line, first.span.column) == ("E001", 2, 3)
    assert first.hint == "did you mean `persona`?"


def test_misspelt_persona_in_an_emotion_is_one_error_not_three():
    diagnostics = diagnose(cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" {
            touchpoint t "T" {
              channel web
              emotion mya -1
              expect maya 1
            }
          }
        }
        """))
    assert [(d.code, d.span.line, d.hint) for d in diagnostics] == [
        ("E012", 6, "did you mean `maya`?")]


def test_unknown_persona_far_from_every_id_still_leaves_the_others_warned():
    diagnostics = diagnose(cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion bob 1 } }
        }
        """))
    assert [d.code for d in diagnostics] == ["E012", "W103"]


ERRORS_AFTER_WARNINGS = cjm("""
    map "M" {
      persona maya "Maya"
      stage empty "Nothing here"
      stage s "S" { touchpoint t "T" { channel web emotion maya 7 } }
    }
    """)


def test_errors_are_listed_before_warnings():
    assert [d.code for d in diagnose(ERRORS_AFTER_WARNINGS)] == ["E013", "W101"]


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_cjm_check_prints_errors_before_warnings(tmp_path, output_format):
    (tmp_path / "m.cjm").write_text(ERRORS_AFTER_WARNINGS, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", "check",
                           "--format", output_format, "m.cjm"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    if output_format == "json":
        codes = [d["code"] for d in json.loads(done.stdout)]
    else:
        codes = re.findall(r"^m\.cjm:\d+:\d+: \w+\[(\w+)\]", done.stderr, re.MULTILINE)
    assert codes == ["E013", "W101"]


@pytest.mark.parametrize("word, candidates, meant", [
    ("chanel", ["channel", "action"], "channel"),
    ("mya", ["maya", "tom"], "maya"),
    ("defualt", ["default", "dark"], "default"),
    ("Maya", ["maya"], "maya"),
    ("duration", ["action", "channel", "thought"], None),
    ("blog", ["web", "mobile", "email", "social"], None),
    ("x", ["y"], None),
])
def test_suggestions_are_only_for_close_words(word, candidates, meant):
    assert closest(word, candidates) == meant


def in_touchpoint(statement: str) -> str:
    """A map whose only touchpoint holds `statement` on line 5."""
    return cjm(f"""
        map "M" {{
          persona maya "Maya"
          stage s "S" {{
            touchpoint t "T" {{
              {statement}
              emotion maya 0
            }}
          }}
        }}
        """)


# Mistakes users made, each with the one message and the hint it gets: (line, column,
# code, message, hint).
MISTAKES = [
    pytest.param(in_touchpoint('channel "web"'), 5, 15, "E001", 'unexpected string "web"',
                 "a name is written without quotes: `channel web`", id="quoted-channel"),
    pytest.param(in_touchpoint("channel: web"), 5, 14, "E001", "unexpected `:` after `channel`",
                 "remove the `:`: `channel web`", id="colon-after-keyword"),
    pytest.param(in_touchpoint("emotion maya -2 confused"), 5, 23, "E001",
                 "unexpected `confused`; expected a quoted string",
                 'write text in double quotes: `emotion maya -2 "confused"`', id="unquoted-word"),
    pytest.param(in_touchpoint("action Taps the ad"), 5, 14, "E001",
                 "unexpected `Taps`; expected a quoted string",
                 'write text in double quotes: `action "Taps the ad"`', id="unquoted-text"),
    pytest.param(in_touchpoint("channel web;"), 5, 18, "E004", "unexpected `;`",
                 "a statement ends with its line; remove the `;`", id="semicolon"),
    pytest.param(in_touchpoint("action 'single quotes'"), 5, 14, "E004",
                 "strings are written in double quotes", 'write "single quotes"',
                 id="single-quotes"),
    pytest.param(in_touchpoint("emotion mäya 0"), 5, 15, "E004", "`mäya` is not a valid name",
                 "write `maya`; a name is ASCII letters, digits, `_` and `-`", id="non-ascii-id"),
    pytest.param(cjm("""
        map "M" {
          persona "Maya"
        }
        """), 2, 11, "E001", 'unexpected string "Maya"; expected a name',
                 'a persona needs an id before its name: `persona maya "Maya"`',
                 id="persona-without-id"),
    pytest.param("", 1, 1, "E001", "the file is empty",
                 'a file holds one map: start it with `map "Title" { … }`', id="empty-file"),
    pytest.param("// nothing yet\n", 1, 1, "E001", "the file has no map",
                 'a file holds one map: start it with `map "Title" { … }`', id="only-a-comment"),
    pytest.param(in_touchpoint('duration "2 weeks"'), 5, 7, "E001",
                 "unexpected `duration`; expected one of `action`, `backstage`, `channel`",
                 "touchpoint `t` has no `duration` statement; write one of those expected",
                 id="unknown-statement-lists-instead-of-a-far-guess"),
    pytest.param(in_touchpoint("channel pigeon"), 5, 15, "W104", "unknown channel `pigeon`",
                 "known channels: web, mobile, email, social, phone, chat, store, search, ad, "
                 "referral, review, support, sms, video, event, mail, partner, blog, community, "
                 "survey, loyalty, in_product, other; an unknown one is drawn with the `other` "
                 'icon, or declare it: channel pigeon "Pigeon" like web',
                 id="unknown-channel-lists-the-channels"),
    pytest.param(in_touchpoint("channel webinr"), 5, 15, "W104", "unknown channel `webinr`",
                 "did you mean `webinar`?", id="unknown-channel-suggests-an-alias"),
    pytest.param(cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
        }
        map "N" {
          persona maya "Maya"
          stage s "S" {
            touchpoint t "T" {
              channel web
              emotion maya 0
            }
          }
        }
        """), 4, 1, "E001", "a second map in the file",
                 "a file holds one map; put this one in a file of its own", id="second-map"),
    pytest.param(cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } } }
          stage u "U" { touchpoint v "V" { channel web } }
        }
        """), 3, 3, "E001", "unexpected keyword `stage`; expected the end of the file",
                 "a `}` before this closes the map", id="block-after-the-map-closed"),
    pytest.param(cjm("""
        persona maya "Maya"
        stage s "S" {
          touchpoint t "T" {
            channel web
            emotion maya 0
          }
        }
        """), 1, 1, "E001", "unexpected keyword `persona`; a file begins with its map",
                 'a map\'s statements go inside its block: `map "Title" { … }` around them',
                 id="statements-without-their-map"),
    pytest.param("Notes for the journey workshop\n\nBring sticky notes, 'pens' & coffee\n",
                 1, 1, "E001", "unexpected `Notes`; a file begins with its map",
                 'begin the file with `map "Title" {`', id="a-file-that-is-not-a-map"),
    pytest.param('This map shows our shop; the "library" is shared.\n' + cjm("""
        map "M" {
          persona maya "Maya"
          stage s "S" { touchpoint t "T" { channel web emotion maya 0 } }
        }
        """), 1, 1, "E001", "unexpected `This`; a file begins with its map",
                 'begin the file with `map "Title" {`', id="prose-that-says-map-before-the-map"),
]


@pytest.mark.parametrize("source, line, column, code, message, hint", MISTAKES)
def test_a_mistake_gets_one_message_with_its_fix(source, line, column, code, message, hint):
    [diagnostic] = diagnose(source)
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == (code, line, column)
    assert message in diagnostic.message
    assert hint in (diagnostic.hint or "")


def test_what_comes_before_the_map_is_one_error_and_the_map_after_it_is_checked():
    source = 'stage s "S" {\n}\n' + cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel } }
        }
        """)
    assert [(d.code, d.span.line) for d in diagnose(source)] == [("E001", 1), ("E001", 4)]


def test_the_map_after_prose_that_says_map_is_checked():
    source = 'The map "Shop" is ours\n' + cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel } }
        }
        """)
    assert [(d.code, d.span.line) for d in diagnose(source)] == [("E001", 1), ("E001", 3)]


def test_text_after_the_map_labels_the_brace_that_closed_it():
    source = cjm("""
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } } }
          stage u "U" { touchpoint v "V" { channel web } }
        }
        """)
    [diagnostic] = diagnose(source)
    [label] = diagnostic.labels
    assert (label.span.line, label.span.column, label.message) == (2, 52, "the map ends here")


# ── syntax errors in detail ────────────────────────────────────────────────
def test_missing_closing_brace_points_at_end_of_file_and_labels_the_opening_brace():
    source = cjm("""
        map "M" {
          stage s "S" {
            touchpoint t "T" {
              channel web
        """)
    diagnostic = only(diagnose(source), "E003")
    last_line = source.splitlines()[-1]
    assert (diagnostic.span.line, diagnostic.span.column) == (4, len(last_line) + 1)
    assert diagnostic.message == "missing `}` to close touchpoint `t`"
    [label] = diagnostic.labels
    assert (label.span.line, label.span.column) == (3, 22)
    assert label.message == "touchpoint `t` opens here"


@pytest.mark.parametrize("source", [
    pytest.param('map "M {\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n', id="map-title"),
    pytest.param('map "M" {\n  persona maya "Maya\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n',
                 id="persona-name"),
    pytest.param('map "M" {\n  stage s "S {\n    touchpoint t "T" { channel web }\n  }\n}\n',
                 id="stage-name-before-brace"),
    pytest.param('map "M" {\n  stage s "S" {\n    touchpoint t "T" {\n      channel web\n'
                 '      action "never closed\n      thought "fine"\n    }\n  }\n}\n', id="action"),
    pytest.param('map "M" {\n  persona maya "Maya" { role "Parent\n  }\n'
                 '  stage s "S" { touchpoint t "T" { channel web emotion maya 0 } }\n}\n',
                 id="persona-role"),
    pytest.param('map "M" {\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n"', id="end-of-file"),
])
def test_unterminated_string_does_not_cascade(source):
    diagnostics = diagnose(source)
    assert diagnostics[0].code == "E002"
    assert len(diagnostics) <= 2, [(d.code, d.message) for d in diagnostics]


TERMINAL_NAMES = re.compile(r"\$END|__ANON|<END-OF-FILE>|\b[A-Z][A-Z_]{2,}\b")


@pytest.mark.parametrize("source, words", [
    pytest.param('map {\n}\n', "unexpected `{`; expected a quoted string", id="string"),
    pytest.param('map "M" {\n  stage s "S" { touchpoint t "T" { expect maya "x" } }\n}\n',
                 'unexpected string "x"; expected a number', id="number"),
    pytest.param('map "M" {\n  persona "Maya"\n}\n', 'unexpected string "Maya"; expected a name',
                 id="name"),
    pytest.param('map "M" {\n  stage s "S" { touchpoint t "T" { channel 5 } }\n}\n',
                 "unexpected number `5`; expected a name", id="number-found"),
    pytest.param('map "M" {\n  scale -2 2\n}\n', "expected `..`", id="punctuation"),
    pytest.param('map "M" {\n  stge s "S" { }\n}\n',
                 "expected one of `actor`, `channel`, `description`, `flow`, `kpi`, `lang`, `note`, "
                 "`owner`, `persona`, `scale`, `source`, `stage`, `status`, `tags`, `theme`, "
                 "`updated`, `use`, `version` or `}`", id="keywords"),
    pytest.param('map', "unexpected end of file; expected a quoted string", id="end-of-file"),
    pytest.param('map "M" { }\n}\n', "unexpected `}`; expected the end of the file",
                 id="expected-end"),
])
def test_unexpected_token_messages_speak_in_words(source, words):
    first = diagnose(source)[0]
    assert first.code == "E001"
    assert words in first.message
    assert not TERMINAL_NAMES.search(first.message + " " + (first.hint or ""))


# ── robustness ─────────────────────────────────────────────────────────────
VOCABULARY = ["map", "persona", "stage", "touchpoint", "channel", "emotion", "expect", "pain",
              "opportunity", "source", "owner", "outcome", "action_item", "moment_of_truth",
              "kpi", "value", "start", "end", "target", "retention", "scale", "theme", "color",
              "description", "role", "goal", "flow", "->", "exit", ":", ",",
              "..", "{", "}", "%", '"', '"x"', '"open', '"\\q"',
              "0", "1", "-2", "+3", "2.5", "maya", "web", "web_2", "@", "\\", "\n", " ", "\t",
              "// note\n", "\r\n"]
near_miss_maps = st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans_within(text: str, diagnostics: list) -> None:
    last = len(text.splitlines()) + 1
    for diagnostic in diagnostics:
        for span in (diagnostic.span, *(label.span for label in diagnostic.labels)):
            assert 1 <= span.line <= last, (diagnostic, text)
            assert span.column >= 1, (diagnostic, text)


@FUZZ
@given(st.text())
def test_check_never_raises_on_arbitrary_text(text):
    assert_spans_within(text, check(text).diagnostics)


@FUZZ
@given(near_miss_maps)
def test_check_never_raises_on_near_miss_maps(text):
    diagnostics = check(text).diagnostics
    assert_spans_within(text, diagnostics)
    for diagnostic in diagnostics:
        format_diagnostic(diagnostic, text, "fuzz.cjm")


@FUZZ
@given(near_miss_maps)
def test_syntax_messages_never_name_grammar_terminals(text):
    for diagnostic in check(text).diagnostics:
        assert not TERMINAL_NAMES.search(f"{diagnostic.message} {diagnostic.hint or ''}"), \
            (diagnostic, text)


# ── bytes ──────────────────────────────────────────────────────────────────
def test_invalid_utf8_names_the_byte_and_its_offset():
    text, [diagnostic] = decode(b'map "M" {\n  description "caf\xe9"\n}\n')
    assert diagnostic.code == "E006"
    assert diagnostic.message == "invalid UTF-8 byte 0xe9 at byte offset 28"
    assert (diagnostic.span.line, diagnostic.span.column) == (2, 19)
    assert text.splitlines()[1] == '  description "caf\ufffd"'


def test_decode_strips_a_byte_order_mark():
    assert decode(b'\xef\xbb\xbfmap "M" {}') == ('map "M" {}', [])


def test_invalid_utf8_after_a_byte_order_mark_names_the_right_byte():
    _, [diagnostic] = decode(b'\xef\xbb\xbfmap "M" {\n  "\xff"\n')
    assert diagnostic.message == "invalid UTF-8 byte 0xff at byte offset 16"
    assert (diagnostic.span.line, diagnostic.span.column) == (2, 4)
