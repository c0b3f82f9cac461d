"""How the engagement talks with its client: the communication plan, the
meetings logged, the status reports published, and the SLA policy its
complaints follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_choice,
    require_line,
    require_lines,
    require_order,
    require_text,
)
from domain.engagement.part import EngagementPart, require_not_after_stamp
from domain.errors import RuleViolation


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


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


class CommunicationPart(EngagementPart):
    communication_plan: CommunicationPlan | None
    meeting_count: int
    latest_rag: Rag | None
    # The SLA policy its complaints follow; None: the default policy. A class value
    # too, for snapshots taken before engagements could choose.
    sla_policy_id: UUID | None = None

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
            held_on=require_not_after_stamp("heldOn", held_on, stamp),
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
