"""The audit trail: every event of the log, one entry per log position (DESIGN §2 `audit`).

An entry says where the event sits (log position), when it was recorded (the
event's timestamp, the server's clock) and when it occurred (business time), which
aggregate it changed (type, id, version), what happened (`Complaint.Escalated`), who
did it, and the event's own fields as JSON-safe values: Decimals, UUIDs, dates,
times and enums as strings (ISO 8601 for dates and times), nested dataclasses as
dicts, tuples as lists. Provenance already in the entry is not repeated in `data`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, ClassVar
from uuid import UUID

from application.views.aggregates import aggregate_kind
from application.views.base import Event, LoggedEvent, View
from domain.complaint import Complaint, NoteVisibility

# Fields every event carries, reported as the entry's own columns.
PROVENANCE_FIELDS = frozenset(
    {"originator_id", "originator_version", "timestamp", "originator_topic", "actor", "occurred_at"}
)


@dataclass
class AuditEntry:
    position: int
    recorded_at: datetime
    occurred_at: datetime
    aggregate_type: str  # engagement | requirement | complaint | risk
    aggregate_id: UUID
    version: int
    event_type: str  # aggregate and event, e.g. "Complaint.Escalated"
    actor: str
    # Not recorded yet: the field is there so the API's shape need not change when it is.
    correlation_id: str | None
    engagement_id: UUID
    data: dict[str, Any]  # JSON-safe values only (see `json_safe`)
    internal: bool = False  # the service team's alone: never shown to a client


def is_internal(event: Event) -> bool:
    """Whether an event is the service team's alone (DESIGN §7): an internal note
    on a complaint is never shown to a client, wherever events are shown."""
    return isinstance(event, Complaint.NoteAdded) and event.visibility is NoteVisibility.INTERNAL


def json_safe(value: Any) -> Any:
    """`value` as JSON can hold it: str, int, float, bool, None, lists and dicts."""
    convert = _CONVERTERS.get(type(value))
    if convert is None:
        convert = _converter_for(type(value))
        _CONVERTERS[type(value)] = convert
    return convert(value)


def _same(value: Any) -> Any:
    return value


def _converter_for(kind: type) -> Callable[[Any], Any]:
    # Looked up once per type: every event of the log goes through here.
    if issubclass(kind, Enum):
        return lambda value: str(value.value)
    if issubclass(kind, bool | int | float | str) or kind is type(None):
        return _same
    if issubclass(kind, Decimal | UUID):
        return str
    if issubclass(kind, date):  # datetime too
        return lambda value: value.isoformat()
    if is_dataclass(kind):
        names = [f.name for f in fields(kind)]
        return lambda value: {name: json_safe(getattr(value, name)) for name in names}
    if issubclass(kind, list | tuple | set | frozenset):
        return lambda value: [json_safe(item) for item in value]
    if issubclass(kind, dict):
        return lambda value: {str(key): json_safe(item) for key, item in value.items()}
    return str


_CONVERTERS: dict[type, Callable[[Any], Any]] = {}


def event_data(event: Event) -> dict[str, Any]:
    """The event's own fields (all but provenance), JSON-safe."""
    return {name: json_safe(getattr(event, name)) for name in _own_fields(type(event))}


@cache
def _own_fields(event_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(event_type) if f.name not in PROVENANCE_FIELDS)


def audit_entry(logged: LoggedEvent) -> AuditEntry:
    event = logged.event
    return AuditEntry(
        position=logged.position,
        recorded_at=event.timestamp,
        occurred_at=logged.occurred_at,
        aggregate_type=aggregate_kind(event),
        aggregate_id=logged.aggregate_id,
        version=event.originator_version,
        event_type=logged.name,
        actor=event.actor,
        correlation_id=None,
        engagement_id=logged.engagement_id,
        data=event_data(event),
        internal=is_internal(event),
    )


class AuditView(View[AuditEntry, AuditEntry]):
    """One entry per event, keyed by its log position; nothing depends on `at`."""

    name = "audit"
    state_type = AuditEntry
    keys_are_new = True
    columns: ClassVar[Mapping[str, type]] = {
        "engagement_id": UUID,
        "aggregate_id": UUID,
        "position": int,
        "internal": bool,
    }

    def key(self, logged: LoggedEvent) -> str | None:
        return str(logged.position)

    def initial(self, logged: LoggedEvent) -> AuditEntry:
        return audit_entry(logged)

    def apply(self, state: AuditEntry, logged: LoggedEvent) -> AuditEntry:
        # A position holds one event, so the entry is that event's, whatever came
        # before; `initial` has usually just built it.
        return state if state.position == logged.position else audit_entry(logged)

    def unchanged_until(self, state: AuditEntry, at: datetime) -> datetime | None:
        return None  # the report does not read the moment

    def report(self, state: AuditEntry, at: datetime) -> AuditEntry:
        return state

    def column_values(self, state: AuditEntry) -> dict[str, Any]:
        return {
            "engagement_id": state.engagement_id,
            "aggregate_id": state.aggregate_id,
            "position": state.position,
            "internal": state.internal,
        }
