"""The workload view's report: per person, and what nobody is assigned."""

from __future__ import annotations

import strawberry

from application.views.workload import PersonLoad, WorkloadReport


@strawberry.type(description="What one person carries.")
class PersonWorkload:
    person: str = strawberry.field(
        description="The agent a complaint is assigned to, or who started a requirement's work."
    )
    open_complaints: int = strawberry.field(
        description="Complaints assigned to the person and not resolved or closed."
    )
    overdue_complaints: int = strawberry.field(
        description="Of those, the ones an SLA clock has run past its due time (a clock "
        "paused while waiting on the client is not due)."
    )
    requirements_in_progress: int = strawberry.field(
        description="Requirements the person started and that are still in progress."
    )
    load: int = strawberry.field(
        description="Open complaints plus requirements in progress: the items carried."
    )

    @staticmethod
    def of(person: PersonLoad) -> PersonWorkload:
        return PersonWorkload(
            person=person.person,
            open_complaints=person.open_complaints,
            overdue_complaints=person.overdue_complaints,
            requirements_in_progress=person.requirements_in_progress,
            load=person.load,
        )


@strawberry.type(description="Who carries what: people with something open, by name.")
class Workload:
    people: list[PersonWorkload]
    unassigned_open_complaints: int = strawberry.field(
        description="Open complaints nobody is assigned to."
    )
    unassigned_overdue_complaints: int = strawberry.field(
        description="Of those, the ones an SLA clock has run past its due time."
    )

    @staticmethod
    def of(report: WorkloadReport) -> Workload:
        return Workload(
            people=[PersonWorkload.of(person) for person in report.people],
            unassigned_open_complaints=report.unassigned_open_complaints,
            unassigned_overdue_complaints=report.unassigned_overdue_complaints,
        )
