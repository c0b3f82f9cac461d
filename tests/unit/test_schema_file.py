"""`schema.graphql` is the API's contract for integrators: it must be what the code serves."""

from __future__ import annotations

import inspect
from pathlib import Path

from application.commands import complaint, engagement, requirement, risk
from application.commands.base import Command
from interfaces.graphql.schema import build_schema

SCHEMA_FILE = Path(__file__).parents[2] / "schema.graphql"


def test_committed_schema_matches_the_code() -> None:
    served = build_schema().as_str() + "\n"
    assert SCHEMA_FILE.read_text() == served, (
        "schema.graphql is out of date: regenerate it with `rapport schema > schema.graphql`"
    )


def test_every_command_has_a_mutation_named_after_it() -> None:
    commands = {
        value.__name__
        for module in (engagement, requirement, complaint, risk)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Command)
        and value.__module__ == module.__name__
        and not inspect.isabstract(value)
    }
    mutation = build_schema().get_type_by_name("Mutation")
    names = {field.name for field in mutation.fields}  # type: ignore[union-attr]
    assert len(commands) > 40
    assert {name[:1].lower() + name[1:] for name in commands} <= names
