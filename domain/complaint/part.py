"""What the parts of a complaint share: its state, and its SLA clocks and
escalation level as they stand, read from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from domain.base import AggregatePart
from domain.sla import Severity, SlaClock, SlaTerms
from domain.sla_clocks import SlaBreach, SlaClockState, clock_state


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


class NoteVisibility(StrEnum):
    INTERNAL = "internal"
    PUBLIC = "public"


@dataclass(frozen=True)
class RootCause:
    category: str
    analysis: str
    identified_at: datetime


OPEN_STATES = (
    ComplaintState.RECEIVED,
    ComplaintState.ACKNOWLEDGED,
    ComplaintState.IN_PROGRESS,
    ComplaintState.WAITING_ON_CLIENT,
    ComplaintState.REOPENED,
)
RESOLVABLE_STATES = OPEN_STATES[1:]
NOT_CLOSED_STATES = (*OPEN_STATES, ComplaintState.RESOLVED)


class ComplaintPart(AggregatePart):
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
    # Added with versioned SLA policies; the class values stand in for them in
    # snapshots taken before, as they do for complaints received before.
    sla: SlaTerms | None = None
    first_response_warning_at: datetime | None = None
    resolution_warning_at: datetime | None = None
    # The current cycle's due time once a reply moved it; None: `resolution_due`
    # pushed back by `paused_seconds`, as complaints received before reckoned it.
    moved_resolution_due: datetime | None = None
    warnings: tuple[tuple[SlaClock, int], ...] = ()  # (clock, cycle) warned of
    # Added with judgments: the levels the policy's rules escalated to, with when
    # (a back-dated fact may come before them), and the highest level people
    # escalated to; None in snapshots taken before, when every escalation
    # counted as a person's.
    rule_escalations: tuple[tuple[datetime, int], ...] = ()
    people_escalation_level: int | None = None

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
        """The current cycle's due time, moved by the waits on the client; None
        while waiting."""
        if self.waiting_since is not None:
            return None
        if self.moved_resolution_due is not None:
            return self.moved_resolution_due
        return self.resolution_due + timedelta(seconds=self.paused_seconds)

    @property
    def sla_clocks(self) -> tuple[SlaClockState, SlaClockState]:
        return self.sla_clock(SlaClock.FIRST_RESPONSE), self.sla_clock(SlaClock.RESOLUTION)

    def sla_clock(self, clock: SlaClock) -> SlaClockState:
        cycle, met_at, due, warning_at = (
            (
                1,
                self.first_responded_at,
                self.effective_first_response_due,
                self.first_response_warning_at,
            )
            if clock is SlaClock.FIRST_RESPONSE
            else (
                self.resolution_cycle,
                self.resolved_at,
                self.effective_resolution_due,
                self.resolution_warning_at,
            )
        )
        return clock_state(
            clock,
            cycle,
            met_at=met_at,
            due=due,
            warning_at=warning_at,
            breaches=self.breaches,
            warnings=self.warnings,
        )

    @property
    def level_escalated_by_people(self) -> int:
        if self.people_escalation_level is None:  # a snapshot taken before rules said so
            return self.escalation_level
        return self.people_escalation_level

    def escalation_level_at(self, at: datetime) -> int:
        """The level the complaint was at, at `at`: what people escalated to, and
        what the rules escalated to by then."""
        by_rules = (level for moment, level in self.rule_escalations if moment <= at)
        return max(self.level_escalated_by_people, max(by_rules, default=0))
