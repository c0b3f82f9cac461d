"""What each mutation needs of its caller, kept on the mutation's field.

A mutation that runs a command needs what `application.access` asks of that
command type; the others (tokens, webhooks, view replays) name the permission
their application service checks. `me` reads these tags to tell a caller which
mutations it may run, so that answer is worked out by the same rules that
refuse a mutation, never kept as a list of its own.
"""

from __future__ import annotations

from typing import Any

import strawberry

from application.access import Permission, Principal
from application.commands.base import Command

Requirement = type[Command] | Permission

_KEY = "rapport.requires"


def requires(requirement: Requirement) -> dict[str, Any]:
    """The field metadata that tags a mutation with what it needs."""
    return {_KEY: requirement}


def allowed(principal: Principal, requirement: Requirement) -> bool:
    if isinstance(requirement, Permission):
        return principal.can(requirement)
    return principal.may_issue(requirement)


def runnable_mutations(schema: strawberry.Schema, principal: Principal) -> list[str]:
    """The names of the schema's mutations the principal's role may run, in
    schema order. Whether a client's mutation concerns its own engagement is
    checked when it runs, as always."""
    mutation = schema.get_type_by_name("Mutation")
    if mutation is None or not hasattr(mutation, "fields"):
        return []
    names = []
    for field in mutation.fields:
        if _KEY not in field.metadata:
            raise LookupError(f"mutation {field.python_name} does not say what it requires")
        if allowed(principal, field.metadata[_KEY]):
            names.append(schema.config.name_converter.from_field(field))
    return names
