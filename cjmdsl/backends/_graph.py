"""The journey as a Graphviz flow graph, shared by the dot, png, pdf and flow-svg formats.

Stages are clusters, left to right in file order; each touchpoint is a node showing its
channel, its name and one row per persona's emotion, tinted on the theme's emotion scale
(a moment of truth gets a double gold border and a star). Each persona's path is a run of
edges in its colour (`cjmdsl.facts.flows` says which), `flow` labels sit on their edges, pain
points hang off their touchpoint as notes, and a legend comes first.

Stages never reorder: an invisible boundary node between each pair of stages sits after
every node of the one and before every node of the next, and an edge that goes back to an
earlier stage does not constrain the ranking. Every DOT id is made here from indices
(`t3`, `cluster_1`), never from user text, and every user text goes through `_dot_text`.
"""
from __future__ import annotations

import re
import subprocess
import warnings

import graphviz

from cjmdsl.backends import BackendUnavailable, BackendWarning
from cjmdsl.backends._dot_text import dot_html, dot_text, html_label
from cjmdsl.facts.flows import steps
from cjmdsl.language.blueprint import step_details
from cjmdsl.lanes import SUMMARISED_LANES, fail_points
from cjmdsl.words.locales import in_its_language, say, say_counted
from cjmdsl.model import Journey, Stage, Step, Touchpoint
from cjmdsl.words.numbers import number, on_scale
from cjmdsl.facts.steps import timing_words
from cjmdsl.themes import Theme, mix

NAME_WIDTH = 24  # characters per line of a touchpoint's name
NOTE_WIDTH = 34  # … of a pain point's note
EDGE_LABEL_WIDTH = 22  # … of a flow label on an edge
LEGEND_WIDTH = 30  # … of a persona name in the legend
ROW_NAME_LENGTH = 16  # a persona's name on an emotion row is cut after this many characters
ROW_TOUCHPOINTS = 10  # touchpoints in one row of the flow before the stages wrap
EMOTION_TINT = 0.42  # how far an emotion row's fill goes from the card colour to the scale's
MISSING_DOT = (
    "-f {format} runs Graphviz's `dot`, which is not installed; install the `graphviz` "
    "package (Debian/Ubuntu: apt-get install graphviz; Homebrew: brew install graphviz). "
    "-f dot still works without it and writes the DOT source."
)


# Above this many touchpoints the graph has a node per stage instead of one per touchpoint:
# `dot` ranks and orders every node and edge against every other, so its time grows with the
# square of the nodes (about 1 s at 400 touchpoints, 8 s at 1,000, minutes beyond), and a
# graph of thousands of nodes is no longer read as a graph anyway.
DETAILED_TOUCHPOINTS = 400
# Above this many, `dot` places the nodes with a bounded number of network-simplex passes
# (`nslimit`): loops back and long paths made placing them most of the time (a 400-touchpoint
# map with 20 loops: 23 s, 5 s bounded); the edges then run a little less straight.
BOUNDED_PLACING = 100


def build(journey: Journey, theme: Theme) -> graphviz.Digraph:
    """The flow graph of `journey` drawn with `theme`: a node per touchpoint, or per stage
    for a journey of more than DETAILED_TOUCHPOINTS."""
    if sum(len(stage.touchpoints) for stage in journey.stages) > DETAILED_TOUCHPOINTS:
        return _StageFlowGraph(journey, theme).build()
    return _FlowGraph(journey, theme).build()


@in_its_language
def render_with_dot(journey: Journey, theme: Theme, output_format: str, format_name: str) -> bytes:
    """The graph laid out and rendered by Graphviz's `dot` as `output_format` (png, pdf, svg).

    Raises BackendUnavailable, naming the package to install, when `dot` is missing.
    """
    source = build(journey, theme).source
    try:
        run = subprocess.run(["dot", f"-T{output_format}"], input=source.encode("utf-8"),
                             capture_output=True, check=False)
    except FileNotFoundError:
        raise BackendUnavailable(MISSING_DOT.format(format=format_name)) from None
    said = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        raise RuntimeError(f"Graphviz's dot failed on the flow graph: {said.strip()}")
    # dot's warnings are about the picture the reader gets: never dropped (BackendWarning).
    for line in said.splitlines():
        if line.strip():
            said_line = re.sub(r"^(dot: |Warning: )+", "", line.strip())
            warnings.warn(BackendWarning(f"Graphviz's `dot` warns: {said_line}"), stacklevel=2)
    data = run.stdout
    return _fixed_creation_date(data) if output_format == "pdf" else data


