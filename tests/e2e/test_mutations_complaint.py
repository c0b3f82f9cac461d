"""Complaint mutations over HTTP: each succeeds, refuses a bad value and breaks its rule."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api, engagement_input
from tests.e2e.mutation_cases import (
    CLOSE_ENGAGEMENT,
    RECEIVE,
    Case,
    active,
    check_case,
    given,
    nothing,
    step,
    steps,
)

C = {"complaintId": "$complaint"}
ACKNOWLEDGE = step("acknowledgeComplaint", {**C, "agent": "sam", "message": "On it"})
ASSIGN = step("assignComplaint", {**C, "agent": "lee"})
RESOLVE = step("resolveComplaint", {**C, "resolution": "Refunded"})
CLOSE = step("closeComplaint", {**C, "clientConfirmed": True})


# Opened at 06:00 and phoned in at 07:00, so the one-hour target passed at 08:00.
AT_SIX = {"occurredAt": "2026-03-02T06:00:00+00:00"}
PHONED_AT_SEVEN = {**RECEIVE, "severity": "CRITICAL", "occurredAt": "2026-03-02T07:00:00+00:00"}
CRITICAL_PAST_FIRST_RESPONSE = given(
    nothing,
    step("openEngagement", {**engagement_input(), **AT_SIX}, "engagement"),
    step("startEngagement", {"engagementId": "$engagement", **AT_SIX}),
    step("receiveComplaint", PHONED_AT_SEVEN, "complaint"),
)
RECEIVED = given(active, step("receiveComplaint", RECEIVE, "complaint"))
ACKNOWLEDGED = given(RECEIVED, ACKNOWLEDGE)
IN_PROGRESS = given(ACKNOWLEDGED, ASSIGN)
WAITING = given(IN_PROGRESS, step("waitOnClient", {**C, "reason": "Need the invoice"}))
RESOLVED = given(IN_PROGRESS, RESOLVE)
CLOSED_FROM_RECEIVED = steps(ACKNOWLEDGE, RESOLVE, CLOSE)

CASES = [
    Case("receiveComplaint", active, RECEIVE,
         {"state": "RECEIVED", "severity": "HIGH", "channel": "PHONE",
          "firstResponseDue": "2026-03-02T13:00:00+00:00",
          "resolutionDue": "2026-03-03T09:00:00+00:00"},
         "Received", invalid=("description", " "), rule="engagement.open_for_work",
         then=CLOSE_ENGAGEMENT),
    Case("acknowledgeComplaint", RECEIVED, {**C, "agent": "sam", "message": "On it"},
         {"state": "ACKNOWLEDGED", "acknowledgedBy": "sam"},
         "Acknowledged", invalid=("agent", " "), rule="complaint.acknowledge_once"),
    Case("assignComplaint", ACKNOWLEDGED, {**C, "agent": "lee"},
         {"state": "IN_PROGRESS", "assignee": "lee"},
         "Assigned", invalid=("agent", " "), rule="complaint.assign_while_open", then=RESOLVE),
    Case("escalateComplaint", RECEIVED, {**C, "level": 2, "reason": "Key account"},
         {"escalationLevel": 2},
         "Escalated", invalid=("level", 9), rule="complaint.escalate_upward"),
    Case("addComplaintNote", RECEIVED, {**C, "visibility": "INTERNAL", "text": "Called back"},
         {"noteCount": 1},
         "NoteAdded", invalid=("text", " "), rule="complaint.note_until_closed",
         then=CLOSED_FROM_RECEIVED),
    Case("waitOnClient", IN_PROGRESS, {**C, "reason": "Need the invoice"},
         {"state": "WAITING_ON_CLIENT", "resolutionDue": None},
         "WaitingOnClient", invalid=("reason", " "), rule="complaint.wait_when_in_progress"),
    Case("recordClientReply", WAITING, {**C, "message": "Invoice attached"},
         {"state": "IN_PROGRESS", "resolutionDue": "2026-03-03T09:00:00+00:00"},
         "ClientReplied", invalid=("message", "x" * 10_001),
         rule="complaint.reply_when_waiting"),
    Case("identifyRootCause", RECEIVED,
         {**C, "category": "process", "analysis": "The billing run ran twice"},
         {"rootCauseCategory": "process"},
         "RootCauseIdentified", invalid=("analysis", " "),
         rule="complaint.root_cause_until_closed", then=CLOSED_FROM_RECEIVED),
    Case("resolveComplaint", IN_PROGRESS, {**C, "resolution": "Refunded"},
         {"state": "RESOLVED", "resolution": "Refunded"},
         "Resolved", invalid=("resolution", " "), rule="complaint.resolve_while_open"),
    Case("reopenComplaint", RESOLVED, {**C, "reason": "Charged again"},
         {"state": "REOPENED", "reopens": 1, "resolution": "Refunded"},
         "Reopened", invalid=("reason", " "), rule="complaint.reopen_when_resolved"),
    Case("closeComplaint", RESOLVED, {**C, "clientConfirmed": True, "csat": 4},
         {"state": "CLOSED", "clientConfirmed": True, "csat": 4},
         "Closed", invalid=("csat", 0), rule="complaint.close_when_resolved"),
    Case("recordSlaBreach", CRITICAL_PAST_FIRST_RESPONSE, {**C, "clock": "FIRST_RESPONSE"},
         {"slaBreaches": 1, "firstResponsePastDue": True},
         "SlaBreached", rule="complaint.breach_once_per_cycle"),
    # What the watchdog runs; a second watch finds nothing owed and records nothing.
    Case("watchSla", CRITICAL_PAST_FIRST_RESPONSE, C,
         {"slaBreaches": 1, "firstResponsePastDue": True}, "SlaBreached"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
def test_complaint_mutation_succeeds_and_refuses_bad_values_and_broken_rules(
    shared_api: Api, case: Case
) -> None:
    check_case(shared_api, case)
