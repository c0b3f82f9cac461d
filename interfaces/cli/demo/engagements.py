"""Steps that run an engagement: open, plan, staff, report, spend, survey, pause, close.

Each helper takes rows of a data table (see `engagement_data`) and adds one
step per row. Times are days before now; due dates and planned dates are given
the same way, negative when they lie in the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from uuid import UUID

from application.commands.engagement import (
    AssignMember,
    CloseEngagement,
    CompleteMilestone,
    LogMeeting,
    OpenEngagement,
    PlanMilestone,
    PublishStatusReport,
    PutEngagementOnHold,
    RecordCost,
    RecordObjectiveResult,
    RecordSurveyResponse,
    ReleaseMember,
    RescheduleMilestone,
    ResumeEngagement,
    ReviseBudget,
    SetCommunicationPlan,
    SetObjective,
    StartEngagement,
)
from domain.engagement import ActionItem, CostCategory, MemberRole, Rag
from interfaces.cli.demo.timeline import Build, Refs, Timeline

# (days ago, description, metric, target, due days ago)
Objective = tuple[float, str, str, str, float]
# (days ago, metric, actual)
ObjectiveResult = tuple[float, str, str]
# (days ago, name, due days ago, weight)
Milestone = tuple[float, str, float, str]
# (days ago, name, new due days ago, reason); a due of None completes the milestone instead
MilestoneChange = tuple[float, str, float | None, str]
# (days ago, actor, person, role, area, "assign" | "release")
Membership = tuple[float, str, str, str, str, str]
# (days ago, attendees, agenda, minutes, ((action, owner, due in days), ...))
Meeting = tuple[float, tuple[str, ...], str, str, tuple[tuple[str, str, int], ...]]
# (days ago, cadence, channels, audience)
Plan = tuple[float, str, tuple[str, ...], tuple[str, ...]]
# (days ago, rag, summary, next steps): each report covers the seven days before it
StatusReport = tuple[float, str, str, str]
# (days ago, category, amount, note)
Cost = tuple[float, str, str, str]
# (days ago, new budget, reason)
Revision = tuple[float, str, str]
# (days ago, csat or None, nps or None, respondent, channel, comment)
Survey = tuple[float, int | None, int | None, str, str, str]
# (days ago, actor, "start" | "hold" | "resume", reason)
Transition = tuple[float, str, str, str]


@dataclass(frozen=True)
class Opening:
    key: str
    client_id: UUID
    client_name: str
    title: str
    objectives: tuple[str, ...]
    planned_start: float  # days ago
    planned_end: float  # days ago (negative: in the future)
    budget: str
    currency: str
    owner: str


@dataclass(frozen=True)
class Closing:
    days_ago: float
    refused: bool  # an attempt made while work is still open, which the domain must refuse
    outcome: str
    evaluation: str
    lessons_learned: tuple[str, ...]


def open_engagement(t: Timeline, days_ago: float, opening: Opening) -> None:
    def build(r: Refs) -> OpenEngagement:
        return OpenEngagement(
            client_id=opening.client_id,
            client_name=opening.client_name,
            title=opening.title,
            objectives=opening.objectives,
            planned_start=r.day(opening.planned_start),
            planned_end=r.day(opening.planned_end),
            budget=Decimal(opening.budget),
            currency=opening.currency,
            owner=opening.owner,
        )

    t.names[opening.key] = opening.title
    label = f"Opened engagement {opening.title!r} for {opening.client_name}"
    t.add(days_ago, opening.owner, build, key=opening.key, label=label)


def set_objectives(t: Timeline, key: str, actor: str, rows: list[Objective]) -> None:
    for row in rows:
        t.add(row[0], actor, _objective(key, row))


def _objective(key: str, row: Objective) -> Build:
    _, description, metric, target, due = row
    return lambda r: SetObjective(
        engagement_id=r[key],
        description=description,
        metric=metric,
        target=Decimal(target),
        due_on=r.day(due),
    )


def record_results(t: Timeline, key: str, actor: str, rows: list[ObjectiveResult]) -> None:
    for days_ago, metric, actual in rows:
        t.add(days_ago, actor, _result(key, metric, actual))


def _result(key: str, metric: str, actual: str) -> Build:
    return lambda r: RecordObjectiveResult(
        engagement_id=r[key], objective_id=r.objective(key, metric), actual=Decimal(actual)
    )


def plan_milestones(t: Timeline, key: str, actor: str, rows: list[Milestone]) -> None:
    for days_ago, name, due, weight in rows:
        t.add(days_ago, actor, _milestone(key, name, due, weight))


def _milestone(key: str, name: str, due: float, weight: str) -> Build:
    return lambda r: PlanMilestone(
        engagement_id=r[key], name=name, due_on=r.day(due), weight=Decimal(weight)
    )


def change_milestones(t: Timeline, key: str, actor: str, rows: list[MilestoneChange]) -> None:
    for days_ago, name, due, reason in rows:
        t.add(days_ago, actor, _milestone_change(key, name, due, reason))


def _milestone_change(key: str, name: str, due: float | None, reason: str) -> Build:
    def build(r: Refs) -> CompleteMilestone | RescheduleMilestone:
        milestone_id = r.milestone(key, name)
        if due is None:
            return CompleteMilestone(engagement_id=r[key], milestone_id=milestone_id)
        return RescheduleMilestone(
            engagement_id=r[key], milestone_id=milestone_id, due_on=r.day(due), reason=reason
        )

    return build


def staff(t: Timeline, key: str, rows: list[Membership]) -> None:
    for days_ago, actor, person, role, area, verb in rows:
        command = AssignMember if verb == "assign" else ReleaseMember
        t.add(days_ago, actor, _membership(command, key, person, role, area))


def _membership(
    command: type[AssignMember | ReleaseMember], key: str, person: str, role: str, area: str
) -> Build:
    return lambda r: command(engagement_id=r[key], person=person, role=MemberRole(role), area=area)


def communication_plan(t: Timeline, key: str, actor: str, plan: Plan) -> None:
    days_ago, cadence, channels, audience = plan
    t.add(
        days_ago,
        actor,
        lambda r: SetCommunicationPlan(
            engagement_id=r[key], cadence=cadence, channels=channels, audience=audience
        ),
    )


def log_meetings(t: Timeline, key: str, actor: str, rows: list[Meeting]) -> None:
    for row in rows:
        t.add(row[0], actor, _meeting(key, row))


def _meeting(key: str, row: Meeting) -> Build:
    days_ago, attendees, agenda, minutes, actions = row

    def build(r: Refs) -> LogMeeting:
        held_on = r.day(days_ago)
        items = tuple(
            ActionItem(description=text, owner=owner, due_on=held_on + timedelta(days=due_in))
            for text, owner, due_in in actions
        )
        return LogMeeting(
            engagement_id=r[key],
            held_on=held_on,
            attendees=attendees,
            agenda=agenda,
            minutes=minutes,
            action_items=items,
        )

    return build


def publish_reports(t: Timeline, key: str, actor: str, rows: list[StatusReport]) -> None:
    for row in rows:
        t.add(row[0], actor, _report(key, row))


def _report(key: str, row: StatusReport) -> Build:
    days_ago, rag, summary, next_steps = row
    return lambda r: PublishStatusReport(
        engagement_id=r[key],
        period_start=r.day(days_ago + 7),
        period_end=r.day(days_ago + 1),
        rag=Rag(rag),
        summary=summary,
        next_steps=next_steps,
    )


def record_costs(t: Timeline, key: str, actor: str, rows: list[Cost]) -> None:
    for row in rows:
        t.add(row[0], actor, _cost(key, row))


def _cost(key: str, row: Cost) -> Build:
    days_ago, category, amount, note = row
    return lambda r: RecordCost(
        engagement_id=r[key],
        amount=Decimal(amount),
        category=CostCategory(category),
        incurred_on=r.day(days_ago),
        note=note,
    )


def revise_budget(t: Timeline, key: str, actor: str, revision: Revision) -> None:
    days_ago, amount, reason = revision
    t.add(
        days_ago,
        actor,
        lambda r: ReviseBudget(engagement_id=r[key], new_budget=Decimal(amount), reason=reason),
    )


def record_surveys(t: Timeline, key: str, actor: str, rows: list[Survey]) -> None:
    for row in rows:
        t.add(row[0], actor, _survey(key, row))


def _survey(key: str, row: Survey) -> Build:
    _, csat, nps, respondent, channel, comment = row
    return lambda r: RecordSurveyResponse(
        engagement_id=r[key],
        csat=csat,
        nps=nps,
        respondent=respondent,
        channel=channel,
        comment=comment,
    )


def transitions(t: Timeline, key: str, rows: list[Transition]) -> None:
    for days_ago, actor, verb, reason in rows:
        label = f"{_DONE[verb]} {t.names[key]!r}"
        t.add(days_ago, actor, _transition(key, verb, reason), label=label)


_DONE = {"start": "Started", "hold": "Put on hold", "resume": "Resumed"}


def _transition(key: str, verb: str, reason: str) -> Build:
    if verb == "start":
        return lambda r: StartEngagement(engagement_id=r[key])
    if verb == "hold":
        return lambda r: PutEngagementOnHold(engagement_id=r[key], reason=reason)
    if verb == "resume":
        return lambda r: ResumeEngagement(engagement_id=r[key])
    raise ValueError(f"unknown engagement transition {verb!r}")


def close(t: Timeline, key: str, actor: str, closing: Closing) -> None:
    """Close the engagement; with `closing.refused`, an attempt its open work must stop."""
    name = t.names[key]
    t.add(
        closing.days_ago,
        actor,
        lambda r: CloseEngagement(
            engagement_id=r[key],
            outcome=closing.outcome,
            evaluation=closing.evaluation,
            lessons_learned=closing.lessons_learned,
        ),
        label=f"Tried to close {name!r} with work open" if closing.refused else f"Closed {name!r}",
        refused=closing.refused,
    )
