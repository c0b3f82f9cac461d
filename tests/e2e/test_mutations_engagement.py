"""Engagement mutations over HTTP: each succeeds, refuses a bad value and breaks its rule."""

from __future__ import annotations

import pytest

from domain.sla import DEFAULT_POLICY_ID
from tests.e2e.conftest import Api, engagement_input
from tests.e2e.mutation_cases import (
    CAPTURE,
    CLOSE_ENGAGEMENT,
    RECEIVE,
    Case,
    E,
    active,
    check_case,
    given,
    nothing,
    planned,
    resolve,
    run_steps,
    step,
)

OBJECTIVE = {**E, "description": "Answer in a day", "metric": "hours", "target": "24",
             "dueOn": "2026-06-30"}  # fmt: skip
MILESTONE = {**E, "name": "Go-live", "dueOn": "2026-06-01", "weight": "2"}
MEMBER = {**E, "person": "sam", "role": "ACCOUNTABLE", "area": "support"}
ON_HOLD = {**E, "reason": "Client freeze"}

WITH_OBJECTIVE = given(active, step("setObjective", OBJECTIVE, "objective"))
WITH_MILESTONE = given(active, step("planMilestone", MILESTONE, "milestone"))
LEE = {**E, "person": "lee", "role": "RESPONSIBLE", "area": "support"}
WITH_MEMBERS = given(active, step("assignMember", MEMBER), step("assignMember", LEE))
PAUSED = given(active, step("putEngagementOnHold", ON_HOLD))
CLOSED = given(active, CLOSE_ENGAGEMENT)
NOT_EDITABLE = "engagement.not_editable"

