"""A complaint's lifecycle: acknowledged, assigned and escalated, waiting on
the client, resolved, reopened and closed. The facts that answer or pause a
clock have its judgments reviewed (`judgments`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_aware,
    require_choice,
    require_line,
    require_range,
    require_state,
    require_text,
)
from domain.complaint.judgments import JudgmentsPart
from domain.complaint.part import (
    NOT_CLOSED_STATES,
    OPEN_STATES,
    RESOLVABLE_STATES,
    ComplaintPart,
    ComplaintState,
    NoteVisibility,
    RootCause,
)
from domain.errors import InvalidValue, RuleViolation
from domain.sla import SlaClock
from domain.sla_clocks import ClockEnd, new_cycle, resumed, review


class LifecyclePart(JudgmentsPart):
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
        current = self.sla_clock(SlaClock.FIRST_RESPONSE)
        found = review(current, require_aware("occurredAt", stamp.occurred_at), ClockEnd.ANSWERED)
        self._record(
            self.Acknowledged,
            stamp,
            agent=require_line("agent", agent),
            message=require_text("message", message),
        )
        self._record_review(current, found, stamp)

    class Assigned(EventSourcedAggregate.Event):
        agent: str

        def apply(self, complaint: Any) -> None:
            complaint.assignee = self.agent
            if complaint.state in (ComplaintState.ACKNOWLEDGED, ComplaintState.REOPENED):
                complaint.state = ComplaintState.IN_PROGRESS

    def assign(self, *, agent: str, stamp: Stamp) -> None:
        """Assign an agent; work starts when the complaint is acknowledged or reopened."""
        require_state("complaint.assign_while_open", self.state, OPEN_STATES, "assign a complaint")
        self._record(self.Assigned, stamp, agent=require_line("agent", agent))

    def escalate(self, *, level: int, reason: str, stamp: Stamp) -> None:
        """Escalate to a higher level than the complaint was at when this happened."""
        require_state("complaint.escalate_while_open", self.state, OPEN_STATES, "escalate")
        level = require_range("level", level, 1, 5)
        current = self.escalation_level_at(require_aware("occurredAt", stamp.occurred_at))
        if level <= current:
            raise RuleViolation(
                "complaint.escalate_upward",
                f"cannot escalate to level {level}: already at level {current}",
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
        current = self.sla_clock(SlaClock.RESOLUTION)
        found = review(current, require_aware("occurredAt", stamp.occurred_at), ClockEnd.PAUSED)
        self._record(self.WaitingOnClient, stamp, reason=require_text("reason", reason))
        self._record_review(current, found, stamp)

    class ClientReplied(EventSourcedAggregate.Event):
        message: str
        # Where the reply moved the resolution clock's due and warning times.
        # None in events recorded before replies said so: the due time was then
        # pushed back by the wall-clock time waited.
        resolution_due: datetime | None = None
        resolution_warning_at: datetime | None = None

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.IN_PROGRESS
            _end_pause(complaint, self.occurred_at)
            if self.resolution_due is not None:
                complaint.moved_resolution_due = self.resolution_due
                complaint.resolution_warning_at = self.resolution_warning_at

    def client_replied(self, *, message: str, stamp: Stamp) -> None:
        """The client answers: the resolution clock runs again with what was left of it."""
        require_state(
            "complaint.reply_when_waiting",
            self.state,
            (ComplaintState.WAITING_ON_CLIENT,),
            "record a client reply",
        )
        paused_at = self.waiting_since
        assert paused_at is not None  # waiting on the client
        replied_at = require_aware("occurredAt", stamp.occurred_at)
        due = self.resolution_due + timedelta(seconds=self.paused_seconds)
        due = self.moved_resolution_due or due
        warning = self.resolution_warning_at
        if (SlaClock.RESOLUTION, self.resolution_cycle) in self.warnings:
            warning = None  # given already
        new_due, new_warning = resumed(self.sla, due, warning, paused_at, replied_at)
        self._record(
            self.ClientReplied,
            stamp,
            message=optional_text("message", message),
            resolution_due=new_due,
            resolution_warning_at=new_warning,
        )

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
            category=require_line("category", category),
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
        # Resolved while waiting on the client: the wait already reviewed the clock.
        current = self.sla_clock(SlaClock.RESOLUTION)
        found = review(current, require_aware("occurredAt", stamp.occurred_at), ClockEnd.ANSWERED)
        self._record(
            self.Resolved,
            stamp,
            resolution=require_text("resolution", resolution),
            corrective_action=optional_text("correctiveAction", corrective_action),
        )
        self._record_review(current, found, stamp)

    class Reopened(EventSourcedAggregate.Event):
        reason: str
        # The new cycle's due and warning times; None in events recorded before
        # reopens said so: the cycle then ran the first cycle's wall-clock length.
        resolution_due: datetime | None = None
        resolution_warning_at: datetime | None = None

        def apply(self, complaint: Any) -> None:
            complaint.state = ComplaintState.REOPENED
            complaint.reopens += 1
            complaint.resolution_cycle += 1
            target = timedelta(seconds=complaint.resolution_target_seconds)
            complaint.resolution_due = self.resolution_due or self.occurred_at + target
            complaint.moved_resolution_due = None
            complaint.resolution_warning_at = self.resolution_warning_at
            complaint.paused_seconds = 0.0
            complaint.resolved_at = None

    def reopen(self, *, reason: str, stamp: Stamp) -> None:
        """Reopen a resolved complaint, starting a new resolution clock of the same length."""
        require_state(
            "complaint.reopen_when_resolved", self.state, (ComplaintState.RESOLVED,), "reopen"
        )
        at = require_aware("occurredAt", stamp.occurred_at)
        due, warning = new_cycle(self.sla, self.resolution_target_seconds, at)
        self._record(
            self.Reopened,
            stamp,
            reason=require_text("reason", reason),
            resolution_due=due,
            resolution_warning_at=warning,
        )

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


def _end_pause(complaint: ComplaintPart, at: datetime) -> None:
    assert complaint.waiting_since is not None
    complaint.paused_seconds += (at - complaint.waiting_since).total_seconds()
    complaint.waiting_since = None
