"""What `cjm lint` prints for machines and CI: JSON, SARIF 2.1.0 (GitHub code scanning) and
GitHub Actions workflow commands, all from the same records (`records`: the `cjm check
--format json` objects plus the rule's name), and the coverage figures in words.

Every text in a workflow command goes through `github_data` or `github_property`, GitHub's
escaping, so a message can neither end its annotation nor start another.
"""
from __future__ import annotations

from pathlib import PurePath, PurePosixPath
from urllib.parse import quote

from cjmdsl.language.diagnostics import Diagnostic, to_json
from cjmdsl.review.lint.rules import LINT_CODES, RULES, UNKNOWN_ALLOW
from cjmdsl.review.lint.settings import FIGURES
from cjmdsl.words.escape import terminal_text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
STDIN_NAME = "<stdin>"


def records(diagnostics: list[Diagnostic], filename: str) -> list[dict]:
    """The JSON objects of `cjm check --format json`, each with its `rule` (None for the
    compiler's codes that no rule wraps)."""
    from cjmdsl.review.lint import rule_name

    return [{**record, "rule": rule_name(record["code"])}
            for record in to_json(diagnostics, filename)]


def coverage_record(filename: str, figures: dict) -> dict:
    return {"file": filename, **{name: {"covered": share.covered, "total": share.total,
                                        "share": share.share} for name, share in figures.items()}}


def percent(share: float) -> str:
    """A share as a whole percentage, rounded down so that 99.6 % never reads as 100 %; in
    the language being written (`numbers.percent`)."""
    from cjmdsl.words.numbers import percent as written

    return written(int(share * 100 + 1e-9))


def coverage_line(filename: str, figures: dict) -> str:
    """`coverage of shop.cjm: pains 3/4 (75%), evidence 4/4 (100%), owners none`: starting
    with a fixed word, so a file name never starts a CI log line."""
    parts = []
    for name in FIGURES:
        share = figures[name]
        shown = (f"{share.covered}/{share.total} ({percent(share.share)})"
                 if share.share is not None else "none to count")
        parts.append(f"{name} {shown}")
    return terminal_text(f"coverage of {filename}: " + ", ".join(parts))


def below_message(filename: str, name: str, share, bar: float) -> str:
    return (f"{filename}: {FIGURES[name]} is {percent(share.share)} ({share.covered} of "
            f"{share.total}), below the minimum of {percent(bar)}")


# ── SARIF ────────────────────────────────────────────────────────────────────
def sarif(found: list[dict], coverage: list[dict], version: str) -> dict:
    """A SARIF 2.1.0 log of one run: a rule descriptor for every lint code and every other
    code that occurs, then one result per record."""
    codes = sorted({*LINT_CODES, *(rule.code for rule in RULES), *(r["code"] for r in found)})
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cjm", "version": version,
                                "rules": [_descriptor(code) for code in codes]}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(record, index[record["code"]]) for record in found],
            "properties": {"coverage": coverage},
        }],
    }


def _descriptor(code: str) -> dict:
    from cjmdsl.language import codes

    descriptor = {"id": code}
    name = next((rule.name for rule in RULES if rule.code == code), None)
    if name:
        descriptor["name"] = name
    title = codes.title(code) or code
    descriptor["shortDescription"] = {"text": title}
    if codes.page(code):
        descriptor["fullDescription"] = {"text": codes.summary(code)}
        descriptor["help"] = {"text": codes.page(code), "markdown": codes.page(code)}
    level = "warning" if code == UNKNOWN_ALLOW else codes.severity(code)
    descriptor["defaultConfiguration"] = {"level": "note" if level == "off" else level,
                                          "enabled": level != "off"}
    return descriptor


def _result(record: dict, rule_index: int) -> dict:
    text = record["message"] + (f"\n{record['hint']}" if record["hint"] else "")
    location: dict = {"artifactLocation": _artifact(record["file"])}
    if record["line"] >= 1:
        region = {"startLine": record["line"], "startColumn": max(record["column"], 1)}
        if record["end_line"] >= record["line"] and record["end_column"] >= 1:
            region["endLine"] = record["end_line"]
            region["endColumn"] = record["end_column"]
        location["region"] = region
    result = {"ruleId": record["code"], "ruleIndex": rule_index, "level": record["severity"],
              "message": {"text": text}, "locations": [{"physicalLocation": location}]}
    if record["rule"]:
        result["properties"] = {"rule": record["rule"]}
    return result


def _artifact(filename: str) -> dict:
    """A relative path stays relative (code scanning resolves it from the checkout); an
    absolute one becomes a file URI."""
    if filename == STDIN_NAME:
        return {"description": {"text": "standard input"}}
    path = PurePath(filename)
    if path.is_absolute():
        return {"uri": PurePosixPath(path.as_posix()).as_uri()}
    return {"uri": quote(path.as_posix())}


# ── GitHub Actions workflow commands ─────────────────────────────────────────
def github_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it (`%`, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value: its message escaping, and `:` and `,`."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(command: str, message: str, properties: dict[str, object]) -> str:
    """One `::command key=value,…::message` line; control characters in user text are shown
    escaped (`escape.terminal_text`) before GitHub's escaping, so the line stays one line."""
    shown = ",".join(f"{key}={github_property(terminal_text(str(value)))}"
                     for key, value in properties.items() if value is not None)
    return f"::{command} {shown}::{github_data(message)}" if shown \
        else f"::{command}::{github_data(message)}"


def github_annotation(record: dict) -> str:
    """A record as an `::error` or `::warning` annotation on its file and line."""
    message = terminal_text(record["message"])
    if record["hint"]:
        message += "\n" + terminal_text(record["hint"])
    located = record["line"] >= 1
    title = f"{record['code']} {record['rule']}" if record["rule"] else record["code"]
    return github_command(record["severity"], message, {
        "file": None if record["file"] == STDIN_NAME else record["file"],
        "line": record["line"] if located else None,
        "col": record["column"] if located else None,
        "endLine": record["end_line"] if located and record["end_line"] >= 1 else None,
        "endColumn": record["end_column"] if located and record["end_column"] >= 1 else None,
        "title": f"cjm {title}",
    })
