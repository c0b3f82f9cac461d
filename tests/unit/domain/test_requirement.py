from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.base import Stamp
from domain.errors import InvalidValue
from domain.requirement import (
    AcceptanceCriterion,
    Requirement,
    RequirementPriority,
    RequirementSource,
    RequirementState,
)
from tests.unit.domain.checks import assert_invalid, assert_rule, replay

S = RequirementState
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
RECORDED = T0 + timedelta(days=30)
FIRST = UUID("00000000-0000-0000-0000-000000000001")
SECOND = UUID("00000000-0000-0000-0000-000000000002")
LATER = 1_000

Command = Callable[[Requirement, Stamp], None]


def stamp_at(minutes: int, actor: str = "alice") -> Stamp:
    return Stamp(actor=actor, occurred_at=T0 + timedelta(minutes=minutes), recorded_at=RECORDED)


def capture(**overrides: Any) -> Requirement:
    fields: dict[str, Any] = {
        "id": uuid4(),
        "engagement_id": uuid4(),
        "title": "  Export tickets to CSV ",
        "description": "Agents export a filtered ticket list.",
        "source": "workshop",
        "priority": "must",
        "requested_by": "Carol (client)",
    }
    fields.update(overrides)
    return Requirement.capture(**fields, stamp=stamp_at(0))


def add_criteria(r: Requirement, s: Stamp) -> None:
    r.add_acceptance_criterion(criterion_id=FIRST, text="Columns match the list", stamp=s)
    r.add_acceptance_criterion(criterion_id=SECOND, text="Opens in a spreadsheet", stamp=s)


def confirm(r: Requirement, s: Stamp) -> None:
    r.confirm(confirmed_by="Carol", stamp=s)


def start(r: Requirement, s: Stamp) -> None:
    r.start(stamp=s)


def deliver(r: Requirement, s: Stamp) -> None:
    r.deliver(evidence="Release 1.4 notes", stamp=s)


def accept(r: Requirement, s: Stamp) -> None:
    r.accept(accepted_by="Carol", met_criterion_ids=list(r.criterion_ids), stamp=s)


def reject(r: Requirement, s: Stamp) -> None:
    r.reject(reason="Wrong columns", unmet_criterion_ids=[FIRST], stamp=s)


def request_change(r: Requirement, s: Stamp) -> None:
    r.request_change(reason="Add totals", new_description="With totals row", stamp=s)


def withdraw(r: Requirement, s: Stamp) -> None:
    r.withdraw(reason="No longer needed", stamp=s)


PATHS: dict[RequirementState, list[Command]] = {
    S.CAPTURED: [],
    S.CONFIRMED: [add_criteria, confirm],
    S.IN_PROGRESS: [add_criteria, confirm, start],
    S.DELIVERED: [add_criteria, confirm, start, deliver],
    S.ACCEPTED: [add_criteria, confirm, start, deliver, accept],
    S.REJECTED: [add_criteria, confirm, start, deliver, reject],
    S.CHANGE_REQUESTED: [add_criteria, confirm, request_change],
    S.WITHDRAWN: [withdraw],
}


def requirement_in(state: RequirementState) -> Requirement:
    requirement = capture()
    for minutes, step in enumerate(PATHS[state], start=1):
        step(requirement, stamp_at(minutes))
    assert requirement.state is state
    return requirement


def test_capture_records_a_captured_requirement_with_cleaned_fields() -> None:
    r = capture()
    assert r.state is S.CAPTURED
    assert r.title == "Export tickets to CSV"
    assert r.source is RequirementSource.WORKSHOP
    assert r.priority is RequirementPriority.MUST
    assert r.is_must and r.is_open
    assert r.criteria == [] and r.change_requests == 0
    assert [type(e) for e in r.pending_events] == [Requirement.Captured]
    assert r.pending_events[0].actor == "alice"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("title", {"title": "  "}),
        ("title", {"title": "x" * 201}),
        ("source", {"source": "rumour"}),
        ("priority", {"priority": "urgent"}),
        ("requestedBy", {"requested_by": ""}),
    ],
)
def test_capture_refuses_invalid_fields(field: str, overrides: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue) as caught:
        capture(**overrides)
    assert caught.value.field == field


def test_priority_other_than_must_is_not_must() -> None:
    assert not capture(priority="should").is_must


def test_criteria_are_added_and_removed_before_confirmation() -> None:
    r = requirement_in(S.CAPTURED)
    add_criteria(r, stamp_at(1))
    r.remove_acceptance_criterion(criterion_id=FIRST, stamp=stamp_at(2))
    assert r.criteria == [
        AcceptanceCriterion(SECOND, "Opens in a spreadsheet", stamp_at(1).occurred_at)
    ]


