"""An engagement: one client project, planned, run (and paused), closed and archived.

The aggregate is composed of parts, one module per concern: `objectives`,
`milestones`, `team`, `communication` (plan, meetings, status reports, SLA
policy), `budget`, `surveys` and `lifecycle`; `part` holds what they share.
Each part's events sit next to the commands that record them.

Stored names are an API: an event's topic is its class's module and qualified
name, `domain.engagement:Engagement.MilestonePlanned`, as it was when all of
this was one module. So the aggregate stays here, and names every part's event
in its own body: the library then redefines each as `Engagement.<Name>` in this
module, and events are stored, and old ones found, under the topics they always
had (and read back under the names the views and webhooks know them by).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    require_line,
    require_non_negative,
    require_order,
    require_texts,
)
from domain.engagement.budget import BudgetPart, CostCategory
from domain.engagement.communication import ActionItem, CommunicationPart, CommunicationPlan, Rag
from domain.engagement.lifecycle import LifecyclePart
from domain.engagement.milestones import Milestone, MilestonesPart
from domain.engagement.objectives import Objective, ObjectivesPart
from domain.engagement.part import (
    EDITABLE_STATES,
    RUNNING_STATES,
    EngagementState,
    require_currency,
)
from domain.engagement.surveys import SurveysPart
from domain.engagement.team import Member, MemberRole, TeamPart
from domain.money import require_minor_units

__all__ = [
    "EDITABLE_STATES",
    "RUNNING_STATES",
    "ActionItem",
    "CommunicationPlan",
    "CostCategory",
    "Engagement",
    "EngagementState",
    "Member",
    "MemberRole",
    "Milestone",
    "Objective",
    "Rag",
]


class Engagement(
    ObjectivesPart,
    MilestonesPart,
    TeamPart,
    CommunicationPart,
    BudgetPart,
    SurveysPart,
    LifecyclePart,
    EventSourcedAggregate,
):
    # Every part's events, named here so they keep their stored topics (see above);
    # the type checker knows them from the parts.
    if not TYPE_CHECKING:
        ObjectiveSet = ObjectivesPart.ObjectiveSet
        ObjectiveResultRecorded = ObjectivesPart.ObjectiveResultRecorded
        MilestonePlanned = MilestonesPart.MilestonePlanned
        MilestoneRescheduled = MilestonesPart.MilestoneRescheduled
        MilestoneCompleted = MilestonesPart.MilestoneCompleted
        MemberAssigned = TeamPart.MemberAssigned
        MemberReleased = TeamPart.MemberReleased
        SlaPolicyChosen = CommunicationPart.SlaPolicyChosen
        CommunicationPlanSet = CommunicationPart.CommunicationPlanSet
        MeetingLogged = CommunicationPart.MeetingLogged
        StatusReportPublished = CommunicationPart.StatusReportPublished
        CostRecorded = BudgetPart.CostRecorded
        BudgetRevised = BudgetPart.BudgetRevised
        SurveyResponseRecorded = SurveysPart.SurveyResponseRecorded
        Started = LifecyclePart.Started
        PutOnHold = LifecyclePart.PutOnHold
        Resumed = LifecyclePart.Resumed
        Closed = LifecyclePart.Closed
        Archived = LifecyclePart.Archived

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
        currency = require_currency(currency)
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
