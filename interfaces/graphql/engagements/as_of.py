"""Engagements as of a past moment: every view folded once, then read like live ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from application.errors import InvalidValue
from application.ports import TimeAxis
from application.queries import Page, log_position
from interfaces.graphql.audit.types import AuditEvent
from interfaces.graphql.context import Info
from interfaces.graphql.errors import PublicError
from interfaces.graphql.pagination import Connection, connection

Node = TypeVar("Node")

# What an engagement as of a moment can show: its row, its views, its children.
AS_OF_VIEWS = (
    "audit",
    "portfolio",
    "engagement_plan",
    "progress",
    "budget",
    "satisfaction",
    "risks",
    "complaint_rows",
    "requirement_rows",
    "risk_rows",
    "workload",
)


@dataclass(frozen=True)
class AsOf:
    at: datetime
    axis: TimeAxis
    reports: dict[str, dict[str, Any]]  # view name -> key -> report


async def engagement_as_of(info: Info, engagement_id: UUID, at: datetime, axis: TimeAxis) -> AsOf:
    if at.tzinfo is None:
        raise PublicError(
            "asOf needs a UTC offset, e.g. 2026-03-01T12:00:00+00:00", "BAD_USER_INPUT"
        )
    context = info.context
    reports = await context.query(
        context.services.reader.as_of, context.principal, engagement_id, at, axis, AS_OF_VIEWS
    )
    return AsOf(at, axis, reports)


def snapshot_page(
    info: Info,
    snapshot: AsOf,
    view_name: str,
    *,
    where: dict[str, Any],
    first: int,
    after: str | None,
    node: Callable[[Any], Node],
) -> Connection[Node]:
    """A page of a child view's rows as of the snapshot's moment, filtered by
    the same columns as a live page."""
    reader = info.context.services.reader
    _check_page_size(info, first)
    view = reader.view(view_name)
    matching = [
        (key, report)
        for key, report in sorted(snapshot.reports[view_name].items())
        if (after is None or key > after)
        and all(view.column_values(report.row).get(k) == v for k, v in where.items())
    ]
    return connection(Page(matching[:first], len(matching) > first), node)


def snapshot_history(
    info: Info, snapshot: AsOf, where: dict[str, Any], *, first: int, after: str | None
) -> Connection[AuditEvent]:
    """A page of the events folded into the snapshot whose fields equal `where`,
    in log order, resumed after a log position as the live trail is."""
    _check_page_size(info, first)
    try:
        resume_after = log_position(after)
    except InvalidValue as error:
        raise PublicError(error.message, "BAD_USER_INPUT", field="after") from None
    entries = sorted(
        (
            entry
            for entry in snapshot.reports["audit"].values()
            if all(getattr(entry, name) == value for name, value in where.items())
            and (resume_after is None or entry.position > resume_after)
        ),
        key=lambda entry: entry.position,
    )
    items = [(str(entry.position), entry) for entry in entries[: first + 1]]
    return connection(Page(items[:first], len(items) > first), AuditEvent.of)


def _check_page_size(info: Info, first: int) -> None:
    try:
        info.context.services.reader.check_page_size(first)
    except InvalidValue as error:
        raise PublicError(error.message, "BAD_USER_INPUT", field="first") from None
