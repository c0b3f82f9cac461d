from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.base import Stamp
from domain.engagement import (
    ActionItem,
    CommunicationPlan,
    CostCategory,
    Engagement,
    EngagementState,
    Member,
    MemberRole,
    Milestone,
    Objective,
    Rag,
)
from domain.errors import InvalidValue, RuleViolation

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
RECORDED = T0 + timedelta(days=30)
OBJECTIVE = UUID("00000000-0000-0000-0000-00000000000a")
MILESTONE = UUID("00000000-0000-0000-0000-00000000000b")
COMPLAINT = UUID("00000000-0000-0000-0000-00000000000c")
MUST = UUID("00000000-0000-0000-0000-00000000000d")

Command = Callable[[Engagement, Stamp], None]


def stamp_at(minutes: int, actor: str = "alice") -> Stamp:
    return Stamp(actor=actor, occurred_at=T0 + timedelta(minutes=minutes), recorded_at=RECORDED)


@pytest.fixture
def stamp() -> Stamp:
    return stamp_at(0)


@pytest.fixture
def later() -> Stamp:
    return stamp_at(60)


def open_engagement(stamp: Stamp, **overrides: Any) -> Engagement:
    fields: dict[str, Any] = {
        "id": uuid4(),
        "client_id": uuid4(),
        "client_name": "Acme",
        "title": "After-sales support 2024",
        "objectives": ["Answer every ticket within a day"],
        "planned_start": date(2024, 3, 1),
        "planned_end": date(2024, 6, 30),
        "budget": Decimal("10000.00"),
        "currency": "EUR",
        "owner": "alice",
    }
    fields.update(overrides)
    return Engagement.open(**fields, stamp=stamp)


@pytest.fixture
def planned(stamp: Stamp) -> Engagement:
    return open_engagement(stamp)


@pytest.fixture
def active(planned: Engagement, stamp: Stamp) -> Engagement:
    planned.start(stamp=stamp)
    return planned


@pytest.fixture
def on_hold(active: Engagement, stamp: Stamp) -> Engagement:
    active.put_on_hold(reason="Client reorganising", stamp=stamp)
    return active


@pytest.fixture
def closed(active: Engagement, stamp: Stamp) -> Engagement:
    furnish(active, stamp)
    close(active, stamp)
    return active


@pytest.fixture
def archived(closed: Engagement, stamp: Stamp) -> Engagement:
    closed.archive(stamp=stamp)
    return closed


def close(engagement: Engagement, stamp: Stamp, **overrides: Any) -> None:
    fields: dict[str, Any] = {
        "outcome": "Delivered",
        "evaluation": "Went well",
        "lessons_learned": ["Start surveys earlier"],
        "open_complaint_ids": [],
        "unaccepted_must_ids": [],
    }
    fields.update(overrides)
    engagement.close(**fields, stamp=stamp)


def furnish(engagement: Engagement, stamp: Stamp) -> None:
    """Give the engagement an objective, a milestone and a member for later commands."""
    engagement.set_objective(
        objective_id=OBJECTIVE,
        description="Cut first-response time",
        metric="median hours",
        target=Decimal(4),
        due_on=date(2024, 6, 1),
        stamp=stamp,
    )
    engagement.plan_milestone(
        milestone_id=MILESTONE,
        name="Go live",
        due_on=date(2024, 5, 1),
        weight=Decimal(3),
        stamp=stamp,
    )
    engagement.assign_member(person="carol", role="informed", area="support", stamp=stamp)


def event_names(engagement: Engagement) -> list[str]:
    return [type(e).__name__ for e in engagement.pending_events]


def state_of(engagement: Engagement) -> dict[str, Any]:
    return {k: v for k, v in vars(engagement).items() if k != "_pending_events"}


