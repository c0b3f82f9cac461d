"""What the client asked for: a requirement is captured, confirmed by the client
against acceptance criteria, delivered, and accepted or rejected criterion by
criterion. Changes after confirmation send it back for re-confirmation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_choice,
    require_line,
    require_state,
    require_text,
)
from domain.errors import InvalidValue, RuleViolation


class RequirementState(StrEnum):
    CAPTURED = "captured"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CHANGE_REQUESTED = "change_requested"
    WITHDRAWN = "withdrawn"


class RequirementSource(StrEnum):
    INTERVIEW = "interview"
    SURVEY = "survey"
    WORKSHOP = "workshop"
    TICKET = "ticket"
    OTHER = "other"


class RequirementPriority(StrEnum):
    """MoSCoW priority."""

    MUST = "must"
    SHOULD = "should"
    COULD = "could"
    WONT = "wont"


@dataclass(frozen=True)
class AcceptanceCriterion:
    id: UUID
    text: str
    added_at: datetime


FINAL_STATES = (RequirementState.ACCEPTED, RequirementState.WITHDRAWN)
OPEN_STATES = tuple(state for state in RequirementState if state not in FINAL_STATES)
# Criteria are the terms the client confirms, so they change only while unconfirmed.
EDITABLE_STATES = (RequirementState.CAPTURED, RequirementState.CHANGE_REQUESTED)


class Requirement(EventSourcedAggregate):
    engagement_id: UUID
    title: str
    description: str
    source: RequirementSource
    priority: RequirementPriority
    requested_by: str
    state: RequirementState
    criteria: list[AcceptanceCriterion]
    confirmed_by: str
    change_requests: int
    change_reason: str
    evidence: str
    accepted_by: str
    rejections: int
    rejection_reason: str
    unmet_criterion_ids: list[UUID]
    withdraw_reason: str

    class Captured(EventSourcedAggregate.Created):
        engagement_id: UUID
        title: str
        description: str
        source: RequirementSource
        priority: RequirementPriority
        requested_by: str

    def __init__(
        self,
        *,
        engagement_id: UUID,
        title: str,
        description: str,
        source: RequirementSource,
        priority: RequirementPriority,
        requested_by: str,
    ) -> None:
        self.engagement_id = engagement_id
        self.title = title
        self.description = description
        self.source = source
        self.priority = priority
        self.requested_by = requested_by
        self.state = RequirementState.CAPTURED
        self.criteria = []
        self.confirmed_by = ""
        self.change_requests = 0
        self.change_reason = ""
        self.evidence = ""
        self.accepted_by = ""
        self.rejections = 0
        self.rejection_reason = ""
        self.unmet_criterion_ids = []
        self.withdraw_reason = ""

    @classmethod
    def capture(
        cls,
        *,
        id: UUID,
        engagement_id: UUID,
        title: str,
        description: str,
        source: RequirementSource | str,
        priority: RequirementPriority | str,
        requested_by: str,
        stamp: Stamp,
    ) -> Requirement:
        return cls._start_stream(
            cls.Captured,
            id,
            stamp,
            engagement_id=engagement_id,
            title=require_line("title", title),
            description=optional_text("description", description),
            source=require_choice("source", source, RequirementSource),
            priority=require_choice("priority", priority, RequirementPriority),
            requested_by=require_line("requestedBy", requested_by),
        )

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_must(self) -> bool:
        return self.priority is RequirementPriority.MUST

    @property
    def criterion_ids(self) -> tuple[UUID, ...]:
        return tuple(criterion.id for criterion in self.criteria)

    def _known_ids(self, field: str, ids: Iterable[UUID]) -> tuple[UUID, ...]:
        """Return `ids` without repeats, refusing any that names no current criterion."""
        known = self.criterion_ids
        unique = tuple(dict.fromkeys(ids))
        unknown = [str(i) for i in unique if i not in known]
        if unknown:
            raise InvalidValue(field, f"unknown acceptance criteria: {', '.join(unknown)}")
        return unique

    class AcceptanceCriterionAdded(EventSourcedAggregate.Event):
        criterion_id: UUID
        text: str

        def apply(self, requirement: Any) -> None:
            requirement.criteria.append(
                AcceptanceCriterion(self.criterion_id, self.text, self.occurred_at)
            )

    def add_acceptance_criterion(self, *, criterion_id: UUID, text: str, stamp: Stamp) -> None:
        require_state(
            "requirement.criteria_editable_until_confirmed",
            self.state,
            EDITABLE_STATES,
            "add an acceptance criterion",
        )
        if criterion_id in self.criterion_ids:
            raise RuleViolation(
                "requirement.criterion_id_unique",
                f"acceptance criterion {criterion_id} already exists",
                (str(criterion_id),),
            )
        self._record(
            self.AcceptanceCriterionAdded,
            stamp,
            criterion_id=criterion_id,
            text=require_text("text", text),
        )

    class AcceptanceCriterionRemoved(EventSourcedAggregate.Event):
        criterion_id: UUID

        def apply(self, requirement: Any) -> None:
            requirement.criteria = [c for c in requirement.criteria if c.id != self.criterion_id]
            requirement.unmet_criterion_ids = [
                i for i in requirement.unmet_criterion_ids if i != self.criterion_id
            ]

    def remove_acceptance_criterion(self, *, criterion_id: UUID, stamp: Stamp) -> None:
        require_state(
            "requirement.criteria_editable_until_confirmed",
            self.state,
            EDITABLE_STATES,
            "remove an acceptance criterion",
        )
        self._known_ids("criterionId", (criterion_id,))
        self._record(self.AcceptanceCriterionRemoved, stamp, criterion_id=criterion_id)

    class Confirmed(EventSourcedAggregate.Event):
        confirmed_by: str

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.CONFIRMED
            requirement.confirmed_by = self.confirmed_by

    def confirm(self, *, confirmed_by: str, stamp: Stamp) -> None:
        """Record the client's confirmation of the requirement and its criteria."""
        require_state(
            "requirement.confirm_when_unconfirmed", self.state, EDITABLE_STATES, "confirm"
        )
        if not self.criteria:
            raise RuleViolation(
                "requirement.confirm_needs_criterion",
                "cannot confirm a requirement without an acceptance criterion",
            )
        self._record(
            self.Confirmed,
            stamp,
            confirmed_by=require_line("confirmedBy", confirmed_by),
        )

    class ChangeRequested(EventSourcedAggregate.Event):
        reason: str
        new_description: str

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.CHANGE_REQUESTED
            requirement.description = self.new_description
            requirement.change_reason = self.reason
            requirement.change_requests += 1

    def request_change(self, *, reason: str, new_description: str, stamp: Stamp) -> None:
        """Change a confirmed requirement; it needs confirming again (counted as scope churn)."""
        require_state(
            "requirement.change_after_confirmation",
            self.state,
            (
                RequirementState.CONFIRMED,
                RequirementState.IN_PROGRESS,
                RequirementState.DELIVERED,
                RequirementState.REJECTED,
            ),
            "request a change",
        )
        self._record(
            self.ChangeRequested,
            stamp,
            reason=require_text("reason", reason),
            new_description=require_text("newDescription", new_description),
        )

    class Started(EventSourcedAggregate.Event):
        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.IN_PROGRESS

    def start(self, *, stamp: Stamp) -> None:
        require_state(
            "requirement.start_when_confirmed",
            self.state,
            (RequirementState.CONFIRMED, RequirementState.REJECTED),
            "start work",
        )
        self._record(self.Started, stamp)

    class Delivered(EventSourcedAggregate.Event):
        evidence: str

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.DELIVERED
            requirement.evidence = self.evidence

    def deliver(self, *, evidence: str, stamp: Stamp) -> None:
        require_state(
            "requirement.deliver_when_in_progress",
            self.state,
            (RequirementState.IN_PROGRESS,),
            "deliver",
        )
        self._record(self.Delivered, stamp, evidence=require_text("evidence", evidence))

    class Accepted(EventSourcedAggregate.Event):
        accepted_by: str
        met_criterion_ids: tuple[UUID, ...]

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.ACCEPTED
            requirement.accepted_by = self.accepted_by
            requirement.unmet_criterion_ids = []

    def accept(
        self, *, accepted_by: str, met_criterion_ids: list[UUID] | tuple[UUID, ...], stamp: Stamp
    ) -> None:
        """Record the client's acceptance; every current criterion must be met."""
        require_state(
            "requirement.accept_when_delivered",
            self.state,
            (RequirementState.DELIVERED,),
            "accept",
        )
        met = self._known_ids("metCriterionIds", met_criterion_ids)
        unmet = tuple(str(i) for i in self.criterion_ids if i not in met)
        if unmet:
            raise RuleViolation(
                "requirement.accept_needs_every_criterion_met",
                f"cannot accept while {len(unmet)} acceptance criteria are not met",
                unmet,
            )
        self._record(
            self.Accepted,
            stamp,
            accepted_by=require_line("acceptedBy", accepted_by),
            met_criterion_ids=met,
        )

    class Rejected(EventSourcedAggregate.Event):
        reason: str
        unmet_criterion_ids: tuple[UUID, ...]

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.REJECTED
            requirement.rejection_reason = self.reason
            requirement.unmet_criterion_ids = list(self.unmet_criterion_ids)
            requirement.rejections += 1

    def reject(
        self, *, reason: str, unmet_criterion_ids: list[UUID] | tuple[UUID, ...], stamp: Stamp
    ) -> None:
        """Record the client's rejection of a delivery, naming the criteria not met."""
        require_state(
            "requirement.reject_when_delivered",
            self.state,
            (RequirementState.DELIVERED,),
            "reject",
        )
        unmet = self._known_ids("unmetCriterionIds", unmet_criterion_ids)
        if not unmet:
            raise InvalidValue("unmetCriterionIds", "needs at least 1")
        self._record(
            self.Rejected,
            stamp,
            reason=require_text("reason", reason),
            unmet_criterion_ids=unmet,
        )

    class Withdrawn(EventSourcedAggregate.Event):
        reason: str

        def apply(self, requirement: Any) -> None:
            requirement.state = RequirementState.WITHDRAWN
            requirement.withdraw_reason = self.reason

    def withdraw(self, *, reason: str, stamp: Stamp) -> None:
        require_state("requirement.withdraw_while_open", self.state, OPEN_STATES, "withdraw")
        self._record(self.Withdrawn, stamp, reason=require_text("reason", reason))
