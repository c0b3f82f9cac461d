"""What an engagement has on record beside its state: the meetings logged and
the status reports published, each as its event carries it, newest first.

The aggregate decides nothing by them, so it keeps only how many meetings there
were and the latest RAG. They are read from its own events instead, up to the
version asked for: the same version its state is read at, live or as of a
moment. Kept in the aggregate's state, they would be missing from any snapshot
taken before the state kept them.
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.base import EventSourcedAggregate
from domain.engagement import Engagement


def meetings(events: Sequence[EventSourcedAggregate.Event]) -> list[Engagement.MeetingLogged]:
    """The latest held first; of meetings held on one day, the latest logged first
    (a meeting may be logged days after it was held)."""
    logged = [e for e in events if isinstance(e, Engagement.MeetingLogged)]
    return sorted(logged, key=lambda e: (e.held_on, e.originator_version), reverse=True)


def status_reports(
    events: Sequence[EventSourcedAggregate.Event],
) -> list[Engagement.StatusReportPublished]:
    """The latest published first: an aggregate's facts are in the order they occurred."""
    return [e for e in reversed(events) if isinstance(e, Engagement.StatusReportPublished)]
