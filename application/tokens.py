"""API tokens: issued once, stored only as a hash, revocable.

A token is 32 random bytes, so a plain SHA-256 of it is as good as any slow
password hash: there is nothing to guess. The secret is shown to whoever
creates it and never again.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from uuid import UUID

from application.access import Permission, Principal, Role
from application.errors import InvalidValue, NotFound
from application.ports import Clock, TokenRecord, TokenStore

TOKEN_PREFIX = "rpt_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class Tokens:
    def __init__(self, store: TokenStore, clock: Clock, new_id: Callable[[], UUID]) -> None:
        self.store = store
        self.clock = clock
        self.new_id = new_id

    def create(
        self,
        role: str,
        name: str,
        client_id: UUID | None = None,
        *,
        by: Principal | None = None,
    ) -> tuple[str, TokenRecord]:
        """A new token's secret (shown once) and its record. `by` is the
        principal asking; None for the command line, which owns the machine."""
        _require_token_admin(by)
        try:
            parsed_role = Role(role)
        except ValueError:
            roles = ", ".join(r.value for r in Role)
            raise InvalidValue("role", f"{role!r} is not one of {roles}") from None
        if not name.strip():
            raise InvalidValue("name", "must not be blank")
        if (parsed_role is Role.CLIENT) != (client_id is not None):
            raise InvalidValue("client_id", "a client token needs a client, and only it")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = TokenRecord(
            self.new_id(), name.strip(), parsed_role.value, client_id, self.clock.now()
        )
        self.store.add(record, hash_secret(secret))
        return secret, record

    def authenticate(self, secret: str) -> Principal | None:
        """The principal a live token acts as; None for an unknown or revoked one."""
        record = self.store.find(hash_secret(secret))
        if record is None or record.revoked_at is not None:
            return None
        return Principal(record.name, Role(record.role), record.client_id)

    def all(self, *, by: Principal | None = None) -> list[TokenRecord]:
        _require_token_admin(by)
        return self.store.all()

    def revoke(self, token_id: UUID, *, by: Principal | None = None) -> TokenRecord:
        _require_token_admin(by)
        record = self.store.revoke(token_id, self.clock.now())
        if record is None:
            raise NotFound("token", token_id)
        return record


def _require_token_admin(principal: Principal | None) -> None:
    if principal is not None:
        principal.require(Permission.MANAGE_TOKENS)
