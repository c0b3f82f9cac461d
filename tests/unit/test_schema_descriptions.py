"""The schema explains itself to integrators: every type, every query and
mutation, and every input field has a description, and none of them speaks of
how Rapport is built (modules, view tables, snake_case names, design notes)."""

from __future__ import annotations

import re

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)

from interfaces.graphql.schema import build_schema

SCHEMA = build_schema()._schema
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}
OWN_TYPES = sorted(
    name
    for name, kind in SCHEMA.type_map.items()
    if not name.startswith("__") and name not in BUILT_IN
)
# What a description written for integrators never says.
INTERNAL = re.compile(
    r"\b[a-z]+_[a-z_]+\b"  # a Python or SQL name, where GraphQL has camelCase
    r"|\bDESIGN\b|\.py\b|\b(?:domain|application|infrastructure|interfaces)\."
    r"|\bview `|\bthe [a-z_]+ view\b"
)


def described(description: str | None) -> bool:
    return bool(description and description.strip())


@pytest.mark.parametrize("name", OWN_TYPES)
def test_every_type_has_a_description(name: str) -> None:
    kind = SCHEMA.type_map[name]
    assert isinstance(
        kind,
        GraphQLObjectType
        | GraphQLInputObjectType
        | GraphQLInterfaceType
        | GraphQLUnionType
        | GraphQLEnumType
        | GraphQLScalarType,
    )
    assert described(kind.description), name


@pytest.mark.parametrize("root", ["Query", "Mutation", "Subscription"])
def test_every_operation_has_a_description(root: str) -> None:
    fields = SCHEMA.type_map[root].fields  # type: ignore[union-attr]
    assert [name for name, field in fields.items() if not described(field.description)] == []


def test_every_input_field_has_a_description() -> None:
    missing = [
        f"{name}.{field_name}"
        for name, kind in SCHEMA.type_map.items()
        if isinstance(kind, GraphQLInputObjectType)
        for field_name, field in kind.fields.items()
        if not described(field.description)
    ]
    assert missing == []


def every_description() -> list[tuple[str, str]]:
    found = []
    for name in OWN_TYPES:
        kind = SCHEMA.type_map[name]
        found.append((name, kind.description or ""))
        for field_name, field in getattr(kind, "fields", {}).items():
            found.append((f"{name}.{field_name}", field.description or ""))
            for argument, value in getattr(field, "args", {}).items():
                found.append((f"{name}.{field_name}({argument})", value.description or ""))
    return found


def test_no_description_speaks_of_how_rapport_is_built() -> None:
    leaks = [(where, text) for where, text in every_description() if INTERNAL.search(text)]
    assert leaks == []
