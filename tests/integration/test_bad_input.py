"""Every command, given an invalid value, an unknown id, or text no field takes
(a NUL, a control character, a lone surrogate, more than the stated length) in
any of its text fields, fails with a typed error and leaves the log exactly as
it was. The same classes over GraphQL, and the arguments queries take, are in
tests/e2e/test_bad_input.py."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

import application.commands.complaint as complaint_commands
import application.commands.engagement as engagement_commands
import application.commands.requirement as requirement_commands
import application.commands.risk as risk_commands
import application.commands.sla as sla_commands
from application.commands.base import ChangeCommand, Command, CreateCommand
from application.errors import DomainError, InvalidValue, NotFound
from application.service import Rapport
from domain.engagement import ActionItem
from tests.builders import (
    capture_requirement,
    identify_risk,
    open_engagement,
    receive_complaint,
    run,
    unknown_id,
)

E = engagement_commands
R = requirement_commands
C = complaint_commands
K = risk_commands
S = sla_commands
DAY = date(2026, 3, 1)
LATER = date(2026, 4, 1)


@dataclasses.dataclass(frozen=True)
class World:
    engagement_id: UUID
    requirement_id: UUID
    complaint_id: UUID
    risk_id: UUID
    calendar_id: UUID
    policy_id: UUID


Build = Callable[[World], Command]

OFFICE_HOURS = (S.WorkingHoursSpec("monday", "09:00", "17:00"),)
TARGETS = tuple(
    S.SeverityTargetsSpec(severity, 60, 480) for severity in ("critical", "high", "medium", "low")
)

# For every command: a valid instance, and the field set to a value the domain refuses.
CASES: dict[type[Command], tuple[Build, str, Any]] = {
    E.OpenEngagement: (
        lambda w: E.OpenEngagement(
            client_id=w.engagement_id,
            client_name="Acme",
            title="Desk",
            planned_start=DAY,
            planned_end=LATER,
            budget=Decimal(10),
            currency="EUR",
            owner="ana",
        ),
        "budget",
        Decimal("-1"),
    ),
    E.SetObjective: (
        lambda w: E.SetObjective(
            engagement_id=w.engagement_id,
            description="CSAT",
            metric="mean",
            target=Decimal(4),
            due_on=LATER,
        ),
        "target",
        Decimal("-4"),
    ),
    E.RecordObjectiveResult: (
        lambda w: E.RecordObjectiveResult(
            engagement_id=w.engagement_id, objective_id=w.engagement_id, actual=Decimal(1)
        ),
        "actual",
        Decimal("-1"),
    ),
    E.PlanMilestone: (
        lambda w: E.PlanMilestone(
            engagement_id=w.engagement_id, name="Go-live", due_on=LATER, weight=Decimal(1)
        ),
        "weight",
        Decimal(0),
    ),
    E.RescheduleMilestone: (
        lambda w: E.RescheduleMilestone(
            engagement_id=w.engagement_id, milestone_id=w.engagement_id, due_on=LATER, reason="x"
        ),
        "reason",
        " ",
    ),
    E.CompleteMilestone: (
        lambda w: E.CompleteMilestone(engagement_id=w.engagement_id, milestone_id=w.risk_id),
        None,
        None,
    ),
    E.AssignMember: (
        lambda w: E.AssignMember(
            engagement_id=w.engagement_id, person="bo", role="consulted", area="billing"
        ),
        "role",
        "boss",
    ),
    E.ReleaseMember: (
        lambda w: E.ReleaseMember(
            engagement_id=w.engagement_id, person="bo", role="consulted", area="billing"
        ),
        "role",
        "boss",
    ),
    E.ChooseSlaPolicy: (
        lambda w: E.ChooseSlaPolicy(engagement_id=w.engagement_id, policy_id=w.policy_id),
        None,
        None,
    ),
    E.SetCommunicationPlan: (
        lambda w: E.SetCommunicationPlan(
            engagement_id=w.engagement_id,
            cadence="weekly",
            channels=("email",),
            audience=("sponsor",),
        ),
        "channels",
        (),
    ),
    E.LogMeeting: (
        lambda w: E.LogMeeting(
            engagement_id=w.engagement_id,
            held_on=DAY,
            attendees=("ana",),
            agenda="Kick-off",
            minutes="Agreed scope",
            action_items=(ActionItem("Send plan", "ana", LATER),),
        ),
        "attendees",
        (),
    ),
    E.PublishStatusReport: (
        lambda w: E.PublishStatusReport(
            engagement_id=w.engagement_id,
            period_start=DAY,
            period_end=DAY,
            rag="green",
            summary="On track",
        ),
        "rag",
        "purple",
    ),
    E.RecordCost: (
        lambda w: E.RecordCost(
            engagement_id=w.engagement_id, amount=Decimal(5), category="travel", incurred_on=DAY
        ),
        "amount",
        Decimal(0),
    ),
    E.ReviseBudget: (
        lambda w: E.ReviseBudget(
            engagement_id=w.engagement_id, new_budget=Decimal(5), reason="Scope cut"
        ),
        "new_budget",
        Decimal("-5"),
    ),
    E.RecordSurveyResponse: (
        lambda w: E.RecordSurveyResponse(
            engagement_id=w.engagement_id, csat=5, nps=10, respondent="client", channel="email"
        ),
        "csat",
        6,
    ),
    E.StartEngagement: (lambda w: E.StartEngagement(engagement_id=w.engagement_id), None, None),
    E.PutEngagementOnHold: (
        lambda w: E.PutEngagementOnHold(engagement_id=w.engagement_id, reason="Client freeze"),
        "reason",
        "",
    ),
    E.ResumeEngagement: (lambda w: E.ResumeEngagement(engagement_id=w.engagement_id), None, None),
    E.CloseEngagement: (
        lambda w: E.CloseEngagement(engagement_id=w.engagement_id, outcome="Done"),
        "outcome",
        "",
    ),
    E.ArchiveEngagement: (
        lambda w: E.ArchiveEngagement(engagement_id=w.engagement_id),
        None,
        None,
    ),
    R.CaptureRequirement: (
        lambda w: R.CaptureRequirement(
            engagement_id=w.engagement_id,
            title="Portal",
            source="workshop",
            priority="must",
            requested_by="c",
        ),
        "priority",
        "urgent",
    ),
    R.AddAcceptanceCriterion: (
        lambda w: R.AddAcceptanceCriterion(requirement_id=w.requirement_id, text="Works"),
        "text",
        "",
    ),
    R.RemoveAcceptanceCriterion: (
        lambda w: R.RemoveAcceptanceCriterion(
            requirement_id=w.requirement_id, criterion_id=w.risk_id
        ),
        None,
        None,
    ),
    R.ConfirmRequirement: (
        lambda w: R.ConfirmRequirement(requirement_id=w.requirement_id, confirmed_by="c"),
        "confirmed_by",
        "",
    ),
    R.RequestRequirementChange: (
        lambda w: R.RequestRequirementChange(
            requirement_id=w.requirement_id, reason="r", new_description="d"
        ),
        "new_description",
        "",
    ),
    R.StartRequirement: (lambda w: R.StartRequirement(requirement_id=w.requirement_id), None, None),
    R.DeliverRequirement: (
        lambda w: R.DeliverRequirement(requirement_id=w.requirement_id, evidence="v1"),
        "evidence",
        "",
    ),
    R.AcceptRequirement: (
        lambda w: R.AcceptRequirement(
            requirement_id=w.requirement_id, accepted_by="c", met_criterion_ids=()
        ),
        "accepted_by",
        "",
    ),
    R.RejectRequirement: (
        lambda w: R.RejectRequirement(
            requirement_id=w.requirement_id, reason="r", unmet_criterion_ids=()
        ),
        "reason",
        "",
    ),
    R.WithdrawRequirement: (
        lambda w: R.WithdrawRequirement(requirement_id=w.requirement_id, reason="r"),
        "reason",
        "",
    ),
    C.ReceiveComplaint: (
        lambda w: C.ReceiveComplaint(
            engagement_id=w.engagement_id,
            channel="phone",
            severity="low",
            category="c",
            description="d",
        ),
        "severity",
        "apocalyptic",
    ),
    C.AcknowledgeComplaint: (
        lambda w: C.AcknowledgeComplaint(complaint_id=w.complaint_id, agent="bo", message="Hi"),
        "agent",
        "",
    ),
    C.AssignComplaint: (
        lambda w: C.AssignComplaint(complaint_id=w.complaint_id, agent="bo"),
        "agent",
        "",
    ),
    C.EscalateComplaint: (
        lambda w: C.EscalateComplaint(complaint_id=w.complaint_id, level=1, reason="r"),
        "level",
        9,
    ),
    C.AddComplaintNote: (
        lambda w: C.AddComplaintNote(complaint_id=w.complaint_id, visibility="public", text="t"),
        "visibility",
        "secret",
    ),
    C.WaitOnClient: (
        lambda w: C.WaitOnClient(complaint_id=w.complaint_id, reason="r"),
        "reason",
        "",
    ),
    C.RecordClientReply: (
        lambda w: C.RecordClientReply(complaint_id=w.complaint_id),
        None,
        None,
    ),
    C.IdentifyRootCause: (
        lambda w: C.IdentifyRootCause(complaint_id=w.complaint_id, category="c", analysis="a"),
        "analysis",
        "",
    ),
    C.ResolveComplaint: (
        lambda w: C.ResolveComplaint(complaint_id=w.complaint_id, resolution="r"),
        "resolution",
        "",
    ),
    C.ReopenComplaint: (
        lambda w: C.ReopenComplaint(complaint_id=w.complaint_id, reason="r"),
        "reason",
        "",
    ),
    C.CloseComplaint: (
        lambda w: C.CloseComplaint(complaint_id=w.complaint_id, client_confirmed=True, csat=5),
        "csat",
        0,
    ),
    C.RecordSlaBreach: (
        lambda w: C.RecordSlaBreach(complaint_id=w.complaint_id, clock="first_response"),
        "clock",
        "lunch",
    ),
    C.WatchSla: (lambda w: C.WatchSla(complaint_id=w.complaint_id), None, None),
    S.DefineBusinessCalendar: (
        lambda w: S.DefineBusinessCalendar(
            name="Office", time_zone="Europe/Berlin", hours=OFFICE_HOURS
        ),
        "time_zone",
        "Mars/Olympus",
    ),
    S.ReviseBusinessCalendar: (
        lambda w: S.ReviseBusinessCalendar(
            calendar_id=w.calendar_id,
            time_zone="Europe/Berlin",
            hours=(S.WorkingHoursSpec("monday", "08:00", "16:00"),),
            reason="Summer hours",
        ),
        "reason",
        "",
    ),
    S.DefineSlaPolicy: (
        lambda w: S.DefineSlaPolicy(name="Gold", targets=TARGETS, calendar_id=w.calendar_id),
        "warning_percent",
        150,
    ),
    S.ReviseSlaPolicy: (
        lambda w: S.ReviseSlaPolicy(
            policy_id=w.policy_id, targets=TARGETS, warning_percent=80, reason="Warn earlier"
        ),
        "reason",
        " ",
    ),
    K.IdentifyRisk: (
        lambda w: K.IdentifyRisk(
            engagement_id=w.engagement_id, title="t", category="cost", owner="o"
        ),
        "category",
        "weather",
    ),
    K.AssessRisk: (
        lambda w: K.AssessRisk(risk_id=w.risk_id, probability=3, impact=3),
        "impact",
        6,
    ),
    K.PlanRiskResponse: (
        lambda w: K.PlanRiskResponse(
            risk_id=w.risk_id, strategy="avoid", actions=("a",), next_review_on=LATER
        ),
        "strategy",
        "ignore",
    ),
    K.ReviewRisk: (
        lambda w: K.ReviewRisk(risk_id=w.risk_id, notes="n", next_review_on=LATER),
        "notes",
        "",
    ),
    K.RecordRiskOccurrence: (
        lambda w: K.RecordRiskOccurrence(risk_id=w.risk_id, what_happened="w"),
        "what_happened",
        "",
    ),
    K.CloseRisk: (lambda w: K.CloseRisk(risk_id=w.risk_id, reason="r"), "reason", ""),
}


def all_command_classes() -> set[type[Command]]:
    modules = (
        engagement_commands,
        requirement_commands,
        complaint_commands,
        risk_commands,
        sla_commands,
    )
    return {
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Command)
        and value.__module__ == module.__name__
        and not getattr(value, "__abstractmethods__", None)
    }


def test_every_command_has_a_bad_input_case() -> None:
    assert all_command_classes() == set(CASES)


@pytest.fixture
def world(app: Rapport) -> World:
    engagement_id = open_engagement(app)
    calendar = S.DefineBusinessCalendar(name="Office", time_zone="UTC", hours=OFFICE_HOURS)
    policy = S.DefineSlaPolicy(name="Silver", targets=TARGETS)
    return World(
        engagement_id,
        capture_requirement(app, engagement_id),
        receive_complaint(app, engagement_id),
        identify_risk(app, engagement_id),
        run(app, calendar).aggregate_id,
        run(app, policy).aggregate_id,
    )


def with_unknown_target(command: Command) -> Command:
    assert isinstance(command, ChangeCommand | CreateCommand)
    if isinstance(command, ChangeCommand):
        field = {
            "Engagement": "engagement_id",
            "Requirement": "requirement_id",
            "Complaint": "complaint_id",
            "Risk": "risk_id",
            "BusinessCalendar": "calendar_id",
            "SlaPolicy": "policy_id",
        }[command.target_class.__name__]
    else:
        field = "engagement_id" if hasattr(command, "engagement_id") else "calendar_id"
    return dataclasses.replace(command, **{field: unknown_id()})  # type: ignore[arg-type]


# Every command that names something that must exist.
CHILD_OR_CHANGE = [c for c in CASES if c not in (E.OpenEngagement, S.DefineBusinessCalendar)]
WITH_INVALID_VALUE = [c for c, (_, field, _) in CASES.items() if field is not None]


@pytest.mark.parametrize("command_class", CHILD_OR_CHANGE, ids=lambda c: c.__name__)
def test_an_unknown_id_is_not_found_and_writes_nothing(
    app: Rapport, world: World, command_class: type[Command]
) -> None:
    build, _, _ = CASES[command_class]
    head = app.head()
    with pytest.raises(NotFound):
        run(app, with_unknown_target(build(world)))
    assert app.head() == head


@pytest.mark.parametrize("command_class", WITH_INVALID_VALUE, ids=lambda c: c.__name__)
def test_an_invalid_value_is_refused_and_writes_nothing(
    app: Rapport, world: World, command_class: type[Command]
) -> None:
    # Where the world's state already forbids the command, the rule answers
    # first (RuleViolation); the domain tests pin each value check in every state.
    build, field, bad_value = CASES[command_class]
    command = dataclasses.replace(build(world), **{field: bad_value})  # type: ignore[arg-type]
    head = app.head()
    with pytest.raises(DomainError):
        run(app, command)
    assert app.head() == head


def test_a_blank_actor_is_refused(app: Rapport, world: World) -> None:
    build, _, _ = CASES[E.RecordCost]
    head = app.head()
    with pytest.raises(InvalidValue, match="actor"):
        run(app, build(world), actor=" ")
    assert app.head() == head


# Text no field takes: a NUL (no PostgreSQL text column holds it), another
# control character, a lone surrogate (not Unicode text), and more than any
# stated length.
NOT_TEXT = {"NUL": "a\x00b", "escape": "a\x1bb", "surrogate": "a\ud800b", "too long": "a" * 10_001}


def text_fields(command_class: type[Command]) -> list[str]:
    hints = typing.get_type_hints(command_class)
    return [
        field.name
        for field in dataclasses.fields(command_class)
        if field.init and hints[field.name] in (str, str | None)
    ]


TEXT_CASES = [
    (command_class, field) for command_class in CASES for field in text_fields(command_class)
]


@pytest.mark.parametrize("kind", NOT_TEXT)
@pytest.mark.parametrize(
    ("command_class", "field"), TEXT_CASES, ids=lambda c: getattr(c, "__name__", c)
)
def test_text_no_field_takes_is_refused_in_every_text_field_and_writes_nothing(
    app: Rapport, world: World, command_class: type[Command], field: str, kind: str
) -> None:
    build, _, _ = CASES[command_class]
    command = dataclasses.replace(build(world), **{field: NOT_TEXT[kind]})  # type: ignore[arg-type]
    head = app.head()
    with pytest.raises(DomainError):
        run(app, command)
    assert app.head() == head
