"""Turning domain objects into text for the terminal."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from rich.table import Table

from domain.base import EventSourcedAggregate

# Fields every event has; the history table shows them in their own columns.
_EVENT_ENVELOPE = {
    "originator_id",
    "originator_version",
    "timestamp",
    "actor",
    "occurred_at",
    "originator_topic",
}


def plain(value: Any) -> Any:
    """A JSON-like rendering of a value: enums by value, times as ISO 8601, money exact."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def event_name(event: EventSourcedAggregate.Event) -> str:
    return type(event).__name__


def event_data(event: EventSourcedAggregate.Event) -> dict[str, Any]:
    return {k: plain(v) for k, v in vars(event).items() if k not in _EVENT_ENVELOPE}


def history_table(events: list[EventSourcedAggregate.Event]) -> Table:
    table = Table(title=f"History of {events[0].originator_id}", show_lines=False)
    for column in ("v", "recorded", "occurred", "actor", "event", "data"):
        table.add_column(column, overflow="fold")
    for event in events:
        data = ", ".join(f"{k}={v}" for k, v in event_data(event).items())
        table.add_row(
            str(event.originator_version),
            event.timestamp.isoformat(timespec="seconds"),
            event.occurred_at.isoformat(timespec="seconds"),
            event.actor,
            event_name(event),
            data,
        )
    return table


def state_table(aggregate: EventSourcedAggregate) -> Table:
    table = Table(title=f"{type(aggregate).__name__} {aggregate.id} at version {aggregate.version}")
    table.add_column("field")
    table.add_column("value", overflow="fold")
    table.add_row("created", aggregate.created_on.isoformat(timespec="seconds"))
    table.add_row("modified", aggregate.modified_on.isoformat(timespec="seconds"))
    for name, value in vars(aggregate).items():
        if not name.startswith("_"):
            table.add_row(name, str(plain(value)))
    return table