def _fixed_creation_date(pdf: bytes) -> bytes:
    """The PDF with cairo's creation time replaced by a fixed one of the same length (so
    the cross-reference offsets stay right): same map, same bytes."""
    def constant(match: re.Match) -> bytes:
        digits = iter(b"19700101000000")
        return re.sub(rb"\d", lambda _: bytes([next(digits, ord("0"))]), match.group(0))

    return re.sub(rb"/CreationDate \(D:[^)]*\)", constant, pdf, count=1)


_HEX = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")


def _hex(color: str | None, fallback: str = "#808080") -> str:
    """A colour as `#rrggbb` (Graphviz reads no `#rgb`); anything else (a journey built in
    Python may hold anything) becomes `fallback`, so no text reaches an attribute."""
    if not isinstance(color, str) or not _HEX.fullmatch(color):
        return fallback
    return mix(color, color, 0.0)


class _FlowGraph:
    """Builds one graph; a method per part (legend, stage, touchpoint, edges, order)."""

    ORDER = "invisible boundaries b<k> between the stages"  # a comment in the DOT source

    def __init__(self, journey: Journey, theme: Theme):
        self.journey = journey
        self.theme = theme
        self.colors = {key: _hex(value) for key, value in theme.colors.items()}
        self.font = theme.font
        touchpoints = journey.touchpoints
        self.node_of = {tp.id: f"t{i}" for i, tp in enumerate(touchpoints)}
        self.name_of = {tp.id: tp.name for tp in touchpoints}
        self.stage_of = {tp.id: k for k, stage in enumerate(journey.stages)
                         for tp in stage.touchpoints}
        self.persona_color = {p.id: _hex(p.color, _hex(theme.persona_color(i)))
                              for i, p in enumerate(journey.personas)}
        self.persona_order = {p.id: i for i, p in enumerate(journey.personas)}
        self.steps = [s for s in steps(journey) if s.source in self.node_of
                      and (s.target is None or s.target in self.node_of)]
        self.exits = {s.source for s in self.steps if s.target is None}
        self.members: list[list[str]] = []  # node names per stage, for the ordering edges
        self.row_of = _stage_rows(journey.stages)

    # ── the whole graph ─────────────────────────────────────────────────────
    def build(self) -> graphviz.Digraph:
        family = dot_text(str(self.font["family"]))  # a theme's text, escaped as any other
        graph = graphviz.Digraph(
            "journey",
            graph_attr={
                "rankdir": "LR", "newrank": "true", "ranksep": "0.3", "nodesep": "0.22",
                "bgcolor": self.colors["background"], "fontname": family,
                "fontcolor": self.colors["text"], "label": self.title(),
                "labelloc": "t", "labeljust": "l", "pad": "0.3", "outputorder": "edgesfirst",
            },
            node_attr={"fontname": family, "fontsize": _pt(self.font["size"]),
                       "fontcolor": self.colors["text"]},
            edge_attr={"fontname": family, "fontsize": _pt(self.font["small_size"]),
                       "fontcolor": self.colors["text"], "arrowsize": "0.7"},
        )
        if len(self.node_of) > BOUNDED_PLACING:
            graph.graph_attr["nslimit"] = "2"
        self.legend(graph)
        for k, stage in enumerate(self.journey.stages):
            self.stage(graph, k, stage)
        graph.body.append(f"\t// stage order: {self.ORDER}\n")
        self.order(graph)
        graph.body.append("\t// the paths: one edge per step, in the colours of who takes it\n")
        self.edges(graph)
        return graph

    def title(self) -> str:
        markup = (f'<FONT POINT-SIZE="{_pt(self.font["title_size"])}">'
                  f'<B>{dot_html(self.journey.title, 90)}</B></FONT>')
        for line in filter(None, (self.journey.description, self.note())):
            markup += (f'<BR ALIGN="LEFT"/><FONT COLOR="{self.colors["muted"]}">'
                       f'{dot_html(line, 120)}</FONT>')
        return html_label(markup + '<BR ALIGN="LEFT"/>')

    def note(self) -> str | None:
        """A line under the title about how the graph is drawn, if it needs one."""
        return None

    # ── stages and what they hold ───────────────────────────────────────────
    def stage(self, graph: graphviz.Digraph, k: int, stage: Stage) -> None:
        members: list[str] = []
        with graph.subgraph(name=f"cluster_{k}") as cluster:
            cluster.attr(
                label=html_label(f"<B>{dot_html(stage.name, 40)}</B>"), labeljust="l",
                fontsize=_pt(self.font["heading_size"]),
                fontcolor=_hex(self.theme.stages.text),
                style="rounded,filled", fillcolor=_hex(self.theme.stage_fill(k)),
                color=self.colors["border"], margin="10")
            for tp in stage.touchpoints:
                members += self.touchpoint(cluster, tp)
            if not stage.touchpoints:
                members.append(f"e{k}")
                cluster.node(f"e{k}", label=dot_text(say("no_touchpoints")), shape="plaintext",
                             fontcolor=self.colors["muted"],
                             fontsize=_pt(self.font["small_size"]))
        self.members.append(members)

    def touchpoint(self, cluster: graphviz.Digraph, tp: Touchpoint) -> list[str]:
        """The touchpoint's node (pain points are notes inside it) and its exit node, if a
        path drops out there; their names."""
        name = self.node_of[tp.id]
        moment = tp.moment_of_truth is not None
        cluster.node(
            name, label=self.touchpoint_label(tp), tooltip=dot_text(self.tooltip(tp)),
            id=dot_text(f"touchpoint-{tp.id}"), shape="box", style="rounded,filled",
            fillcolor=self.colors["card"], margin="0.08,0.04",
            color=self.colors["moment"] if moment else self.colors["border"],
            peripheries="2" if moment else "1", penwidth="1.6" if moment else "1")
        made = [name]
        if tp.id in self.exits:
            out = "x" + name[1:]
            cluster.node(out, label=dot_text(say("flow_exit")), shape="octagon", style="filled",
                         fillcolor=self.colors["pain"], color=self.colors["missed"],
                         fontcolor=self.colors["missed"], fontsize=_pt(self.font["small_size"]),
                         margin="0.04,0.02", height="0.3")
            made.append(out)
        return made

    def touchpoint_label(self, tp: Touchpoint) -> str:
        rows = []
        channel = tp.channel_label
        if channel:
            rows.append(_row(f'<FONT POINT-SIZE="{_pt(self.font["small_size"])}" '
                             f'COLOR="{self.colors["muted"]}">{dot_html(channel)}</FONT>'))
        rows.append(_row(f"<B>{dot_html(tp.name, NAME_WIDTH)}</B>"))
        timing = timing_words(tp)
        if timing:
            rows.append(_row(f'<FONT POINT-SIZE="{_pt(self.font["small_size"])}" '
                             f'COLOR="{self.colors["muted"]}">{dot_html(timing, NAME_WIDTH)}</FONT>'))
        scale = self.journey.scale
        for emotion in sorted(tp.emotions, key=lambda e: self.persona_order.get(e.persona, 99)):
            fill = mix(self.colors["card"],
                       self.theme.emotion_color(emotion.value, scale.low, scale.high),
                       EMOTION_TINT)
            word = emotion.word or scale.label_for(emotion.value) or ""
            text = f"{self.short_name(emotion.persona)} {on_scale(emotion.value, scale)} {word}".rstrip()
            marker = self.persona_color.get(emotion.persona, self.colors["muted"])
            rows.append(_row(f'<FONT COLOR="{marker}">■</FONT> {dot_html(text, NAME_WIDTH)}',
                             fill))
        if tp.moment_of_truth is not None:
            rows.append(_row(f'<FONT COLOR="{self.colors["moment"]}">'
                             f'★ {dot_html(say("moment_of_truth"))}</FONT>'))
        for _, item in fail_points(tp):  # where the step can break, as the map's F marks it
            rows.append(_row(f'<FONT COLOR="{self.colors["fail"]}"><B>F</B> '
                             f'{dot_html(item.fail, NAME_WIDTH)}</FONT>'))
        rows += self.pain_rows(tp)
        return html_label('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
                          + "".join(rows) + "</TABLE>")

    def pain_rows(self, tp: Touchpoint) -> list[str]:
        """Each pain point as a note under the touchpoint, with its source and owner."""
        rows = []
        small = _pt(self.font["small_size"])
        for pain in tp.pains:
            tags = []
            if pain.source:
                kind, detail = pain.source.kind, pain.source.detail
                tags.append(_labelled(kind, detail) if detail else kind)
            if pain.owner:
                tags.append(say("owner_tag", owner=pain.owner))
            text = dot_html(pain.text, NOTE_WIDTH)
            if tags:
                text += (f'<BR/><FONT COLOR="{self.colors["muted"]}">'
                         f'{dot_html("; ".join(tags), NOTE_WIDTH)}</FONT>')
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" BGCOLOR="{self.colors["pain"]}" '
                        f'BORDER="1" COLOR="{self.colors["pain_border"]}" STYLE="dashed">'
                        f'<FONT POINT-SIZE="{small}">{text}</FONT></TD></TR>')
        return rows

    def tooltip(self, tp: Touchpoint) -> str:
        scale = self.journey.scale
        lines = [tp.name]
        channel = tp.channel_label
        if channel:
            lines.append(_labelled(say("column_channel"), channel))
        for emotion in tp.emotions:
            line = _labelled(self.full_name(emotion.persona), on_scale(emotion.value, scale))
            line += f" {emotion.word}" if emotion.word else ""
            expected = tp.expectation_of(emotion.persona)
            line += (f" ({say('felt_expected', value=on_scale(expected.value, scale))})"
                     if expected else "")
            lines.append(line)
        if tp.moment_of_truth is not None:
            reason = tp.moment_of_truth.reason
            lines.append(say("moment_of_truth_because", reason=reason) if reason
                         else say("moment_of_truth"))
        lines += [_labelled(say(f"tooltip_{lane.key}"), item.text) + _details(item, self.journey)
                  for lane in SUMMARISED_LANES for item in lane.items_of(tp)]
        timing = timing_words(tp)
        lines += [_labelled(say("heading_time"), timing)] if timing else []
        lines += [_labelled(say("fail_point"), item.fail) for _, item in fail_points(tp)]
        return "\n".join(lines)

    # ── people ──────────────────────────────────────────────────────────────
    def full_name(self, persona_id: str) -> str:
        persona = self.journey.persona(persona_id)
        return persona.name if persona else persona_id

    def short_name(self, persona_id: str) -> str:
        """The persona's name up to its first comma (`Maya, busy parent` → `Maya`), cut."""
        name = self.full_name(persona_id).split(",")[0].strip() or persona_id
        return name if len(name) <= ROW_NAME_LENGTH else name[:ROW_NAME_LENGTH - 1] + "…"

    def takers(self, personas: list[str | None]) -> str:
        """Who takes a step: the personas' short names, `Any customer` for a path of none."""
        return say("list_separator").join(self.short_name(p) if p else say("flow_any_customer")
                                          for p in personas)

    # ── legend ──────────────────────────────────────────────────────────────
    def legend(self, graph: graphviz.Digraph) -> None:
        rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{dot_html(say("flow_legend"))}</B></TD></TR>']
        for persona in self.journey.personas:
            rows.append(_key(f'<FONT COLOR="{self.persona_color[persona.id]}"><B>━━━</B></FONT>',
                             dot_html(persona.name, LEGEND_WIDTH)))
        if any(s.persona is None for s in self.steps):
            rows.append(_key(f'<FONT COLOR="{self.colors["muted"]}"><B>- - -</B></FONT>',
                             dot_html(say("flow_any_customer"))))
        scale = self.journey.scale
        felt = any(tp.emotions for tp in self.journey.touchpoints)  # not in a pure blueprint
        for value in _legend_values(scale) if felt else ():
            fill = mix(self.colors["card"], self.theme.emotion_color(value, scale.low, scale.high),
                       EMOTION_TINT)
            rows.append(f'<TR><TD BGCOLOR="{fill}">{dot_html(on_scale(value, scale))}</TD>'
                        f'<TD ALIGN="LEFT">{dot_html(scale.label_for(value) or "")}</TD></TR>')
        touchpoints = self.journey.touchpoints
        if any(tp.moment_of_truth for tp in touchpoints):
            rows.append(_key(f'<FONT COLOR="{self.colors["moment"]}">★</FONT>',
                             dot_html(say("flow_moment_key"))))
        if any(fail_points(tp) for tp in touchpoints):
            rows.append(_key(f'<FONT COLOR="{self.colors["fail"]}"><B>F</B></FONT>',
                             dot_html(say("fail_point"))))
        if any(tp.pains for tp in touchpoints):
            rows.append(f'<TR><TD BGCOLOR="{self.colors["pain"]}" BORDER="1" '
                        f'COLOR="{self.colors["pain_border"]}"> </TD>'
                        f'<TD ALIGN="LEFT">{dot_html(say("lane_pains"))}</TD></TR>')
        if self.exits:
            rows.append(_key(f'<FONT COLOR="{self.colors["missed"]}">'
                             f'<B>{dot_html(say("flow_exit"))}</B></FONT>',
                             dot_html(say("flow_exit_key"))))
        with graph.subgraph(name="cluster_legend") as cluster:
            cluster.attr(label="", style="rounded,filled", fillcolor=self.colors["panel"],
                         color=self.colors["border"], margin="6")
            cluster.node("legend", shape="plaintext", fontsize=_pt(self.font["small_size"]),
                         label=html_label('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" '
                                          'CELLPADDING="2">' + "".join(rows) + "</TABLE>"))

    # ── edges ───────────────────────────────────────────────────────────────
    def edges(self, graph: graphviz.Digraph) -> None:
        """One edge per step and label, in the colours of every persona that takes it."""
        takers: dict[tuple, list] = {}
        for step in self.steps:
            takers.setdefault((step.source, step.target, step.label), []).append(step.persona)
        for (source, target, label), personas in takers.items():
            personas.sort(key=lambda p: self.persona_order.get(p, len(self.persona_order)))
            head = "x" + self.node_of[source][1:] if target is None else self.node_of[target]
            who = self.takers(personas)
            where = say("flow_to_exit") if target is None else self.name_of[target]
            attrs = {**self.line_of(personas),
                     "tooltip": dot_text(_labelled(who, f"{self.name_of[source]} → {where}")
                                         + (f" ({label})" if label else ""))}
            backwards = target is not None and self.stage_of[target] < self.stage_of[source]
            # An edge to the next row of stages runs back to its start: it must not pull
            # that row out to the right either.
            wraps = target is not None and (self.row_of[self.stage_of[target]]
                                            != self.row_of[self.stage_of[source]])
            if label:  # a loop back runs across other edges: its label gets a background
                attrs["label"] = self.backed_label(label) if backwards else dot_text(
                    label, EDGE_LABEL_WIDTH)
            if backwards or wraps:
                attrs["constraint"] = "false"  # a loop back must not pull stages out of order
            graph.edge(self.node_of[source], head, **attrs)

    def line_of(self, personas: list[str | None]) -> dict:
        """How an edge taken by `personas` is drawn: a line in each one's colour side by side;
        a path no persona is named on (`Any customer`) dashed, so it is not taken for a persona
        whose colour is as grey as it (the `print` theme's)."""
        colors = [self.persona_color.get(p, self.colors["muted"]) if p else self.colors["muted"]
                  for p in personas]
        line = {"color": ":".join(colors), "penwidth": "1.8"}
        return {**line, "style": "dashed"} if personas == [None] else line

    def backed_label(self, label: str) -> str:
        """A flow label on the page's background, so a line crossing it does not strike it."""
        return html_label(f'<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0" '
                          f'BGCOLOR="{self.colors["background"]}"><TR><TD BALIGN="CENTER">'
                          f'{dot_html(label, EDGE_LABEL_WIDTH)}</TD></TR></TABLE>')

    def order(self, graph: graphviz.Digraph) -> None:
        """Invisible boundaries between the stages (and after the legend) that keep every
        stage's nodes to the right of the previous stage's."""
        hidden = {"style": "invis", "weight": "0"}
        for k in range(len(self.members)):
            graph.node(f"b{k}", shape="point", style="invis", width="0", height="0", label="")
        if self.members:
            graph.edge("legend", "b0", minlen="0", **hidden)
        for k, members in enumerate(self.members):
            for member in members:
                graph.edge(f"b{k}", member, **hidden)
                if k + 1 < len(self.members) and self.row_of[k + 1] == self.row_of[k]:
                    graph.edge(member, f"b{k + 1}", minlen="0", **hidden)
        # Each later row of stages starts where the first one does (rank 0), under the row
        # before it: a flat edge between two row starts orders them top to bottom.
        starts = [0] + [k for k in range(1, len(self.members))
                        if self.row_of[k] != self.row_of[k - 1]]
        for above, below in zip(starts, starts[1:]):
            with graph.subgraph() as same:
                same.attr(rank="same")
                same.node(f"b{above}")
                same.node(f"b{below}")
            graph.edge(f"b{above}", f"b{below}", **hidden)


