"""Calendar and SLA policy mutations over HTTP: each succeeds, refuses a bad
value and, when it revises, breaks its rule on a revision that changes nothing."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from tests.e2e.mutation_cases import Case, check_case, given, nothing, step

HOURS = [{"day": day, "start": "09:00", "end": "17:00"} for day in ("MONDAY", "TUESDAY")]
SUMMER = [{"day": "MONDAY", "start": "08:00", "end": "16:00"}]
DEFINE_CALENDAR = {"name": "Berlin office", "timeZone": "Europe/Berlin", "hours": HOURS,
                   "holidays": ["2026-12-25"]}  # fmt: skip
TARGETS = [
    {"severity": severity, "firstResponseMinutes": 60, "resolutionMinutes": 480}
    for severity in ("CRITICAL", "HIGH", "MEDIUM", "LOW")
]
CALENDAR = {"calendarId": "$businessCalendar"}
ESCALATE = [{"trigger": "BREACH", "clock": "RESOLUTION", "level": 2}]
DEFINE_POLICY = {"name": "Gold", "targets": TARGETS, **CALENDAR, "warningPercent": 75,
                 "escalationRules": ESCALATE}  # fmt: skip

CALENDAR_DEFINED = given(
    nothing, step("defineBusinessCalendar", DEFINE_CALENDAR, "businessCalendar")
)
POLICY_DEFINED = given(CALENDAR_DEFINED, step("defineSlaPolicy", DEFINE_POLICY, "slaPolicy"))

CASES = [
    Case("defineBusinessCalendar", nothing, DEFINE_CALENDAR,
         {"name": "Berlin office", "timeZone": "Europe/Berlin", "holidays": ["2026-12-25"],
          "hours": HOURS},
         "Defined", invalid=("timeZone", "Mars/Olympus")),
    Case("reviseBusinessCalendar", CALENDAR_DEFINED,
         {**CALENDAR, "hours": SUMMER, "reason": "Summer"},
         {"hours": SUMMER, "timeZone": "Europe/Berlin", "holidays": ["2026-12-25"],
          "lastReason": "Summer"},
         "Revised", invalid=("reason", " "), rule="calendar.revision_changes"),
    Case("defineSlaPolicy", CALENDAR_DEFINED, DEFINE_POLICY,
         {"name": "Gold", "isDefault": False, "warningPercent": 75,
          "targets": [{"severity": t["severity"], "firstResponseMinutes": 60} for t in TARGETS],
          "escalationRules": [{"trigger": "BREACH", "clock": "RESOLUTION", "level": 2}]},
         "Defined", invalid=("warningPercent", 150)),
    Case("reviseSlaPolicy", POLICY_DEFINED,
         {"policyId": "$slaPolicy", "warningPercent": 80, "reason": "Warn later"},
         {"warningPercent": 80, "lastReason": "Warn later",
          "escalationRules": [{"trigger": "BREACH", "clock": "RESOLUTION", "level": 2}]},
         "Revised", invalid=("reason", " "), rule="sla_policy.revision_changes"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
def test_sla_mutation_succeeds_and_refuses_bad_values_and_broken_rules(
    shared_api: Api, case: Case
) -> None:
    check_case(shared_api, case)
