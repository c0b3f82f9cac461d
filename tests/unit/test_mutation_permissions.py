"""Every mutation says what it requires of its caller, so `me` can list the
ones a role may run by the rules that refuse the others."""

from __future__ import annotations

from uuid import uuid4

from application.access import Principal, Role
from application.kinds import KINDS
from interfaces.graphql.areas import AREAS
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


def test_every_command_of_every_declared_kind_is_exactly_one_mutation() -> None:
    # A kind declared in application.kinds whose commands were never joined
    # into the schema fails here, not when someone looks for the mutation.
    run_by_mutations = [
        field.metadata["rapport.requires"]
        for field in Mutation.__strawberry_definition__.fields
        if isinstance(field.metadata.get("rapport.requires"), type)
    ]
    declared = [command for kind in KINDS for command in kind.commands]
    assert sorted(c.__name__ for c in run_by_mutations) == sorted(c.__name__ for c in declared)


def test_every_declared_kind_has_one_graphql_area_running_its_commands() -> None:
    areas = {area.kind.name: area for area in AREAS if area.kind is not None}
    assert sorted(areas) == sorted(kind.name for kind in KINDS)
    for name, area in areas.items():
        run = {
            field.metadata["rapport.requires"]
            for field in area.mutations.__strawberry_definition__.fields  # type: ignore[union-attr]
        }
        assert run == set(KINDS.named(name).commands), name
