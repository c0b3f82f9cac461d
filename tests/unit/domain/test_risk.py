from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.base import Stamp
from domain.errors import InvalidValue
from domain.risk import (
    Assessment,
    ResponsePlan,
    ResponseStrategy,
    Risk,
    RiskCategory,
    RiskLevel,
    RiskState,
    risk_level,
)
from tests.unit.domain.checks import assert_invalid, assert_rule, replay

S = RiskState
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
RECORDED = T0 + timedelta(days=30)
REVIEW_ON = date(2024, 4, 1)
COMPLAINT = uuid4()
LATER = 1_000

Command = Callable[[Risk, Stamp], None]


def stamp_at(minutes: int, actor: str = "alice") -> Stamp:
    return Stamp(actor=actor, occurred_at=T0 + timedelta(minutes=minutes), recorded_at=RECORDED)


def identify(**overrides: Any) -> Risk:
    fields: dict[str, Any] = {
        "id": uuid4(),
        "engagement_id": uuid4(),
        "title": " Key engineer may leave ",
        "category": "resource",
        "description": "Only one person knows the billing system.",
        "owner": "alice",
    }
    stamp = overrides.pop("stamp", stamp_at(0))
    fields.update(overrides)
    return Risk.identify(**fields, stamp=stamp)


def assess(r: Risk, s: Stamp) -> None:
    r.assess(probability=3, impact=4, stamp=s)


def plan(r: Risk, s: Stamp) -> None:
    r.plan_response(
        strategy="mitigate",
        actions=["Pair on billing", " Write a runbook "],
        contingency_plan="Hire a contractor",
        trigger="Resignation letter",
        next_review_on=REVIEW_ON,
        stamp=s,
    )


def review(r: Risk, s: Stamp) -> None:
    r.review(notes="Runbook half done", next_review_on=date(2024, 5, 1), stamp=s)


def occur(r: Risk, s: Stamp) -> None:
    r.record_occurrence(what_happened="He left", linked_complaint_id=COMPLAINT, stamp=s)


def close(r: Risk, s: Stamp) -> None:
    r.close(reason="Knowledge transferred", stamp=s)


PATHS: dict[RiskState, list[Command]] = {
    S.IDENTIFIED: [],
    S.ASSESSED: [assess],
    S.RESPONDING: [assess, plan],
    S.OCCURRED: [assess, plan, occur],
    S.CLOSED: [assess, plan, close],
}


def risk_in(state: RiskState) -> Risk:
    risk = identify()
    for minutes, step in enumerate(PATHS[state], start=1):
        step(risk, stamp_at(minutes))
    assert risk.state is state
    return risk


def test_identify_records_an_open_unassessed_risk() -> None:
    r = identify()
    assert (r.state, r.is_open) == (S.IDENTIFIED, True)
    assert (r.title, r.category, r.owner) == (
        "Key engineer may leave",
        RiskCategory.RESOURCE,
        "alice",
    )
    assert (r.assessment, r.exposure, r.level, r.response) == (None, None, None, None)
    assert [type(e) for e in r.pending_events] == [Risk.Identified]


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("title", {"title": " "}),
        ("title", {"title": "x" * 201}),
        ("category", {"category": "weather"}),
        ("owner", {"owner": ""}),
        ("description", {"description": "x" * 10_001}),
        ("actor", {"stamp": Stamp(" ", T0, RECORDED)}),
        ("occurredAt", {"stamp": Stamp("alice", datetime(2024, 3, 4, 9), RECORDED)}),
        ("occurredAt", {"stamp": Stamp("alice", RECORDED + timedelta(seconds=1), RECORDED)}),
    ],
)
def test_identify_refuses_invalid_fields(field: str, overrides: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue) as caught:
        identify(**overrides)
    assert caught.value.field == field


def test_assess_moves_an_identified_risk_to_assessed_with_its_exposure() -> None:
    r = risk_in(S.ASSESSED)
    assert r.assessment == Assessment(3, 4, stamp_at(1).occurred_at)
    assert (r.exposure, r.level) == (12, RiskLevel.HIGH)


@pytest.mark.parametrize("state", [S.RESPONDING, S.OCCURRED])
def test_reassessing_keeps_the_history_and_the_state(state: RiskState) -> None:
    r = risk_in(state)
    r.assess(probability=1, impact=2, stamp=stamp_at(LATER))
    assert [(a.probability, a.impact) for a in r.assessments] == [(3, 4), (1, 2)]
    assert (r.state, r.exposure, r.level) == (state, 2, RiskLevel.LOW)


@pytest.mark.parametrize(
    ("field", "probability", "impact"),
    [("probability", 0, 3), ("impact", 3, 6), ("impact", 3, True)],
)
def test_assess_refuses_scores_outside_one_to_five(
    field: str, probability: int, impact: int
) -> None:
    r = risk_in(S.IDENTIFIED)
    assert_invalid(
        r, lambda: r.assess(probability=probability, impact=impact, stamp=stamp_at(1)), field
    )


