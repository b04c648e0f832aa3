"""The JSON export and its published JSON Schema agree, and the schema ships in the package.

Every object in the schema forbids unknown properties and requires every known one, so a
model field added, renamed or removed without updating the schema fails here.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import re
from importlib.resources import files

import pytest
from conftest import EXAMPLES, ROOT
from jsonschema import Draft202012Validator

import cjmdsl
from cjmdsl import model
from cjmdsl.backends.json import SCHEMA_ID, SCHEMA_VERSION

SCHEMA_FILE = "journey.v4.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(files("cjmdsl.schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema) -> Draft202012Validator:
    return Draft202012Validator(schema)


def exported(example) -> dict:
    return json.loads(cjmdsl.render(example.read_text(encoding="utf-8"), "json",
                                    filename=example.name))


def messages(validator, document) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(document)]


def walk_objects(node, path="#"):
    """Every object schema in `node` (nested under properties, items, $defs, anyOf, ...)."""
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield path, node
        for key, value in node.items():
            yield from walk_objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_objects(value, f"{path}/{index}")


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_id_is_the_one_the_export_points_to(schema):
    assert schema["$id"] == SCHEMA_ID
    assert SCHEMA_ID.endswith("/" + SCHEMA_FILE)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_every_object_forbids_unknown_and_requires_known_properties(schema):
    objects = list(walk_objects(schema))
    assert len(objects) == len(schema["$defs"]) + 1
    for path, node in objects:
        assert node.get("additionalProperties") is False, path
        assert sorted(node.get("required", ())) == sorted(node["properties"]), path


def test_every_model_class_has_a_definition_with_its_fields(schema):
    # A class the model also binds to other names (Finding as PainPoint and Opportunity) is
    # defined under those names, the ones the JSON uses; each must list the class's fields.
    names_of: dict[type, list[str]] = {}
    for attribute, cls in vars(model).items():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            names_of.setdefault(cls, []).append(re.sub(r"(?<!^)(?=[A-Z])", "_", attribute).lower())
    for cls, names in names_of.items():
        json_names = names[1:] if len(names) > 1 else names  # the class first, then aliases
        fields = {f.name for f in dataclasses.fields(cls)} - {"source_name"}
        if cls is model.Kpi:
            fields |= {"actual", "better", "met"}
        if cls is model.Duration:
            fields |= {"minutes"}
        if cls is model.Future:
            fields |= {"improvement"}
        for name in json_names:
            assert set(schema["$defs"][name]["properties"]) == fields, name


def test_main_definitions_are_documented(schema):
    assert schema["title"] and schema["description"]
    for name, definition in schema["$defs"].items():
        assert definition.get("title") and definition.get("description"), name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_export_validates(example, validator):
    document = exported(example)
    assert document["$schema"] == SCHEMA_ID
    assert messages(validator, document) == []


@pytest.mark.parametrize("where", [
    lambda doc: doc,
    lambda doc: doc["journey"],
    lambda doc: doc["journey"]["stages"][0]["touchpoints"][0],
    lambda doc: doc["journey"]["stages"][0]["touchpoints"][0]["emotions"][0],
    lambda doc: doc["journey"]["stages"][0]["touchpoints"][0]["span"],
    lambda doc: doc["journey"]["kpis"][0],
], ids=["document", "journey", "touchpoint", "emotion", "span", "kpi"])
def test_unknown_field_fails_validation(where, validator):
    document = exported(ROOT / "examples" / "grocery-shop.cjm")
    changed = copy.deepcopy(document)
    where(changed)["surprise"] = 1
    found = messages(validator, changed)
    assert any("Additional properties are not allowed ('surprise'" in m for m in found), found


def test_missing_field_fails_validation(validator):
    document = exported(ROOT / "examples" / "grocery-shop.cjm")
    del document["journey"]["stages"][0]["touchpoints"][0]["channel"]
    assert any("'channel' is a required property" in m for m in messages(validator, document))


@pytest.mark.parametrize("change, expected", [
    (lambda kpi: kpi.update(kind="loyalty"), "'loyalty' is not one of"),
    (lambda kpi: kpi.update(kind="value", value=None), "None is not of type 'number'"),
    (lambda kpi: kpi.update(kind="churn", start=None), "None is not of type 'integer'"),
], ids=["unknown-kind", "value-without-value", "churn-without-counts"])
def test_kpi_shape_follows_its_kind(change, expected, validator):
    document = exported(ROOT / "examples" / "grocery-shop.cjm")
    change(document["journey"]["kpis"][0])
    assert any(expected in m for m in messages(validator, document)), messages(validator, document)


def test_schema_ships_in_the_package():
    resource = files("cjmdsl.schemas").joinpath(SCHEMA_FILE)
    assert resource.is_file()
    assert (ROOT / "cjmdsl" / "schemas" / SCHEMA_FILE).is_file()
