"""Who may do what, as a table, and the objects the access tests act on.

The expected answers come from the tables below, written from the rules in
application/access.py's docstring and DESIGN §5, not computed from `GRANTS`:
a test that derived them from the code it checks would pass whatever it said.

The matrix (test_access_matrix.py) covers every mutation and read for every
role, and what no client sees: operations, and the log's head through
`viewsReached`. What is a client's alone is checked further in
test_client_privacy.py (internal notes in every trail, history and stream)
and test_client_scope.py; a revoked token's open subscription in
test_subscription_revocation.py; rate limits per token id and per address in
test_rate_limits.py."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tests.e2e.conftest import CLIENT_ID, Api, engagement_input
from tests.e2e.mutation_cases import resolve
from tests.e2e.test_mutations_sla import DEFINE_CALENDAR, DEFINE_POLICY, SUMMER

ROLES = ("admin", "manager", "agent", "viewer", "client")
STAFF_AREAS: dict[str, set[str]] = {
    "viewer": set(),
    "agent": {"complaint", "requirement"},
    "manager": {"complaint", "requirement", "engagement", "risk", "sla"},
    "admin": {
        "complaint",
        "requirement",
        "engagement",
        "risk",
        "sla",
        "tokens",
        "webhooks",
        "replay",
    },
    "client": set(),
}
# What a client does itself, on its own engagements; nothing else.
CLIENT_MUTATIONS = {
    "recordSurveyResponse",
    "confirmRequirement",
    "acceptRequirement",
    "rejectRequirement",
    "receiveComplaint",
    "recordClientReply",
}
LATER = "2026-04-01"


def eng(**fields: Any) -> dict[str, Any]:
    return {"engagementId": "$engagement", **fields}


def req(**fields: Any) -> dict[str, Any]:
    return {"requirementId": "$requirement", **fields}


def cpl(**fields: Any) -> dict[str, Any]:
    return {"complaintId": "$complaint", **fields}


def rsk(**fields: Any) -> dict[str, Any]:
    return {"riskId": "$risk", **fields}


MEMBER = eng(person="sam", role="RESPONSIBLE", area="support")
# Arguments per area; "$name" stands for a subject's id. Valid inputs, in an
# order that lets most of them succeed for a role that may run them all.
ENGAGEMENT = {
    "openEngagement": engagement_input(CLIENT_ID),
    "setObjective": eng(description="Fast", metric="h", target="8", dueOn=LATER),
    "recordObjectiveResult": eng(objectiveId="$objective", actual="6"),
    "planMilestone": eng(name="Go-live", dueOn=LATER, weight="1"),
    "rescheduleMilestone": eng(milestoneId="$milestone", dueOn="2026-05-01", reason="Late"),
    "completeMilestone": eng(milestoneId="$milestone"),
    "assignMember": MEMBER,
    "releaseMember": MEMBER,
    "chooseSlaPolicy": eng(policyId="$policy"),
    "setCommunicationPlan": eng(cadence="weekly", channels=["email"], audience=["client"]),
    "logMeeting": eng(heldOn="2026-03-01", attendees=["sam"], agenda="Kick-off", minutes="Ok"),
    "publishStatusReport": eng(
        periodStart="2026-02-23", periodEnd="2026-03-01", rag="GREEN", summary="On track"
    ),
    "recordCost": eng(amount="100.00", category="LABOUR", incurredOn="2026-03-01"),
    "reviseBudget": eng(newBudget="130000.00", reason="Scope"),
    "recordSurveyResponse": eng(csat=5, respondent="ann", channel="email"),
    "startEngagement": eng(),
    "putEngagementOnHold": eng(reason="Parts"),
    "resumeEngagement": eng(),
}
REQUIREMENT = {
    "captureRequirement": eng(
        title="Export", source="INTERVIEW", priority="SHOULD", requestedBy="ann"
    ),
    "addAcceptanceCriterion": req(text="CSV opens"),
    "removeAcceptanceCriterion": req(criterionId="$spare_criterion"),
    "confirmRequirement": req(confirmedBy="ann"),
    "startRequirement": req(),
    "deliverRequirement": req(evidence="Build 42"),
    "rejectRequirement": req(reason="Fails", unmetCriterionIds=["$criterion"]),
    "acceptRequirement": req(acceptedBy="ann", metCriterionIds=["$criterion"]),
    "requestRequirementChange": req(reason="More", newDescription="XLSX too"),
    "withdrawRequirement": req(reason="Dropped"),
}
COMPLAINT = {
    "receiveComplaint": eng(
        channel="EMAIL", severity="HIGH", category="billing", description="Twice"
    ),
    "acknowledgeComplaint": cpl(agent="sam", message="On it"),
    "assignComplaint": cpl(agent="sam"),
    "escalateComplaint": cpl(level=1, reason="Angry"),
    "addComplaintNote": cpl(visibility="INTERNAL", text="Called"),
    "waitOnClient": cpl(reason="Invoice number?"),
    "recordClientReply": cpl(message="INV-7"),
    "identifyRootCause": cpl(category="process", analysis="Ran twice"),
    "recordSlaBreach": cpl(clock="FIRST_RESPONSE"),
    "watchSla": cpl(),
    "resolveComplaint": cpl(resolution="Refunded"),
    "reopenComplaint": cpl(reason="Charged again"),
    "closeComplaint": cpl(clientConfirmed=True, csat=4),
}
RISK = {
    "identifyRisk": eng(title="Supplier", category="EXTERNAL", owner="sam"),
    "assessRisk": rsk(probability=3, impact=4),
    "planRiskResponse": rsk(strategy="MITIGATE", actions=["Backup"], nextReviewOn=LATER),
    "reviewRisk": rsk(notes="Stable", nextReviewOn=LATER),
    "recordRiskOccurrence": rsk(whatHappened="Supplier late"),
    "closeRisk": rsk(reason="Passed"),
}
SLA = {
    "defineBusinessCalendar": DEFINE_CALENDAR,
    "reviseBusinessCalendar": {
        "calendarId": "$calendar",
        "timeZone": "UTC",
        "hours": SUMMER,
        "reason": "Summer",
    },
    "defineSlaPolicy": {**DEFINE_POLICY, "calendarId": "$calendar"},
    "reviseSlaPolicy": {"policyId": "$policy", "removeCalendar": True, "reason": "No calendar"},
}
WEBHOOKS: dict[str, dict[str, Any]] = {
    "registerWebhook": {"input": {"url": "http://127.0.0.1:9/events"}},
    "disableWebhook": {"id": "$webhook"},
    "enableWebhook": {"id": "$webhook"},
    "removeWebhook": {"id": "$webhook"},
}
TOKENS: dict[str, dict[str, Any]] = {
    "createToken": {"input": {"role": "VIEWER", "name": "new-viewer"}},
    "revokeToken": {"id": "$spare_token"},
}
CLOSING = {"closeEngagement": eng(outcome="Done", forceReason="End"), "archiveEngagement": eng()}
AREAS: list[tuple[str, dict[str, dict[str, Any]]]] = [
    ("engagement", ENGAGEMENT),
    ("requirement", REQUIREMENT),
    ("complaint", COMPLAINT),
    ("risk", RISK),
    ("sla", SLA),
    ("tokens", TOKENS),
    ("webhooks", WEBHOOKS),
    ("engagement", CLOSING),
    ("replay", {"replayViews": {"views": ["audit"]}, "verifyViews": {"views": ["audit"]}}),
]
# Mutation -> (area, arguments), in the order the matrix runs them.
MATRIX = {name: (area, arguments) for area, table in AREAS for name, arguments in table.items()}


def allowed(role: str, mutation: str) -> bool:
    if role == "client":
        return mutation in CLIENT_MUTATIONS
    return MATRIX[mutation][0] in STAFF_AREAS[role]


def arguments(mutation: str, subjects: dict[str, str]) -> Any:
    """The matrix's arguments of `mutation`, on these subjects."""
    return resolve(MATRIX[mutation][1], subjects)


