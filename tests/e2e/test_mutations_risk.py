"""Risk mutations over HTTP: each succeeds, refuses a bad value and breaks its rule."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from tests.e2e.mutation_cases import (
    CLOSE_ENGAGEMENT,
    IDENTIFY,
    Case,
    active,
    check_case,
    given,
    step,
)

K = {"riskId": "$risk"}
CLOSE = step("closeRisk", {**K, "reason": "No longer relevant"})

IDENTIFIED = given(active, step("identifyRisk", IDENTIFY, "risk"))
ASSESSED = given(IDENTIFIED, step("assessRisk", {**K, "probability": 4, "impact": 5}))

CASES = [
    Case("identifyRisk", active, IDENTIFY,
         {"state": "IDENTIFIED", "title": "Key person leaves", "category": "RESOURCE",
          "owner": "maria", "exposure": None},
         "Identified", invalid=("owner", " "), rule="engagement.open_for_work",
         then=CLOSE_ENGAGEMENT),
    Case("assessRisk", IDENTIFIED, {**K, "probability": 4, "impact": 5},
         {"state": "ASSESSED", "probability": 4, "impact": 5, "exposure": 20,
          "level": "CRITICAL", "assessments": 1},
         "Assessed", invalid=("impact", 6), rule="risk.assess_while_open", then=CLOSE),
    Case("planRiskResponse", ASSESSED,
         {**K, "strategy": "MITIGATE", "actions": ["Pair up"], "nextReviewOn": "2026-04-01"},
         {"state": "RESPONDING", "strategy": "MITIGATE", "nextReviewOn": "2026-04-01"},
         "ResponsePlanned", invalid=("actions", []), rule="risk.plan_after_assessment",
         then=CLOSE),
    Case("reviewRisk", IDENTIFIED, {**K, "notes": "Still likely", "nextReviewOn": "2026-04-15"},
         {"reviews": 1, "nextReviewOn": "2026-04-15", "reviewOverdue": False},
         "Reviewed", invalid=("notes", " "), rule="risk.review_while_open", then=CLOSE),
    Case("recordRiskOccurrence", IDENTIFIED, {**K, "whatHappened": "Maria resigned"},
         {"state": "OCCURRED"},
         "Occurred", invalid=("whatHappened", " "), rule="risk.occur_once"),
    Case("closeRisk", IDENTIFIED, {**K, "reason": "No longer relevant"}, {"state": "CLOSED"},
         "Closed", invalid=("reason", " "), rule="risk.close_once"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
def test_risk_mutation_succeeds_and_refuses_bad_values_and_broken_rules(
    shared_api: Api, case: Case
) -> None:
    check_case(shared_api, case)
