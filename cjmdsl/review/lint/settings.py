"""The `[lint]` section of a project config: severities, thresholds, per-file overrides and
the coverage bar, checked into `LintSettings` with a diagnostic for every mistake.

```toml
[lint]
pain-without-opportunity = "error"   # error | warning | off
gap-threshold = -3
max-evidence-age = "18mo"

[lint.min-coverage]
pains = 0.8

[[lint.overrides]]
files = ["drafts/*"]
claim-without-evidence = "off"
```

Keys are kebab-case, as the rule names they tune. `cjmdsl.config` reads the file and hands
the table here; this module knows the rules, the config module the file.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field, replace
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from cjmdsl.language.diagnostics import did_you_mean
from cjmdsl.language.tomlfile import Places, kind_of
from cjmdsl.model import Span, record
from cjmdsl.review.lint.rules import BY_CODE, BY_NAME, RULE_NAMES, RULES, SEVERITIES, Thresholds

GAP_THRESHOLD, MAX_EVIDENCE_AGE = "gap-threshold", "max-evidence-age"
THRESHOLD_KEYS = (GAP_THRESHOLD, MAX_EVIDENCE_AGE)
MIN_COVERAGE, OVERRIDES, FILES = "min-coverage", "overrides", "files"
# The coverage figures a bar can be set for, and what each counts.
FIGURES: dict[str, str] = {
    "pains": "pains with an opportunity",
    "evidence": "claims with evidence",
    "owners": "opportunities and action items with an owner",
}
_AGE = re.compile(r"(\d+)(mo|y)")


@record
class Tuning:
    """Severities by rule name and threshold values, as far as one table sets them."""

    severities: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float | int] = field(default_factory=dict)

    def over(self, base: "Tuning") -> "Tuning":
        return Tuning({**base.severities, **self.severities},
                      {**base.thresholds, **self.thresholds})


@record
class Override:
    """`[[lint.overrides]]`: a tuning for the maps whose path matches one of `files`."""

    files: tuple[str, ...]
    tuning: Tuning

    def matches(self, path: str) -> bool:
        """`path` is relative to the config's folder, with `/`. A pattern with no `/`
        matches the file name in any folder; `*` matches across folders (fnmatch)."""
        name = PurePath(path).name
        return any(fnmatchcase(path, pattern) or ("/" not in pattern and fnmatchcase(name, pattern))
                   for pattern in self.files)


@record
class LintSettings:
    """Everything `[lint]` sets; the defaults when there is no config or no section."""

    tuning: Tuning = Tuning()
    min_coverage: dict[str, float] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()

    def for_file(self, path: str | None) -> tuple[dict[str, str], Thresholds]:
        """The severity of every rule and the thresholds for one map: the rules' defaults,
        under `[lint]`, under each override that matches `path` (later ones win). `path` is
        relative to the config's folder; None (standard input, a map outside it) matches none."""
        tuning = Tuning({rule.name: rule.severity for rule in RULES}, {})
        tuning = self.tuning.over(tuning)
        for override in self.overrides:
            if path is not None and override.matches(path):
                tuning = override.tuning.over(tuning)
        thresholds = Thresholds()
        if GAP_THRESHOLD in tuning.thresholds:
            thresholds = replace(thresholds, gap_threshold=tuning.thresholds[GAP_THRESHOLD])
        if MAX_EVIDENCE_AGE in tuning.thresholds:
            thresholds = replace(thresholds, max_evidence_age=tuning.thresholds[MAX_EVIDENCE_AGE])
        return tuning.severities, thresholds


def lint_keys() -> tuple[str, ...]:
    """Every key `[lint]` takes."""
    return (*RULE_NAMES, *THRESHOLD_KEYS, MIN_COVERAGE, OVERRIDES)


def age_in_months(text: str) -> int | None:
    """`12mo` or `2y` as months; None for anything else."""
    found = _AGE.fullmatch(text.strip())
    if not found or int(found.group(1)) < 1:
        return None
    return int(found.group(1)) * (12 if found.group(2) == "y" else 1)


def parse_share(text: str) -> float | None:
    """`0.8` or `80%` as a share from 0 to 1; None for anything else."""
    text = text.strip()
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


Fail = Callable[[str, str, Span, "str | None"], None]


