"""The Python API as a library user meets it: `import cjmdsl` and what it lists."""
from __future__ import annotations

import pytest

import cjmdsl

MAP = 'map "Shop" {\n  stage s "Browse" {\n    touchpoint t "Sees an ad" {}\n  }\n}\n'


def test_an_unknown_format_is_the_librarys_own_error_naming_the_formats():
    journey = cjmdsl.parse(MAP)
    with pytest.raises(cjmdsl.UnknownFormat) as raised:
        cjmdsl.render(journey, format="gif")
    assert isinstance(raised.value, ValueError)
    assert str(raised.value) == ("unknown format 'gif'; the formats are "
                                 + ", ".join(cjmdsl.formats()))
    assert "svg" in cjmdsl.formats() and "flow-png" in cjmdsl.formats()


def test_an_unknown_format_is_reported_before_the_text_is_parsed():
    with pytest.raises(cjmdsl.UnknownFormat):
        cjmdsl.render("not a map", format="gif")


def test_dir_and_all_list_the_api():
    api = {"parse", "check", "render", "formats", "CjmError", "Diagnostic", "Journey",
           "UnknownFormat", "BackendUnavailable", "__version__"}
    assert api <= set(cjmdsl.__all__)
    assert set(cjmdsl.__all__) <= set(dir(cjmdsl))
    for name in cjmdsl.__all__:
        assert getattr(cjmdsl, name) is not None
