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
    require_aware,
    require_choice,
    require_line,
    require_range,
    require_state,
    require_text,
)
from domain.errors import InvalidValue, RuleViolation
from domain.sla import Severity, SlaClock, SlaTerms, SlaTrigger
from domain.sla_clocks import ClockEnd, ClockStatus, Review, SlaBreach, SlaClockState, review


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
        status = ClockStatus.RUNNING
        if met_at is not None:
            status = ClockStatus.MET
        elif due is None:
            status = ClockStatus.PAUSED
            warning_at = None
        breached = any(b.clock == clock and b.cycle == cycle for b in self.breaches)
        warned = (clock, cycle) in self.warnings
        return SlaClockState(clock, cycle, status, due, met_at, breached, warning_at, warned)

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

    class Escalated(EventSourcedAggregate.Event):
        level: int
        reason: str
        # What made the policy's rules escalate; None when a person escalated
        # (and in every event recorded before rules said so).
        trigger: SlaTrigger | None = None

        @property
        def is_judgment(self) -> bool:
            return self.trigger is not None

        def apply(self, complaint: Any) -> None:
            if self.trigger is None:
                complaint.people_escalation_level = self.level
            else:
                complaint.people_escalation_level = complaint.level_escalated_by_people
                escalation = (self.occurred_at, self.level)
                complaint.rule_escalations = (*complaint.rule_escalations, escalation)
            # A person's escalation back-dated before a rule's leaves the higher level.
            complaint.escalation_level = max(complaint.escalation_level, self.level)

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
        if self.sla is None:  # wall-clock time, as before policies had versions
            waited = replied_at - paused_at
            new_due, new_warning = due + waited, None
        else:
            new_due = self.sla.resumed(due, paused_at, replied_at)
            new_warning = (
                None if warning is None else self.sla.resumed(warning, paused_at, replied_at)
            )
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
        if self.sla is None:
            due, warning = at + timedelta(seconds=self.resolution_target_seconds), None
        else:
            due = self.sla.due(at, SlaClock.RESOLUTION)
            warning = self.sla.warning(at, SlaClock.RESOLUTION)
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

    class SlaBreached(EventSourcedAggregate.Judgment):
        clock: SlaClock
        cycle: int
        due: datetime

        def apply(self, complaint: Any) -> None:
            breach = SlaBreach(self.clock, self.cycle, self.due, self.occurred_at)
            complaint.breaches.append(breach)

    class SlaWarningRaised(EventSourcedAggregate.Judgment):
        clock: SlaClock
        cycle: int
        due: datetime

        def apply(self, complaint: Any) -> None:
            complaint.warnings = (*complaint.warnings, (self.clock, self.cycle))

    class SlaBreachWithdrawn(EventSourcedAggregate.Judgment):
        """A fact recorded after the breach showed the clock answered by its due
        time, or paused before it: the breach no longer stands, and the clock
        may be breached again in the same cycle. The breach stays in the log."""

        clock: SlaClock
        cycle: int
        due: datetime  # the withdrawn breach's
        noticed_at: datetime  # the withdrawn breach's occurred time
        reason: str

        def apply(self, complaint: Any) -> None:
            withdrawn = (self.clock, self.cycle)
            complaint.breaches = [b for b in complaint.breaches if (b.clock, b.cycle) != withdrawn]

    class SlaWarningWithdrawn(EventSourcedAggregate.Judgment):
        """A fact recorded after the warning showed the clock answered, or
        paused, before its warning time: the warning no longer stands."""

        clock: SlaClock
        cycle: int
        reason: str

        def apply(self, complaint: Any) -> None:
            withdrawn = (self.clock, self.cycle)
            complaint.warnings = tuple(w for w in complaint.warnings if w != withdrawn)

    def _record_review(self, current: SlaClockState, found: Review, stamp: Stamp) -> None:
        """Record, after the fact that ended `current`'s run, what reviewing the
        clock's judgments found."""
        clock, cycle = current.clock, current.cycle
        if found.withdraw_breach:
            breach = next(b for b in self.breaches if (b.clock, b.cycle) == (clock, cycle))
            self._record(
                self.SlaBreachWithdrawn,
                stamp,
                clock=clock,
                cycle=cycle,
                due=breach.due,
                noticed_at=breach.noticed_at,
                reason=found.withdraw_breach,
            )
        if found.missed:
            assert current.due is not None  # it was running
            self._record(self.SlaBreached, stamp, clock=clock, cycle=cycle, due=current.due)
        if found.withdraw_warning:
            self._record(
                self.SlaWarningWithdrawn,
                stamp,
                clock=clock,
                cycle=cycle,
                reason=found.withdraw_warning,
            )

    def watch_sla(self, *, stamp: Stamp) -> None:
        """Record what the SLA clocks owe at the stamp's time: a breach of each
        clock past its due time, a warning of each past its warning time but not
        yet due (in working time only: one owed at night waits for the morning),
        and the escalations the terms' rules call for on them. Records nothing
        when nothing is owed, and nothing once closed."""
        if self.state not in NOT_CLOSED_STATES:
            return
        at = require_aware("occurredAt", stamp.occurred_at)
        for clock in SlaClock:
            current = self.sla_clock(clock)
            if current.status is not ClockStatus.RUNNING or current.due is None:
                continue
            if at >= current.due and not current.breached:
                self.record_sla_breach(clock=clock, stamp=stamp)
                self._escalate_on(SlaTrigger.BREACH, clock, stamp)
            elif _warning_owed(current, at) and self._working(at):
                self.record_sla_warning(clock=clock, stamp=stamp)
                self._escalate_on(SlaTrigger.WARNING, clock, stamp)

    def next_sla_watch(self, at: datetime) -> datetime | None:
        """The earliest moment from `at` on at which `watch_sla` would record
        something: a due time or a warning time, a warning owed outside working
        time at the next start of work; None when the clocks owe nothing more."""
        if self.state not in NOT_CLOSED_STATES:
            return None
        moments: list[datetime] = []
        for current in self.sla_clocks:
            if current.status is not ClockStatus.RUNNING or current.due is None:
                continue
            if not current.breached:
                moments.append(max(current.due, at))
            warning = current.warning_at
            if warning is not None and _warning_owed(current, max(warning, at)):
                moments.append(self._next_working(max(warning, at)))
        return min(moments, default=None)

    def _working(self, at: datetime) -> bool:
        return self._next_working(at) == at

    def _next_working(self, at: datetime) -> datetime:
        calendar = None if self.sla is None else self.sla.calendar
        return at if calendar is None else calendar.next_working(at)

    def _escalate_on(self, trigger: SlaTrigger, clock: SlaClock, stamp: Stamp) -> None:
        level = (
            None if self.sla is None else self.sla.escalation_level(trigger, clock, self.severity)
        )
        if level is not None and level > self.escalation_level:
            reason = f"SLA {trigger.value} of the {clock.value.replace('_', ' ')} clock"
            self._record(self.Escalated, stamp, level=level, reason=reason, trigger=trigger)

    def record_sla_warning(self, *, clock: SlaClock | str, stamp: Stamp) -> None:
        """Record that a clock used up its policy's warning share of its target
        and is not yet due; one warning of a clock and cycle stands at a time."""
        clock = require_choice("clock", clock, SlaClock)
        require_state(
            "complaint.warning_until_closed", self.state, NOT_CLOSED_STATES, "record a warning"
        )
        current = self.sla_clock(clock)
        _require_running(clock, current)
        if current.warned:
            raise RuleViolation(
                "complaint.warning_once_per_cycle",
                f"the {clock} clock's warning in cycle {current.cycle} is already recorded",
            )
        at = require_aware("occurredAt", stamp.occurred_at)
        assert current.due is not None  # running
        if current.warning_at is None or at < current.warning_at or at >= current.due:
            raise RuleViolation(
                "complaint.warning_before_due",
                f"the {clock} clock is not between its warning and its due time",
            )
        if not self._working(at):
            raise RuleViolation(
                "complaint.warning_in_working_time",
                "a warning is raised in the calendar's working time, not at night or on a holiday",
            )
        self._record(
            self.SlaWarningRaised, stamp, clock=clock, cycle=current.cycle, due=current.due
        )

    def record_sla_breach(self, *, clock: SlaClock | str, stamp: Stamp) -> None:
        """Record that a clock passed its due time unmet; one breach of a clock and
        cycle stands at a time."""
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
                f"the {clock} clock's breach in cycle {current.cycle} already stands",
            )
        at = require_aware("occurredAt", stamp.occurred_at)
        if current.due is None or at < current.due:
            raise RuleViolation(
                "complaint.breach_after_due", f"the {clock} clock is not past its due time"
            )
        self._record(self.SlaBreached, stamp, clock=clock, cycle=current.cycle, due=current.due)


def _warning_owed(clock: SlaClockState, at: datetime) -> bool:
    warning, due = clock.warning_at, clock.due
    return not clock.warned and warning is not None and due is not None and warning <= at < due


def _require_running(clock: SlaClock, current: SlaClockState) -> None:
    if current.status is ClockStatus.MET:
        raise RuleViolation("complaint.sla_clock_running", f"the {clock} clock is met")
    if current.due is None:
        raise RuleViolation(
            "complaint.sla_clock_running", f"the {clock} clock is paused (waiting on the client)"
        )


def _end_pause(complaint: Complaint, at: datetime) -> None:
    assert complaint.waiting_since is not None
    complaint.paused_seconds += (at - complaint.waiting_since).total_seconds()
    complaint.waiting_since = None
