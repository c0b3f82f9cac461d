"""Requirement mutations over HTTP: each succeeds, refuses a bad value and breaks its rule."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.e2e.conftest import Api
from tests.e2e.mutation_cases import (
    CAPTURE,
    CLOSE_ENGAGEMENT,
    Case,
    active,
    check_case,
    given,
    step,
    steps,
    version_of,
)

R = {"requirementId": "$requirement"}
CRITERION = {**R, "text": "Exports every row"}
CONFIRM = {**R, "confirmedBy": "Ann"}
UNKNOWN = str(uuid4())

CAPTURED = given(active, step("captureRequirement", CAPTURE, "requirement"))
WITH_CRITERION = given(CAPTURED, step("addAcceptanceCriterion", CRITERION, "criterion"))
CONFIRMED = given(WITH_CRITERION, step("confirmRequirement", CONFIRM))
IN_PROGRESS = given(CONFIRMED, step("startRequirement", R))
DELIVERED = given(IN_PROGRESS, step("deliverRequirement", {**R, "evidence": "Demo on staging"}))
EDITABLE_UNTIL_CONFIRMED = "requirement.criteria_editable_until_confirmed"

CASES = [
    Case("captureRequirement", active, CAPTURE,
         {"state": "CAPTURED", "priority": "MUST", "title": "Export to CSV",
          "requestedBy": "Ann", "acceptanceCriteria": 0},
         "Captured", invalid=("title", " "), rule="engagement.open_for_work",
         then=CLOSE_ENGAGEMENT),
    Case("addAcceptanceCriterion", CAPTURED, CRITERION, {"acceptanceCriteria": 1},
         "AcceptanceCriterionAdded", invalid=("text", " "), rule=EDITABLE_UNTIL_CONFIRMED,
         then=step("confirmRequirement", CONFIRM), creates=True),
    Case("removeAcceptanceCriterion", WITH_CRITERION, {**R, "criterionId": "$criterion"},
         {"acceptanceCriteria": 0, "state": "CAPTURED"},
         "AcceptanceCriterionRemoved", invalid=("criterionId", UNKNOWN),
         rule=EDITABLE_UNTIL_CONFIRMED,
         then=steps(step("addAcceptanceCriterion", CRITERION),
                          step("confirmRequirement", CONFIRM))),
    Case("confirmRequirement", WITH_CRITERION, CONFIRM,
         {"state": "CONFIRMED", "confirmedBy": "Ann"},
         "Confirmed", invalid=("confirmedBy", " "),
         rule="requirement.confirm_when_unconfirmed"),
    Case("requestRequirementChange", CONFIRMED,
         {**R, "reason": "New format", "newDescription": "Export to XLSX"},
         {"state": "CHANGE_REQUESTED", "description": "Export to XLSX", "changeRequests": 1},
         "ChangeRequested", invalid=("newDescription", " "),
         rule="requirement.change_after_confirmation"),
    Case("startRequirement", CONFIRMED, R, {"state": "IN_PROGRESS"},
         "Started", rule="requirement.start_when_confirmed"),
    Case("deliverRequirement", IN_PROGRESS, {**R, "evidence": "Demo on staging"},
         {"state": "DELIVERED"},
         "Delivered", invalid=("evidence", " "), rule="requirement.deliver_when_in_progress"),
    Case("acceptRequirement", DELIVERED,
         {**R, "acceptedBy": "Ann", "metCriterionIds": ["$criterion"]},
         {"state": "ACCEPTED", "acceptedBy": "Ann"},
         "Accepted", invalid=("metCriterionIds", [UNKNOWN]),
         rule="requirement.accept_when_delivered"),
    Case("rejectRequirement", DELIVERED,
         {**R, "reason": "Rows missing", "unmetCriterionIds": ["$criterion"]},
         {"state": "REJECTED", "rejections": 1},
         "Rejected", invalid=("unmetCriterionIds", []),
         rule="requirement.reject_when_delivered"),
    Case("withdrawRequirement", CAPTURED, {**R, "reason": "No longer needed"},
         {"state": "WITHDRAWN"},
         "Withdrawn", invalid=("reason", " "), rule="requirement.withdraw_while_open"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
def test_requirement_mutation_succeeds_and_refuses_bad_values_and_broken_rules(
    shared_api: Api, case: Case
) -> None:
    check_case(shared_api, case)


def test_accepting_with_a_criterion_unmet_names_it_and_changes_nothing(shared_api: Api) -> None:
    api = shared_api
    ids = DELIVERED(api)
    accept = {"requirementId": ids["requirement"], "acceptedBy": "Ann", "metCriterionIds": []}
    refused = api.mutate("acceptRequirement", accept)
    assert refused["__typename"] == "RuleViolation"
    assert refused["rule"] == "requirement.accept_needs_every_criterion_met"
    assert refused["subjects"] == [ids["criterion"]]
    assert version_of(api, "Requirement", ids["requirement"]) == 5


def test_a_rejection_marks_the_criteria_it_names_unmet(shared_api: Api) -> None:
    api = shared_api
    ids = DELIVERED(api)
    reject = {"requirementId": ids["requirement"], "reason": "Rows missing"}
    selection = "... on RequirementPayload { requirement { criteria { id text unmet } } }"
    rejected = api.mutate("rejectRequirement", {**reject, "unmetCriterionIds": [ids["criterion"]]},
                          selection)  # fmt: skip
    assert rejected["requirement"]["criteria"] == [
        {"id": ids["criterion"], "text": "Exports every row", "unmet": True}
    ]
