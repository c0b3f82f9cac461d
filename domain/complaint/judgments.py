"""The SLA watchdog's judgments of a complaint's clocks: breaches, warnings,
the escalations the policy's rules call for, and their withdrawals when a
later-recorded fact shows them wrong. The reckoning is `domain.sla_clocks`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from domain.base import EventSourcedAggregate, Stamp, require_aware, require_choice, require_state
from domain.complaint.part import NOT_CLOSED_STATES, ComplaintPart
from domain.sla import SlaClock, SlaTrigger
from domain.sla_clocks import (
    ClockStatus,
    Review,
    SlaBreach,
    SlaClockState,
    next_watch,
    require_breach_owed,
    require_warning_owed,
    warning_owed,
)


class JudgmentsPart(ComplaintPart):
    # Recorded by a person (`escalate`, in `lifecycle`), or by the policy's rules
    # on a breach or a warning: then a judgment.
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
            elif warning_owed(current, at) and self._working(at):
                self.record_sla_warning(clock=clock, stamp=stamp)
                self._escalate_on(SlaTrigger.WARNING, clock, stamp)

    def next_sla_watch(self, at: datetime) -> datetime | None:
        """The earliest moment from `at` on at which `watch_sla` would record
        something: a due time or a warning time, a warning owed outside working
        time at the next start of work; None when the clocks owe nothing more."""
        if self.state not in NOT_CLOSED_STATES:
            return None
        return next_watch(self.sla_clocks, at, self._next_working)

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
        at = require_aware("occurredAt", stamp.occurred_at)
        require_warning_owed(current, at, working=self._working(at))
        assert current.due is not None  # running
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
        require_breach_owed(current, require_aware("occurredAt", stamp.occurred_at))
        assert current.due is not None  # past it
        self._record(self.SlaBreached, stamp, clock=clock, cycle=current.cycle, due=current.due)