def test_criteria_can_be_edited_again_after_a_change_request() -> None:
    r = requirement_in(S.CHANGE_REQUESTED)
    third = uuid4()
    r.add_acceptance_criterion(criterion_id=third, text="Totals row", stamp=stamp_at(LATER))
    r.remove_acceptance_criterion(criterion_id=FIRST, stamp=stamp_at(LATER))
    assert r.criterion_ids == (SECOND, third)


def test_adding_a_criterion_with_an_existing_id_is_refused() -> None:
    r = requirement_in(S.CAPTURED)
    add_criteria(r, stamp_at(1))
    assert_rule(
        r,
        lambda: r.add_acceptance_criterion(criterion_id=FIRST, text="Again", stamp=stamp_at(2)),
        "requirement.criterion_id_unique",
    )


def test_removing_an_unknown_criterion_is_refused() -> None:
    r = requirement_in(S.CAPTURED)
    assert_invalid(
        r,
        lambda: r.remove_acceptance_criterion(criterion_id=uuid4(), stamp=stamp_at(1)),
        "criterionId",
    )


def test_a_blank_criterion_is_refused() -> None:
    r = requirement_in(S.CAPTURED)
    assert_invalid(
        r,
        lambda: r.add_acceptance_criterion(criterion_id=FIRST, text=" ", stamp=stamp_at(1)),
        "text",
    )


def test_confirm_moves_a_captured_requirement_with_criteria_to_confirmed() -> None:
    r = requirement_in(S.CONFIRMED)
    assert r.confirmed_by == "Carol"
    assert isinstance(r.pending_events[-1], Requirement.Confirmed)


def test_confirm_without_any_criterion_is_refused() -> None:
    r = requirement_in(S.CAPTURED)
    assert_rule(r, lambda: confirm(r, stamp_at(1)), "requirement.confirm_needs_criterion")


def test_confirm_after_removing_every_criterion_is_refused() -> None:
    r = requirement_in(S.CHANGE_REQUESTED)
    r.remove_acceptance_criterion(criterion_id=FIRST, stamp=stamp_at(LATER))
    r.remove_acceptance_criterion(criterion_id=SECOND, stamp=stamp_at(LATER))
    assert_rule(r, lambda: confirm(r, stamp_at(LATER)), "requirement.confirm_needs_criterion")


@pytest.mark.parametrize("state", [S.CONFIRMED, S.IN_PROGRESS, S.DELIVERED, S.REJECTED])
def test_request_change_replaces_the_description_and_counts_churn(state: RequirementState) -> None:
    r = requirement_in(state)
    request_change(r, stamp_at(LATER))
    assert r.state is S.CHANGE_REQUESTED
    assert r.description == "With totals row"
    assert r.change_reason == "Add totals"
    assert r.change_requests == 1


def test_a_changed_requirement_is_confirmed_again_and_churn_accumulates() -> None:
    r = requirement_in(S.CHANGE_REQUESTED)
    confirm(r, stamp_at(LATER))
    request_change(r, stamp_at(LATER + 1))
    assert r.change_requests == 2


@pytest.mark.parametrize("state", [S.CONFIRMED, S.REJECTED])
def test_start_moves_to_in_progress(state: RequirementState) -> None:
    r = requirement_in(state)
    start(r, stamp_at(LATER))
    assert r.state is S.IN_PROGRESS


def test_deliver_records_the_evidence() -> None:
    r = requirement_in(S.DELIVERED)
    assert r.evidence == "Release 1.4 notes"


def test_accept_with_every_criterion_met_closes_the_requirement() -> None:
    r = requirement_in(S.ACCEPTED)
    assert r.accepted_by == "Carol"
    assert not r.is_open
    accepted = r.pending_events[-1]
    assert isinstance(accepted, Requirement.Accepted)
    assert accepted.met_criterion_ids == (FIRST, SECOND)


def test_accept_with_an_unmet_criterion_is_refused_naming_it() -> None:
    r = requirement_in(S.DELIVERED)
    error = assert_rule(
        r,
        lambda: r.accept(accepted_by="Carol", met_criterion_ids=[FIRST], stamp=stamp_at(LATER)),
        "requirement.accept_needs_every_criterion_met",
    )
    assert error.subjects == (str(SECOND),)


def test_accept_naming_an_unknown_criterion_is_refused() -> None:
    r = requirement_in(S.DELIVERED)
    met = [FIRST, SECOND, uuid4()]
    assert_invalid(
        r,
        lambda: r.accept(accepted_by="Carol", met_criterion_ids=met, stamp=stamp_at(LATER)),
        "metCriterionIds",
    )


def test_reject_records_the_unmet_criteria_and_a_later_accept_clears_them() -> None:
    r = requirement_in(S.REJECTED)
    assert (r.rejections, r.rejection_reason, r.unmet_criterion_ids) == (
        1,
        "Wrong columns",
        [FIRST],
    )
    start(r, stamp_at(LATER))
    deliver(r, stamp_at(LATER + 1))
    accept(r, stamp_at(LATER + 2))
    assert r.unmet_criterion_ids == []


