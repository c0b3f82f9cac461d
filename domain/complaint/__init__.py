"""A client's complaint or support ticket, and its two SLA clocks.

The first-response clock runs from receipt until acknowledgement. The resolution
clock runs from receipt until resolved; each reopen starts a new cycle of the
same length. Both follow the SLA terms fixed at receipt from the policy then in
force (`domain.sla`): their targets, counted in working time when the policy
has a calendar. Waiting on the client pauses the resolution clock (the first
response has always been given by then): what was left of it when the wait
began is left when the client replies. Every event that moves a due time says
where to, so the views and the breach watchdog never redo the arithmetic.

The breach watchdog's breaches, warnings and rule escalations are judgments
(`domain.base`): a fact recorded after them may have happened before them. A
fact that answers or pauses a clock reviews its judgments (`domain.sla_clocks`):
a breach or warning it shows wrong is withdrawn, and a breach it shows owed is
recorded, each by a new event in the same command. At most one breach of a
clock and cycle stands at a time.

Complaints received before policies had versions carry no terms: their clocks
run on wall-clock time with the due times their events recorded.

The aggregate is composed of parts: `part` (its state, and its clocks as they
stand), `lifecycle` (the commands from acknowledgement to closing) and
`judgments` (the watchdog's); the clocks' reckoning is `domain.sla_clocks`.
Stored names are an API: an event's topic is its class's module and qualified
name, `domain.complaint:Complaint.Resolved`, as it was when all of this was one
module. So the aggregate stays here and names every part's event in its own
body: the library then redefines each as `Complaint.<Name>` in this module,
and events are stored, and old ones found, under the topics they always had.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    require_aware,
    require_choice,
    require_line,
    require_text,
)
from domain.complaint.judgments import JudgmentsPart
from domain.complaint.lifecycle import LifecyclePart
from domain.complaint.part import (
    NOT_CLOSED_STATES,
    OPEN_STATES,
    RESOLVABLE_STATES,
    ComplaintChannel,
    ComplaintState,
    NoteVisibility,
    RootCause,
)
from domain.sla import Severity, SlaClock, SlaTerms
from domain.sla_clocks import ClockStatus, SlaBreach, SlaClockState


class Complaint(LifecyclePart, EventSourcedAggregate):
    # Every part's events, named here so they keep their stored topics (see above);
    # the type checker knows them from the parts.
    if not TYPE_CHECKING:
        Acknowledged = LifecyclePart.Acknowledged
        Assigned = LifecyclePart.Assigned
        NoteAdded = LifecyclePart.NoteAdded
        WaitingOnClient = LifecyclePart.WaitingOnClient
        ClientReplied = LifecyclePart.ClientReplied
        RootCauseIdentified = LifecyclePart.RootCauseIdentified
        Resolved = LifecyclePart.Resolved
        Reopened = LifecyclePart.Reopened
        Closed = LifecyclePart.Closed
        Escalated = JudgmentsPart.Escalated
        SlaBreached = JudgmentsPart.SlaBreached
        SlaWarningRaised = JudgmentsPart.SlaWarningRaised
        SlaBreachWithdrawn = JudgmentsPart.SlaBreachWithdrawn
        SlaWarningWithdrawn = JudgmentsPart.SlaWarningWithdrawn

    class Received(EventSourcedAggregate.Created):
        engagement_id: UUID
        channel: ComplaintChannel
        severity: Severity
        category: str
        description: str
        first_response_due: datetime
        resolution_due: datetime
        sla: SlaTerms | None = None
        first_response_warning_at: datetime | None = None
        resolution_warning_at: datetime | None = None

    def __init__(
        self,
        *,
        engagement_id: UUID,
        channel: ComplaintChannel,
        severity: Severity,
        category: str,
        description: str,
        first_response_due: datetime,
        resolution_due: datetime,
        occurred_at: datetime,
        sla: SlaTerms | None = None,
        first_response_warning_at: datetime | None = None,
        resolution_warning_at: datetime | None = None,
    ) -> None:
        self.engagement_id = engagement_id
        self.channel = channel
        self.severity = severity
        self.category = category
        self.description = description
        self.state = ComplaintState.RECEIVED
        self.received_at = occurred_at
        self.first_response_due = first_response_due
        self.resolution_due = resolution_due
        self.resolution_target_seconds = (resolution_due - occurred_at).total_seconds()
        self.resolution_cycle = 1
        self.paused_seconds = 0.0
        self.waiting_since = None
        self.first_responded_at = None
        self.acknowledged_by = ""
        self.assignee = None
        self.escalation_level = 0
        self.note_count = 0
        self.root_cause = None
        self.resolution = ""
        self.corrective_action = ""
        self.resolved_at = None
        self.first_resolved_at = None
        self.resolutions = 0
        self.reopens = 0
        self.breaches = []
        self.client_confirmed = False
        self.csat = None
        self.sla = sla
        self.first_response_warning_at = first_response_warning_at
        self.resolution_warning_at = resolution_warning_at
        self.moved_resolution_due = None
        self.warnings = ()
        self.rule_escalations = ()
        self.people_escalation_level = 0

    @classmethod
    def receive(
        cls,
        *,
        id: UUID,
        engagement_id: UUID,
        channel: ComplaintChannel | str,
        severity: Severity | str,
        category: str,
        description: str,
        sla: SlaTerms,
        stamp: Stamp,
    ) -> Complaint:
        """Receive a complaint held to `sla`, the terms of the policy in force for
        its engagement and severity when it was received (the stamp's occurred time)."""
        received_at = require_aware("occurredAt", stamp.occurred_at)
        first, resolution = SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION
        return cls._start_stream(
            cls.Received,
            id,
            stamp,
            engagement_id=engagement_id,
            channel=require_choice("channel", channel, ComplaintChannel),
            severity=require_choice("severity", severity, Severity),
            category=require_line("category", category),
            description=require_text("description", description),
            first_response_due=sla.due(received_at, first),
            resolution_due=sla.due(received_at, resolution),
            sla=sla,
            first_response_warning_at=sla.warning(received_at, first),
            resolution_warning_at=sla.warning(received_at, resolution),
        )


# The names this module offered when it was one module, still imported from here.
__all__ = [
    "NOT_CLOSED_STATES",
    "OPEN_STATES",
    "RESOLVABLE_STATES",
    "ClockStatus",
    "Complaint",
    "ComplaintChannel",
    "ComplaintState",
    "NoteVisibility",
    "RootCause",
    "Severity",
    "SlaBreach",
    "SlaClock",
    "SlaClockState",
]
