"""Bounded work: hostile maps under the limits end with a bounded report, quickly.

The inputs are sized so the old code took tens of seconds or printed megabytes; here the
counts and the size of what a user sees are asserted, never timings (bench/limits.py times
the full-size rows)."""
from __future__ import annotations

import subprocess

from cjmdsl.api import check
from cjmdsl.language.diagnostics import MAX_SHOWN, format_all


def report(text: str) -> str:
    result = check(text, "m.cjm")
    return format_all(result.diagnostics, text, "m.cjm")


def test_thousands_of_warnings_print_the_first_and_a_count_of_the_rest():
    touchpoints = "".join(f'    touchpoint t{i} "T" {{\n      action "a"\n    }}\n'
                          for i in range(3_000))
    text = f'map "M" {{\n  stage s "S" {{\n{touchpoints}  }}\n}}\n'
    shown = report(text)
    assert shown.count("warning[W102]") == MAX_SHOWN
    assert shown.rstrip().endswith(f"and {3_000 - MAX_SHOWN:,} more warnings (only the first "
                                   f"{MAX_SHOWN} are shown)")


def test_the_cap_counts_errors_and_warnings_apart(tmp_path):
    personas = "".join(f'  persona p{i} "P"\n' for i in range(5))
    emotions = "".join(f"      emotion q{i}x 1\n" for i in range(250))
    touchpoints = "".join(f'    touchpoint t{i} "T" {{\n    }}\n' for i in range(100))
    text = (f'map "M" {{\n{personas}  stage s "S" {{\n    touchpoint t "T" {{\n'
            f"      channel web\n{emotions}    }}\n{touchpoints}  }}\n}}\n")
    path = tmp_path / "m.cjm"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(["cjm", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.count("error[E012]") == MAX_SHOWN
    assert "and 50 more errors and 105 more warnings (only the first 200 are shown)" in run.stderr


def test_an_unknown_persona_among_thousands_lists_a_few_in_its_hint():
    personas = "".join(f'  persona persona_{i:04} "P"\n' for i in range(2_000))
    text = (f'map "M" {{\n{personas}  stage s "S" {{\n    touchpoint t "T" {{\n'
            f"      channel web\n      emotion zzz 1\n    }}\n  }}\n}}\n")
    unknown = [d for d in check(text, "m.cjm").diagnostics if d.code == "E012"]
    assert len(unknown) == 1
    assert unknown[0].hint.startswith("known personas: `persona_0000`, `persona_0001`")
    assert len(unknown[0].hint) < 200


def test_thousands_of_misspelt_personas_still_get_their_did_you_mean():
    personas = "".join(f'  persona persona_{i:04} "P"\n' for i in range(2_000))
    emotions = "".join(f"      emotion persona_{i:04}x 1\n" for i in range(2_000))
    text = (f'map "M" {{\n{personas}  stage s "S" {{\n    touchpoint t "T" {{\n'
            f"      channel web\n{emotions}    }}\n  }}\n}}\n")
    unknown = [d for d in check(text, "m.cjm").diagnostics if d.code == "E012"]
    assert len(unknown) == 2_000
    assert unknown[7].hint == "did you mean `persona_0007`?"
    assert unknown[1_234].hint == "did you mean `persona_1234`?"


def test_a_long_line_of_braces_ends_after_a_bounded_number_of_recoveries():
    text = 'map "x" ' + "{" * 20_000
    shown = report(text)
    assert 1 <= shown.count("error[") <= 20
    assert len(shown) < 5_000  # the excerpt of the 20,000-character line is cut


def test_megabytes_of_one_repeated_mistake_end_in_one_short_report():
    for text in ("{ " * 100_000, "a " * 100_000, '"' * 200_000, "\\u{" * 50_000):
        shown = report(text)
        assert 1 <= shown.count("error[") <= 20
        assert len(shown) < 5_000


def _under_one_gigabyte():  # the child may not map more: reading a 2 GB file whole fails
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def test_a_map_linked_to_a_huge_sparse_file_is_refused_after_reading_the_limit(tmp_path):
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(2 * 2**30)
    (tmp_path / "m.cjm").symlink_to(huge)
    for command in (["check"], ["render", "-f", "svg"], ["fmt", "--check"], ["show"]):
        run = subprocess.run(["cjm", *command, "m.cjm"], cwd=tmp_path, capture_output=True,
                             text=True, preexec_fn=_under_one_gigabyte, timeout=60)
        assert run.returncode == 1, (command, run.stderr)
        assert "error[E030]: the file is 2,147,483,648 bytes, more than the limit of " \
               "5,000,000" in run.stderr
        assert "Traceback" not in run.stderr


def test_a_fifo_named_as_a_map_is_refused_without_waiting_for_a_writer(tmp_path):
    import os

    os.mkfifo(tmp_path / "m.cjm")
    for command in (["check"], ["render", "-f", "svg"]):
        run = subprocess.run(["cjm", *command, "m.cjm"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=20)
        assert run.returncode == 2
        assert run.stderr.strip() == ("cjm: error: cannot read m.cjm: it is not a regular file "
                                      "(a device, FIFO or socket)")


def test_standard_input_is_read_no_further_than_the_limit():
    run = subprocess.run(["cjm", "check", "--max-bytes", "1000", "-"], input=b"a" * 5_000,
                         capture_output=True, timeout=20)
    assert run.returncode == 1
    assert b"error[E030]: the file is more than 1,000 bytes, the limit" in run.stderr


def _under_400_megabytes():  # address space: the interpreter and its libraries take ~150 MB
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (400 * 2**20, 400 * 2**20))


def test_a_string_of_megabytes_of_invalid_escapes_is_checked_in_bounded_memory(tmp_path):
    """4.8 MB of `\\u{` in one string: the string terminal kept regex backtracking state per
    character (about 470 MB) and every escape was a diagnostic of its own (1.6 million)."""
    path = tmp_path / "m.cjm"
    path.write_text('map "M" {\n  description "' + "\\u{" * 1_600_000 + '"\n'
                    '  stage s "S" { touchpoint t "T" { channel web } }\n}\n', encoding="utf-8")
    run = subprocess.run(["cjm", "check", str(path)], capture_output=True, text=True,
                         preexec_fn=_under_400_megabytes, timeout=120)
    assert run.returncode == 1, run.stderr[-2000:]
    assert run.stderr.count("error[E005]") == 5
    assert "; 1,599,995 more invalid escapes in this string" in run.stderr


def test_a_string_reports_its_first_invalid_escapes_and_counts_the_others():
    shown = report('map "M" {\n  description "\\q \\x \\y \\z \\w \\v \\k"\n'
                   '  stage s "S" { touchpoint t "T" { channel web } }\n}\n')
    assert shown.count("error[E005]") == 5
    assert "invalid escape `\\w` in a string" in shown
    assert "invalid escape `\\v`" not in shown
    assert shown.count("more invalid escape") == 1
    assert '^^ use \\" \\\\ \\n \\t or \\u{1F600}; 2 more invalid escapes in this string' in shown


def test_a_map_built_while_parsing_equals_the_one_built_from_the_tree():
    """`compile_text` builds the map as Lark reduces each rule; the language server builds it
    from the tree. Both give the same journey, spans included, and the same diagnostics."""
    from pathlib import Path

    from cjmdsl.language.compile import compile_partial, compile_text

    for path in sorted(Path(__file__).parent.parent.joinpath("examples").glob("*.cjm")):
        text = path.read_text(encoding="utf-8")
        built, from_tree = compile_text(text, path.name), compile_partial(text, path.name)
        assert repr(built.journey) == repr(from_tree.journey)
        assert built.diagnostics == from_tree.diagnostics
