"""The requests the HTTP benchmarks send, and the data they are sent about:
a complaint received (a mutation) and the engagement dashboard (a query over
every view of one realistic engagement)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx

from application.commands.base import CommandMeta
from application.commands.engagement import (
    CompleteMilestone,
    PlanMilestone,
    RecordSurveyResponse,
)
from application.service import Rapport
from application.views.log import read_log
from tests.benchmarks.http_load import Server, graphql
from tests.generate import generate

RECEIVE = """mutation($input: ReceiveComplaintInput!) {
  receiveComplaint(input: $input) {
    __typename
    ... on ComplaintPayload { complaintId version }
    ... on Error { message }
  }
}"""

REGISTER_PARCEL = """mutation($label: String!) { registerParcel(label: $label) }"""


def received(body: Any) -> bool:
    return bool(body["data"]["receiveComplaint"]["__typename"] == "ComplaintPayload")


def registered(body: Any) -> bool:
    return bool(body["data"]["registerParcel"])


COMPLAINT = {
    "channel": "email",
    "severity": "high",
    "category": "billing",
    "description": "Invoice charged twice",
}


def receive_body(engagement_id: UUID) -> bytes:
    complaint = {**COMPLAINT, "channel": "EMAIL", "severity": "HIGH"}
    return graphql(RECEIVE, {"input": {"engagementId": str(engagement_id), **complaint}})


DASHBOARD = """query Dashboard($id: UUID!) {
  engagement(id: $id) {
    id title state health healthReasons
    progress {
      milestonesTotal milestonesCompleted milestoneCompletionPercent
      overdueMilestones { milestoneId name dueOn }
      requirementsByState { key count }
      acceptancePercent scopeChurn latestRag
    }
    budget {
      currency budget actualCost remainingBudget consumedPercent elapsedPercent
      burnRatePerWeek projectedExhaustion costByCategory { key amount }
      earnedValue { plannedValue earnedValue cpi spi eac }
    }
    satisfaction {
      csatResponses csatMean nps complaintsReceived
      openBySeverity { key count }
      firstResponseTime { count medianSeconds p90Seconds }
      resolutionTime { count medianSeconds p90Seconds }
      slaCompliance { clock met answered unansweredPastDue percent }
      slaBreaches
    }
    riskRegister {
      risksTotal risksByState { key count } heatMap
      topExposures { riskId title exposure level hasResponsePlan }
      maxExposureWithoutPlan
    }
    complaints(first: 20) {
      nodes { id severity state receivedAt firstResponseDue resolutionDue pastDue assignee }
      pageInfo { hasNextPage endCursor }
    }
  }
}"""


def answered(body: Any) -> bool:
    return "errors" not in body and body["data"]["engagement"] is not None


def realistic_engagement(app: Rapport, seed: int = 11) -> UUID:
    """One engagement with about 50 complaints (most closed), requirements,
    assessed risks, a few hundred costs, six milestones and survey responses."""
    start = app.head()
    generate(app, 1_000, engagements=1, seed=seed)
    first_events, _ = read_log(app, start, 10)
    (engagement_id,) = {e.engagement_id for e in first_events}
    meta = CommandMeta(actor="bench")
    today = app.clock.now().date()
    for n in range(6):
        due = today + timedelta(days=30 * (n - 2))  # two in the past, the first completed
        milestone = PlanMilestone(
            engagement_id=engagement_id, name=f"M{n}", due_on=due, weight=Decimal(1)
        )
        planned = app.execute(milestone, meta)
        if n == 0:
            (milestone_id,) = planned.created_ids
            app.execute(
                CompleteMilestone(engagement_id=engagement_id, milestone_id=milestone_id), meta
            )
    for n in range(20):
        survey = RecordSurveyResponse(
            engagement_id=engagement_id, csat=1 + n % 5, nps=n % 11, respondent="c", channel="web"
        )
        app.execute(survey, meta)
    return engagement_id


def check_dashboard(server: Server, token: str, body: bytes) -> int:
    """The query answers what a dashboard shows: a full page of complaints and
    every figure. Returns the engagement's number of complaints."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    response = httpx.post(f"{server.url}/graphql", content=body, headers=headers)
    engagement = response.json()["data"]["engagement"]
    assert len(engagement["complaints"]["nodes"]) == 20
    assert engagement["progress"]["milestonesTotal"] == 6
    assert engagement["satisfaction"]["csatResponses"] >= 20
    assert engagement["riskRegister"]["risksTotal"] > 0
    received: int = engagement["satisfaction"]["complaintsReceived"]
    assert received >= 40
    return received
