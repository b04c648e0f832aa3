"""The map as an editable diagrams.net (draw.io) file, which the draw.io app for Confluence
and the desktop app open: the layout of the SVG map in one row, each piece a shape to edit.

Stage headers and their columns, lane rows with their labels, touchpoint cards and every lane
card are vertices; each persona's emotion curve is a connector through its points (small
ellipses). The file is plain, uncompressed mxGraph XML, built with xml.etree (which escapes
every text); characters XML cannot hold are replaced by `escape.xml_chars`.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from cjmdsl.layout import geometry as g
from cjmdsl.layout.map import layout
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.escape import xml_chars
from cjmdsl.words.locales import in_its_language

BINARY = False
POINT_SIZE = 8


@in_its_language
def render(journey: Journey, theme: Theme) -> str:
    geometry = layout(journey, theme, None)
    cells = _Cells()
    cells.text("title", geometry.title, bold=True)
    for row in geometry.rows:
        _row(cells, row, geometry)
    model = ET.Element("mxGraphModel", {
        "dx": "0", "dy": "0", "grid": "1", "gridSize": "10", "guides": "1", "tooltips": "1",
        "connect": "1", "arrows": "1", "fold": "1", "page": "1", "pageScale": "1",
        "pageWidth": _n(geometry.width), "pageHeight": _n(geometry.height),
        "background": geometry.background, "math": "0", "shadow": "0"})
    root = ET.SubElement(model, "root")
    ET.SubElement(root, "mxCell", {"id": "0"})
    ET.SubElement(root, "mxCell", {"id": "1", "parent": "0"})
    root.extend(cells.elements)
    document = ET.Element("mxfile", {"host": "cjm", "type": "device"})
    diagram = ET.SubElement(document, "diagram", {"id": "journey",
                                                  "name": xml_chars(journey.title)[:60]})
    diagram.append(model)
    ET.indent(document)
    return ET.tostring(document, encoding="unicode", xml_declaration=False) + "\n"


def _row(cells: _Cells, row: g.MapRow, geometry: g.Geometry) -> None:
    for stage in row.stages:
        column = g.Box(stage.box.x, stage.box.y, stage.box.width, row.box.bottom - stage.box.y)
        cells.box(f"stage-column:{stage.stage_id}", column, "", f"fillColor={stage.fill};"
                  "opacity=25;strokeColor=none;")
        cells.box(f"stage:{stage.stage_id}", stage.box, _joined(stage.label),
                  f"fillColor={stage.fill};strokeColor=none;fontStyle=1;")
    for index, label in enumerate(row.row_labels):
        cells.text(f"row-label:{index}", label, bold=True)
    for tp in row.touchpoints:
        text = "\n".join(filter(None, [_joined(tp.name), tp.moment and _joined(tp.moment)]))
        cells.box(f"touchpoint:{tp.touchpoint_id}", tp.card, text,
                  f"rounded=1;fillColor=#ffffff;strokeColor={geometry.grid_color};")
    for lane in row.lanes:
        cells.box(f"lane:{lane.kind}", lane.box, "", f"fillColor=none;strokeColor="
                  f"{geometry.grid_color};")
        cells.text(f"lane-label:{lane.kind}", lane.label, bold=True)
        for index, card in enumerate(lane.cards):
            cells.box(f"card:{lane.kind}:{card.touchpoint_id}:{index}", card.box,
                      _joined(card.text), f"rounded=1;fillColor={card.fill};"
                      f"strokeColor={card.stroke};")
    if row.emotion is not None:
        _emotion(cells, row.emotion, geometry)


def _emotion(cells: _Cells, lane: g.EmotionLane, geometry: g.Geometry) -> None:
    cells.box("lane:emotion", lane.box, "", f"fillColor=none;strokeColor={geometry.grid_color};")
    cells.text("lane-label:emotion", lane.label, bold=True)
    for curve in lane.curves:
        points = [(p.marker.x, p.marker.y) for p in curve.points]
        for point in curve.points:
            box = g.Box(point.marker.x - POINT_SIZE / 2, point.marker.y - POINT_SIZE / 2,
                        POINT_SIZE, POINT_SIZE)
            cells.box(f"point:{curve.persona_id}:{point.touchpoint_id}", box, "",
                      f"ellipse;fillColor={curve.color};strokeColor={curve.color};")
        if len(points) > 1:
            cells.path(f"curve:{curve.persona_id}", points,
                       f"endArrow=none;curved=1;strokeWidth=2;strokeColor={curve.color};")


def _joined(block: g.TextBlock) -> str:
    return "\n".join(block.lines)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Cells:
    """The mxCells of the diagram, in drawing order; every one a child of cell `1`."""

    def __init__(self):
        self.elements: list[ET.Element] = []

    def box(self, cell_id: str, box: g.Box, value: str, style: str) -> None:
        cell = ET.Element("mxCell", {"id": xml_chars(cell_id), "value": xml_chars(value),
                                     "style": "whiteSpace=wrap;html=0;" + style,
                                     "vertex": "1", "parent": "1"})
        ET.SubElement(cell, "mxGeometry", {"x": _n(box.x), "y": _n(box.y),
                                           "width": _n(box.width), "height": _n(box.height),
                                           "as": "geometry"})
        self.elements.append(cell)

    def text(self, cell_id: str, block: g.TextBlock, bold: bool = False) -> None:
        align = {"start": "left", "middle": "center", "end": "right"}[block.anchor]
        self.box(cell_id, block.box, _joined(block),
                 f"text;align={align};verticalAlign=top;fontSize={_n(block.size)};"
                 f"fontColor={block.color};" + ("fontStyle=1;" if bold else ""))

    def path(self, cell_id: str, points: list[tuple[float, float]], style: str) -> None:
        cell = ET.Element("mxCell", {"id": xml_chars(cell_id), "style": style, "edge": "1",
                                     "parent": "1"})
        shape = ET.SubElement(cell, "mxGeometry", {"relative": "1", "as": "geometry"})
        (x1, y1), *middle, (x2, y2) = points
        ET.SubElement(shape, "mxPoint", {"x": _n(x1), "y": _n(y1), "as": "sourcePoint"})
        ET.SubElement(shape, "mxPoint", {"x": _n(x2), "y": _n(y2), "as": "targetPoint"})
        if middle:
            waypoints = ET.SubElement(shape, "Array", {"as": "points"})
            for x, y in middle:
                ET.SubElement(waypoints, "mxPoint", {"x": _n(x), "y": _n(y)})
        self.elements.append(cell)
