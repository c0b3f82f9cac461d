"""Times in SQL columns, the same on PostgreSQL and SQLite.

SQLite keeps a time's wall-clock reading and drops its offset, so every time is
written in UTC, and one read back without an offset is taken as UTC: times then
compare and sort as instants on both databases.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


@overload
def stored_time(moment: datetime) -> datetime: ...
@overload
def stored_time(moment: None) -> None: ...
def stored_time(moment: datetime | None) -> datetime | None:
    """The time as written to a column: in UTC."""
    return None if moment is None else moment.astimezone(UTC)


@overload
def read_time(moment: datetime) -> datetime: ...
@overload
def read_time(moment: None) -> None: ...
def read_time(moment: datetime | None) -> datetime | None:
    """The time as read from a column: with its offset, UTC when it has none."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)
