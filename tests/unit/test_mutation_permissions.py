"""Every mutation says what it requires of its caller, so `me` can list the
ones a role may run by the rules that refuse the others."""

from __future__ import annotations

from uuid import uuid4

from application.access import Principal, Role
from interfaces.graphql.permissions import runnable_mutations
from interfaces.graphql.schema import Mutation, build_schema


def test_every_mutation_is_tagged_with_what_it_requires() -> None:
    untagged = [
        field.python_name
        for field in Mutation.__strawberry_definition__.fields
        if not field.metadata
    ]
    assert untagged == []


def test_each_role_may_run_at_least_what_the_role_below_it_may() -> None:
    schema = build_schema()

    def runnable(role: Role) -> set[str]:
        client_id = uuid4() if role is Role.CLIENT else None
        return set(runnable_mutations(schema, Principal("x", role, client_id, uuid4())))

    viewer, agent, manager, admin = (
        runnable(role) for role in (Role.VIEWER, Role.AGENT, Role.MANAGER, Role.ADMIN)
    )
    assert viewer == set() and viewer < agent < manager < admin
    assert runnable(Role.CLIENT) < manager