@pytest.mark.parametrize("unmet", [[], [uuid4()]], ids=["none", "unknown"])
def test_reject_needs_at_least_one_known_unmet_criterion(unmet: list[UUID]) -> None:
    r = requirement_in(S.DELIVERED)
    assert_invalid(
        r,
        lambda: r.reject(reason="No", unmet_criterion_ids=unmet, stamp=stamp_at(LATER)),
        "unmetCriterionIds",
    )


@pytest.mark.parametrize("state", [s for s in S if s not in (S.ACCEPTED, S.WITHDRAWN)])
def test_withdraw_from_any_open_state(state: RequirementState) -> None:
    r = requirement_in(state)
    withdraw(r, stamp_at(LATER))
    assert (r.state, r.withdraw_reason, r.is_open) == (S.WITHDRAWN, "No longer needed", False)


@pytest.mark.parametrize(
    ("state", "command", "field"),
    [
        (S.CHANGE_REQUESTED, lambda r, s: r.confirm(confirmed_by=" ", stamp=s), "confirmedBy"),
        (
            S.CONFIRMED,
            lambda r, s: r.request_change(reason="", new_description="x", stamp=s),
            "reason",
        ),
        (
            S.CONFIRMED,
            lambda r, s: r.request_change(reason="x", new_description="", stamp=s),
            "newDescription",
        ),
        (S.IN_PROGRESS, lambda r, s: r.deliver(evidence="", stamp=s), "evidence"),
        (
            S.DELIVERED,
            lambda r, s: r.accept(accepted_by="", met_criterion_ids=[FIRST, SECOND], stamp=s),
            "acceptedBy",
        ),
        (
            S.DELIVERED,
            lambda r, s: r.reject(reason="", unmet_criterion_ids=[FIRST], stamp=s),
            "reason",
        ),
        (S.CAPTURED, lambda r, s: r.withdraw(reason="", stamp=s), "reason"),
    ],
)
def test_a_blank_required_text_is_refused(
    state: RequirementState, command: Command, field: str
) -> None:
    r = requirement_in(state)
    assert_invalid(r, lambda: command(r, stamp_at(LATER)), field)


def _add(r: Requirement, s: Stamp) -> None:
    r.add_acceptance_criterion(criterion_id=uuid4(), text="More", stamp=s)


def _remove(r: Requirement, s: Stamp) -> None:
    r.remove_acceptance_criterion(criterion_id=FIRST, stamp=s)


EDITABLE = {S.CAPTURED, S.CHANGE_REQUESTED}
WORKING = {S.CONFIRMED, S.IN_PROGRESS, S.DELIVERED, S.REJECTED}
OPEN = set(S) - {S.ACCEPTED, S.WITHDRAWN}
RULES: dict[str, tuple[Command, set[RequirementState], str]] = {
    "add_criterion": (_add, EDITABLE, "requirement.criteria_editable_until_confirmed"),
    "remove_criterion": (_remove, EDITABLE, "requirement.criteria_editable_until_confirmed"),
    "confirm": (confirm, EDITABLE, "requirement.confirm_when_unconfirmed"),
    "request_change": (request_change, WORKING, "requirement.change_after_confirmation"),
    "start": (start, {S.CONFIRMED, S.REJECTED}, "requirement.start_when_confirmed"),
    "deliver": (deliver, {S.IN_PROGRESS}, "requirement.deliver_when_in_progress"),
    "accept": (accept, {S.DELIVERED}, "requirement.accept_when_delivered"),
    "reject": (reject, {S.DELIVERED}, "requirement.reject_when_delivered"),
    "withdraw": (withdraw, OPEN, "requirement.withdraw_while_open"),
}


@pytest.mark.parametrize(
    ("command", "state"),
    [
        (name, state)
        for name, (_, allowed, _) in RULES.items()
        for state in S
        if state not in allowed
    ],
)
def test_a_command_outside_its_states_is_refused_and_changes_nothing(
    command: str, state: RequirementState
) -> None:
    run, _, rule = RULES[command]
    r = requirement_in(state)
    assert_rule(r, lambda: run(r, stamp_at(LATER)), rule)


def test_an_event_before_the_previous_one_is_refused() -> None:
    r = requirement_in(S.CONFIRMED)
    assert_rule(r, lambda: start(r, stamp_at(-5)), "event.occurred_in_order")


@pytest.mark.parametrize("state", list(S))
def test_replaying_the_events_rebuilds_an_equal_requirement(state: RequirementState) -> None:
    r = requirement_in(state)
    assert replay(r) == r


def test_every_state_attribute_is_annotated_for_snapshots() -> None:
    r = requirement_in(S.REJECTED)
    hints = typing.get_type_hints(Requirement)
    assert {name for name in vars(r) if not name.startswith("_")} <= set(hints)
