"""A map diff (`cjmdsl.review.diff`) written out: text for a terminal, Markdown for a pull-request
comment, JSON for tools. Each takes the diffs of one run (one per map file) and returns a
string; the sentences are `cjmdsl.words.sentences`', every user text escaped for its target."""
from __future__ import annotations

import json
from collections.abc import Sequence

import click

from cjmdsl.model import Kpi, Metric, Scale, Source, record
from cjmdsl.review import diff
from cjmdsl.words import kpis
from cjmdsl.words import sentences as words
from cjmdsl.words.escape import md_text, terminal_text
from cjmdsl.words.numbers import on_scale, signed

JSON_VERSION = 1
HIGHLIGHTS = 5  # changes a Markdown comment shows before its folded details


@record
class FileDiff:
    """The diff of one map file: `name` is the new version's file, `old_name` where the old
    text came from (a file, or `REV:path`)."""

    name: str
    old_name: str
    map_diff: diff.MapDiff


# ── marks: what a change is, and whether it is good news ────────────────────
GOOD, BAD, NEUTRAL = "good", "bad", "neutral"
_COLORS = {GOOD: "green", BAD: "red", NEUTRAL: "yellow"}


def mark(change) -> tuple[str, str]:
    """The sign before a change (`+`, `-`, `~`, `→`, `↑`, `↓`, `✓`) and its tone."""
    if isinstance(change, diff.FeelingChanged):
        delta = change.delta
        if delta:
            return ("↑", GOOD) if delta > 0 else ("↓", BAD)
        return "~", NEUTRAL
    if isinstance(change, diff.FindingAdded):
        return "+", BAD if change.what == "pain" else GOOD
    if isinstance(change, diff.FindingRemoved):
        return ("✓", GOOD) if change.what == "pain" else ("-", BAD)
    if isinstance(change, diff.SourceChanged):
        if change.before is None:
            return "+", GOOD
        return ("-", BAD) if change.after is None else ("~", NEUTRAL)
    if isinstance(change, diff.KpiChanged):
        return _kpi_mark(change)
    if isinstance(change, diff.MetricChanged):
        if change.before is None or change.after is None:
            return ("+", NEUTRAL) if change.before is None else ("-", NEUTRAL)
        return _kpi_mark(change)
    if isinstance(change, diff.EntryChanged):
        return ("+", NEUTRAL) if change.added else ("-", NEUTRAL)
    if isinstance(change, diff.Added):
        return "+", NEUTRAL
    if isinstance(change, diff.Removed):
        return "-", NEUTRAL
    if isinstance(change, diff.Moved):
        return "→", NEUTRAL
    return "~", NEUTRAL


def _kpi_mark(change: diff.KpiChanged) -> tuple[str, str]:
    before, after = change.before.actual, change.after.actual
    if change.before.met is False and change.after.met:
        return "↑", GOOD
    if change.before.met and change.after.met is False:
        return "↓", BAD
    if before is None or after is None or before == after or change.after.better is None:
        return "~", NEUTRAL
    up = after > before
    return ("↑" if up else "↓"), GOOD if up == (change.after.better == "higher") else BAD


# ── text ────────────────────────────────────────────────────────────────────
def text(files: Sequence[FileDiff], color: bool = False) -> str:
    """For a terminal: per map a heading, the summary, and each change under its section
    (colours only when `color`)."""
    blocks = []
    for file in files:
        found = file.map_diff
        title = found.new_title if found.new_title is not None else found.old_title
        lines = [click.style(f"{terminal_text(file.name)}: {terminal_text(title or '')}",
                             bold=True),
                 "  " + words.diff_summary(found, terminal_text)]
        for section, changes in _sections(found):
            lines += ["", "  " + click.style(words.DIFF_SECTIONS[section], underline=True)]
            for change in changes:
                sign, tone = mark(change)
                lines.append(f"    {click.style(sign, fg=_COLORS[tone], bold=True)} "
                             f"{words.change(change, terminal_text)}")
        blocks.append("\n".join(lines))
    output = "\n\n".join(blocks) if blocks else "No maps changed"
    return output if color else click.unstyle(output)


def _sections(found: diff.MapDiff) -> list[tuple[str, list]]:
    grouped: dict[str, list] = {}
    for change in found.changes:
        grouped.setdefault(change.section, []).append(change)
    return [(section, grouped[section]) for section in diff.SECTIONS if section in grouped]


# ── Markdown ────────────────────────────────────────────────────────────────
def markdown(files: Sequence[FileDiff]) -> str:
    """For a pull-request comment: per map its summary and the changes that matter most,
    then every change folded in `<details>` by section."""
    out = ["### Journey map changes", ""]
    if not files:
        return "\n".join(out + ["No maps changed.", ""])
    for file in files:
        found = file.map_diff
        title = found.new_title if found.new_title is not None else found.old_title
        out.append(f"**{md_text(file.name)}** · {md_text(title or '')}: "
                   f"{words.diff_summary(found, md_text)}")
        out.append("")
        if not found.changes:
            continue
        out += [_md_item(change) for change in _highlights(found)] + [""]
        out += ["<details>", f"<summary>All {len(found.changes)} "
                f"{'change' if len(found.changes) == 1 else 'changes'} in "
                f"{md_text(file.name)}</summary>", ""]
        for section, changes in _sections(found):
            out += [f"#### {words.DIFF_SECTIONS[section]}", ""]
            if section == "feelings":
                out += _feelings_table(changes)
            else:
                out += [_md_item(change) for change in changes]
            out.append("")
        out += ["</details>", ""]
    return "\n".join(out)


