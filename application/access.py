"""Who may do what: roles, the principal a request acts as, and the checks.

Permissions live here, in the application layer, so every way in (GraphQL, the
CLI, a worker) is held to the same rules. A role grants a set of permissions
(`application.permissions`), and each command class names the one it needs:

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
from uuid import UUID

from application.commands.base import Command
from application.errors import Forbidden
from application.permissions import GRANTS, Permission, Role

__all__ = ["GRANTS", "SYSTEM", "Permission", "Principal", "Role", "required_permission"]


def required_permission(command_type: type[Command]) -> Permission:
    """The permission the service team needs to issue a command of this type:
    the command class says (see `application.commands.base.Command`)."""
    return command_type.permission


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
            return command_type.by_client
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
