"""A client's complaint or support ticket, and its two SLA clocks.

The first-response clock runs from receipt until acknowledgement. The resolution
clock runs from receipt until resolved; each reopen starts a new cycle of the
same length. Both due times are fixed at receipt from the policy then in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_choice,
    require_range,
    require_state,
    require_text,
)
from domain.errors import InvalidValue, RuleViolation


class ComplaintState(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    WAITING_ON_CLIENT = "waiting_on_client"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    CLOSED = "closed"


class ComplaintChannel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    CHAT = "chat"
    ONSITE = "onsite"


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class NoteVisibility(StrEnum):
    INTERNAL = "internal"
    PUBLIC = "public"


class SlaClock(StrEnum):
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


class ClockStatus(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"


@dataclass(frozen=True)
class RootCause:
    category: str
    analysis: str
    identified_at: datetime


@dataclass(frozen=True)
class SlaBreach:
    clock: SlaClock
    cycle: int
    due: datetime
    noticed_at: datetime


@dataclass(frozen=True)
class SlaClockState:
    """One clock as it stands; `due` is the effective due time, None while paused."""

    clock: SlaClock
    cycle: int
    status: ClockStatus
    due: datetime | None
    met_at: datetime | None
    breached: bool


OPEN_STATES = (
    ComplaintState.RECEIVED,
    ComplaintState.ACKNOWLEDGED,
    ComplaintState.IN_PROGRESS,
    ComplaintState.WAITING_ON_CLIENT,
    ComplaintState.REOPENED,
)
RESOLVABLE_STATES = OPEN_STATES[1:]
NOT_CLOSED_STATES = (*OPEN_STATES, ComplaintState.RESOLVED)


def _require_aware(field: str, value: datetime) -> datetime:
    # Checked here as well as in the stamp check because comparing a naive time
    # with an aware one raises TypeError before that check would run.
    if value.tzinfo is None:
        raise InvalidValue(field, "must carry a time-zone offset")
    return value


class Complaint(EventSourcedAggregate):
    engagement_id: UUID
    channel: ComplaintChannel
    severity: Severity
    category: str
    description: str
    state: ComplaintState
    received_at: datetime
    first_response_due: datetime
    resolution_due: datetime
    # Durations are seconds rather than timedelta so snapshots stay plain JSON values.
    resolution_target_seconds: float
    resolution_cycle: int
    paused_seconds: float
    waiting_since: datetime | None
    first_responded_at: datetime | None
    acknowledged_by: str
    assignee: str | None
    escalation_level: int
    # Notes are read from the history (and the views); the aggregate keeps only
    # their count, so its snapshots stay small however long the thread grows.
    note_count: int
    root_cause: RootCause | None
    resolution: str
    corrective_action: str
    resolved_at: datetime | None
    first_resolved_at: datetime | None
    resolutions: int
    reopens: int
    breaches: list[SlaBreach]
    client_confirmed: bool
    csat: int | None

    class Received(EventSourcedAggregate.Created):
        engagement_id: UUID
        channel: ComplaintChannel
        severity: Severity
        category: str
        description: str
        first_response_due: datetime
        resolution_due: datetime

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
        first_response_due: datetime,
        resolution_due: datetime,
        stamp: Stamp,
    ) -> Complaint:
        """Receive a complaint with due times the application took from the SLA policy."""
        received_at = _require_aware("occurredAt", stamp.occurred_at)
        for field, due in (
            ("firstResponseDue", first_response_due),
            ("resolutionDue", resolution_due),
        ):
            if _require_aware(field, due) < received_at:
                raise InvalidValue(field, "must not be before the complaint was received")
        return cls._start_stream(
            cls.Received,
            id,
            stamp,
            engagement_id=engagement_id,
            channel=require_choice("channel", channel, ComplaintChannel),
            severity=require_choice("severity", severity, Severity),
            category=require_text("category", category, max_length=200),
            description=require_text("description", description),
            first_response_due=first_response_due,
            resolution_due=resolution_due,
        )

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def effective_first_response_due(self) -> datetime:
        # Waiting on the client is only possible from in_progress, which comes after
        # acknowledgement, so this clock has always stopped before any pause.
        return self.first_response_due

    @property
    def effective_resolution_due(self) -> datetime | None:
        """The current cycle's due time pushed back by time waited; None while waiting."""
        if self.waiting_since is not None:
            return None
        return self.resolution_due + timedelta(seconds=self.paused_seconds)

    @property
    def sla_clocks(self) -> tuple[SlaClockState, SlaClockState]:
        return self.sla_clock(SlaClock.FIRST_RESPONSE), self.sla_clock(SlaClock.RESOLUTION)

    def sla_clock(self, clock: SlaClock) -> SlaClockState:
        cycle, met_at, due = (
            (1, self.first_responded_at, self.effective_first_response_due)
            if clock is SlaClock.FIRST_RESPONSE
            else (self.resolution_cycle, self.resolved_at, self.effective_resolution_due)
        )
        status = ClockStatus.RUNNING
        if met_at is not None:
            status = ClockStatus.MET
        elif due is None:
            status = ClockStatus.PAUSED
        breached = any(b.clock == clock and b.cycle == cycle for b in self.breaches)
        return SlaClockState(clock, cycle, status, due, met_at, breached)

    class Acknowledged(EventSourcedAggregate.Event):
        agent: str
        message: str

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.ACKNOWLEDGED
            complaint.first_responded_at = self.occurred_at
            complaint.acknowledged_by = self.agent

    def acknowledge(self, *, agent: str, message: str, stamp: Stamp) -> None:
        """Give the first response, which stops the first-response clock."""
        require_state(
            "complaint.acknowledge_once",
            self.state,
            (ComplaintState.RECEIVED,),
            "acknowledge a complaint",
        )
        self._record(
            self.Acknowledged,
            stamp,
            agent=require_text("agent", agent, max_length=200),
            message=require_text("message", message),
        )

    class Assigned(EventSourcedAggregate.Event):
        agent: str

        def apply(self, complaint: Any) -> None:
            complaint.assignee = self.agent
            if complaint.state in (ComplaintState.ACKNOWLEDGED, ComplaintState.REOPENED):
                complaint.state = ComplaintState.IN_PROGRESS

    def assign(self, *, agent: str, stamp: Stamp) -> None:
        """Assign an agent; work starts when the complaint is acknowledged or reopened."""
        require_state("complaint.assign_while_open", self.state, OPEN_STATES, "assign a complaint")
        self._record(self.Assigned, stamp, agent=require_text("agent", agent, max_length=200))

    class Escalated(EventSourcedAggregate.Event):
        level: int
        reason: str

        def apply(self, complaint: Any) -> None:
            complaint.escalation_level = self.level

    def escalate(self, *, level: int, reason: str, stamp: Stamp) -> None:
        require_state("complaint.escalate_while_open", self.state, OPEN_STATES, "escalate")
        level = require_range("level", level, 1, 5)
        if level <= self.escalation_level:
            raise RuleViolation(
                "complaint.escalate_upward",
                f"cannot escalate to level {level}: already at level {self.escalation_level}",
            )
        self._record(self.Escalated, stamp, level=level, reason=require_text("reason", reason))

    class NoteAdded(EventSourcedAggregate.Event):
        visibility: NoteVisibility
        text: str

        def apply(self, complaint: Any) -> None:
            complaint.note_count += 1

    def add_note(self, *, visibility: NoteVisibility | str, text: str, stamp: Stamp) -> None:
        require_state("complaint.note_until_closed", self.state, NOT_CLOSED_STATES, "add a note")
        self._record(
            self.NoteAdded,
            stamp,
            visibility=require_choice("visibility", visibility, NoteVisibility),
            text=require_text("text", text),
        )

    class WaitingOnClient(EventSourcedAggregate.Event):
        reason: str

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.WAITING_ON_CLIENT
            complaint.waiting_since = self.occurred_at

    def wait_on_client(self, *, reason: str, stamp: Stamp) -> None:
        """Pause the resolution clock until the client replies."""
        require_state(
            "complaint.wait_when_in_progress",
            self.state,
            (ComplaintState.IN_PROGRESS,),
            "wait on the client",
        )
        self._record(self.WaitingOnClient, stamp, reason=require_text("reason", reason))

    class ClientReplied(EventSourcedAggregate.Event):
        message: str

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.IN_PROGRESS
            _end_pause(complaint, self.occurred_at)

    def client_replied(self, *, message: str, stamp: Stamp) -> None:
        require_state(
            "complaint.reply_when_waiting",
            self.state,
            (ComplaintState.WAITING_ON_CLIENT,),
            "record a client reply",
        )
        self._record(self.ClientReplied, stamp, message=optional_text("message", message))

    class RootCauseIdentified(EventSourcedAggregate.Event):
        category: str
        analysis: str

        def apply(self, complaint: Any) -> None:
            complaint.root_cause = RootCause(self.category, self.analysis, self.occurred_at)

    def identify_root_cause(self, *, category: str, analysis: str, stamp: Stamp) -> None:
        require_state(
            "complaint.root_cause_until_closed",
            self.state,
            NOT_CLOSED_STATES,
            "identify a root cause",
        )
        self._record(
            self.RootCauseIdentified,
            stamp,
            category=require_text("category", category, max_length=200),
            analysis=require_text("analysis", analysis),
        )

    class Resolved(EventSourcedAggregate.Event):
        resolution: str
        corrective_action: str

        def apply(self, complaint: Any) -> None:
            if complaint.waiting_since is not None:
                _end_pause(complaint, self.occurred_at)
            complaint.state = ComplaintState.RESOLVED
            complaint.resolution = self.resolution
            complaint.corrective_action = self.corrective_action
            complaint.resolved_at = self.occurred_at
            if complaint.first_resolved_at is None:
                complaint.first_resolved_at = self.occurred_at
            complaint.resolutions += 1

    def resolve(self, *, resolution: str, corrective_action: str, stamp: Stamp) -> None:
        """Resolve an acknowledged complaint; this stops the resolution clock for the cycle."""
        require_state(
            "complaint.resolve_while_open", self.state, RESOLVABLE_STATES, "resolve a complaint"
        )
        self._record(
            self.Resolved,
            stamp,
            resolution=require_text("resolution", resolution),
            corrective_action=optional_text("correctiveAction", corrective_action),
        )

    class Reopened(EventSourcedAggregate.Event):
        reason: str

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.REOPENED
            complaint.reopens += 1
            complaint.resolution_cycle += 1
            target = timedelta(seconds=complaint.resolution_target_seconds)
            complaint.resolution_due = self.occurred_at + target
            complaint.paused_seconds = 0.0
            complaint.resolved_at = None

    def reopen(self, *, reason: str, stamp: Stamp) -> None:
        """Reopen a resolved complaint, starting a new resolution clock of the same length."""
        require_state(
            "complaint.reopen_when_resolved", self.state, (ComplaintState.RESOLVED,), "reopen"
        )
        self._record(self.Reopened, stamp, reason=require_text("reason", reason))

    class Closed(EventSourcedAggregate.Event):
        client_confirmed: bool
        csat: int | None

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.CLOSED
            complaint.client_confirmed = self.client_confirmed
            complaint.csat = self.csat

    def close(self, *, client_confirmed: bool, csat: int | None, stamp: Stamp) -> None:
        require_state(
            "complaint.close_when_resolved", self.state, (ComplaintState.RESOLVED,), "close"
        )
        if not isinstance(client_confirmed, bool):
            raise InvalidValue("clientConfirmed", "must be true or false")
        self._record(
            self.Closed,
            stamp,
            client_confirmed=client_confirmed,
            csat=None if csat is None else require_range("csat", csat, 1, 5),
        )

    class SlaBreached(EventSourcedAggregate.Event):
        clock: SlaClock
        cycle: int
        due: datetime

        def apply(self, complaint: Any) -> None:
            breach = SlaBreach(self.clock, self.cycle, self.due, self.occurred_at)
            complaint.breaches.append(breach)

    def record_sla_breach(self, *, clock: SlaClock | str, stamp: Stamp) -> None:
        """Record that a clock passed its due time unmet; at most once per clock per cycle."""
        clock = require_choice("clock", clock, SlaClock)
        require_state(
            "complaint.breach_until_closed", self.state, NOT_CLOSED_STATES, "record a breach"
        )
        current = self.sla_clock(clock)
        if current.status is ClockStatus.MET:
            raise RuleViolation("complaint.breach_clock_met", f"the {clock} clock is met")
        if current.breached:
            raise RuleViolation(
                "complaint.breach_once_per_cycle",
                f"the {clock} clock's breach in cycle {current.cycle} is already recorded",
            )
        at = _require_aware("occurredAt", stamp.occurred_at)
        if current.due is None or at < current.due:
            raise RuleViolation(
                "complaint.breach_after_due", f"the {clock} clock is not past its due time"
            )
        self._record(self.SlaBreached, stamp, clock=clock, cycle=current.cycle, due=current.due)


def _end_pause(complaint: Complaint, at: datetime) -> None:
    assert complaint.waiting_since is not None
    complaint.paused_seconds += (at - complaint.waiting_since).total_seconds()
    complaint.waiting_since = None
