"""Mermaid `journey` diagrams (a .mmd file, or the ```mermaid blocks of a Markdown file)
read into journeys: `title` is the map's title, `section` a stage, a task a touchpoint,
an actor a persona who feels the task's score, `accTitle` and `accDescr` the description.

Mermaid scores run from 1 to 5 (a face: sad below 3, happy above); so does the map's scale,
unless a score of 6 to 10 shows the diagram was written on a 1..10 scale, which the map then
uses. What cannot be mapped is reported (W170-W175) and left out; a file that is no journey,
or that the grammar cannot read, is an error (E080, E081).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from cjmdsl import model as m
from cjmdsl.importers import Imported
from cjmdsl.importers.ids import Ids
from cjmdsl.importers.markdown import fenced_blocks
from cjmdsl.language.diagnostics import Diagnostic, error, warning
from cjmdsl.runtime.resources import data_file

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")

# Mermaid's faces: 1-2 sad, 3 neutral, 4-5 happy.
MERMAID_SCALE = m.Scale(1, 5, (m.ScaleLevel(1, "Very unhappy"), m.ScaleLevel(2, "Unhappy"),
                               m.ScaleLevel(3, "Neutral"), m.ScaleLevel(4, "Happy"),
                               m.ScaleLevel(5, "Very happy")))
WIDE_SCALE = m.Scale(1, 10, (m.ScaleLevel(1, "Very unhappy"), m.ScaleLevel(10, "Very happy")))
NO_ACTOR = "Customer"  # the persona of tasks that name no actor
NO_SECTION = "Journey"  # the stage of tasks written before any section


@cache
def _parser() -> Lark:
    grammar = data_file("grammar", "mermaid-journey.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=True)


def is_markdown(filename: str) -> bool:
    return PurePath(filename).suffix.lower() in MARKDOWN_SUFFIXES


def import_mermaid(text: str, filename: str = "<input>") -> Imported:
    """The journeys of a Mermaid file, or of a Markdown file's ```mermaid blocks (by the
    file's name), with every diagnostic. No journey when there are errors."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stem = PurePath(filename).stem if filename not in ("<input>", "<stdin>") else "Journey"
    if not is_markdown(filename):
        read = _read_diagram(text, stem, in_markdown=False)
        return _result([read] if read else [])
    found = [read for block in fenced_blocks(text) if block.info == "mermaid"
             for read in [_read_diagram(block.text, stem, in_markdown=True)] if read]
    if not found:
        return Imported([], [error("E080", "no Mermaid journey in this Markdown file",
                                   m.Span(1, 1, 1, 1), "a journey is a ```mermaid block whose "
                                   "diagram starts with `journey`")])
    if len(found) > 1:
        for number, read in enumerate(found, 1):
            if read.untitled:
                read.title = f"{stem} ({number})"
    return _result(found)


def _result(reads: list[_Diagram]) -> Imported:
    diagnostics = [d for read in reads for d in read.diagnostics]
    if any(d.is_error for d in diagnostics):
        return Imported([], diagnostics)
    return Imported([read.journey() for read in reads], diagnostics)


def _span(token: Token, text: str | None = None) -> m.Span:
    length = len(text if text is not None else str(token))
    return m.Span(token.line, token.column, token.line, token.column + max(length, 1))


def _read_diagram(text: str, stem: str, in_markdown: bool) -> _Diagram | None:
    """One diagram read; None for a Markdown block that holds another kind of diagram."""
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        problem = _syntax_error(exc, text)
        if problem is None:
            return None if in_markdown else _Diagram.failed(stem, _not_a_journey(exc, text))
        return _Diagram.failed(stem, problem)
    diagram = _Diagram(stem)
    for node in tree.children:
        if isinstance(node, Tree):
            getattr(diagram, f"on_{node.data}")(node)
        elif node.type == "JOURNEY":
            diagram.header = node
    diagram.finish()
    return diagram


def _expected(exc: UnexpectedInput) -> set[str]:
    if isinstance(exc, UnexpectedCharacters):
        return set(exc.allowed or ())
    return set(getattr(exc, "expected", ()) or ())


def _syntax_error(exc: UnexpectedInput, text: str) -> Diagnostic | None:
    """E081 for a mistake inside a journey; None when the text is no journey at all."""
    expected = _expected(exc)
    if "JOURNEY" in expected:
        return None
    line, column = _place(exc, text)
    found = _found(exc, text)
    if expected <= {"ACTOR", "COMMA", "COLON", "_NL", "$END"} and "ACTOR" in expected:
        hint = "actors are names separated by commas: `Make tea: 5: Me, Cat`"
    elif "DESCR_BODY" in expected or expected == {"RBRACE"}:
        hint = "close the description with `}`"
    else:
        hint = "a task is written `Task name: 5: Actor, Actor`"
    return error("E081", f"unexpected {found} in the journey", m.Span(line, column, line,
                 column + max(len(found.strip('`')), 1)), hint)