# Every command that edits the engagement (as opposed to moving it through its lifecycle),
# runnable on a furnished engagement.
EDITING_COMMANDS: dict[str, Command] = {
    "set_objective": lambda e, s: e.set_objective(
        objective_id=uuid4(),
        description="Raise CSAT",
        metric="CSAT mean",
        target=Decimal("4.5"),
        due_on=date(2024, 6, 1),
        stamp=s,
    ),
    "record_objective_result": lambda e, s: e.record_objective_result(
        objective_id=OBJECTIVE, actual=Decimal(5), stamp=s
    ),
    "plan_milestone": lambda e, s: e.plan_milestone(
        milestone_id=uuid4(), name="Training", due_on=date(2024, 4, 1), weight=Decimal(1), stamp=s
    ),
    "reschedule_milestone": lambda e, s: e.reschedule_milestone(
        milestone_id=MILESTONE, due_on=date(2024, 5, 15), reason="Vendor late", stamp=s
    ),
    "complete_milestone": lambda e, s: e.complete_milestone(milestone_id=MILESTONE, stamp=s),
    "assign_member": lambda e, s: e.assign_member(
        person="bob", role="responsible", area="support", stamp=s
    ),
    "release_member": lambda e, s: e.release_member(
        person="carol", role="informed", area="support", stamp=s
    ),
    "set_communication_plan": lambda e, s: e.set_communication_plan(
        cadence="weekly", channels=["email"], audience=["client sponsor"], stamp=s
    ),
    "log_meeting": lambda e, s: e.log_meeting(
        meeting_id=uuid4(),
        held_on=date(2024, 3, 4),
        attendees=["alice"],
        agenda="",
        minutes="",
        action_items=[],
        stamp=s,
    ),
    "publish_status_report": lambda e, s: e.publish_status_report(
        period_start=date(2024, 2, 26),
        period_end=date(2024, 3, 3),
        rag="green",
        summary="On track",
        next_steps="",
        stamp=s,
    ),
    "record_cost": lambda e, s: e.record_cost(
        cost_id=uuid4(),
        amount=Decimal(100),
        category="labour",
        incurred_on=date(2024, 3, 4),
        note="",
        stamp=s,
    ),
    "revise_budget": lambda e, s: e.revise_budget(
        new_budget=Decimal(12000), reason="Scope grew", stamp=s
    ),
    "record_survey_response": lambda e, s: e.record_survey_response(
        response_id=uuid4(), csat=5, nps=None, respondent="", channel="", comment="", stamp=s
    ),
}


# Opening


def test_open_records_opened_and_starts_planned_with_validated_fields(stamp: Stamp) -> None:
    client_id = uuid4()
    engagement = open_engagement(
        stamp, client_id=client_id, client_name="  Acme  ", objectives=[" Faster answers "]
    )

    assert event_names(engagement) == ["Opened"]
    assert engagement.state is EngagementState.PLANNED
    assert engagement.client_id == client_id
    assert engagement.client_name == "Acme"
    assert engagement.objectives == ("Faster answers",)
    assert engagement.budget == engagement.original_budget == Decimal("10000.00")
    assert engagement.currency == "EUR"
    assert engagement.total_cost == Decimal(0)
    assert engagement.version == 1
    opened = engagement.pending_events[0]
    assert isinstance(opened, Engagement.Opened)
    assert opened.actor == "alice"
    assert opened.occurred_at == T0
    assert opened.timestamp == RECORDED


