"""An engagement: one client project, planned, run (and paused), closed and archived.

This module is longer than the ~300 lines the conventions suggest: one module per
aggregate is the stronger rule, and each event class sits next to the command that
records it, so the pair reads together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_line,
    optional_text,
    require_choice,
    require_line,
    require_lines,
    require_non_negative,
    require_order,
    require_positive,
    require_range,
    require_state,
    require_text,
    require_texts,
)
from domain.errors import InvalidValue, RuleViolation
from domain.money import require_minor_units


class EngagementState(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    ARCHIVED = "archived"


class MemberRole(StrEnum):
    RESPONSIBLE = "responsible"
    ACCOUNTABLE = "accountable"
    CONSULTED = "consulted"
    INFORMED = "informed"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class CostCategory(StrEnum):
    LABOUR = "labour"
    MATERIAL = "material"
    TRAVEL = "travel"
    SUBCONTRACT = "subcontract"
    OTHER = "other"


@dataclass(frozen=True)
class Objective:
    """A SMART objective; `actual` is the latest measured result, if any."""

    description: str
    metric: str
    target: Decimal
    due_on: date
    actual: Decimal | None


@dataclass(frozen=True)
class Milestone:
    name: str
    due_on: date
    weight: Decimal
    completed_at: datetime | None


@dataclass(frozen=True)
class Member:
    """A person's role (RACI) in one area of the engagement."""

    person: str
    role: MemberRole
    area: str

    def same_as(self, other: Member) -> bool:
        # Case-insensitive, so "Support" and "support" are one area, and one person.
        return (
            self.role is other.role
            and self.person.casefold() == other.person.casefold()
            and self.area.casefold() == other.area.casefold()
        )


@dataclass(frozen=True)
class CommunicationPlan:
    cadence: str
    channels: tuple[str, ...]
    audience: tuple[str, ...]


@dataclass(frozen=True)
class ActionItem:
    """An action agreed at a meeting: what, who does it, and by when."""

    description: str
    owner: str
    due_on: date


EDITABLE_STATES = (EngagementState.PLANNED, EngagementState.ACTIVE, EngagementState.ON_HOLD)
RUNNING_STATES = (EngagementState.ACTIVE, EngagementState.ON_HOLD)
_CURRENCY = re.compile(r"[A-Z]{3}")