def _not_a_journey(exc: UnexpectedInput, text: str) -> Diagnostic:
    line, column = _place(exc, text)
    word = _found(exc, text)
    message = ("the file is empty, not a Mermaid journey" if word == "the end of the file"
               else f"not a Mermaid journey: the diagram starts with {word}")
    return error("E080", message, m.Span(line, column, line, column + max(len(word) - 2, 1)),
                 "cjm imports `journey` diagrams: the first line says `journey`")


def _place(exc: UnexpectedInput, text: str) -> tuple[int, int]:
    line, column = getattr(exc, "line", -1), getattr(exc, "column", -1)
    if isinstance(exc, UnexpectedEOF) or line in (-1, None):
        lines = text.split("\n")
        return len(lines), len(lines[-1]) + 1
    return line, column


def _found(exc: UnexpectedInput, text: str) -> str:
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken)
                                          and exc.token.type == "$END"):
        return "the end of the file"
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        if token.type == "_NL":
            return "the end of the line"
        word = str(token).split()[0] if str(token).split() else str(token)
        return f"`{word}`"
    rest = text[exc.pos_in_stream:].split("\n", 1)[0]
    return f"`{rest.split()[0] if rest.split() else rest[:1]}`"


@dataclass
class _Task:
    name: str
    score: float | None
    actors: list[str]


