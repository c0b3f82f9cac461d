"""Building one view's handler table from others', so a view can reuse another's
fold instead of copying its formulas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from application.views.base import Event, Handler, LoggedEvent

S = TypeVar("S")


def chain(handlers: list[Handler[S]]) -> Handler[S]:
    """One handler running `handlers` in order, each on the state the last returned."""

    def run(state: S, logged: LoggedEvent) -> S:
        for handler in handlers:
            state = handler(state, logged)
        return state

    return run


def merge_handlers(*tables: Mapping[type[Event], Handler[S]]) -> dict[type[Event], Handler[S]]:
    """The union of `tables`; an event type in several runs their handlers in table order."""
    by_type: dict[type[Event], list[Handler[S]]] = {}
    for table in tables:
        for event_type, handler in table.items():
            by_type.setdefault(event_type, []).append(handler)
    return {t: hs[0] if len(hs) == 1 else chain(hs) for t, hs in by_type.items()}