class Engagement(EventSourcedAggregate):
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
    objectives_set: dict[UUID, Objective]
    milestones: dict[UUID, Milestone]
    members: list[Member]
    communication_plan: CommunicationPlan | None
    meeting_count: int
    latest_rag: Rag | None
    total_cost: Decimal
    cost_count: int
    survey_response_count: int
    hold_reason: str
    outcome: str
    evaluation: str
    lessons_learned: tuple[str, ...]
    forced_close_reason: str
    # The SLA policy its complaints follow; None: the default policy. A class value
    # too, for snapshots taken before engagements could choose.
    sla_policy_id: UUID | None = None

    class Opened(EventSourcedAggregate.Created):
        client_id: UUID
        client_name: str
        title: str
        objectives: tuple[str, ...]
        planned_start: date
        planned_end: date
        budget: Decimal
        currency: str
        owner: str

    def __init__(
        self,
        *,
        client_id: UUID,
        client_name: str,
        title: str,
        objectives: tuple[str, ...],
        planned_start: date,
        planned_end: date,
        budget: Decimal,
        currency: str,
        owner: str,
    ) -> None:
        self.client_id = client_id
        self.client_name = client_name
        self.title = title
        self.objectives = objectives
        self.planned_start = planned_start
        self.planned_end = planned_end
        self.budget = budget
        self.original_budget = budget
        self.currency = currency
        self.owner = owner
        self.state = EngagementState.PLANNED
        self.objectives_set = {}
        self.milestones = {}
        self.members = []
        self.communication_plan = None
        self.meeting_count = 0
        self.latest_rag = None
        self.total_cost = Decimal(0)
        self.cost_count = 0
        self.survey_response_count = 0
        self.hold_reason = ""
        self.outcome = ""
        self.evaluation = ""
        self.lessons_learned = ()
        self.forced_close_reason = ""

    @classmethod
    def open(
        cls,
        *,
        id: UUID,
        client_id: UUID,
        client_name: str,
        title: str,
        objectives: list[str] | tuple[str, ...],
        planned_start: date,
        planned_end: date,
        budget: Decimal,
        currency: str,
        owner: str,
        stamp: Stamp,
    ) -> Engagement:
        require_order("plannedStart", planned_start, "plannedEnd", planned_end)
        currency = _require_currency(currency)
        return cls._start_stream(
            cls.Opened,
            id,
            stamp,
            client_id=client_id,
            client_name=require_line("clientName", client_name),
            title=require_line("title", title),
            objectives=require_texts("objectives", objectives),
            planned_start=planned_start,
            planned_end=planned_end,
            budget=require_minor_units("budget", require_non_negative("budget", budget), currency),
            currency=currency,
            owner=require_line("owner", owner),
        )

    def _money(self, field: str, amount: Decimal) -> Decimal:
        return require_minor_units(field, amount, self.currency)

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    def _require_editable(self, action: str) -> None:
        require_state("engagement.not_editable", self.state, EDITABLE_STATES, action)

    # Objectives

    class ObjectiveSet(EventSourcedAggregate.Event):
        objective_id: UUID
        description: str
        metric: str
        target: Decimal
        due_on: date

        def apply(self, engagement: Any) -> None:
            # A revision keeps the result already measured: it is still a fact.
            previous = engagement.objectives_set.get(self.objective_id)
            engagement.objectives_set[self.objective_id] = Objective(
                description=self.description,
                metric=self.metric,
                target=self.target,
                due_on=self.due_on,
                actual=previous.actual if previous else None,
            )

    def set_objective(
        self,
        *,
        objective_id: UUID,
        description: str,
        metric: str,
        target: Decimal,
        due_on: date,
        stamp: Stamp,
    ) -> None:
        """Set a SMART objective; setting an existing `objective_id` again revises it."""
        self._require_editable("set an objective")
        self._record(
            self.ObjectiveSet,
            stamp,
            objective_id=objective_id,
            description=require_text("description", description),
            metric=require_line("metric", metric),
            target=require_non_negative("target", target),
            due_on=due_on,
        )

    class ObjectiveResultRecorded(EventSourcedAggregate.Event):
        objective_id: UUID
        actual: Decimal

        def apply(self, engagement: Any) -> None:
            objective = engagement.objectives_set[self.objective_id]
            engagement.objectives_set[self.objective_id] = replace(objective, actual=self.actual)

    def record_objective_result(self, *, objective_id: UUID, actual: Decimal, stamp: Stamp) -> None:
        self._require_editable("record an objective result")
        if objective_id not in self.objectives_set:
            raise RuleViolation(
                "engagement.known_objective", f"objective {objective_id} has not been set"
            )
        self._record(
            self.ObjectiveResultRecorded,
            stamp,
            objective_id=objective_id,
            actual=require_non_negative("actual", actual),
        )

    # Milestones

    class MilestonePlanned(EventSourcedAggregate.Event):
        milestone_id: UUID
        name: str
        due_on: date
        weight: Decimal

        def apply(self, engagement: Any) -> None:
            engagement.milestones[self.milestone_id] = Milestone(
                name=self.name, due_on=self.due_on, weight=self.weight, completed_at=None
            )

    def plan_milestone(
        self, *, milestone_id: UUID, name: str, due_on: date, weight: Decimal, stamp: Stamp
    ) -> None:
        self._require_editable("plan a milestone")
        if milestone_id in self.milestones:
            raise RuleViolation(
                "engagement.milestone_id_unique", f"milestone {milestone_id} is already planned"
            )
        self._record(
            self.MilestonePlanned,
            stamp,
            milestone_id=milestone_id,
            name=require_line("name", name),
            due_on=due_on,
            weight=require_positive("weight", weight),
        )

    class MilestoneRescheduled(EventSourcedAggregate.Event):
        milestone_id: UUID
        due_on: date
        reason: str

        def apply(self, engagement: Any) -> None:
            milestone = engagement.milestones[self.milestone_id]
            engagement.milestones[self.milestone_id] = replace(milestone, due_on=self.due_on)

    def reschedule_milestone(
        self, *, milestone_id: UUID, due_on: date, reason: str, stamp: Stamp
    ) -> None:
        self._require_editable("reschedule a milestone")
        self._require_open_milestone(milestone_id, "reschedule")
        self._record(
            self.MilestoneRescheduled,
            stamp,
            milestone_id=milestone_id,
            due_on=due_on,
            reason=require_text("reason", reason),
        )

    class MilestoneCompleted(EventSourcedAggregate.Event):
        milestone_id: UUID

        def apply(self, engagement: Any) -> None:
            milestone = engagement.milestones[self.milestone_id]
            engagement.milestones[self.milestone_id] = replace(
                milestone, completed_at=self.occurred_at
            )

    def complete_milestone(self, *, milestone_id: UUID, stamp: Stamp) -> None:
        """Complete a milestone; it counts as completed at the stamp's occurred time."""
        self._require_editable("complete a milestone")
        self._require_open_milestone(milestone_id, "complete")
        self._record(self.MilestoneCompleted, stamp, milestone_id=milestone_id)

    def _require_open_milestone(self, milestone_id: UUID, action: str) -> None:
        milestone = self.milestones.get(milestone_id)
        if milestone is None:
            raise RuleViolation(
                "engagement.known_milestone", f"milestone {milestone_id} has not been planned"
            )
        if milestone.completed_at is not None:
            raise RuleViolation(
                "engagement.milestone_open",
                f"cannot {action} milestone {milestone_id}: it is already completed",
            )

    # Team

    class MemberAssigned(EventSourcedAggregate.Event):
        person: str
        role: MemberRole
        area: str

        def apply(self, engagement: Any) -> None:
            engagement.members.append(Member(self.person, self.role, self.area))

    def assign_member(
        self, *, person: str, role: MemberRole | str, area: str, stamp: Stamp
    ) -> None:
        """Assign a person a role in an area; an area has at most one accountable person."""
        self._require_editable("assign a member")
        member = _member(person, role, area)
        if self._find_member(member) is not None:
            raise RuleViolation(
                "engagement.member_assigned_once",
                f"{member.person} is already {member.role.value} for {member.area}",
            )
        if member.role is MemberRole.ACCOUNTABLE:
            self._require_no_accountable(member.area)
        self._record(
            self.MemberAssigned, stamp, person=member.person, role=member.role, area=member.area
        )

    class MemberReleased(EventSourcedAggregate.Event):
        person: str
        role: MemberRole
        area: str

        def apply(self, engagement: Any) -> None:
            released = Member(self.person, self.role, self.area)
            engagement.members = [m for m in engagement.members if not m.same_as(released)]

    def release_member(
        self, *, person: str, role: MemberRole | str, area: str, stamp: Stamp
    ) -> None:
        self._require_editable("release a member")
        asked = _member(person, role, area)
        member = self._find_member(asked)
        if member is None:
            raise RuleViolation(
                "engagement.release_assigned_member",
                f"{asked.person} is not {asked.role.value} for {asked.area}",
            )
        # Record the assignment as it was stored, whatever the caller's spelling.
        self._record(
            self.MemberReleased, stamp, person=member.person, role=member.role, area=member.area
        )

    def _find_member(self, wanted: Member) -> Member | None:
        return next((m for m in self.members if m.same_as(wanted)), None)

    def _require_no_accountable(self, area: str) -> None:
        for member in self.members:
            if member.role is MemberRole.ACCOUNTABLE and member.area.casefold() == area.casefold():
                raise RuleViolation(
                    "engagement.one_accountable_per_area",
                    f"{member.person} is already accountable for {member.area}",
                    subjects=(member.person,),
                )

    # Communication

    class SlaPolicyChosen(EventSourcedAggregate.Event):
        policy_id: UUID

        def apply(self, engagement: Any) -> None:
            engagement.sla_policy_id = self.policy_id

    def choose_sla_policy(self, *, policy_id: UUID, stamp: Stamp) -> None:
        """The policy complaints received from now on follow; those received
        before keep theirs."""
        self._require_editable("choose an SLA policy")
        if policy_id == self.sla_policy_id:
            raise RuleViolation(
                "engagement.sla_policy_changes", f"the engagement already follows {policy_id}"
            )
        self._record(self.SlaPolicyChosen, stamp, policy_id=policy_id)

    class CommunicationPlanSet(EventSourcedAggregate.Event):
        plan: CommunicationPlan

        def apply(self, engagement: Any) -> None:
            engagement.communication_plan = self.plan

    def set_communication_plan(
        self,
        *,
        cadence: str,
        channels: list[str] | tuple[str, ...],
        audience: list[str] | tuple[str, ...],
        stamp: Stamp,
    ) -> None:
        self._require_editable("set the communication plan")
        plan = CommunicationPlan(
            cadence=require_line("cadence", cadence),
            channels=require_lines("channels", channels, at_least=1),
            audience=require_lines("audience", audience, at_least=1),
        )
        self._record(self.CommunicationPlanSet, stamp, plan=plan)

    class MeetingLogged(EventSourcedAggregate.Event):
        meeting_id: UUID
        held_on: date
        attendees: tuple[str, ...]
        agenda: str
        minutes: str
        action_items: tuple[ActionItem, ...]

        def apply(self, engagement: Any) -> None:
            engagement.meeting_count += 1

    def log_meeting(
        self,
        *,
        meeting_id: UUID,
        held_on: date,
        attendees: list[str] | tuple[str, ...],
        agenda: str,
        minutes: str,
        action_items: list[ActionItem] | tuple[ActionItem, ...],
        stamp: Stamp,
    ) -> None:
        self._require_editable("log a meeting")
        self._record(
            self.MeetingLogged,
            stamp,
            meeting_id=meeting_id,
            held_on=_require_not_after_stamp("heldOn", held_on, stamp),
            attendees=require_lines("attendees", attendees, at_least=1),
            agenda=optional_text("agenda", agenda),
            minutes=optional_text("minutes", minutes),
            action_items=_require_action_items(action_items),
        )

    class StatusReportPublished(EventSourcedAggregate.Event):
        period_start: date
        period_end: date
        rag: Rag
        summary: str
        next_steps: str

        def apply(self, engagement: Any) -> None:
            engagement.latest_rag = self.rag

    def publish_status_report(
        self,
        *,
        period_start: date,
        period_end: date,
        rag: Rag | str,
        summary: str,
        next_steps: str,
        stamp: Stamp,
    ) -> None:
        self._require_editable("publish a status report")
        require_order("periodStart", period_start, "periodEnd", period_end)
        self._record(
            self.StatusReportPublished,
            stamp,
            period_start=period_start,
            period_end=period_end,
            rag=require_choice("rag", rag, Rag),
            summary=require_text("summary", summary),
            next_steps=optional_text("nextSteps", next_steps),
        )

    # Money

    class CostRecorded(EventSourcedAggregate.Event):
        cost_id: UUID
        amount: Decimal
        category: CostCategory
        incurred_on: date
        note: str

        def apply(self, engagement: Any) -> None:
            engagement.total_cost += self.amount
            engagement.cost_count += 1

    def record_cost(
        self,
        *,
        cost_id: UUID,
        amount: Decimal,
        category: CostCategory | str,
        incurred_on: date,
        note: str,
        stamp: Stamp,
    ) -> None:
        """Record a cost, in the engagement's currency."""
        self._require_editable("record a cost")
        self._record(
            self.CostRecorded,
            stamp,
            cost_id=cost_id,
            amount=self._money("amount", require_positive("amount", amount)),
            category=require_choice("category", category, CostCategory),
            incurred_on=_require_not_after_stamp("incurredOn", incurred_on, stamp),
            note=optional_text("note", note),
        )

    class BudgetRevised(EventSourcedAggregate.Event):
        previous_budget: Decimal
        new_budget: Decimal
        reason: str

        def apply(self, engagement: Any) -> None:
            engagement.budget = self.new_budget

    def revise_budget(self, *, new_budget: Decimal, reason: str, stamp: Stamp) -> None:
        self._require_editable("revise the budget")
        self._record(
            self.BudgetRevised,
            stamp,
            previous_budget=self.budget,
            new_budget=self._money("newBudget", require_non_negative("newBudget", new_budget)),
            reason=require_text("reason", reason),
        )

    # Satisfaction

    class SurveyResponseRecorded(EventSourcedAggregate.Event):
        response_id: UUID
        csat: int | None
        nps: int | None
        respondent: str
        channel: str
        comment: str

        def apply(self, engagement: Any) -> None:
            engagement.survey_response_count += 1

    def record_survey_response(
        self,
        *,
        response_id: UUID,
        csat: int | None,
        nps: int | None,
        respondent: str,
        channel: str,
        comment: str,
        stamp: Stamp,
    ) -> None:
        """Record a CSAT score (1-5), an NPS score (0-10), or both; one is required."""
        self._require_editable("record a survey response")
        if csat is None and nps is None:
            raise InvalidValue("csat", "give a CSAT score, an NPS score, or both")
        self._record(
            self.SurveyResponseRecorded,
            stamp,
            response_id=response_id,
            csat=None if csat is None else require_range("csat", csat, 1, 5),
            nps=None if nps is None else require_range("nps", nps, 0, 10),
            respondent=optional_line("respondent", respondent),
            channel=optional_line("channel", channel),
            comment=optional_text("comment", comment),
        )

    # Lifecycle

    class Started(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ACTIVE

    def start(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.start_when_planned",
            self.state,
            (EngagementState.PLANNED,),
            "start an engagement",
        )
        self._record(self.Started, stamp)

    class PutOnHold(EventSourcedAggregate.Event):
        reason: str

        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ON_HOLD
            engagement.hold_reason = self.reason

    def put_on_hold(self, *, reason: str, stamp: Stamp) -> None:
        require_state(
            "engagement.hold_when_active",
            self.state,
            (EngagementState.ACTIVE,),
            "put an engagement on hold",
        )
        self._record(self.PutOnHold, stamp, reason=require_text("reason", reason))

    class Resumed(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ACTIVE
            engagement.hold_reason = ""

    def resume(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.resume_when_on_hold",
            self.state,
            (EngagementState.ON_HOLD,),
            "resume an engagement",
        )
        self._record(self.Resumed, stamp)

    class Closed(EventSourcedAggregate.Event):
        outcome: str
        evaluation: str
        lessons_learned: tuple[str, ...]
        force_reason: str
        overridden_complaint_ids: tuple[UUID, ...]
        overridden_must_ids: tuple[UUID, ...]

        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.CLOSED
            engagement.outcome = self.outcome
            engagement.evaluation = self.evaluation
            engagement.lessons_learned = self.lessons_learned
            engagement.forced_close_reason = self.force_reason
            engagement.hold_reason = ""

    def close(
        self,
        *,
        outcome: str,
        evaluation: str,
        lessons_learned: list[str] | tuple[str, ...],
        open_complaint_ids: list[UUID] | tuple[UUID, ...],
        unaccepted_must_ids: list[UUID] | tuple[UUID, ...],
        force_reason: str = "",
        stamp: Stamp,
    ) -> None:
        """Close the engagement.

        The application gathers the open complaints and unaccepted *must* requirements;
        any of them refuses the close (naming them) unless `force_reason` is given,
        in which case the event records the reason and the ids it overrode.
        """
        require_state("engagement.close_when_running", self.state, RUNNING_STATES, "close")
        complaints = tuple(dict.fromkeys(open_complaint_ids))
        musts = tuple(dict.fromkeys(unaccepted_must_ids))
        reason = optional_text("forceReason", force_reason)
        fields = {
            "outcome": require_text("outcome", outcome),
            "evaluation": optional_text("evaluation", evaluation),
            "lessons_learned": require_texts("lessonsLearned", lessons_learned),
        }
        if not reason:
            _refuse_open_items(complaints, musts)
        self._record(
            self.Closed,
            stamp,
            **fields,
            force_reason=reason,
            overridden_complaint_ids=complaints,
            overridden_must_ids=musts,
        )

    class Archived(EventSourcedAggregate.Event):
        def apply(self, engagement: Any) -> None:
            engagement.state = EngagementState.ARCHIVED

    def archive(self, *, stamp: Stamp) -> None:
        require_state(
            "engagement.archive_when_closed", self.state, (EngagementState.CLOSED,), "archive"
        )
        self._record(self.Archived, stamp)


def _require_currency(value: str) -> str:
    code = value.strip()
    if not _CURRENCY.fullmatch(code):
        raise InvalidValue("currency", "must be three upper-case letters (ISO 4217), e.g. EUR")
    return code


def _require_not_after_stamp(field: str, day: date, stamp: Stamp) -> date:
    # Meetings and costs are things that have happened: not dated after the event itself.
    if day > stamp.occurred_at.date():
        raise InvalidValue(field, "cannot be after the day it is recorded as occurring")
    return day


def _member(person: str, role: MemberRole | str, area: str) -> Member:
    return Member(
        person=require_line("person", person),
        role=require_choice("role", role, MemberRole),
        area=require_line("area", area),
    )


def _require_action_items(
    items: list[ActionItem] | tuple[ActionItem, ...],
) -> tuple[ActionItem, ...]:
    return tuple(
        ActionItem(
            description=require_text(f"actionItems[{i}].description", item.description),
            owner=require_line(f"actionItems[{i}].owner", item.owner),
            due_on=item.due_on,
        )
        for i, item in enumerate(items)
    )


def _refuse_open_items(complaints: tuple[UUID, ...], musts: tuple[UUID, ...]) -> None:
    if not complaints and not musts:
        return
    blockers = []
    if complaints:
        blockers.append("open complaints " + ", ".join(str(c) for c in complaints))
    if musts:
        blockers.append("unaccepted must requirements " + ", ".join(str(m) for m in musts))
    raise RuleViolation(
        "engagement.close_with_open_items",
        f"cannot close with {' and '.join(blockers)}; give a force reason to close anyway",
        subjects=tuple(str(i) for i in (*complaints, *musts)),
    )