def test_open_accepts_no_objectives_a_zero_budget_and_a_one_day_plan(stamp: Stamp) -> None:
    engagement = open_engagement(
        stamp,
        objectives=[],
        budget=Decimal(0),
        planned_start=date(2024, 3, 1),
        planned_end=date(2024, 3, 1),
    )

    assert engagement.objectives == ()
    assert engagement.budget == Decimal(0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"client_name": "  "}, "clientName"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"owner": " "}, "owner"),
        ({"objectives": ["ok", " "]}, "objectives[1]"),
        ({"planned_end": date(2024, 2, 29)}, "plannedEnd"),
        ({"budget": Decimal(-1)}, "budget"),
        ({"budget": Decimal("NaN")}, "budget"),
        ({"currency": "eur"}, "currency"),
        ({"currency": "EURO"}, "currency"),
        ({"currency": "E1R"}, "currency"),
    ],
)
def test_open_refuses_invalid_values_naming_the_field(
    stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        open_engagement(stamp, **overrides)

    assert refused.value.field == field


def test_open_refuses_an_occurred_time_in_the_future() -> None:
    future = Stamp(actor="alice", occurred_at=RECORDED + timedelta(seconds=1), recorded_at=RECORDED)

    with pytest.raises(InvalidValue) as refused:
        open_engagement(future)

    assert refused.value.field == "occurredAt"


def test_open_refuses_a_blank_actor() -> None:
    with pytest.raises(InvalidValue) as refused:
        open_engagement(stamp_at(0, actor=" "))

    assert refused.value.field == "actor"


# Business time


def test_a_command_occurring_before_the_previous_event_is_refused(active: Engagement) -> None:
    with pytest.raises(RuleViolation) as refused:
        active.put_on_hold(reason="Waiting", stamp=stamp_at(-1))

    assert refused.value.rule == "event.occurred_in_order"


def test_a_command_occurring_in_the_future_is_refused(active: Engagement) -> None:
    future = Stamp(actor="alice", occurred_at=RECORDED + timedelta(hours=1), recorded_at=RECORDED)

    with pytest.raises(InvalidValue) as refused:
        active.record_cost(
            cost_id=uuid4(),
            amount=Decimal(1),
            category="travel",
            incurred_on=date(2024, 3, 4),
            note="",
            stamp=future,
        )

    assert refused.value.field == "occurredAt"


def test_a_command_occurring_at_the_same_time_as_the_previous_event_is_accepted(
    active: Engagement, stamp: Stamp
) -> None:
    active.put_on_hold(reason="Waiting", stamp=stamp)

    assert active.state is EngagementState.ON_HOLD


# Lifecycle


def test_start_moves_planned_to_active(planned: Engagement, later: Stamp) -> None:
    planned.start(stamp=later)

    assert planned.state is EngagementState.ACTIVE
    assert event_names(planned) == ["Opened", "Started"]
    assert planned.last_occurred_at == later.occurred_at


def test_put_on_hold_keeps_the_reason_and_resume_clears_it(active: Engagement) -> None:
    active.put_on_hold(reason=" Client reorganising ", stamp=stamp_at(1))
    assert active.state is EngagementState.ON_HOLD
    assert active.hold_reason == "Client reorganising"

    active.resume(stamp=stamp_at(2))

    assert active.state is EngagementState.ACTIVE
    assert active.hold_reason == ""
    assert event_names(active)[-2:] == ["PutOnHold", "Resumed"]


def test_put_on_hold_refuses_a_blank_reason(active: Engagement, stamp: Stamp) -> None:
    with pytest.raises(InvalidValue) as refused:
        active.put_on_hold(reason="  ", stamp=stamp)

    assert refused.value.field == "reason"


@pytest.mark.parametrize("state", ["active", "on_hold"])
def test_close_from_a_running_state_records_the_evaluation(
    request: pytest.FixtureRequest, state: str, stamp: Stamp
) -> None:
    engagement: Engagement = request.getfixturevalue(state)

    close(engagement, stamp, lessons_learned=[" Start surveys earlier "])

    assert engagement.state is EngagementState.CLOSED
    assert engagement.outcome == "Delivered"
    assert engagement.evaluation == "Went well"
    assert engagement.lessons_learned == ("Start surveys earlier",)
    assert engagement.forced_close_reason == ""
    assert engagement.hold_reason == ""
    closed = engagement.pending_events[-1]
    assert isinstance(closed, Engagement.Closed)
    assert closed.overridden_complaint_ids == ()
    assert closed.overridden_must_ids == ()


def test_close_refuses_a_blank_outcome(active: Engagement, stamp: Stamp) -> None:
    with pytest.raises(InvalidValue) as refused:
        close(active, stamp, outcome=" ")

    assert refused.value.field == "outcome"


def test_archive_moves_closed_to_archived(closed: Engagement, stamp: Stamp) -> None:
    closed.archive(stamp=stamp)

    assert closed.state is EngagementState.ARCHIVED
    assert event_names(closed)[-1] == "Archived"


@pytest.mark.parametrize(
    ("state", "command", "rule"),
    [
        ("active", lambda e, s: e.start(stamp=s), "engagement.start_when_planned"),
        ("on_hold", lambda e, s: e.start(stamp=s), "engagement.start_when_planned"),
        ("planned", lambda e, s: e.put_on_hold(reason="x", stamp=s), "engagement.hold_when_active"),
        ("on_hold", lambda e, s: e.put_on_hold(reason="x", stamp=s), "engagement.hold_when_active"),
        ("planned", lambda e, s: e.resume(stamp=s), "engagement.resume_when_on_hold"),
        ("active", lambda e, s: e.resume(stamp=s), "engagement.resume_when_on_hold"),
        ("planned", close, "engagement.close_when_running"),
        ("closed", close, "engagement.close_when_running"),
        ("archived", close, "engagement.close_when_running"),
        ("planned", lambda e, s: e.archive(stamp=s), "engagement.archive_when_closed"),
        ("active", lambda e, s: e.archive(stamp=s), "engagement.archive_when_closed"),
        ("archived", lambda e, s: e.archive(stamp=s), "engagement.archive_when_closed"),
        ("closed", lambda e, s: e.resume(stamp=s), "engagement.resume_when_on_hold"),
        ("archived", lambda e, s: e.start(stamp=s), "engagement.start_when_planned"),
    ],
)
def test_a_lifecycle_command_in_the_wrong_state_is_refused_naming_the_rule(
    request: pytest.FixtureRequest, state: str, command: Command, rule: str, stamp: Stamp
) -> None:
    engagement: Engagement = request.getfixturevalue(state)

    with pytest.raises(RuleViolation) as refused:
        command(engagement, stamp)

    assert refused.value.rule == rule
    assert engagement.state is EngagementState(state)


# Closing with open items


def test_close_is_refused_naming_open_complaints_and_unaccepted_must_requirements(
    active: Engagement, stamp: Stamp
) -> None:
    with pytest.raises(RuleViolation) as refused:
        close(active, stamp, open_complaint_ids=[COMPLAINT], unaccepted_must_ids=[MUST])

    assert refused.value.rule == "engagement.close_with_open_items"
    assert refused.value.subjects == (str(COMPLAINT), str(MUST))
    assert str(COMPLAINT) in refused.value.message
    assert str(MUST) in refused.value.message
    assert active.state is EngagementState.ACTIVE


def test_close_is_refused_naming_only_open_complaints_when_there_are_no_musts(
    active: Engagement, stamp: Stamp
) -> None:
    with pytest.raises(RuleViolation) as refused:
        close(active, stamp, open_complaint_ids=[COMPLAINT, COMPLAINT])

    assert refused.value.subjects == (str(COMPLAINT),)
    assert "open complaints" in refused.value.message
    assert "must" not in refused.value.message


def test_close_is_refused_when_the_force_reason_is_blank(active: Engagement, stamp: Stamp) -> None:
    with pytest.raises(RuleViolation) as refused:
        close(active, stamp, unaccepted_must_ids=[MUST], force_reason="   ")

    assert refused.value.subjects == (str(MUST),)


def test_close_forced_with_a_reason_records_the_reason_and_the_overridden_ids(
    active: Engagement, stamp: Stamp
) -> None:
    close(
        active,
        stamp,
        open_complaint_ids=[COMPLAINT],
        unaccepted_must_ids=[MUST],
        force_reason=" Client ended the contract ",
    )

    assert active.state is EngagementState.CLOSED
    assert active.forced_close_reason == "Client ended the contract"
    closed = active.pending_events[-1]
    assert isinstance(closed, Engagement.Closed)
    assert closed.force_reason == "Client ended the contract"
    assert closed.overridden_complaint_ids == (COMPLAINT,)
    assert closed.overridden_must_ids == (MUST,)


# Editing is allowed while planned, active or on hold, and refused after closing


@pytest.mark.parametrize("state", ["planned", "active", "on_hold"])
@pytest.mark.parametrize("name", list(EDITING_COMMANDS))
def test_editing_commands_are_accepted_while_the_engagement_is_open(
    request: pytest.FixtureRequest, state: str, name: str, stamp: Stamp
) -> None:
    engagement: Engagement = request.getfixturevalue(state)
    furnish(engagement, stamp)
    version = engagement.version

    EDITING_COMMANDS[name](engagement, stamp)

    assert engagement.version == version + 1


@pytest.mark.parametrize("state", ["closed", "archived"])
@pytest.mark.parametrize("name", list(EDITING_COMMANDS))
def test_editing_commands_are_refused_once_the_engagement_is_closed(
    request: pytest.FixtureRequest, state: str, name: str, stamp: Stamp
) -> None:
    engagement: Engagement = request.getfixturevalue(state)

    with pytest.raises(RuleViolation) as refused:
        EDITING_COMMANDS[name](engagement, stamp)

    assert refused.value.rule == "engagement.not_editable"


# Objectives


def test_set_objective_records_a_smart_objective_without_a_result(
    planned: Engagement, stamp: Stamp
) -> None:
    furnish(planned, stamp)

    assert planned.objectives_set == {
        OBJECTIVE: Objective(
            description="Cut first-response time",
            metric="median hours",
            target=Decimal(4),
            due_on=date(2024, 6, 1),
            actual=None,
        )
    }


def test_record_objective_result_keeps_the_measured_actual(
    planned: Engagement, stamp: Stamp
) -> None:
    furnish(planned, stamp)

    planned.record_objective_result(objective_id=OBJECTIVE, actual=Decimal("3.5"), stamp=stamp)

    assert planned.objectives_set[OBJECTIVE].actual == Decimal("3.5")
    assert event_names(planned)[-1] == "ObjectiveResultRecorded"


def test_setting_an_objective_again_revises_it_and_keeps_its_result(
    planned: Engagement, stamp: Stamp
) -> None:
    furnish(planned, stamp)
    planned.record_objective_result(objective_id=OBJECTIVE, actual=Decimal(5), stamp=stamp)

    planned.set_objective(
        objective_id=OBJECTIVE,
        description="Cut first-response time",
        metric="median hours",
        target=Decimal(6),
        due_on=date(2024, 6, 30),
        stamp=stamp,
    )

    objective = planned.objectives_set[OBJECTIVE]
    assert (objective.target, objective.due_on, objective.actual) == (
        Decimal(6),
        date(2024, 6, 30),
        Decimal(5),
    )
    assert len(planned.objectives_set) == 1


def test_record_objective_result_for_an_unknown_objective_is_refused(
    planned: Engagement, stamp: Stamp
) -> None:
    with pytest.raises(RuleViolation) as refused:
        planned.record_objective_result(objective_id=uuid4(), actual=Decimal(1), stamp=stamp)

    assert refused.value.rule == "engagement.known_objective"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"description": " "}, "description"),
        ({"metric": ""}, "metric"),
        ({"metric": "m" * 201}, "metric"),
        ({"target": Decimal(-1)}, "target"),
        ({"target": Decimal("Infinity")}, "target"),
    ],
)
def test_set_objective_refuses_invalid_values(
    planned: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {
        "objective_id": uuid4(),
        "description": "Raise CSAT",
        "metric": "CSAT mean",
        "target": Decimal("4.5"),
        "due_on": date(2024, 6, 1),
    }
    fields.update(overrides)

    with pytest.raises(InvalidValue) as refused:
        planned.set_objective(**fields, stamp=stamp)

    assert refused.value.field == field


def test_record_objective_result_refuses_a_negative_actual(
    planned: Engagement, stamp: Stamp
) -> None:
    furnish(planned, stamp)

    with pytest.raises(InvalidValue) as refused:
        planned.record_objective_result(objective_id=OBJECTIVE, actual=Decimal(-1), stamp=stamp)

    assert refused.value.field == "actual"


# Milestones


def test_plan_milestone_records_an_open_milestone(planned: Engagement, stamp: Stamp) -> None:
    furnish(planned, stamp)

    assert planned.milestones[MILESTONE] == Milestone(
        name="Go live", due_on=date(2024, 5, 1), weight=Decimal(3), completed_at=None
    )


def test_plan_milestone_refuses_a_duplicate_id(planned: Engagement, stamp: Stamp) -> None:
    furnish(planned, stamp)

    with pytest.raises(RuleViolation) as refused:
        planned.plan_milestone(
            milestone_id=MILESTONE,
            name="Again",
            due_on=date(2024, 5, 1),
            weight=Decimal(1),
            stamp=stamp,
        )

    assert refused.value.rule == "engagement.milestone_id_unique"
    assert planned.milestones[MILESTONE].name == "Go live"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"weight": Decimal(0)}, "weight"),
        ({"weight": Decimal(-2)}, "weight"),
        ({"name": " "}, "name"),
        ({"name": "n" * 201}, "name"),
    ],
)
def test_plan_milestone_refuses_invalid_values(
    planned: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {
        "milestone_id": uuid4(),
        "name": "Training",
        "due_on": date(2024, 4, 1),
        "weight": Decimal(1),
    }
    fields.update(overrides)

    with pytest.raises(InvalidValue) as refused:
        planned.plan_milestone(**fields, stamp=stamp)

    assert refused.value.field == field


def test_reschedule_milestone_moves_its_due_date(planned: Engagement, stamp: Stamp) -> None:
    furnish(planned, stamp)

    planned.reschedule_milestone(
        milestone_id=MILESTONE, due_on=date(2024, 5, 20), reason="Vendor late", stamp=stamp
    )

    assert planned.milestones[MILESTONE].due_on == date(2024, 5, 20)
    rescheduled = planned.pending_events[-1]
    assert isinstance(rescheduled, Engagement.MilestoneRescheduled)
    assert rescheduled.reason == "Vendor late"


def test_reschedule_milestone_refuses_a_blank_reason(planned: Engagement, stamp: Stamp) -> None:
    furnish(planned, stamp)

    with pytest.raises(InvalidValue) as refused:
        planned.reschedule_milestone(
            milestone_id=MILESTONE, due_on=date(2024, 5, 20), reason=" ", stamp=stamp
        )

    assert refused.value.field == "reason"


def test_complete_milestone_stamps_it_with_the_occurred_time(
    active: Engagement, stamp: Stamp, later: Stamp
) -> None:
    furnish(active, stamp)

    active.complete_milestone(milestone_id=MILESTONE, stamp=later)

    assert active.milestones[MILESTONE].completed_at == later.occurred_at


@pytest.mark.parametrize(
    "command",
    [
        lambda e, s: e.complete_milestone(milestone_id=MILESTONE, stamp=s),
        lambda e, s: e.reschedule_milestone(
            milestone_id=MILESTONE, due_on=date(2024, 6, 1), reason="Late", stamp=s
        ),
    ],
    ids=["complete", "reschedule"],
)
def test_a_completed_milestone_cannot_be_completed_or_rescheduled(
    active: Engagement, stamp: Stamp, command: Command
) -> None:
    furnish(active, stamp)
    active.complete_milestone(milestone_id=MILESTONE, stamp=stamp)

    with pytest.raises(RuleViolation) as refused:
        command(active, stamp)

    assert refused.value.rule == "engagement.milestone_open"


@pytest.mark.parametrize(
    "command",
    [
        lambda e, s: e.complete_milestone(milestone_id=uuid4(), stamp=s),
        lambda e, s: e.reschedule_milestone(
            milestone_id=uuid4(), due_on=date(2024, 6, 1), reason="Late", stamp=s
        ),
    ],
    ids=["complete", "reschedule"],
)
def test_an_unknown_milestone_cannot_be_completed_or_rescheduled(
    active: Engagement, stamp: Stamp, command: Command
) -> None:
    with pytest.raises(RuleViolation) as refused:
        command(active, stamp)

    assert refused.value.rule == "engagement.known_milestone"


# Team


def test_assign_member_adds_the_person_in_their_role_and_area(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person=" bob ", role=MemberRole.ACCOUNTABLE, area="Support", stamp=stamp)

    assert planned.members == [Member(person="bob", role=MemberRole.ACCOUNTABLE, area="Support")]


def test_assigning_the_same_person_role_and_area_twice_is_refused(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person="bob", role="consulted", area="Support", stamp=stamp)

    with pytest.raises(RuleViolation) as refused:
        planned.assign_member(person="Bob", role="consulted", area="support", stamp=stamp)

    assert refused.value.rule == "engagement.member_assigned_once"


def test_a_second_accountable_in_the_same_area_is_refused_naming_the_first(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person="bob", role="accountable", area="Support", stamp=stamp)

    with pytest.raises(RuleViolation) as refused:
        planned.assign_member(person="dana", role="accountable", area=" support ", stamp=stamp)

    assert refused.value.rule == "engagement.one_accountable_per_area"
    assert refused.value.subjects == ("bob",)
    assert "bob" in refused.value.message


def test_accountables_in_different_areas_and_other_roles_in_one_area_are_accepted(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person="bob", role="accountable", area="Support", stamp=stamp)
    planned.assign_member(person="dana", role="accountable", area="Billing", stamp=stamp)
    planned.assign_member(person="dana", role="responsible", area="Support", stamp=stamp)
    planned.assign_member(person="erin", role="responsible", area="Support", stamp=stamp)

    assert len(planned.members) == 4


def test_releasing_the_accountable_lets_another_be_assigned(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person="bob", role="accountable", area="Support", stamp=stamp)

    planned.release_member(person="BOB", role="accountable", area="support", stamp=stamp)
    planned.assign_member(person="dana", role="accountable", area="Support", stamp=stamp)

    assert planned.members == [Member("dana", MemberRole.ACCOUNTABLE, "Support")]
    released = planned.pending_events[-2]
    assert isinstance(released, Engagement.MemberReleased)
    assert (released.person, released.area) == ("bob", "Support")


def test_releasing_someone_not_assigned_in_that_role_and_area_is_refused(
    planned: Engagement, stamp: Stamp
) -> None:
    planned.assign_member(person="bob", role="consulted", area="Support", stamp=stamp)

    with pytest.raises(RuleViolation) as refused:
        planned.release_member(person="bob", role="informed", area="Support", stamp=stamp)

    assert refused.value.rule == "engagement.release_assigned_member"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"role": "sponsor"}, "role"),
        ({"person": " "}, "person"),
        ({"area": ""}, "area"),
    ],
)
def test_assign_member_refuses_invalid_values(
    planned: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"person": "bob", "role": "informed", "area": "Support"}
    fields.update(overrides)

    with pytest.raises(InvalidValue) as refused:
        planned.assign_member(**fields, stamp=stamp)

    assert refused.value.field == field


