"""What importers write: any journey as canonical `.cjm` text that compiles to it again."""
from __future__ import annotations

from hypothesis import given
from test_properties import LIGHT, journeys

from cjmdsl.api import parse
from cjmdsl.format import format_text
from cjmdsl.importers.cjm_source import cjm_source


@LIGHT
@given(journeys())
def test_any_journey_written_as_cjm_compiles_to_the_same_journey(journey):
    text = cjm_source(journey)
    assert parse(text) == journey
    assert format_text(text) == text


def test_examples_written_again_are_the_same_maps():
    from conftest import EXAMPLES

    for example in EXAMPLES:
        journey = parse(example.read_text(encoding="utf-8"))
        assert parse(cjm_source(journey)) == journey
