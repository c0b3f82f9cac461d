"""What a command may ask of the application while it decides: new ids, an
engagement open for work, the SLA terms in force when a complaint happened,
and what blocks an engagement from closing. Read through the application, on
the state before the command."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from application.commands.base import Decision
from application.errors import NotFound
from application.ports import TimeAxis
from domain.base import EventSourcedAggregate, Stamp, require_aware, require_choice
from domain.calendar import BusinessCalendar
from domain.complaint import Complaint
from domain.engagement import Engagement, EngagementState
from domain.errors import RuleViolation
from domain.requirement import Requirement
from domain.sla import DEFAULT_POLICY_ID, Severity, SlaPolicy, SlaTerms, default_terms

if TYPE_CHECKING:
    from application.service import Rapport

A = TypeVar("A", bound=EventSourcedAggregate)


class CommandDecision(Decision):
    """The `Decision` one command decides with: the ids it creates are kept."""

    def __init__(self, app: Rapport, stamp: Stamp) -> None:
        self.app = app
        self.stamp = stamp
        self.created_ids: list[UUID] = []

    def new_id(self) -> UUID:
        new_id = self.app.new_id()
        self.created_ids.append(new_id)
        return new_id

    def open_engagement(self, engagement_id: UUID) -> Engagement:
        engagement = self.app.get(engagement_id, Engagement)
        if engagement.state in (EngagementState.CLOSED, EngagementState.ARCHIVED):
            raise RuleViolation(
                "engagement.open_for_work",
                f"engagement {engagement_id} is {engagement.state.value}",
                (str(engagement_id),),
            )
        return engagement

    def sla_terms(self, engagement: Engagement, severity: str) -> SlaTerms:
        """The terms in force when the complaint happened in the business (the
        stamp's occurred time), also when it is recorded later: the policy the
        engagement followed then, that policy's version then, and its
        calendar's version then. An engagement not opened yet then followed
        the default policy."""
        level = require_choice("severity", severity, Severity)
        at = require_aware("occurredAt", self.stamp.occurred_at)
        then = _as_it_was(self.app, engagement, at)
        policy = self._policy_in_force((then.sla_policy_id if then else None), at)
        if policy is None:
            return default_terms(level)
        calendar_id = policy.rules.calendar_id
        if calendar_id is None:
            return policy.terms(level, None, None)
        calendar = self.calendar(calendar_id)
        # A calendar defined only after the policy named it: its first version.
        calendar = _as_it_was(self.app, calendar, at) or self.app.get(
            calendar_id, BusinessCalendar, version=1
        )
        return policy.terms(level, calendar.rules, calendar.version)

    def _policy_in_force(self, policy_id: UUID | None, at: datetime) -> SlaPolicy | None:
        """The version of the policy (the default when None) in force at `at`;
        None for the built-in default, when nobody had revised it by then. A
        policy chosen by then but defined only later is held to its first
        version, the nearest to what the engagement had agreed to."""
        policy_id = policy_id or DEFAULT_POLICY_ID
        try:
            policy = self.app.get(policy_id, SlaPolicy)
        except NotFound:
            if policy_id != DEFAULT_POLICY_ID:
                raise
            return None
        then = _as_it_was(self.app, policy, at)
        if then is None and policy_id != DEFAULT_POLICY_ID:
            return self.app.get(policy_id, SlaPolicy, version=1)
        return then

    def sla_policy(self, policy_id: UUID) -> SlaPolicy:
        try:
            return self.app.get(policy_id, SlaPolicy)
        except NotFound:
            if policy_id != DEFAULT_POLICY_ID:
                raise
            return SlaPolicy.default(self.stamp)

    def calendar(self, calendar_id: UUID) -> BusinessCalendar:
        return self.app.get(calendar_id, BusinessCalendar)

    def closing_blockers(self, engagement_id: UUID) -> tuple[list[UUID], list[UUID]]:
        complaints: Sequence[Complaint] = self.app.children(engagement_id, "complaint")
        requirements: Sequence[Requirement] = self.app.children(engagement_id, "requirement")
        open_complaints = [c.id for c in complaints if c.is_open]
        unaccepted_musts = [r.id for r in requirements if r.is_must and r.is_open]
        return open_complaints, unaccepted_musts


def _as_it_was(app: Rapport, current: A, at: datetime) -> A | None:
    """`current` as it was in the business at `at`, None when it did not exist
    yet; itself when nothing has happened to it since, which spares a look-up."""
    if current.last_occurred_at <= at:
        return current
    try:
        return app.get_at(current.id, at, TimeAxis.OCCURRED, type(current))
    except NotFound:
        return None
