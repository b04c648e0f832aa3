"""Parse tree to validated model.

`Builder` is a Lark Transformer with one method per grammar rule; it turns the
tree into model objects and reports what only it can see (bad escapes, fields
given twice, options in the wrong place). `validate` then checks the whole
model (ids, references, the scale, KPIs) and collects every diagnostic.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field, replace

from lark import Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedInput, VisitError

from cjmdsl.model import record
from cjmdsl.runtime import collector
from cjmdsl import model as m
from cjmdsl.channels import ALIASES, channel_id, channel_names, resolve_channel
from cjmdsl.language.durations import UNIT_OF, DurationMistake, read_duration
from cjmdsl.lanes import EVERY_ITEM_OPTIONS, FINDING_KINDS, ITEM_KINDS, ItemKind
from cjmdsl.language.diagnostics import (Candidates, Diagnosed, Diagnostic, Label, closest,
                                         did_you_mean, error, sort_key, warning)
from cjmdsl.language.blueprint import check_blueprint
from cjmdsl.layout.glyphs import font_warnings
from cjmdsl.layout.textmetrics import lacks
from cjmdsl.words.locales import catalogue_language, unknown_language_hint
from cjmdsl.language.measured import MEASURED_CHECKS, measured_stages
from cjmdsl.words.numbers import on_scale
from cjmdsl.language.states import STATE_CHECKS
from cjmdsl.language.parser import parse_tree, reduce_with
from cjmdsl.language.textblock import dedented
from cjmdsl.runtime.lazyregex import LazyRegex

_ESCAPE = LazyRegex(r"\\(u\{[0-9A-Fa-f]{1,6}\}|u[0-9A-Fa-f]{4}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}
_COLOR = LazyRegex(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
# Invalid escapes reported for one string; the last one reported counts the others.
MOST_ESCAPE_ERRORS = 5
_OPTIONS_OF = {**{kind.keyword: kind.options + EVERY_ITEM_OPTIONS
                  for kind in ITEM_KINDS if not kind.findings and kind.options},
               "emotion": ("source", "n", "sd", "range"),
               **{kind.keyword: kind.options + EVERY_ITEM_OPTIONS for kind in FINDING_KINDS},
               "action_item": ("outcome", "owner", "impact", "effort", "aims"),
               "metric": ("source",)}
# How a hint names what an option may follow.
_OWNER_NAMES = {**{kind.keyword: kind.noun for kind in ITEM_KINDS}, "emotion": "an emotion",
                "action_item": "an action item", "metric": "a metric"}
# How an option is written, where its rule is named otherwise (for messages).
_OPTION_WORDS = {"by": "by", "handoff": "->"}


@dataclass
class CompileResult(Diagnosed):
    """What compiling a text gives: the journey (None on errors) and every diagnostic."""

    journey: m.Journey | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    library: bool = False  # the text is a `library "…" { … }`: declarations for maps to use
    libraries: tuple = ()  # the libraries the text uses (cjmdsl.language.libraries.UsedLibrary)
    files: tuple = ()  # every library file read or looked for, however deep: what it depends on
    # What compiling the next version of the text can reuse (cjmdsl.language.edits.Memo).
    memo: object = field(default=None, compare=False, repr=False)


def compile_text(text: str, filename: str = "<input>", known_themes=(),
                 importer=None, builder: Builder | None = None) -> CompileResult:
    """Parse, build and validate a map; never raises for a mistake in the text.

    The map is built while it is parsed (`reduce_with`) by `builder` (default: a new
    Builder; `cjmdsl.language.edits` gives one that keeps what it built); a text with a
    syntax error is parsed again by `parse_tree`, which recovers from each mistake and
    describes it. `importer` (cjmdsl.language.libraries.Importer) loads the libraries the
    text `use`s; without one, a `use` is E113."""
    with collector.paused():
        try:
            journey, diagnostics, library = built_while_parsed(text, filename, known_themes,
                                                                importer, builder)
        except UnexpectedInput:
            return with_libraries(CompileResult(None, parse_tree(text)[1]), importer)
    failed = any(d.is_error for d in diagnostics)
    return with_libraries(CompileResult(None if failed else journey, diagnostics, library),
                           importer)


def built_while_parsed(text: str, filename: str, known_themes, importer,
                        builder: Builder | None = None) -> tuple[m.Journey, list[Diagnostic], bool]:
    """The journey built while the text is parsed (`reduce_with`) by `builder` (default: a
    new Builder), with every diagnostic of the build and of `validate`; raises Lark's
    UnexpectedInput at a syntax error."""
    builder = builder or Builder(filename, importer)
    journey = reduce_with(text, builder, Tree)
    return journey, checked(journey, text, builder.diagnostics, builder, known_themes), \
        builder.is_library


def checked(journey: m.Journey, text: str, built: list[Diagnostic], builder: Builder,
            known_themes) -> list[Diagnostic]:
    """`built` (the builder's diagnostics) with those of `validate` and of the font, sorted."""
    diagnostics = built + _validated(journey, known_themes, builder)
    # Only a character of the file the font lacks, or one an escape writes, can be drawn from
    # other fonts: the file's set of characters is read in C, the texts walked only then.
    if "\\u{" in text or (not text.isascii() and lacks("".join(set(text)))):
        diagnostics += font_warnings(journey)
    diagnostics.sort(key=sort_key)
    return diagnostics


def with_libraries(result: CompileResult, importer) -> CompileResult:
    """`result` knowing the libraries `importer` loaded for it."""
    if importer is None:
        return result
    return replace(result, libraries=tuple(importer.used),
                   files=tuple(importer.libraries.files))


def compile_partial(text: str, filename: str = "<input>", known_themes=(),
                    importer=None, builder: Builder | None = None) -> CompileResult:
    """For editors: the journey as far as it can be built, even when the text has errors.

    Unlike `compile_text`, `journey` is kept when there are errors, and a syntax error does
    not stop the build: the tree repaired by the parser's recovery is built and validated,
    so a mistake in one block hides neither the outline nor the diagnostics of the others.
    Checks that a half-typed file would fail for nothing (no touchpoints yet; values the
    recovery filled in on the broken lines) are left out. Without syntax errors the
    diagnostics are exactly those of `compile_text`. None only when nothing could be built.
    """
    try:  # a text that parses is built as `compile_text` builds it, without a tree
        journey, diagnostics, library = built_while_parsed(text, filename, known_themes,
                                                            importer, builder)
        return with_libraries(CompileResult(journey, diagnostics, library), importer)
    except UnexpectedInput:
        return repaired(text, filename, known_themes, importer)


def repaired(text: str, filename: str, known_themes, importer) -> CompileResult:
    """`compile_partial` of a text with a syntax error: the tree the parser's recovery
    repaired, built and validated."""
    if importer is not None:
        importer.used.clear()  # the libraries are loaded once; the tree's build uses them
    tree, syntax = parse_tree(text, tolerant=True)
    if tree is None:
        return CompileResult(None, syntax)
    broken_lines = {d.span.line for d in syntax}
    try:
        journey, found, library = _build(tree, filename, known_themes, importer)
    except VisitError:
        return CompileResult(None, syntax)  # a repaired tree the builder cannot read
    kept = [d for d in found if (d.origin is not None or d.span.line not in broken_lines)
            and d.code != "E010"]
    return with_libraries(CompileResult(journey, sorted(syntax + kept, key=sort_key), library),
                           importer)


def _build(tree: Tree, filename: str, known_themes,
           importer=None) -> tuple[m.Journey, list[Diagnostic], bool]:
    builder = Builder(filename, importer)
    journey = builder.transform(tree)
    diagnostics = builder.diagnostics + _validated(journey, known_themes, builder)
    diagnostics.sort(key=sort_key)
    return journey, diagnostics, builder.is_library


def _validated(journey: m.Journey, known_themes, builder: Builder) -> list[Diagnostic]:
    """`validate`'s diagnostics, none when a library could not be used: what it declares is
    missing, and every id of it the map names would be one more message for one mistake."""
    if builder.import_failed:
        return []
    return validate(journey, known_themes, builder.is_library)


def read_string(token: Token) -> tuple[str, bool]:
    """A string as the compiler reads it (escapes, a triple-quoted string dedented), and
    whether it has a mistake the compiler reports."""
    builder = Builder("<string>")
    return builder._string(token), bool(builder.diagnostics)


def span_of(item) -> m.Span:
    """The span of a token or of a tree node (from Lark's propagated positions)."""
    if isinstance(item, Token):
        return m.Span(item.line, item.column, item.end_line or item.line,
                      item.end_column or item.column + len(item))
    meta = item.meta if isinstance(item, Tree) else item
    if getattr(meta, "empty", True):
        return m.NO_SPAN
    return m.Span(meta.line, meta.column, meta.end_line, meta.end_column)


@record
class _Field:
    """A `keyword value` statement inside a block, before it lands in a model object."""

    key: str
    value: object
    span: m.Span
    options: tuple = ()


@v_args(meta=True)
class Builder(Transformer):
    """One method per grammar rule; each returns a model object or a `_Field`. Helpers are
    named with a leading `_`, which `v_args` leaves unwrapped: each call of a wrapped method
    through `self` builds a new wrapper (with `functools.update_wrapper`), a tenth of the
    build of a large map."""

    def __init__(self, filename: str, importer=None):
        super().__init__(visit_tokens=False)
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []
        self.importer = importer  # loads what `use` names (cjmdsl.language.libraries)
        self.imported: list = []  # the declarations `use` brought, for `map`
        self.is_library = False
        self.import_failed = False  # a `use` that brought errors instead of declarations

    # ── helpers ────────────────────────────────────────────────────────────
    def _string(self, token: Token) -> str:
        """Unquote a STRING token, reporting its invalid escapes (E005): the first
        `MOST_ESCAPE_ERRORS`, the last of them counting the rest, so that a string of a
        million `\\u{` is a handful of diagnostics, not a million."""
        if str(token).startswith('"""'):
            return self._long_string(token)
        return self._unescaped(str(token)[1:-1], token.line, token.column + 1)

    def _long_string(self, token: Token) -> str:
        """A triple-quoted string, dedented (`cjmdsl.language.textblock.dedented`), each line's
        escapes read where the line was written, so an invalid one is reported at its own
        line and column."""
        lines = []
        for line in dedented(str(token)[3:-3], token.line, token.column + 3):
            lines.append(self._unescaped(line.text, line.line, line.column)
                         if line.text else "")
        return "\n".join(lines)

    def _unescaped(self, raw: str, line: int, first_column: int) -> str:
        """`raw` with its escapes replaced; `raw` was written on `line` from `first_column`."""
        invalid: list[tuple[str, m.Span]] = []
        more = 0

        def replace(match: re.Match) -> str:
            nonlocal more
            body = match.group(1)
            if body in _SIMPLE_ESCAPES:
                return _SIMPLE_ESCAPES[body]
            if body.startswith("u") and len(body) > 1:
                code = int(body[2:-1] if body.startswith("u{") else body[1:], 16)
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    return chr(code)
            if len(invalid) < MOST_ESCAPE_ERRORS:
                column = first_column + match.start()
                invalid.append((body, m.Span(line, column, line, column + len(match.group(0)))))
            else:
                more += 1
            return match.group(0)

        text = _ESCAPE.sub(replace, raw)
        for number, (body, span) in enumerate(invalid, 1):
            rest = (f"; {more:,} more invalid escape{'s' if more != 1 else ''} in this string"
                    if more and number == len(invalid) else "")
            self.diagnostics.append(error("E005", f"invalid escape `\\{body}` in a string", span,
                                          'use \\" \\\\ \\n \\t or \\u{1F600}' + rest))
        return text

    def _once(self, fields: list[_Field], key: str, what: str):
        """The single field `key`, reporting repeats (E016)."""
        found = [f for f in fields if f.key == key]
        for repeat in found[1:]:
            self.diagnostics.append(error(
                "E016", f"`{key}` is given twice for {what}", repeat.span,
                "keep one", (Label(found[0].span, "first given here"),)))
        return found[0] if found else None

    def _texts(self, fields: list[_Field], key: str) -> tuple[m.Text, ...]:
        return tuple(m.Text(f.value, f.span) for f in fields if f.key == key)

    def _options(self, owner_kind: str, options: list[_Field]) -> dict[str, _Field]:
        """Options after a pain point, opportunity or action item; misplaced ones are E020."""
        allowed = _OPTIONS_OF[owner_kind]
        chosen: dict[str, _Field] = {}
        for option in options:
            if option.key not in allowed:
                word = _OPTION_WORDS.get(option.key, option.key)
                self.diagnostics.append(error(
                    "E020", f"`{word}` cannot follow {owner_kind.replace('_', ' ')}",
                    option.span, f"`{word}` belongs to {_owners_of(option.key)}"))
            elif option.key in chosen:
                self.diagnostics.append(error(
                    "E016", f"`{_OPTION_WORDS.get(option.key, option.key)}` is given twice", option.span, "keep one",
                    (Label(chosen[option.key].span, "first given here"),)))
            else:
                chosen[option.key] = option
        return chosen

    # ── map ────────────────────────────────────────────────────────────────
    def start(self, meta, children):
        return children[0]

    def map(self, meta, children):
        title, *items = children
        if self.imported:
            from cjmdsl.language.libraries import merged

            scale_written = any(isinstance(i, _Field) and i.key == "scale" for i in items)
            items, scale, problems = merged(self.imported, items, scale_written,
                                            self.is_library)
            items += [_Field("scale", scale, scale.span)] if scale else []
            self.diagnostics += problems
        fields = [i for i in items if isinstance(i, _Field)]
        scale = self._once(fields, "scale", "the map")
        description = self._once(fields, "description", "the map")
        theme = self._once(fields, "theme", "the map")
        lang = self._once(fields, "lang", "the map")
        declared = tuple(i for i in items if isinstance(i, m.ChannelDeclaration))
        sources = tuple(i for i in items if isinstance(i, m.DeclaredSource))
        stages = tuple(i for i in items if isinstance(i, m.Stage))
        if declared:
            stages = _with_declared_channels(stages, declared)
        if sources:
            stages = _with_citations(stages, sources)
        stages = measured_stages(stages, scale.value if scale else m.DEFAULT_SCALE,
                                 self.diagnostics)
        return m.Journey(
            title=self._string(title),
            scale=scale.value if scale else m.DEFAULT_SCALE,
            personas=tuple(i for i in items if isinstance(i, m.Persona)),
            stages=stages,
            kpis=tuple(i for i in items if isinstance(i, m.Kpi)),
            flows=tuple(i for i in items if isinstance(i, m.Flow)),
            sources=sources,
            description=description.value if description else None,
            theme=theme.value if theme else None,
            theme_span=theme.span if theme else m.NO_SPAN,
            lang=lang.value if lang else None,
            lang_span=lang.span if lang else m.NO_SPAN,
            channels=declared,
            notes=self._texts(fields, "note"),
            metadata=self._metadata(fields),
            actors=tuple(i for i in items if isinstance(i, m.Actor)),
            source_name=self.filename,
            span=span_of(meta),
        )

    def library(self, meta, children):
        """A library is built as a map is; what only a map may hold (its content) is E110."""
        self.is_library = True
        title, *items = children
        kept = [title]
        for item in items:
            keyword = _CONTENT_KEYWORDS.get(type(item))
            if keyword is None:
                kept.append(item)
                continue
            start = item.span
            self.diagnostics.append(error(
                "E110", f"a library cannot hold a {_CONTENT_NAMES[keyword]}",
                m.Span(start.line, start.column, start.line, start.column + len(keyword)),
                "a library holds declarations (personas, sources, channels, the scale) for "
                "maps to `use`: move it into a map"))
        return self.map(meta, kept)

    def use(self, meta, children):
        """The declarations of the library `use` names, kept for `map`."""
        written = self._string(children[0])
        if self.importer is None:
            from cjmdsl.language.libraries import Importer

            entries, problems = Importer.without_file(written, span_of(children[0]))
        else:
            entries, problems = self.importer.load(written, span_of(children[0]))
        self.imported += entries
        self.diagnostics += problems
        self.import_failed = self.import_failed or any(d.is_error for d in problems)
        return _Field("use", written, span_of(meta))

    def _metadata(self, fields: list[_Field]) -> m.Metadata:
        given = {key: self._once(fields, key, "the map")
                 for key in ("owner", "status", "version", "updated", "tags")}
        return m.Metadata(**{key: f.value for key, f in given.items() if f is not None})

    def map_updated(self, meta, children):
        """The date as written (ISO); a day that is not in the calendar is E042."""
        date = str(children[0])
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            self.diagnostics.append(error(
                "E042", f"`{date}` is not a date", span_of(children[0]),
                "write the day as year-month-day, for example 2026-11-30"))
        return _Field("updated", date, span_of(meta))

    def map_tags(self, meta, children):
        tags = tuple(self._string(t) if t.type == "STRING" else str(t) for t in children)
        return _Field("tags", tags, span_of(meta))

    def channel_decl(self, meta, children):
        ident, label, *like = children
        return m.ChannelDeclaration(str(ident), self._string(label),
                                    str(like[0]) if like else None, span_of(meta),
                                    id_span=span_of(ident),
                                    like_span=span_of(like[0]) if like else m.NO_SPAN)

    def actor(self, meta, children):
        ident, name, *body = children
        fields = body[0] if body else []
        what = f"actor `{ident}`"
        team, kind = self._once(fields, "team", what), self._once(fields, "kind", what)
        return m.Actor(str(ident), self._string(name), team.value if team else None,
                       kind.value if kind else "person", span_of(meta), id_span=span_of(ident),
                       kind_span=kind.span if kind else m.NO_SPAN)

    def actor_body(self, meta, children):
        return children

    def actor_team(self, meta, children):
        return _Field("team", self._string(children[0]), span_of(meta))

    def actor_kind(self, meta, children):
        return _Field("kind", str(children[0]), span_of(children[0]))

    def description(self, meta, children):
        return _Field("description", self._string(children[0]), span_of(meta))

    def theme(self, meta, children):
        return _Field("theme", self._string(children[0]), span_of(children[0]))

    def lang(self, meta, children):
        return _Field("lang", self._string(children[0]), span_of(children[0]))

    # ── scale ──────────────────────────────────────────────────────────────
    def scale(self, meta, children):
        low, high, *labels = children
        levels = tuple(labels[0]) if labels else ()
        scale = m.Scale(self._whole(low, "a scale bound", "E015"),
                        self._whole(high, "a scale bound", "E015"), levels, span_of(meta))
        return _Field("scale", scale, span_of(meta))

    def scale_labels(self, meta, children):
        return children

    def scale_label(self, meta, children):
        value, label = children
        return m.ScaleLevel(self._whole(value, "a scale value", "E015"), self._string(label),
                            span_of(meta))

    def _whole(self, token: Token, what: str, code: str, minimum: int | None = None,
              hint: str | None = None) -> int:
        """The whole number in `token`; anything else is reported under `code`."""
        value = _number(token)
        if isinstance(value, float) or (minimum is not None and value < minimum):
            bound = f" of at least {minimum}" if minimum is not None else ""
            self.diagnostics.append(error(code, f"{what} must be a whole number{bound}, not {token}",
                                          span_of(token), hint))
            return int(value) if minimum is None else max(int(value), minimum)
        return value

    # ── personas ───────────────────────────────────────────────────────────
    def persona(self, meta, children):
        ident, name, *body = children
        fields = body[0] if body else []
        color = self._once(fields, "color", f"persona `{ident}`")
        if color and not _COLOR.fullmatch(color.value):
            self.diagnostics.append(error("E018", f"invalid colour `{color.value}`", color.span,
                                          "write a colour as #rgb or #rrggbb, for example #1f77b4"))
        return m.Persona(
            id=str(ident), name=self._string(name),
            roles=self._texts(fields, "role"), goals=self._texts(fields, "goal"),
            needs=self._texts(fields, "need"), pains=self._texts(fields, "pain_text"),
            motivations=self._texts(fields, "motivation"), quotes=self._texts(fields, "quote"),
            color=color.value if color else None,
            span=span_of(meta), id_span=span_of(ident),
        )

    def persona_body(self, meta, children):
        return children

    def _text_field(key):  # noqa: N805 - builds methods below
        def method(self, meta, children):
            return _Field(key, self._string(children[0]), span_of(meta))
        return method

    role = _text_field("role")
    goal = _text_field("goal")
    need = _text_field("need")
    pain_text = _text_field("pain_text")
    motivation = _text_field("motivation")
    quote = _text_field("quote")
    color = _text_field("color")
    brand = _text_field("brand")
    map_owner = _text_field("owner")
    map_status = _text_field("status")
    map_version = _text_field("version")

    # ── stages ─────────────────────────────────────────────────────────────
    def stage(self, meta, children):
        ident, name, *body = children
        items = body[0] if body else []
        fields = [i for i in items if isinstance(i, _Field)]
        touchpoints = tuple(
            m.Touchpoint(**{**tp, "stage": str(ident)}) for tp in items if isinstance(tp, dict)
        )
        return m.Stage(
            id=str(ident), name=self._string(name),
            goals=self._texts(fields, "goal"), brand_actions=self._texts(fields, "brand"),
            touchpoints=touchpoints,
            action_items=tuple(i for i in items if isinstance(i, m.ActionItem)),
            notes=self._texts(fields, "note"),
            metrics=self._metrics(fields, f"stage `{ident}`"),
            span=span_of(meta), id_span=span_of(ident),
        )

    def _metrics(self, fields: list[_Field], what: str) -> tuple[m.Metric, ...]:
        """The metrics among `fields`; a metric id given twice in one place is E016."""
        seen: dict[str, _Field] = {}
        for f in fields:
            if f.key != "metric":
                continue
            if f.value.id in seen:
                self.diagnostics.append(error(
                    "E016", f"metric `{f.value.id}` is given twice for {what}", f.span,
                    "keep one", (Label(seen[f.value.id].span, "first given here"),)))
            else:
                seen[f.value.id] = f
        return tuple(f.value for f in seen.values())

    def metric(self, meta, children):
        ident, value, *rest = children
        fields = [c for c in rest if isinstance(c, _Field)]
        what = f"metric `{ident}`"
        scale = self._once(fields, "scale", what)
        unit = self._once(fields, "unit", what)
        if unit and scale and scale.value == "%":
            self.diagnostics.append(error(
                "E020", "`unit` cannot follow a percentage", unit.span,
                "a percentage has no unit: remove the unit, or the `%`"))
            unit = None
        direction, target = self._once(fields, "direction", what), self._once(fields, "target", what)
        options = [f for f in fields if f.key not in ("scale", "unit", "direction", "target")]
        source = self._options("metric", options).get("source")
        metric = m.Metric(
            id=str(ident), value=_number(value), percent=bool(scale and scale.value == "%"),
            out_of=scale.value if scale and scale.value != "%" else None,
            unit=unit.value if unit else None, direction=direction.value if direction else None,
            target=target.value if target else None, source=source.value if source else None,
            span=span_of(meta), id_span=span_of(ident))
        return _Field("metric", metric, span_of(meta))

    def metric_scale(self, meta, children):
        (token,) = children
        return _Field("scale", "%" if token.type == "PERCENT" else _number(token), span_of(meta))

    def stage_body(self, meta, children):
        return children

    def action_item(self, meta, children):
        return self._text_with_options(m.ActionItem, "action_item", meta, children)

    # ── touchpoints ────────────────────────────────────────────────────────
    def touchpoint(self, meta, children):
        """Returns the fields as a dict; `stage` completes it with the stage id."""
        ident, name, *body = children
        fields = body[0] if body else []
        what = f"touchpoint `{ident}`"
        channel = self._once(fields, "channel", what)
        moment = self._once(fields, "moment_of_truth", what)
        time, wait = self._once(fields, "time", what), self._once(fields, "wait", what)
        details = self._once(fields, "details", what)
        return dict(
            id=str(ident), name=self._string(name),
            channels=channel.value if channel else (),  # the model takes `channel` from it
            channel_span=channel.value[0].span if channel else m.NO_SPAN,
            **{kind.field: self._items(fields, kind) for kind in ITEM_KINDS},
            emotions=self._per_persona(fields, "emotion", what),
            expectations=self._per_persona(fields, "expect", what),
            futures=self._per_persona(fields, "future", what),
            moment_of_truth=moment.value if moment else None,
            metrics=self._metrics(fields, what),
            span=span_of(meta), id_span=span_of(ident),
            time=time.value if time else None, wait=wait.value if wait else None,
            details=details.value if details else None,
        )

    def _per_persona(self, fields: list[_Field], key: str, what: str) -> tuple:
        seen: dict[str, _Field] = {}
        kept = []
        for f in fields:
            if f.key != key:
                continue
            persona = f.value.persona
            if persona in seen:
                self.diagnostics.append(error(
                    "E016", f"`{key}` for `{persona}` is given twice for {what}", f.span,
                    "keep one", (Label(seen[persona].span, "first given here"),)))
                continue
            seen[persona] = f
            kept.append(f.value)
        return tuple(kept)

    def touchpoint_body(self, meta, children):
        return children

    def channel(self, meta, children):
        """The channels named, each once (a repeat is E016)."""
        kept = self._distinct(children, "channel", "the touchpoint")
        return _Field("channel", tuple(m.ChannelUse(str(t), channel_id(str(t)), span=span_of(t))
                                       for t in kept), span_of(meta))

    def _distinct(self, tokens, what: str, where: str) -> list[Token]:
        """`tokens` with repeats left out, each repeat reported (E016)."""
        kept: dict[str, Token] = {}
        for token in tokens:
            if str(token) in kept:
                self.diagnostics.append(error(
                    "E016", f"{what} `{token}` is given twice for {where}", span_of(token),
                    "keep one", (Label(span_of(kept[str(token)]), "first given here"),)))
            else:
                kept[str(token)] = token
        return list(kept.values())

    # The statement and its field share one Span: a map may hold hundreds of thousands.
    def emotion(self, meta, children):
        persona, value, *rest = children
        word = [c for c in rest if isinstance(c, Token)]
        chosen = self._options("emotion", [c for c in rest if isinstance(c, _Field)])
        source = chosen.get("source")
        span = span_of(meta)
        measured = _measured(chosen, value)
        if "sd" in chosen and "range" in chosen:
            self.diagnostics.append(error(
                "E102", "the spread is given twice, as `sd` and as `range`",
                chosen["range"].span, "keep one: `sd` or `range`",
                (Label(chosen["sd"].span, "first given here"),)))
        emotion = m.Emotion(str(persona), 0 if measured["metric"] else _number(value),
                            self._string(word[0]) if word else None, span,
                            persona_span=span_of(persona),
                            value_span=value.span if isinstance(value, _Field) else span_of(value),
                            source=source.value if source else None, **measured)
        return _Field("emotion", emotion, span)

    def emotion_from(self, meta, children):
        return _Field("from", str(children[0]), span_of(children[0]))

    def responses(self, meta, children):
        return _Field("n", self._whole(children[0], "the number of responses", "E102", 1,
                                      "write how many responded, such as `n 212`"),
                      span_of(meta))

    def spread_sd(self, meta, children):
        return _Field("sd", _number(children[0]), span_of(meta))

    def spread_range(self, meta, children):
        return _Field("range", (_number(children[0]), _number(children[1])), span_of(meta))

    def future(self, meta, children):
        persona, value, *word = children
        span = span_of(meta)
        future = m.Future(str(persona), _number(value), self._string(word[0]) if word else None,
                          span, persona_span=span_of(persona), value_span=span_of(value))
        return _Field("future", future, span)

    def aims(self, meta, children):
        return _Field("aims", tuple(children), span_of(meta))

    def expect(self, meta, children):
        persona, value = children
        span = span_of(meta)
        expectation = m.Expectation(str(persona), _number(value), span,
                                    persona_span=span_of(persona), value_span=span_of(value))
        return _Field("expect", expectation, span)

    def _item_field(key, make):  # noqa: N805 - builds the methods of ITEM_KINDS
        def method(self, meta, children):
            return _Field(key, self._text_with_options(make, key, meta, children), span_of(meta))
        return method

    def _items(self, fields: list[_Field], kind: ItemKind) -> tuple:
        """A touchpoint's items of one kind (`model.Finding`s, `model.Claim`s or, for a kind
        without options, `model.Text`s), as built."""
        if not kind.options:
            return self._texts(fields, kind.keyword)
        return tuple(f.value for f in fields if f.key == kind.keyword)

    def _text_with_options(self, make, key: str, meta, children):
        """An item written as a string and its options (`pain "…" owner "…"`): `make` gets
        the text, each option `key` allows (None for one left out) and the span."""
        ident = children[0] if children[0].type == "ID" else None
        text, *options = children[1:] if ident is not None else children
        chosen = self._options(key, options)
        given = {name: chosen[name].value if name in chosen else None
                 for name in _OPTIONS_OF[key] if name not in ("for", "addresses", "by", "handoff",
                                                  "aims")}
        if make is m.Step:
            actor = chosen.get("by")
            given.update(id=str(ident) if ident is not None else None,
                         id_span=span_of(ident) if ident is not None else m.NO_SPAN,
                         actor=str(actor.value) if actor else None,
                         actor_span=span_of(actor.value) if actor else m.NO_SPAN,
                         handoffs=chosen["handoff"].value if "handoff" in chosen else ())
        if "aims" in _OPTIONS_OF[key]:
            aims = chosen["aims"].value if "aims" in chosen else ()
            given.update(aims=tuple(str(t) for t in aims),
                         aim_spans=tuple(span_of(t) for t in aims))
        if make is m.Finding:
            personas = chosen["for"].value if "for" in chosen else ()
            addresses = chosen["addresses"].value if "addresses" in chosen else ()
            given.update(id=str(ident) if ident is not None else None,
                         id_span=span_of(ident) if ident is not None else m.NO_SPAN,
                         personas=tuple(str(t) for t in personas),
                         persona_spans=tuple(span_of(t) for t in personas),
                         addresses=tuple(str(t) for t in addresses),
                         address_spans=tuple(span_of(t) for t in addresses))
        return make(text=self._string(text), **given, span=span_of(meta))

    def moment_of_truth(self, meta, children):
        reason = self._string(children[0]) if children else None
        return _Field("moment_of_truth", m.MomentOfTruth(reason, span_of(meta)), span_of(meta))

    def fail(self, meta, children):
        return _Field("fail", self._string(children[0]), span_of(meta))

    def _duration_field(key):  # noqa: N805 - builds `time` and `wait`
        def method(self, meta, children):
            return _Field(key, self._duration(children[0]), span_of(meta))
        return method

    time = _duration_field("time")
    wait = _duration_field("wait")

    def details(self, meta, children):
        """The map the touchpoint opens, checked (`cjmdsl.language.links`)."""
        from cjmdsl.language.links import linked_map

        link, problems = linked_map(self.importer, self._string(children[0]),
                                    span_of(children[0]))
        self.diagnostics += problems
        return _Field("details", link, span_of(meta))

    def _duration(self, token: Token) -> m.Duration | None:
        """The duration a string writes (`cjmdsl.language.durations`); None after reporting why
        it is none (E095-E099), pointing into the string where it was written plainly."""
        text = self._string(token)
        try:
            value, unit = read_duration(text)
        except DurationMistake as mistake:
            span = span_of(token)
            plain = str(token)[1:-1] == text and span.line == span.end_line
            if plain:
                span = m.Span(span.line, span.column + 1 + mistake.start, span.line,
                              span.column + 1 + max(mistake.end, mistake.start + 1))
            hint = mistake.hint
            if mistake.code == "E096":
                hint = did_you_mean(text[mistake.start:mistake.end].lower(), list(UNIT_OF)) or hint
            self.diagnostics.append(error(mistake.code, mistake.message, span, hint))
            return None
        return m.Duration(value, unit, text, span_of(token))

    def source(self, meta, children):
        kind, *detail = children
        source = m.Source(str(kind), self._string(detail[0]) if detail else None, span_of(meta),
                          kind_span=span_of(kind))
        return _Field("source", source, span_of(meta))

    def owner(self, meta, children):
        return _Field("owner", self._string(children[0]), span_of(meta))

    def _level(key):  # noqa: N805 - builds `impact` and `effort`
        def method(self, meta, children):
            level = str(children[0])  # kept as written when wrong: the error is the message
            if level not in m.PRIORITY_LEVELS:
                self.diagnostics.append(error(
                    "E070", f"unknown {key} `{level}`", span_of(children[0]),
                    did_you_mean(level, m.PRIORITY_LEVELS) or "write low, medium or high"))
            return _Field(key, level, span_of(meta))
        return method

    impact = _level("impact")
    effort = _level("effort")

    # ── declared sources ───────────────────────────────────────────────────
    def source_declaration(self, meta, children):
        ident, kind, title, *body = children
        fields = body[0] if body else []
        what = f"source `{ident}`"
        size, collected, url = (self._once(fields, key, what) for key in ("n", "collected", "url"))
        return m.DeclaredSource(
            id=str(ident), kind=str(kind), title=self._string(title),
            size=size.value if size else None, collected=collected.value if collected else None,
            url=url.value if url else None, span=span_of(meta), id_span=span_of(ident),
            kind_span=span_of(kind), collected_span=collected.span if collected else m.NO_SPAN)

    def source_body(self, meta, children):
        return children

    def source_size(self, meta, children):
        return _Field("n", self._whole(children[0], "a sample size", "E071", 1,
                                      "count the participants or responses: `n 212`"),
                      span_of(meta))

    def source_collected(self, meta, children):
        token = children[0]
        if m.collected_date(str(token)) is None:
            self.diagnostics.append(error(
                "E071", f"invalid date `{token}`", span_of(token),
                "write a year, a month or a day: 2026, 2026-09 or 2026-09-14"))
        return _Field("collected", str(token), span_of(token))

    def source_url(self, meta, children):
        return _Field("url", self._string(children[0]), span_of(meta))

    def outcome(self, meta, children):
        return _Field("outcome", self._string(children[0]), span_of(meta))

    def by_actor(self, meta, children):
        return _Field("by", children[0], span_of(meta))

    def handoff(self, meta, children):
        return _Field("handoff", tuple(children), span_of(meta))

    def handoff_target(self, meta, children):
        *lane, target = children
        return m.HandOff(str(target), lane[0].data.removeprefix("to_") if lane else None,
                         span_of(meta),
                         to_span=span_of(target))

    def for_personas(self, meta, children):
        return _Field("for", self._distinct(children, "persona", "this item"), span_of(meta))

    def addresses(self, meta, children):
        return _Field("addresses", self._distinct(children, "pain point", "this opportunity"),
                      span_of(meta))

    # ── flows ──────────────────────────────────────────────────────────────
    def flow(self, meta, children):
        personas = children[0] if isinstance(children[0], list) else []
        start, *steps = children[1:] if personas else children
        return m.Flow(start=str(start), steps=tuple(steps),
                      personas=tuple(str(p) for p in personas),
                      span=span_of(meta), start_span=span_of(start),
                      persona_spans=tuple(span_of(p) for p in personas))

    def flow_personas(self, meta, children):
        """The persona tokens before the colon; a repeat is E016."""
        kept: dict[str, Token] = {}
        for token in children:
            if str(token) in kept:
                self.diagnostics.append(error(
                    "E016", f"persona `{token}` is given twice for the flow", span_of(token),
                    "keep one", (Label(span_of(kept[str(token)]), "first given here"),)))
            else:
                kept[str(token)] = token
        return list(kept.values())

    def flow_step(self, meta, children):
        target, *label = children
        return m.FlowStep(to=str(target), label=self._string(label[0]) if label else None,
                          span=span_of(meta), to_span=span_of(target))

    def flow_exit(self, meta, children):
        _, word, *label = children  # the rule keeps its tokens: `->`, `exit`, the label
        return m.FlowStep(to=None, label=self._string(label[0]) if label else None,
                          span=span_of(meta), to_span=span_of(word))

    # ── KPIs ───────────────────────────────────────────────────────────────
    def kpi(self, meta, children):
        ident, name, measure, *rest = children
        fields = {f.key: f for f in rest}
        direction = fields.get("direction")
        if direction and measure["kind"] in m.BETTER_OF_KIND \
                and direction.value != m.BETTER_OF_KIND[measure["kind"]]:
            kind, better = measure["kind"], m.BETTER_OF_KIND[measure["kind"]]
            other = "churn" if kind == "retention" else "retention"
            self.diagnostics.append(error(
                "E020", f"`{direction.value}` cannot follow a {kind} KPI", direction.span,
                f"{kind} is better when {better}: remove `{direction.value}`, or measure "
                f"{other} with `{other} start … end …`"))
            direction = None
        stage = fields.get("stage")
        return m.Kpi(id=str(ident), name=self._string(name), **measure,
                     direction=direction.value if direction else None,
                     target=fields["target"].value if "target" in fields else None,
                     stage=stage.value if stage else None,
                     span=span_of(meta), id_span=span_of(ident),
                     stage_span=stage.span if stage else m.NO_SPAN)

    def kpi_value(self, meta, children):
        value, *rest = children
        percent = any(isinstance(c, Token) for c in rest)
        unit = next((c for c in rest if isinstance(c, _Field)), None)
        if unit and percent:
            self.diagnostics.append(error(
                "E020", "`unit` cannot follow a percentage", unit.span,
                "a percentage has no unit: remove the unit, or the `%`"))
            unit = None
        return dict(kind="value", value=_number(value), percent=percent,
                    unit=unit.value if unit else None)

    def kpi_unit(self, meta, children):
        return _Field("unit", self._string(children[0]), span_of(meta))

    def kpi_direction(self, meta, children):
        return _Field("direction", str(children[0]), span_of(meta))

    def kpi_counts(self, meta, children):
        kind = str(children[0].children[0]) if isinstance(children[0], Tree) else "retention"
        start, end = children[-2:]
        return dict(kind=kind, start=self._whole(start, "a customer count", "E021", 0),
                    end=self._whole(end, "a customer count", "E021", 0), counts_span=span_of(meta))

    def kpi_target(self, meta, children):
        return _Field("target", _number(children[0]), span_of(meta))

    def kpi_stage(self, meta, children):
        return _Field("stage", str(children[0]), span_of(children[0]))


# A method per touchpoint item kind, named after its grammar rule (`action`, `pain`, …).
# A kind without options (a motivation, a note) is plain text, as a persona's motivation and a
# map's note, which share its rule, are.
for _kind in ITEM_KINDS:
    _build_item = (Builder._item_field(_kind.keyword, m.Finding if _kind.findings else
                                       m.Step if _kind.steps else m.Claim)
                   if _kind.options else Builder._text_field(_kind.keyword))
    setattr(Builder, _kind.keyword, v_args(meta=True)(_build_item))
del _kind, _build_item


def _with_declared_channels(stages: tuple[m.Stage, ...],
                            declared: tuple[m.ChannelDeclaration, ...]) -> tuple[m.Stage, ...]:
    """The stages with each channel the map declares drawn with its icon and label (the
    first declaration of an id counts; a repeat is E011)."""
    by_id: dict[str, m.ChannelDeclaration] = {}
    for declaration in declared:
        by_id.setdefault(declaration.id, declaration)

    def resolved(tp: m.Touchpoint) -> m.Touchpoint:
        if not any(use.written in by_id for use in tp.channels):
            return tp
        uses = tuple(dataclasses.replace(use, icon=by_id[use.written].icon,
                                         label=by_id[use.written].label)
                     if use.written in by_id else use for use in tp.channels)
        return dataclasses.replace(tp, channels=uses, channel=uses[0].icon)

    return tuple(dataclasses.replace(stage, touchpoints=tuple(map(resolved, stage.touchpoints)))
                 for stage in stages)


def _number(token: Token) -> float | int:
    text = str(token)
    return float(text) if "." in text else int(text)


def _measured(chosen: dict[str, _Field], value) -> dict:
    """The `Emotion` fields of a measured emotion: the metric it is read off (`from csat`;
    `cjmdsl.language.measured` sets its value), the responses and the spread."""
    spread = chosen.get("sd") or chosen.get("range")
    low, high = chosen["range"].value if "range" in chosen else (None, None)
    return dict(metric=value.value if isinstance(value, _Field) else None,
                responses=chosen["n"].value if "n" in chosen else None,
                sd=chosen["sd"].value if "sd" in chosen else None, low=low, high=high,
                spread_span=spread.span if spread else m.NO_SPAN)


def _owners_of(option: str) -> str:
    """What `option` may follow, for a hint: `an opportunity or an action item`."""
    owners = [_OWNER_NAMES[owner] for owner, allowed in _OPTIONS_OF.items() if option in allowed]
    if option == "source":
        return "a claim: " + ", ".join(owners[:-1]) + " or " + owners[-1]
    return " or ".join([", ".join(owners[:-1]), owners[-1]] if len(owners) > 1 else owners)


def _with_citations(stages: tuple[m.Stage, ...],
                    sources: tuple[m.DeclaredSource, ...]) -> tuple[m.Stage, ...]:
    """The stages with every `source <id>` that names a declared source resolved: the
    citation gets the source's kind and names it in `cites`."""
    declared = {source.id: source for source in reversed(sources)}  # the first of an id

    def cited(claim):
        source = claim.source
        if source is None or source.kind not in declared:
            return claim
        return replace(claim, source=replace(source, kind=declared[source.kind].kind,
                                             cites=source.kind))

    fields = [kind.field for kind in ITEM_KINDS if kind.options] + ["emotions", "metrics"]
    return tuple(replace(stage, metrics=tuple(cited(metric) for metric in stage.metrics),
                         touchpoints=tuple(replace(tp, **{
                             name: tuple(cited(claim) for claim in getattr(tp, name))
                             for name in fields}) for tp in stage.touchpoints))
                 for stage in stages)


# What a library may not hold (E110): the map's content, by the keyword that starts it.
_CONTENT_KEYWORDS = {m.Stage: "stage", m.Kpi: "kpi", m.Flow: "flow"}
_CONTENT_NAMES = {"stage": "stage", "kpi": "KPI", "flow": "flow"}


# ── validation of the whole model ──────────────────────────────────────────
def validate(journey: m.Journey, known_themes=(), library: bool = False) -> list[Diagnostic]:
    """Every model-level mistake, in no particular order (the caller sorts). A `library`
    has no touchpoints and cites none of its sources: neither is a mistake there."""
    found: list[Diagnostic] = []
    found += _check_scale(journey.scale)
    found += _check_duplicates("persona", journey.personas)
    found += _check_duplicates("stage or touchpoint", [*journey.stages, *journey.touchpoints])
    found += _check_duplicates("KPI", journey.kpis)
    found += _check_personas(journey)
    found += _check_stages(journey)
    found += _check_kpis(journey)
    found += _check_flows(journey)
    found += _check_duplicates("channel", journey.channels)
    found += _check_declared_channels(journey)
    found += _check_findings(journey)
    found += _check_duplicates("source", journey.sources)
    found += [d for d in _check_sources(journey) if not (library and d.code == "W110")]
    found += _check_priorities(journey)
    found += _check_duplicates("actor", journey.actors)
    found += _check_duplicates("item", [step for tp in journey.touchpoints
                                        for step in tp.steps if step.id])
    found += check_blueprint(journey)
    for check in (*MEASURED_CHECKS, *STATE_CHECKS):
        found += check(journey)
    if journey.lang is not None and catalogue_language(journey.lang) is None:
        found.append(error("E023", f"unknown language `{journey.lang}`", journey.lang_span,
                           unknown_language_hint(journey.lang)))
    if journey.theme and known_themes and journey.theme not in known_themes:
        name = journey.theme
        found.append(error("E019", f"unknown theme `{name}`", journey.theme_span,
                           did_you_mean(name, known_themes)
                           or "built-in themes: " + ", ".join(sorted(known_themes))))
    if not journey.touchpoints and not library:
        found.append(error("E010", "the map has no touchpoints", journey.span,
                           'add a stage with a touchpoint: stage s "Stage" { touchpoint t "…" { } }'))
    return found


def _check_scale(scale: m.Scale) -> list[Diagnostic]:
    found = []
    if scale.low >= scale.high:
        found.append(error("E015", f"the scale must run from low to high, not {scale.low} .. "
                                   f"{scale.high}", scale.span, "for example: scale -2 .. 2"))
    if scale.high - scale.low > 20:
        found.append(error("E015", "the scale has more than 21 levels", scale.span,
                           "use a range such as -3 .. 3 or 1 .. 10"))
    seen: dict[int, m.ScaleLevel] = {}
    for level in scale.levels:
        if not scale.contains(level.value):
            found.append(error("E015", f"label for {level.value} lies outside the scale",
                               level.span, f"the scale runs from {scale.low} to {scale.high}"))
        elif level.value in seen:
            found.append(error("E015", f"{level.value} is labelled twice", level.span,
                               "keep one label per value",
                               (Label(seen[level.value].span, "first labelled here"),)))
        seen.setdefault(level.value, level)
    return found


def _check_duplicates(what: str, items) -> list[Diagnostic]:
    first: dict[str, object] = {}
    found = []
    for item in items:
        if item.id in first:
            found.append(error("E011", f"duplicate {what} id `{item.id}`", item.id_span,
                               "ids must be unique; rename one",
                               (Label(first[item.id].id_span, "first defined here"),)))
        else:
            first[item.id] = item
    return found


def _check_personas(journey: m.Journey) -> list[Diagnostic]:
    """Unknown personas (E012), values outside the scale (E013), expectations without an
    emotion (W105), personas without emotions (W103).

    An emotion that names an unknown persona counts for the persona its id most likely
    meant (`mya` for `maya`): one misspelt id is one mistake, reported once as E012, not
    again as that persona's missing emotions.
    """
    found = []
    persona_ids = dict.fromkeys(p.id for p in journey.personas)
    candidates = Candidates(persona_ids)
    meant: dict[str, str | None] = {}  # an unknown id -> the persona it most likely means

    def meant_persona(name: str) -> str | None:
        if name not in meant:
            meant[name] = closest(name, candidates)
        return meant[name]

    felt = set()
    scale = journey.scale
    gap_hints: dict[str, str] = {}  # one W105 hint per persona, however many warnings share it
    for tp in journey.touchpoints:
        felt_here = {e.persona if e.persona in persona_ids else meant_persona(e.persona) or e.persona
                     for e in tp.emotions}
        for mark in (*tp.emotions, *tp.expectations, *tp.futures):
            if mark.persona not in persona_ids:
                match = meant_persona(mark.persona)
                hint = (f"did you mean `{match}`?" if match else
                        "declare it first: persona " + mark.persona + ' "Name"' if not persona_ids
                        else _known("personas", list(persona_ids)))
                found.append(error("E012", f"unknown persona `{mark.persona}`", mark.persona_span,
                                   hint))
            if not scale.contains(mark.value):
                found.append(error("E013", f"{on_scale(mark.value, scale)} is outside the scale",
                                   mark.value_span, f"the scale runs from {on_scale(scale.low, scale)}"
                                                    f" to {on_scale(scale.high, scale)}"))
        for expectation in tp.expectations:
            if expectation.persona in persona_ids and expectation.persona not in felt_here:
                found.append(warning("W105", f"`{expectation.persona}` has an expectation at "
                                             f"`{tp.id}` but no emotion", expectation.span,
                                     gap_hints.setdefault(expectation.persona, f"add `emotion "
                                                          f"{expectation.persona} …` to show "
                                                          "the gap")))
        felt |= felt_here
    if journey.touchpoints:
        for persona in journey.personas:
            if persona.id not in felt:
                found.append(warning("W103", f"persona `{persona.id}` has no emotions",
                                     persona.id_span,
                                     f"add `emotion {persona.id} 0` to a touchpoint to draw a curve"))
    return found


def _check_sources(journey: m.Journey) -> list[Diagnostic]:
    """Declared sources of an unknown kind (E017) or named like a kind (E071), citations of
    a source that is neither declared nor a kind (E017), declared sources nobody cites (W110;
    a misspelt citation counts for the source it most likely meant)."""
    found = []
    declared = [source.id for source in journey.sources]
    for source in journey.sources:
        if source.kind not in m.SOURCE_KINDS:
            found.append(error("E017", f"unknown kind of source `{source.kind}`",
                               source.kind_span, did_you_mean(source.kind, m.SOURCE_KINDS)
                               or "kinds of source: " + ", ".join(m.SOURCE_KINDS)))
        if source.id in m.SOURCE_KINDS:
            found.append(error("E071", f"source id `{source.id}` is also a kind of source",
                               source.id_span, f"a citation `source {source.id}` would not say "
                                               "which is meant: rename it, for example "
                                               f"`{source.id}_{(source.collected or '1')[:4]}`"))
    candidates = Candidates([*declared, *m.SOURCE_KINDS])
    cited = set()
    for claim in journey.claims:
        source = claim.source
        if source is None:
            continue
        if source.cites:
            cited.add(source.cites)
        elif source.kind not in m.SOURCE_KINDS:
            meant = closest(source.kind, candidates)
            cited.add(meant)  # a misspelt citation is one mistake, not also an uncited source
            found.append(error("E017", f"unknown source `{source.kind}`", source.kind_span,
                               f"did you mean `{meant}`?" if meant else _sources_hint(declared)))
    for source in journey.sources:
        if source.id not in cited:
            found.append(warning("W110", f"source `{source.id}` is never cited", source.id_span,
                                 f"cite it from a claim (`pain \"…\" source {source.id}`), or "
                                 "remove it"))
    return found


def _sources_hint(declared: list[str]) -> str:
    kinds = "kinds of source: " + ", ".join(m.SOURCE_KINDS)
    return (_known("sources", declared) + "; " + kinds) if declared else kinds


def _check_priorities(journey: m.Journey) -> list[Diagnostic]:
    """An opportunity or action item scored on one axis only (W111): it cannot be placed on
    the prioritisation matrix."""
    found = []
    items = [*(o for tp in journey.touchpoints for o in tp.opportunities),
             *(item for stage in journey.stages for item in stage.action_items)]
    for item in items:
        given = [name for name in ("impact", "effort") if getattr(item, name) is not None]
        if len(given) == 1 and getattr(item, given[0]) in m.PRIORITY_LEVELS:
            missing = "effort" if given == ["impact"] else "impact"
            found.append(warning("W111", f"`{item.text}` has {given[0]} but no {missing}",
                                 item.span, f"add `{missing} low`, `{missing} medium` or "
                                            f"`{missing} high` to place it on the "
                                            "prioritisation matrix"))
    return found


def _check_stages(journey: m.Journey) -> list[Diagnostic]:
    found = []
    for stage in journey.stages:
        if not stage.touchpoints:
            found.append(warning("W101", f"stage `{stage.id}` has no touchpoints", stage.id_span,
                                 "add a touchpoint, or remove the stage"))
        for tp in stage.touchpoints:
            if not tp.channels:
                found.append(warning("W102", f"touchpoint `{tp.id}` has no channel", tp.id_span,
                                     "add a channel, for example `channel web`"))
            for use in tp.channels:
                if use.label is None and resolve_channel(use.written) is None:
                    found.append(warning("W104", f"unknown channel `{use.written}`", use.span,
                                         _channel_hint(use.written, journey.channels)))
    return found


def _channel_hint(name: str, declared=()) -> str:
    """A known channel, alias or channel of the map close to `name`; otherwise the channels
    there are and how to declare one."""
    own = [d.id for d in declared]
    return (did_you_mean(name, [*own, *channel_names(), *ALIASES])
            or f"known channels: {', '.join(channel_names())}; an unknown one is drawn with "
               f'the `other` icon, or declare it: channel {name} "{name.title()}" like web')


def _check_declared_channels(journey: m.Journey) -> list[Diagnostic]:
    """A declared channel borrows the icon of a built-in channel (E041 when unknown)."""
    found = []
    for declaration in journey.channels:
        if declaration.like is not None and resolve_channel(declaration.like) is None:
            found.append(error("E041", f"unknown channel `{declaration.like}` to take the icon "
                                       "from", declaration.like_span,
                               did_you_mean(declaration.like, [*channel_names(), *ALIASES])
                               or "built-in channels: " + ", ".join(channel_names())))
    return found


def _check_findings(journey: m.Journey) -> list[Diagnostic]:
    """Finding ids are unique (E011); `for` names personas (E012); `addresses` names pain
    points of the map (E040)."""
    findings = [item for tp in journey.touchpoints for kind in FINDING_KINDS
                for item in getattr(tp, kind.field)]
    found = _check_duplicates("pain point or opportunity", [f for f in findings if f.id])
    pain_ids = [p.id for tp in journey.touchpoints for p in tp.pains if p.id]
    opportunity_ids = {o.id for tp in journey.touchpoints for o in tp.opportunities if o.id}
    persona_ids = [p.id for p in journey.personas]
    known_personas, known_pains = set(persona_ids), set(pain_ids)
    persona_candidates, pain_candidates = Candidates(persona_ids), Candidates(pain_ids)
    for finding in findings:
        spans = finding.persona_spans or (m.NO_SPAN,) * len(finding.personas)
        for persona, span in zip(finding.personas, spans):
            if persona not in known_personas:
                found.append(error("E012", f"unknown persona `{persona}`", span,
                                   did_you_mean(persona, persona_candidates)
                                   or _known("personas", persona_ids)))
        spans = finding.address_spans or (m.NO_SPAN,) * len(finding.addresses)
        for pain, span in zip(finding.addresses, spans):
            if pain in known_pains:
                continue
            if pain in opportunity_ids:
                hint = f"`{pain}` is an opportunity; `addresses` names pain points"
            else:
                hint = (did_you_mean(pain, pain_candidates)
                        or (_known("pain point ids", pain_ids) if pain_ids else
                            f'give the pain point an id: pain {pain} "…"'))
            found.append(error("E040", f"unknown pain point `{pain}`", span, hint))
    return found


def _check_kpis(journey: m.Journey) -> list[Diagnostic]:
    found = []
    stage_ids = [stage.id for stage in journey.stages]
    known_stages, stage_candidates = set(stage_ids), Candidates(stage_ids)
    for kpi in journey.kpis:
        if kpi.stage is not None and kpi.stage not in known_stages:
            found.append(error("E024", f"KPI `{kpi.id}` names an unknown stage `{kpi.stage}`",
                               kpi.stage_span, did_you_mean(kpi.stage, stage_candidates)
                               or _known("stages", stage_ids)))
        says = _kpi_says(kpi)
        if kpi.target is not None and kpi.better is None:
            example = f"{_measure(kpi)} {'lower' if says == 'churn' else 'higher'} target " \
                      f"{_written(kpi.target)}{'%' if kpi.is_percent else ''}"
            found.append(warning("W107", f"KPI `{kpi.id}` has a target but no direction",
                                 kpi.span, "say which way is better with `higher` or `lower` "
                                           f"after the measure: `{example}`"))
        if kpi.kind == "value":
            continue
        if says and says != kpi.kind:
            found.append(warning("W106", f"KPI `{kpi.id}` is measured as {kpi.kind}, but its "
                                         f"name says {says}", kpi.span,
                                 f"to measure {says}, write `{says} start {kpi.start} "
                                 f"end {kpi.end}`"))
        if kpi.start == 0:
            found.append(error("E021", f"KPI `{kpi.id}` starts at 0 customers", kpi.counts_span,
                               "retention, churn and growth divide by the start count"))
        elif kpi.end > kpi.start and kpi.kind != "growth":
            hint = "start counts the customers at the beginning, end those left"
            if not says:
                hint += f"; for a count that may grow, write `growth start {kpi.start} " \
                        f"end {kpi.end}`"
            found.append(error("E014", f"KPI `{kpi.id}` ends with more customers ({kpi.end}) than "
                                       f"it starts with ({kpi.start})", kpi.counts_span, hint))
    return found


_SAYS = (("churn", re.compile(r"churn|attrition")), ("retention", re.compile(r"retention|retain")))


def _kpi_says(kpi: m.Kpi) -> str | None:
    """`churn` or `retention` when the KPI's id or name says one of them (and not both)."""
    words = f"{kpi.id} {kpi.name}".lower()
    said = [kind for kind, pattern in _SAYS if pattern.search(words)]
    return said[0] if len(said) == 1 else None


def _measure(kpi: m.Kpi) -> str:
    """The KPI's measure as the language writes it, for hints: `value 28%`, `start 1 end 2`."""
    if kpi.kind == "value":
        unit = ' unit "{}"'.format(kpi.unit.replace("\\", "\\\\").replace('"', '\\"')) \
            if kpi.unit else ""
        return f"value {_written(kpi.value)}{'%' if kpi.percent else ''}{unit}"
    kind = "" if kpi.kind == "retention" else f"{kpi.kind} "
    return f"{kind}start {kpi.start} end {kpi.end}"


def _written(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_flows(journey: m.Journey) -> list[Diagnostic]:
    """Every touchpoint and persona a flow names must exist (E022, E012)."""
    found = []
    touchpoint_ids = [tp.id for tp in journey.touchpoints]
    persona_ids = [p.id for p in journey.personas]
    known_touchpoints, known_personas = set(touchpoint_ids), set(persona_ids)
    touchpoint_candidates, persona_candidates = Candidates(touchpoint_ids), Candidates(persona_ids)
    stages = {stage.id: stage for stage in reversed(journey.stages)}  # the first of an id
    for flow in journey.flows:
        spans = flow.persona_spans or (m.NO_SPAN,) * len(flow.personas)
        for persona, span in zip(flow.personas, spans):
            if persona not in known_personas:
                found.append(error("E012", f"unknown persona `{persona}`", span,
                                   did_you_mean(persona, persona_candidates)
                                   or _known("personas", persona_ids)))
        names = [(flow.start, flow.start_span)]
        names += [(step.to, step.to_span) for step in flow.steps if not step.is_exit]
        for name, span in names:
            if name not in known_touchpoints:
                found.append(error("E022", f"unknown touchpoint `{name}` in a flow", span,
                                   _touchpoint_hint(stages.get(name), name, touchpoint_ids,
                                                    touchpoint_candidates)))
    return found


def _touchpoint_hint(stage: m.Stage | None, name: str, touchpoint_ids: list[str],
                     candidates: Candidates) -> str:
    if stage is not None:
        inside = ", ".join(f"`{tp.id}`" for tp in stage.touchpoints[:5]) or "none yet"
        return f"`{name}` is a stage; a flow links touchpoints (in it: {inside})"
    if name == "exit":
        return "`exit` ends a flow: write it after the last `->`"
    return did_you_mean(name, candidates) or _known("touchpoints", touchpoint_ids)


def _known(what: str, ids: list[str], shown: int = 8) -> str:
    if not ids:
        return f"the map has no {what} yet"
    listed = ", ".join(f"`{i}`" for i in ids[:shown])
    return f"known {what}: {listed}" + (", …" if len(ids) > shown else "")


