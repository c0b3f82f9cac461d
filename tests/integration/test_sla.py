"""SLA policies and calendars through the application, on SQLite and PostgreSQL:
versions that never rewrite a complaint's clocks, the default policy, the
what-if simulation, and the watchdog's ticks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from application.access import SYSTEM
from application.commands.complaint import (
    AcknowledgeComplaint,
    AssignComplaint,
    ResolveComplaint,
)
from application.commands.engagement import ChooseSlaPolicy
from application.commands.sla import (
    DefineBusinessCalendar,
    DefineSlaPolicy,
    EscalationRuleSpec,
    ReviseBusinessCalendar,
    ReviseSlaPolicy,
    SeverityTargetsSpec,
    WorkingHoursSpec,
)
from application.errors import InvalidValue, NotFound
from application.service import Rapport
from application.sla_simulation import simulate
from application.sla_watch import WATCHDOG, SlaWatchdog
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, Severity, SlaClock
from infrastructure.sla.schedule import SqlSlaSchedule
from interfaces.bootstrap import ViewRuntime
from tests.builders import open_engagement, receive_complaint, run
from tests.conftest import FakeClock

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
OFFICE = tuple(WorkingHoursSpec(day, "09:00", "17:00") for day in WEEKDAYS)
SEVERITIES = ("critical", "high", "medium", "low")


def targets(first: int, resolution: int) -> tuple[SeverityTargetsSpec, ...]:
    return tuple(SeverityTargetsSpec(s, first, resolution) for s in SEVERITIES)


def define_calendar(app: Rapport) -> UUID:
    calendar = DefineBusinessCalendar(name="Berlin", time_zone="Europe/Berlin", hours=OFFICE)
    return run(app, calendar).aggregate_id


def define_policy(app: Rapport, calendar_id: UUID | None = None, **rules: object) -> UUID:
    policy = DefineSlaPolicy(
        name="Gold",
        targets=targets(60, 480),
        calendar_id=calendar_id,
        **rules,  # type: ignore[arg-type]
    )
    return run(app, policy).aggregate_id


def clocks(app: Rapport, complaint_id: UUID) -> tuple[datetime | None, datetime | None]:
    complaint = app.get(complaint_id, Complaint)
    first, resolution = complaint.sla_clocks
    return first.due, resolution.due


# Versions


def test_a_revision_leaves_the_complaints_received_before_it_as_they_were(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    """Monday 2 March 2026, 09:00 UTC = 10:00 in Berlin."""
    engagement_id = open_engagement(app)
    calendar_id = define_calendar(app)
    policy_id = define_policy(app, calendar_id)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))
    before = receive_complaint(app, engagement_id)
    due_before = clocks(app, before)
    runtime.projector().catch_up()
    row_before = runtime.reader().reports(SYSTEM, "complaint_rows", [str(before)])

    faster = targets(30, 120)
    run(
        app,
        ReviseSlaPolicy(
            policy_id=policy_id, targets=faster, calendar_id=calendar_id, reason="Faster"
        ),
    )
    later_hours = (WorkingHoursSpec("monday", "10:00", "11:00"),)
    revise = ReviseBusinessCalendar(
        calendar_id=calendar_id, time_zone="UTC", hours=later_hours, reason="Shorter"
    )
    run(app, revise)
    after = receive_complaint(app, engagement_id)
    runtime.projector().catch_up()

    assert (
        clocks(app, before)
        == due_before
        == (
            datetime(2026, 3, 2, 10, tzinfo=UTC),  # one working hour
            datetime(2026, 3, 3, 9, tzinfo=UTC),  # 7 h on Monday, 1 h on Tuesday
        )
    )
    assert runtime.reader().reports(SYSTEM, "complaint_rows", [str(before)]) == row_before
    received = app.history(after)[0]
    assert isinstance(received, Complaint.Received) and received.sla is not None
    assert (received.sla.policy_version, received.sla.calendar_version) == (2, 2)
    assert clocks(app, after)[0] == datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def test_the_default_policy_is_the_built_in_one_until_revised(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    first = app.history(receive_complaint(app, engagement_id))[0]
    assert isinstance(first, Complaint.Received) and first.sla is not None
    assert (first.sla.policy_id, first.sla.policy_version) == (DEFAULT_POLICY_ID, 0)

    revise = ReviseSlaPolicy(
        policy_id=DEFAULT_POLICY_ID, targets=targets(30, 240), reason="Tighter"
    )
    result = run(app, revise)
    assert result.version == 2  # the built-in version stored, then the revision

    second = app.history(receive_complaint(app, engagement_id))[0]
    assert isinstance(second, Complaint.Received) and second.sla is not None
    assert second.sla.policy_version == 2
    assert second.resolution_due - second.occurred_at == timedelta(hours=4)


def test_choosing_an_unknown_policy_is_not_found(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    with pytest.raises(NotFound):
        run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=UUID(int=99)))


def test_a_policy_on_an_unknown_calendar_is_not_found(app: Rapport) -> None:
    with pytest.raises(NotFound):
        define_policy(app, UUID(int=98))


# The what-if simulation


def test_simulation_compares_compliance_under_another_policy_and_writes_nothing(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    start = clock.now()
    # Two high complaints under the default policy (4 h / 24 h, wall clock):
    # one answered in 3 hours (met), one in 5 hours (missed).
    answered = []
    for hours in (3, 5):
        complaint_id = receive_complaint(app, engagement_id, severity="high")
        clock.advance(hours=hours)
        run(app, AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="Hi"))
        answered.append(complaint_id)
    tight = define_policy(app)  # one hour to answer: both would have missed
    head = app.head()

    result = simulate(app, None, tight, start, clock.now())

    assert app.head() == head
    (high,) = result.by_severity
    assert (high.severity, high.complaints, result.policy_version) == (Severity.HIGH, 2, 1)
    actual, simulated = (
        high.actual[SlaClock.FIRST_RESPONSE],
        high.simulated[SlaClock.FIRST_RESPONSE],
    )
    assert (actual.met, actual.answered, actual.percent) == (1, 2, Decimal("50.00"))
    assert (simulated.met, simulated.answered, simulated.percent) == (0, 2, Decimal("0.00"))


def test_simulation_refuses_a_period_that_ends_before_it_starts_or_has_no_offset(
    app: Rapport, clock: FakeClock
) -> None:
    now = clock.now()
    with pytest.raises(InvalidValue, match="after"):
        simulate(app, None, DEFAULT_POLICY_ID, now, now - timedelta(days=1))
    with pytest.raises(InvalidValue, match="offset"):
        simulate(app, None, DEFAULT_POLICY_ID, now.replace(tzinfo=None), now)


# The watchdog


def watchdog(app: Rapport, runtime: ViewRuntime) -> SlaWatchdog:
    (rows,) = runtime.select(["complaint_rows"])
    return SlaWatchdog(app, SqlSlaSchedule(runtime.store, rows))


def test_a_tick_records_each_breach_once_and_escalates_by_the_policy(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    rule = EscalationRuleSpec(trigger="breach", clock="first_response", level=2)
    policy_id = define_policy(app, escalation_rules=(rule,))
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))
    late = receive_complaint(app, engagement_id)
    answered = receive_complaint(app, engagement_id)
    run(app, AcknowledgeComplaint(complaint_id=answered, agent="bo", message="Hi"))
    projector = runtime.projector()
    projector.catch_up()
    dog = watchdog(app, runtime)

    assert dog.tick().acted == 0  # nothing due yet
    clock.advance(minutes=61)
    projector.catch_up()
    first = dog.tick()
    projector.catch_up()
    again = dog.tick()

    assert (first.checked, first.acted, again.acted) == (1, 1, 0)
    events = [type(e).__name__ for e in app.history(late)]
    assert events == ["Received", "SlaBreached", "Escalated"]
    assert {e.actor for e in app.history(late)[1:]} == {WATCHDOG}


def test_a_tick_reads_only_what_came_due(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    complaints = [receive_complaint(app, engagement_id) for _ in range(3)]
    for complaint_id in complaints[:2]:
        run(app, AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="Hi"))
        run(app, AssignComplaint(complaint_id=complaint_id, agent="bo"))
        run(app, ResolveComplaint(complaint_id=complaint_id, resolution="Done"))
    runtime.projector().catch_up()
    (rows,) = runtime.select(["complaint_rows"])
    schedule = SqlSlaSchedule(runtime.store, rows)

    assert schedule.due_complaints(clock.now(), 10) == []
    due = schedule.due_complaints(clock.now() + timedelta(hours=5), 10)
    assert [d.complaint_id for d in due] == [complaints[2]]


def test_warnings_owed_at_night_wait_for_the_morning_without_hiding_what_is_owed_now(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    """Berlin office hours, 1 h to answer, 8 h to resolve, a warning at half.
    Monday 10:00 in Berlin: two complaints answered at once, their resolution
    warnings due at 14:00; at 15:00 a third, its answer due at 16:00. The
    watchdog first looks at 20:00 (it was down): the answer is breached at
    once; the two warnings wait for Tuesday 09:00. Pages of two: the two waiting
    complaints come first on the due list and must not hide the third."""
    engagement_id = open_engagement(app)
    policy_id = define_policy(app, define_calendar(app), warning_percent=50)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))
    waiting = [receive_complaint(app, engagement_id) for _ in range(2)]
    for complaint_id in waiting:
        run(app, AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="Hi"))
    clock.advance(hours=5)
    late = receive_complaint(app, engagement_id)
    clock.current = datetime(2026, 3, 2, 19, tzinfo=UTC)  # 20:00 in Berlin
    projector = runtime.projector()
    projector.catch_up()
    (rows,) = runtime.select(["complaint_rows"])
    dog = SlaWatchdog(app, SqlSlaSchedule(runtime.store, rows), batch=2)

    night = dog.tick()
    projector.catch_up()
    again = dog.tick()
    clock.current = datetime(2026, 3, 3, 8, 0, 1, tzinfo=UTC)  # Tuesday 09:00:01 in Berlin
    projector.catch_up()
    morning = dog.tick()

    assert (night.checked, night.acted) == (3, 1)
    assert (again.checked, again.acted) == (0, 0)  # nobody asked twice in the night
    assert (morning.checked, morning.acted) == (2, 2)  # the third's warning is at 11:00
    (breach,) = app.history(late)[1:]
    assert isinstance(breach, Complaint.SlaBreached)
    assert breach.occurred_at == datetime(2026, 3, 2, 19, tzinfo=UTC)
    for complaint_id in waiting:
        warning = app.history(complaint_id)[-1]
        assert isinstance(warning, Complaint.SlaWarningRaised)
        assert warning.occurred_at == clock.now()
