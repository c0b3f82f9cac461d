"""Every command as a mutation: its input type is read off the command's fields.

A command is a frozen dataclass of plain values, so its GraphQL input is its
fields (camelCased) plus what travels with every command: `expectedVersion`,
`idempotencyKey` and `occurredAt`. The resolver builds the command, runs it as
the caller, waits (bounded) until the views show it, and returns the payload
(saying whether the views had caught up), or the typed error that says why
nothing changed.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Union
from uuid import UUID

import strawberry
from strawberry.types.field import StrawberryField

from application.commands.base import Command, CommandMeta, CommandResult
from application.views.aggregates import kind_name
from interfaces.graphql import (
    enums,  # noqa: F401 - registers the enums commands use
    input_fields,
)
from interfaces.graphql.context import Info
from interfaces.graphql.errors import ERROR_TYPES, camel, error_result
from interfaces.graphql.permissions import requires

# Builds the payload from the command's result and whether the views show it.
Payload = Callable[[CommandResult, bool], Any]

_META_FIELDS = {
    "expected_version": (int | None, "Refuse the command unless the object is at this version."),
    "idempotency_key": (
        str | None,
        "Send the same key again and get the first answer, with nothing recorded twice.",
    ),
    "occurred_at": (
        datetime | None,
        "When it happened in the business, if not now; never in the future.",
    ),
}

_INPUT_TYPES: dict[type, type] = {}


def pascal(name: str) -> str:
    return name[:1].upper() + name[1:]


def result_union(name: str, payload: type) -> Any:
    """The union of a payload and every typed error, named `<name>Result`."""
    members = (payload, *ERROR_TYPES)
    description = (
        f"What a mutation of {with_article(words(name))} answers: {payload.__name__} when it was "
        "recorded, or the error that says why nothing changed."
    )
    union = strawberry.union(f"{name}Result", description=description)
    return Annotated[Union[members], union]  # noqa: UP007


def with_article(words: str) -> str:
    """Words with their article, as said aloud: "an engagement", "an SLA policy"."""
    return f"{'an' if words[:1] in 'aeiou' or words.startswith('SLA') else 'a'} {words}"


def words(noun: str) -> str:
    """`SlaPolicy` as a reader says it: "SLA policy"."""
    spoken = re.sub(r"(?<!^)(?=[A-Z])", " ", noun).lower()
    return re.sub(r"\bsla\b", "SLA", spoken)


def command_mutation(
    name: str, command_type: type[Command], result: Any, payload: Payload, description: str
) -> StrawberryField:
    """The mutation `name` running `command_type`, answering `result`."""
    input_type = _input_type(pascal(name) + "Input", command_type)

    async def resolve(info: Info, input: Any) -> Any:
        context = info.context
        rapport, views = context.services.rapport, list(context.services.reader.views)

        def run(command: Command, meta: CommandMeta) -> tuple[CommandResult, bool]:
            # In one trip to the worker threads: each trip costs the event loop.
            outcome = rapport.execute(command, meta)
            return outcome, rapport.wait_for_views(outcome, views)

        try:
            command = command_type(**_arguments(command_type, input))
            meta = CommandMeta(
                actor=context.principal.actor,
                occurred_at=input.occurred_at,
                expected_version=input.expected_version,
                idempotency_key=input.idempotency_key,
                principal=context.principal,
            )
            outcome, views_current = await context.run(run, command, meta)
        except Exception as error:
            refusal = error_result(error)
            if refusal is None:
                raise
            return refusal
        return payload(outcome, views_current)

    resolve.__annotations__ = {"info": strawberry.Info, "input": input_type, "return": result}
    field: StrawberryField = strawberry.mutation(
        resolver=resolve, name=name, description=description, metadata=requires(command_type)
    )
    return field


def _input_type(name: str, command_type: type[Command]) -> type:
    namespace = _input_fields(name, command_type)
    for meta_name, (meta_type, help_text) in _META_FIELDS.items():
        namespace["__annotations__"][meta_name] = meta_type
        namespace[meta_name] = strawberry.field(default=None, description=help_text)
    mutation = mutation_name(command_type)
    description = f"What `{mutation}` takes, with what travels with every command."
    return strawberry.input(type(name, (), namespace), name=name, description=description)


def _input_fields(name: str, value_type: type) -> dict[str, Any]:
    """The input's annotations and fields, each described, from a dataclass's fields."""
    namespace: dict[str, Any] = {"__annotations__": {}}
    hints = typing.get_type_hints(value_type)
    for field in dataclasses.fields(value_type):
        if not field.init:
            continue
        namespace["__annotations__"][field.name] = _graphql_type(hints[field.name])
        described = field.metadata.get("description") or input_fields.description(
            name, camel(field.name)
        )
        if field.default is not dataclasses.MISSING:
            default = field.default
            if isinstance(default, tuple):
                namespace[field.name] = _list_field(default, described)
            else:
                namespace[field.name] = strawberry.field(default=default, description=described)
        elif field.default_factory is not dataclasses.MISSING:
            namespace[field.name] = _list_field(field.default_factory(), described)
        else:
            namespace[field.name] = strawberry.field(description=described)
    return namespace


def _list_field(default: Any, description: str) -> Any:
    return strawberry.field(default_factory=lambda: list(default), description=description)


def _graphql_type(python_type: Any) -> Any:
    """The input annotation for a command field's type."""
    origin = typing.get_origin(python_type)
    if origin in (types.UnionType, Union):
        inner = [t for t in typing.get_args(python_type) if t is not type(None)]
        return _graphql_type(inner[0]) | None
    if origin is tuple:
        return list[_graphql_type(typing.get_args(python_type)[0])]  # type: ignore[misc]
    if isinstance(python_type, type) and dataclasses.is_dataclass(python_type):
        return _nested_input(python_type)
    if python_type in (str, int, bool, Decimal, UUID, date, datetime):
        return python_type
    if isinstance(python_type, type) and issubclass(python_type, Enum):
        return python_type  # registered as a GraphQL enum in interfaces.graphql.enums
    raise TypeError(f"no GraphQL input type for {python_type!r}")


