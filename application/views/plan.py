"""An engagement's plan as its own events leave it: its version, team (RACI),
objectives with their results, milestones and communication plan.

What the engagement's page shows beside its figures, served from a view like
every other field, so a page of engagements reads one row per engagement
rather than loading each engagement from the log, and answers as of the same
position as the rest of the page."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import cast
from uuid import UUID

from application.views.base import Event, Handler, LoggedEvent, View
from application.views.milestones import MILESTONE_HANDLERS, TrackedMilestone
from domain.engagement import CommunicationPlan, Engagement, Member, Objective


@dataclass
class PlanState:
    engagement_id: UUID
    version: int = 0  # of the engagement's own events
    team: list[Member] = field(default_factory=list)
    # Keyed by the objective's or milestone's id as a string, in the order set.
    objectives: dict[str, Objective] = field(default_factory=dict)
    milestones: dict[str, TrackedMilestone] = field(default_factory=dict)
    communication_plan: CommunicationPlan | None = None


def _objective_set(state: PlanState, logged: LoggedEvent) -> PlanState:
    event = cast(Engagement.ObjectiveSet, logged.event)
    key = str(event.objective_id)
    # A revision keeps the result already measured, as the engagement does.
    previous = state.objectives.get(key)
    state.objectives[key] = Objective(
        description=event.description,
        metric=event.metric,
        target=event.target,
        due_on=event.due_on,
        actual=previous.actual if previous else None,
    )
    return state


def _objective_result(state: PlanState, logged: LoggedEvent) -> PlanState:
    event = cast(Engagement.ObjectiveResultRecorded, logged.event)
    key = str(event.objective_id)
    state.objectives[key] = replace(state.objectives[key], actual=event.actual)
    return state


def _member_assigned(state: PlanState, logged: LoggedEvent) -> PlanState:
    event = cast(Engagement.MemberAssigned, logged.event)
    state.team.append(Member(event.person, event.role, event.area))
    return state


def _member_released(state: PlanState, logged: LoggedEvent) -> PlanState:
    event = cast(Engagement.MemberReleased, logged.event)
    released = Member(event.person, event.role, event.area)
    state.team = [member for member in state.team if not member.same_as(released)]
    return state


def _communication_plan_set(state: PlanState, logged: LoggedEvent) -> PlanState:
    state.communication_plan = cast(Engagement.CommunicationPlanSet, logged.event).plan
    return state


_HANDLERS: dict[type[Event], Handler[PlanState]] = {
    Engagement.ObjectiveSet: _objective_set,
    Engagement.ObjectiveResultRecorded: _objective_result,
    Engagement.MemberAssigned: _member_assigned,
    Engagement.MemberReleased: _member_released,
    Engagement.CommunicationPlanSet: _communication_plan_set,
    **MILESTONE_HANDLERS,
}
# Every event of the engagement itself counts towards its version.
_OWN_EVENTS = frozenset(
    member
    for _, member in inspect.getmembers(Engagement, inspect.isclass)
    if issubclass(member, Engagement.Event)
)


class EngagementPlanView(View[PlanState, PlanState]):
    """One row per engagement, from the engagement's own events only."""

    name = "engagement_plan"
    state_type = PlanState
    columns = {"engagement_id": UUID}

    def key(self, logged: LoggedEvent) -> str | None:
        own = logged.aggregate_id == logged.engagement_id
        return logged.engagement_key if own and type(logged.event) in _OWN_EVENTS else None

    def event_types(self) -> frozenset[type[Event]]:
        return _OWN_EVENTS

    def starts_key(self, logged: LoggedEvent) -> bool:
        return logged.event.originator_version == 1

    def initial(self, logged: LoggedEvent) -> PlanState:
        return PlanState(logged.engagement_id)

    def apply(self, state: PlanState, logged: LoggedEvent) -> PlanState:
        state.version = logged.event.originator_version
        handler = _HANDLERS.get(type(logged.event))
        return handler(state, logged) if handler else state

    def unchanged_until(self, state: PlanState, at: datetime) -> datetime | None:
        return None  # the report does not read the moment

    def report(self, state: PlanState, at: datetime) -> PlanState:
        return state

    def column_values(self, state: PlanState) -> dict[str, object]:
        return {"engagement_id": state.engagement_id}
