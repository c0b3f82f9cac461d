"""Checks the aggregate tests share: a refusal changes nothing, and the events
an aggregate recorded rebuild it exactly."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar

import pytest

from domain.base import EventSourcedAggregate
from domain.errors import DomainError, InvalidValue, RuleViolation

A = TypeVar("A", bound=EventSourcedAggregate)


def assert_refused(aggregate: EventSourcedAggregate, command: Callable[[], None]) -> DomainError:
    """Run a command that must be refused, and check it left `aggregate` exactly as it was."""
    before = copy.deepcopy(aggregate)
    with pytest.raises(DomainError) as caught:
        command()
    assert aggregate.version == before.version
    assert aggregate.pending_events == before.pending_events
    assert aggregate == before
    return caught.value


def assert_rule(
    aggregate: EventSourcedAggregate, command: Callable[[], None], rule: str
) -> RuleViolation:
    error = assert_refused(aggregate, command)
    assert isinstance(error, RuleViolation)
    assert error.rule == rule
    return error


def assert_invalid(
    aggregate: EventSourcedAggregate, command: Callable[[], None], field: str
) -> None:
    error = assert_refused(aggregate, command)
    assert isinstance(error, InvalidValue)
    assert error.field == field


def replay(aggregate: A) -> A:
    """The aggregate rebuilt from the events it has recorded (which it gives up)."""
    events = aggregate.collect_events()
    rebuilt = events[0].mutate(None)
    for event in events[1:]:
        rebuilt = event.mutate(rebuilt)
    assert isinstance(rebuilt, type(aggregate))
    return rebuilt
