"""What every part of an engagement shares: the terms it was opened on, its
state, and the checks the parts' commands begin with.

Each concern (objectives, milestones, team, ...) is a part of the `Engagement`
aggregate in a module of its own: its value objects, its events and the
commands recording them. The parts are mixins (`domain.base.AggregatePart`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from domain.base import AggregatePart, Stamp, require_state
from domain.errors import InvalidValue
from domain.money import require_minor_units


class EngagementState(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    ARCHIVED = "archived"


EDITABLE_STATES = (EngagementState.PLANNED, EngagementState.ACTIVE, EngagementState.ON_HOLD)
RUNNING_STATES = (EngagementState.ACTIVE, EngagementState.ON_HOLD)
_CURRENCY = re.compile(r"[A-Z]{3}")


class EngagementPart(AggregatePart):
    client_id: UUID
    client_name: str
    title: str
    objectives: tuple[str, ...]
    planned_start: date
    planned_end: date
    budget: Decimal
    original_budget: Decimal
    currency: str
    owner: str
    state: EngagementState

    def _money(self, field: str, amount: Decimal) -> Decimal:
        return require_minor_units(field, amount, self.currency)

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    def _require_editable(self, action: str) -> None:
        require_state("engagement.not_editable", self.state, EDITABLE_STATES, action)


def require_currency(value: str) -> str:
    code = value.strip()
    if not _CURRENCY.fullmatch(code):
        raise InvalidValue("currency", "must be three upper-case letters (ISO 4217), e.g. EUR")
    return code


def require_not_after_stamp(field: str, day: date, stamp: Stamp) -> date:
    # Meetings and costs are things that have happened: not dated after the event itself.
    if day > stamp.occurred_at.date():
        raise InvalidValue(field, "cannot be after the day it is recorded as occurring")
    return day
