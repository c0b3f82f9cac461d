"""The roles a token may have and the permissions each grants: the words every
command class and every check is written in. Kept apart from `access` (the
checks) so that command classes can name their permission without a circle."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    AGENT = "agent"
    VIEWER = "viewer"
    CLIENT = "client"


class Permission(StrEnum):
    READ = "read"
    SEE_OPERATIONS = "see the service's operations (log head, view positions)"
    WORK_COMPLAINTS = "work complaints"
    WORK_REQUIREMENTS = "work requirements"
    MANAGE_ENGAGEMENTS = "manage engagements"
    MANAGE_RISKS = "manage risks"
    MANAGE_SLA = "manage SLA calendars and policies"
    MANAGE_TOKENS = "manage tokens"
    MANAGE_WEBHOOKS = "manage webhooks"
    REPLAY_VIEWS = "replay views"
    ACT_AS_CLIENT = "act as the client"


_TEAM = {Permission.READ, Permission.SEE_OPERATIONS}
_AGENT = _TEAM | {Permission.WORK_COMPLAINTS, Permission.WORK_REQUIREMENTS}
_MANAGER = _AGENT | {Permission.MANAGE_ENGAGEMENTS, Permission.MANAGE_RISKS, Permission.MANAGE_SLA}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset(_TEAM),
    Role.AGENT: frozenset(_AGENT),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(
        _MANAGER | {Permission.MANAGE_TOKENS, Permission.MANAGE_WEBHOOKS, Permission.REPLAY_VIEWS}
    ),
    Role.CLIENT: frozenset({Permission.READ, Permission.ACT_AS_CLIENT}),
}
