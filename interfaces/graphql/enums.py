"""The domain's fixed sets of values, as GraphQL enums.

Each is the domain's own enum, registered here once with its GraphQL name and a
description: the schema can then never offer a value the domain refuses, and a
client's tooling knows every value. GraphQL names them as Python does
(`HIGH`, `IN_PROGRESS`); the domain's values (`high`, `in_progress`) are what
events, the audit trail's `data` and webhooks carry.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from application.access import Role
from application.views.health import Health
from domain.calendar import Weekday
from domain.complaint import ComplaintChannel, ComplaintState, NoteVisibility
from domain.engagement import CostCategory, EngagementState, MemberRole, Rag
from domain.requirement import RequirementPriority, RequirementSource, RequirementState
from domain.risk import ResponseStrategy, RiskCategory, RiskLevel, RiskState
from domain.sla import Severity, SlaClock, SlaTrigger

__all__ = [
    "ComplaintChannel",
    "ComplaintState",
    "CostCategory",
    "EngagementState",
    "Health",
    "MemberRole",
    "NoteVisibility",
    "Rag",
    "RequirementPriority",
    "RequirementSource",
    "RequirementState",
    "ResponseStrategy",
    "RiskCategory",
    "RiskLevel",
    "RiskState",
    "Role",
    "Severity",
    "SlaClock",
    "SlaTrigger",
    "Weekday",
]

DESCRIPTIONS: dict[type[Enum], str] = {
    EngagementState: "Where an engagement is in its life: PLANNED, then ACTIVE (and ON_HOLD "
    "and back), then CLOSED and ARCHIVED.",
    MemberRole: "A team member's part in an area, by RACI: RESPONSIBLE does the work, "
    "ACCOUNTABLE (one per area) answers for it, CONSULTED and INFORMED are kept in the loop.",
    Rag: "A status report's traffic light: RED, AMBER or GREEN.",
    CostCategory: "What a cost was spent on.",
    Health: "An engagement's health: RED or AMBER when a figure is past its threshold "
    "(see `healthReasons`), else GREEN.",
    RequirementState: "Where a requirement is: CAPTURED, CONFIRMED by the client, "
    "IN_PROGRESS, DELIVERED, ACCEPTED; or REJECTED (back to work), CHANGE_REQUESTED "
    "(to be confirmed again) or WITHDRAWN.",
    RequirementSource: "Where a requirement came from.",
    RequirementPriority: "MoSCoW priority: MUST, SHOULD, COULD, or WONT (not this time).",
    ComplaintState: "Where a complaint is: RECEIVED, ACKNOWLEDGED, IN_PROGRESS (or "
    "WAITING_ON_CLIENT, which pauses the SLA clocks), RESOLVED, REOPENED or CLOSED.",
    ComplaintChannel: "How a complaint reached the team.",
    Severity: "How serious a complaint is; the SLA policy sets targets per severity.",
    NoteVisibility: "Who may read a note: INTERNAL notes are the team's alone and never "
    "shown to a client; PUBLIC notes are.",
    SlaClock: "One of a complaint's two SLA clocks: the FIRST_RESPONSE (until "
    "acknowledged) or the RESOLUTION (until resolved, per cycle).",
    SlaTrigger: "What an escalation rule reacts to: a clock's BREACH, or its WARNING.",
    Weekday: "A day of the week, in a business calendar's time zone.",
    RiskState: "Where a risk is: IDENTIFIED, ASSESSED, RESPONDING (a response is "
    "planned), OCCURRED, or CLOSED.",
    RiskCategory: "What kind of risk it is.",
    ResponseStrategy: "How a risk is answered: AVOID, TRANSFER, MITIGATE or ACCEPT it.",
    RiskLevel: "A risk's level by exposure (probability times impact): LOW 1-4, MEDIUM 5-9, "
    "HIGH 10-16, CRITICAL 20-25.",
    Role: "What an API token may do: ADMIN, MANAGER, AGENT and VIEWER are the service "
    "team's; CLIENT acts for one client, on its engagements only.",
}
NAMES: dict[type[Enum], str] = {Role: "TokenRole"}

for enum_class, description in DESCRIPTIONS.items():
    strawberry.enum(enum_class, name=NAMES.get(enum_class), description=description)