class LintChecker:
    """Checks a `[lint]` table. `section` gives a section's full name in the file (with
    `tool.cjm.` in a pyproject.toml); `fail(code, message, span, hint)` reports a mistake."""

    def __init__(self, places: Places, section: Callable[[str], str], fail: Fail):
        self.places = places
        self.section = section
        self.fail = fail

    def check(self, table: dict) -> LintSettings:
        tuning = self._tuning("lint", table, top=True)
        coverage = table.get(MIN_COVERAGE, {})
        overrides = table.get(OVERRIDES, [])
        return LintSettings(tuning, self._coverage(coverage), self._overrides(overrides))

    def _header(self, section: str) -> str:
        """A section as its header is written: `[lint]`, `[[lint.overrides]]`."""
        table, _, index = section.rpartition(".")
        if index.isdigit():
            return f"[[{self.section(table)}]]"
        return f"[{self.section(section)}]"

    def _key(self, section: str, key: str) -> Span:
        return self.places.key(self.section(section), key)

    def _value(self, section: str, key: str) -> Span:
        return self.places.value(self.section(section), key)

    def _tuning(self, section: str, table: dict, top: bool) -> Tuning:
        severities: dict[str, str] = {}
        thresholds: dict[str, float | int] = {}
        for key, value in table.items():
            if top and key in (MIN_COVERAGE, OVERRIDES):
                continue
            if key in BY_NAME:
                checked = self._severity(section, key, value)
                if checked:
                    severities[key] = checked
            elif key in THRESHOLD_KEYS:
                checked = self._threshold(section, key, value)
                if checked is not None:
                    thresholds[key] = checked
            elif not top and key == FILES:
                continue
            else:
                self._unknown(section, key, top)
        return Tuning(severities, thresholds)

    def _unknown(self, section: str, key: str, top: bool) -> None:
        known = lint_keys() if top else (*RULE_NAMES, *THRESHOLD_KEYS, FILES)
        rule = BY_CODE.get(key.upper())
        if rule:
            hint = f"name the rule: `{rule.name}`"
        elif not top and key in (MIN_COVERAGE, OVERRIDES):
            hint = f"`{key}` applies to the whole run: set it in [{self.section('lint')}]"
        else:
            hint = did_you_mean(key, known) or "rules: " + ", ".join(RULE_NAMES)
        self.fail("E061", f"unknown key `{key}` in {self._header(section)}",
                  self._key(section, key), hint)

    def _severity(self, section: str, key: str, value) -> str | None:
        span = self._value(section, key)
        if not isinstance(value, str):
            self.fail("E062", f"`{key}` must be text in quotes (error, warning or off), "
                              f"not {kind_of(value)}", span, f'for example: {key} = "off"')
            return None
        if value not in SEVERITIES:
            self.fail("E063", f"unknown severity `{value}` for `{key}`", span,
                      did_you_mean(value, SEVERITIES) or "severities: error, warning, off")
            return None
        return value

    def _threshold(self, section: str, key: str, value):
        span = self._value(section, key)
        if key == GAP_THRESHOLD:
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.fail("E062", f"`{key}` must be a number, not {kind_of(value)}", span,
                          f"for example: {key} = -2")
                return None
            if value >= 0:
                self.fail("E063", f"`{key}` must be below 0, not {value}", span,
                          "a gap is felt minus expected: -2 means two points worse than "
                          "expected")
                return None
            return value
        if not isinstance(value, str):
            self.fail("E062", f"`{key}` must be text in quotes, not {kind_of(value)}", span,
                      f'for example: {key} = "12mo" (months) or "2y" (years)')
            return None
        months = age_in_months(value)
        if months is None:
            self.fail("E063", f"`{key}` must be a number of months or years such as \"12mo\" "
                              f"or \"2y\", not \"{value}\"", span)
        return months

    def _coverage(self, table) -> dict[str, float]:
        if not isinstance(table, dict):
            self.fail("E062", f"`{MIN_COVERAGE}` must be a section "
                              f"([{self.section('lint.' + MIN_COVERAGE)}]), not {kind_of(table)}",
                      self._key("lint", MIN_COVERAGE), "for example: pains = 0.8 in it")
            return {}
        section = f"lint.{MIN_COVERAGE}"
        bars = {}
        for key, value in table.items():
            span = self._value(section, key)
            if key not in FIGURES:
                self.fail("E061", f"unknown coverage figure `{key}` in "
                                  f"[{self.section(section)}]", self._key(section, key),
                          did_you_mean(key, FIGURES) or "figures: " + ", ".join(FIGURES))
            elif isinstance(value, bool) or not isinstance(value, int | float):
                self.fail("E062", f"`{key}` must be a share from 0 to 1, not {kind_of(value)}",
                          span, f"for example: {key} = 0.8")
            elif not 0 <= value <= 1:
                self.fail("E063", f"`{key}` must be a share from 0 to 1, not {value}", span,
                          f"for example: {key} = 0.8 (80 %)")
            else:
                bars[key] = float(value)
        return bars

    def _overrides(self, tables) -> tuple[Override, ...]:
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self.fail("E062", f"`{OVERRIDES}` must be tables ([[{self.section('lint.overrides')}"
                              f"]]), not {kind_of(tables)}", self._key("lint", OVERRIDES),
                      'write each as [[lint.overrides]] with files = ["…"] and the rules')
            return ()
        found = []
        for index, table in enumerate(tables):
            section = f"lint.{OVERRIDES}.{index}"
            files = table.get(FILES)
            tuning = self._tuning(section, table, top=False)
            if (not isinstance(files, list) or not files
                    or not all(isinstance(f, str) and f for f in files)):
                self.fail("E062" if not isinstance(files, list) else "E063",
                          "an override needs `files`, a list of patterns such as [\"drafts/*\"]",
                          self._key(section, FILES),
                          "patterns are relative to the folder of the config file")
                continue
            found.append(Override(tuple(files), tuning))
        return tuple(found)


def path_in_project(path: Path | None, config: Path | None) -> str | None:
    """A map's path relative to the config's folder, for `[[lint.overrides]]`; None when it
    has none there (standard input, a map outside the config's folder)."""
    if path is None or config is None:
        return None
    try:
        return path.resolve().relative_to(config.parent.resolve()).as_posix()
    except ValueError:
        return None
