"""Business calendars and SLA policies as their pages show them: one row each,
with the rules in force now and the version that brought them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, cast
from uuid import UUID

from application.views.aggregates import aggregate_kind
from application.views.base import LoggedEvent, View
from domain.calendar import BusinessCalendar, CalendarRules
from domain.sla import DEFAULT_POLICY_ID, DEFAULT_RULES, PolicyRules, SlaPolicy


@dataclass
class CalendarRow:
    calendar_id: UUID
    name: str
    rules: CalendarRules
    version: int
    defined_at: datetime
    updated_at: datetime  # occurred time of the latest revision
    last_reason: str = ""  # why it was last revised


@dataclass
class PolicyRow:
    policy_id: UUID
    name: str
    rules: PolicyRules
    version: int
    defined_at: datetime | None  # None: the built-in default, never stored
    updated_at: datetime | None
    last_reason: str = ""

    @property
    def is_default(self) -> bool:
        return self.policy_id == DEFAULT_POLICY_ID


def built_in_default_policy() -> PolicyRow:
    """The default policy's row before anyone revised it (version 0)."""
    return PolicyRow(DEFAULT_POLICY_ID, "Default", DEFAULT_RULES, 0, None, None)


class _RowsOfKind(View[Any, Any]):
    kind: ClassVar[str]
    columns: ClassVar[Mapping[str, type]] = {"name": str}

    def key(self, logged: LoggedEvent) -> str | None:
        return logged.aggregate_key if aggregate_kind(logged.event) == self.kind else None

    def starts_key(self, logged: LoggedEvent) -> bool:
        return logged.event.originator_version == 1

    def report(self, state: Any, at: datetime) -> Any:
        return state

    def column_values(self, state: Any) -> dict[str, Any]:
        return {"name": state.name}


class CalendarRowsView(_RowsOfKind):
    """One row per business calendar."""

    name = "calendar_rows"
    kind = "business_calendar"
    state_type = CalendarRow

    def initial(self, logged: LoggedEvent) -> CalendarRow:
        event = cast(BusinessCalendar.Defined, logged.event)
        at = logged.occurred_at
        return CalendarRow(logged.aggregate_id, event.name, event.rules, 1, at, at)

    def apply(self, state: CalendarRow, logged: LoggedEvent) -> CalendarRow:
        event = logged.event
        if isinstance(event, BusinessCalendar.Revised):
            state.rules, state.last_reason = event.rules, event.reason
        state.version, state.updated_at = event.originator_version, logged.occurred_at
        return state


class SlaPolicyRowsView(_RowsOfKind):
    """One row per SLA policy, the default one included once it is stored."""

    name = "sla_policy_rows"
    kind = "sla_policy"
    state_type = PolicyRow

    def initial(self, logged: LoggedEvent) -> PolicyRow:
        event = cast(SlaPolicy.Defined, logged.event)
        at = logged.occurred_at
        return PolicyRow(logged.aggregate_id, event.name, event.rules, 1, at, at)

    def apply(self, state: PolicyRow, logged: LoggedEvent) -> PolicyRow:
        event = logged.event
        if isinstance(event, SlaPolicy.Revised):
            state.rules, state.last_reason = event.rules, event.reason
        state.version, state.updated_at = event.originator_version, logged.occurred_at
        return state
