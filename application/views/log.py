"""Reading the log as the views see it: events with their position and engagement."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, cast
from uuid import UUID

from eventsourcing.utils import get_topic

from application.ports import TimeAxis
from application.views.base import Event, LoggedEvent

if TYPE_CHECKING:
    from application.service import Rapport


def read_log(
    rapport: Rapport, after: int, limit: int, stop: int | None = None
) -> tuple[list[LoggedEvent], int | None]:
    """Up to `limit` events after position `after` (and up to `stop`), and the last
    position read (None when nothing was there). Events outside the engagement
    domain, which carry no index row, are read past but not returned."""
    found = rapport.index.logged_notifications(after, limit, stop)
    if not found:
        return [], None
    logged = [
        LoggedEvent(n.id, engagement_id, cast(Event, rapport.mapper.to_domain_event(n)))
        for n, engagement_id in found
        if engagement_id is not None
    ]
    return logged, found[-1][0].id


def engagement_log(
    rapport: Rapport,
    engagement_id: UUID,
    until: datetime,
    axis: TimeAxis,
    event_types: Collection[type[Event]] | None = None,
    *,
    after: int = 0,
) -> list[LoggedEvent]:
    """One engagement's events (its own and its children's) known by, or having
    happened by, `until`, and after log position `after`, in log order: the prefix
    an as-of view folds, or what a subscriber has not seen yet. With
    `event_types`, events of other types are left in the database."""
    topics = None if event_types is None else {get_topic(t) for t in event_types}
    notifications = rapport.index.engagement_notifications(
        engagement_id, until, axis, after, topics
    )
    return [
        LoggedEvent(n.id, engagement_id, cast(Event, rapport.mapper.to_domain_event(n)))
        for n in notifications
    ]