# A `-` or `+` mark after a list item's `- ` would start a nested list.
_MD_MARKS = {"-": "\\-", "+": "\\+"}


def _md_item(change) -> str:
    sign = mark(change)[0]
    return f"- {_MD_MARKS.get(sign, sign)} {words.change(change, md_text)}"


def _highlights(found: diff.MapDiff) -> list:
    """The changes a reviewer should see first: good and bad news, the feelings that moved
    most first, at most HIGHLIGHTS."""
    toned = [c for c in found.changes if mark(c)[1] != NEUTRAL]
    rank = {id(c): (0 if isinstance(c, diff.FeelingChanged) else 1,
                    -abs(getattr(c, "delta", 0) or 0), index) for index, c in enumerate(toned)}
    chosen = sorted(toned, key=lambda c: rank[id(c)])[:HIGHLIGHTS]
    return chosen or list(found.changes[:HIGHLIGHTS])


def _feelings_table(changes: list) -> list[str]:
    rows = ["| | Persona | Touchpoint | Emotion | Expected | Gap |", "|---|---|---|---|---|---|"]
    for change in changes:
        scales = change.scale_before, change.scale_after
        emotion = _moved_value(change.emotion_before, change.emotion_after, scales)
        if change.delta:
            emotion += f" ({signed(change.delta)})"
        rows.append(f"| {mark(change)[0]} | {md_text(words.short_name(change.persona.name))} | "
                    f"{md_text(change.touchpoint.name)} | {emotion} | "
                    f"{_moved_value(change.expected_before, change.expected_after, scales)} | "
                    f"{_moved_value(change.gap_before, change.gap_after)} |")
    return rows


def _moved_value(before: float | None, after: float | None, scales=None) -> str:
    """`-2 → +1`: points on the versions' `scales` (as `numbers.on_scale` writes them), or
    differences, signed, without scales."""
    def shown(value, scale):
        if value is None:
            return "–"
        return signed(value) if scale is None else on_scale(value, scale)
    was, now = scales or (None, None)
    return shown(after, now) if before == after else f"{shown(before, was)} → {shown(after, now)}"


# ── JSON ────────────────────────────────────────────────────────────────────
def as_json(files: Sequence[FileDiff]) -> str:
    """`{"version": 1, "maps": [{file, old_file, status, old_title, new_title, summary,
    changes: [{change, section, sentence, …the record's fields}]}]}`, keys in a fixed order."""
    maps = [{"file": file.name, "old_file": file.old_name, "status": file.map_diff.status,
             "old_title": file.map_diff.old_title, "new_title": file.map_diff.new_title,
             "summary": words.diff_summary(file.map_diff),
             "changes": [_change_data(change) for change in file.map_diff.changes]}
            for file in files]
    return json.dumps({"version": JSON_VERSION, "maps": maps}, indent=2, ensure_ascii=False)


_RECORD_NAMES = {
    diff.TextChanged: "text_changed", diff.Added: "added", diff.Removed: "removed",
    diff.Renamed: "renamed", diff.Moved: "moved", diff.FeelingChanged: "feeling_changed",
    diff.FindingAdded: "finding_added", diff.FindingRemoved: "finding_removed",
    diff.OwnerChanged: "owner_changed", diff.SourceChanged: "source_changed",
    diff.KpiChanged: "kpi_changed", diff.DetailsChanged: "details_changed",
    diff.SourceEdited: "source_edited", diff.MetricChanged: "metric_changed",
    diff.FindingEdited: "finding_edited", diff.EntryChanged: "entry_changed",
}


def _change_data(change) -> dict:
    data = {"change": _RECORD_NAMES[type(change)], "section": change.section,
            "sentence": words.change(change)}
    for name in change.__dataclass_fields__:
        data[name] = _value_data(getattr(change, name))
    if isinstance(change, diff.FeelingChanged):
        data.update(delta=change.delta, gap_before=change.gap_before,
                    gap_after=change.gap_after)
    return data


def _value_data(value):
    if isinstance(value, diff.Ref):
        return {"id": value.id, "name": value.name}
    if isinstance(value, Source):
        return {"kind": value.kind, "detail": value.detail, "cites": value.cites}
    if isinstance(value, (Kpi, Metric)):
        return {"figure": kpis.figure(value), "actual": value.actual,
                "target": kpis.target(value), "met": value.met}
    if isinstance(value, Scale):
        return {"low": value.low, "high": value.high}
    if isinstance(value, tuple):
        return [_value_data(item) for item in value]
    return value
