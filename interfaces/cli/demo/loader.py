"""Read the demo's steps from `demo.yaml` and turn each into its command.

A step names its command by class name; its other entries are the command's
arguments, converted to the types the command's fields declare (a decimal from a
string, an enum from its value, a tuple from a list, a nested record from a
mapping). Arguments that are only known while the demo loads are written as
references, resolved through `Refs` when the step runs (see the file's header).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

import yaml

from application.commands.base import Command
from application.kinds import KINDS
from interfaces.cli.demo.timeline import Refs, Step

DATA = Path(__file__).with_name("demo.yaml")
SECTIONS = ("engagements", "requirements", "complaints", "risks")
# What a step says about itself; its other entries are the command's arguments.
STEP_FIELDS = {"days_ago", "hours_later", "actor", "command", "key", "label", "refused"}


@cache
def read_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


def demo_clients() -> set[UUID]:
    """The ids of the demo's clients, which no one else uses."""
    return {UUID(str(client)) for client in read_data()["clients"].values()}


def read_steps() -> list[Step]:
    """Every step of every section, in the order written."""
    data = read_data()
    return [step_from(entry) for section in SECTIONS for entry in data[section]]


def step_from(entry: dict[str, Any]) -> Step:
    """One step of the data, its command built only when it runs."""
    command = _commands().get(entry["command"])
    if command is None:
        raise ValueError(f"demo step names no known command: {entry['command']!r}")
    arguments = {name: value for name, value in entry.items() if name not in STEP_FIELDS}
    unknown = set(arguments) - {field.name for field in dataclasses.fields(command)}
    if unknown:
        raise ValueError(f"{command.__name__} has no argument {', '.join(sorted(unknown))}")
    days_ago = entry["days_ago"] - entry.get("hours_later", 0) / 24
    return Step(
        days_ago=days_ago,
        actor=entry["actor"],
        build=lambda refs: build_command(command, arguments, refs),
        key=entry.get("key"),
        label=entry.get("label", ""),
        refused=entry.get("refused", False),
    )


@cache
def _commands() -> dict[str, type[Command]]:
    """Every kind's commands, by class name."""
    return {command.__name__: command for kind in KINDS for command in kind.commands}


def build_command(command: type[Command], arguments: dict[str, Any], refs: Refs) -> Command:
    built: Command = _record(command, arguments, refs)
    return built


def _record(cls: type[Any], arguments: dict[str, Any], refs: Refs) -> Any:
    """An instance of the dataclass `cls`, its arguments converted to its field types."""
    hints = typing.get_type_hints(cls)
    return cls(**{name: _convert(value, hints[name], refs) for name, value in arguments.items()})


def _convert(value: Any, hint: Any, refs: Refs) -> Any:
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in REFERENCES:
        [(kind, argument)] = value.items()
        return REFERENCES[kind](refs, argument)
    origin, parameters = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):  # an optional field: X | None
        if value is None:
            return None
        [hint] = [parameter for parameter in parameters if parameter is not type(None)]
        return _convert(value, hint, refs)
    if origin is tuple:  # tuple[X, ...]
        return tuple(_convert(item, parameters[0], refs) for item in value)
    if dataclasses.is_dataclass(hint):
        return _record(typing.cast(type[Any], hint), value, refs)
    if hint is Decimal:
        return Decimal(str(value))
    if hint is UUID or (isinstance(hint, type) and issubclass(hint, Enum)):
        return hint(value)
    return value


# How each kind of reference is resolved: {kind: argument} -> value.
REFERENCES: dict[str, typing.Callable[[Refs, Any], Any]] = {
    "ref": lambda refs, key: refs[key],
    "milestone": lambda refs, where: refs.milestone(*where),
    "objective": lambda refs, where: refs.objective(*where),
    "criteria": lambda refs, requirement: refs.criteria(requirement),
    "criterion": lambda refs, where: refs.criterion(*where),
    "day": lambda refs, days_ago: refs.day(days_ago),
    "at": lambda refs, days_ago: refs.at(days_ago),
}
