"""Calendars, policies, the simulation and webhooks over HTTP: what integrators
and the admin app read and do."""

from __future__ import annotations

from typing import Any

from domain.sla import DEFAULT_POLICY_ID
from tests.e2e.conftest import CLIENT_ID, Api
from tests.e2e.test_mutations_sla import DEFINE_CALENDAR, DEFINE_POLICY

POLICIES = "{ slaPolicies { nodes { id name isDefault version calendarId } } }"


def define(api: Api, mutation: str, given: dict[str, Any]) -> str:
    result = api.mutate(mutation, given)
    assert result["__typename"].endswith("Payload"), result
    return str(result["createdIds"][0])


def test_the_default_policy_is_listed_first_at_version_0_until_revised(api: Api) -> None:
    default = {"id": str(DEFAULT_POLICY_ID), "name": "Default", "isDefault": True,
               "version": 0, "calendarId": None}  # fmt: skip
    assert api.data(POLICIES)["slaPolicies"]["nodes"] == [default]

    calendar = define(api, "defineBusinessCalendar", DEFINE_CALENDAR)
    gold = define(api, "defineSlaPolicy", {**DEFINE_POLICY, "calendarId": calendar})
    revised = api.mutate(
        "reviseSlaPolicy",
        {"policyId": str(DEFAULT_POLICY_ID), "targets": DEFINE_POLICY["targets"],
         "reason": "Everyone answers within the hour"},
    )  # fmt: skip

    assert revised["version"] == 2
    nodes = api.data(POLICIES)["slaPolicies"]["nodes"]
    assert [(n["id"], n["version"]) for n in nodes] == [(str(DEFAULT_POLICY_ID), 2), (gold, 1)]


def test_a_complaint_shows_the_policy_version_it_was_received_under(api: Api) -> None:
    engagement = api.open_engagement()
    calendar = define(api, "defineBusinessCalendar", DEFINE_CALENDAR)
    gold = define(api, "defineSlaPolicy", {**DEFINE_POLICY, "calendarId": calendar})
    api.mutate("chooseSlaPolicy", {"engagementId": engagement, "policyId": gold})
    complaint = api.receive_complaint(engagement)
    query = """query($c: UUID!, $e: UUID!) { complaint(id: $c) { slaPolicyId slaPolicyVersion
        firstResponseDue firstResponseWarningAt } engagement(id: $e) { slaPolicyId } }"""

    found = api.data(query, {"c": complaint, "e": engagement})

    # Monday 2 March, 09:00 UTC is 10:00 in Berlin: one working hour to answer,
    # a warning when three quarters of it have passed.
    assert found == {
        "complaint": {"slaPolicyId": gold, "slaPolicyVersion": 1,
                      "firstResponseDue": "2026-03-02T10:00:00+00:00",
                      "firstResponseWarningAt": "2026-03-02T09:45:00+00:00"},
        "engagement": {"slaPolicyId": gold},
    }  # fmt: skip


def test_a_calendar_reads_back_as_it_was_defined_with_its_history(api: Api) -> None:
    calendar = define(api, "defineBusinessCalendar", DEFINE_CALENDAR)
    query = """query($id: UUID!) { businessCalendar(id: $id) { name timeZone holidays
        hours { day start end } version history { nodes { eventType } } } }"""
    found = api.data(query, {"id": calendar})["businessCalendar"]
    assert found == {
        "name": "Berlin office", "timeZone": "Europe/Berlin", "holidays": ["2026-12-25"],
        "hours": DEFINE_CALENDAR["hours"], "version": 1,
        "history": {"nodes": [{"eventType": "BusinessCalendar.Defined"}]},
    }  # fmt: skip


SIMULATION = """query($policy: UUID!, $from: DateTime!) { slaSimulation(policyId: $policy,
    from: $from) { complaints bySeverity { severity complaints
    actual { clock met answered percent } simulated { clock met answered percent } } } }"""


def test_a_manager_simulates_a_policy_over_past_complaints(api: Api) -> None:
    engagement = api.open_engagement()
    complaint = api.receive_complaint(engagement)
    api.clock.advance(hours=2)
    api.mutate("acknowledgeComplaint", {"complaintId": complaint, "agent": "sam", "message": "Hi"})
    strict = {**DEFINE_POLICY, "calendarId": None, "warningPercent": None, "escalationRules": []}
    policy = define(api, "defineSlaPolicy", strict)  # one hour to answer

    variables = {"policy": policy, "from": "2026-03-01T00:00:00+00:00"}
    found = api.data(SIMULATION, variables, token=api.token("manager"))["slaSimulation"]

    assert found["complaints"] == 1
    (high,) = found["bySeverity"]
    first = {c["clock"]: c for c in high["actual"]}["FIRST_RESPONSE"]
    then = {c["clock"]: c for c in high["simulated"]}["FIRST_RESPONSE"]
    assert (first["met"], then["met"], first["answered"], then["answered"]) == (1, 0, 1, 1)


def test_a_viewer_may_not_simulate_and_a_client_sees_no_policy(api: Api) -> None:
    variables = {"policy": str(DEFAULT_POLICY_ID), "from": "2026-03-01T00:00:00+00:00"}
    refused = api.gql(SIMULATION, variables, token=api.token("viewer"))
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    client = api.token("client", CLIENT_ID)
    assert api.data(POLICIES, token=client)["slaPolicies"]["nodes"] == []
    one = "query($id: UUID!) { slaPolicy(id: $id) { id } }"
    assert api.data(one, {"id": str(DEFAULT_POLICY_ID)}, token=client) == {"slaPolicy": None}


REGISTER = """mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) {
    __typename ... on WebhookRegistered { secret webhook { id url eventTypes position } }
    ... on ValidationError { field } } }"""
WEBHOOKS = "{ webhooks { id url disabledAt deliveries { nodes { attempt } } } }"


def test_an_admin_registers_a_webhook_and_sees_its_secret_once(api: Api) -> None:
    given = {"url": "https://hooks.example.com/rapport", "eventTypes": ["Complaint.*"]}
    registered = api.data(REGISTER, {"input": given})["registerWebhook"]
    assert registered["secret"].startswith("whsec_")
    webhook = registered["webhook"]
    assert (webhook["url"], webhook["eventTypes"]) == (given["url"], ["Complaint.*"])

    listed = api.data(WEBHOOKS)["webhooks"]
    assert listed == [{"id": webhook["id"], "url": given["url"], "disabledAt": None,
                       "deliveries": {"nodes": []}}]  # fmt: skip
    disabled = api.data(
        "mutation($id: UUID!) { disableWebhook(id: $id) { ... on WebhookChanged { webhook "
        "{ disabledAt disabledReason } } } }",
        {"id": webhook["id"]},
    )["disableWebhook"]["webhook"]
    assert disabled["disabledAt"] and disabled["disabledReason"].startswith("disabled by")


def test_a_webhook_needs_an_http_url(api: Api) -> None:
    refused = api.data(REGISTER, {"input": {"url": "mailto:ops@example.com"}})["registerWebhook"]
    assert refused == {"__typename": "ValidationError", "field": ["input", "url"]}
