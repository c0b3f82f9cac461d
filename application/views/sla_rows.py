"""Business calendars and SLA policies as their pages show them: one row each,
with the rules in force now and the version that brought them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
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
    """One row per aggregate of a kind that is defined with a name and rules,
    and revised with new rules and a reason."""

    kind: ClassVar[str]
    revised: ClassVar[type]  # the kind's revision event
    columns: ClassVar[Mapping[str, type]] = {"name": str}

    def key(self, logged: LoggedEvent) -> str | None:
        return logged.aggregate_key if aggregate_kind(logged.event) == self.kind else None

    def starts_key(self, logged: LoggedEvent) -> bool:
        return logged.event.originator_version == 1

    def initial(self, logged: LoggedEvent) -> Any:
        defined: Any = logged.event
        at = logged.occurred_at
        return self.state_type(logged.aggregate_id, defined.name, defined.rules, 1, at, at)

    def apply(self, state: Any, logged: LoggedEvent) -> Any:
        if isinstance(logged.event, self.revised):
            revised: Any = logged.event
            state.rules, state.last_reason = revised.rules, revised.reason
        state.version, state.updated_at = logged.event.originator_version, logged.occurred_at
        return state

    def unchanged_until(self, state: Any, at: datetime) -> datetime | None:
        return None  # the report does not read the moment

    def report(self, state: Any, at: datetime) -> Any:
        return state

    def column_values(self, state: Any) -> dict[str, Any]:
        return {"name": state.name}


class CalendarRowsView(_RowsOfKind):
    """One row per business calendar."""

    name = "calendar_rows"
    kind = "business_calendar"
    state_type = CalendarRow
    revised = BusinessCalendar.Revised


class SlaPolicyRowsView(_RowsOfKind):
    """One row per SLA policy, the default one included once it is stored."""

    name = "sla_policy_rows"
    kind = "sla_policy"
    state_type = PolicyRow
    revised = SlaPolicy.Revised
