"""Who may do what: roles, the principal a request acts as, and the checks.

Permissions live here, in the application layer, so every way in (GraphQL, the
CLI, a worker) is held to the same rules. A role grants a set of permissions:

- viewer: read, and see the service's operations (view positions, the log's head)
- agent: also work complaints and requirements
- manager: also engagements (budgets, team, surveys, status), risks, and SLA
  calendars and policies
- admin: also tokens, webhooks and view replays
- client: read its own client's engagements and their children, but not the
  team's internal notes, and act as the client does: record survey responses,
  confirm, accept or reject requirements, raise complaints and reply to them.

A client principal never learns whether another client's engagement exists:
anything outside its scope is reported as not found, never as forbidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from application.commands import complaint as complaints
from application.commands import engagement as engagements
from application.commands import requirement as requirements
from application.commands import risk as risks
from application.commands import sla
from application.commands.base import Command
from application.errors import Forbidden


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

# What a client does itself; every other command is the service team's.
CLIENT_COMMANDS: frozenset[type[Command]] = frozenset(
    {
        engagements.RecordSurveyResponse,
        requirements.ConfirmRequirement,
        requirements.AcceptRequirement,
        requirements.RejectRequirement,
        complaints.ReceiveComplaint,
        complaints.RecordClientReply,
    }
)

_MODULE_PERMISSIONS = {
    engagements.__name__: Permission.MANAGE_ENGAGEMENTS,
    requirements.__name__: Permission.WORK_REQUIREMENTS,
    complaints.__name__: Permission.WORK_COMPLAINTS,
    risks.__name__: Permission.MANAGE_RISKS,
    sla.__name__: Permission.MANAGE_SLA,
}


def required_permission(command_type: type[Command]) -> Permission:
    """The permission the service team needs to issue a command of this type."""
    return _MODULE_PERMISSIONS[command_type.__module__]


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: the token's name (recorded as each event's actor),
    its role, for a client token the client it speaks for, and the id of the
    token it authenticated with (None for the system and the command line).
    Names need not be unique; the token id tells two tokens apart."""

    name: str
    role: Role
    client_id: UUID | None = None
    token_id: UUID | None = None

    def __post_init__(self) -> None:
        if (self.role is Role.CLIENT) != (self.client_id is not None):
            raise ValueError("a client token needs a client id, and only a client token has one")

    @property
    def actor(self) -> str:
        return self.name

    @property
    def is_client(self) -> bool:
        return self.role is Role.CLIENT

    def can(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise Forbidden(f"role {self.role.value} may not {permission.value}")

    def may_issue(self, command_type: type[Command]) -> bool:
        """Whether the role may issue commands of this type at all."""
        if self.is_client:
            return command_type in CLIENT_COMMANDS
        return self.can(required_permission(command_type))

    def check_command(self, command: Command) -> None:
        """Forbidden unless the role may issue this command at all. Whether a
        client's command concerns its own engagement is checked on deciding."""
        if self.may_issue(type(command)):
            return
        who = "a client" if self.is_client else f"role {self.role.value}"
        raise Forbidden(f"{who} may not {_verb(command)}")

    def sees_client(self, client_id: UUID | None) -> bool:
        """Whether data of this client's engagements is within reach."""
        return not self.is_client or client_id == self.client_id


SYSTEM = Principal("system", Role.ADMIN)


def _verb(command: Command) -> str:
    name = type(command).__name__
    words = [""]
    for char in name:
        if char.isupper() and words[-1]:
            words.append("")
        words[-1] += char.lower()
    return " ".join(words)