CASES = [
    Case("openEngagement", nothing, engagement_input(),
         {"state": "PLANNED", "clientName": "Acme", "title": "After-sales support"},
         "Opened", invalid=("currency", "euro")),
    Case("setObjective", active, OBJECTIVE,
         {"objectives": [{"description": "Answer in a day", "target": "24", "actual": None}]},
         "ObjectiveSet", invalid=("target", "-1"), rule=NOT_EDITABLE, then=CLOSE_ENGAGEMENT,
         creates=True),
    Case("recordObjectiveResult", WITH_OBJECTIVE,
         {**E, "objectiveId": "$objective", "actual": "12"},
         {"objectives": [{"actual": "12"}]},
         "ObjectiveResultRecorded", invalid=("actual", "-1"), rule=NOT_EDITABLE,
         then=CLOSE_ENGAGEMENT),
    Case("planMilestone", active, MILESTONE,
         {"milestones": [{"name": "Go-live", "dueOn": "2026-06-01", "weight": "2"}]},
         "MilestonePlanned", invalid=("weight", "0"), rule=NOT_EDITABLE, then=CLOSE_ENGAGEMENT,
         creates=True),
    Case("rescheduleMilestone", WITH_MILESTONE,
         {**E, "milestoneId": "$milestone", "dueOn": "2026-07-01", "reason": "Vendor late"},
         {"milestones": [{"dueOn": "2026-07-01", "completedAt": None}]},
         "MilestoneRescheduled", invalid=("reason", " "), rule="engagement.milestone_open",
         then=step("completeMilestone", {**E, "milestoneId": "$milestone"})),
    Case("completeMilestone", WITH_MILESTONE, {**E, "milestoneId": "$milestone"},
         {"milestones": [{"completedAt": "2026-03-02T09:00:00+00:00"}]},
         "MilestoneCompleted", rule="engagement.milestone_open"),
    Case("assignMember", active, MEMBER,
         {"team": [{"person": "sam", "role": "ACCOUNTABLE", "area": "support"}]},
         "MemberAssigned", invalid=("area", " "), rule="engagement.member_assigned_once"),
    Case("releaseMember", WITH_MEMBERS, MEMBER,
         {"team": [{"person": "lee", "role": "RESPONSIBLE", "area": "support"}]},
         "MemberReleased", invalid=("person", " "), rule="engagement.release_assigned_member"),
    # Chosen explicitly, the default policy stays the engagement's whatever it becomes.
    Case("chooseSlaPolicy", active, {**E, "policyId": str(DEFAULT_POLICY_ID)},
         {"slaPolicyId": str(DEFAULT_POLICY_ID)}, "SlaPolicyChosen",
         rule="engagement.sla_policy_changes"),
    Case("setCommunicationPlan", active,
         {**E, "cadence": "weekly", "channels": ["email"], "audience": ["client"]},
         {"communicationPlan": {"cadence": "weekly", "channels": ["email"],
                                "audience": ["client"]}},
         "CommunicationPlanSet", invalid=("channels", []), rule=NOT_EDITABLE,
         then=CLOSE_ENGAGEMENT),
    Case("logMeeting", active,
         {**E, "heldOn": "2026-03-02", "attendees": ["sam", "Ann"], "agenda": "Kick-off",
          "minutes": "Scope agreed",
          "actionItems": [{"description": "Send plan", "owner": "sam", "dueOn": "2026-03-09"}]},
         {"meetings": [{"heldOn": "2026-03-02", "attendees": ["sam", "Ann"], "agenda": "Kick-off",
                        "minutes": "Scope agreed", "loggedBy": "admin-staff",
                        "loggedAt": "2026-03-02T09:00:00+00:00", "actionItems": [
                            {"description": "Send plan", "owner": "sam", "dueOn": "2026-03-09"}]}]},
         "MeetingLogged", invalid=("heldOn", "2026-03-03"), rule=NOT_EDITABLE,
         then=CLOSE_ENGAGEMENT, creates=True),
    Case("publishStatusReport", active,
         {**E, "periodStart": "2026-02-23", "periodEnd": "2026-03-01", "rag": "AMBER",
          "summary": "Slipping a little"},
         {"progress": {"latestRag": "AMBER"},
          "statusReports": [{"periodStart": "2026-02-23", "periodEnd": "2026-03-01",
                             "rag": "AMBER", "summary": "Slipping a little", "nextSteps": "",
                             "publishedBy": "admin-staff",
                             "publishedAt": "2026-03-02T09:00:00+00:00"}]},
         "StatusReportPublished", invalid=("summary", " "), rule=NOT_EDITABLE,
         then=CLOSE_ENGAGEMENT),
    Case("recordCost", active,
         {**E, "amount": "1500.00", "category": "LABOUR", "incurredOn": "2026-03-01"},
         {"budget": {"actualCost": "1500.00", "costByCategory": [
             {"key": "LABOUR", "amount": "1500.00"}, {"key": "MATERIAL", "amount": "0.00"},
             {"key": "TRAVEL", "amount": "0.00"}, {"key": "SUBCONTRACT", "amount": "0.00"},
             {"key": "OTHER", "amount": "0.00"}]}},
         "CostRecorded", invalid=("amount", "0"), rule=NOT_EDITABLE, then=CLOSE_ENGAGEMENT,
         creates=True),
    Case("reviseBudget", active, {**E, "newBudget": "150000.00", "reason": "Scope grew"},
         {"budget": {"budget": "150000.00", "originalBudget": "120000.00"}},
         "BudgetRevised", invalid=("newBudget", "-5"), rule=NOT_EDITABLE, then=CLOSE_ENGAGEMENT),
    Case("recordSurveyResponse", active,
         {**E, "csat": 5, "nps": 9, "respondent": "Ann", "channel": "email"},
         {"satisfaction": {"csatResponses": 1, "csatMean": "5.00", "npsResponses": 1}},
         "SurveyResponseRecorded", invalid=("csat", 6), rule=NOT_EDITABLE, then=CLOSE_ENGAGEMENT,
         creates=True),
    Case("startEngagement", planned, E, {"state": "ACTIVE"},
         "Started", rule="engagement.start_when_planned"),
    Case("putEngagementOnHold", active, ON_HOLD, {"state": "ON_HOLD"},
         "PutOnHold", invalid=("reason", " "), rule="engagement.hold_when_active"),
    Case("resumeEngagement", PAUSED, E, {"state": "ACTIVE"},
         "Resumed", rule="engagement.resume_when_on_hold"),
    Case("closeEngagement", active,
         {**E, "outcome": "Delivered", "lessonsLearned": ["Start early"]}, {"state": "CLOSED"},
         "Closed", invalid=("outcome", " "), rule="engagement.close_when_running"),
    Case("archiveEngagement", CLOSED, E, {"state": "ARCHIVED"},
         "Archived", rule="engagement.archive_when_closed"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
def test_engagement_mutation_succeeds_and_refuses_bad_values_and_broken_rules(
    shared_api: Api, case: Case
) -> None:
    check_case(shared_api, case)


def test_an_occurred_at_before_the_objects_last_event_breaks_the_order_rule(
    shared_api: Api,
) -> None:
    opened = {**engagement_input(), "occurredAt": "2026-03-02T07:00:00+00:00"}
    ids = run_steps(shared_api, {}, ("openEngagement", opened, "engagement"))
    cost = {**E, "amount": "10", "category": "TRAVEL", "incurredOn": "2026-03-01"}
    refused = shared_api.mutate(
        "recordCost", resolve({**cost, "occurredAt": "2026-03-02T06:00:00+00:00"}, ids)
    )
    assert (refused["__typename"], refused["rule"]) == ("RuleViolation", "event.occurred_in_order")
    later = resolve({**cost, "occurredAt": "2026-03-02T08:00:00+00:00"}, ids)
    assert shared_api.mutate("recordCost", later)["version"] == 2


def test_closing_with_open_items_names_them_unless_a_force_reason_is_given(
    shared_api: Api,
) -> None:
    api = shared_api
    ids = run_steps(
        api, active(api), ("receiveComplaint", RECEIVE, "complaint"),
        ("captureRequirement", CAPTURE, "requirement"),
    )  # fmt: skip
    close = {**E, "outcome": "Delivered"}
    refused = api.mutate("closeEngagement", resolve(close, ids))
    assert (refused["__typename"], refused["rule"], refused["subjects"]) == (
        "RuleViolation", "engagement.close_with_open_items", [ids["complaint"], ids["requirement"]]
    )  # fmt: skip
    forced = api.mutate(
        "closeEngagement", resolve({**close, "forceReason": "Client ended the contract"}, ids),
        "... on EngagementPayload { engagement { state } }",
    )  # fmt: skip
    assert (forced["version"], forced["engagement"]) == (3, {"state": "CLOSED"})