def _stage_rows(stages) -> list[int]:
    """The row of the flow each stage is drawn in: whole stages, left to right, a new row
    when a row would pass ROW_TOUCHPOINTS (a longer stage has a row of its own), so a long
    journey wraps like a paragraph instead of growing a page wider than Graphviz or a
    viewer can draw."""
    rows, row, used = [], 0, 0
    for stage in stages:
        count = max(len(stage.touchpoints), 1)
        if used and used + count > ROW_TOUCHPOINTS:
            row, used = row + 1, 0
        rows.append(row)
        used += count
    return rows


class _StageFlowGraph(_FlowGraph):
    """The flow graph of a large journey: a node per stage, summarising its touchpoints
    (how many, each persona's mean emotion, moments of truth, pain points), and an edge per
    step from one stage to another, in the colours of who takes it, with how many steps it
    stands for. Steps inside a stage are in its node's count, not drawn."""

    ORDER = "an invisible edge from each stage to the next"

    def note(self) -> str:
        return say("flow_per_stage", touchpoints=say_counted("touchpoints", len(self.node_of)),
                   most=number(DETAILED_TOUCHPOINTS))

    def stage(self, graph: graphviz.Digraph, k: int, stage: Stage) -> None:
        name = f"s{k}"
        small = _pt(self.font["small_size"])
        count = len(stage.touchpoints)
        rows = [_row(f"<B>{dot_html(stage.name, NAME_WIDTH)}</B>"),
                _row(f'<FONT POINT-SIZE="{small}" COLOR="{self.colors["muted"]}">'
                     f'{dot_html(say_counted("touchpoints", count))}</FONT>')]
        scale = self.journey.scale
        felt: dict[str, list[float]] = {}
        for tp in stage.touchpoints:
            for emotion in tp.emotions:
                felt.setdefault(emotion.persona, []).append(emotion.value)
        for persona in sorted(felt, key=lambda p: self.persona_order.get(p, 99)):
            mean = round(sum(felt[persona]) / len(felt[persona]), 1)
            fill = mix(self.colors["card"], self.theme.emotion_color(mean, scale.low, scale.high),
                       EMOTION_TINT)
            marker = self.persona_color.get(persona, self.colors["muted"])
            text = say("flow_on_average", name=self.short_name(persona),
                       value=on_scale(mean, scale))
            rows.append(_row(f'<FONT COLOR="{marker}">■</FONT> {dot_html(text, NAME_WIDTH)}',
                             fill))
        moments = sum(tp.moment_of_truth is not None for tp in stage.touchpoints)
        if moments:
            rows.append(_row(f'<FONT COLOR="{self.colors["moment"]}">'
                             f'★ {dot_html(say_counted("stage_moments", moments))}</FONT>'))
        pains = sum(len(tp.pains) for tp in stage.touchpoints)
        if pains:
            rows.append(_row(f'<FONT POINT-SIZE="{small}">'
                             f'{dot_html(say_counted("stage_pains", pains))}</FONT>',
                             self.colors["pain"]))
        graph.node(name, label=html_label(
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
            + "".join(rows) + "</TABLE>"),
            id=dot_text(f"stage-{stage.id}"), shape="box", style="rounded,filled",
            fillcolor=_hex(self.theme.stage_fill(k)), color=self.colors["border"],
            peripheries="2" if moments else "1")
        if any(tp.id in self.exits for tp in stage.touchpoints):
            graph.node(f"x{k}", label=dot_text(say("flow_exit")), shape="octagon", style="filled",
                       fillcolor=self.colors["pain"], color=self.colors["missed"],
                       fontcolor=self.colors["missed"], fontsize=small,
                       margin="0.04,0.02", height="0.3")
        self.members.append([name])

    def edges(self, graph: graphviz.Digraph) -> None:
        """One edge per pair of stages a step joins (or per stage a path leaves the journey
        from), in the colours of every persona that takes one, labelled with the count."""
        takers: dict[tuple, dict] = {}
        for step in self.steps:
            source = self.stage_of[step.source]
            target = None if step.target is None else self.stage_of[step.target]
            if source != target:
                who = takers.setdefault((source, target), {})
                who[step.persona] = who.get(step.persona, 0) + 1
        stages = self.journey.stages
        for (source, target), who in takers.items():
            personas = sorted(who, key=lambda p: self.persona_order.get(p, len(self.persona_order)))
            steps = sum(who.values())
            where = say("flow_to_exit") if target is None else stages[target].name
            counted = say_counted("flow_steps", steps)
            went = f"{stages[source].name} → {where} ({counted})"
            attrs = {**self.line_of(personas),
                     "tooltip": dot_text(_labelled(self.takers(personas), went))}
            if steps > 1:
                attrs["label"] = dot_text(counted)
            if target is not None and target < source:
                attrs["constraint"] = "false"  # a loop back must not pull stages out of order
            graph.edge(f"s{source}", f"x{source}" if target is None else f"s{target}", **attrs)

    def order(self, graph: graphviz.Digraph) -> None:
        """The stages left to right in file order: an invisible edge from each to the next."""
        hidden = {"style": "invis", "weight": "0"}
        if self.members:
            graph.edge("legend", "s0", **hidden)
        for k in range(len(self.members) - 1):
            graph.edge(f"s{k}", f"s{k + 1}", **hidden)


def _row(content: str, fill: str | None = None) -> str:
    color = f' BGCOLOR="{fill}"' if fill else ""
    return f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{color}>{content}</TD></TR>'


def _key(sample: str, text: str) -> str:
    return f'<TR><TD>{sample}</TD><TD ALIGN="LEFT" BALIGN="LEFT">{text}</TD></TR>'


def _legend_values(scale) -> list[int]:
    """Every value of a short scale; of a long one, its ends, middle and labelled values."""
    if scale.high - scale.low <= 6:
        return list(range(scale.low, scale.high + 1))
    chosen = {scale.low, scale.high, (scale.low + scale.high) // 2}
    chosen |= {level.value for level in scale.levels if scale.contains(level.value)}
    return sorted(chosen)


def _labelled(label: str, text: str) -> str:
    """`text` after its label, as the language writes a label: `Channel: Web`."""
    return f"{say('label', label=label)} {text}"


def _pt(size: float) -> str:
    return f"{size:g}"




def _details(item, journey) -> str:
    """A blueprint item's actor and hand-offs after its text in a tooltip."""
    details = step_details(item, journey) if isinstance(item, Step) else []
    return f" ({'; '.join(details)})" if details else ""