@dataclass
class _Diagram:
    """What one diagram says, gathered statement by statement (`on_` a rule's name)."""

    stem: str
    header: Token | None = None
    title: str | None = None
    untitled: bool = True
    front_title: str | None = None
    acc_titles: list[str] = field(default_factory=list)
    acc_descrs: list[str] = field(default_factory=list)
    sections: list[tuple[str, list[_Task]]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    wide: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title_token: Token | None = None

    @classmethod
    def failed(cls, stem: str, problem: Diagnostic) -> _Diagram:
        return cls(stem, diagnostics=[problem])

    # ── statements ───────────────────────────────────────────────────────────
    def on_front_matter(self, node: Tree) -> None:
        for entry in node.find_data("fm_entry"):
            key, *value = entry.children
            if str(key).rstrip(": \t") == "title" and value:
                self.front_title = _yaml_scalar(str(value[0]))

    def on_title(self, node: Tree) -> None:
        keyword, *rest = node.children
        if not rest:
            self._ignored(keyword, "`title` without a title is ignored",
                          "write the title after it: `title My journey`")
            return
        if self.title_token is not None:
            self._ignored(keyword, "a second `title`: the last one is kept, as Mermaid does",
                          "keep one `title`")
        self.title_token = keyword
        self.title = str(rest[0]).strip()

    def on_acc_title(self, node: Tree) -> None:
        if len(node.children) > 1:
            self.acc_titles.append(str(node.children[1]).strip())

    def on_acc_descr(self, node: Tree) -> None:
        if len(node.children) > 1:
            self.acc_descrs.append(str(node.children[1]).strip())

    def on_acc_descr_block(self, node: Tree) -> None:
        if len(node.children) > 1:
            lines = [line.strip() for line in str(node.children[1]).split("\n")]
            self.acc_descrs.append("\n".join(line for line in lines if line))

    def on_section(self, node: Tree) -> None:
        keyword, *rest = node.children
        if not rest:
            name = f"Section {len(self.sections) + 1}"
            self._ignored(keyword, f"a section without a name: named `{name}`",
                          "write the name after it: `section Go to work`")
        else:
            name = str(rest[0]).strip()
            if ":" in name:
                colon = rest[0].column + str(rest[0]).index(":")
                self.diagnostics.append(warning(
                    "W174", "Mermaid ends a section name at `:`; the whole name is kept",
                    m.Span(rest[0].line, colon, rest[0].line, colon + 1),
                    f"the stage is `{name}`; without the `:` Mermaid can draw it too"))
        self.sections.append((name, []))

    def on_task(self, node: Tree) -> None:
        name_token, *data = node.children
        name = str(name_token).strip()
        score, actors = self._score(name_token, name, data[0] if data else None)
        if not self.sections:
            self.sections.append((NO_SECTION, []))
        self.sections[-1][1].append(_Task(name, score, actors))

    # ── parts of a task ──────────────────────────────────────────────────────
    def _score(self, name_token: Token, name: str, data: Tree | None):
        scores = list(data.find_data("score")) if data is not None else []
        after_name = m.Span(name_token.line, name_token.column + len(name), name_token.line,
                            name_token.column + len(name) + 1)
        if not scores:
            self.diagnostics.append(warning(
                "W172", f"task `{name}` has no score: it is imported without emotions",
                after_name, f"give it one from 1 to 5: `{name}: 3: Me`"))
            return None, []
        token = scores[0].children[0]
        value = self._value(token, name)
        actors_nodes = list(data.find_data("task_actors"))
        actors = self._actors(actors_nodes[0] if actors_nodes else None)
        if value is not None and not actors:
            self.diagnostics.append(warning(
                "W173", f"task `{name}` names no actor: its score goes to `{NO_ACTOR}`",
                after_name if not actors_nodes else _span(actors_nodes[0].children[0]),
                f"name who feels it: `{name}: {str(token).strip()}: Me`"))
            actors = [NO_ACTOR]
        for actor in actors:
            if actor not in self.actors:
                self.actors.append(actor)
        return value, actors

    def _value(self, token: Token, name: str) -> float | None:
        written = str(token).strip()
        if token.type != "NUMBER":
            self.diagnostics.append(warning(
                "W171", f"the score `{written}` of `{name}` is not a number: the task is "
                        "imported without emotions", _span(token, written),
                "Mermaid scores are numbers from 1 (unhappy) to 5 (happy)"))
            return None
        value = float(written)
        value = int(value) if value.is_integer() else value
        if not 1 <= value <= 10:
            self.diagnostics.append(warning(
                "W171", f"the score {written} of `{name}` is outside 1..10: the task is "
                        "imported without emotions", _span(token, written),
                "Mermaid scores run from 1 (unhappy) to 5 (happy)"))
            return None
        if value > 5 and not self.wide:
            self.wide = True
            self.diagnostics.append(warning(
                "W170", f"the score {written} of `{name}` is above Mermaid's 1..5: the map "
                        "uses a scale of 1..10", _span(token, written),
                "Mermaid draws scores from 1 to 5; on 1..10 a 5 is the middle, not the top"))
        return value

    def _actors(self, node: Tree | None) -> list[str]:
        if node is None:
            return []
        actors: list[str] = []
        extra_seen = False
        children = node.children[1:]
        for child in children:
            if isinstance(child, Tree) and child.data == "actors":
                actors = self._actor_list(child.children)
            elif isinstance(child, Tree) and child.data == "extra" and not extra_seen:
                extra_seen = True  # one message for the rest of the line
                self._ignored(child.children[0], "what follows the actors is ignored, as "
                              "Mermaid does", "a task has a name, a score and actors: "
                              "`Make tea: 5: Me`")
        return actors

    def _actor_list(self, tokens: list[Token]) -> list[str]:
        actors: list[str] = []
        previous = None
        for token in tokens:
            if token.type == "COMMA" and (previous is None or previous.type == "COMMA"):
                self._ignored(token, "an empty actor between commas is ignored",
                              "remove the extra `,`")
            elif token.type == "ACTOR":
                actor = str(token).strip()
                if actor in actors:
                    self._ignored(token, f"`{actor}` is named twice in one task",
                                  "name each actor once")
                else:
                    actors.append(actor)
            previous = token
        if previous is not None and previous.type == "COMMA":
            self._ignored(previous, "a trailing `,` is ignored", "remove the `,`")
        return actors

    def _ignored(self, token: Token, message: str, hint: str) -> None:
        self.diagnostics.append(warning("W175", message, _span(token), hint))

    # ── the journey ──────────────────────────────────────────────────────────
    def finish(self) -> None:
        if not any(tasks for _, tasks in self.sections) and self.header is not None:
            self.diagnostics.append(error(
                "E080", "the journey has no tasks: there is nothing to import",
                _span(self.header), "add a section and a task: `section Go to work` and "
                                    "`Make tea: 5: Me`"))
        chosen = self.title or self.front_title or (self.acc_titles[0] if self.acc_titles
                                                    else None)
        self.untitled = chosen is None
        self.title = chosen or self.stem

    def journey(self) -> m.Journey:
        ids = Ids()
        personas = tuple(m.Persona(ids.for_name(actor, "persona"), actor)
                         for actor in self.actors)
        persona_of = {p.name: p.id for p in personas}
        stages = []
        for name, tasks in self.sections:
            stage_id = ids.for_name(name, "stage")
            touchpoints = tuple(
                m.Touchpoint(ids.for_name(task.name, "touchpoint"), task.name, stage_id,
                             emotions=tuple(m.Emotion(persona_of[a], task.score)
                                            for a in task.actors if task.score is not None))
                for task in tasks)
            stages.append(m.Stage(stage_id, name, touchpoints=touchpoints))
        described = [t for t in self.acc_titles if t != self.title] + self.acc_descrs
        return m.Journey(self.title, WIDE_SCALE if self.wide else MERMAID_SCALE, personas,
                         tuple(stages), description="\n".join(described) or None)


def _yaml_scalar(value: str) -> str:
    """A front-matter value as YAML reads a plain or quoted scalar on one line."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value.split(" #", 1)[0].strip()
