"""The engagement plan view follows the engagement's own events as the
engagement itself does: the same version, team, objectives, milestones and
communication plan."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from uuid import uuid4

from application.views.plan import EngagementPlanView
from tests.unit.views.builders import (
    EventLog,
    complete_milestone,
    moment,
    open_engagement,
    plan_milestone,
    receive_complaint,
    stamp,
)

PLAN = EngagementPlanView()
T0 = moment(date(2026, 3, 2))


def test_the_plan_is_what_the_engagement_holds_after_the_same_events() -> None:
    log = EventLog()
    engagement = open_engagement(log, T0, start=True)
    milestone = plan_milestone(log, engagement, T0, date(2026, 4, 1), 2)
    complete_milestone(log, engagement, T0 + timedelta(hours=1), milestone)
    objective = uuid4()
    at = stamp(T0 + timedelta(hours=2))
    engagement.set_objective(objective_id=objective, description="Answer fast", metric="hours",
                             target=Decimal(4), due_on=date(2026, 6, 30), stamp=at)  # fmt: skip
    engagement.record_objective_result(objective_id=objective, actual=Decimal(5), stamp=at)
    # A revision keeps the result measured.
    engagement.set_objective(objective_id=objective, description="Answer faster", metric="hours",
                             target=Decimal(3), due_on=date(2026, 6, 30), stamp=at)  # fmt: skip
    for person in ("ana", "ben"):
        engagement.assign_member(person=person, role="responsible", area="support", stamp=at)
    engagement.release_member(person="ANA", role="responsible", area="Support", stamp=at)
    engagement.set_communication_plan(
        cadence="weekly", channels=["email"], audience=["client"], stamp=at
    )
    log.record(engagement)
    receive_complaint(log, engagement.id, T0 + timedelta(hours=3))  # not the engagement's own

    plan = log.state(PLAN, engagement.id)

    assert plan.version == engagement.version
    assert plan.team == engagement.members
    assert plan.objectives == {str(k): o for k, o in engagement.objectives_set.items()}
    assert plan.objectives[str(objective)].actual == Decimal(5)
    assert plan.communication_plan == engagement.communication_plan
    assert [(key, m.name, m.due_on, m.weight, m.completed_at) for key, m in plan.milestones.items()
            ] == [(str(k), m.name, m.due_on, m.weight, m.completed_at)
                  for k, m in engagement.milestones.items()]  # fmt: skip
