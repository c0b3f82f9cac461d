"""What the views keyed by aggregate share: which aggregate an event belongs to,
and the fold of one aggregate's events into one row.

Every domain event is a class nested in its aggregate's class (`Complaint.Received`),
so the outer name in snake case is the aggregate's kind: "engagement",
"requirement", "complaint", "risk", "business_calendar" or "sla_policy": the
names of the kinds declared in `application.kinds`, which names them by the
same rule. The folds depend on nothing but the domain and `application.views`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar, Protocol, TypeVar

from application.views.base import Event, Handler, LoggedEvent, View

E = TypeVar("E", bound=Event)
Row = TypeVar("Row")


def aggregate_kind(event: Event) -> str:
    return _kind_of_type(type(event))


@cache
def _kind_of_type(event_type: type) -> str:
    return kind_name(event_type.__qualname__.partition(".")[0])


def kind_name(class_name: str) -> str:
    """`SlaPolicy` -> `sla_policy`."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


def on(
    event_type: type[E], change: Callable[[Row, E, datetime], None]
) -> tuple[type[Event], Handler[Row]]:
    """A handler entry calling `change(row, event, occurred_at)` for `event_type`;
    typed, so mypy checks that `change` takes the event it is registered for."""

    def handler(row: Row, logged: LoggedEvent) -> Row:
        event = logged.event
        assert isinstance(event, event_type)
        change(row, event, logged.occurred_at)
        return row

    return event_type, handler


class TrackedRow(Protocol):
    version: int
    updated_at: datetime  # occurred time of the latest event
    state_since: datetime  # occurred time of the latest change of state

    @property
    def state(self) -> StrEnum: ...


S = TypeVar("S", bound=TrackedRow)
R = TypeVar("R")


class AggregateRowsView(View[S, R]):
    """One state per aggregate of `kind`, keyed by the aggregate id.

    `initial` builds the row from the aggregate's first (created) event; every
    event then moves `version` and `updated_at`, and `state_since` when the
    handler changed the row's state.
    """

    kind: ClassVar[str]
    handlers: ClassVar[Mapping[type[Event], Handler[Any]]]

    def key(self, logged: LoggedEvent) -> str | None:
        return logged.aggregate_key if aggregate_kind(logged.event) == self.kind else None

    def starts_key(self, logged: LoggedEvent) -> bool:
        return logged.event.originator_version == 1

    def apply(self, state: S, logged: LoggedEvent) -> S:
        before = state.state
        handler: Handler[S] | None = self.handlers.get(type(logged.event))
        if handler is not None:
            state = handler(state, logged)
        state.version = logged.event.originator_version
        state.updated_at = logged.occurred_at
        if state.state != before:
            state.state_since = logged.occurred_at
        return state