# Communication


def test_set_communication_plan_replaces_the_plan(planned: Engagement, stamp: Stamp) -> None:
    planned.set_communication_plan(
        cadence="weekly", channels=["email", " call "], audience=["sponsor"], stamp=stamp
    )
    planned.set_communication_plan(
        cadence="fortnightly", channels=["email"], audience=["sponsor", "team"], stamp=stamp
    )

    assert planned.communication_plan == CommunicationPlan(
        cadence="fortnightly", channels=("email",), audience=("sponsor", "team")
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"channels": []}, "channels"),
        ({"audience": []}, "audience"),
        ({"channels": ["email", ""]}, "channels[1]"),
        ({"cadence": " "}, "cadence"),
    ],
)
def test_set_communication_plan_refuses_invalid_values(
    planned: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"cadence": "weekly", "channels": ["email"], "audience": ["sponsor"]}
    fields.update(overrides)

    with pytest.raises(InvalidValue) as refused:
        planned.set_communication_plan(**fields, stamp=stamp)

    assert refused.value.field == field


def log_meeting(engagement: Engagement, stamp: Stamp, **overrides: Any) -> None:
    fields: dict[str, Any] = {
        "meeting_id": uuid4(),
        "held_on": date(2024, 3, 4),
        "attendees": ["alice", "client sponsor"],
        "agenda": "Kick-off",
        "minutes": "Agreed the plan",
        "action_items": [ActionItem(" Send plan ", " alice ", date(2024, 3, 8))],
    }
    fields.update(overrides)
    engagement.log_meeting(**fields, stamp=stamp)