@pytest.mark.parametrize(
    ("exposure", "level"),
    [
        (1, "low"),
        (4, "low"),
        (5, "medium"),
        (9, "medium"),
        (10, "high"),
        (16, "high"),
        (20, "critical"),
        (25, "critical"),
    ],
)
def test_risk_level_follows_the_exposure_bands(exposure: int, level: str) -> None:
    assert risk_level(exposure) is RiskLevel(level)


def test_plan_response_records_the_plan_and_moves_to_responding() -> None:
    r = risk_in(S.RESPONDING)
    assert r.response == ResponsePlan(
        strategy=ResponseStrategy.MITIGATE,
        actions=("Pair on billing", "Write a runbook"),
        contingency_plan="Hire a contractor",
        trigger="Resignation letter",
        next_review_on=REVIEW_ON,
    )
    assert r.next_review_on == REVIEW_ON


def test_planning_a_response_after_the_risk_occurred_keeps_it_occurred() -> None:
    r = risk_in(S.OCCURRED)
    plan(r, stamp_at(LATER))
    assert r.state is S.OCCURRED


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("strategy", {"strategy": "ignore"}),
        ("actions", {"actions": []}),
        ("actions[1]", {"actions": ["ok", " "]}),
    ],
)
def test_plan_response_refuses_invalid_fields(field: str, overrides: dict[str, Any]) -> None:
    r = risk_in(S.ASSESSED)
    fields: dict[str, Any] = {
        "strategy": "avoid",
        "actions": ["Drop the feature"],
        "contingency_plan": "",
        "trigger": "",
        "next_review_on": REVIEW_ON,
    }
    fields.update(overrides)
    assert_invalid(r, lambda: r.plan_response(**fields, stamp=stamp_at(LATER)), field)


@pytest.mark.parametrize("state", [S.IDENTIFIED, S.ASSESSED, S.RESPONDING, S.OCCURRED])
def test_review_counts_reviews_and_moves_the_next_review(state: RiskState) -> None:
    r = risk_in(state)
    review(r, stamp_at(LATER))
    assert (r.reviews, r.next_review_on, r.state) == (1, date(2024, 5, 1), state)


@pytest.mark.parametrize("state", [S.IDENTIFIED, S.ASSESSED, S.RESPONDING])
def test_record_occurrence_links_the_complaint(state: RiskState) -> None:
    r = risk_in(state)
    occur(r, stamp_at(LATER))
    assert (r.state, r.occurrence, r.linked_complaint_id) == (S.OCCURRED, "He left", COMPLAINT)
    assert r.is_open


@pytest.mark.parametrize("state", [S.IDENTIFIED, S.ASSESSED, S.RESPONDING, S.OCCURRED])
def test_close_ends_the_risk_and_its_review_schedule(state: RiskState) -> None:
    r = risk_in(state)
    close(r, stamp_at(LATER))
    assert (r.state, r.is_open, r.close_reason, r.next_review_on) == (
        S.CLOSED,
        False,
        "Knowledge transferred",
        None,
    )


OPEN = {S.IDENTIFIED, S.ASSESSED, S.RESPONDING, S.OCCURRED}
RULES: dict[str, tuple[Command, set[RiskState], str]] = {
    "assess": (assess, OPEN, "risk.assess_while_open"),
    "plan_response": (plan, {S.ASSESSED, S.RESPONDING, S.OCCURRED}, "risk.plan_after_assessment"),
    "review": (review, OPEN, "risk.review_while_open"),
    "record_occurrence": (occur, {S.IDENTIFIED, S.ASSESSED, S.RESPONDING}, "risk.occur_once"),
    "close": (close, OPEN, "risk.close_once"),
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
    command: str, state: RiskState
) -> None:
    run, _, rule = RULES[command]
    r = risk_in(state)
    assert_rule(r, lambda: run(r, stamp_at(LATER)), rule)


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (lambda r, s: r.review(notes=" ", next_review_on=REVIEW_ON, stamp=s), "notes"),
        (
            lambda r, s: r.record_occurrence(what_happened="", linked_complaint_id=None, stamp=s),
            "whatHappened",
        ),
        (lambda r, s: r.close(reason="", stamp=s), "reason"),
    ],
)
def test_a_blank_required_text_is_refused(command: Command, field: str) -> None:
    r = risk_in(S.ASSESSED)
    assert_invalid(r, lambda: command(r, stamp_at(LATER)), field)


def test_an_event_before_the_previous_one_is_refused() -> None:
    r = risk_in(S.ASSESSED)
    assert_rule(r, lambda: review(r, stamp_at(0)), "event.occurred_in_order")


@pytest.mark.parametrize("state", list(S))
def test_replaying_the_events_rebuilds_an_equal_risk(state: RiskState) -> None:
    r = risk_in(state)
    if r.is_open:
        review(r, stamp_at(LATER))
    assert replay(r) == r


def test_every_state_attribute_is_annotated_for_snapshots() -> None:
    r = risk_in(S.OCCURRED)
    hints = typing.get_type_hints(Risk)
    assert {name for name in vars(r) if not name.startswith("_")} <= set(hints)
