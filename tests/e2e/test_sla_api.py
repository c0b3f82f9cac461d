"""Calendars, policies, the simulation and webhooks over HTTP: what integrators
and the admin app read and do."""

from __future__ import annotations

from typing import Any

import pytest

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


POLICY = """query($id: UUID!) { slaPolicy(id: $id) { version calendarId warningPercent
    targets { severity firstResponseMinutes } escalationRules { trigger clock level } } }"""
CALENDAR = (
    "query($id: UUID!) { businessCalendar(id: $id) { version timeZone holidays hours { day } } }"
)


def gold_policy(api: Api) -> tuple[str, str]:
    """A calendar, and a policy on it with warnings and an escalation rule: (policy, calendar)."""
    calendar = define(api, "defineBusinessCalendar", DEFINE_CALENDAR)
    return define(api, "defineSlaPolicy", {**DEFINE_POLICY, "calendarId": calendar}), calendar


def test_a_policy_revision_changes_the_targets_it_names_and_keeps_everything_else(
    api: Api,
) -> None:
    policy, calendar = gold_policy(api)
    faster = {"severity": "CRITICAL", "firstResponseMinutes": 15, "resolutionMinutes": 120}

    revised = api.mutate("reviseSlaPolicy", {"policyId": policy, "targets": [faster],
                                             "reason": "Critical first"})  # fmt: skip

    assert revised["__typename"] == "SlaPolicyPayload", revised
    found = api.data(POLICY, {"id": policy})["slaPolicy"]
    assert found == {
        "version": 2, "calendarId": calendar, "warningPercent": 75,
        "targets": [{"severity": "CRITICAL", "firstResponseMinutes": 15},
                    *({"severity": s, "firstResponseMinutes": 60}
                      for s in ("HIGH", "MEDIUM", "LOW"))],
        "escalationRules": [{"trigger": "BREACH", "clock": "RESOLUTION", "level": 2}],
    }  # fmt: skip


def test_a_policy_revision_removes_the_calendar_warnings_and_rules_only_when_told_to(
    api: Api,
) -> None:
    policy, _ = gold_policy(api)

    revised = api.mutate("reviseSlaPolicy", {"policyId": policy, "removeCalendar": True,
                                             "removeWarning": True, "removeEscalationRules": True,
                                             "reason": "Plain wall clock"})  # fmt: skip

    assert revised["__typename"] == "SlaPolicyPayload", revised
    found = api.data(POLICY, {"id": policy})["slaPolicy"]
    assert (found["calendarId"], found["warningPercent"], found["escalationRules"]) == (
        None, None, [])  # fmt: skip
    assert [t["firstResponseMinutes"] for t in found["targets"]] == [60, 60, 60, 60]


@pytest.mark.parametrize(
    ("given", "field"),
    [({"calendarId": "$calendar", "removeCalendar": True}, "removeCalendar"),
     ({"warningPercent": 50, "removeWarning": True}, "removeWarning"),
     ({"escalationRules": [{"trigger": "BREACH", "level": 3}], "removeEscalationRules": True},
      "removeEscalationRules"),
     ({"removeWarning": True}, "escalationRules")],
    ids=["calendar", "warning", "escalations", "warning-rules-kept-without-warnings"],
)  # fmt: skip
def test_a_policy_revision_that_both_gives_and_removes_a_part_is_refused_and_changes_nothing(
    api: Api, given: dict[str, Any], field: str
) -> None:
    policy, calendar = gold_policy(api)
    rules = {"escalationRules": [{"trigger": "WARNING", "level": 2}]}
    api.mutate("reviseSlaPolicy", {"policyId": policy, **rules, "reason": "Warn up"})
    given = {k: calendar if v == "$calendar" else v for k, v in given.items()}

    refused = api.mutate("reviseSlaPolicy", {"policyId": policy, **given, "reason": "Both"})

    assert (refused["__typename"], refused["field"]) == ("ValidationError", ["input", field])
    assert api.data(POLICY, {"id": policy})["slaPolicy"]["version"] == 2


def test_a_calendar_revision_keeps_what_it_does_not_name_and_removes_holidays_when_told_to(
    api: Api,
) -> None:
    calendar = define(api, "defineBusinessCalendar", DEFINE_CALENDAR)
    friday = [{"day": "FRIDAY", "start": "10:00", "end": "14:00"}]

    api.mutate("reviseBusinessCalendar", {"calendarId": calendar, "hours": friday,
                                          "reason": "Fridays only"})  # fmt: skip
    kept = api.data(CALENDAR, {"id": calendar})["businessCalendar"]
    api.mutate("reviseBusinessCalendar", {"calendarId": calendar, "removeHolidays": True,
                                          "reason": "No holidays"})  # fmt: skip
    cleared = api.data(CALENDAR, {"id": calendar})["businessCalendar"]

    assert kept == {"version": 2, "timeZone": "Europe/Berlin", "holidays": ["2026-12-25"],
                    "hours": [{"day": "FRIDAY"}]}  # fmt: skip
    assert cleared == {**kept, "version": 3, "holidays": []}


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