def test_log_meeting_records_attendees_and_action_items(active: Engagement, stamp: Stamp) -> None:
    log_meeting(active, stamp)

    assert active.meeting_count == 1
    logged = active.pending_events[-1]
    assert isinstance(logged, Engagement.MeetingLogged)
    assert logged.attendees == ("alice", "client sponsor")
    assert logged.action_items == (ActionItem("Send plan", "alice", date(2024, 3, 8)),)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"attendees": []}, "attendees"),
        ({"attendees": [" "]}, "attendees[0]"),
        ({"held_on": date(2024, 3, 5)}, "heldOn"),
        (
            {"action_items": [ActionItem("Send plan", " ", date(2024, 3, 8))]},
            "actionItems[0].owner",
        ),
        (
            {"action_items": [ActionItem("", "alice", date(2024, 3, 8))]},
            "actionItems[0].description",
        ),
    ],
)
def test_log_meeting_refuses_invalid_values(
    active: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        log_meeting(active, stamp, **overrides)

    assert refused.value.field == field


def test_publish_status_report_keeps_the_latest_rag(active: Engagement, stamp: Stamp) -> None:
    for rag in ("green", "amber"):
        active.publish_status_report(
            period_start=date(2024, 2, 26),
            period_end=date(2024, 3, 3),
            rag=rag,
            summary="Status",
            next_steps="",
            stamp=stamp,
        )

    assert active.latest_rag is Rag.AMBER


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"period_end": date(2024, 2, 25)}, "periodEnd"),
        ({"rag": "blue"}, "rag"),
        ({"summary": " "}, "summary"),
    ],
)
def test_publish_status_report_refuses_invalid_values(
    active: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {
        "period_start": date(2024, 2, 26),
        "period_end": date(2024, 3, 3),
        "rag": "green",
        "summary": "On track",
        "next_steps": "",
    }
    fields.update(overrides)

    with pytest.raises(InvalidValue) as refused:
        active.publish_status_report(**fields, stamp=stamp)

    assert refused.value.field == field


# Money


def record_cost(engagement: Engagement, stamp: Stamp, **overrides: Any) -> None:
    fields: dict[str, Any] = {
        "cost_id": uuid4(),
        "amount": Decimal("250.50"),
        "category": CostCategory.TRAVEL,
        "incurred_on": date(2024, 3, 4),
        "note": "Train to client",
    }
    fields.update(overrides)
    engagement.record_cost(**fields, stamp=stamp)


def test_record_cost_adds_to_the_total_cost(active: Engagement, stamp: Stamp) -> None:
    record_cost(active, stamp)
    record_cost(active, stamp, amount=Decimal("49.50"), category="labour")

    assert active.total_cost == Decimal(300)
    assert active.cost_count == 2
    recorded = active.pending_events[-1]
    assert isinstance(recorded, Engagement.CostRecorded)
    assert recorded.category is CostCategory.LABOUR


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": Decimal(0)}, "amount"),
        ({"amount": Decimal(-5)}, "amount"),
        ({"amount": Decimal("NaN")}, "amount"),
        ({"category": "food"}, "category"),
        ({"incurred_on": date(2024, 3, 5)}, "incurredOn"),
    ],
)
def test_record_cost_refuses_invalid_values(
    active: Engagement, stamp: Stamp, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        record_cost(active, stamp, **overrides)

    assert refused.value.field == field


def test_revise_budget_changes_the_budget_and_keeps_the_original(
    active: Engagement, stamp: Stamp
) -> None:
    active.revise_budget(new_budget=Decimal(15000), reason="Scope grew", stamp=stamp)

    assert active.budget == Decimal(15000)
    assert active.original_budget == Decimal("10000.00")
    revised = active.pending_events[-1]
    assert isinstance(revised, Engagement.BudgetRevised)
    assert revised.previous_budget == Decimal("10000.00")


@pytest.mark.parametrize(
    ("new_budget", "reason", "field"),
    [(Decimal(-1), "Cut", "newBudget"), (Decimal(5000), "  ", "reason")],
)
def test_revise_budget_refuses_invalid_values(
    active: Engagement, stamp: Stamp, new_budget: Decimal, reason: str, field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        active.revise_budget(new_budget=new_budget, reason=reason, stamp=stamp)

    assert refused.value.field == field


# Satisfaction


@pytest.mark.parametrize(("csat", "nps"), [(5, None), (None, 0), (1, 10)])
def test_record_survey_response_accepts_csat_nps_or_both(
    active: Engagement, stamp: Stamp, csat: int | None, nps: int | None
) -> None:
    active.record_survey_response(
        response_id=uuid4(),
        csat=csat,
        nps=nps,
        respondent="",
        channel="email",
        comment="",
        stamp=stamp,
    )

    assert active.survey_response_count == 1
    recorded = active.pending_events[-1]
    assert isinstance(recorded, Engagement.SurveyResponseRecorded)
    assert (recorded.csat, recorded.nps) == (csat, nps)


@pytest.mark.parametrize(
    ("csat", "nps", "field"),
    [
        (None, None, "csat"),
        (0, None, "csat"),
        (6, None, "csat"),
        (True, None, "csat"),
        (None, -1, "nps"),
        (None, 11, "nps"),
        (3, 11, "nps"),
    ],
)
def test_record_survey_response_refuses_missing_or_out_of_range_scores(
    active: Engagement, stamp: Stamp, csat: Any, nps: Any, field: str
) -> None:
    with pytest.raises(InvalidValue) as refused:
        active.record_survey_response(
            response_id=uuid4(),
            csat=csat,
            nps=nps,
            respondent="",
            channel="",
            comment="",
            stamp=stamp,
        )

    assert refused.value.field == field


# Refusals change nothing; events rebuild the aggregate


REFUSED_COMMANDS: dict[str, Command] = {
    "invalid value": lambda e, s: record_cost(e, s, amount=Decimal(0)),
    "wrong state": lambda e, s: e.resume(stamp=s),
    "second accountable": lambda e, s: e.assign_member(
        person="dana", role="accountable", area="Support", stamp=s
    ),
    "open complaints": lambda e, s: close(e, s, open_complaint_ids=[COMPLAINT]),
    "occurred before previous event": lambda e, s: record_cost(e, stamp_at(-5)),
    "occurred in the future": lambda e, s: record_cost(
        e, Stamp("alice", RECORDED + timedelta(minutes=1), RECORDED)
    ),
    "completed milestone": lambda e, s: e.complete_milestone(milestone_id=MILESTONE, stamp=s),
}


@pytest.mark.parametrize("name", list(REFUSED_COMMANDS))
def test_a_refused_command_changes_nothing_and_records_nothing(
    active: Engagement, stamp: Stamp, name: str
) -> None:
    furnish(active, stamp)
    active.assign_member(person="bob", role="accountable", area="Support", stamp=stamp)
    active.complete_milestone(milestone_id=MILESTONE, stamp=stamp)
    before = copy.deepcopy(state_of(active))
    pending = list(active.pending_events)
    version = active.version

    with pytest.raises((InvalidValue, RuleViolation)):
        REFUSED_COMMANDS[name](active, stamp)

    assert active.version == version
    assert active.pending_events == pending
    assert state_of(active) == before


def test_replaying_the_recorded_events_rebuilds_an_equal_engagement(stamp: Stamp) -> None:
    engagement = open_engagement(stamp)
    furnish(engagement, stamp)
    for minute, command in enumerate(EDITING_COMMANDS.values(), start=1):
        command(engagement, stamp_at(minute))
    engagement.assign_member(person="bob", role="accountable", area="Billing", stamp=stamp_at(20))
    engagement.start(stamp=stamp_at(21))
    engagement.put_on_hold(reason="Client reorganising", stamp=stamp_at(22))
    engagement.resume(stamp=stamp_at(23))
    close(engagement, stamp_at(24), open_complaint_ids=[COMPLAINT], force_reason="Contract ended")
    engagement.archive(stamp=stamp_at(25))

    events = engagement.collect_events()
    opened = events[0]
    assert isinstance(opened, Engagement.Opened)
    rebuilt = opened.mutate(None)
    for event in events[1:]:
        rebuilt = event.mutate(rebuilt)

    assert rebuilt is not None
    assert state_of(rebuilt) == state_of(engagement)
    assert rebuilt.version == engagement.version == len(events)
    assert rebuilt.state is EngagementState.ARCHIVED
