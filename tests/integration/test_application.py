"""The application on a real event store: commands, queries, time travel, idempotency."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from application.commands.complaint import AcknowledgeComplaint, ResolveComplaint
from application.commands.engagement import (
    CloseEngagement,
    PlanMilestone,
    RecordCost,
    ReviseBudget,
)
from application.commands.requirement import (
    AcceptRequirement,
    AddAcceptanceCriterion,
    ConfirmRequirement,
    DeliverRequirement,
    StartRequirement,
)
from application.errors import (
    ConcurrencyConflict,
    IdempotencyKeyReused,
    InvalidValue,
    NotFound,
    RuleViolation,
)
from application.ports import TimeAxis
from application.service import Rapport
from domain.complaint import Complaint
from domain.engagement import Engagement, EngagementState
from domain.requirement import Requirement
from tests.builders import (
    capture_requirement,
    identify_risk,
    open_engagement,
    receive_complaint,
    run,
    unknown_id,
)
from tests.conftest import FakeClock


def cost(engagement_id, amount: str = "1000.00") -> RecordCost:  # type: ignore[no-untyped-def]
    return RecordCost(
        engagement_id=engagement_id,
        amount=Decimal(amount),
        category="labour",
        incurred_on=date(2026, 3, 1),
        note="Week 1 agents",
    )


def test_costs_are_kept_as_exact_decimals_through_the_store(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    run(app, cost(engagement_id, "0.10"))
    run(app, cost(engagement_id, "0.20"))

    engagement = app.get(engagement_id, Engagement)

    assert engagement.total_cost == Decimal("0.30")
    assert engagement.state is EngagementState.ACTIVE
    event = app.history(engagement_id)[-1]
    assert event.amount == Decimal("0.20")  # type: ignore[attr-defined]
    assert event.actor == "ana@rapport.test"  # type: ignore[attr-defined]


def test_snapshots_rebuild_the_same_state_as_the_full_history(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    for week in range(12):  # the fixture snapshots every 5 events
        run(app, cost(engagement_id, f"{100 + week}.50"))

    loaded = app.get(engagement_id, Engagement)
    folded = None
    for event in app.history(engagement_id):
        folded = event.mutate(folded)  # type: ignore[attr-defined]

    assert app.snapshots is not None
    assert list(app.snapshots.get(engagement_id))
    assert vars(loaded) == vars(folded)


def test_state_at_a_version_equals_the_fold_of_the_first_events(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    for amount in ("10", "20", "30", "40", "50", "60"):
        run(app, cost(engagement_id, amount))
    events = app.history(engagement_id)

    for version in range(1, len(events) + 1):
        folded = None
        for event in events[:version]:
            folded = event.mutate(folded)  # type: ignore[attr-defined]
        assert vars(app.get(engagement_id, version=version)) == vars(folded)


def test_state_as_known_at_a_time_uses_recorded_time(app: Rapport, clock: FakeClock) -> None:
    engagement_id = open_engagement(app)
    clock.advance(days=1)
    run(app, cost(engagement_id, "100"))
    known_then = clock.now()
    clock.advance(days=1)
    run(app, cost(engagement_id, "200"))

    then = app.get_at(engagement_id, known_then, TimeAxis.RECORDED, Engagement)

    assert then.total_cost == Decimal("100")
    assert app.get(engagement_id, Engagement).total_cost == Decimal("300")


def test_state_as_it_was_at_a_time_uses_occurred_time(app: Rapport, clock: FakeClock) -> None:
    engagement_id = open_engagement(app)
    clock.advance(days=3)
    late = clock.now() - timedelta(days=1)  # logged a day after it happened
    run(app, cost(engagement_id, "100"), occurred_at=late)

    before = app.get_at(engagement_id, late - timedelta(seconds=1), TimeAxis.OCCURRED, Engagement)
    after = app.get_at(engagement_id, late, TimeAxis.OCCURRED, Engagement)
    known = app.get_at(engagement_id, late, TimeAxis.RECORDED, Engagement)

    assert before.total_cost == 0
    assert after.total_cost == Decimal("100")
    assert known.total_cost == 0  # recorded only two days later


def test_a_time_before_the_aggregate_existed_is_not_found(app: Rapport, clock: FakeClock) -> None:
    engagement_id = open_engagement(app)
    with pytest.raises(NotFound):
        app.get_at(engagement_id, clock.now() - timedelta(days=1))


def test_occurred_at_in_the_future_is_refused_and_writes_nothing(
    app: Rapport, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    head = app.head()
    with pytest.raises(InvalidValue, match="future"):
        run(app, cost(engagement_id), occurred_at=clock.now() + timedelta(minutes=1))
    assert app.head() == head


def test_occurred_at_before_the_previous_event_is_refused(app: Rapport, clock: FakeClock) -> None:
    engagement_id = open_engagement(app)
    head = app.head()
    with pytest.raises(RuleViolation) as refused:
        run(app, cost(engagement_id), occurred_at=clock.now() - timedelta(days=1))
    assert refused.value.rule == "event.occurred_in_order"
    assert app.head() == head


@pytest.mark.parametrize("create", [receive_complaint, capture_requirement, identify_risk])
def test_children_are_refused_for_an_unknown_engagement(app: Rapport, create) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="engagement"):
        create(app, unknown_id())
    assert app.head() == 0


@pytest.mark.parametrize("create", [receive_complaint, capture_requirement, identify_risk])
def test_children_are_refused_for_a_closed_engagement(app: Rapport, create) -> None:  # type: ignore[no-untyped-def]
    engagement_id = open_engagement(app)
    run(app, CloseEngagement(engagement_id=engagement_id, outcome="Delivered"))
    head = app.head()
    with pytest.raises(RuleViolation) as refused:
        create(app, engagement_id)
    assert refused.value.rule == "engagement.open_for_work"
    assert app.head() == head


def test_complaint_due_times_come_from_the_sla_policy(app: Rapport, clock: FakeClock) -> None:
    engagement_id = open_engagement(app)
    complaint_id = receive_complaint(app, engagement_id, severity="critical")

    complaint = app.get(complaint_id, Complaint)

    assert complaint.first_response_due == clock.now() + timedelta(hours=1)
    assert complaint.resolution_due == clock.now() + timedelta(hours=8)


def test_closing_is_refused_while_complaints_are_open_and_musts_unaccepted(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    complaint_id = receive_complaint(app, engagement_id)
    must_id = capture_requirement(app, engagement_id, priority="must")
    capture_requirement(app, engagement_id, priority="could")

    with pytest.raises(RuleViolation) as refused:
        run(app, CloseEngagement(engagement_id=engagement_id, outcome="Delivered"))

    assert set(refused.value.subjects) == {str(complaint_id), str(must_id)}
    assert str(complaint_id) in str(refused.value)


def test_closing_succeeds_once_blockers_are_cleared(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    complaint_id = receive_complaint(app, engagement_id)
    run(app, AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="On it"))
    run(app, ResolveComplaint(complaint_id=complaint_id, resolution="Refunded"))
    must_id = capture_requirement(app, engagement_id)
    run(app, AddAcceptanceCriterion(requirement_id=must_id, text="Return starts online"))
    criterion = app.get(must_id, Requirement).criteria[0].id
    run(app, ConfirmRequirement(requirement_id=must_id, confirmed_by="client"))
    run(app, StartRequirement(requirement_id=must_id))
    run(app, DeliverRequirement(requirement_id=must_id, evidence="Release 1.2"))
    run(
        app,
        AcceptRequirement(
            requirement_id=must_id, accepted_by="client", met_criterion_ids=(criterion,)
        ),
    )

    run(app, CloseEngagement(engagement_id=engagement_id, outcome="Delivered"))

    assert app.get(engagement_id, Engagement).state is EngagementState.CLOSED


def test_closing_can_be_forced_with_a_reason(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    receive_complaint(app, engagement_id)
    run(
        app,
        CloseEngagement(
            engagement_id=engagement_id,
            outcome="Cancelled",
            force_reason="Client ended the contract",
        ),
    )
    assert app.get(engagement_id, Engagement).state is EngagementState.CLOSED


def test_a_command_on_the_wrong_kind_of_aggregate_is_not_found(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    complaint_id = receive_complaint(app, engagement_id)
    head = app.head()
    with pytest.raises(NotFound, match="engagement"):
        run(app, cost(complaint_id))
    assert app.head() == head


def test_an_expected_version_that_is_stale_is_a_conflict(app: Rapport) -> None:
    engagement_id = open_engagement(app)  # opened and started: version 2
    run(app, cost(engagement_id), expected_version=2)
    head = app.head()
    with pytest.raises(ConcurrencyConflict) as conflict:
        run(app, cost(engagement_id), expected_version=2)
    assert (conflict.value.expected, conflict.value.actual) == (2, 3)
    assert app.head() == head


def test_a_repeated_idempotency_key_returns_the_first_result(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    first = run(app, cost(engagement_id), idempotency_key="cost-1")
    head = app.head()

    again = [run(app, cost(engagement_id), idempotency_key="cost-1") for _ in range(9)]

    assert app.head() == head
    assert {(r.aggregate_id, r.version) for r in again} == {(first.aggregate_id, first.version)}
    assert all(r.replayed for r in again)


def test_an_idempotency_key_reused_for_another_command_is_refused(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    run(app, cost(engagement_id, "1"), idempotency_key="k")
    head = app.head()
    with pytest.raises(IdempotencyKeyReused):
        run(app, cost(engagement_id, "2"), idempotency_key="k")
    assert app.head() == head


def test_an_idempotent_open_creates_one_engagement(app: Rapport) -> None:
    engagement_id = open_engagement(app, start=False)
    command = ReviseBudget(engagement_id=engagement_id, new_budget=Decimal("1"), reason="cut")
    results = {run(app, command, idempotency_key="rev").version for _ in range(3)}
    assert results == {2}
    assert len(app.history(engagement_id)) == 2


def test_children_are_listed_per_engagement(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    other_id = open_engagement(app)
    complaint_id = receive_complaint(app, engagement_id)
    receive_complaint(app, other_id)
    run(
        app,
        PlanMilestone(
            engagement_id=engagement_id, name="Go-live", due_on=date(2026, 5, 1), weight=Decimal(1)
        ),
    )

    assert [c.id for c in app.children(engagement_id, "complaint")] == [complaint_id]
    assert app.kind(complaint_id) == "complaint"
    with pytest.raises(NotFound):
        app.kind(unknown_id())


def test_a_command_returns_the_ids_it_created_also_when_replayed(app: Rapport) -> None:
    engagement_id = open_engagement(app)
    milestone = PlanMilestone(
        engagement_id=engagement_id, name="Go-live", due_on=date(2026, 5, 1), weight=Decimal(1)
    )

    first = run(app, milestone, idempotency_key="go-live")
    again = run(app, milestone, idempotency_key="go-live")

    (milestone_id,) = first.created_ids
    assert milestone_id in app.get(engagement_id, Engagement).milestones
    assert again.created_ids == first.created_ids
    assert again.replayed
