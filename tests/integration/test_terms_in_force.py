"""A complaint is held to the SLA terms in force when it was received in the
business (its occurred time), also when it is recorded later: the policy its
engagement followed then, that policy's version then, and its calendar's
version then. On SQLite and PostgreSQL.

The clock starts on Monday 2 March 2026, 09:00 UTC (10:00 in Berlin); each test
revises something on Tuesday and then records a complaint received on Monday."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from application.commands.complaint import ReceiveComplaint
from application.commands.engagement import ChooseSlaPolicy
from application.commands.sla import (
    DefineBusinessCalendar,
    DefineSlaPolicy,
    ReviseBusinessCalendar,
    ReviseSlaPolicy,
    WorkingHoursSpec,
)
from application.service import Rapport
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, SlaTerms
from tests.builders import open_engagement, run
from tests.conftest import FakeClock
from tests.integration.test_sla import OFFICE, targets

MONDAY_NOON = datetime(2026, 3, 2, 12, tzinfo=UTC)  # 13:00 in Berlin


def receive(app: Rapport, engagement_id: UUID, occurred_at: datetime | None = None) -> Complaint:
    command = ReceiveComplaint(
        engagement_id=engagement_id,
        channel="phone",
        severity="high",
        category="billing",
        description="Charged twice",
    )
    result = run(app, command, occurred_at=occurred_at)
    return app.get(result.aggregate_id, Complaint)


def terms(complaint: Complaint) -> SlaTerms:
    assert complaint.sla is not None
    return complaint.sla


def define_policy(
    app: Rapport, first: int, resolution: int, calendar_id: UUID | None = None
) -> UUID:
    policy = DefineSlaPolicy(
        name="Gold", targets=targets(first, resolution), calendar_id=calendar_id
    )
    return run(app, policy).aggregate_id


def revise_policy(app: Rapport, policy_id: UUID, first: int, resolution: int) -> None:
    revise = ReviseSlaPolicy(
        policy_id=policy_id, targets=targets(first, resolution), reason="Faster"
    )
    run(app, revise)


def test_a_complaint_back_dated_before_a_policy_revision_is_held_to_the_version_then(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    policy_id = define_policy(app, 60, 480)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))
    clock.advance(days=1)
    revise_policy(app, policy_id, 30, 120)

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)
    today = receive(app, engagement_id)

    assert (terms(back_filled).policy_id, terms(back_filled).policy_version) == (policy_id, 1)
    assert back_filled.first_response_due == MONDAY_NOON + timedelta(minutes=60)
    assert back_filled.resolution_due == MONDAY_NOON + timedelta(minutes=480)
    assert terms(today).policy_version == 2
    assert today.first_response_due == clock.now() + timedelta(minutes=30)


def test_a_complaint_back_dated_before_a_calendar_revision_is_held_to_the_calendar_then(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    define = DefineBusinessCalendar(name="Berlin", time_zone="Europe/Berlin", hours=OFFICE)
    calendar_id = run(app, define).aggregate_id
    policy_id = define_policy(app, 60, 480, calendar_id)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))
    clock.advance(days=1)
    mornings = tuple(WorkingHoursSpec(h.day, "09:00", "10:00") for h in OFFICE)
    revise = ReviseBusinessCalendar(
        calendar_id=calendar_id, time_zone="Europe/Berlin", hours=mornings, reason="Mornings"
    )
    run(app, revise)

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)
    today = receive(app, engagement_id)

    assert (terms(back_filled).calendar_id, terms(back_filled).calendar_version) == (
        calendar_id,
        1,
    )
    assert terms(back_filled).policy_version == 1
    # An hour of Monday's office hours: 13:00 to 14:00 in Berlin.
    assert back_filled.first_response_due == MONDAY_NOON + timedelta(hours=1)
    assert terms(today).calendar_version == 2
    # Tuesday 10:00 in Berlin is the end of the mornings' hour: Wednesday 10:00.
    assert today.first_response_due == datetime(2026, 3, 4, 9, tzinfo=UTC)


def test_a_complaint_back_dated_before_its_engagement_chose_a_policy_follows_the_default(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    clock.advance(days=1)
    policy_id = define_policy(app, 60, 480)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)

    assert (terms(back_filled).policy_id, terms(back_filled).policy_version) == (
        DEFAULT_POLICY_ID,
        0,
    )
    assert back_filled.first_response_due == MONDAY_NOON + timedelta(hours=4)  # high: 4 h
    assert terms(receive(app, engagement_id)).policy_id == policy_id


def test_a_complaint_back_dated_before_the_default_was_revised_gets_the_built_in_targets(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    clock.advance(days=1)
    revise_policy(app, DEFAULT_POLICY_ID, 30, 120)

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)

    assert (terms(back_filled).policy_id, terms(back_filled).policy_version) == (
        DEFAULT_POLICY_ID,
        0,
    )
    assert back_filled.resolution_due == MONDAY_NOON + timedelta(hours=24)  # high: 24 h
    assert terms(receive(app, engagement_id)).policy_version == 2


def test_a_policy_chosen_for_a_time_before_it_was_defined_holds_its_first_version(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    clock.advance(days=1)
    policy_id = define_policy(app, 60, 480)
    revise_policy(app, policy_id, 30, 120)
    chosen_on_monday = MONDAY_NOON - timedelta(hours=1)
    choose = ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id)
    run(app, choose, occurred_at=chosen_on_monday)

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)

    assert (terms(back_filled).policy_id, terms(back_filled).policy_version) == (policy_id, 1)
    assert back_filled.first_response_due == MONDAY_NOON + timedelta(minutes=60)


def test_a_complaint_back_dated_before_its_engagement_was_opened_follows_the_default(
    app: Rapport, clock: FakeClock
) -> None:
    clock.advance(days=1)
    engagement_id = open_engagement(app)
    policy_id = define_policy(app, 60, 480)
    run(app, ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id))

    back_filled = receive(app, engagement_id, occurred_at=MONDAY_NOON)

    assert (terms(back_filled).policy_id, terms(back_filled).policy_version) == (
        DEFAULT_POLICY_ID,
        0,
    )