def created(api: Api, mutation: str, subjects: dict[str, str]) -> str:
    result = api.mutate(mutation, arguments(mutation, subjects))
    assert result["createdIds"], result
    return str(result["createdIds"][0])


def open_subjects(api: Api, client_id: UUID = CLIENT_ID) -> dict[str, str]:
    """An engagement of `client_id` with a requirement (two criteria), a complaint,
    a risk, an objective and a milestone, set up by an admin."""
    subjects = {"engagement": api.open_engagement(client_id)}
    for name, mutation in [
        ("requirement", "captureRequirement"),
        ("criterion", "addAcceptanceCriterion"),
        ("spare_criterion", "addAcceptanceCriterion"),
        ("risk", "identifyRisk"),
        ("objective", "setObjective"),
        ("milestone", "planMilestone"),
    ]:
        subjects[name] = created(api, mutation, subjects)
    subjects["complaint"] = api.receive_complaint(subjects["engagement"])
    subjects["calendar"] = created(api, "defineBusinessCalendar", subjects)
    subjects["policy"] = created(api, "defineSlaPolicy", subjects)
    webhook, _ = api.services.webhooks.register("http://127.0.0.1:9/events")
    subjects["webhook"] = str(webhook.endpoint_id)
    return subjects


def named_token(api: Api, role: str, name: str, client_id: UUID | None = None) -> str:
    """A new token whose events are recorded under `name`."""
    secret, _ = api.services.tokens.create(role, name, client_id)
    return str(secret)


READS = """query($e: UUID!, $r: UUID!, $c: UUID!, $k: UUID!) {
    engagement(id: $e) { id } requirement(id: $r) { id } complaint(id: $c) { id }
    risk(id: $k) { id } engagements { nodes { id } } requirements { nodes { id } }
    complaints { nodes { id } } risks { nodes { id } } portfolio { engagements }
    auditTrail(engagementId: $e) { nodes { actor } }
    workload { people { person } unassignedOpenComplaints } }"""
BY_ID = {"engagement": "e", "requirement": "r", "complaint": "c", "risk": "k"}
LISTS = {
    "engagements": "engagement",
    "requirements": "requirement",
    "complaints": "complaint",
    "risks": "risk",
}


def read_all(api: Api, subjects: dict[str, str], token: str) -> Any:
    """Every read (`READS`) of these subjects, as `token`: the response body."""
    variables = {short: subjects[name] for name, short in BY_ID.items()}
    return api.gql(READS, variables, token=token)