def _nested_input(value_type: type) -> type:
    """The input for a value a command holds, named after it: `ActionItemInput`.
    A command's description of a domain value (`WorkingHoursSpec`, beside the
    domain's `WorkingHours`) drops its `Spec`: `WorkingHoursInput`."""
    if value_type not in _INPUT_TYPES:
        name = value_type.__name__.removesuffix("Spec") + "Input"
        namespace = _input_fields(name, value_type)
        description = one_paragraph(value_type.__doc__ or "")
        _INPUT_TYPES[value_type] = strawberry.input(
            type(name, (), namespace), name=name, description=description
        )
    return _INPUT_TYPES[value_type]


# Resolving a class's annotations parses them anew on every call.
_type_hints = functools.cache(typing.get_type_hints)


def _arguments(command_type: type[Command], given: Any) -> dict[str, Any]:
    hints = _type_hints(command_type)
    return {
        field.name: _command_value(hints[field.name], getattr(given, field.name))
        for field in dataclasses.fields(command_type)
        if field.init
    }


def _command_value(python_type: Any, value: Any) -> Any:
    """An input value as the command's field holds it: lists as tuples, nested
    inputs as the domain's value objects."""
    if value is None:
        return None
    origin = typing.get_origin(python_type)
    if origin in (types.UnionType, Union):
        inner = [t for t in typing.get_args(python_type) if t is not type(None)]
        return _command_value(inner[0], value)
    if origin is tuple:
        item_type = typing.get_args(python_type)[0]
        return tuple(_command_value(item_type, item) for item in value)
    if isinstance(python_type, type) and dataclasses.is_dataclass(python_type):
        return python_type(
            **{f.name: getattr(value, f.name) for f in dataclasses.fields(python_type)}
        )
    return value


def mutation_name(command_type: type[Command]) -> str:
    """Command classes are named verb + noun, as mutations are: `OpenEngagement`
    runs as `openEngagement`."""
    name = command_type.__name__
    return name[:1].lower() + name[1:]


def area_mutations(noun: str, view_name: str, node: Any, commands: list[type[Command]]) -> type:
    """`<noun>Mutations`: one mutation per command, each answering a union of
    `<noun>Payload` and the typed errors; the payload shows the object as the
    view `view_name` has it once the command's events are in."""
    payload, build = _payload_type(noun, view_name, node)
    result = result_union(noun, payload)
    fields = {
        mutation_name(command): command_mutation(
            mutation_name(command),
            command,
            result,
            build,
            _description(command),
        )
        for command in commands
    }
    return strawberry.type(type(f"{noun}Mutations", (), fields))


def _payload_type(noun: str, view_name: str, node: Any) -> tuple[type, Payload]:
    attribute = kind_name(noun)  # `SlaPolicy`: `sla_policy`, in GraphQL `slaPolicy`
    id_name = f"{attribute}_id"

    async def resolve(self: Any, info: Info) -> Any:
        report = await info.context.fresh_report(view_name, str(getattr(self, id_name)))
        return node.of(report) if report else None

    resolve.__annotations__ = {"info": strawberry.Info, "return": node | None}
    namespace = {
        "__annotations__": {
            id_name: UUID,
            "version": int,
            "created_ids": list[UUID],
            "replayed": bool,
            "views_current": bool,
        },
        "created_ids": strawberry.field(
            description="Ids the command gave to what it created (the new object, a milestone...)."
        ),
        "replayed": strawberry.field(
            description="True when this answers an earlier request with the same idempotency key."
        ),
        "views_current": strawberry.field(
            description=(
                "True when the views showed the command's changes before this answer; false "
                "when they had not caught up within the wait (RAPPORT_VIEW_WAIT_SECONDS), as "
                "when a projector is behind or stopped. The command was recorded either way; "
                "the version and ids are final."
            )
        ),
        attribute: strawberry.field(
            resolver=resolve,
            description=(
                f"The {words(noun)} as the views show it. With viewsCurrent "
                "true, that includes this change; otherwise it is what the views show so far, "
                "null when they do not show it yet: query it again once they catch up."
            ),
        ),
    }
    payload = strawberry.type(
        type(f"{noun}Payload", (), namespace),
        description=f"A recorded change to {with_article(words(noun))}: its id, version and "
        "what it created, and the object as the views show it.",
    )

    def build(result: CommandResult, views_current: bool) -> Any:
        return payload(
            **{id_name: result.aggregate_id},
            version=result.version,
            created_ids=list(result.created_ids),
            replayed=result.replayed,
            views_current=views_current,
        )

    return payload, build


def _description(command_type: type[Command]) -> str:
    """The command's own docstring, which every command has: dataclasses make
    one up from the signature when a class has none, which would not do."""
    own = one_paragraph(command_type.__doc__ or "")
    if not own or own.startswith(command_type.__name__ + "("):
        raise LookupError(f"{command_type.__name__} needs a docstring: it describes its mutation")
    return own


def one_paragraph(docstring: str) -> str:
    """A docstring as one paragraph, its lines joined."""
    return " ".join(inspect.cleandoc(docstring).split())
